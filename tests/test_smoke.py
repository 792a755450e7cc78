from odoo.tests.common import SavepointCase


class TestSmoke(SavepointCase):
    def test_plan_create(self):
        plan = self.env["gov.plan"].create({"name": "X"})
        self.assertEqual(plan.state, "draft")

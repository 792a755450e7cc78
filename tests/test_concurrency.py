"""Two leaders approving the same report at the same moment: one approval.

This needs two real transactions, so the fixtures are committed through
cursors of their own (not the test transaction) and removed at the end.
"""

import unittest
import uuid

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.tests.common import get_db_name


class TestConcurrentApproval(unittest.TestCase):

    def setUp(self):
        self.registry = odoo.registry(get_db_name())
        self.tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"tracking_disable": True, "no_reset_password": True}
            )
            unit = env["hr.department"].create({"name": "Concurrency " + self.tag})
            group = env.ref("gov_plan.group_gov_plan_leader")
            users = env["res.users"]
            for name in ("leader1", "leader2", "staff", "head"):
                role = {"staff": "user", "head": "unit_head"}.get(name, "leader")
                user = users.create(
                    {
                        "name": name,
                        "login": "%s_%s" % (name, self.tag),
                        "lang": "en_US",
                        "email": "%s_%s@example.org" % (name, self.tag),
                        "groups_id": [
                            (6, 0, [env.ref("gov_plan.group_gov_plan_" + role).id])
                        ],
                    }
                )
                env["hr.employee"].create(
                    {"name": name, "user_id": user.id, "department_id": unit.id}
                )
                users |= user
            self.assertTrue(group)
            agency = env["gov.plan.agency"].create(
                {"name": "Agency " + self.tag, "code": "C" + self.tag}
            )
            plan = env["gov.plan"].create(
                {
                    "title": "Concurrency " + self.tag,
                    "agency_id": agency.id,
                    "unit_id": unit.id,
                    "date": "2024-04-05",
                    "duty_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Duty",
                                "unit_id": unit.id,
                                "date_deadline": "2024-12-14",
                            },
                        )
                    ],
                }
            )
            report = env["gov.plan.report"].create(
                {
                    "plan_id": plan.id,
                    "unit_id": unit.id,
                    "period_type": "quarterly",
                    "date_from": "2024-03-15",
                    "date_to": "2024-06-14",
                }
            )
            report.sudo(users[2])._fill_lines()
            report.sudo(users[2]).action_submit()
            report.sudo(users[3]).action_accept()
            self.ids = {
                "unit": unit.id,
                "users": users.ids,
                "agency": agency.id,
                "plan": plan.id,
                "report": report.id,
            }

    def tearDown(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["gov.plan.report"].browse(self.ids["report"]).with_context(
                gov_plan_workflow=True
            ).write({"state": "draft"})
            env["gov.plan.report"].browse(self.ids["report"]).unlink()
            env["gov.plan"].browse(self.ids["plan"]).unlink()
            env["gov.plan.agency"].browse(self.ids["agency"]).unlink()
            users = env["res.users"].browse(self.ids["users"])
            users.mapped("employee_ids").unlink()
            users.write({"active": False})

    def test_two_leaders_at_once_give_one_approval(self):
        leader1, leader2 = self.ids["users"][:2]
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            env1 = api.Environment(cr1, leader1, {})
            env2 = api.Environment(cr2, leader2, {})
            env1["gov.plan.report"].browse(self.ids["report"]).action_approve()
            # leader 1 has not committed yet: leader 2 is told to try again
            with self.assertRaisesRegex(UserError, "Someone else"):
                env2["gov.plan.report"].browse(self.ids["report"]).action_approve()
            cr2.rollback()
            cr1.commit()
            # trying again after leader 1 committed: already approved
            env2.clear()
            with self.assertRaises(UserError):
                env2["gov.plan.report"].browse(self.ids["report"]).action_approve()
            cr2.rollback()
        finally:
            cr1.close()
            cr2.close()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            report = env["gov.plan.report"].browse(self.ids["report"])
            self.assertEqual(report.state, "approved")
            self.assertEqual(report.approved_by_id.id, leader1)
            approvals = report.message_ids.filtered(
                lambda m: m.body and "Approved." in m.body
            )
            self.assertEqual(len(approvals), 1)

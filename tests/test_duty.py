from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GovPlanCase


class TestDuty(GovPlanCase):
    def test_deadline_before_the_plan_date_is_refused(self):
        plan = self._plan()
        with self.refused(ValidationError, "before the plan"):
            self.env["gov.plan.duty"].sudo(self.staff_a).create(
                {
                    "plan_id": plan.id,
                    "name": "Sớm",
                    "unit_id": self.unit_b.id,
                    "date_deadline": "2024-01-01",
                }
            )
        self.assertEqual(len(plan.duty_ids), 2)

    def test_a_duty_needs_a_lead_unit(self):
        plan = self._plan()
        with self.assertRaisesRegex(ValidationError, "lead unit"):
            self.env["gov.plan.duty"].sudo(self.staff_a).create(
                {
                    "plan_id": plan.id,
                    "name": "Không đơn vị",
                    "date_deadline": "2024-12-01",
                }
            )
        with self.assertRaisesRegex(ValidationError, "lead unit"):
            plan.duty_ids[0].write({"unit_id": False})

    def test_periodic_duty_has_its_periods_and_no_date(self):
        """It used to be due on the year's last cut-off, and overdue from
        15 December: a duty reported every period is never overdue."""
        plan = self._plan()
        duty = (
            self.env["gov.plan.duty"]
            .sudo(self.staff_a)
            .create(
                {
                    "plan_id": plan.id,
                    "name": "Báo cáo quý",
                    "unit_id": self.unit_b.id,
                    "deadline_type": "period",
                    "period_ids": [
                        (6, 0, [self.env.ref("gov_plan.reporting_period_quarterly").id])
                    ],
                }
            )
        )
        self.assertFalse(duty.date_deadline)
        self.assertEqual(duty.period_ids.mapped("code"), ["quarterly"])

    def test_periodic_duty_needs_its_period(self):
        plan = self._plan()
        with self.assertRaisesRegex(ValidationError, "reporting periods"):
            self.env["gov.plan.duty"].sudo(self.staff_a).create(
                {
                    "plan_id": plan.id,
                    "name": "Định kỳ",
                    "unit_id": self.unit_b.id,
                    "deadline_type": "period",
                }
            )

    def test_overdue_is_computed_and_searchable(self):
        plan = self._issued_plan()
        duty_b = plan.duty_ids.sorted("date_deadline")[0]
        Duty = (
            self.env["gov.plan.duty"]
            .sudo(self.leader)
            .with_context(gov_today="2024-07-01")
        )
        self.assertEqual(duty_b.date_deadline, "2024-06-30")
        ctx_duties = Duty.browse(plan.duty_ids.ids)
        overdue = {d.name: d.is_overdue for d in ctx_duties}
        self.assertEqual(overdue, {"Tuyên truyền": True, "Hướng dẫn, đôn đốc": False})
        found = Duty.search([("plan_id", "=", plan.id), ("is_overdue", "=", True)])
        self.assertEqual(found.mapped("name"), ["Tuyên truyền"])
        not_found = Duty.search([("plan_id", "=", plan.id), ("is_overdue", "=", False)])
        self.assertEqual(not_found.mapped("name"), ["Hướng dẫn, đôn đốc"])

    def test_head_assigns_own_unit_duty_of_an_issued_plan(self):
        plan = self._issued_plan()
        duty_b = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        duty_b.sudo(self.head_b).write({"user_id": self.staff_b.id})
        self.assertEqual(duty_b.user_id, self.staff_b)
        with self.assertRaises(AccessError):
            duty_b.sudo(self.head_a).write({"user_id": self.staff_a.id})
        with self.assertRaises(UserError):
            duty_b.sudo(self.head_b).write({"name": "Đổi nội dung"})
        self.assertEqual(duty_b.user_id, self.staff_b)

    def test_only_leadership_cancels_a_duty(self):
        plan = self._issued_plan()
        duty = plan.duty_ids[0]
        with self.assertRaises(AccessError):
            duty.sudo(self.head_a).action_cancel()
        duty.sudo(self.leader).action_cancel()
        self.assertEqual(duty.state, "cancel")

from odoo.exceptions import AccessError, UserError

from .common import GovPlanCase


class TestPlanWorkflow(GovPlanCase):
    def test_full_cycle(self):
        plan = self._plan()
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.number_symbol, "\u2026/KH-SKHCN")
        plan.action_submit()
        self.assertEqual(plan.state, "submitted")
        plan.sudo(self.leader).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.leader)
        plan.sudo(self.clerk).action_issue()
        self.assertEqual(plan.state, "issued")
        self.assertEqual(plan.number_symbol, "01/KH-SKHCN")
        self.assertEqual(plan.issued_by_id, self.clerk)
        self.assertEqual(plan.issued_agency_name, "Sở Khoa học và Công nghệ")
        self.assertEqual(plan.issued_supervising_name, "UBND tỉnh Quảng Trị")
        plan.sudo(self.leader).action_done()
        self.assertEqual(plan.state, "done")

    def test_issued_plan_keeps_the_names_it_was_issued_under(self):
        plan = self._issued_plan()
        self.agency.name = "Sở Khoa học và Công nghệ tỉnh Quảng Trị (mới)"
        self.assertEqual(plan.issued_agency_name, "Sở Khoa học và Công nghệ")

    def test_staff_of_another_unit_cannot_submit(self):
        plan = self._plan()
        with self.assertRaises(AccessError):
            plan.sudo(self.staff_b).action_submit()
        self.assertEqual(plan.state, "draft")

    def test_only_leadership_approves(self):
        plan = self._plan()
        plan.action_submit()
        for user in (self.staff_a, self.head_a, self.clerk):
            with self.assertRaises(AccessError):
                plan.sudo(user).action_approve()
        self.assertEqual(plan.state, "submitted")

    def test_approve_in_wrong_state(self):
        plan = self._plan()
        with self.assertRaises(UserError):
            plan.sudo(self.leader).action_approve()
        self.assertEqual(plan.state, "draft")

    def test_only_the_clerk_issues(self):
        plan = self._plan()
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        for user in (self.staff_a, self.head_a, self.leader):
            with self.assertRaises(AccessError):
                plan.sudo(user).action_issue()
        self.assertEqual(plan.state, "approved")
        self.assertFalse(plan.number)

    def test_issuing_twice_is_refused(self):
        plan = self._issued_plan()
        with self.assertRaisesRegex(UserError, "01/KH-SKHCN"):
            plan.sudo(self.clerk).action_issue()
        self.assertEqual(plan.number, 1)
        register = self.env["gov.plan.register"].search(
            [("agency_id", "=", self.agency.id)]
        )
        self.assertEqual(register.last_number, 1)

    def test_issuing_a_draft_is_refused(self):
        plan = self._plan()
        with self.assertRaises(UserError):
            plan.sudo(self.clerk).action_issue()
        self.assertFalse(plan.number)

    def test_cancel_needs_a_reason_and_leadership(self):
        plan = self._plan()
        with self.assertRaisesRegex(UserError, "reason"):
            plan.sudo(self.leader).action_cancel(reason="  ")
        with self.assertRaises(AccessError):
            plan.sudo(self.staff_a).action_cancel(reason="Không cần nữa")
        plan.sudo(self.leader).action_cancel(reason="Trùng với kế hoạch khác")
        self.assertEqual(plan.state, "cancel")
        self.assertEqual(plan.state_reason, "Trùng với kế hoạch khác")

    def test_cannot_cancel_an_issued_plan(self):
        plan = self._issued_plan()
        with self.assertRaises(UserError):
            plan.sudo(self.leader).action_cancel(reason="Sai")
        self.assertEqual(plan.state, "issued")

    def test_back_to_draft_from_submitted_by_the_unit(self):
        plan = self._plan()
        plan.action_submit()
        with self.assertRaisesRegex(UserError, "reason"):
            plan.action_back_to_draft(reason="")
        with self.assertRaises(AccessError):
            plan.sudo(self.staff_b).action_back_to_draft(reason="Sửa")
        plan.action_back_to_draft(reason="Bổ sung nhiệm vụ")
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.state_reason, "Bổ sung nhiệm vụ")

    def test_back_to_draft_from_approved_needs_leadership(self):
        plan = self._plan()
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        with self.assertRaises(AccessError):
            plan.action_back_to_draft(reason="Sửa")
        plan.sudo(self.leader).action_back_to_draft(reason="Điều chỉnh thời hạn")
        self.assertEqual(plan.state, "draft")

    def test_back_to_draft_not_from_issued(self):
        plan = self._issued_plan()
        with self.assertRaises(UserError):
            plan.sudo(self.leader).action_back_to_draft(reason="Sửa")
        self.assertEqual(plan.state, "issued")

    def test_editing_an_approved_plan_is_refused(self):
        plan = self._plan()
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        with self.assertRaises(UserError):
            plan.sudo(self.leader).write({"title": "Đổi tên"})
        with self.assertRaises(UserError):
            plan.duty_ids[0].sudo(self.staff_a).write({"name": "Đổi"})
        self.assertEqual(plan.title, "Tổ chức thực hiện Kế hoạch kiểm thử")

    def test_reason_wizard_calls_the_checked_action(self):
        plan = self._plan()
        wizard = (
            self.env["gov.plan.reason.wizard"]
            .sudo(self.staff_a)
            .create(
                {
                    "res_model": "gov.plan",
                    "res_id": plan.id,
                    "action": "action_cancel",
                    "reason": "Không cần",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        wizard = (
            self.env["gov.plan.reason.wizard"]
            .sudo(self.staff_a)
            .create(
                {
                    "res_model": "gov.plan",
                    "res_id": plan.id,
                    "action": "unlink",
                    "reason": "x",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertTrue(plan.exists())

    def test_a_user_without_email_is_told_before_the_step(self):
        plan = self._plan()
        self.staff_a.partner_id.email = False
        with self.refused(UserError, "no e-mail address"):
            plan.action_submit()
        self.assertEqual(plan.state, "draft")

    def test_plan_with_reports_cannot_be_deleted(self):
        plan = self._plan()
        # a report on a plan that is not issued is the superuser's only (an
        # import, an old database): the plan still keeps it
        self.env["gov.plan.report"].create(
            {
                "plan_id": plan.id,
                "unit_id": self.unit_b.id,
                "period_type": "monthly",
                "date_from": "2024-04-15",
                "date_to": "2024-05-14",
            }
        )
        with self.refused(UserError, "has reports"):
            plan.unlink()
        self.assertTrue(plan.exists())

    def test_chain_followed_up_and_down(self):
        parent = self._issued_plan()
        child = self._plan(
            title="Kế hoạch của đơn vị",
            date="2024-05-01",
            basis_ids=[(0, 0, {"parent_plan_id": parent.id})],
        )
        self.assertEqual(child.basis_ids.parent_plan_id, parent)
        self.assertEqual(parent.child_plan_ids, child)
        self.assertIn("01/KH-SKHCN", child.basis_ids.display_name)

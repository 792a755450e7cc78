from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GovPlanCase


class TestReportWorkflow(GovPlanCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._issued_plan_cls()

    @classmethod
    def _issued_plan_cls(cls):
        case = cls.__new__(cls)
        return GovPlanCase._issued_plan(case)

    def _report_b(self, **vals):
        return self._unit_report(self.plan, self.staff_b, self.unit_b, **vals)

    def test_lines_are_the_units_duties(self):
        report = self._report_b()
        self.assertEqual(
            report.line_ids.mapped("duty_id"),
            self.plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b),
        )
        self.assertEqual(report.name, "Trung tâm (test) - Quý II/2024")

    def test_full_cycle_updates_the_duty(self):
        report = self._report_b()
        report.line_ids.write(
            {
                "result": "Đã đăng 12 tin bài",
                "status": "done",
                "progress": 100,
                "date_done": "2024-06-10",
            }
        )
        report.action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.submitted_by_id, self.staff_b)
        report.sudo(self.head_b).action_accept()
        self.assertEqual(report.state, "accepted")
        duty = report.line_ids.duty_id
        self.assertEqual(duty.state, "todo", "nothing changes before approval")
        report.sudo(self.leader).action_approve()
        self.assertEqual(report.state, "approved")
        self.assertEqual(report.approved_by_id, self.leader)
        self.assertEqual(duty.state, "done_on_time")
        self.assertEqual(duty.progress, 100)
        self.assertEqual(duty.last_result, "Đã đăng 12 tin bài")

    def test_done_after_the_deadline_is_done_late(self):
        report = self._report_b(date_from="2024-06-15", date_to="2024-09-14")
        report.line_ids.write(
            {
                "result": "Xong",
                "status": "done",
                "progress": 100,
                "date_done": "2024-08-01",
            }
        )
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        self.assertEqual(report.line_ids.duty_id.state, "done_late")

    def test_in_progress_line(self):
        report = self._report_b()
        report.line_ids.write(
            {"result": "Đang làm", "status": "progress", "progress": 40}
        )
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        self.assertEqual(report.line_ids.duty_id.state, "progress")
        self.assertEqual(report.line_ids.duty_id.progress, 40)

    def test_head_of_another_unit_cannot_accept(self):
        report = self._report_b()
        report.action_submit()
        with self.assertRaises(AccessError):
            report.sudo(self.head_a).action_accept()
        with self.assertRaises(AccessError):
            report.sudo(self.staff_b).action_accept()
        self.assertEqual(report.state, "submitted")

    def test_approve_needs_acceptance_and_leadership(self):
        report = self._report_b()
        report.action_submit()
        with self.assertRaises(UserError):
            report.sudo(self.leader).action_approve()
        report.sudo(self.head_b).action_accept()
        with self.assertRaises(AccessError):
            report.sudo(self.head_b).action_approve()
        self.assertEqual(report.state, "accepted")

    def test_return_with_reason_at_both_steps(self):
        report = self._report_b()
        report.action_submit()
        with self.assertRaisesRegex(UserError, "reason"):
            report.sudo(self.head_b).action_return(reason="")
        report.sudo(self.head_b).action_return(reason="Thiếu minh chứng")
        self.assertEqual(report.state, "returned")
        self.assertEqual(report.return_reason, "Thiếu minh chứng")
        report.line_ids.write({"result": "Bổ sung"})
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        with self.assertRaises(AccessError):
            report.sudo(self.head_b).action_return(reason="Không")
        report.sudo(self.leader).action_return(reason="Số liệu chưa khớp")
        self.assertEqual(report.state, "returned")
        self.assertEqual(report.line_ids.duty_id.state, "todo")

    def test_approved_report_cannot_be_edited(self):
        report = self._report_b()
        report.line_ids.write({"result": "A", "status": "progress", "progress": 10})
        report.action_submit()
        with self.assertRaises(UserError):
            report.sudo(self.head_b).write({"difficulties": "Sửa sau khi gửi"})
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        with self.assertRaises(UserError):
            report.sudo(self.leader).write({"proposals": "Sửa"})
        with self.assertRaises(UserError):
            report.line_ids.sudo(self.leader).write({"result": "Sửa"})
        self.assertEqual(report.line_ids.result, "A")

    def test_approving_twice_gives_one_approval(self):
        report = self._report_b()
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        with self.assertRaises(UserError):
            report.sudo(self.manager).action_approve()
        self.assertEqual(report.approved_by_id, self.leader)

    def test_nothing_new_in_one_click(self):
        report = (
            self.env["gov.plan.report"]
            .sudo(self.staff_b)
            .create(
                {
                    "plan_id": self.plan.id,
                    "unit_id": self.unit_b.id,
                    "period_type": "quarterly",
                    "date_from": "2024-03-15",
                    "date_to": "2024-06-14",
                }
            )
        )
        report.action_nothing_new()
        self.assertTrue(report.nothing_new)
        self.assertEqual(len(report.line_ids), 1)
        self.assertEqual(report.line_ids.result, "Nothing new this period.")
        report.action_submit()
        self.assertEqual(report.state, "submitted")

    def test_period_ending_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "ends"):
            self.env["gov.plan.report"].sudo(self.staff_b).create(
                {
                    "plan_id": self.plan.id,
                    "unit_id": self.unit_b.id,
                    "period_type": "monthly",
                    "date_from": "2024-06-15",
                    "date_to": "2024-06-01",
                }
            )

    def test_a_unit_reports_only_its_own_duties(self):
        duty_a = self.plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_a)
        with self.assertRaises(ValidationError):
            self.env["gov.plan.report"].sudo(self.staff_b).create(
                {
                    "plan_id": self.plan.id,
                    "unit_id": self.unit_b.id,
                    "period_type": "monthly",
                    "date_from": "2024-05-15",
                    "date_to": "2024-06-14",
                    "line_ids": [(0, 0, {"duty_id": duty_a.id, "status": "progress"})],
                }
            )

    def test_staff_cannot_create_a_report_for_another_unit(self):
        with self.assertRaises(AccessError):
            self.env["gov.plan.report"].sudo(self.staff_b).create(
                {
                    "plan_id": self.plan.id,
                    "unit_id": self.unit_a.id,
                    "period_type": "monthly",
                    "date_from": "2024-05-15",
                    "date_to": "2024-06-14",
                }
            )

    def test_submit_needs_lines(self):
        report = (
            self.env["gov.plan.report"]
            .sudo(self.staff_b)
            .create(
                {
                    "plan_id": self.plan.id,
                    "unit_id": self.unit_b.id,
                    "period_type": "monthly",
                    "date_from": "2024-05-15",
                    "date_to": "2024-06-14",
                }
            )
        )
        with self.assertRaisesRegex(UserError, "no line"):
            report.action_submit()


class TestConsolidation(GovPlanCase):

    def _approve(self, report, head):
        report.action_submit()
        report.sudo(head).action_accept()
        report.sudo(self.leader).action_approve()

    def test_request_opens_the_units_reports_and_consolidates(self):
        plan = self._issued_plan()
        request = (
            self.env["gov.plan.report.request"]
            .sudo(self.leader)
            .create(
                {
                    "name": "Báo cáo 6 tháng đầu năm 2024",
                    "plan_id": plan.id,
                    "agency_id": self.culture.id,
                    "date_from": "2023-12-15",
                    "date_to": "2024-06-14",
                    "date_deadline": "2024-06-20",
                }
            )
        )
        with self.assertRaises(AccessError):
            request.sudo(self.staff_b).action_open()
        request.action_open()
        self.assertEqual(request.state, "open")
        reports = request.report_ids
        self.assertEqual(reports.mapped("unit_id"), self.unit_a | self.unit_b)
        report_a = reports.filtered(lambda r: r.unit_id == self.unit_a).sudo(
            self.staff_a
        )
        report_b = reports.filtered(lambda r: r.unit_id == self.unit_b).sudo(
            self.staff_b
        )
        self.assertEqual(len(report_a.line_ids), 1)
        report_a.line_ids.write(
            {"result": "Đã hướng dẫn các phòng", "status": "progress", "progress": 50}
        )
        report_a.write({"difficulties": "Thiếu nhân lực"})
        report_b.line_ids.write(
            {
                "result": "Đã đăng tin",
                "status": "done",
                "progress": 100,
                "date_done": "2024-05-02",
            }
        )
        report_b.write({"proposals": "Bổ sung kinh phí"})
        self._approve(report_a, self.head_a)
        # only approved reports are gathered: B is still a draft
        consolidated = (
            self.env["gov.plan.report"]
            .sudo(self.staff_a)
            .create_consolidated(
                plan, request.date_from, request.date_to, request=request
            )
        )
        self.assertEqual(consolidated.source_report_ids, report_a)
        consolidated.sudo(self.leader).unlink()
        self._approve(report_b, self.head_b)
        # staff of another unit than the office may not compile
        with self.assertRaises(AccessError):
            self.env["gov.plan.report"].sudo(self.staff_b).create_consolidated(
                plan, request.date_from, request.date_to, request=request
            )
        action = request.sudo(self.staff_a).action_consolidate()
        consolidated = (
            self.env["gov.plan.report"].sudo(self.staff_a).browse(action["res_id"])
        )
        self.assertEqual(consolidated.report_type, "consolidated")
        self.assertEqual(consolidated.agency_id, self.culture)
        self.assertEqual(consolidated.date_deadline, "2024-06-20")
        self.assertEqual(consolidated.unit_id, self.unit_a)
        self.assertEqual(consolidated.state, "draft")
        self.assertEqual(
            sorted(consolidated.line_ids.mapped("result")),
            ["Đã hướng dẫn các phòng", "Đã đăng tin"],
        )
        self.assertEqual(consolidated.line_ids.mapped("duty_id"), plan.duty_ids)
        self.assertIn("Thiếu nhân lực", consolidated.difficulties)
        self.assertIn("Bổ sung kinh phí", consolidated.proposals)
        consolidated.write({"proposals": "Đề nghị Sở VHTTDL hướng dẫn thêm"})
        consolidated.action_submit()
        with self.assertRaises(UserError):
            consolidated.sudo(self.head_a).action_accept()
        consolidated.sudo(self.leader).action_approve()
        self.assertEqual(consolidated.state, "approved")

    def test_nothing_to_consolidate(self):
        plan = self._issued_plan()
        with self.assertRaisesRegex(UserError, "No approved unit report"):
            self.env["gov.plan.report"].sudo(self.leader).create_consolidated(
                plan, "2024-03-15", "2024-06-14"
            )

    def test_request_dates_checked(self):
        plan = self._issued_plan()
        with self.assertRaises(ValidationError):
            self.env["gov.plan.report.request"].sudo(self.leader).create(
                {
                    "name": "Sai",
                    "plan_id": plan.id,
                    "date_from": "2024-06-14",
                    "date_to": "2024-06-01",
                    "date_deadline": "2024-06-20",
                }
            )
        with self.assertRaisesRegex(ValidationError, "one day after"):
            self.env["gov.plan.report.request"].sudo(self.leader).create(
                {
                    "name": "Sai",
                    "plan_id": plan.id,
                    "date_from": "2024-05-15",
                    "date_to": "2024-06-14",
                    "date_deadline": "2024-06-14",
                }
            )

import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GovPlanCase


class TestReportingCalendar(GovPlanCase):
    def _open_period(self, user, plan, **vals):
        values = {
            "plan_id": plan.id,
            "period_type": "quarterly",
            "year": "2024",
            "index": 2,
            "deadline_days": 2,
        }
        values.update(vals)
        wizard = self.env["gov.plan.period.wizard"].sudo(user).create(values)
        action = wizard.action_open()
        return self.env["gov.plan.report.request"].browse(action["res_id"])

    def test_quarter_round_with_decree09_cutoff_and_working_days(self):
        plan = self._issued_plan()
        request = self._open_period(self.leader, plan)
        self.assertEqual(
            (request.date_from, request.date_to), ("2024-03-15", "2024-06-14")
        )
        # Friday 14/06/2024 + 2 working days = Tuesday 18/06/2024
        self.assertEqual(request.date_deadline, "2024-06-18")
        self.assertEqual(request.state, "open")
        self.assertEqual(
            request.report_ids.mapped("unit_id"), self.unit_a | self.unit_b
        )
        report_b = request.report_ids.filtered(lambda r: r.unit_id == self.unit_b)
        self.assertEqual(
            report_b.line_ids.mapped("duty_id"),
            plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b),
        )

    def test_holidays_push_the_deadline(self):
        plan = self._issued_plan()
        self.env["gov.plan.holiday"].create({"name": "Nghỉ bù", "date": "2024-06-17"})
        request = self._open_period(self.leader, plan)
        self.assertEqual(request.date_deadline, "2024-06-19")

    def test_year_end_round(self):
        plan = self._issued_plan()
        request = self._open_period(
            self.leader,
            plan,
            period_type="monthly",
            year="2025",
            index=1,
            deadline_days=1,
        )
        self.assertEqual(
            (request.date_from, request.date_to), ("2024-12-15", "2025-01-14")
        )
        self.assertEqual(request.date_deadline, "2025-01-15")

    def test_the_office_may_open_a_round_other_staff_may_not(self):
        plan = self._issued_plan()
        with self.refused(AccessError):
            self._open_period(self.staff_b, plan)
        request = self._open_period(self.staff_a, plan)  # unit A is the office
        self.assertEqual(request.state, "open")

    def test_bad_rounds_refused(self):
        plan = self._issued_plan()
        with self.refused(ValidationError, "working day"):
            self._open_period(self.leader, plan, deadline_days=0)
        with self.refused(ValidationError, "no such period"):
            self._open_period(self.leader, plan, index=5)
        draft = self._plan()
        with self.refused(UserError, "issued plans only"):
            self._open_period(self.leader, draft)
        self.assertFalse(
            self.env["gov.plan.report.request"].search(
                [("plan_id", "in", (plan | draft).ids)]
            )
        )


class TestExtensions(GovPlanCase):
    def setUp(self):
        super().setUp()
        self.plan = self._issued_plan()
        self.duty_b = self.plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)

    def _ask(self, user, date_new="2024-08-31", duty=None):
        return (
            self.env["gov.plan.duty.extension"]
            .sudo(user)
            .create(
                {
                    "duty_id": (duty or self.duty_b).id,
                    "date_new": date_new,
                    "reason": "Chờ kinh phí",
                }
            )
        )

    def test_approved_extension_keeps_the_original_deadline(self):
        extension = self._ask(self.staff_b)
        self.assertEqual(extension.date_current, "2024-06-30")
        with self.refused(AccessError):
            extension.sudo(self.head_b).action_approve()
        extension.sudo(self.leader).action_approve()
        self.assertEqual(self.duty_b.date_deadline, "2024-08-31")
        self.assertEqual(self.duty_b.date_deadline_original, "2024-06-30")
        self.assertEqual(self.duty_b.extension_count, 1)
        # done within the new deadline but after the first one: done late
        report = self._unit_report(
            self.plan,
            self.staff_b,
            self.unit_b,
            date_from="2024-06-15",
            date_to="2024-09-14",
        )
        report.line_ids.write(
            {
                "status": "done",
                "progress": 100,
                "date_done": "2024-08-01",
                "result": "Xong",
            }
        )
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        self.assertEqual(self.duty_b.state, "done_late")

    def test_refused_extension_changes_nothing(self):
        extension = self._ask(self.staff_b)
        extension.sudo(self.leader).action_refuse(reason="Không đủ căn cứ")
        self.assertEqual(extension.state, "refused")
        self.assertEqual(self.duty_b.date_deadline, "2024-06-30")
        self.assertFalse(self.duty_b.date_deadline_original)
        self.assertEqual(self.duty_b.extension_count, 0)
        with self.refused(UserError):
            extension.sudo(self.leader).action_approve()

    def test_refusal_reason_through_the_wizard(self):
        extension = self._ask(self.staff_b)
        action = extension.sudo(self.leader).action_open_reason()
        wizard = (
            self.env["gov.plan.reason.wizard"]
            .sudo(self.leader)
            .with_context(action["context"])
            .create({"reason": "Thiếu căn cứ"})
        )
        self.assertEqual(wizard.action, "action_refuse")
        wizard.action_confirm()
        self.assertEqual(extension.state, "refused")
        self.assertEqual(extension.refuse_reason, "Thiếu căn cứ")

    def test_only_the_lead_unit_asks_and_only_for_later(self):
        with self.refused(AccessError):
            self._ask(self.staff_a)
        with self.refused(ValidationError, "after the current one"):
            self._ask(self.staff_b, date_new="2024-06-01")
        self.assertFalse(self.duty_b.extension_ids)


class TestReminders(GovPlanCase):
    def setUp(self):
        super().setUp()
        self.unit_b.manager_id = self.head_b.employee_ids[:1]
        self.plan = self._issued_plan()
        self.duty_b = self.plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        self.duty_b.sudo().user_id = self.staff_b
        self.Reminder = self.env["gov.plan.reminder"]

    def _activities(self, duty, user):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "gov.plan.duty"),
                ("res_id", "=", duty.id),
                ("user_id", "=", user.id),
            ]
        )

    def test_before_the_deadline_responsible_and_head_are_told_once(self):
        self.assertEqual(
            self.Reminder._cron_send(today="2024-06-20"), 0, "10 days ahead"
        )
        sent = self.Reminder._cron_send(today="2024-06-27")
        self.assertEqual(sent, 1)
        self.assertEqual(len(self._activities(self.duty_b, self.staff_b)), 1)
        self.assertEqual(len(self._activities(self.duty_b, self.head_b)), 1)
        self.assertFalse(self._activities(self.duty_b, self.leader))
        message = self.duty_b.message_ids[0]
        self.assertIn("30/06/2024", message.body)
        self.assertIn(self.staff_b.partner_id, message.partner_ids)
        # the job runs again the same day: nothing new
        self.assertEqual(self.Reminder._cron_send(today="2024-06-27"), 0)
        self.assertEqual(len(self._activities(self.duty_b, self.staff_b)), 1)

    def test_on_the_day_then_overdue_then_escalated(self):
        self.assertEqual(self.Reminder._cron_send(today="2024-06-30"), 1)
        self.assertEqual(self.Reminder._cron_send(today="2024-07-01"), 1)
        self.assertFalse(self._activities(self.duty_b, self.leader))
        # 30 days late: leadership is told, once
        self.assertEqual(self.Reminder._cron_send(today="2024-07-30"), 1)
        self.assertEqual(len(self._activities(self.duty_b, self.leader)), 1)
        self.assertEqual(self.Reminder._cron_send(today="2024-07-31"), 0)
        self.assertEqual(self.Reminder._cron_send(today="2024-10-28"), 1)  # 120 days
        kinds = self.Reminder.search(
            [("res_id", "=", self.duty_b.id), ("res_model", "=", "gov.plan.duty")]
        ).mapped("kind")
        self.assertEqual(sorted(kinds), ["due", "overdue", "overdue_120", "overdue_30"])

    def test_done_duties_and_draft_plans_are_quiet(self):
        self.duty_b.sudo().with_context(gov_plan_workflow=True).write(
            {"state": "done_on_time"}
        )
        draft = self._plan()
        for duty in draft.duty_ids.sudo():
            duty.user_id = self.staff_a if duty.unit_id == self.unit_a else self.staff_b
        self.assertEqual(self.Reminder._cron_send(today="2024-06-30"), 0)

    def test_a_unit_without_head_is_still_told(self):
        # unit A has no manager; the round creates its report as the system
        request = (
            self.env["gov.plan.report.request"]
            .sudo(self.leader)
            .create(
                {
                    "name": "Đợt",
                    "plan_id": self.plan.id,
                    "date_from": "2024-03-15",
                    "date_to": "2024-06-14",
                    "date_deadline": "2024-06-20",
                }
            )
        )
        request.action_open()
        report_a = request.report_ids.filtered(lambda r: r.unit_id == self.unit_a)
        self.plan.duty_ids.sudo().with_context(gov_plan_workflow=True).write(
            {"state": "done_on_time"}
        )
        self.Reminder._cron_send(today="2024-06-18")
        told = (
            self.env["mail.activity"]
            .search(
                [("res_model", "=", "gov.plan.report"), ("res_id", "=", report_a.id)]
            )
            .mapped("user_id")
        )
        self.assertEqual(told, self.staff_a | self.head_a | self.clerk)

    def test_report_deadline_reminds_the_unit(self):
        report = self._unit_report(
            self.plan, self.staff_b, self.unit_b, date_deadline="2024-06-20"
        )
        self.duty_b.sudo().with_context(gov_plan_workflow=True).write(
            {"state": "done_on_time"}
        )
        self.assertEqual(self.Reminder._cron_send(today="2024-06-18"), 1)
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "gov.plan.report"), ("res_id", "=", report.id)]
        )
        self.assertEqual(activities.mapped("user_id"), self.staff_b | self.head_b)


class TestDashboard(GovPlanCase):
    def _counts(self, user, unit):
        data = (
            self.env["gov.plan.duty.analysis"]
            .sudo(user)
            .read_group(
                [("unit_id", "=", unit.id)], ["bucket", "duty_count"], ["bucket"]
            )
        )
        return {row["bucket"]: row["duty_count"] for row in data}

    def test_buckets_per_unit(self):
        today = datetime.date.today()
        future = fields.Date.to_string(today + datetime.timedelta(days=10))
        plan = self._issued_plan(
            duty_ids=[
                (
                    0,
                    0,
                    {
                        "name": "Quá hạn",
                        "unit_id": self.unit_b.id,
                        "date_deadline": "2024-06-30",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Đúng hạn",
                        "unit_id": self.unit_b.id,
                        "date_deadline": "2024-06-30",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Còn hạn",
                        "unit_id": self.unit_b.id,
                        "date_deadline": future,
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Văn phòng",
                        "unit_id": self.unit_a.id,
                        "date_deadline": future,
                    },
                ),
            ]
        )
        report = self._unit_report(plan, self.staff_b, self.unit_b)
        report.line_ids.filtered(lambda l: l.duty_id.name == "Đúng hạn").write(
            {
                "status": "done",
                "progress": 100,
                "date_done": "2024-06-01",
                "result": "Xong",
            }
        )
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        self.assertEqual(
            self._counts(self.leader, self.unit_b),
            {"overdue": 1, "done_on_time": 1, "in_progress": 1},
        )
        band = (
            self.env["gov.plan.duty.analysis"]
            .sudo(self.leader)
            .search([("unit_id", "=", self.unit_b.id), ("bucket", "=", "overdue")])
        )
        self.assertEqual(band.age_band, "120")
        self.assertEqual(band.duty_id.name, "Quá hạn")
        # a unit sees its own units only
        self.assertEqual(self._counts(self.staff_a, self.unit_b), {})
        self.assertEqual(self._counts(self.staff_a, self.unit_a), {"in_progress": 1})

    def test_dashboard_queries_do_not_grow_with_duties(self):
        def queries(count):
            duties = [
                (
                    0,
                    0,
                    {
                        "name": "N%d" % n,
                        "unit_id": self.unit_b.id,
                        "date_deadline": "2024-12-14",
                    },
                )
                for n in range(count)
            ]
            self._issued_plan(duty_ids=duties)
            Analysis = self.env["gov.plan.duty.analysis"].sudo(self.leader)
            Analysis.read_group(
                [],
                ["unit_id", "bucket", "duty_count"],
                ["unit_id", "bucket"],
                lazy=False,
            )  # warm the caches
            before = self.env.cr.sql_log_count
            Analysis.read_group(
                [],
                ["unit_id", "bucket", "duty_count"],
                ["unit_id", "bucket"],
                lazy=False,
            )
            return self.env.cr.sql_log_count - before

        self.assertEqual(queries(5), queries(50))

    def test_duty_list_queries_do_not_grow_with_rows(self):
        def queries(count):
            duties = [
                (
                    0,
                    0,
                    {
                        "name": "L%d" % n,
                        "unit_id": self.unit_b.id,
                        "date_deadline": "2024-12-14",
                    },
                )
                for n in range(count)
            ]
            plan = self._issued_plan(duty_ids=duties)
            Duty = self.env["gov.plan.duty"].sudo(self.staff_b)
            names = [
                "plan_id",
                "unit_id",
                "name",
                "user_id",
                "date_deadline",
                "progress",
                "state",
                "is_overdue",
            ]
            Duty.search_read(
                [("plan_id", "=", plan.id)], names, limit=80
            )  # warm caches
            self.env.cache.invalidate()
            before = self.env.cr.sql_log_count
            Duty.search_read([("plan_id", "=", plan.id)], names, limit=80)
            return self.env.cr.sql_log_count - before

        self.assertEqual(queries(5), queries(60))

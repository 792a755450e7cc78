"""Duties as plans assign them: the deadline, overdue and period rules
(lib/workflow.py) and how a duty prints (lib/duty_rules.py). No database."""

import datetime
import unittest

from odoo.addons.gov_plan.lib import duty_rules, workflow

D = datetime.date
TODAY = D(2024, 7, 1)


class TestDeadlineRules(unittest.TestCase):
    def test_only_a_date_in_the_past_makes_an_assigned_duty_overdue(self):
        self.assertTrue(workflow.is_overdue("todo", D(2024, 6, 30), TODAY, "issued"))
        self.assertTrue(workflow.is_overdue("progress", D(2024, 6, 30), TODAY, "done"))
        self.assertFalse(workflow.is_overdue("todo", D(2024, 7, 1), TODAY, "issued"))
        self.assertFalse(workflow.is_overdue("todo", None, TODAY, "issued"))
        self.assertFalse(workflow.is_overdue("todo", D(2024, 6, 30), TODAY, "draft"))
        self.assertFalse(
            workflow.is_overdue("done_late", D(2024, 6, 30), TODAY, "issued")
        )

    def test_a_duty_for_all_the_units_is_never_overdue_itself(self):
        self.assertFalse(
            workflow.is_overdue(
                "todo", D(2024, 6, 30), TODAY, "issued", workflow.LEAD_ALL_UNITS
            )
        )
        self.assertTrue(
            workflow.is_overdue(
                "todo", D(2024, 6, 30), TODAY, "issued", workflow.LEAD_AGENCY
            )
        )
        self.assertFalse(workflow.is_carried_out(workflow.LEAD_ALL_UNITS))
        self.assertTrue(workflow.is_carried_out(workflow.LEAD_UNIT))
        self.assertTrue(workflow.is_carried_out(workflow.LEAD_AGENCY))

    def test_only_a_duty_due_on_a_date_has_a_date(self):
        day = D(2024, 6, 30)
        self.assertEqual(workflow.deadline_date("date", day), day)
        for kind in ("none", "regular", "period"):
            self.assertIsNone(workflow.deadline_date(kind, day), kind)

    def test_what_a_deadline_lacks(self):
        self.assertEqual(workflow.deadline_problem("date", None, []), "date")
        self.assertEqual(workflow.deadline_problem("period", None, []), "period")
        self.assertIsNone(workflow.deadline_problem("period", None, ["yearly"]))
        self.assertIsNone(workflow.deadline_problem("date", D(2024, 1, 1), []))
        self.assertIsNone(workflow.deadline_problem("none", None, []))
        self.assertIsNone(workflow.deadline_problem("regular", None, []))

    def test_a_periodic_duty_is_on_the_reports_of_its_periods_and_longer_ones(self):
        periods = ["half_yearly", "yearly"]  # "6 tháng, hằng năm"
        on = {
            period: workflow.reported_in_period("period", periods, period)
            for period in ("monthly", "quarterly", "half_yearly", "yearly")
        }
        self.assertEqual(
            on,
            {
                "monthly": False,
                "quarterly": False,
                "half_yearly": True,
                "yearly": True,
            },
        )
        self.assertTrue(workflow.reported_in_period("period", ["monthly"], "yearly"))
        self.assertFalse(workflow.reported_in_period("period", ["yearly"], "monthly"))

    def test_other_duties_and_requests_ask_about_every_duty(self):
        for kind in ("none", "date", "regular"):
            self.assertTrue(workflow.reported_in_period(kind, [], "monthly"), kind)
        self.assertTrue(workflow.reported_in_period("period", ["yearly"], None))
        self.assertTrue(workflow.reported_in_period("period", ["yearly"], "request"))

    def test_only_the_issue_links_a_units_duty_to_its_origin(self):
        self.assertIn("parent_id", workflow.DUTY.guarded)
        step = workflow.DUTY.step("expand")
        self.assertEqual((step.from_states, step.role), ((), "clerk"))
        self.assertIn("plan_id", workflow.DUTY.create_only)


class TestDutyPrintRules(unittest.TestCase):
    def test_dates_in_running_text(self):
        self.assertEqual(duty_rules.short_date(D(2024, 6, 30)), "30/6/2024")
        self.assertEqual(duty_rules.short_date(D(2024, 2, 5)), "05/02/2024")
        self.assertEqual(duty_rules.short_date(D(2024, 12, 14)), "14/12/2024")

    def test_time_phrases(self):
        self.assertEqual(duty_rules.time_phrase("none"), "")
        self.assertEqual(
            duty_rules.time_phrase("regular"), "Thời gian thực hiện: thường xuyên"
        )
        self.assertEqual(
            duty_rules.time_phrase("date", D(2024, 6, 30)),
            "Thời hạn: trước ngày 30/6/2024",
        )
        self.assertEqual(
            duty_rules.time_phrase("period", periods=["yearly", "half_yearly"]),
            "Báo cáo định kỳ 6 tháng, hằng năm",
        )
        self.assertEqual(
            duty_rules.periods_phrase(["quarterly", "monthly"]),
            "báo cáo định kỳ hằng tháng, hằng quý",
        )
        self.assertEqual(duty_rules.time_phrase("date"), "")

    def test_coordination_phrases(self):
        self.assertEqual(
            duty_rules.coordination_phrase(["Văn phòng Sở", "Phòng Quản lý khoa học"]),
            "Đơn vị phối hợp: Văn phòng Sở, Phòng Quản lý khoa học",
        )
        self.assertEqual(
            duty_rules.coordination_phrase([], ["Sở Văn hóa, Thể thao và Du lịch"]),
            "Cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch",
        )
        self.assertEqual(
            duty_rules.coordination_phrase(["Văn phòng Sở"], ["Sở Tài chính"]),
            "Cơ quan, đơn vị phối hợp: Sở Tài chính, Văn phòng Sở",
        )
        self.assertEqual(duty_rules.coordination_phrase([], []), "")

    def test_product_phrase(self):
        self.assertEqual(
            duty_rules.product_phrase("Báo cáo kết quả.\n\nTin, bài tuyên truyền;"),
            "Sản phẩm: Báo cáo kết quả; Tin, bài tuyên truyền",
        )
        self.assertEqual(duty_rules.product_phrase("  \n"), "")

    def test_a_duty_prints_its_text_then_coordination_product_and_time(self):
        self.assertEqual(
            duty_rules.duty_paragraph(
                "Tuyên truyền, phổ biến các văn bản.",
                coordinating_units=["Văn phòng Sở"],
                coordinating_agencies=["Sở Văn hóa, Thể thao và Du lịch"],
                product="Tin, bài tuyên truyền",
                deadline_type="date",
                date=D(2024, 6, 30),
            ),
            "Tuyên truyền, phổ biến các văn bản. Cơ quan, đơn vị phối hợp: Sở Văn "
            "hóa, Thể thao và Du lịch, Văn phòng Sở. Sản phẩm: Tin, bài tuyên "
            "truyền. Thời hạn: trước ngày 30/6/2024.",
        )
        self.assertEqual(
            duty_rules.duty_paragraph(
                "Thực hiện chế độ báo cáo",
                deadline_type="period",
                periods=["half_yearly", "yearly"],
            ),
            "Thực hiện chế độ báo cáo. Báo cáo định kỳ 6 tháng, hằng năm.",
        )

    def test_a_duty_without_time_or_details_prints_its_text_only(self):
        text = "Căn cứ chức năng, nhiệm vụ được giao để phối hợp thực hiện./."
        self.assertEqual(
            duty_rules.duty_paragraph(text),
            "Căn cứ chức năng, nhiệm vụ được giao để phối hợp thực hiện.",
        )
        self.assertEqual(
            duty_rules.duty_paragraph(
                "Hướng dẫn; ",
                details=False,
                coordinating_units=["Văn phòng Sở"],
                product="Văn bản",
                deadline_type="regular",
            ),
            "Hướng dẫn.",
        )

    def test_line_breaks_of_the_text_are_kept(self):
        self.assertEqual(
            duty_rules.duty_paragraph("Dòng một;\nDòng hai", deadline_type="regular"),
            "Dòng một;\nDòng hai. Thời gian thực hiện: thường xuyên.",
        )

    def test_leads_in_the_order_of_their_first_duty(self):
        duties = [("A", 1), ("B", 2), ("A", 3), ("C", 4)]
        groups = duty_rules.group_duties(
            duties, key=lambda d: d[0], label=lambda d: "Đơn vị " + d[0]
        )
        self.assertEqual(
            groups,
            [
                ("Đơn vị A", [("A", 1), ("A", 3)]),
                ("Đơn vị B", [("B", 2)]),
                ("Đơn vị C", [("C", 4)]),
            ],
        )

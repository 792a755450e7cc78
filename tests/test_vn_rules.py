"""Decree 30 and Decree 09 rules as plain functions: no database involved."""

import datetime
import unittest

from odoo.addons.gov_plan.lib import vn_rules

D = datetime.date


class TestVietnameseDates(unittest.TestCase):
    def test_leading_zero_for_small_days_and_january_february(self):
        self.assertEqual(vn_rules.vn_date(D(2024, 2, 5)), "ngày 05 tháng 02 năm 2024")
        self.assertEqual(vn_rules.vn_date(D(2024, 1, 31)), "ngày 31 tháng 01 năm 2024")

    def test_no_leading_zero_from_march(self):
        self.assertEqual(vn_rules.vn_date(D(2023, 9, 18)), "ngày 18 tháng 9 năm 2023")
        self.assertEqual(vn_rules.vn_date(D(2024, 12, 3)), "ngày 03 tháng 12 năm 2024")

    def test_place_leads(self):
        self.assertEqual(
            vn_rules.vn_date(D(2024, 3, 29), place="Quảng Trị"),
            "Quảng Trị, ngày 29 tháng 3 năm 2024",
        )

    def test_blank_date_of_a_draft_keeps_month_rule(self):
        self.assertEqual(
            vn_rules.vn_date_blank(2, 2024, "Quảng Trị"),
            "Quảng Trị, ngày     tháng 02 năm 2024",
        )


class TestNumbers(unittest.TestCase):
    def test_padding_below_ten(self):
        self.assertEqual(vn_rules.format_number(5), "05")
        self.assertEqual(vn_rules.format_number(10), "10")
        self.assertEqual(vn_rules.format_number(123), "123")

    def test_invalid_numbers_refused(self):
        for bad in (0, -1, None, "5"):
            with self.assertRaises(ValueError):
                vn_rules.format_number(bad)

    def test_symbol(self):
        self.assertEqual(vn_rules.number_and_symbol(5, "KH", "SKHCN"), "05/KH-SKHCN")
        self.assertEqual(
            vn_rules.number_and_symbol(None, "KH", "SKHCN"), "\u2026/KH-SKHCN"
        )
        self.assertEqual(vn_rules.document_symbol("BC", "SKHCN"), "BC-SKHCN")


class TestDecree09Cutoffs(unittest.TestCase):
    def test_monthly_crosses_the_year(self):
        self.assertEqual(
            vn_rules.period_bounds("monthly", 2024, 1),
            (D(2023, 12, 15), D(2024, 1, 14)),
        )
        self.assertEqual(
            vn_rules.period_bounds("monthly", 2024, 3), (D(2024, 2, 15), D(2024, 3, 14))
        )

    def test_quarterly(self):
        self.assertEqual(
            vn_rules.period_bounds("quarterly", 2024, 1),
            (D(2023, 12, 15), D(2024, 3, 14)),
        )
        self.assertEqual(
            vn_rules.period_bounds("quarterly", 2024, 4),
            (D(2024, 9, 15), D(2024, 12, 14)),
        )

    def test_half_and_year(self):
        self.assertEqual(
            vn_rules.period_bounds("half_yearly", 2024, 1),
            (D(2023, 12, 15), D(2024, 6, 14)),
        )
        self.assertEqual(
            vn_rules.period_bounds("half_yearly", 2024, 2),
            (D(2024, 6, 15), D(2024, 12, 14)),
        )
        self.assertEqual(
            vn_rules.period_bounds("yearly", 2024), (D(2023, 12, 15), D(2024, 12, 14))
        )

    def test_period_of_a_day_after_the_cutoff_is_the_next_one(self):
        self.assertEqual(vn_rules.period_of("monthly", D(2024, 12, 20)), (2025, 1))
        self.assertEqual(vn_rules.period_of("monthly", D(2024, 12, 14)), (2024, 12))
        self.assertEqual(vn_rules.period_of("yearly", D(2024, 12, 15)), (2025, 1))
        self.assertEqual(vn_rules.period_of("quarterly", D(2024, 3, 14)), (2024, 1))
        self.assertEqual(vn_rules.period_of("quarterly", D(2024, 3, 15)), (2024, 2))
        self.assertEqual(vn_rules.period_of("half_yearly", D(2024, 6, 15)), (2024, 2))

    def test_every_day_of_a_year_is_in_exactly_its_period(self):
        day = D(2023, 12, 1)
        while day < D(2025, 1, 31):
            for kind in vn_rules.PERIOD_TYPES:
                start, end = vn_rules.period_bounds(
                    kind, *vn_rules.period_of(kind, day)
                )
                self.assertTrue(start <= day <= end, (kind, day, start, end))
            day += datetime.timedelta(days=1)

    def test_bad_periods_refused(self):
        with self.assertRaises(ValueError):
            vn_rules.period_bounds("monthly", 2024, 13)
        with self.assertRaises(ValueError):
            vn_rules.period_bounds("quarterly", 2024, 5)
        with self.assertRaises(ValueError):
            vn_rules.period_bounds("weekly", 2024, 1)

    def test_labels(self):
        self.assertEqual(vn_rules.period_label("quarterly", 2024, 2), "Quý II/2024")
        self.assertEqual(vn_rules.period_label("monthly", 2024, 3), "Tháng 3/2024")
        self.assertEqual(vn_rules.period_label("yearly", 2024), "Năm 2024")


class TestDocumentChecks(unittest.TestCase):
    def _doc(self, **kw):
        doc = {
            "title": "Kế hoạch",
            "signer": True,
            "signer_name": "Nguyễn Hữu Thắng",
            "signer_is_leader": True,
            "signer_heads_unit": False,
            "authority": "KT",
            "authority_title": "GIÁM ĐỐC",
            "signer_title": "PHÓ GIÁM ĐỐC",
            "regime": "head",
            "agency": "Sở Khoa học và Công nghệ",
            "agency_head_title": "GIÁM ĐỐC",
            "duty_count": 1,
            "recipient_count": 1,
            "date": D(2024, 4, 5),
            "basis": [("75/KH-UBND", D(2024, 3, 29))],
        }
        doc.update(kw)
        return doc

    def test_complete_document_has_no_problem(self):
        self.assertEqual(vn_rules.issue_problems(self._doc()), [])

    def test_every_problem_is_listed_at_once(self):
        problems = vn_rules.issue_problems(
            self._doc(
                title=" ", signer=False, authority=None, duty_count=0, recipient_count=0
            )
        )
        self.assertEqual(
            [code for code, _detail in problems],
            ["title", "signer", "authority", "duty", "recipient"],
        )

    def test_seed_date_conflict(self):
        problems = vn_rules.issue_problems(self._doc(date=D(2024, 2, 20)))
        self.assertEqual(problems, [("basis_date", ("75/KH-UBND", D(2024, 3, 29)))])

    def test_basis_on_the_same_day_is_fine(self):
        self.assertEqual(vn_rules.issue_problems(self._doc(date=D(2024, 3, 29))), [])

    def test_kt_only_for_a_deputy(self):
        self.assertTrue(vn_rules.is_deputy_title("Phó Giám đốc"))
        self.assertTrue(vn_rules.is_deputy_title("PHÓ CHÁNH VĂN PHÒNG"))
        self.assertFalse(vn_rules.is_deputy_title("Giám đốc"))
        self.assertEqual(
            vn_rules.issue_problems(self._doc(signer_title="GIÁM ĐỐC")),
            [
                (
                    "kt_deputy",
                    {"title": "GIÁM ĐỐC", "head": "GIÁM ĐỐC", "deputy": "PHÓ GIÁM ĐỐC"},
                )
            ],
        )
        self.assertEqual(
            vn_rules.issue_problems(
                self._doc(
                    authority="TL",
                    signer_title="CHÁNH VĂN PHÒNG",
                    signer_is_leader=False,
                    signer_heads_unit=True,
                )
            ),
            [],
        )

    def test_archive_line(self):
        self.assertTrue(vn_rules.is_archive_line("Lưu: VT"))
        self.assertTrue(vn_rules.is_archive_line("- Luu : VT, VP."))
        self.assertFalse(vn_rules.is_archive_line("Sở Văn hóa"))


class TestPrintRules(unittest.TestCase):
    def test_recipients_end_with_the_archive(self):
        self.assertEqual(
            vn_rules.recipient_lines(["Sở Văn hóa;", " Ban Giám đốc Sở", ""], "VT"),
            ["- Sở Văn hóa;", "- Ban Giám đốc Sở;", "- Lưu: VT."],
        )
        self.assertEqual(vn_rules.recipient_lines([], "VT, VP."), ["- Lưu: VT, VP."])

    def test_roman(self):
        self.assertEqual(
            [vn_rules.roman(n) for n in (1, 2, 3, 4, 9, 14)],
            ["I", "II", "III", "IV", "IX", "XIV"],
        )


class TestLayoutRules(unittest.TestCase):
    def test_agency_name_on_two_balanced_lines(self):
        self.assertEqual(
            vn_rules.split_heading("SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
            ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"],
        )
        self.assertEqual(
            vn_rules.split_heading("UBND TỈNH QUẢNG TRỊ"), ["UBND TỈNH QUẢNG TRỊ"]
        )
        self.assertEqual(vn_rules.split_heading(""), [])

    def test_end_sentence(self):
        self.assertEqual(
            vn_rules.end_sentence("bảo đảm tiến độ./."), "bảo đảm tiến độ."
        )
        self.assertEqual(
            vn_rules.end_sentence("bảo đảm tiến độ", last=True), "bảo đảm tiến độ./."
        )
        self.assertEqual(vn_rules.end_sentence("a;"), "a.")


class TestCalendarRules(unittest.TestCase):
    def test_working_days_skip_weekends_and_holidays(self):
        # Friday 14/06/2024 + 1 working day = Monday 17/06/2024
        self.assertEqual(vn_rules.add_working_days(D(2024, 6, 14), 1), D(2024, 6, 17))
        # Tết 2025: 28/01 to 03/02 off: Monday 27/01 + 1 working day = 04/02
        tet = [D(2025, 1, 28) + datetime.timedelta(days=n) for n in range(7)]
        self.assertEqual(
            vn_rules.add_working_days(D(2025, 1, 27), 1, tet), D(2025, 2, 4)
        )
        self.assertEqual(vn_rules.add_working_days(D(2024, 12, 14), 0), D(2024, 12, 14))
        with self.assertRaises(ValueError):
            vn_rules.add_working_days(D(2024, 12, 14), -1)

    def test_working_days_across_the_year_end(self):
        holidays = [D(2025, 1, 1)]
        self.assertEqual(
            vn_rules.add_working_days(D(2024, 12, 31), 1, holidays), D(2025, 1, 2)
        )

    def test_overdue_bands(self):
        self.assertEqual(
            [vn_rules.overdue_band(n) for n in (0, 29, 30, 59, 60, 119, 120, 400)],
            [0, 0, 30, 30, 60, 60, 120, 120],
        )

    def test_reminder_kinds(self):
        deadline = D(2024, 6, 20)
        kinds = [
            vn_rules.reminder_kind(deadline, D(2024, 6, day), 3)
            for day in (10, 17, 19, 20, 21)
        ]
        self.assertEqual(kinds, [None, "before", "before", "due", "overdue"])
        self.assertIsNone(vn_rules.reminder_kind(None, D(2024, 6, 1), 3))

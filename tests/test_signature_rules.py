"""Who signs, and the check before issuing, as plain functions (Decree 30,
art. 13): no database involved."""

import datetime
import unittest

from odoo.addons.gov_plan.lib import signature_rules as rules
from odoo.addons.gov_plan.lib import vn_rules

D = datetime.date


class TestSignatureLines(unittest.TestCase):
    def lines(self, form, collective="", head="", title=""):
        return rules.signature_lines(form, collective, head, title)

    def test_the_head_signs_in_their_own_name(self):
        self.assertEqual(self.lines("none", head="GIÁM ĐỐC"), ["GIÁM ĐỐC"])
        self.assertEqual(
            self.lines("none", head="GIÁM ĐỐC", title="GIÁM ĐỐC"), ["GIÁM ĐỐC"]
        )

    def test_a_deputy_signs_for_the_head(self):
        # the seed, and corpus 16 (the Chairman's decision: no TM. line)
        self.assertEqual(
            self.lines("KT", head="GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC"),
            ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
        )
        self.assertEqual(
            self.lines("KT", head="CHỦ TỊCH", title="PHÓ CHỦ TỊCH"),
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        )

    def test_the_acting_head(self):
        self.assertEqual(
            self.lines("Q", head="GIÁM ĐỐC", title="PHÓ GIÁM ĐỐC"), ["Q. GIÁM ĐỐC"]
        )

    def test_on_behalf_of_a_collective_body(self):
        self.assertEqual(
            self.lines("TM", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "CHỦ TỊCH"),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        )
        # the head's title when the signer's is left empty
        self.assertEqual(
            self.lines("TM", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        )

    def test_the_two_level_form(self):
        self.assertEqual(
            self.lines("TM_KT", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        )
        self.assertEqual(
            self.lines("TM_Q", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"],
        )

    def test_by_order_and_by_authorisation(self):
        # corpus 18
        self.assertEqual(
            self.lines("TL", head="BỘ TRƯỞNG", title="CHÁNH VĂN PHÒNG"),
            ["TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG"],
        )
        self.assertEqual(
            self.lines("TUQ", head="GIÁM ĐỐC", title="TRƯỞNG PHÒNG QUẢN LÝ KHOA HỌC"),
            ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG QUẢN LÝ KHOA HỌC"],
        )

    def test_capitals_single_spaces_and_missing_parts_left_out(self):
        self.assertEqual(
            self.lines("TM_KT", " ủy ban  nhân dân ", "Chủ tịch", "phó chủ tịch"),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        )
        self.assertEqual(self.lines("TM_KT", "", "CHỦ TỊCH", ""), ["KT. CHỦ TỊCH"])
        self.assertEqual(self.lines(None, "", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), [])

    def test_every_form_prints(self):
        for form in rules.FORMS:
            lines = self.lines(form, "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH")
            self.assertTrue(lines, form)
            self.assertEqual(lines, [line.upper() for line in lines])


class TestSignatureDefaults(unittest.TestCase):
    def test_the_form_gives_the_lines_from_the_agency(self):
        sign = rules.signature_defaults
        self.assertEqual(
            sign("KT", "", "Giám đốc"),
            {
                "collective_title": "",
                "authority_title": "GIÁM ĐỐC",
                "signer_title": "PHÓ GIÁM ĐỐC",
            },
        )
        self.assertEqual(
            sign("TM_KT", "Ủy ban nhân dân", "Chủ tịch"),
            {
                "collective_title": "ỦY BAN NHÂN DÂN",
                "authority_title": "CHỦ TỊCH",
                "signer_title": "PHÓ CHỦ TỊCH",
            },
        )
        self.assertEqual(
            sign("TM", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH")["signer_title"], "CHỦ TỊCH"
        )
        self.assertEqual(sign("none", "", "GIÁM ĐỐC")["signer_title"], "GIÁM ĐỐC")
        self.assertEqual(sign("Q", "", "GIÁM ĐỐC")["signer_title"], "")
        self.assertEqual(
            sign("TL", "", "GIÁM ĐỐC", "Chánh Văn phòng")["signer_title"],
            "CHÁNH VĂN PHÒNG",
        )
        # no job: the drafter's title stays
        self.assertIsNone(sign("TUQ", "", "GIÁM ĐỐC")["signer_title"])
        # no TM. line but for the forms that print one
        self.assertEqual(
            sign("KT", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH")["collective_title"], ""
        )

    def test_deputies(self):
        self.assertTrue(rules.is_deputy_of("PHÓ GIÁM ĐỐC", "GIÁM ĐỐC"))
        self.assertTrue(rules.is_deputy_of("Phó  Giám đốc", "GIÁM ĐỐC"))
        self.assertTrue(rules.is_deputy_of("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "CHỦ TỊCH"))
        self.assertFalse(rules.is_deputy_of("PHÓ CHỦ TỊCH", "GIÁM ĐỐC"))
        self.assertFalse(rules.is_deputy_of("GIÁM ĐỐC", "GIÁM ĐỐC"))
        self.assertFalse(rules.is_deputy_of("PHÓ GIÁM ĐỐC", ""))
        self.assertEqual(rules.deputy_title("chủ tịch"), "PHÓ CHỦ TỊCH")


def sig(**kw):
    """A deputy of the Giám đốc of a Sở signs KT.: no problem."""
    values = {
        "authority": "KT",
        "signer": True,
        "signer_name": "Nguyễn Hữu Thắng",
        "collective_title": "",
        "authority_title": "GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "regime": "head",
        "agency": "Sở Khoa học và Công nghệ",
        "agency_head_title": "GIÁM ĐỐC",
        "signer_is_leader": True,
        "signer_heads_unit": False,
    }
    values.update(kw)
    return values


def ubnd(**kw):
    """The same, in a People's Committee (a collective body)."""
    values = sig(
        authority="TM_KT",
        collective_title="ỦY BAN NHÂN DÂN",
        authority_title="CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        regime="collective",
        agency="UBND tỉnh Quảng Trị",
        agency_head_title="CHỦ TỊCH",
    )
    values.update(kw)
    return values


def codes(values):
    return [code for code, _detail in rules.signature_problems(values)]


class TestSignatureProblems(unittest.TestCase):
    def test_right_forms_pass(self):
        self.assertEqual(codes(sig()), [])
        self.assertEqual(codes(sig(authority="none", signer_title="GIÁM ĐỐC")), [])
        self.assertEqual(codes(sig(authority="Q", signer_title="")), [])
        self.assertEqual(codes(ubnd()), [])
        self.assertEqual(codes(ubnd(authority="TM", signer_title="CHỦ TỊCH")), [])
        self.assertEqual(codes(ubnd(authority="TM_Q", signer_title="")), [])
        # corpus 16: the Chairman's own decision, a deputy signs KT.
        self.assertEqual(codes(ubnd(authority="KT", collective_title="")), [])
        unit_head = dict(
            signer_title="CHÁNH VĂN PHÒNG",
            signer_is_leader=False,
            signer_heads_unit=True,
        )
        self.assertEqual(codes(sig(authority="TL", **unit_head)), [])
        self.assertEqual(codes(sig(authority="TUQ", **unit_head)), [])

    def test_tm_needs_a_collective_body(self):
        for form in ("TM", "TM_KT", "TM_Q"):
            problems = rules.signature_problems(
                sig(authority=form, collective_title="ỦY BAN NHÂN DÂN")
            )
            self.assertIn(
                ("tm_collective", {"agency": "Sở Khoa học và Công nghệ"}), problems
            )
        self.assertEqual(codes(ubnd(collective_title=" ")), ["collective_title"])

    def test_kt_only_for_a_deputy_of_that_head(self):
        self.assertEqual(
            rules.signature_problems(sig(signer_title="PHÓ CHỦ TỊCH")),
            [
                (
                    "kt_deputy",
                    {
                        "title": "PHÓ CHỦ TỊCH",
                        "head": "GIÁM ĐỐC",
                        "deputy": "PHÓ GIÁM ĐỐC",
                    },
                )
            ],
        )
        self.assertEqual(codes(sig(signer_title="GIÁM ĐỐC")), ["kt_deputy"])
        self.assertEqual(codes(ubnd(signer_title="PHÓ GIÁM ĐỐC")), ["kt_deputy"])
        self.assertEqual(codes(sig(signer_title="")), ["signer_title"])

    def test_the_head_title_is_the_agencys(self):
        self.assertEqual(
            rules.signature_problems(
                sig(authority_title="CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH")
            ),
            [
                (
                    "head_title_agency",
                    {
                        "title": "CHỦ TỊCH",
                        "agency": "Sở Khoa học và Công nghệ",
                        "head": "GIÁM ĐỐC",
                    },
                )
            ],
        )
        self.assertEqual(codes(sig(authority_title="")), ["head_title"])
        # an agency without a head title: the plan's stands
        self.assertEqual(
            codes(
                sig(
                    agency_head_title="",
                    authority_title="CHỦ TỊCH",
                    signer_title="PHÓ CHỦ TỊCH",
                )
            ),
            [],
        )

    def test_a_deputy_does_not_sign_in_their_own_name(self):
        self.assertEqual(
            rules.signature_problems(sig(authority="none")),
            [("deputy_direct", {"title": "PHÓ GIÁM ĐỐC"})],
        )
        self.assertEqual(codes(ubnd(authority="TM")), ["deputy_direct"])

    def test_leadership_signs_the_head_and_deputy_forms(self):
        for form, title in (
            ("none", "GIÁM ĐỐC"),
            ("KT", "PHÓ GIÁM ĐỐC"),
            ("Q", ""),
        ):
            self.assertEqual(
                rules.signature_problems(
                    sig(authority=form, signer_title=title, signer_is_leader=False)
                ),
                [("not_leader", {"name": "Nguyễn Hữu Thắng"})],
                form,
            )
        self.assertEqual(codes(ubnd(signer_is_leader=False)), ["not_leader"])

    def test_tl_and_tuq_by_a_unit_head_not_by_leadership(self):
        for form in ("TL", "TUQ"):
            # a deputy of the agency's head
            self.assertEqual(
                rules.signature_problems(sig(authority=form, signer_heads_unit=True)),
                [
                    (
                        "unit_not_leader",
                        {
                            "form": form,
                            "name": "Nguyễn Hữu Thắng",
                            "title": "PHÓ GIÁM ĐỐC",
                        },
                    )
                ],
            )
            # printed as a deputy of the head, whoever signs
            self.assertEqual(
                codes(
                    sig(authority=form, signer_is_leader=False, signer_heads_unit=True)
                ),
                ["unit_not_leader"],
            )
            # staff who head no unit
            self.assertEqual(
                rules.signature_problems(
                    sig(
                        authority=form,
                        signer_title="CHUYÊN VIÊN",
                        signer_is_leader=False,
                    )
                ),
                [("unit_head", {"form": form, "name": "Nguyễn Hữu Thắng"})],
            )
            self.assertEqual(
                codes(sig(authority=form, signer_title="", signer_is_leader=False)),
                ["signer_title", "unit_head"],
            )

    def test_no_form_no_signer(self):
        self.assertEqual(codes(sig(authority=False)), ["authority"])
        self.assertEqual(codes(sig(authority="XX")), ["authority"])
        # without a signer, only the lines are checked
        self.assertEqual(codes(sig(signer=False, signer_is_leader=False)), [])


def doc(**kw):
    values = sig(
        title="Kế hoạch",
        duty_count=2,
        recipient_count=1,
        date=D(2026, 4, 5),
        issue_date=D(2026, 4, 10),
        basis=[("75/KH-UBND", D(2026, 3, 29))],
        basis_keys=[("75/KH-UBND", ("document", "75/KH-UBND", D(2026, 3, 29), 7))],
        duties=[("Tuyên truyền", D(2026, 6, 30)), ("Báo cáo", None)],
    )
    values.update(kw)
    return values


def issue_codes(values):
    return [code for code, _detail in vn_rules.issue_problems(values)]


class TestIssueProblems(unittest.TestCase):
    def test_a_complete_plan_passes(self):
        self.assertEqual(vn_rules.issue_problems(doc()), [])

    def test_numbered_from_the_register_of_the_issue_year(self):
        for year in (2025, 2027):
            self.assertEqual(
                vn_rules.issue_problems(doc(date=D(year, 12, 30), basis=[], duties=[])),
                [("year", {"year": year, "register": 2026})],
            )
        # the register of the year is the year of the date: any day of it
        self.assertEqual(issue_codes(doc(date=D(2026, 1, 2), basis=[])), [])

    def test_duties_due_before_the_plan(self):
        self.assertEqual(
            vn_rules.issue_problems(doc(duties=[("Tuyên truyền", D(2026, 4, 4))])),
            [
                (
                    "duty_date",
                    {
                        "duty": "Tuyên truyền",
                        "deadline": D(2026, 4, 4),
                        "date": D(2026, 4, 5),
                    },
                )
            ],
        )
        # due on the day of the plan is fine
        self.assertEqual(issue_codes(doc(duties=[("A", D(2026, 4, 5))])), [])

    def test_the_same_basis_twice(self):
        key = ("document", "75/KH-UBND", D(2026, 3, 29), 7)
        self.assertEqual(
            vn_rules.issue_problems(
                doc(
                    basis_keys=[
                        ("75/KH-UBND", key),
                        ("Kế hoạch 12/KH-SKHCN", ("plan", 12)),
                        ("75/KH-UBND (bis)", key),
                        ("Kế hoạch 12/KH-SKHCN", ("plan", 12)),
                        ("75/KH-UBND", key),
                    ]
                )
            ),
            [
                ("basis_twice", {"basis": "75/KH-UBND", "count": 3}),
                ("basis_twice", {"basis": "Kế hoạch 12/KH-SKHCN", "count": 2}),
            ],
        )

    def test_every_problem_at_once(self):
        self.assertEqual(
            issue_codes(
                doc(
                    title="",
                    authority="TM",
                    collective_title="ỦY BAN NHÂN DÂN",
                    signer_is_leader=False,
                    duty_count=0,
                    recipient_count=0,
                    date=D(2025, 2, 20),
                    duties=[("A", D(2025, 1, 1))],
                    basis_keys=[("75", 1), ("75", 1)],
                )
            ),
            [
                "title",
                "tm_collective",
                "deputy_direct",
                "not_leader",
                "duty",
                "recipient",
                "year",
                "basis_date",
                "duty_date",
                "basis_twice",
            ],
        )


class TestParseSignature(unittest.TestCase):
    def test_every_form_read_back_from_its_lines(self):
        texts = {
            "none": ("", "GIÁM ĐỐC", "GIÁM ĐỐC"),
            "KT": ("", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
            "Q": ("", "GIÁM ĐỐC", ""),
            "TM": ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "CHỦ TỊCH"),
            "TM_KT": ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            "TM_Q": ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH", ""),
            "TL": ("", "BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG"),
            "TUQ": ("", "GIÁM ĐỐC", "TRƯỞNG PHÒNG TỔ CHỨC"),
        }
        for form, (collective, head, title) in texts.items():
            lines = rules.signature_lines(form, collective, head, title)
            parsed = rules.parse_signature_lines(lines)
            self.assertEqual(parsed["authority"], form)
            self.assertEqual(
                rules.signature_lines(
                    form,
                    parsed["collective_title"],
                    parsed["authority_title"],
                    parsed["signer_title"],
                ),
                lines,
            )
        self.assertEqual(
            rules.parse_signature_lines(
                ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
            ),
            {
                "authority": "TM_KT",
                "collective_title": "ỦY BAN NHÂN DÂN",
                "authority_title": "CHỦ TỊCH",
                "signer_title": "PHÓ CHỦ TỊCH",
            },
        )

    def test_corpus_signatures(self):
        # corpus 16 and 18: "authority", "second_authority", "title" of the JSON
        self.assertEqual(
            rules.parse_signature_lines(["KT. CHỦ TỊCH", None, "PHÓ CHỦ TỊCH"])[
                "authority"
            ],
            "KT",
        )
        self.assertEqual(
            rules.parse_signature_lines(["TL. BỘ TRƯỞNG", None, "CHÁNH VĂN PHÒNG"]),
            {
                "authority": "TL",
                "collective_title": "",
                "authority_title": "BỘ TRƯỞNG",
                "signer_title": "CHÁNH VĂN PHÒNG",
            },
        )

    def test_not_a_signature(self):
        for lines in (
            [],
            ["KT. GIÁM ĐỐC"],
            ["TM. UBND", "TL. CHỦ TỊCH", "X"],
            ["A", "B"],
        ):
            with self.assertRaises(ValueError):
                rules.parse_signature_lines(lines)

    def test_a_head_run_agency_drops_the_tm_line(self):
        self.assertEqual(rules.form_for_regime("TM_KT", "head"), "KT")
        self.assertEqual(rules.form_for_regime("TM", "head"), "none")
        self.assertEqual(rules.form_for_regime("TM_Q", "head"), "Q")
        self.assertEqual(rules.form_for_regime("TM_KT", "collective"), "TM_KT")
        self.assertEqual(rules.form_for_regime("KT", "collective"), "KT")

"""The signature of a plan (Decree 30, art. 13) and the check before issuing,
through the models, as the real users of tests/common.py."""

import datetime
from unittest import mock

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GovPlanCase

D = datetime.date
CHECK = "gov.plan.issue.check"


class SignatureCase(GovPlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the head of the Văn phòng manages it: TL./TUQ. are theirs
        cls.chief = cls._user("chief_a", "unit_head", cls.unit_a, job="Chánh Văn phòng")
        cls.chief_employee = cls.chief.employee_ids[:1]
        cls.unit_a.manager_id = cls.chief_employee
        # the leader is a deputy (Phó Giám đốc) and manages the board
        cls.unit_board.manager_id = cls.signer
        cls.director = cls._user("director", "leader", cls.unit_board, job="Giám đốc")
        cls.staff_employee = cls.staff_a.employee_ids[:1]
        cls.doc_75 = cls.env["gov.plan.external.document"].create(
            {
                "name": "75/KH-UBND",
                "date": "2024-03-29",
                "issuer_id": cls.province.id,
                "document_type_id": cls.type_kh.id,
                "title": "triển khai thực hiện Phong trào năm 2024",
            }
        )

    def _approved(self, **vals):
        plan = self._plan(**vals)
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        return plan

    def _check(self, plan, user):
        """The check as the user sees it: the window the button opens."""
        action = plan.sudo(user).action_check_issue()
        self.assertEqual(action["res_model"], CHECK)
        self.assertEqual(action["target"], "new")
        return plan.env[CHECK].sudo(user).with_context(action["context"]).create({})

    def _refusal(self, plan):
        """The message of the refused issue (the plan stays approved)."""
        with self.assertRaises(UserError) as caught:
            with self.env.cr.savepoint():
                plan.sudo(self.clerk).action_issue()
        self.assertEqual(plan.state, "approved")
        self.assertFalse(plan.number)
        return caught.exception.name


class TestSignatureForms(SignatureCase):
    def test_agency_regime(self):
        Agency = self.env["gov.plan.agency"].sudo(self.manager)
        sở = Agency.create({"name": "Sở Tư pháp", "code": "STP"})
        self.assertEqual((sở.regime, sở.head_title), ("head", "GIÁM ĐỐC"))
        with self.refused(ValidationError, "collective body"):
            Agency.create({"name": "UBND huyện", "regime": "collective"})
        self.assertEqual(
            (self.province.regime, self.province.collective_name),
            ("collective", "ỦY BAN NHÂN DÂN"),
        )

    def test_choosing_a_form_gives_the_agencys_lines(self):
        Plan = self.env["gov.plan"].sudo(self.staff_a)
        plan = Plan.new({"agency_id": self.province.id, "authority": "TM_KT"})
        plan._onchange_signature_form()
        self.assertEqual(
            plan._signature_lines(),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        )
        plan.authority = "TM"
        plan._onchange_signature_form()
        self.assertEqual(plan._signature_lines(), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
        plan.agency_id = self.agency
        plan.authority = "KT"
        plan._onchange_signature_form()
        self.assertFalse(plan.collective_title)
        self.assertEqual(plan._signature_lines(), ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        # TL.: the unit head's title, from their job
        plan.signer_id = self.chief_employee
        plan.authority = "TL"
        plan._onchange_signature_form()
        self.assertEqual(plan._signature_lines(), ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"])
        # the lines stay the drafter's to correct
        plan.signer_title = "Chánh Văn phòng Sở"
        self.assertEqual(
            plan._signature_lines(), ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG SỞ"]
        )

    def test_another_agency_keeps_a_form_it_can_sign(self):
        """From the UBND to a Sở, the TM. line goes (the web client runs the
        agency's onchange methods in this order)."""
        Plan = self.env["gov.plan"].sudo(self.staff_a)
        plan = Plan.new({"agency_id": self.province.id, "authority": "TM_KT"})
        plan._onchange_signature_form()
        plan.agency_id = self.agency
        plan._onchange_agency_form()
        plan._onchange_signature_form()
        self.assertEqual(plan.authority, "KT")
        self.assertEqual(plan._signature_lines(), ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])
        plan.agency_id = self.province
        plan._onchange_agency_form()
        plan._onchange_signature_form()
        self.assertEqual(plan._signature_lines(), ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])

    def test_the_web_clients_onchange(self):
        """As the form asks it: a form chosen, the lines returned."""
        Plan = self.env["gov.plan"].sudo(self.staff_a)
        specs = Plan._onchange_spec()
        # the client sends every field of the form
        values = {name: False for name in specs if "." not in name}
        values.update(Plan.default_get(list(Plan._fields)))
        for name, value in values.items():
            if Plan._fields[name].type in ("one2many", "many2many"):
                values[name] = value or []
        values.update(agency_id=self.province.id, authority="TM_KT")
        result = Plan.onchange(values, "authority", specs)["value"]
        self.assertEqual(result["collective_title"], "ỦY BAN NHÂN DÂN")
        self.assertEqual(result["authority_title"], "CHỦ TỊCH")
        self.assertEqual(result["signer_title"], "PHÓ CHỦ TỊCH")
        self.assertEqual(
            result["signature_preview"],
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        )

    def test_the_seed_signs_kt_giam_doc(self):
        plan = self._issued_plan()
        self.assertEqual(
            plan._print_signature(),
            {"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": "Leader"},
        )

    def test_every_form_issues_when_the_right_person_signs(self):
        cases = [
            (
                {
                    "authority": "none",
                    "signer_id": self.director.employee_ids.id,
                    "signer_title": "GIÁM ĐỐC",
                },
                ["GIÁM ĐỐC"],
            ),
            ({"authority": "Q", "signer_title": False}, ["Q. GIÁM ĐỐC"]),
            (
                {
                    "authority": "TL",
                    "signer_id": self.chief_employee.id,
                    "signer_title": "CHÁNH VĂN PHÒNG",
                },
                ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
            ),
            (
                {
                    "authority": "TUQ",
                    "signer_id": self.chief_employee.id,
                    "signer_title": "CHÁNH VĂN PHÒNG",
                },
                ["TUQ. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
            ),
        ]
        ubnd = {
            "agency_id": self.province.id,
            "collective_title": "ỦY BAN NHÂN DÂN",
            "authority_title": "CHỦ TỊCH",
        }
        cases += [
            (
                dict(
                    ubnd,
                    authority="TM",
                    signer_id=self.director.employee_ids.id,
                    signer_title="CHỦ TỊCH",
                ),
                ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            ),
            (
                dict(ubnd, authority="TM_KT", signer_title="PHÓ CHỦ TỊCH"),
                ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
            ),
            (
                dict(ubnd, authority="TM_Q", signer_title=False),
                ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"],
            ),
            # corpus 16: the Chairman's own decision, no TM. line
            (
                dict(
                    ubnd,
                    authority="KT",
                    collective_title=False,
                    signer_title="PHÓ CHỦ TỊCH",
                ),
                ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
            ),
        ]
        for index, (vals, lines) in enumerate(cases):
            plan = self._issued_plan(title="Kế hoạch %s" % index, **vals)
            self.assertEqual(plan.state, "issued", vals)
            self.assertEqual(plan._print_signature()["lines"], lines)
            self.assertEqual(plan.issued_signature_lines, "\n".join(lines))

    def test_an_issued_plan_prints_its_signature_as_issued(self):
        plan = self._issued_plan()
        # the agency renamed its head, the signer left: the plan does not change
        self.agency.sudo(self.manager).write({"head_title": "TỔNG GIÁM ĐỐC"})
        self.signer.sudo().write({"name": "Người khác"})
        # even a correction of the fields by the superuser prints as issued
        plan.sudo().write({"authority": "TL", "signer_title": "X"})
        plan.invalidate_cache()
        self.assertEqual(
            plan._print_signature(),
            {"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "name": "Leader"},
        )
        self.assertEqual(plan.signature_preview, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")

    def test_the_pdf_prints_the_two_level_form(self):
        plan = self._plan(
            agency_id=self.province.id,
            authority="TM_KT",
            collective_title="ỦY BAN NHÂN DÂN",
            authority_title="CHỦ TỊCH",
            signer_title="PHÓ CHỦ TỊCH",
        )
        html = (
            self.env.ref("gov_plan.action_report_gov_plan")
            .sudo(self.staff_a)
            .render_qweb_html(plan.ids)[0]
            .decode()
        )
        positions = [
            html.index(text)
            for text in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
        ]
        self.assertEqual(positions, sorted(positions))


class TestIssueCheck(SignatureCase):
    def test_a_check_that_passes_says_so(self):
        plan = self._plan()
        for user in (self.staff_a, self.leader):
            check = self._check(plan, user)
            self.assertTrue(check.can_issue)
            self.assertFalse(check.problems)
            self.assertFalse(check.may_issue)  # a draft, and not the clerk
            self.assertEqual(check.signature_preview, "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        self.assertFalse(self._check(plan, self.leader).may_issue)
        check = self._check(plan, self.clerk)
        self.assertTrue(check.may_issue)
        check.action_issue()
        self.assertEqual(plan.state, "issued")
        self.assertEqual(plan.number_symbol, "01/KH-SKHCN")

    def test_a_failing_check_lists_every_problem_as_staff_and_leader(self):
        plan = self._plan(
            agency_id=self.agency.id,
            authority="TM",
            collective_title="ỦY BAN NHÂN DÂN",
            signer_title="PHÓ GIÁM ĐỐC",
            recipient_ids=[],
            basis_ids=[
                (0, 0, {"external_document_id": self.doc_75.id}),
                (0, 0, {"external_document_id": self.doc_75.id}),
            ],
        )
        # the duties were entered, then the plan's date moved after one
        plan.date = "2024-07-01"
        for user in (self.staff_a, self.leader):
            check = self._check(plan, user)
            self.assertFalse(check.can_issue)
            lines = check.problems.split("\n")
            self.assertEqual(len(lines), 5, check.problems)
            for line, text in zip(
                lines,
                (
                    "TM. signs on behalf of a collective body",
                    "the signer's title \"PHÓ GIÁM ĐỐC\" is a deputy's",
                    "no recipient",
                    "is due on 30/06/2024, before the date of the plan (01/07/2024)",
                    "is cited 2 times",
                ),
            ):
                self.assertTrue(line.startswith("- "))
                self.assertIn(text, line)

    def test_in_vietnamese(self):
        plan = self._plan(authority="TM", collective_title="ỦY BAN NHÂN DÂN")
        self.staff_a.lang = "vi_VN"
        check = self._check(plan.with_context(lang="vi_VN"), self.staff_a)
        self.assertIn("TM. (thay mặt tập thể)", check.problems)
        self.assertIn("chế độ thủ trưởng", check.problems)
        self.assertIn("ký thay", check.problems)

    def test_the_check_writes_nothing(self):
        plan = self._approved()
        before = plan.read()[0]
        counters = self.env["gov.plan.register"].search_count([])
        for user in (self.staff_a, self.leader, self.clerk):
            check = self._check(plan, user)
            self.assertTrue(check.can_issue)
            # the result is computed from the plan: what a client sends is not kept
            check.write({"can_issue": False, "problems": "forged"})
            check.invalidate_cache()
            self.assertTrue(check.can_issue)
            self.assertFalse(check.problems)
        plan.invalidate_cache()
        self.assertEqual(plan.read()[0], before)
        self.assertEqual(self.env["gov.plan.register"].search_count([]), counters)
        self.assertEqual(plan.state, "approved")

    def test_the_check_is_refused_on_a_plan_one_cannot_read(self):
        plan = self._plan(
            duty_ids=[
                (
                    0,
                    0,
                    {
                        "name": "A",
                        "unit_id": self.unit_a.id,
                        "date_deadline": "2024-12-14",
                    },
                )
            ],
            recipient_ids=[(0, 0, {"agency_id": self.culture.id})],
        )
        with self.refused(AccessError):
            plan.sudo(self.staff_b).action_check_issue()
        with self.refused(AccessError):
            self.env[CHECK].sudo(self.staff_b).create({"plan_id": plan.id}).problems

    def test_only_the_clerk_issues_from_the_check(self):
        plan = self._approved()
        check = self._check(plan, self.leader)
        with self.refused(AccessError):
            check.action_issue()
        self.assertEqual(plan.state, "approved")

    def test_a_plan_that_changed_shows_the_check_again(self):
        plan = self._approved()
        check = self._check(plan, self.clerk)
        self.assertTrue(check.may_issue)
        # meanwhile the signer left the leadership
        self.leader.sudo().write(
            {"groups_id": [(3, self.env.ref("gov_plan.group_gov_plan_leader").id)]}
        )
        action = check.action_issue()
        self.assertEqual(action["res_model"], CHECK)
        self.assertEqual(plan.state, "approved")


class TestIssueRefusals(SignatureCase):
    """Each refusal of issue 10, item 4, is its own listed problem."""

    def test_tm_in_a_head_run_agency(self):
        plan = self._approved(
            authority="TM_KT",
            collective_title="ỦY BAN NHÂN DÂN",
            authority_title="GIÁM ĐỐC",
        )
        message = self._refusal(plan)
        self.assertIn(
            "TM. signs on behalf of a collective body, but Sở Khoa học và Công nghệ is "
            "run by its head",
            message,
        )

    def test_kt_giam_doc_over_pho_chu_tich(self):
        message = self._refusal(self._approved(signer_title="PHÓ CHỦ TỊCH"))
        self.assertIn(
            "KT. GIÁM ĐỐC is signed by a deputy of the GIÁM ĐỐC (PHÓ GIÁM ĐỐC), but "
            'the signer\'s title is "PHÓ CHỦ TỊCH"',
            message,
        )

    def test_kt_giam_doc_in_a_committee_of_chu_tich(self):
        message = self._refusal(
            self._approved(agency_id=self.province.id, authority_title="GIÁM ĐỐC")
        )
        self.assertIn(
            'but the head of UBND tỉnh Quảng Trị has the title "CHỦ TỊCH"', message
        )

    def test_a_deputy_signing_with_no_authority(self):
        message = self._refusal(self._approved(authority="none"))
        self.assertIn("the signer's title \"PHÓ GIÁM ĐỐC\" is a deputy's", message)

    def test_tl_signed_by_a_deputy(self):
        message = self._refusal(self._approved(authority="TL"))
        self.assertIn(
            "TL. is signed by the head of a unit of the agency, not by its leadership "
            "(Leader, PHÓ GIÁM ĐỐC)",
            message,
        )

    def test_tuq_signed_by_someone_who_heads_no_unit(self):
        message = self._refusal(
            self._approved(
                authority="TUQ",
                signer_id=self.staff_employee.id,
                signer_title="CHUYÊN VIÊN",
            )
        )
        self.assertIn(
            "TUQ. is signed by the head of a unit of the agency, but Staff A is the "
            "manager of no unit",
            message,
        )

    def test_a_signer_outside_leadership(self):
        for signer in (self.staff_employee, self.chief_employee):
            plan = self._approved(signer_id=signer.id)
            message = self._refusal(plan)
            self.assertIn(
                '%s is not in the leadership of the agency (the role "Leadership")'
                % signer.name,
                message,
            )

    def test_an_employee_without_a_user_is_not_leadership(self):
        employee = self.env["hr.employee"].create({"name": "Chưa có tài khoản"})
        message = self._refusal(self._approved(signer_id=employee.id))
        self.assertIn("Chưa có tài khoản is not in the leadership", message)

    def test_a_plan_dated_in_another_year_than_the_register(self):
        issued_on = mock.patch.object(
            type(self.env["gov.plan"]), "_gov_issue_date", lambda plan: D(2026, 6, 1)
        )
        with issued_on:
            for date in ("2025-12-30", "2027-01-02"):
                duties = [
                    (
                        0,
                        0,
                        {
                            "name": "A",
                            "unit_id": self.unit_a.id,
                            "date_deadline": "2027-12-14",
                        },
                    )
                ]
                plan = self._approved(date=date, duty_ids=duties)
                message = self._refusal(plan)
                self.assertIn(
                    "the plan is dated %s, but it would be numbered from the register "
                    "of 2026" % date[:4],
                    message,
                )
            self.assertFalse(self.env["gov.plan.register"].search([]))
            # dated in 2026 (or not dated): the register of 2026
            duties = [
                (
                    0,
                    0,
                    {
                        "name": "A",
                        "unit_id": self.unit_a.id,
                        "date_deadline": "2026-12-14",
                    },
                )
            ]
            dated = self._issued_plan(date="2026-01-05", duty_ids=duties)
            undated = self._issued_plan(date=False, duty_ids=duties)
        self.assertEqual((dated.number, dated.year), (1, 2026))
        self.assertEqual((undated.number, undated.date), (2, "2026-06-01"))
        self.assertEqual(
            self.env["gov.plan.register"].search([]).mapped("year"), [2026]
        )

    def test_duties_due_before_the_plan(self):
        plan = self._plan()
        # the duties were entered, then the plan's date moved after one
        plan.date = "2024-07-01"
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        message = self._refusal(plan)
        self.assertIn(
            'the duty "Tuyên truyền" is due on 30/06/2024, before the date of the plan '
            "(01/07/2024)",
            message,
        )

    def test_the_same_basis_twice(self):
        twin = self.env["gov.plan.external.document"].create(
            {
                "name": "75/KH-UBND ",
                "date": "2024-03-29",
                "issuer_id": self.province.id,
                "title": "entered twice",
            }
        )
        parent = self._issued_plan(title="Kế hoạch cấp trên", date="2024-01-05")
        plan = self._approved(
            basis_ids=[
                (0, 0, {"external_document_id": self.doc_75.id}),
                (0, 0, {"parent_plan_id": parent.id}),
                (0, 0, {"external_document_id": twin.id}),
                (0, 0, {"parent_plan_id": parent.id}),
            ]
        )
        message = self._refusal(plan)
        self.assertEqual(message.count("is cited 2 times"), 2, message)
        self.assertIn("75/KH-UBND", message)
        self.assertIn(parent.number_symbol, message)
        # the identity of a basis is the cited document
        keys = [basis._gov_issue_key() for basis in plan.basis_ids]
        self.assertEqual(keys[0], keys[2])
        self.assertEqual(keys[1], keys[3])
        self.assertNotEqual(keys[0], keys[1])

    def test_every_problem_in_one_refusal(self):
        plan = self._approved(
            authority="TL",
            recipient_ids=[],
            basis_ids=[
                (0, 0, {"external_document_id": self.doc_75.id}),
                (0, 0, {"external_document_id": self.doc_75.id}),
            ],
            date="2024-03-01",
        )
        message = self._refusal(plan)
        self.assertTrue(message.startswith("The plan cannot be issued yet:\n- "))
        for text in (
            "TL. is signed",
            "no recipient",
            "dated after the plan",
            "is cited 2 times",
        ):
            self.assertIn(text, message)
        self.assertEqual(message.count("\n- "), 5, message)


class TestSignatureSecurity(SignatureCase):
    FIELDS = {
        "authority": "TM",
        "collective_title": "ỦY BAN NHÂN DÂN",
        "authority_title": "CHỦ TỊCH",
        "signer_title": "CHỦ TỊCH",
    }

    def test_the_lines_are_the_drafts(self):
        plan = self._plan()
        plan.sudo(self.staff_a).write(self.FIELDS)
        self.assertEqual(plan.signature_preview, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")

    def test_staff_cannot_change_them_once_submitted_or_issued(self):
        submitted = self._plan()
        submitted.action_submit()
        issued = self._issued_plan(title="Đã ban hành")
        for plan, error in ((submitted, UserError), (issued, (UserError, AccessError))):
            for name, value in self.FIELDS.items():
                with self.refused(error):
                    plan.sudo(self.staff_a).write({name: value})
            self.assertEqual(plan.authority, "KT")
            self.assertFalse(plan.collective_title)
        # nor the leader or the clerk, who may write those plans
        for user in (self.leader, self.clerk):
            with self.refused(UserError):
                issued.sudo(user).write({"collective_title": "ỦY BAN NHÂN DÂN"})

    def test_only_the_clerk_and_the_administrator_set_an_agencys_regime(self):
        for user in (self.staff_a, self.head_a, self.leader):
            with self.refused(AccessError):
                self.agency.sudo(user).write(
                    {"regime": "collective", "collective_name": "TẬP THỂ"}
                )
        self.assertEqual(self.agency.regime, "head")
        self.agency.sudo(self.clerk).write({"head_title": "GIÁM ĐỐC SỞ"})
        with self.refused(ValidationError, "Working regime"):
            self.agency.sudo(self.manager).write({"regime": "council"})

    def test_only_the_issue_writes_the_signature_as_issued(self):
        plan = self._plan()
        for user in (self.staff_a, self.leader, self.clerk, self.manager):
            with self.refused(AccessError, "workflow steps"):
                plan.sudo(user).write({"issued_signature_lines": "TM. GIẢ MẠO"})
        with self.refused(AccessError, "workflow steps"):
            self._plan(user=self.staff_a, issued_signature_lines="TM. GIẢ MẠO")
        with self.refused(AccessError, "computed"):
            plan.sudo(self.staff_a).write({"signature_preview": "X"})

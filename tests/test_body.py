"""The plan's body tree, the basis as written, the decision form and the
upgrade from the flat lists of 11.0.1.0.0, as real users."""

from odoo.exceptions import AccessError, UserError, ValidationError

from ..upgrade import v11_0_1_1_0
from .common import GovPlanCase


def texts(blocks):
    return ["".join(text for text, _style in block["runs"]) for block in blocks]


class TestBody(GovPlanCase):
    def test_labels_renumber_when_a_node_moves(self):
        plan = self._plan(
            body_ids=[
                (0, 0, {"sequence": 1, "level": "section", "heading": "MỤC TIÊU"}),
                (0, 0, {"sequence": 2, "level": "clause", "heading": "Chung"}),
                (0, 0, {"sequence": 3, "level": "clause", "heading": "Cụ thể"}),
                (0, 0, {"sequence": 4, "level": "point", "name": "Chỉ tiêu"}),
            ]
        )
        items = plan._gov_body_items()
        self.assertEqual(items.mapped("label"), ["I.", "1.", "2.", "a)"])
        items[2].write({"sequence": 0})  # "Cụ thể" first, before the section
        items.invalidate_cache()
        self.assertEqual(
            plan._gov_body_items().mapped("label"), ["1.", "I.", "1.", "a)"]
        )

    def test_usual_headings_are_offered_not_imposed(self):
        plan = self._plan(body_ids=[])
        plan.action_add_usual_headings()
        headings = plan._gov_body_items().mapped("heading")
        self.assertEqual(headings[0], "MỤC ĐÍCH, YÊU CẦU")
        self.assertIn("KINH PHÍ THỰC HIỆN", headings)
        with self.assertRaises(UserError):
            plan.action_add_usual_headings()  # not twice over a body
        plan._gov_body_items()[-1].unlink()  # the drafter drops funding
        self.assertNotIn("KINH PHÍ THỰC HIỆN", plan._gov_body_items().mapped("heading"))

    def test_duties_print_at_their_node_once_per_unit(self):
        plan = self._plan()
        printed = texts(plan._print_body())
        self.assertEqual(
            printed[:3], ["I. NỘI DUNG", "1. Tuyên truyền", "II. TỔ CHỨC THỰC HIỆN"]
        )
        self.assertEqual(printed[3], "1. Văn phòng Sở (test)")
        self.assertTrue(printed[-1].endswith("./."))

    def test_no_node_may_be_added_to_an_issued_plan(self):
        plan = self._issued_plan()
        item = plan._gov_body_items()[:1]
        with self.refused(UserError):
            item.sudo(self.staff_a).write({"name": "Sửa"})
        with self.refused(UserError):
            self.env["gov.plan.item"].sudo(self.staff_a).create(
                {"plan_id": plan.id, "level": "clause", "name": "Thêm"}
            )
        with self.refused(UserError):
            plan.sudo(self.staff_a).action_add_usual_headings()

    def test_another_units_plan_is_out_of_reach(self):
        plan = self._plan()
        with self.refused(AccessError):
            self.env["gov.plan.item"].sudo(self.staff_b).create(
                {"plan_id": plan.id, "level": "clause", "name": "Thêm"}
            )
        with self.refused(AccessError):
            plan._gov_body_items()[:1].sudo(self.staff_b).write({"name": "x"})

    def test_a_node_needs_words(self):
        with self.refused(ValidationError):
            self._plan(body_ids=[(0, 0, {"level": "clause"})])

    def test_a_duty_prints_only_under_a_node_of_its_plan(self):
        plan, other = self._plan(), self._plan(title="Khác")
        with self.refused(ValidationError):
            plan.duty_ids[:1].sudo(self.staff_a).write(
                {"item_id": other._gov_body_items()[:1].id}
            )


class TestBasisAsWritten(GovPlanCase):
    def test_a_basis_given_its_document_only_is_written_from_it(self):
        doc = self.env["gov.plan.external.document"].create(
            {
                "name": "75/KH-UBND",
                "date": "2024-03-29",
                "issuer_id": self.province.id,
                "document_type_id": self.type_kh.id,
                "title": "về triển khai Phong trào",
            }
        )
        plan = self._plan(
            basis_ids=[(0, 0, {"verb": "thuc_hien", "external_document_id": doc.id})],
            basis_layout="sentence",
            basis_intro="Sở ban hành như sau:",
        )
        ((text, italic),) = plan._print_basis_paragraphs()
        self.assertFalse(italic)
        self.assertTrue(
            text.startswith("Thực hiện Kế hoạch số 75/KH-UBND ngày 29/3/2024")
        )
        self.assertTrue(text.endswith("về triển khai Phong trào, Sở ban hành như sau:"))

    def test_choosing_the_document_fills_the_basis_in_the_form(self):
        doc = self.env["gov.plan.external.document"].create(
            {
                "name": "208/KH-UBND",
                "date": "2022-12-01",
                "issuer_id": self.province.id,
                "document_type_id": self.type_kh.id,
                "title": "về triển khai Chương trình",
            }
        )
        basis = (
            self.env["gov.plan.basis"]
            .sudo(self.staff_a)
            .new({"external_document_id": doc.id})
        )
        basis._onchange_external_document_id()
        self.assertEqual(
            (basis.number, basis.issuer, basis.summary, basis.document_type_id),
            ("208/KH-UBND", "UBND tỉnh", "về triển khai Chương trình", self.type_kh),
        )

    def test_a_law_by_name_and_a_proposal(self):
        law = self.env.ref("gov_plan.document_type_luat")
        plan = self._plan(
            basis_ids=[
                (
                    0,
                    0,
                    {
                        "sequence": 1,
                        "document_type_id": law.id,
                        "summary": "Luật Dược",
                        "basis_date": "2016-04-06",
                        "date_style": "long",
                    },
                ),
                (0, 0, {"sequence": 2, "verb": "theo_de_nghi", "issuer": "Sở Y tế"}),
            ]
        )
        paragraphs = plan._print_basis_paragraphs()
        self.assertEqual(
            paragraphs[0], ("Căn cứ Luật Dược ngày 06 tháng 4 năm 2016;", True)
        )
        self.assertEqual(paragraphs[1], ("Theo đề nghị của Sở Y tế.", True))

    def test_a_number_without_its_type_stops_the_issue(self):
        plan = self._plan(basis_ids=[(0, 0, {"number": "12-NQ/TU"})])
        self.assertIn(
            'choose the type of the document cited in "Căn cứ số 12-NQ/TU"',
            plan._issue_problem_messages(),
        )

    def test_a_basis_with_nothing_to_print_is_refused(self):
        with self.refused(ValidationError):
            self._plan(basis_ids=[(0, 0, {"verb": "can_cu"})])
        with self.refused(ValidationError):
            self._plan(basis_ids=[(0, 0, {"verb": "other", "summary": "x"})])

    def test_the_issued_opening_stays_as_issued(self):
        plan = self._issued_plan(
            basis_ids=[
                (
                    0,
                    0,
                    {
                        "document_type_id": self.type_kh.id,
                        "number": "1/KH-UBND",
                        "summary": "về việc A",
                    },
                )
            ]
        )
        printed = plan._print_basis()
        plan.sudo().basis_ids.write(
            {"summary": "về việc B"}
        )  # not even the superuser's fix
        plan.invalidate_cache()
        self.assertEqual(plan._print_basis(), printed)
        self.assertIn("về việc A", printed[0][0])


class TestDecision(GovPlanCase):
    def test_the_decision_takes_the_qd_number_and_the_plan_is_its_annex(self):
        plan = self._plan(
            issue_form="decision",
            decision_title="Về việc ban hành Kế hoạch kiểm thử",
            decision_authority="GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            decision_issuer="Giám đốc Sở Khoa học và Công nghệ",
            basis_ids=[
                (
                    0,
                    0,
                    {
                        "document_type_id": self.type_kh.id,
                        "number": "1/KH-UBND",
                        "summary": "về việc A",
                    },
                )
            ],
        )
        self.assertTrue(plan.number_symbol.endswith("/QĐ-SKHCN"))
        self.assertIn(
            "the decision issuing the plan has no article",
            plan._issue_problem_messages(),
        )
        plan.action_add_usual_articles()
        articles = texts(plan._print_body("decision"))
        self.assertTrue(
            articles[0].startswith("Điều 1. Ban hành kèm theo Quyết định này")
        )
        self.assertTrue(articles[-1].startswith("Điều 3."))
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        plan.sudo(self.clerk).action_issue()
        self.assertEqual(plan.number_symbol, "01/QĐ-SKHCN")
        register = self.env["gov.plan.register"].search(
            [("agency_id", "=", self.agency.id)]
        )
        self.assertEqual(register.mapped("last_number"), [1])
        self.assertEqual(
            plan._print_annex_line(),
            "(Ban hành kèm theo Quyết định số 01/QĐ-SKHCN ngày 05/4/2024 của "
            "Giám đốc Sở Khoa học và Công nghệ)",
        )
        # the basis is the decision's; the annex does not repeat it
        self.assertEqual(
            plan._print_decision_basis(),
            [("Căn cứ Kế hoạch số 1/KH-UBND về việc A.", True)],
        )
        self.assertEqual(plan._print_basis(), [])


class TestUpgrade(GovPlanCase):
    """The 11.0.1.1.0 migration on rows as 11.0.1.0.0 left them."""

    def _old_item(self, plan, kind, sequence, name):
        cr = self.env.cr
        cr.execute(
            "INSERT INTO gov_plan_item (plan_id, kind, sequence, name, level, "
            "document) VALUES (%s, %s, %s, %s, 'clause', 'plan') RETURNING id",
            (plan.id, kind, sequence, name),
        )
        return cr.fetchone()[0]

    def test_old_lists_become_the_tree_the_old_print_showed(self):
        cr = self.env.cr
        cr.execute("ALTER TABLE gov_plan_item ADD COLUMN IF NOT EXISTS kind varchar")
        plan = self._plan(body_ids=[])
        plan.duty_ids.write({"item_id": False})
        content = self._old_item(plan, "content", 1, "Nội dung một")
        self._old_item(plan, "purpose", 2, "Mục đích hai")
        self._old_item(plan, "purpose", 1, "Mục đích một")
        self._old_item(plan, "requirement", 1, "Yêu cầu một")
        plan.duty_ids[:1].write({"content_item_id": content})
        self.assertEqual(v11_0_1_1_0.migrate_body(cr), 1)
        plan.invalidate_cache()
        self.assertEqual(
            texts(plan._print_body())[:8],
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "- Mục đích một",
                "- Mục đích hai",
                "2. Yêu cầu",
                "- Yêu cầu một",
                "II. NỘI DUNG THỰC HIỆN",
                "1. Nội dung một",
            ],
        )
        self.assertEqual(plan.duty_ids[:1].content_item_id.id, content)
        holder = plan._gov_body_items().filtered("print_duties")
        self.assertEqual(holder.heading, "TỔ CHỨC THỰC HIỆN")
        self.assertEqual(plan.duty_ids.mapped("item_id"), holder)
        # run twice: nothing moves again
        self.assertEqual(v11_0_1_1_0.migrate_body(cr), 0)

    def test_old_bases_print_as_they_printed(self):
        doc = self.env["gov.plan.external.document"].create(
            {
                "name": "75/KH-UBND",
                "date": "2024-03-29",
                "issuer_id": self.province.id,
                "document_type_id": self.type_kh.id,
                "title": "Triển khai Phong trào.",
            }
        )
        plan = self._plan(basis_intro="Sở xây dựng như sau:")
        cr = self.env.cr
        cr.execute(
            "INSERT INTO gov_plan_basis (plan_id, sequence, external_document_id, "
            "verb, \"join\", date_style) VALUES (%s, 1, %s, 'can_cu', 'line', "
            "'decree30')",
            (plan.id, doc.id),
        )
        self.assertEqual(v11_0_1_1_0.migrate_basis(cr), 1)
        plan.invalidate_cache()
        self.assertEqual(
            plan._print_basis_paragraphs(),
            [
                (
                    "Thực hiện Kế hoạch số 75/KH-UBND ngày 29/03/2024 của UBND tỉnh "
                    "về triển khai Phong trào, Sở xây dựng như sau:",
                    False,
                )
            ],
        )


class TestDecisionGuards(GovPlanCase):
    def test_the_decision_form_and_its_snapshot_belong_to_their_steps(self):
        plan = self._plan(issue_form="decision", decision_title="Về việc ban hành")
        with self.refused(AccessError):
            plan.sudo(self.staff_a).write({"issued_decision_basis_text": "[]"})
        plan.action_submit()
        for values in (
            {"issue_form": "plan"},
            {"decision_title": "Khác"},
            {"decision_item_ids": [(0, 0, {"level": "article", "name": "Điều mới"})]},
        ):
            with self.refused((AccessError, UserError)):
                plan.sudo(self.staff_a).write(values)
        with self.refused((AccessError, UserError)):
            plan.sudo(self.staff_a).action_add_usual_articles()


class TestUpgradeIssuedDuties(GovPlanCase):
    def test_duties_of_a_plan_issued_before_keep_their_printed_text(self):
        plan = self._issued_plan()
        cr = self.env.cr
        cr.execute("ALTER TABLE gov_plan_duty ADD COLUMN period_type varchar")
        cr.execute(
            "UPDATE gov_plan_duty SET issued_paragraph = NULL, "
            "issued_lead_label = NULL WHERE plan_id = %s",
            (plan.id,),
        )
        self.assertEqual(v11_0_1_1_0.snapshot_issued_duties(cr), 2)
        plan.invalidate_cache()
        groups = plan._print_duty_groups()
        self.assertEqual(
            [g["paragraphs"] for g in groups],
            [
                ["Hướng dẫn, đôn đốc (thời hạn: 14/12/2024)."],
                [
                    "Tuyên truyền (Đơn vị phối hợp: Văn phòng Sở (test); "
                    "thời hạn: 30/06/2024)."
                ],
            ],
        )


class TestBodyAttacks(GovPlanCase):
    def test_markup_typed_in_the_body_prints_as_text(self):
        """The end of the body goes through print_rules.split_tail and back
        with t-raw: what the drafter typed must stay escaped."""
        attack = '<img src=x onerror="alert(1)"> & <b>đậm</b>'
        plan = self._plan(
            body_ids=[
                (0, 0, {"sequence": 1, "level": "section", "heading": attack}),
                (0, 0, {"sequence": 2, "level": "clause", "name": attack}),
            ],
            basis_intro=attack,
        )
        html, _kind = (
            self.env.ref("gov_plan.action_report_gov_plan")
            .sudo(self.staff_a)
            .render_qweb_html(plan.ids)
        )
        html = html.decode() if isinstance(html, bytes) else html
        self.assertNotIn("<img src=x", html)
        self.assertNotIn("<b>đậm</b>", html)
        self.assertIn("&lt;img src=x", html)

    def test_another_unit_cannot_fill_a_draft_through_the_offers(self):
        plan = self._plan(body_ids=[], issue_form="decision")
        for method in ("action_add_usual_headings", "action_add_usual_articles"):
            with self.refused(AccessError):
                getattr(plan.sudo(self.staff_b), method)()
        self.assertFalse(plan._gov_body_items() | plan._gov_body_items("decision"))

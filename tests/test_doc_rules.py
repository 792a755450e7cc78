"""The legal basis and the body tree of Decree 30 documents: no database."""

import datetime
import unittest

from odoo.addons.gov_plan.lib import doc_rules

D = datetime.date


def basis(**values):
    values.setdefault("verb", "can_cu")
    values.setdefault("join", "line")
    return values


QD_1165 = basis(
    type_name="Quyết định",
    number="1165/QĐ-TTg",
    date=D(2023, 10, 9),
    issuer="Thủ tướng Chính phủ",
    summary="về việc phê duyệt Chiến lược quốc gia phát triển ngành Dược",
)


class TestCitation(unittest.TestCase):
    def test_dates_as_decree_30_pads_them(self):
        self.assertEqual(doc_rules.cite_date(D(2012, 2, 8)), "08/02/2012")
        self.assertEqual(doc_rules.cite_date(D(2017, 5, 8)), "08/5/2017")
        self.assertEqual(doc_rules.cite_date(D(2008, 9, 30)), "30/9/2008")
        self.assertEqual(doc_rules.cite_date(D(2019, 4, 19), "padded"), "19/04/2019")
        self.assertEqual(doc_rules.cite_date(D(2019, 8, 7), "plain"), "7/8/2019")
        self.assertEqual(
            doc_rules.cite_date(D(2018, 1, 24), "long"), "24 tháng 01 năm 2018"
        )

    def test_a_document_with_number_issuer_and_summary_as_typed(self):
        self.assertEqual(
            doc_rules.cite(QD_1165),
            "Quyết định số 1165/QĐ-TTg ngày 09/10/2023 của Thủ tướng Chính phủ "
            "về việc phê duyệt Chiến lược quốc gia phát triển ngành Dược",
        )

    def test_the_summary_keeps_its_capitals_and_its_own_words(self):
        text = doc_rules.cite(
            basis(type_name="Kế hoạch", number="1/KH", summary="Chuyển đổi số")
        )
        self.assertTrue(text.endswith(" Chuyển đổi số"), text)
        text = doc_rules.cite(
            basis(type_name="Kế hoạch", number="1/KH", summary="về việc X")
        )
        self.assertNotIn("về về", text)

    def test_a_law_cited_by_name_without_number(self):
        self.assertEqual(
            doc_rules.cite(
                basis(
                    type_name="Luật",
                    summary="Luật Dược",
                    date=D(2016, 4, 6),
                    date_style="long",
                )
            ),
            "Luật Dược ngày 06 tháng 4 năm 2016",
        )

    def test_a_proposal_names_the_proposer_first(self):
        self.assertEqual(
            doc_rules.cite(
                basis(
                    verb="theo_de_nghi",
                    type_name="Tờ trình",
                    number="496/TTr-SYT",
                    date=D(2024, 2, 1),
                    issuer="Sở Y tế",
                )
            ),
            "của Sở Y tế tại Tờ trình số 496/TTr-SYT ngày 01/02/2024",
        )

    def test_a_type_missing_from_the_list_is_not_dropped(self):
        text = doc_rules.cite(basis(type_name="Nghị quyết", number="12-NQ/TU"))
        self.assertEqual(text, "Nghị quyết số 12-NQ/TU")


class TestBasisParagraphs(unittest.TestCase):
    def test_lines_each_on_its_own_italic_line_then_a_full_stop(self):
        paragraphs = doc_rules.basis_paragraphs(
            [basis(type_name="Luật", summary="Luật Dược", date=D(2016, 4, 6)), QD_1165]
        )
        self.assertEqual(len(paragraphs), 2)
        self.assertTrue(paragraphs[0][0].startswith("Căn cứ Luật Dược"))
        self.assertTrue(paragraphs[0][0].endswith(";"))
        self.assertTrue(paragraphs[1][0].endswith("Dược."))
        self.assertTrue(all(italic for _text, italic in paragraphs))

    def test_an_intro_paragraph_follows_a_semicolon(self):
        paragraphs = doc_rules.basis_paragraphs(
            [QD_1165], intro="UBND tỉnh ban hành như sau:"
        )
        self.assertEqual(paragraphs[0][0][-1], ";")
        self.assertEqual(paragraphs[1], ("UBND tỉnh ban hành như sau:", False))

    def test_one_paragraph_citing_two_documents_names_the_verb_once(self):
        second = basis(type_name="Luật", summary="Luật sửa đổi", join="semicolon")
        ((text, _italic),) = doc_rules.basis_paragraphs(
            [basis(type_name="Luật", summary="Luật A"), second]
        )
        self.assertEqual(text, "Căn cứ Luật A; Luật sửa đổi.")

    def test_the_seed_sentence(self):
        kh75 = basis(
            verb="thuc_hien",
            type_name="Kế hoạch",
            number="75/KH-UBND",
            date=D(2024, 3, 29),
            issuer="UBND tỉnh",
            summary="về triển khai",
        )
        paragraphs = doc_rules.basis_paragraphs(
            [kh75],
            layout="sentence",
            intro="Sở Khoa học và Công nghệ xây dựng như sau:",
        )
        self.assertEqual(
            paragraphs,
            [
                (
                    "Thực hiện Kế hoạch số 75/KH-UBND ngày 29/3/2024 của UBND tỉnh về "
                    "triển khai, Sở Khoa học và Công nghệ xây dựng như sau:",
                    False,
                )
            ],
        )

    def test_sentence_joined_by_and(self):
        first = basis(verb="thuc_hien", type_name="Chỉ thị", number="19/CT-TTg")
        second = basis(
            verb="thuc_hien", type_name="Kế hoạch", number="16/KH", join="and"
        )
        ((text, _i),) = doc_rules.basis_paragraphs(
            [first, second], "sentence", "UBND ban hành:"
        )
        self.assertEqual(
            text, "Thực hiện Chỉ thị số 19/CT-TTg và Kế hoạch số 16/KH, UBND ban hành:"
        )

    def test_a_different_verb_is_printed(self):
        first = basis(type_name="Luật", summary="Luật A")
        second = basis(verb="theo_de_nghi", issuer="Sở Y tế", join="semicolon")
        ((text, _i),) = doc_rules.basis_paragraphs([first, second])
        self.assertEqual(text, "Căn cứ Luật A; Theo đề nghị của Sở Y tế.")

    def test_intro_inline_after_lines(self):
        paragraphs = doc_rules.basis_paragraphs(
            [QD_1165, basis(verb="xet_de_nghi", issuer="Sở GD&ĐT")],
            intro="UBND tỉnh ban hành như sau:",
            intro_inline=True,
        )
        self.assertEqual(
            paragraphs[1],
            ("Xét đề nghị của Sở GD&ĐT, UBND tỉnh ban hành như sau:", False),
        )
        self.assertTrue(paragraphs[0][1])

    def test_no_basis_only_the_intro(self):
        self.assertEqual(
            doc_rules.basis_paragraphs([], intro="Năm 2017, ..."),
            [("Năm 2017, ...", False)],
        )
        self.assertEqual(doc_rules.basis_paragraphs([]), [])


def node(id_, level, heading=None, text=None, children=(), **extra):
    values = dict(
        id=id_, level=level, heading=heading, text=text, children=list(children)
    )
    values.update(extra)
    return values


class TestBodyTree(unittest.TestCase):
    def test_labels_follow_the_position(self):
        tree = [
            node(
                1,
                "section",
                "MỤC TIÊU",
                children=[
                    node(2, "clause", "Mục tiêu chung"),
                    node(
                        3,
                        "clause",
                        "Chỉ tiêu",
                        children=[
                            node(4, "point", text="x"),
                            node(5, "point", text="y"),
                        ],
                    ),
                ],
            ),
            node(
                6,
                "section",
                "NỘI DUNG",
                children=[
                    node(
                        7, "clause", text="z", children=[node(8, "subclause", text="w")]
                    )
                ],
            ),
        ]
        labels = doc_rules.node_labels(tree)
        self.assertEqual(
            [labels[i] for i in range(1, 9)],
            ["I.", "1.", "2.", "a)", "b)", "II.", "1.", "1.1."],
        )

    def test_vietnamese_letters_and_part_styles(self):
        self.assertEqual(
            [doc_rules.point_letter(i) for i in range(4, 8)], ["d", "đ", "e", "g"]
        )
        self.assertEqual(doc_rules.part_label(1, "ordinal"), "Phần thứ nhất")
        self.assertEqual(doc_rules.part_label(2), "Phần II")

    def test_a_label_of_its_own_wins(self):
        labels = doc_rules.node_labels([node(1, "section", "X", label="1.")])
        self.assertEqual(labels[1], "1.")

    def test_articles_run_through_the_document(self):
        tree = [
            node(1, "part", "A", children=[node(2, "article", text="a")]),
            node(3, "part", "B", children=[node(4, "article", text="b")]),
        ]
        labels = doc_rules.node_labels(tree)
        self.assertEqual((labels[2], labels[4]), ("Điều 1.", "Điều 2."))

    def test_blocks_keep_line_breaks_and_add_no_bullet(self):
        tree = [
            node(
                1,
                "section",
                "MỤC ĐÍCH",
                children=[node(2, "clause", "Mục đích", "Dòng một.\nDòng hai.")],
            )
        ]
        blocks = doc_rules.body_blocks(tree)
        texts = ["".join(t for t, _s in b["runs"]) for b in blocks]
        self.assertEqual(
            texts, ["I. MỤC ĐÍCH", "1. Mục đích", "Dòng một.", "Dòng hai./."]
        )
        self.assertEqual(blocks[0]["runs"][0][1], "b")

    def test_inline_heading_and_bullets(self):
        tree = [
            node(1, "clause", "Mục tiêu chung", "Phổ cập.", inline=True),
            node(
                2,
                "clause",
                "Chỉ tiêu cụ thể:",
                children=[
                    node(3, "point", text="Tỷ lệ."),
                    node(4, "dash", text="Một"),
                    node(5, "plus", text="Hai"),
                ],
            ),
        ]
        texts = ["".join(t for t, _s in b["runs"]) for b in doc_rules.body_blocks(tree)]
        self.assertEqual(
            texts,
            [
                "1. Mục tiêu chung: Phổ cập.",
                "2. Chỉ tiêu cụ thể:",
                "a) Tỷ lệ.",
                "- Một",
                "+ Hai./.",
            ],
        )

    def test_article_label_bold_text_plain(self):
        blocks = doc_rules.body_blocks(
            [node(1, "article", text="Quyết định có hiệu lực.")]
        )
        self.assertEqual(
            blocks[0]["runs"], [("Điều 1.", "b"), (" Quyết định có hiệu lực./.", "")]
        )


class TestKeepTogether(unittest.TestCase):
    def test_numbers_dates_and_ranges_stay_on_one_line(self):
        pieces = doc_rules.keep_together(
            "Quyết định số 695/QĐ-TTg ngày 10/5/2021, 2018-2025."
        )
        self.assertEqual(
            [p for p, keep in pieces if keep],
            ["695/QĐ-TTg", "10/5/2021,", "2018-2025."],
        )
        self.assertEqual(
            "".join(p for p, _keep in pieces),
            "Quyết định số 695/QĐ-TTg ngày 10/5/2021, 2018-2025.",
        )

    def test_a_dash_between_words_still_breaks(self):
        self.assertEqual(
            doc_rules.keep_together("kinh tế - xã hội"), [("kinh tế - xã hội", False)]
        )


class TestDocumentProblems(unittest.TestCase):
    def test_a_complete_plan_has_none(self):
        doc = {"node_count": 3, "bases": [("Kế hoạch số 1/KH", "1/KH", "Kế hoạch")]}
        self.assertEqual(doc_rules.document_problems(doc), [])

    def test_every_problem_at_once(self):
        doc = {"issue_form": "decision", "bases": [("số 12-NQ/TU", "12-NQ/TU", "")]}
        self.assertEqual(
            [code for code, _detail in doc_rules.document_problems(doc)],
            [
                "body_empty",
                "basis_type",
                "decision_title",
                "decision_authority",
                "decision_articles",
            ],
        )

"""How the documents lay out text (lib/print_rules.py): no database."""

import unittest

from odoo.addons.gov_plan.lib import print_rules as pr
from odoo.addons.gov_plan.lib import vn_rules

NB = pr.NBSP


def words(text):
    return text.replace(NB, " ").split()


class TestWidths(unittest.TestCase):
    def test_times_metrics(self):
        # Times New Roman: "STT" bold is 556 + 667 + 667 thousandths of an em
        self.assertAlmostEqual(pr.text_width("STT", 24, bold=True), 45.36)
        self.assertAlmostEqual(pr.text_width("a b", 10), 11.94)

    def test_vietnamese_letters_are_as_wide_as_their_letter(self):
        self.assertEqual(pr.text_width("Ệ", 26), pr.text_width("E", 26))
        self.assertEqual(pr.text_width("ữ", 26), pr.text_width("ư", 26))
        self.assertGreater(pr.text_width("ư", 26), pr.text_width("u", 26))
        self.assertEqual(pr.text_width("Đ", 26, True), pr.text_width("D", 26, True))


class TestWhereLinesBreak(unittest.TestCase):
    def test_never_inside_a_word_of_several_syllables(self):
        self.assertEqual(
            pr.bind("trên địa bàn tỉnh Quảng Trị"),
            "trên{0}địa{0}bàn tỉnh{0}Quảng{0}Trị".format(NB),
        )
        # the tone marks may sit either way ("hóa", "hoá"); capitals too
        self.assertIn("VĂN{}HOÁ".format(NB), pr.bind("SỞ VĂN HOÁ, THỂ THAO"))

    def test_never_after_a_function_word_or_before_a_number(self):
        self.assertEqual(
            pr.bind("công nghệ và Đổi mới"), "công{0}nghệ và{0}Đổi{0}mới".format(NB)
        )
        self.assertEqual(
            pr.bind("Kế hoạch số 75/KH-UBND"), "Kế{0}hoạch số{0}75/KH-UBND".format(NB)
        )
        self.assertEqual(
            pr.bind("giai đoạn 2021 - 2025"), NB.join("giai đoạn 2021 - 2025".split())
        )
        self.assertEqual(pr.bind("của Sở Nội vụ"), NB.join("của Sở Nội vụ".split()))

    def test_bound_words_fit_their_column(self):
        # a table column too narrow for "và Đổi mới sáng tạo" breaks it
        text = "Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo"
        bound = pr.bind(text, width=152)
        self.assertEqual(words(bound), text.split())
        for group in bound.split(" "):
            self.assertLessEqual(pr.text_width(group, 24), 152)
        self.assertEqual(
            [line for line, _end in pr.wrap(text, 152)],
            [
                "Trung{}tâm".format(NB),
                "Nghiên{}cứu,".format(NB),
                "Chuyển{}giao".format(NB),
                "công{}nghệ".format(NB),
                "và{0}Đổi{0}mới".format(NB),
                "sáng{}tạo".format(NB),
            ],
        )

    def test_typed_line_breaks_are_kept(self):
        self.assertEqual(
            pr.bind("Kế hoạch\nnăm 2024"), "Kế{0}hoạch\nnăm{0}2024".format(NB)
        )
        self.assertEqual(pr.wrap("một\nhai", 500), [("một", True), ("hai", True)])

    def test_wrap_fills_lines_greedily(self):
        text = " ".join(["Kết quả đạt được theo kế hoạch."] * 8)
        lines = pr.wrap(text, 245)
        self.assertEqual(words(" ".join(line for line, _end in lines)), text.split())
        for line, _end in lines:
            self.assertLessEqual(pr.text_width(line, 24), 245)
        self.assertEqual([end for _line, end in lines][-1], True)
        # a word wider than the box takes the lines it needs
        self.assertEqual(len(pr.wrap("x" * 60, 100)), 8)  # 720 px


class TestHeadings(unittest.TestCase):
    def test_names_break_as_a_person_breaks_them(self):
        cases = [
            (
                "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ",
                False,
                ["ỦY BAN NHÂN DÂN", "TỈNH THỪA THIÊN HUẾ"],
            ),
            ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", True, ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]),
            ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", False, ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]),
            ("UBND TỈNH QUẢNG TRỊ", False, ["UBND TỈNH QUẢNG TRỊ"]),
            (
                "TRUNG TÂM NGHIÊN CỨU, CHUYỂN GIAO CÔNG NGHỆ VÀ ĐỔI MỚI SÁNG TẠO",
                True,
                [
                    "TRUNG TÂM NGHIÊN CỨU,",
                    "CHUYỂN GIAO CÔNG NGHỆ",
                    "VÀ ĐỔI MỚI SÁNG TẠO",
                ],
            ),
            ("PHÒNG QUẢN LÝ KHOA HỌC", True, ["PHÒNG QUẢN LÝ", "KHOA HỌC"]),
            (
                "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                True,
                ["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"],
            ),
            ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", True, ["BỘ THÔNG TIN", "VÀ TRUYỀN THÔNG"]),
            ("UBND TỈNH THỪA THIÊN HUẾ", False, ["UBND TỈNH", "THỪA THIÊN HUẾ"]),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
                True,
                ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"],
            ),
        ]
        for name, bold, lines in cases:
            self.assertEqual(pr.split_heading(name, bold=bold), lines, name)
            self.assertEqual(vn_rules.split_heading(name, bold=bold), lines, name)

    def test_no_line_ends_with_a_function_word_or_a_letter(self):
        names = [
            "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
            "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG TRỊ",
            "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG TỈNH QUẢNG TRỊ",
            "BAN CHỈ ĐẠO PHONG TRÀO TOÀN DÂN ĐOÀN KẾT XÂY DỰNG ĐỜI SỐNG VĂN HÓA",
            "VĂN PHÒNG ĐOÀN ĐẠI BIỂU QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN TỈNH",
            "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
            "TRUNG TÂM Y TẾ HUYỆN A LƯỚI",
            "PHÒNG VĂN HÓA VÀ THÔNG TIN CỦA UBND HUYỆN",
        ]
        for name in names:
            for bold in (False, True):
                lines = pr.split_heading(name, bold=bold)
                self.assertEqual(" ".join(lines), name)
                for line in lines[:-1]:
                    last = line.split()[-1]
                    self.assertNotIn(pr._key(last), pr.FUNCTION_WORDS, lines)
                    # a dash may end a line ("SỞ LAO ĐỘNG -"), a letter not
                    self.assertTrue(len(last) > 1 or last == "-", lines)
                for line in lines:
                    self.assertLessEqual(
                        pr.text_width(line, pr.HEADING_SIZE, bold), pr.HEADING_WIDTH
                    )

    def test_a_very_long_name_fills_its_lines(self):
        name = " ".join(["SỞ KHOA HỌC VÀ CÔNG NGHỆ"] * 5)
        lines = pr.split_heading(name, bold=True)
        self.assertEqual(" ".join(lines), name)
        self.assertGreater(len(lines), 4)

    def test_typed_lines_are_kept(self):
        self.assertEqual(
            pr.split_heading("ỦY BAN NHÂN DÂN\n TỈNH  QUẢNG TRỊ \n"),
            ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
        )
        self.assertEqual(pr.split_heading("  "), [])


class TestTitles(unittest.TestCase):
    def test_lines_typed_in_a_title(self):
        self.assertEqual(
            pr.title_lines("Kế hoạch  triển khai\r\n\ntrên địa bàn tỉnh "),
            ["Kế hoạch triển khai", "trên địa bàn tỉnh"],
        )
        self.assertEqual(pr.title_lines(False), [])
        self.assertEqual(pr.one_line("a\nb  c"), "a b c")

    def test_register_prints_the_title_as_written(self):
        self.assertEqual(
            vn_rules.register_title("Kế hoạch", "THỰC HIỆN Chương trình\nnăm 2024"),
            "Kế hoạch THỰC HIỆN Chương trình năm 2024",
        )
        self.assertEqual(
            vn_rules.register_title("Kế hoạch", "Tổ chức thực hiện"),
            "Kế hoạch Tổ chức thực hiện",
        )
        # a title that starts with its type is not given it twice
        self.assertEqual(
            vn_rules.register_title("Kế hoạch", "KẾ HOẠCH thực hiện"),
            "KẾ HOẠCH thực hiện",
        )
        self.assertEqual(vn_rules.register_title("", "Tổ chức"), "Tổ chức")


class TestArchiveLine(unittest.TestCase):
    def test_default_is_the_office_and_the_drafting_unit(self):
        self.assertEqual(vn_rules.default_archive("VP"), "VT, VP")
        self.assertEqual(vn_rules.default_archive(False), "VT")

    def test_a_default_is_recognised_a_drafters_text_is_not(self):
        codes = ["VP", "QLKH"]
        for note in ("", False, "VT", "VT,VP", "VT, QLKH.", " VT,  VP "):
            self.assertTrue(vn_rules.is_default_archive(note, codes), note)
        for note in ("VT, VP, 02b", "VT, TCCB", "VT, VP (hồ sơ)"):
            self.assertFalse(vn_rules.is_default_archive(note, codes), note)

    def test_copies_follow_the_units(self):
        self.assertEqual(vn_rules.archive_text("VT, VP", 2), "VT, VP, 02b")
        self.assertEqual(vn_rules.archive_text("VT, VXsln.", 0), "VT, VXsln")
        self.assertEqual(vn_rules.archive_text("", 12), "VT, 12b")
        self.assertEqual(
            vn_rules.recipient_lines(["Sở Nội vụ"], vn_rules.archive_text("VT, VP", 2)),
            ["- Sở Nội vụ;", "- Lưu: VT, VP, 02b."],
        )
        self.assertEqual(vn_rules.archive_of_line("- Lưu: VT, VP, 02b."), "VT, VP, 02b")


class TestTableRows(unittest.TestCase):
    widths = pr.column_widths(933, (7, 29, 18, 28, 18))

    def test_a_row_that_fits_is_one_piece(self):
        pieces = pr.split_row(
            ["1", "Tuyên truyền", "Văn phòng Sở", "Đã đăng", "Xong"], self.widths
        )
        self.assertEqual(len(pieces), 1)
        self.assertEqual(pieces[0]["lines"], 1)
        self.assertEqual(pieces[0]["cells"][2], "Văn{0}phòng{0}Sở".format(NB))
        self.assertTrue(pieces[0]["first"] and pieces[0]["last"])

    def test_a_long_row_comes_in_pieces_that_fit_a_page(self):
        result = "\n".join(
            " ".join(
                "Kết quả %d.%d đã đạt được theo kế hoạch." % (p, k) for k in range(9)
            )
            for p in range(6)
        )
        cells = ["3", "Việc 3", "Phòng Quản lý khoa học", result, "Hoàn thành đúng hạn"]
        pieces = pr.split_row(cells, self.widths)
        self.assertGreater(len(pieces), 5)
        for piece in pieces:
            self.assertLessEqual(piece["lines"], pr.ROW_MAX_LINES)
            self.assertGreaterEqual(piece["lines"], 3)
        self.assertEqual(
            [p["first"] for p in pieces], [True] + [False] * (len(pieces) - 1)
        )
        self.assertEqual(
            [p["last"] for p in pieces], [False] * (len(pieces) - 1) + [True]
        )
        # every word once, in order; the typed paragraphs stay paragraphs
        for column, text in enumerate(cells):
            printed = " ".join(p["cells"][column] for p in pieces)
            self.assertEqual(words(printed), text.split())
        self.assertGreaterEqual(
            sum(p["cells"][3].count("\n") for p in pieces) + len(pieces) - 1, 5
        )
        self.assertEqual(pieces[1]["cells"][0], "")

    def test_grid_joins_the_pieces_and_keeps_the_start_together(self):
        grid = pr.grid(
            [["1", "a " * 200, "", "", ""], ["2", "b", "", "", ""]],
            (7, 29, 18, 28, 18),
            header=[("STT", "Nội dung nhiệm vụ", "Đơn vị", "Kết quả", "Tình trạng")],
            before=60,
        )
        classes = [p["class"] for p in grid["rows"][0]]
        self.assertEqual(classes[0], "gp-piece-more")
        self.assertEqual(classes[-1], "gp-piece-cont")
        self.assertIn("gp-piece-cont gp-piece-more", classes)
        self.assertEqual(grid["rows"][1][0]["class"], "")
        self.assertEqual(
            grid["keep"],
            60 + pr.row_height(1) + pr.row_height(pr.PIECE_LINES) + pr.GRID_LINE,
        )
        self.assertEqual(pr.grid([], (100,), before=60)["keep"], 0)
        self.assertEqual(pr.grid([["x"]], (100,))["keep"], 0)


class TestEndOfText(unittest.TestCase):
    def test_last_paragraph_and_its_heading_go_with_the_signature(self):
        body = (
            '<p>Căn cứ &lt;b&gt;</p><div class="gp-section">I. A</div><p>một</p>'
            '<div class="gp-sub">1. Văn phòng</div><p>Cuối &amp; <b>đậm</b>./.</p>'
        )
        head, tail = pr.split_tail(body)
        self.assertEqual(
            head, '<p>Căn cứ &lt;b&gt;</p><div class="gp-section">I. A</div><p>một</p>'
        )
        self.assertEqual(
            tail,
            '<div class="gp-sub">1. Văn phòng</div><p>Cuối &amp; <b>đậm</b>./.</p>',
        )

    def test_short_paragraphs_are_gathered_a_long_one_stands(self):
        long_text = "Nội dung dài của nhiệm vụ. " * 12  # four lines
        head, tail = pr.split_tail("<p>một</p><p>hai</p><p>ba</p><p>bốn</p>")
        self.assertEqual((head, tail), ("<p>một</p>", "<p>hai</p><p>ba</p><p>bốn</p>"))
        head, tail = pr.split_tail("<p>một</p><p>%s</p>" % long_text)
        self.assertEqual(head, "<p>một</p>")
        # a heading just above the tail goes with it
        head, tail = pr.split_tail(
            '<p>một</p><div class="gp-sub">2.</div><p>%s</p>' % long_text
        )
        self.assertEqual(head, "<p>một</p>")
        self.assertTrue(tail.startswith('<div class="gp-sub">2.</div>'))

    def test_nested_sections_keep_their_containers(self):
        body = (
            '<p>x</p><div class="gp-node" data-level="1">'
            '<div class="gp-heading">II.</div><p>y</p>'
            '<div class="gp-node" data-level="2"><p>%s</p><p>z</p></div></div>'
        ) % ("Đoạn văn. " * 30)
        head, tail = pr.split_tail(body)
        self.assertTrue(tail.startswith('<div class="gp-node" data-level="1">'))
        self.assertIn('<div class="gp-node" data-level="2">', tail)
        self.assertIn("<p>z</p>", tail)
        self.assertNotIn("<p>y</p>", tail)
        self.assertIn("<p>y</p>", head)
        # "z" is one line: the paragraph before it goes with it
        self.assertEqual(head.count("Đoạn văn."), 0)
        self.assertEqual(tail.count("Đoạn văn."), 30)
        # a section taken whole moves whole, no empty copy is left behind
        head, tail = pr.split_tail(
            '<p>x</p><div class="gp-node"><div class="gp-heading">II</div>'
            "<p>y</p></div>"
        )
        self.assertEqual(head, "<p>x</p>")
        self.assertEqual(
            tail, '<div class="gp-node"><div class="gp-heading">II</div><p>y</p></div>'
        )

    def test_tables_stay_and_too_much_gives_no_tail(self):
        self.assertEqual(
            pr.split_tail("<p>a</p><table><tr><td>b</td></tr></table>")[1], ""
        )
        body = "<p>%s</p>" % ("Một đoạn rất dài. " * 200)
        self.assertEqual(pr.split_tail(body), (body, ""))
        self.assertEqual(pr.split_tail(""), ("", ""))
        head, tail = pr.split_tail("<table><tr><td>b</td></tr></table><p>a</p>")
        self.assertEqual(tail, "<p>a</p>")

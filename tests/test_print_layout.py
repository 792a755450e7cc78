"""The layout of the Decree 30 documents: what the templates render (HTML)
and how the PDF pages come out (tables over several pages, the signature
with the end of the text, titles, headers, the "Lưu" line, the register)."""

import re
import subprocess
import tempfile
import unittest

import lxml.html

from odoo.exceptions import ValidationError

from ..lib import print_rules
from . import test_report_pdf
from .common import GovPlanCase

NB = print_rules.NBSP
HEADER = "STT Nội dung nhiệm vụ Đơn vị chủ trì Kết quả thực hiện Tình trạng"


def text_of(element):
    return " ".join(element.text_content().replace(NB, " ").split())


class LayoutCase(GovPlanCase):
    def _html(self, xmlid, records, user):
        html, _kind = self.env.ref(xmlid).sudo(user).render_qweb_html(records.ids)
        return lxml.html.document_fromstring(html)

    def _duty(self, number, unit=None, words=12):
        return (
            0,
            0,
            {
                "name": "Nhiệm vụ %d" % number,
                "unit_id": (unit or self.unit_b).id,
                "description": "Nội dung của nhiệm vụ số %d, " % number
                + "triển khai trên địa bàn tỉnh theo kế hoạch, " * words,
                "date_deadline": "2024-12-14",
            },
        )

    def _approved_report(self, plan, results, **vals):
        report = self._unit_report(plan, self.staff_b, self.unit_b)
        for line, result in zip(report.line_ids.sorted("id"), results):
            line.write(
                {
                    "result": result,
                    "status": "done",
                    "progress": 100,
                    "date_done": "2024-06-02",
                }
            )
        report.write(vals)
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        return report


class TestTemplates(LayoutCase):
    def test_title_breaks_where_the_drafter_typed_it(self):
        plan = self._plan(
            title="Kế hoạch thực hiện Chương trình chuyển đổi số\n"
            "trên địa bàn tỉnh Quảng Trị  \n\n giai đoạn 2024 - 2025"
        )
        title = self._html("gov_plan.action_report_gov_plan", plan, self.staff_a)
        title = title.find_class("gp-title")[0]
        self.assertEqual(len(title.findall("br")), 2)
        self.assertEqual(
            [t.replace(NB, " ") for t in title.itertext()],
            [
                "Kế hoạch thực hiện Chương trình chuyển đổi số",
                "trên địa bàn tỉnh Quảng Trị",
                "giai đoạn 2024 - 2025",
            ],
        )
        # the words of one expression never part
        self.assertIn("trên{0}địa{0}bàn".format(NB), title.text_content())
        # elsewhere the title reads on one line
        self.assertEqual(
            plan.display_name,
            "Kế hoạch thực hiện Chương trình chuyển đổi số trên địa bàn tỉnh "
            "Quảng Trị giai đoạn 2024 - 2025",
        )
        plan.write({"title": "Tổ chức thực hiện Kế hoạch"})
        title = self._html("gov_plan.action_report_gov_plan", plan, self.staff_a)
        self.assertEqual(title.find_class("gp-title")[0].findall("br"), [])

    def test_the_end_of_the_plan_stands_with_the_signature(self):
        plan = self._plan(duty_ids=[self._duty(n) for n in range(3)])
        page = self._html("gov_plan.action_report_gov_plan", plan, self.staff_a)
        end = page.find_class("gp-end")
        self.assertEqual(len(end), 1)
        text = text_of(end[0])
        # the last paragraph (and the unit above it), then recipients, signer
        self.assertTrue(text.startswith("- Nội dung của nhiệm vụ số 2,"), text[:80])
        self.assertIn("./.", text)
        self.assertIn("Nơi nhận:", text)
        self.assertIn("KT. GIÁM ĐỐC", text)
        self.assertEqual(end[0].getnext(), None)
        # each paragraph once
        body = text_of(page.find_class("page")[0])
        self.assertEqual(body.count("Nội dung của nhiệm vụ số 2,"), 1)
        self.assertEqual(body.count("Nội dung của nhiệm vụ số 1,"), 1)

    def test_report_table_and_end(self):
        plan = self._issued_plan(duty_ids=[self._duty(n, words=1) for n in range(3)])
        long_result = " ".join(
            "Kết quả %d đã đạt được theo kế hoạch." % n for n in range(60)
        )
        report = self._approved_report(
            plan,
            ["Đã đăng 12 tin bài", long_result, "Xong"],
            difficulties="Thiếu kinh phí",
            proposals="Bổ sung kinh phí",
        )
        page = self._html(
            "gov_plan.action_report_gov_plan_report", report, self.staff_b
        )
        table = page.find_class("gp-grid")[0]
        self.assertEqual(len(table.findall("thead/tr/th")), 5)
        self.assertEqual(len(table.findall("tfoot/tr/td")), 1)
        rows = table.findall("tbody/tr")
        self.assertGreater(len(rows), 3)  # the long row comes in pieces
        self.assertEqual([r.get("class") for r in rows][:2], [None, "gp-piece-more"])
        self.assertEqual(rows[-1].get("class"), None)
        self.assertEqual(text_of(rows[-1][0]), "3")
        printed = " ".join(text_of(r[3]) for r in rows[1:-1])
        self.assertEqual(printed, long_result)
        # the heading, the header and the first row start on one page
        keep = table.getprevious().getprevious()
        self.assertEqual(keep.get("class"), "gp-keep")
        self.assertRegex(keep.get("style"), r"^height: \d+px; margin-bottom: -\d+px$")
        # the last section and the signature: one block
        end = text_of(page.find_class("gp-end")[0])
        self.assertTrue(end.startswith("III. ĐỀ XUẤT, KIẾN NGHỊ Bổ sung kinh phí"))
        self.assertIn("Nơi nhận:", end)

    def test_register_prints_titles_as_written(self):
        self.unit_a.gov_code = "VP"
        plan = self._issued_plan(
            title="THỰC HIỆN Chương trình\nchuyển đổi số", archive_copies=2
        )
        page = self._html("gov_plan.action_report_gov_plan_register", plan, self.clerk)
        cells = [
            text_of(td) for td in page.find_class("gp-grid")[0].findall("tbody/tr/td")
        ]
        self.assertEqual(
            cells[:7],
            [
                "01/KH-SKHCN",
                "05/04/2024",
                "Kế hoạch THỰC HIỆN Chương trình chuyển đổi số",
                "Leader",
                "Sở Văn hóa, Thể thao và Du lịch",
                "VT, VP, 02b",
                "3",
            ],
        )


class TestArchiveLine(LayoutCase):
    def setUp(self):
        super().setUp()
        self.unit_a.gov_code = "VP"
        self.unit_b.gov_code = "TT"

    def test_filed_at_the_drafting_unit(self):
        plan = self._plan()
        self.assertEqual(plan.archive_note, "VT, VP")
        self.assertEqual(plan._print_recipients()[-1], "- Lưu: VT, VP.")
        plan.write({"archive_copies": 2})
        self.assertEqual(plan._print_recipients()[-1], "- Lưu: VT, VP, 02b.")
        # as the drafter writes it
        plan.write({"archive_note": "VT, VP (hồ sơ)"})
        self.assertEqual(plan._print_recipients()[-1], "- Lưu: VT, VP (hồ sơ), 02b.")
        other = self._plan(user=self.staff_b, unit_id=self.unit_b.id)
        self.assertEqual(other.archive_note, "VT, TT")
        self.assertEqual(self._plan(archive_note="VT").archive_note, "VT")

    def test_a_new_unit_changes_the_default_only(self):
        plan = (
            self.env["gov.plan"]
            .sudo(self.head_a)
            .new({"unit_id": self.unit_a.id, "archive_note": "VT, VP"})
        )
        plan.unit_id = self.unit_b
        plan._onchange_unit_id()
        self.assertEqual(plan.archive_note, "VT, TT")
        plan.archive_note = "VT, TT, Phòng Quản lý khoa học"
        plan.unit_id = self.unit_a
        plan._onchange_unit_id()
        self.assertEqual(plan.archive_note, "VT, TT, Phòng Quản lý khoa học")

    def test_copies_are_a_small_number(self):
        plan = self._plan()
        with self.refused(ValidationError, "copies filed"):
            plan.write({"archive_copies": 100})
        with self.refused(ValidationError, "copies filed"):
            plan.write({"archive_copies": -1})

    def test_archive_line_is_not_a_recipient(self):
        plan = self._plan()
        with self.refused(ValidationError, "Filed at"):
            plan.write({"recipient_ids": [(0, 0, {"name": "Lưu: VT, VP"})]})

    def test_issued_plan_prints_its_recipients_as_issued(self):
        plan = self._issued_plan(archive_copies=3)
        printed = ["- Sở Văn hóa, Thể thao và Du lịch;", "- Lưu: VT, VP, 03b."]
        self.assertEqual(plan._print_recipients(), printed)
        self.unit_a.gov_code = "VPS"
        plan.invalidate_cache()
        self.assertEqual(plan._print_recipients(), printed)


class TestHeaders(LayoutCase):
    def test_agency_header_lines_as_set_and_as_issued(self):
        self.province.sudo(self.manager).write(
            {
                "header_name": "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ",
                "supervising_header_name": "UBND tỉnh Quảng Trị",
            }
        )
        self.agency.sudo(self.manager).header_name = "Sở Khoa học\nvà Công nghệ"
        plan = self._plan()
        head = plan._print_header()
        self.assertEqual(head["supervising"], ["UBND TỈNH QUẢNG TRỊ"])
        self.assertEqual(head["agency"], ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"])
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        plan.sudo(self.clerk).action_issue()
        self.agency.sudo(self.manager).write(
            {"header_name": False, "name": "Sở Khoa học, Công nghệ và Đổi mới"}
        )
        self.province.sudo(self.manager).supervising_header_name = False
        plan.invalidate_cache()
        head = plan._print_header()
        self.assertEqual(head["supervising"], ["UBND TỈNH QUẢNG TRỊ"])
        self.assertEqual(head["agency"], ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"])
        # a new plan prints the names of today
        self.assertEqual(
            self._plan(date="2024-05-05")._print_header()["supervising"],
            ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
        )

    def test_long_unit_names_wrap_as_a_person_wraps_them(self):
        self.unit_b.name = (
            "Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo"
        )
        plan = self._issued_plan()
        report = self._unit_report(plan, self.staff_b, self.unit_b)
        head = report._print_header()
        self.assertEqual(head["supervising"], ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"])
        self.assertEqual(
            head["agency"],
            ["TRUNG TÂM NGHIÊN CỨU,", "CHUYỂN GIAO CÔNG NGHỆ", "VÀ ĐỔI MỚI SÁNG TẠO"],
        )
        cell = report._print_grid()["rows"][0][0]["cells"][2]
        self.assertEqual(
            cell.split(" "),
            [
                "Trung{}tâm".format(NB),
                "Nghiên{}cứu,".format(NB),
                "Chuyển{}giao".format(NB),
                "công{}nghệ".format(NB),
                "và{0}Đổi{0}mới".format(NB),
                "sáng{}tạo".format(NB),
            ],
        )


def page_texts(data):
    """The text of each page (words separated by one space)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        text = subprocess.check_output(["pdftotext", "-layout", handle.name, "-"])
        boxes = subprocess.check_output(["pdftotext", "-bbox", handle.name, "-"])
    pages = [" ".join(p.split()) for p in text.decode().split("\f")]
    return [p for p in pages if p], boxes.decode()


def page_words(boxes):
    """Per page, the words with their box: (text, x0, y0, x1, y1)."""
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", boxes, re.S):
        pages.append(
            [
                (w, float(a), float(b), float(c), float(d))
                for a, b, c, d, w in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                    r'yMax="([\d.]+)">([^<]*)</word>',
                    page,
                )
            ]
        )
    return pages


@unittest.skipUnless(
    test_report_pdf.TOOLS, "wkhtmltopdf and poppler-utils are installed by make test"
)
class TestPages(LayoutCase):
    # the module, not the class: a test class imported here would run twice
    _pdf = test_report_pdf.TestReportPdf._pdf

    def test_table_header_repeats_cleanly_over_pages(self):
        duties = [self._duty(n, words=1) for n in range(6)]
        plan = self._issued_plan(duty_ids=duties)
        tall = " ".join(
            "Kết quả %d đã đạt được theo kế hoạch đề ra." % n for n in range(110)
        )
        report = self._approved_report(
            plan,
            ["Đã xong"] * 2 + [tall] + ["Đã đăng %d tin bài" % n for n in range(3)],
        )
        data, _kind = self._pdf(
            "gov_plan.action_report_gov_plan_report", report, self.staff_b
        )
        pages, boxes = page_texts(data)
        self.assertGreaterEqual(len(pages), 4)
        for number, text in enumerate(pages[1:], 2):
            # (the page number), then the header once, then rows
            text = re.sub(r"^%d " % number, "", text)
            if number < len(pages) or "STT" in text:
                self.assertTrue(
                    text.startswith(HEADER), "page %d: %r" % (number, text[:120])
                )
                self.assertEqual(text.count(HEADER), 1, "page %d" % number)
        for number, words in enumerate(page_words(boxes), 1):
            labels = [w for w in words if w[0] in ("STT", "Tình", "trạng")]
            if number == len(pages) and not labels:
                continue
            self.assertEqual(len(labels), 3, "page %d: one header" % number)
            top = min(w[2] for w in labels)
            bottom = max(w[4] for w in labels)
            header = set(HEADER.split())
            for word in words:
                if word[0] not in header:
                    self.assertFalse(
                        word[2] < bottom and word[4] > top,
                        "page %d: %r printed over the header" % (number, word),
                    )
            # never a page with the header alone
            self.assertTrue(any(w[2] > bottom for w in words), "page %d" % number)
        # every word of the tall result once, in order
        joined = " ".join(pages)
        for n in (0, 37, 109):
            self.assertEqual(joined.count("Kết quả %d đã đạt" % n), 1)

    def test_signature_never_stands_alone(self):
        # plans whose text ends too low on a page for the signature under it
        # (measured: printed without the block, the signature stood alone on
        # the last page of each)
        for count in (8, 12, 17):
            plan = self._plan(duty_ids=[self._duty(n) for n in range(count)])
            data, _kind = self._pdf(
                "gov_plan.action_report_gov_plan", plan, self.staff_a
            )
            pages, _boxes = page_texts(data)
            page = [p for p in pages if "Nơi nhận:" in p]
            self.assertEqual(len(page), 1)
            before = re.sub(r"^\d+ ", "", page[0].split("Nơi nhận:")[0])
            # the whole last paragraph is on the signature's page
            self.assertTrue(
                before.startswith("- Nội dung của nhiệm vụ số %d," % (count - 1)),
                "%d duties: %r" % (count, page[0][:100]),
            )

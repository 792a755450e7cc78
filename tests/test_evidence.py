"""Evidence of report lines (issue 9, item 5): the files a unit attaches to
the lines of its report, as the report form's evidence widget uploads them.

Every attack is made by the user who could make it, never the superuser;
each docstring says what the attack gave before this change (checked by
running this file on the branch's parent, 1a32b73: the attacks failed as
their docstrings say, normal use passed).
"""

import base64
import re
import unittest

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.modules.module import get_module_resource

from .common import GovPlanCase

LINE = "gov.plan.report.line"
CONTENT = b"%PDF-1.4 bien ban nghiem thu"
FORGED = base64.b64encode(b"forged")


class EvidenceCase(GovPlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = GovPlanCase._issued_plan(cls.__new__(cls))

    def _upload(self, user, name="bien-ban.pdf", content=CONTENT):
        """A file as the evidence widget uploads it: /web/binary/upload_attachment
        with the line's model and the id 0 (Odoo 11's FieldBinaryFileUploader)."""
        return (
            self.env["ir.attachment"]
            .sudo(user)
            .create(
                {
                    "name": name,
                    "datas_fname": name,
                    "datas": base64.b64encode(content),
                    "res_model": LINE,
                    "res_id": 0,
                }
            )
        )

    def _report_a(self, state="draft", **vals):
        """Unit A's report with one evidence file on its line, taken to
        ``state`` by the users whose step it is."""
        report = self._unit_report(self.plan, self.staff_a, self.unit_a, **vals)
        line = report.line_ids
        self.assertEqual(len(line), 1)
        evidence = self._upload(self.staff_a)
        # what the report form sends when it is saved
        report.write(
            {"line_ids": [(1, line.id, {"attachment_ids": [(6, 0, evidence.ids)]})]}
        )
        steps = [
            ("draft", self.staff_a, "action_submit"),
            ("submitted", self.head_a, "action_accept"),
            ("accepted", self.leader, "action_approve"),
        ]
        for from_state, user, method in steps:
            if report.state == state:
                break
            self.assertEqual(report.state, from_state)
            getattr(report.sudo(user), method)()
        self.assertEqual(report.state, state)
        return report, line, evidence

    def _content(self, attachment, user):
        return base64.b64decode(attachment.sudo(user).read(["datas"])[0]["datas"])

    def _download(self, attachment, user):
        """/web/content/<id>: status and content, as the browser gets them."""
        status, _headers, content = self.env["ir.http"].binary_content(
            id=attachment.id, env=attachment.sudo(user).env
        )
        return status, content and base64.b64decode(content)

    def _assert_unchanged(self, evidence, line):
        evidence = evidence.sudo()
        self.assertTrue(evidence.exists())
        self.assertEqual((evidence.res_model, evidence.res_id), (LINE, line.id))
        self.assertEqual(base64.b64decode(evidence.datas), CONTENT)


class TestEvidenceUse(EvidenceCase):
    def test_staff_attach_evidence_to_their_draft_line(self):
        """Normal use: a staff member uploads a file on their draft report's
        line, saves, reads it back, replaces it and deletes another one."""
        report, line, evidence = self._report_a("draft")
        self.assertEqual(
            (evidence.sudo().res_model, evidence.sudo().res_id), (LINE, line.id)
        )
        self.assertEqual(line.sudo(self.staff_a).attachment_ids, evidence)
        self.assertEqual(self._content(evidence, self.staff_a), CONTENT)
        self.assertEqual(self._download(evidence, self.staff_a), (200, CONTENT))
        self.assertEqual(
            self.env["ir.attachment"]
            .sudo(self.staff_a)
            .search([("res_model", "=", LINE), ("res_id", "=", line.id)]),
            evidence,
        )
        evidence.sudo(self.staff_a).write({"datas": base64.b64encode(b"v2")})
        self.assertEqual(self._content(evidence, self.staff_a), b"v2")
        second = self._upload(self.staff_a, "anh-hien-truong.png")
        line.sudo(self.staff_a).write({"attachment_ids": [(4, second.id)]})
        self.assertEqual(second.sudo().res_id, line.id)
        second.sudo(self.staff_a).unlink()
        self.assertEqual(line.sudo(self.staff_a).attachment_ids, evidence)

    def test_new_line_with_evidence(self):
        """Normal use: a line added in the form with its file (created with
        the report, or added to it later)."""
        duty = self.plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_a)
        first = self._upload(self.staff_a, "a.pdf")
        second = self._upload(self.staff_a, "b.pdf")
        report = (
            self.env["gov.plan.report"]
            .sudo(self.staff_a)
            .create(
                {
                    "plan_id": self.plan.id,
                    "unit_id": self.unit_a.id,
                    "period_type": "quarterly",
                    "date_from": "2024-03-15",
                    "date_to": "2024-06-14",
                    "line_ids": [
                        (
                            0,
                            0,
                            {"duty_id": duty.id, "attachment_ids": [(6, 0, first.ids)]},
                        )
                    ],
                }
            )
        )
        report.write(
            {
                "line_ids": [
                    (0, 0, {"duty_id": duty.id, "attachment_ids": [(4, second.id)]})
                ]
            }
        )
        for line, attachment in zip(report.line_ids.sorted("id"), first + second):
            self.assertEqual(line.attachment_ids, attachment)
            self.assertEqual(attachment.sudo().res_id, line.id)

    def test_head_and_leadership_read_after_submission(self):
        """Normal use: the unit head and leadership open the evidence of a
        submitted report, and still after its approval."""
        report, _line, evidence = self._report_a("submitted")
        for user in (self.head_a, self.leader, self.staff_a, self.clerk):
            self.assertEqual(self._content(evidence, user), CONTENT, user.login)
        report.sudo(self.head_a).action_accept()
        report.sudo(self.leader).action_approve()
        for user in (self.head_a, self.leader, self.manager, self.staff_a):
            self.assertEqual(self._download(evidence, user), (200, CONTENT), user.login)

    def test_returned_report_takes_new_evidence(self):
        """Normal use: a returned report is a draft again for its unit."""
        report, line, evidence = self._report_a("submitted")
        report.sudo(self.head_a).action_return("Thiếu biên bản có chữ ký")
        evidence.sudo(self.staff_a).write({"datas": base64.b64encode(b"signed")})
        signed = self._upload(self.staff_a, "bien-ban-ky.pdf")
        line.sudo(self.staff_a).write({"attachment_ids": [(4, signed.id)]})
        self.assertEqual(self._content(signed, self.head_a), CONTENT)

    def test_duplicated_report_leaves_the_evidence(self):
        """Normal use: duplicating a report starts a draft without the
        files, which stay with the lines they prove."""
        report, line, evidence = self._report_a("approved")
        # the next quarter: one report per unit and cut-off
        copy = report.sudo(self.staff_a).copy(
            {"date_from": "2024-06-15", "date_to": "2024-09-14"}
        )
        self.assertEqual(len(copy.line_ids), 1)
        self.assertFalse(copy.line_ids.attachment_ids)
        self._assert_unchanged(evidence, line)

    def test_deleting_a_draft_report_deletes_its_evidence(self):
        """A draft report deleted with its lines.

        Before: PostgreSQL deleted the lines (ondelete cascade), and Odoo
        removes the files of the records it deletes itself only: the files
        stayed, naming no record, and ir.attachment.check lets every employee
        read, replace and delete such a file."""
        report, _line, evidence = self._report_a("draft")
        report.sudo(self.staff_a).unlink()
        self.assertFalse(evidence.sudo().exists())


class TestEvidenceAttacks(EvidenceCase):
    def test_other_units_cannot_read_approved_evidence(self):
        """Another unit's staff (and its head, and an employee without a
        role) download the evidence of an approved report.

        Before: status 200 and the file: the evidence kept res_id 0, and
        ir.attachment.check does not look for a record then."""
        _report, _line, evidence = self._report_a("approved")
        for user in (self.staff_b, self.head_b, self.outsider):
            self.assertEqual(self._download(evidence, user), (403, None), user.login)
            with self.refused(AccessError):
                evidence.sudo(user).read(["datas"])

    def test_other_units_cannot_replace_approved_evidence(self):
        """Another unit's staff replace the content of an approved report's
        evidence (write datas).

        Before: the file was replaced."""
        _report, line, evidence = self._report_a("approved")
        for user in (self.staff_b, self.head_b):
            with self.refused(AccessError):
                evidence.sudo(user).write({"datas": FORGED})
        self._assert_unchanged(evidence, line)

    def test_other_units_cannot_delete_approved_evidence(self):
        """Another unit's staff delete an approved report's evidence.

        Before: the file was deleted."""
        _report, line, evidence = self._report_a("approved")
        for user in (self.staff_b, self.head_b):
            with self.refused(AccessError):
                evidence.sudo(user).unlink()
        self._assert_unchanged(evidence, line)

    def test_linking_someone_elses_attachment_is_refused(self):
        """Unit B's staff put the ids of files they did not upload on their
        own draft line: unit A's evidence, a file unit A just uploaded, a
        file of unit A's plan.

        Before: each link was accepted (B's line listed A's files); with the
        evidence now taking its line, the file would have moved to B."""
        _report, line, evidence = self._report_a("approved")
        report_b = self._unit_report(self.plan, self.staff_b, self.unit_b)
        line_b = report_b.line_ids
        fresh = self._upload(self.staff_a, "chua-luu.pdf")
        of_plan = (
            self.env["ir.attachment"]
            .sudo(self.staff_a)
            .create(
                {
                    "name": "du-thao.docx",
                    "datas": base64.b64encode(b"draft"),
                    "res_model": "gov.plan",
                    "res_id": self._plan().id,
                }
            )
        )
        for attachment in (evidence, fresh, of_plan):
            for command in ([(6, 0, attachment.ids)], [(4, attachment.id)]):
                with self.refused(AccessError):
                    line_b.sudo(self.staff_b).write({"attachment_ids": command})
            with self.refused(AccessError):
                report_b.write(
                    {
                        "line_ids": [
                            (1, line_b.id, {"attachment_ids": [(4, attachment.id)]})
                        ]
                    }
                )
        self.assertFalse(line_b.sudo().attachment_ids)
        self._assert_unchanged(evidence, line)
        self.assertEqual(fresh.sudo().res_id, 0)
        self.assertEqual(of_plan.sudo().res_model, "gov.plan")

    def test_own_unit_cannot_change_submitted_evidence(self):
        """The unit's staff, its head and the clerk of the unit change the
        evidence of the report they submitted: replace it, delete it, take
        it off the line.

        Before: replaced and deleted (the file had no record to follow);
        taking it off the line was already refused (the line is frozen)."""
        _report, line, evidence = self._report_a("submitted")
        for user in (self.staff_a, self.head_a, self.clerk):
            with self.refused(AccessError):
                evidence.sudo(user).write({"datas": FORGED})
            with self.refused(AccessError):
                evidence.sudo(user).write({"name": "khac.pdf"})
            with self.refused(AccessError):
                evidence.sudo(user).unlink()
            with self.refused(UserError):
                line.sudo(user).write({"attachment_ids": [(5,)]})
        self._assert_unchanged(evidence, line)

    def test_leadership_cannot_change_evidence_after_submission(self):
        """Leadership (and the administrator, who holds its rights) replace
        or delete the evidence of a submitted, accepted or approved report.

        Before: replaced and deleted in each state."""
        for month, state in ((4, "submitted"), (5, "accepted"), (6, "approved")):
            _report, line, evidence = self._report_a(
                state,
                period_type="monthly",
                date_from="2024-%02d-15" % (month - 1),
                date_to="2024-%02d-14" % month,
            )
            for user in (self.leader, self.manager):
                with self.refused(AccessError):
                    evidence.sudo(user).write({"datas": FORGED})
                with self.refused(AccessError):
                    evidence.sudo(user).unlink()
            self._assert_unchanged(evidence, line)

    def test_evidence_cannot_be_moved_to_another_record(self):
        """The unit moves its evidence to its other draft line, or to the
        report itself, by writing res_model/res_id on the file; unit B moves
        its own upload onto unit A's approved line by writing res_id alone
        (Odoo checks the new record only when both are written).

        Before: each file moved."""
        report, line, evidence = self._report_a("draft")
        other = self._unit_report(
            self.plan,
            self.staff_a,
            self.unit_a,
            date_from="2024-06-15",
            date_to="2024-09-14",
        )
        for values in (
            {"res_id": other.line_ids.id},
            {"res_model": LINE, "res_id": other.line_ids.id},
            {"res_model": "gov.plan.report", "res_id": report.id},
            {"res_model": "gov.plan.report"},
            {"res_id": 0},
        ):
            with self.refused(AccessError):
                evidence.sudo(self.staff_a).write(values)
        self._assert_unchanged(evidence, line)
        approved, approved_line, _evidence = self._report_a(
            "approved", date_from="2023-03-15", date_to="2023-06-14"
        )
        planted = self._upload(self.staff_b, "gia.pdf")
        with self.refused(AccessError):
            planted.sudo(self.staff_b).write({"res_id": approved_line.id})
        with self.refused(AccessError):
            self._upload(self.staff_b, "gia.pdf").sudo(self.staff_b).write(
                {"res_model": LINE, "res_id": approved_line.id}
            )
        self.assertEqual(planted.sudo().res_id, 0)


class TestLegacyEvidence(EvidenceCase):
    def test_update_attaches_the_evidence_to_its_line(self):
        """Files uploaded before this change: listed by their line in the
        relation table, with res_id 0. The module update gives each its
        line; a file listed by two lines (a duplicated report) is copied so
        that each line has its own."""
        report = self._unit_report(self.plan, self.staff_a, self.unit_a)
        other = self._unit_report(
            self.plan,
            self.staff_a,
            self.unit_a,
            date_from="2024-06-15",
            date_to="2024-09-14",
        )
        legacy = self._upload(self.staff_a, "cu.pdf")
        shared = self._upload(self.staff_a, "chung.pdf")
        line, other_line = report.line_ids, other.line_ids
        # as the relation table holds them today
        self.env.cr.execute(
            "INSERT INTO gov_plan_report_line_attachment_rel (line_id, attachment_id)"
            " VALUES (%s, %s), (%s, %s), (%s, %s)",
            (line.id, legacy.id, line.id, shared.id, other_line.id, shared.id),
        )
        self.env[LINE].invalidate_cache()
        # another unit is refused even before the update: no line yet
        with self.refused(AccessError, "not yet saved"):
            self._content(legacy, self.staff_b)

        self.env[LINE]._gov_fix_evidence_links()
        self.env.clear()
        self.assertEqual(
            (legacy.sudo().res_model, legacy.sudo().res_id), (LINE, line.id)
        )
        self.assertEqual(shared.sudo().res_id, line.id)
        self.assertEqual(line.sudo().attachment_ids, legacy + shared)
        copy = other_line.sudo().attachment_ids
        self.assertEqual(len(copy), 1)
        self.assertNotEqual(copy, shared)
        self.assertEqual(
            (copy.res_model, copy.res_id, copy.name),
            (LINE, other_line.id, "chung.pdf"),
        )
        self.assertEqual(self._content(copy, self.staff_a), CONTENT)
        for attachment in legacy + shared + copy:
            with self.refused(AccessError):
                attachment.sudo(self.staff_b).read(["datas"])
        # every update runs it: nothing more to do
        evidence = self.env["ir.attachment"].sudo().search([("res_model", "=", LINE)])
        self.assertEqual(self.env[LINE]._gov_fix_evidence_links(), 0)
        self.assertEqual(
            self.env["ir.attachment"].sudo().search([("res_model", "=", LINE)]),
            evidence,
        )


class TestFileNamesEscaped(unittest.TestCase):
    """Odoo 11's FieldBinaryFileUploader.files (the many2many_binary widget:
    the evidence of the report lines, the mail composer's files) writes the
    file names with t-raw, in read mode and in edit mode: a file named
    ``<img src=x onerror=alert(1)>.pdf`` ran its script in the browser of
    the unit head and of leadership. static/src/xml/file_names.xml replaces
    both by t-esc; scripts/evidence_names.js looks at it in the browser."""

    TEMPLATE = "FieldBinaryFileUploader.files"
    SELECTOR = re.compile(r"^t\[t-raw='(?P<expr>[^']+)'\]$")

    def test_every_raw_file_name_is_replaced_by_text(self):
        base = etree.parse(
            get_module_resource("web", "static", "src", "xml", "base.xml")
        )
        (template,) = base.xpath("//*[@t-name=$name]", name=self.TEMPLATE)
        raw = [node.get("t-raw") for node in template.iter() if node.get("t-raw")]
        self.assertEqual(len(raw), 2, "Odoo's template changed: look at it again")
        ours = etree.parse(
            get_module_resource("gov_plan", "static", "src", "xml", "file_names.xml")
        )
        (extension,) = ours.xpath("//t[@t-extend=$name]", name=self.TEMPLATE)
        replaced = set()
        for operation in extension:
            match = self.SELECTOR.match(operation.get("t-jquery", ""))
            self.assertTrue(match, operation.get("t-jquery"))
            self.assertEqual(operation.get("t-operation"), "replace")
            (new,) = list(operation)
            self.assertEqual(new.get("t-esc"), match.group("expr"))
            self.assertIsNone(new.get("t-raw"))
            replaced.add(match.group("expr"))
        self.assertLessEqual(set(raw), replaced)
        manifest = get_module_resource("gov_plan", "__manifest__.py")
        with open(manifest) as handle:
            self.assertIn("static/src/xml/file_names.xml", handle.read())


class TestPendingEvidence(EvidenceCase):
    def test_a_file_not_yet_saved_on_its_line_is_the_uploaders(self):
        """The widget uploads a file before the report is saved (res_id 0).

        Before: every employee could list, read, replace and delete it until
        the report was saved."""
        pending = self._upload(self.staff_a)
        self.assertEqual(self._content(pending, self.staff_a), CONTENT)
        for user in (self.staff_b, self.head_a, self.leader, self.outsider):
            with self.refused(AccessError, "not yet saved"):
                pending.sudo(user).read(["datas"])
            with self.refused(AccessError, "not yet saved"):
                pending.sudo(user).write({"datas": FORGED})
            with self.refused(AccessError, "not yet saved"):
                pending.sudo(user).unlink()
        self.assertEqual(self._content(pending, self.staff_a), CONTENT)

import logging

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..lib import workflow
from .gov_plan_report import LINE_STATUS

_logger = logging.getLogger(__name__)


class GovPlanReportLine(models.Model):
    _name = "gov.plan.report.line"
    _inherit = "gov.plan.line.mixin"
    _description = "Report line"
    _gov_parent_field = "report_id"
    _order = "report_id, duty_id"

    report_id = fields.Many2one(
        "gov.plan.report", required=True, ondelete="cascade", index=True
    )
    duty_id = fields.Many2one(
        "gov.plan.duty", "Duty", required=True, ondelete="restrict", index=True
    )
    unit_id = fields.Many2one(related="duty_id.unit_id", readonly=True, store=True)
    duty_deadline = fields.Date(related="duty_id.date_deadline", readonly=True)
    result = fields.Text()
    status = fields.Selection(LINE_STATUS, required=True, default="progress")
    progress = fields.Integer("Progress (%)")
    date_done = fields.Date("Done on")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "gov_plan_report_line_attachment_rel",
        "line_id",
        "attachment_id",
        "Evidence",
        # a file belongs to the line it proves (_gov_attach_evidence): a
        # duplicated report starts without files rather than sharing them
        copy=False,
    )
    source_report_id = fields.Many2one(
        "gov.plan.report", "From the report of", ondelete="set null"
    )

    @api.constrains("progress", "status")
    def _check_progress(self):
        for line in self.sudo():  # a check, not an access
            if not 0 <= line.progress <= 100:
                raise ValidationError(_("Progress is a percentage between 0 and 100."))
            if line.status == "done" and line.progress != 100:
                raise ValidationError(
                    _(
                        "A duty reported done is at 100%%: correct the progress "
                        'of "%(duty)s".'
                    )
                    % {"duty": line.duty_id.name}
                )

    @api.constrains("report_id", "duty_id", "source_report_id")
    def _check_duty(self):
        """A unit reports on its own duties of the plan; a consolidated report
        gathers the lines of the unit reports it compiled, nothing else.

        Checked on the line itself, whichever way it was created: the
        record rules of the author decide nothing here, hence sudo()."""
        for line in self.sudo():
            report, duty, source = line.report_id, line.duty_id, line.source_report_id
            if report.report_type == "unit":
                # a duty for all the units is reported through each unit's own
                wrong = (
                    duty.plan_id != report.plan_id
                    or duty.unit_id != report.unit_id
                    or not workflow.is_carried_out(duty.lead_type)
                    or source
                )
            else:
                wrong = (
                    duty.plan_id != report.plan_id
                    or source not in report.source_report_ids
                    or duty not in source.line_ids.mapped("duty_id")
                )
            if wrong:
                raise ValidationError(
                    _(
                        "A report line is about a duty of the report's own plan "
                        "and unit (a consolidated report: of the unit reports it "
                        "gathers). Choose one of those duties."
                    )
                )

    @api.onchange("status")
    def _onchange_status(self):
        if self.status == "done":
            self.progress = 100

    # ------------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        line = super().create(vals)
        if vals.get("attachment_ids"):
            line._gov_attach_evidence(line.sudo().attachment_ids.ids)
        return line

    @api.multi
    def write(self, vals):
        if "attachment_ids" not in vals:
            return super().write(vals)
        before = {line.id: set(line.sudo().attachment_ids.ids) for line in self}
        result = super().write(vals)
        for line in self:
            added = [
                attachment_id
                for attachment_id in line.sudo().attachment_ids.ids
                if attachment_id not in before[line.id]
            ]
            line._gov_attach_evidence(added)
        return result

    # -------------------------------------------------------------- evidence
    def _gov_attach_evidence(self, attachment_ids):
        """Attach the files just listed on the line to it (res_model, res_id).

        The evidence widget uploads a file with res_id 0, and
        ir.attachment.check does not look for a record then: every employee
        could read, replace and delete it. Attached, a file is read with the
        line's record rules and changed only by those who may write the line
        (its unit, while the report is a draft or returned).

        Only a file the user may read and that belongs to no record yet, or
        already to this line, is taken: linking the id of someone else's
        file must not move it here. A file attached to no record counts as
        the user's only if they uploaded it, since Odoo lets every employee
        read those (mail's message_post keeps the same rule)."""
        self.ensure_one()
        if not attachment_ids:
            return
        superuser = self.env.uid == SUPERUSER_ID
        attachments = self.env["ir.attachment"].browse(attachment_ids)
        if not superuser:
            attachments.check("read")
        # the link is read and written as superuser: the user may write the
        # line (the write above passed) and uploaded the file, but may not
        # write a file that someone else uploaded and left unattached
        to_attach = self.env["ir.attachment"].sudo()
        for attachment in attachments.sudo():
            if attachment.res_model == self._name and attachment.res_id == self.id:
                continue
            free = not attachment.res_id and not attachment.res_field
            if not free or not (superuser or attachment.create_uid.id == self.env.uid):
                raise AccessError(
                    _(
                        'The file "%(file)s" belongs to someone else or to another '
                        "record: upload your own copy of it on this line."
                    )
                    % {"file": attachment.name}
                )
            to_attach |= attachment
        if to_attach:
            to_attach.write({"res_model": self._name, "res_id": self.id})

    @api.model
    def _gov_fix_evidence_links(self):
        """Attach to its line the evidence uploaded before files were attached.

        Such a file kept res_id 0 and is tied to its line only by the
        relation table. Each gets the first line that lists it; each other
        line listing it (a report duplicated before attachment_ids had
        copy=False) gets a copy of its own, since a file now follows the
        rules of one line. Runs at every install and update
        (data/gov_plan_fixes.xml); once done it finds nothing.

        Raw SQL, with parameters: the relation table has no model, and the
        files to find are those the ORM's access checks treat wrongly."""
        cr = self.env.cr
        cr.execute(
            """
            SELECT rel.attachment_id, array_agg(rel.line_id ORDER BY rel.line_id)
              FROM gov_plan_report_line_attachment_rel rel
              JOIN ir_attachment att ON att.id = rel.attachment_id
             WHERE COALESCE(att.res_id, 0) = 0 AND att.res_field IS NULL
             GROUP BY rel.attachment_id
            """
        )
        rows = cr.fetchall()
        attachments = self.env["ir.attachment"].sudo()
        for attachment_id, line_ids in rows:
            cr.execute(
                "UPDATE ir_attachment SET res_model = %s, res_id = %s WHERE id = %s",
                (self._name, line_ids[0], attachment_id),
            )
            attachments.invalidate_cache(ids=[attachment_id])
            original = attachments.browse(attachment_id)
            for line_id in line_ids[1:]:
                copy = original.copy(
                    {
                        "res_model": self._name,
                        "res_id": line_id,
                        "datas": original.datas,
                    }
                )
                cr.execute(
                    "UPDATE gov_plan_report_line_attachment_rel SET attachment_id = %s"
                    " WHERE line_id = %s AND attachment_id = %s",
                    (copy.id, line_id, attachment_id),
                )
        if rows:
            self.invalidate_cache(["attachment_ids"])
            _logger.info("%s evidence files attached to their report line", len(rows))
        cr.execute(
            """
            SELECT count(*) FROM ir_attachment att
             WHERE att.res_model = %s AND COALESCE(att.res_id, 0) = 0
               AND att.res_field IS NULL
               AND NOT EXISTS (SELECT 1 FROM gov_plan_report_line_attachment_rel rel
                                WHERE rel.attachment_id = att.id)
            """,
            (self._name,),
        )
        (unlisted,) = cr.fetchone()
        if unlisted:
            _logger.warning(
                "%s files uploaded as evidence are on no report line (taken off "
                "their line, or their report was deleted) and, attached to no "
                "record, stay readable by every employee: review them in "
                "Settings > Technical > Attachments",
                unlisted,
            )
        return len(rows)

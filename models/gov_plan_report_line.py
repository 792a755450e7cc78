from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .gov_plan_report import LINE_STATUS


class GovPlanReportLine(models.Model):
    _name = "gov.plan.report.line"
    _description = "Report line"
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

    @api.onchange("status")
    def _onchange_status(self):
        if self.status == "done":
            self.progress = 100

    @api.model
    def create(self, vals):
        line = super().create(vals)
        line.report_id._check_line_editable()
        return line

    @api.multi
    def write(self, vals):
        self.mapped("report_id")._check_line_editable()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self.mapped("report_id")._check_line_editable()
        return super().unlink()

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .gov_plan_report import LINE_STATUS


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
                wrong = (
                    duty.plan_id != report.plan_id
                    or duty.unit_id != report.unit_id
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

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class GovPlanReportRequest(models.Model):
    """A request for reports (đợt báo cáo) with its own cut-off and deadline.

    Decree 09: a report that is not periodic sets its own cut-off and deadline.
    Opening the request creates the draft report of every unit concerned.
    """

    _name = "gov.plan.report.request"
    # whoever sees the record may comment on it and log its workflow steps
    _mail_post_access = "read"
    _description = "Report request"
    _inherit = ["mail.thread", "gov.plan.access.mixin"]
    _order = "date_deadline desc, id desc"
    _gov_unit_fields = ("plan_id.unit_id", "plan_id.concerned_unit_ids")

    name = fields.Char(required=True)
    plan_id = fields.Many2one(
        "gov.plan", "Plan", required=True, ondelete="restrict", index=True
    )
    agency_id = fields.Many2one(
        "gov.plan.agency",
        "Requested by",
        ondelete="restrict",
        help="The agency that asked for the report; the consolidated "
        "report is addressed to it.",
    )
    date_from = fields.Date("Cut-off from", required=True)
    date_to = fields.Date("Cut-off to", required=True)
    date_deadline = fields.Date("Deadline", required=True)
    report_ids = fields.One2many("gov.plan.report", "request_id", "Reports")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        track_visibility="onchange",
    )

    @api.constrains("date_from", "date_to", "date_deadline")
    def _check_dates(self):
        for req in self:
            if req.date_to < req.date_from:
                raise ValidationError(_("The cut-off ends before it starts."))
            if req.date_deadline <= req.date_to:
                raise ValidationError(
                    _(
                        "The deadline must come at least one day after the "
                        "cut-off (Decree 09)."
                    )
                )

    @api.multi
    def action_open(self):
        """Create the draft report of every unit that leads a duty of the plan."""
        self._gov_require_leader_or_office(_("open a report request"))
        # the office may open a round: the drafts of every unit are created
        # as superuser after this check, the units fill them under their rights
        return self.sudo()._gov_open()

    def _gov_open(self):
        self._gov_lock()
        self._gov_require_state(("draft",), _("open"))
        Report = self.env["gov.plan.report"]
        for req in self:
            units = req.plan_id.duty_ids.filtered(lambda d: d.state != "cancel").mapped(
                "unit_id"
            )
            if not units:
                raise UserError(_("The plan has no duty: there is no unit to ask."))
            existing = req.report_ids.mapped("unit_id")
            reports = Report.sudo().browse()
            for unit in units - existing:
                # as superuser: leadership creates the drafts of every unit,
                # the units then fill them in under their own rights.
                reports |= Report.sudo().create(req._report_values(unit))
            # all at once: the duties are read once for all the units
            reports._fill_lines()
            req._gov_workflow_write({"state": "open"})
        return True

    def _report_values(self, unit):
        return {
            "plan_id": self.plan_id.id,
            "unit_id": unit.id,
            "request_id": self.id,
            "period_type": "request",
            "date_from": self.date_from,
            "date_to": self.date_to,
            "date_deadline": self.date_deadline,
            "agency_id": self.agency_id.id,
        }

    @api.multi
    def action_close(self):
        self._gov_require_group("leader", _("close a report request"))
        self._gov_require_state(("open",), _("close"))
        self._gov_workflow_write({"state": "closed"})
        return True

    @api.multi
    def action_consolidate(self):
        """Compile the approved unit reports of the request into one draft."""
        self.ensure_one()
        report = self.env["gov.plan.report"].create_consolidated(
            self.plan_id,
            self.date_from,
            self.date_to,
            agency=self.agency_id,
            request=self,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "gov.plan.report",
            "res_id": report.id,
            "view_mode": "form",
            "target": "current",
        }

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import workflow
from .gov_plan_duty import PERIOD_SELECTION


class GovPlanReportRequest(models.Model):
    """A request for reports (đợt báo cáo) with its own cut-off and deadline.

    Decree 09: a report that is not periodic sets its own cut-off and deadline.
    Opening the request creates the draft report of every unit concerned.
    """

    _name = "gov.plan.report.request"
    # whoever sees the record may comment on it and log its workflow steps
    _mail_post_access = "read"
    _description = "Report request"
    # the workflow mixin first: a step's write goes on to mail.thread
    _inherit = ["gov.plan.workflow.mixin", "mail.thread"]
    _order = "date_deadline desc, id desc"
    _gov_workflow = workflow.ROUND
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
    period_type = fields.Selection(
        PERIOD_SELECTION,
        "Reporting period",
        help="The periodic report the round asks for: a duty reported every "
        "period is asked about in the rounds of its periods and of longer ones "
        "only. Empty (a request on demand): every duty is asked about.",
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

    def _gov_complete_create_values(self, vals):
        """Leadership, or the office that runs the rounds, asks for reports."""
        self._gov_require_leader_or_office(_("ask for reports"))
        plan = self.env["gov.plan"].browse(vals.get("plan_id")).exists()
        if plan.state not in workflow.ASSIGNED_PLAN_STATES:
            raise UserError(_("Report rounds are opened for issued plans only."))
        return vals

    def _gov_check_frozen(self, vals):
        if self._gov_workflow.frozen_fields(vals):
            self._gov_require_leader_or_office(_("change a report request"))
        super()._gov_check_frozen(vals)

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
        label = _("open a report request")
        self._gov_check_step("open", label)
        Report = self.env["gov.plan.report"]
        for req in self:
            # one by one: a round opened earlier in this loop is a twin too
            req._gov_check_no_twin()
            units = (
                req.plan_id.sudo()
                .duty_ids._gov_reported_in(req.period_type or None)
                .mapped("unit_id")
            )
            if not units:
                raise UserError(
                    _(
                        "No duty of the plan is reported in this round: there is no "
                        "unit to ask."
                    )
                )
            existing = req.sudo().report_ids.mapped("unit_id")
            reports = Report.sudo().browse()
            for unit in units - existing:
                # as superuser: the office or leadership opens the round for
                # every unit (the step was checked above); each unit then
                # fills its own draft under its own rights
                reports |= (
                    Report.sudo()
                    .with_context(mail_create_nolog=True)
                    .create(req._report_values(unit))
                )
            # all at once: the duties are read once for all the units
            reports._fill_lines()
            reports._gov_created_by(self.env.user, req)
            req._gov_write_step("open")
            req.message_post(
                body=_("Round opened: %(count)s unit reports to fill in.")
                % {"count": len(reports)}
            )
        return True

    def _gov_check_no_twin(self):
        """One round per plan and cut-off: a second one would ask every
        unit twice."""
        self.ensure_one()
        twin = self.sudo().search(
            [
                ("id", "!=", self.id),
                ("plan_id", "=", self.plan_id.id),
                ("date_from", "=", self.date_from),
                ("date_to", "=", self.date_to),
                ("state", "!=", "draft"),
            ],
            limit=1,
        )
        if twin:
            raise UserError(
                _(
                    'A round for this plan and cut-off is already open: "%(name)s". '
                    "Use that round."
                )
                % {"name": twin.name}
            )

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
        self._gov_step("close", _("close a report request"), message=_("Round closed."))
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

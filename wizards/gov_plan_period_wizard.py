from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import vn_rules
from ..models.gov_plan_duty import PERIOD_SELECTION


class GovPlanPeriodWizard(models.TransientModel):
    """Open the report round of a period: a report request with the Decree 09
    cut-off of the period and a deadline some working days after it."""

    _name = "gov.plan.period.wizard"
    _description = "Open a reporting period"

    plan_id = fields.Many2one("gov.plan", required=True)
    period_type = fields.Selection(
        PERIOD_SELECTION, "Period", required=True, default="monthly"
    )
    # a selection, not an integer: Odoo 11 prints integers grouped ("2.026")
    year = fields.Selection(
        "_year_selection",
        required=True,
        default=lambda self: str(
            fields.Date.from_string(fields.Date.context_today(self)).year
        ),
    )
    index = fields.Integer(
        "Month, quarter or half",
        default=1,
        help="1-12 for a month, 1-4 for a quarter, 1-2 for a half.",
    )
    deadline_days = fields.Integer(
        "Working days after the cut-off",
        default=lambda self: self._default_days(),
        help="Decree 09: at least one working day between the cut-off and the "
        "deadline.",
    )

    def _year_selection(self):
        this_year = fields.Date.from_string(fields.Date.context_today(self)).year
        return [
            (str(y), str(y)) for y in range(min(2020, this_year - 10), this_year + 3)
        ]

    def _default_days(self):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("gov_plan.report_deadline_days", 2)
        )

    @api.multi
    def action_open(self):
        self.ensure_one()
        if self.deadline_days < 1:
            raise ValidationError(
                _(
                    "Leave at least one working day between the cut-off and "
                    "the deadline (Decree 09)."
                )
            )
        try:
            start, end = vn_rules.period_bounds(
                self.period_type, int(self.year), self.index
            )
        except ValueError:
            raise ValidationError(
                _("There is no such period: check the month, quarter or " "half.")
            )
        self.plan_id._gov_require_leader_or_office(_("open a reporting period"))
        if self.plan_id.state not in ("issued", "done"):
            raise UserError(_("Report rounds are opened for issued plans only."))
        deadline = self.env["gov.plan.holiday"].add_working_days(
            end, self.deadline_days
        )
        # created and opened by the user, who is named in the chatter
        request = self.env["gov.plan.report.request"].create(
            {
                "name": "%s - %s"
                % (
                    vn_rules.period_label(self.period_type, int(self.year), self.index),
                    self.plan_id.title[:60],
                ),
                "plan_id": self.plan_id.id,
                "period_type": self.period_type,
                "date_from": fields.Date.to_string(start),
                "date_to": fields.Date.to_string(end),
                "date_deadline": fields.Date.to_string(deadline),
            }
        )
        request.action_open()
        return {
            "type": "ir.actions.act_window",
            "res_model": "gov.plan.report.request",
            "res_id": request.id,
            "view_mode": "form",
            "target": "current",
        }

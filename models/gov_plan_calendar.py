"""The reporting calendar: public holidays, working-day deadlines after a
Decree 09 cut-off, and report rounds opened for a period."""

import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import vn_rules
from .gov_plan_duty import PERIOD_SELECTION


class GovPlanHoliday(models.Model):
    _name = "gov.plan.holiday"
    _description = "Public holiday"
    _order = "date desc"

    name = fields.Char(required=True)
    date = fields.Date(required=True, index=True)

    _sql_constraints = [
        ("date_unique", "unique(date)", "This day is already a holiday.")
    ]

    @api.model
    def _days(self, date_from, date_to):
        return {
            fields.Date.from_string(d)
            for d in self.sudo()
            .search([("date", ">=", date_from), ("date", "<=", date_to)])
            .mapped("date")
        }

    @api.model
    def add_working_days(self, day, count):
        """``day`` (a date) plus ``count`` working days of this calendar."""
        start = fields.Date.to_string(day)
        end = fields.Date.to_string(day + datetime.timedelta(days=count * 3 + 30))
        return vn_rules.add_working_days(day, count, self._days(start, end))


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
        # created as superuser after the check above (the office has no
        # right to create requests directly)
        request = (
            self.env["gov.plan.report.request"]
            .sudo()
            .create(
                {
                    "name": "%s - %s"
                    % (
                        vn_rules.period_label(
                            self.period_type, int(self.year), self.index
                        ),
                        self.plan_id.title[:60],
                    ),
                    "plan_id": self.plan_id.id,
                    "date_from": fields.Date.to_string(start),
                    "date_to": fields.Date.to_string(end),
                    "date_deadline": fields.Date.to_string(deadline),
                }
            )
        )
        request._gov_open()
        return {
            "type": "ir.actions.act_window",
            "res_model": "gov.plan.report.request",
            "res_id": request.id,
            "view_mode": "form",
            "target": "current",
        }


class GovPlanDutyExtension(models.Model):
    """A unit asks for a new deadline; leadership decides. The original
    deadline stays on the duty: on time and late are judged against it."""

    _name = "gov.plan.duty.extension"
    _description = "Deadline extension"
    _inherit = ["mail.thread", "gov.plan.access.mixin"]
    _mail_post_access = "read"
    _order = "create_date desc, id desc"
    _gov_unit_fields = ("unit_id",)
    _gov_reason_action = "action_refuse"

    duty_id = fields.Many2one(
        "gov.plan.duty", required=True, ondelete="cascade", index=True
    )
    # copied from the duty at creation (not a stored related field, which the
    # record rules would see empty while it is being computed)
    unit_id = fields.Many2one("hr.department", "Lead unit", readonly=True, index=True)
    date_current = fields.Date("Deadline when asked", readonly=True)
    date_new = fields.Date("New deadline", required=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        readonly=True,
        copy=False,
        track_visibility="onchange",
    )
    decided_by_id = fields.Many2one(
        "res.users", "Decided by", readonly=True, copy=False
    )
    refuse_reason = fields.Text(readonly=True, copy=False)

    @api.model
    def create(self, vals):
        duty = self.env["gov.plan.duty"].browse(vals.get("duty_id"))
        self._gov_require_group("user", _("ask for a deadline extension"))
        self._gov_require_unit(duty.unit_id, _("ask for extensions of duties"))
        if duty.state not in ("todo", "progress"):
            raise UserError(_("Only an open duty can get a new deadline."))
        if not vals.get("date_new") or (
            duty.date_deadline and vals["date_new"] <= duty.date_deadline
        ):
            raise ValidationError(
                _("The new deadline must come after the current one.")
            )
        vals["date_current"] = duty.date_deadline
        vals["unit_id"] = duty.unit_id.id
        return super().create(vals)

    @api.multi
    def action_approve(self):
        self._gov_require_group("leader", _("approve a deadline extension"))
        self._gov_lock()
        self._gov_require_state(("requested",), _("approve"))
        for ext in self:
            duty = ext.duty_id.sudo()
            duty.with_context(gov_plan_workflow=True).write(
                {
                    "date_deadline_original": duty.date_deadline_original
                    or duty.date_deadline,
                    "date_deadline": ext.date_new,
                }
            )
            duty.message_post(
                body=_("Deadline extended to %(date)s: %(reason)s")
                % {
                    "date": fields.Date.from_string(ext.date_new).strftime("%d/%m/%Y"),
                    "reason": ext.reason,
                }
            )
        self._gov_workflow_write({"state": "approved", "decided_by_id": self.env.uid})
        return True

    @api.multi
    def action_refuse(self, reason=None):
        self._gov_require_group("leader", _("refuse a deadline extension"))
        self._gov_lock()
        self._gov_require_state(("requested",), _("refuse"))
        self._gov_workflow_write(
            {
                "state": "refused",
                "decided_by_id": self.env.uid,
                "refuse_reason": reason or False,
            }
        )
        return True

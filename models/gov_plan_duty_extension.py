from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import workflow


class GovPlanDutyExtension(models.Model):
    """A unit asks for a new deadline; leadership decides. The original
    deadline stays on the duty: on time and late are judged against it."""

    _name = "gov.plan.duty.extension"
    _description = "Deadline extension"
    # the workflow mixin first: a step's write goes on to mail.thread
    _inherit = ["gov.plan.workflow.mixin", "mail.thread"]
    _gov_workflow = workflow.EXTENSION
    _mail_post_access = "read"
    _order = "create_date desc, id desc"
    _gov_unit_fields = ("unit_id",)
    _gov_reason_action = "action_refuse"

    duty_id = fields.Many2one(
        "gov.plan.duty", required=True, ondelete="cascade", index=True
    )
    # copied from the duty at creation (not a stored related field, which the
    # record rules would see empty while it is being computed)
    unit_id = fields.Many2one(
        "hr.department", "Lead unit", readonly=True, index=True, copy=False
    )
    date_current = fields.Date("Deadline when asked", readonly=True, copy=False)
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

    def _gov_complete_create_values(self, vals):
        """An extension is only ever created as the request of a unit for an
        open, assigned duty of its own: the unit and the deadline when asked
        are the duty's, whatever the client sent."""
        label = _("ask for a deadline extension")
        self._gov_require_group("user", label)
        duty_id = vals.get("duty_id")
        duty = (
            self.env["gov.plan.duty"].sudo().browse(duty_id).exists()
            if isinstance(duty_id, int)
            else None
        )
        if not duty:
            raise ValidationError(_("Choose the duty that needs a new deadline."))
        self._gov_require_unit(duty.unit_id, _("ask for extensions of duties"))
        # as the user, whose language the refusal speaks (the unit was checked)
        self.env["gov.plan.duty"].browse(duty.id)._gov_check_extensible()
        if (
            duty.state not in workflow.OPEN_STATES
            or duty.plan_id.state not in workflow.ASSIGNED_PLAN_STATES
        ):
            raise UserError(
                _("Only an open duty of an issued plan can get a new deadline.")
            )
        if not vals.get("date_new") or (
            duty.date_deadline and vals["date_new"] <= duty.date_deadline
        ):
            raise ValidationError(
                _("The new deadline must come after the current one.")
            )
        vals.update(date_current=duty.date_deadline, unit_id=duty.unit_id.id)
        return vals

    @api.multi
    def action_approve(self):
        label = _("approve a deadline extension")
        self._gov_check_step("approve", label)
        for ext in self:
            duty = ext.duty_id
            duty._gov_check_step("extend", label)
            duty._gov_write_step(
                "extend",
                {
                    "date_deadline_original": duty.date_deadline_original
                    or duty.date_deadline,
                    "date_deadline": ext.date_new,
                },
            )
            duty.message_post(
                body=_("Deadline extended to %(date)s: %(reason)s")
                % {
                    "date": fields.Date.from_string(ext.date_new).strftime("%d/%m/%Y"),
                    "reason": ext.reason,
                }
            )
        self._gov_write_step("approve", {"decided_by_id": self.env.uid})
        return True

    @api.multi
    def action_refuse(self, reason=None):
        reason = self._gov_reason(reason, _("Give the reason for refusing."))
        self._gov_step(
            "refuse",
            _("refuse a deadline extension"),
            {"decided_by_id": self.env.uid, "refuse_reason": reason},
        )
        return True

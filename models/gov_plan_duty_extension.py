from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


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

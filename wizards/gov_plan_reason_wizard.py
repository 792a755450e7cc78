from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The workflow steps that need a reason, per model. The wizard only collects
# the text: the action method itself checks the role, the unit and the state.
REASON_ACTIONS = {
    "gov.plan": ("action_cancel", "action_back_to_draft"),
    "gov.plan.report": ("action_return",),
    "gov.plan.duty.extension": ("action_refuse",),
}


class GovPlanReasonWizard(models.TransientModel):
    _name = "gov.plan.reason.wizard"
    _description = "Reason of a cancel or return"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    action = fields.Char(required=True)
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        if self.action not in REASON_ACTIONS.get(self.res_model, ()):
            raise UserError(_("This step does not take a reason."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(_("The record no longer exists."))
        getattr(record, self.action)(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}

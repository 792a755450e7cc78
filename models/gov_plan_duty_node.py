from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GovPlanDutyNode(models.Model):
    _inherit = "gov.plan.duty"

    item_id = fields.Many2one(
        "gov.plan.item",
        "Printed under",
        ondelete="set null",
        copy=False,  # gov.plan.copy gives the copy's own node
        domain="[('plan_id', '=', plan_id), ('document', '=', 'plan')]",
        help="The node of the plan's body (e.g. III. TỔ CHỨC THỰC HIỆN) under "
        "which the duty prints. Empty: under the first node where duties print.",
    )

    @api.constrains("item_id", "plan_id")
    def _check_item(self):
        for duty in self.sudo():
            if duty.item_id and duty.item_id.plan_id != duty.plan_id:
                raise ValidationError(
                    _("The node a duty prints under must belong to its plan.")
                )

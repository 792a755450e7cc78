from odoo import api, fields, models


class GovPlanItem(models.Model):
    """A numbered text item of a plan: a purpose, a requirement or a content."""

    _name = "gov.plan.item"
    _inherit = "gov.plan.line.mixin"
    _description = "Plan item"
    _order = "plan_id, kind, sequence, id"

    plan_id = fields.Many2one("gov.plan", required=True, ondelete="cascade", index=True)
    kind = fields.Selection(
        [
            ("purpose", "Purpose"),
            ("requirement", "Requirement"),
            ("content", "Content"),
        ],
        required=True,
        default="content",
    )
    sequence = fields.Integer(default=10)
    name = fields.Text("Text", required=True)

    @api.multi
    def name_get(self):
        result = []
        for item in self:
            text = item.name or ""
            result.append((item.id, text if len(text) <= 80 else text[:77] + "..."))
        return result

from odoo import fields, models


class GovPlan(models.Model):
    _name = "gov.plan"
    _description = "Plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]

    name = fields.Char("Title", required=True, track_visibility="onchange")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True,
        readonly=True, copy=False, index=True, track_visibility="onchange")

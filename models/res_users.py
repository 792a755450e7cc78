from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    gov_unit_ids = fields.Many2many(
        "hr.department",
        string="Units",
        compute="_compute_gov_unit_ids",
        help="The departments of the user's employee records: the units whose "
        "duties and reports the user works on.",
    )

    @api.depends("employee_ids.department_id")
    def _compute_gov_unit_ids(self):
        # employee records may be hidden from the user by hr's rules: the units
        # decide access, so they are read as superuser.
        for user in self:
            user.gov_unit_ids = user.sudo().employee_ids.mapped("department_id")

    def _gov_is(self, xmlid_suffix):
        return self.has_group("gov_plan.group_gov_plan_" + xmlid_suffix)

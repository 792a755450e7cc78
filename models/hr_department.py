from odoo import api, fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    gov_duty_ids = fields.One2many("gov.plan.duty", "unit_id", string="Duties led")
    gov_code = fields.Char(
        "Abbreviation",
        help="Used in the symbols of the unit's documents and in "
        '"Lưu: VT, <abbreviation>", e.g. VP for the Văn phòng.',
    )
    gov_in_all_units = fields.Boolean(
        "One of all the units",
        help="A duty of a plan for all the units of the agency (\"Các phòng, "
        "đơn vị thuộc Sở\") gives this unit its own duty when the plan is "
        "issued. Leave it unticked for the leadership board and for departments "
        "that are not units of the agency.",
    )
    gov_is_office = fields.Boolean(
        "Compiles reports",
        help="The office (Văn phòng) that compiles the "
        "consolidated reports of the department.",
    )

    def _gov_staff_users(self):
        """The active users of the unit's employees who have a gov_plan role."""
        self.ensure_one()
        group = self.env.ref("gov_plan.group_gov_plan_user")
        employees = (
            self.env["hr.employee"].sudo().search([("department_id", "=", self.id)])
        )
        return employees.mapped("user_id").filtered(
            lambda u: u.active and group in u.groups_id
        )

    def _gov_head_users(self):
        """The user of the unit's manager, if the records let them see the
        unit's work: the Manager field itself grants nothing."""
        self.ensure_one()
        return self.sudo().manager_id.user_id.filtered(
            lambda u: u.active and (self in u.gov_unit_ids or u._gov_is("leader"))
        )


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Record rules read the user's units (res.users.gov_unit_ids): they are
    # cached per user, so a change of department or user must clear them.
    @api.model
    def create(self, vals):
        employee = super().create(vals)
        if vals.get("user_id"):
            self.env["ir.rule"].clear_caches()
        return employee

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "department_id", "active"} & set(vals):
            self.env["ir.rule"].clear_caches()
        return res

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import vn_rules


class GovPlanRecipient(models.Model):
    _name = "gov.plan.recipient"
    _inherit = "gov.plan.line.mixin"
    _description = "Recipient"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("gov.plan", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    unit_id = fields.Many2one("hr.department", "Unit", ondelete="restrict")
    agency_id = fields.Many2one("gov.plan.agency", "Agency", ondelete="restrict")
    name = fields.Char(
        "Printed as", help="Left empty, the unit's or agency's name is printed."
    )

    @api.constrains("unit_id", "agency_id", "name")
    def _check_something(self):
        for rec in self.sudo():  # a check, not an access
            if not (rec.unit_id or rec.agency_id or (rec.name or "").strip()):
                raise ValidationError(
                    _("A recipient needs a unit, an agency or a text.")
                )
            if vn_rules.is_archive_line(rec.name):
                raise ValidationError(
                    _(
                        '"Lưu: ..." is printed last by itself from the field '
                        '"Filed at": do not add it as a recipient.'
                    )
                )

    def _label(self):
        self.ensure_one()
        return (self.name or self.unit_id.name or self.agency_id.name or "").strip()

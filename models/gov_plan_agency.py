from odoo import fields, models

from ..lib import duty_rules


class GovPlanAgency(models.Model):
    _name = "gov.plan.agency"
    _description = "Agency"
    _order = "name"

    name = fields.Char(required=True, translate=False)
    short_name = fields.Char(
        "Short name",
        help="How documents name the agency in running text, " 'e.g. "UBND tỉnh".',
    )
    code = fields.Char(
        "Abbreviation", help="Used in document symbols, e.g. SKHCN in 05/KH-SKHCN."
    )
    parent_id = fields.Many2one(
        "gov.plan.agency",
        "Supervising agency",
        ondelete="restrict",
        help="Printed above the agency's name in the header of its documents.",
    )
    place = fields.Char(help="Place name printed before the date, e.g. Quảng Trị.")
    is_own = fields.Boolean(
        "Our agency", help="The agency that issues its documents from this database."
    )
    numbering_per_type = fields.Boolean(
        "Separate number sequence per document type",
        help="Decree 30 lets the agency choose: one sequence shared by all its "
        "documents, or one sequence per document type. Both restart at 01 "
        "on 1 January.",
    )
    all_units_label = fields.Char(
        "All units are printed as",
        default=duty_rules.ALL_UNITS_LABEL,
        help="How the agency's plans name the lead of a duty for all its units, "
        "in their section on the organisation of the work.",
    )
    active = fields.Boolean(default=True)

from odoo import fields, models


class GovPlanAgency(models.Model):
    _name = "gov.plan.agency"
    _description = "Agency"
    _order = "name"

    name = fields.Char(required=True, translate=False)
    short_name = fields.Char(
        "Short name",
        help="How documents name the agency in running text, " 'e.g. "UBND tỉnh".',
    )
    header_name = fields.Text(
        "Name as printed in headers",
        help="The name as the header of the agency's documents prints it, one "
        "line a line, e.g. ỦY BAN NHÂN DÂN, then TỈNH QUẢNG TRỊ. Left empty, "
        "the name is printed in capitals, broken where a person would break it.",
    )
    supervising_header_name = fields.Text(
        "Name as printed above its agencies",
        help="The name printed above the name of the agencies it supervises, "
        "in the header of their documents, e.g. UBND TỈNH QUẢNG TRỊ. Left "
        "empty, the name as printed in headers.",
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
    active = fields.Boolean(default=True)

    def _gov_header_text(self):
        """The name the header prints (lines typed are kept); empty for no
        agency."""
        return (self.header_name or "").strip() or self.name or ""

    def _gov_supervising_header_text(self):
        """The name printed above the agencies it supervises."""
        return (self.supervising_header_name or "").strip() or self._gov_header_text()

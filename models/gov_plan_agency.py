from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

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
    all_units_label = fields.Char(
        "All units are printed as",
        default=duty_rules.ALL_UNITS_LABEL,
        help="How the agency's plans name the lead of a duty for all its units, "
        "in their section on the organisation of the work.",
    )
    # Who signs its documents (Decree 30, art. 13)
    regime = fields.Selection(
        [
            ("head", "Head-run (chế độ thủ trưởng)"),
            ("collective", "Collective body (chế độ tập thể)"),
        ],
        "Working regime",
        required=True,
        default="head",
        help="A Sở is run by its head: the head signs, or a deputy signs KT. A "
        "collective body (a People's Committee, a council) signs TM. (on behalf "
        "of the collective).",
    )
    collective_name = fields.Char(
        "Name of the collective body",
        help='Printed after TM. in the signature: "ỦY BAN NHÂN DÂN".',
    )
    head_title = fields.Char(
        "Title of the head",
        default="GIÁM ĐỐC",
        help='Printed after KT., Q., TL. and TUQ.: "GIÁM ĐỐC", "CHỦ TỊCH". A '
        "deputy's title is \"PHÓ\" and the head's.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("regime", "collective_name")
    def _check_collective_name(self):
        for agency in self:
            if (
                agency.regime == "collective"
                and not (agency.collective_name or "").strip()
            ):
                raise ValidationError(
                    _(
                        'Give the name of the collective body that "%(name)s" signs '
                        'for after TM., e.g. "ỦY BAN NHÂN DÂN".'
                    )
                    % {"name": agency.name}
                )

    def _gov_header_text(self):
        """The name the header prints (lines typed are kept); empty for no
        agency."""
        return (self.header_name or "").strip() or self.name or ""

    def _gov_supervising_header_text(self):
        """The name printed above the agencies it supervises."""
        return (self.supervising_header_name or "").strip() or self._gov_header_text()

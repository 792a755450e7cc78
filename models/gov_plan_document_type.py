from odoo import fields, models


class GovPlanDocumentType(models.Model):
    _name = "gov.plan.document.type"
    _description = "Document type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        "Abbreviation", required=True, help="KH, BC, QĐ ... (Decree 30, Annex III)."
    )
    citation_name = fields.Char(
        "Written in citations",
        help="How a citation writes the type when it differs from its name, "
        'e.g. "văn bản" in "Căn cứ văn bản số …".',
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "Each document type needs its own abbreviation.",
        ),
    ]

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib import doc_rules

VERB_SELECTION = [
    ("can_cu", "Căn cứ"),
    ("thuc_hien", "Thực hiện"),
    ("theo_de_nghi", "Theo đề nghị"),
    ("xet_de_nghi", "Xét đề nghị"),
    ("theo", "Theo"),
    ("de", "Để"),
    ("other", "Other words"),
]
DATE_STYLE_SELECTION = [
    ("decree30", "14/5/2018, 08/02/2012 (Decree 30)"),
    ("padded", "19/04/2019"),
    ("plain", "7/8/2019"),
    ("long", "24 tháng 01 năm 2018"),
]
JOIN_SELECTION = [
    ("line", "Own line"),
    ("semicolon", 'Same paragraph, after ";"'),
    ("and", 'Same paragraph, after "và"'),
]


class GovPlanBasis(models.Model):
    """A legal basis of a plan, as the drafter writes it: its verb (Căn cứ,
    Thực hiện, Theo đề nghị ...), the cited document's type, number, date,
    issuer and summary, exactly as typed. It may point to the plan in the
    system or the external document it cites (which fills it in)."""

    _name = "gov.plan.basis"
    _inherit = "gov.plan.line.mixin"
    _description = "Legal basis"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("gov.plan", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    verb = fields.Selection(VERB_SELECTION, required=True, default="can_cu")
    verb_other = fields.Char("Own words", help='e.g. "Thực hiện ý kiến chỉ đạo của"')
    join = fields.Selection(
        JOIN_SELECTION,
        "Printed",
        required=True,
        default="line",
        help="A basis may continue the paragraph of the one before it, as "
        '"Căn cứ Luật A; Luật B;" or "Thực hiện Chỉ thị … và Kế hoạch …".',
    )
    document_type_id = fields.Many2one(
        "gov.plan.document.type", "Type", ondelete="restrict"
    )
    number = fields.Char(
        help="Number and symbol as written, e.g. 1400/QĐ-TTg; empty for a law "
        "cited by its name."
    )
    basis_date = fields.Date("Date")
    date_style = fields.Selection(
        DATE_STYLE_SELECTION, "Date written", required=True, default="decree30"
    )
    issuer = fields.Char(
        "Issued by", help='As the citation writes it, e.g. "Thủ tướng Chính phủ".'
    )
    summary = fields.Text(
        help='As typed, with its own first words: "về việc …", "phê duyệt …", '
        'or the name of a law cited by name ("Luật Dược").'
    )
    parent_plan_id = fields.Many2one(
        "gov.plan", "Plan in the system", ondelete="restrict", index=True
    )
    external_document_id = fields.Many2one(
        "gov.plan.external.document", "External document", ondelete="restrict"
    )

    @api.model
    def _gov_cited_values(self, doc=None, plan=None):
        """How an external document or a plan of the system cites itself:
        the values a basis pointing at it starts from."""
        if doc:
            return {
                "document_type_id": doc.document_type_id.id,
                "number": doc.name,
                "basis_date": doc.date,
                "issuer": doc.issuer_id.short_name or doc.issuer_id.name,
                "summary": doc.title,
            }
        if plan:
            return {
                "document_type_id": plan.document_type_id.id,
                "number": plan.number_symbol,
                "basis_date": plan.date,
                "issuer": plan.agency_id.short_name or plan.agency_id.name,
                "summary": plan.title,
            }
        return {}

    @api.onchange("external_document_id")
    def _onchange_external_document_id(self):
        if self.external_document_id:
            self.update(self._gov_cited_values(doc=self.external_document_id))

    @api.onchange("parent_plan_id")
    def _onchange_parent_plan_id(self):
        if self.parent_plan_id:
            self.update(self._gov_cited_values(plan=self.parent_plan_id))

    @api.model
    def create(self, vals):
        """A basis given only its document (over RPC, in data files) is
        written as that document cites itself; typed values win."""
        typed = ("document_type_id", "number", "basis_date", "issuer", "summary")
        if not any(vals.get(name) for name in typed):
            doc = self.env["gov.plan.external.document"].browse(
                vals.get("external_document_id") or []
            )
            plan = self.env["gov.plan"].browse(vals.get("parent_plan_id") or [])
            source = self._gov_cited_values(doc=doc.exists(), plan=plan.exists())
            vals = dict(vals, **{k: v for k, v in source.items() if v})
        return super().create(vals)

    @api.constrains("parent_plan_id", "plan_id")
    def _check_not_itself(self):
        for basis in self.sudo():
            if basis.parent_plan_id == basis.plan_id:
                raise ValidationError(_("A plan cannot be its own legal basis."))

    @api.constrains("verb", "verb_other", "number", "summary", "issuer")
    def _check_something(self):
        for basis in self.sudo():  # a check, not an access
            if basis.verb == "other" and not (basis.verb_other or "").strip():
                raise ValidationError(
                    _('Type the words that open the basis (the verb is "other").')
                )
            if not any(
                (value or "").strip()
                for value in (basis.number, basis.summary, basis.issuer)
            ):
                raise ValidationError(
                    _(
                        "A legal basis needs the number of the cited document, its "
                        "summary (or name) or its issuer."
                    )
                )

    def _cite_values(self):
        """The plain values doc_rules prints."""
        self.ensure_one()
        doc_type = self.document_type_id
        return {
            "verb": self.verb,
            "verb_other": self.verb_other,
            "join": self.join,
            "type_name": doc_type.citation_name or doc_type.name or "",
            "number": self.number,
            "date": fields.Date.from_string(self.basis_date)
            if self.basis_date
            else None,
            "date_style": self.date_style,
            "issuer": self.issuer,
            "summary": self.summary,
        }

    def _gov_issue_key(self):
        """What makes two bases the same citation (cited twice: refused at
        issue): the same plan in the system, or the same number and symbol,
        or, for a document cited by name, the same name and date."""
        self.ensure_one()
        if self.parent_plan_id:
            return ("plan", self.parent_plan_id.id)
        number = "".join((self.number or "").split()).lower()
        if number:
            return ("number", number)
        return (
            "name",
            " ".join((self.summary or "").split()).lower(),
            self.basis_date or "",
        )

    @api.multi
    def name_get(self):
        result = []
        for basis in self:
            values = basis._cite_values()
            text = "%s %s" % (doc_rules.verb_text(values), doc_rules.cite(values))
            text = " ".join(text.split())
            result.append((basis.id, text if len(text) <= 120 else text[:117] + "..."))
        return result

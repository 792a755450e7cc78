from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class GovPlanBasis(models.Model):
    """A legal basis of a plan: a plan in the system or an external document."""

    _name = "gov.plan.basis"
    _inherit = "gov.plan.line.mixin"
    _description = "Legal basis"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("gov.plan", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    parent_plan_id = fields.Many2one(
        "gov.plan", "Plan in the system", ondelete="restrict", index=True
    )
    external_document_id = fields.Many2one(
        "gov.plan.external.document", "External document", ondelete="restrict"
    )
    # not stored: a stored value would be written again on every plan citing
    # the document, issued ones included, whenever its date is corrected
    basis_date = fields.Date("Date", compute="_compute_basis")
    summary = fields.Text(compute="_compute_basis")

    @api.depends("parent_plan_id.date", "external_document_id.date")
    def _compute_basis(self):
        for basis in self:
            plan, doc = basis.parent_plan_id, basis.external_document_id
            basis.basis_date = plan.date if plan else doc.date
            basis.summary = plan.title if plan else doc.title

    @api.constrains("parent_plan_id", "external_document_id")
    def _check_one_source(self):
        for basis in self.sudo():
            if bool(basis.parent_plan_id) == bool(basis.external_document_id):
                raise ValidationError(
                    _(
                        "A legal basis is either a plan in the system or an "
                        "external document, not both and not neither."
                    )
                )
            if basis.parent_plan_id == basis.plan_id:
                raise ValidationError(_("A plan cannot be its own legal basis."))

    @api.multi
    def name_get(self):
        result = []
        for basis in self:
            if basis.parent_plan_id:
                plan = basis.parent_plan_id
                text = "%s số %s" % (plan.document_type_id.name, plan.number_symbol)
                if plan.date:
                    text += " ngày %s" % fields.Date.from_string(plan.date).strftime(
                        "%d/%m/%Y"
                    )
                text += " của %s" % (plan.agency_id.short_name or plan.agency_id.name)
            else:
                text = (
                    basis.external_document_id._cite()
                    if basis.external_document_id
                    else ""
                )
            result.append((basis.id, text))
        return result

    def _gov_issue_key(self):
        """The identity of the cited document, to find a basis cited twice:
        the same plan, or an external document of the same number, date and
        issuer (entered once or twice)."""
        self.ensure_one()
        if self.parent_plan_id:
            return ("plan", self.parent_plan_id.id)
        doc = self.external_document_id
        number = "".join((doc.name or "").split()).upper()
        if not number:
            return ("document", doc.id)
        return ("document", number, doc.date, doc.issuer_id.id)

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError

from ..lib.vn_rules import vn_date


class GovPlanExternalDocument(models.Model):
    """A document of another agency that plans implement (legal basis)."""

    _name = "gov.plan.external.document"
    _description = "External document"
    _order = "date desc, id desc"

    name = fields.Char("Number and symbol", required=True, help="e.g. 75/KH-UBND")
    document_type_id = fields.Many2one(
        "gov.plan.document.type", "Type", ondelete="restrict"
    )
    date = fields.Date(required=True)
    issuer_id = fields.Many2one(
        "gov.plan.agency", "Issued by", required=True, ondelete="restrict"
    )
    title = fields.Text("Summary", required=True)
    parent_id = fields.Many2one(
        "gov.plan.external.document",
        "Implements",
        ondelete="set null",
        help="The higher document that this one implements.",
    )
    child_ids = fields.One2many(
        "gov.plan.external.document", "parent_id", "Implemented by"
    )
    reference = fields.Char(
        compute="_compute_reference", help="How a document cites it."
    )

    @api.multi
    def write(self, vals):
        self._check_may_change()
        return super().write(vals)

    def _check_may_change(self):
        """The records clerk keeps the external documents; staff correct only
        those they entered themselves, until a plan that cites one leaves the
        draft state. (Issued plans keep their citations as issued.)"""
        user = self.env.user
        if self.env.uid == SUPERUSER_ID or user._gov_is("clerk"):
            return
        cited = (
            self.env["gov.plan.basis"]
            .sudo()
            .search(
                [
                    ("external_document_id", "in", self.ids),
                    ("plan_id.state", "!=", "draft"),
                ]
            )
            .mapped("external_document_id")
        )
        for doc in self:
            if doc.create_uid != user or doc in cited:
                raise AccessError(
                    _(
                        "Only the records clerk may change the external document "
                        '"%(name)s": it was entered by someone else, or a plan that '
                        "is no longer a draft cites it."
                    )
                    % {"name": doc.name}
                )

    @api.depends("name", "date", "issuer_id", "document_type_id")
    def _compute_reference(self):
        for doc in self:
            doc.reference = doc._cite()

    def _cite(self):
        """ "Kế hoạch số 75/KH-UBND ngày 29/03/2024 của UBND tỉnh" """
        self.ensure_one()
        parts = []
        if self.document_type_id:
            parts.append(self.document_type_id.name)
        parts.append("số %s" % self.name)
        if self.date:
            parts.append(
                "ngày %s" % fields.Date.from_string(self.date).strftime("%d/%m/%Y")
            )
        if self.issuer_id:
            parts.append("của %s" % (self.issuer_id.short_name or self.issuer_id.name))
        return " ".join(parts)

    @api.multi
    def name_get(self):
        return [
            (
                doc.id,
                "%s (%s)"
                % (
                    doc.name,
                    vn_date(fields.Date.from_string(doc.date)) if doc.date else "",
                ),
            )
            for doc in self
        ]

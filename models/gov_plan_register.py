import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class GovPlanRegister(models.Model):
    """The counter of the outgoing register (sổ văn bản đi).

    One row per issuing agency and year, and per document type when the agency
    numbers its types separately. Numbers start at 1 each year.
    """

    _name = "gov.plan.register"
    _description = "Outgoing register counter"
    _order = "year desc, agency_id"

    agency_id = fields.Many2one("gov.plan.agency", required=True, ondelete="restrict")
    year = fields.Integer(required=True)
    document_type_id = fields.Many2one(
        "gov.plan.document.type",
        ondelete="restrict",
        help="Empty when all types share one sequence.",
    )
    last_number = fields.Integer("Last number given", readonly=True)

    _sql_constraints = [
        (
            "counter_unique",
            "unique(agency_id, year, document_type_id)",
            "There is already a counter for this agency, year and type.",
        ),
    ]

    @api.model_cr
    def init(self):
        # unique() above treats NULL types as distinct: one shared counter per
        # agency and year needs an index on the type with NULL folded to 0.
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS gov_plan_register_counter_idx ON "
            "gov_plan_register (agency_id, year, COALESCE(document_type_id, 0))"
        )

    @api.model
    def _take_number(self, agency, doc_type, year):
        """Give the next number of the register and keep it.

        Runs as superuser from an issuing action that has checked the right.
        The row is locked until the transaction ends, so two documents issued
        at the same moment cannot get the same number.
        """
        type_id = doc_type.id if agency.numbering_per_type else False
        counter = self.search(
            [
                ("agency_id", "=", agency.id),
                ("year", "=", year),
                ("document_type_id", "=", type_id),
            ]
        )
        if not counter:
            counter = self.create(
                {"agency_id": agency.id, "year": year, "document_type_id": type_id}
            )
        # Raw SQL: the ORM has no row lock. NOWAIT turns a concurrent issue
        # into a clear message instead of a wait.
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "SELECT last_number FROM gov_plan_register WHERE id = %s "
                    "FOR UPDATE NOWAIT",
                    (counter.id,),
                )
                number = (self.env.cr.fetchone()[0] or 0) + 1
        except psycopg2.OperationalError:
            raise UserError(
                _(
                    "Another document of this register is being issued "
                    "right now. Please try again in a moment."
                )
            )
        counter.last_number = number
        return number

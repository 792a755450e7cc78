from odoo import api, fields, models


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

        Runs as superuser from an issuing step that has checked the right.
        Raw SQL, in two statements that wait for each other instead of
        failing: the counter row is created if missing (ON CONFLICT: the
        first two plans of a year may be issued at the same moment), then
        incremented in place, which locks it until the transaction ends. A
        concurrent issue then waits, or under Odoo's repeatable-read
        transactions gets a serialization failure that Odoo retries
        itself: both plans are issued, with consecutive numbers.
        """
        type_id = doc_type.id if agency.numbering_per_type else None
        cr = self.env.cr
        cr.execute(
            "INSERT INTO gov_plan_register (agency_id, year, document_type_id, "
            "last_number, create_uid, create_date, write_uid, write_date) "
            "VALUES (%s, %s, %s, 0, %s, now() at time zone 'UTC', %s, "
            "now() at time zone 'UTC') "
            "ON CONFLICT (agency_id, year, COALESCE(document_type_id, 0)) DO NOTHING",
            (agency.id, year, type_id, self.env.uid, self.env.uid),
        )
        cr.execute(
            "UPDATE gov_plan_register SET last_number = COALESCE(last_number, 0) + 1, "
            "write_uid = %s, write_date = now() at time zone 'UTC' "
            "WHERE agency_id = %s AND year = %s "
            "AND COALESCE(document_type_id, 0) = COALESCE(%s, 0) "
            "RETURNING id, last_number",
            (self.env.uid, agency.id, year, type_id),
        )
        counter_id, number = cr.fetchone()
        self.invalidate_cache(["last_number"], [counter_id])
        return number

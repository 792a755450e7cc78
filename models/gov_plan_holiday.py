"""Public holidays: the working days between a cut-off and a deadline."""

import datetime

from odoo import api, fields, models

from ..lib import vn_rules


class GovPlanHoliday(models.Model):
    _name = "gov.plan.holiday"
    _description = "Public holiday"
    _order = "date desc"

    name = fields.Char(required=True)
    date = fields.Date(required=True, index=True)

    _sql_constraints = [
        ("date_unique", "unique(date)", "This day is already a holiday.")
    ]

    @api.model
    def _days(self, date_from, date_to):
        return {
            fields.Date.from_string(d)
            for d in self.sudo()
            .search([("date", ">=", date_from), ("date", "<=", date_to)])
            .mapped("date")
        }

    @api.model
    def add_working_days(self, day, count):
        """``day`` (a date) plus ``count`` working days of this calendar."""
        start = fields.Date.to_string(day)
        end = fields.Date.to_string(day + datetime.timedelta(days=count * 3 + 30))
        return vn_rules.add_working_days(day, count, self._days(start, end))

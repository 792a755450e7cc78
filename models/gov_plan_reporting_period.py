from odoo import fields, models

from .gov_plan_duty import PERIOD_SELECTION


class GovPlanReportingPeriod(models.Model):
    """The kinds of reporting period (Decree 09) a duty may be reported on,
    as records: a duty takes one or more of them ("6 tháng, hằng năm"), shown
    as tags. The four kinds are data of the module."""

    _name = "gov.plan.reporting.period"
    _description = "Reporting period"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(PERIOD_SELECTION, required=True)
    sequence = fields.Integer(default=10)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each reporting period is listed once."),
    ]

"""The wizards check what clients send (gov.plan.input.mixin), as the models
do (models/gov_plan_input.py); the period wizard checks its period and its
number of working days before it is saved."""

from odoo import models

from ..lib import input_rules

MIXIN = "gov.plan.input.mixin"


class GovPlanReasonWizardInput(models.TransientModel):
    _name = "gov.plan.reason.wizard"
    _inherit = [MIXIN, "gov.plan.reason.wizard"]


class GovPlanPeriodWizardInput(models.TransientModel):
    _name = "gov.plan.period.wizard"
    _inherit = [MIXIN, "gov.plan.period.wizard"]

    _gov_period_fields = ("period_type", "index", "deadline_days")

    def _default_days(self):
        with self._gov_parameters("gov_plan.report_deadline_days"):
            return super()._default_days()

    def _gov_check_rules(self, vals):
        """A month 1-12, a quarter 1-4, a half 1-2; 1 to 250 working days:
        past them, the period does not exist or the deadline overflows
        Python's dates (5,000,000 days)."""
        if not set(self._gov_period_fields) & set(vals):
            return
        if self:
            rows = [
                {name: vals.get(name, wizard[name]) for name in self._gov_period_fields}
                for wizard in self
            ]
        else:
            missing = [name for name in self._gov_period_fields if name not in vals]
            rows = [dict(self.default_get(missing), **vals)]
        for row in rows:
            try:
                input_rules.check_period(row.get("period_type"), row.get("index"))
                input_rules.check_deadline_days(row.get("deadline_days"))
            except input_rules.InputError as error:
                field = self._fields[
                    "index" if error.code == "period" else "deadline_days"
                ]
                raise self._gov_error(error, self._gov_field_label(field))


class GovPlanIssueCheckInput(models.TransientModel):
    _name = "gov.plan.issue.check"
    _inherit = [MIXIN, "gov.plan.issue.check"]

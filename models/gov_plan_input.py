"""Every gov_plan model checks what clients send (gov.plan.input.mixin).

The mixin comes first in ``_inherit``: its ``create`` and ``write`` then run
before the models' own (``gov.plan.duty.extension`` reads the duty of the
values, ``gov.plan.duty`` their plan, before calling Odoo's). This file is
imported last in models/__init__.py, so that these classes come before all
the others of each model.
"""

import datetime

from odoo import _, api, fields, models

from ..lib import input_rules
from . import gov_plan_input_mixin  # noqa: F401 (the mixin, before its users)

MIXIN = "gov.plan.input.mixin"


class GovPlanInput(models.Model):
    _name = "gov.plan"
    _inherit = [MIXIN, "gov.plan"]

    @api.multi
    def action_cancel(self, reason=None):
        return super().action_cancel(reason=self._gov_text_arg(reason))

    @api.multi
    def action_back_to_draft(self, reason=None):
        return super().action_back_to_draft(reason=self._gov_text_arg(reason))


class GovPlanItemInput(models.Model):
    _name = "gov.plan.item"
    _inherit = [MIXIN, "gov.plan.item"]


class GovPlanBasisInput(models.Model):
    _name = "gov.plan.basis"
    _inherit = [MIXIN, "gov.plan.basis"]


class GovPlanRecipientInput(models.Model):
    _name = "gov.plan.recipient"
    _inherit = [MIXIN, "gov.plan.recipient"]


class GovPlanDutyInput(models.Model):
    _name = "gov.plan.duty"
    _inherit = [MIXIN, "gov.plan.duty"]


class GovPlanReportingPeriodInput(models.Model):
    _name = "gov.plan.reporting.period"
    _inherit = [MIXIN, "gov.plan.reporting.period"]


class GovPlanDutyExtensionInput(models.Model):
    _name = "gov.plan.duty.extension"
    _inherit = [MIXIN, "gov.plan.duty.extension"]

    @api.multi
    def action_refuse(self, reason=None):
        return super().action_refuse(reason=self._gov_text_arg(reason))


class GovPlanReportRequestInput(models.Model):
    _name = "gov.plan.report.request"
    _inherit = [MIXIN, "gov.plan.report.request"]


class GovPlanReportInput(models.Model):
    _name = "gov.plan.report"
    _inherit = [MIXIN, "gov.plan.report"]
    # takes records and dates: the request's "Compile" button calls it
    _gov_rpc_internal = ("create_consolidated",)

    @api.onchange("period_type", "date_to")
    def _onchange_period(self):
        """Past 14/12/9999 a date belongs to the periods of year 10000, which
        Python's dates do not reach: say so instead of failing."""
        day = fields.Date.from_string(self.date_to) if self.date_to else None
        if day and day - datetime.timedelta(days=1) > input_rules.PERIOD_LAST_DAY:
            return {
                "warning": {
                    "title": _("No reporting period"),
                    "message": _(
                        "No reporting period contains a day after 14/12/9999: "
                        "enter the cut-off dates yourself."
                    ),
                }
            }
        return super()._onchange_period()

    @api.multi
    def action_return(self, reason=None):
        return super().action_return(reason=self._gov_text_arg(reason))


class GovPlanReportLineInput(models.Model):
    _name = "gov.plan.report.line"
    _inherit = [MIXIN, "gov.plan.report.line"]


class GovPlanAgencyInput(models.Model):
    _name = "gov.plan.agency"
    _inherit = [MIXIN, "gov.plan.agency"]


class GovPlanDocumentTypeInput(models.Model):
    _name = "gov.plan.document.type"
    _inherit = [MIXIN, "gov.plan.document.type"]


class GovPlanRegisterInput(models.Model):
    _name = "gov.plan.register"
    _inherit = [MIXIN, "gov.plan.register"]
    # init() adds the index that makes a shared counter (no type) unique
    _gov_unique_indexes = {"gov_plan_register_counter_idx": "counter_unique"}


class GovPlanExternalDocumentInput(models.Model):
    _name = "gov.plan.external.document"
    _inherit = [MIXIN, "gov.plan.external.document"]


class GovPlanHolidayInput(models.Model):
    _name = "gov.plan.holiday"
    _inherit = [MIXIN, "gov.plan.holiday"]
    # takes a date object: the period wizard calls it
    _gov_rpc_internal = ("add_working_days",)


class GovPlanReminderInput(models.Model):
    _name = "gov.plan.reminder"
    _inherit = [MIXIN, "gov.plan.reminder"]

    @api.model
    def _settings(self):
        with self._gov_parameters(
            "gov_plan.reminder_days_before", "gov_plan.escalation_bands"
        ):
            return super()._settings()


class GovPlanDutyAnalysisInput(models.Model):
    _name = "gov.plan.duty.analysis"
    _inherit = [MIXIN, "gov.plan.duty.analysis"]


class GovPlanPrintValuesInput(models.AbstractModel):
    """The three Decree 30 prints: their ids come from the client too."""

    _inherit = "report.gov_plan.report_gov_plan"

    @api.model
    def get_report_values(self, docids, data=None):
        documents = self.env[self._model]
        try:
            input_rules.check_ids(docids)
        except input_rules.InputError as error:
            raise documents._gov_error(error)
        return super().get_report_values(docids, data=data)

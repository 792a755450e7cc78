from odoo import _, api, models
from odoo.exceptions import AccessError


class _GovPlanPrintValues(models.AbstractModel):
    """Values of the Decree 30 documents. Access is checked before rendering,
    so that a refused print is a clear AccessError, not a template error."""

    _name = "report.gov_plan.report_gov_plan"
    _description = "Plan (Decree 30)"
    _model = "gov.plan"
    _group = "gov_plan.group_gov_plan_user"

    @api.model
    def get_report_values(self, docids, data=None):
        if not self.env.user.has_group(self._group):
            raise AccessError(_("You are not allowed to print this document."))
        docs = self.env[self._model].browse(docids)
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        return {"doc_ids": docids, "doc_model": self._model, "docs": docs, "data": data}


class GovPlanReportPrintValues(models.AbstractModel):
    _name = "report.gov_plan.report_gov_plan_report"
    _inherit = "report.gov_plan.report_gov_plan"
    _description = "Report (Decree 30)"
    _model = "gov.plan.report"


class GovPlanRegisterPrintValues(models.AbstractModel):
    _name = "report.gov_plan.report_gov_plan_register"
    _inherit = "report.gov_plan.report_gov_plan"
    _description = "Outgoing register (Decree 30, Annex IV)"
    _group = "gov_plan.group_gov_plan_clerk"

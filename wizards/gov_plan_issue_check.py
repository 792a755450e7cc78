from odoo import api, fields, models


class GovPlanIssueCheck(models.TransientModel):
    """The check before issuing, shown to the user: that the plan can be
    issued, or every problem at once. It reads the plan and writes nothing;
    for the records clerk, an approved plan that passes can be issued from
    here (the plan's action_issue checks everything again)."""

    _name = "gov.plan.issue.check"
    _description = "Check before issuing"

    plan_id = fields.Many2one("gov.plan", "Plan", required=True, ondelete="cascade")
    can_issue = fields.Boolean("Can be issued", compute="_compute_result")
    problems = fields.Text("Problems", compute="_compute_result")
    signature_preview = fields.Text("Signature lines", compute="_compute_result")
    may_issue = fields.Boolean("The clerk may issue", compute="_compute_result")

    @api.depends("plan_id")
    def _compute_result(self):
        user = self.env.user
        for wizard in self:
            plan = wizard.plan_id
            messages = plan._issue_problem_messages() if plan else []
            wizard.can_issue = bool(plan) and not messages
            wizard.problems = "\n".join("- " + message for message in messages)
            wizard.signature_preview = plan.signature_preview if plan else ""
            wizard.may_issue = (
                wizard.can_issue and plan.state == "approved" and user._gov_is("clerk")
            )

    @api.multi
    def action_issue(self):
        """Issue the plan; if it changed meanwhile and no longer passes, show
        the check again."""
        self.ensure_one()
        plan = self.plan_id
        if plan._issue_problem_messages():
            return plan.action_check_issue()
        plan.action_issue()
        return {"type": "ir.actions.act_window_close"}

"""The leadership dashboard: duties per unit in the government's four
buckets, with overdue age bands, and the report rounds' submission status.

A database view: the buckets depend on today's date, which PostgreSQL knows,
so the counts come from one GROUP BY whatever the number of duties.
"""

from odoo import api, fields, models, tools

from ..lib import workflow

BUCKETS = [
    ("done_on_time", "Done on time"),
    ("done_late", "Done late"),
    ("in_progress", "In progress, within the deadline"),
    ("overdue", "Overdue"),
]
AGE_BANDS = [
    ("none", "Not overdue"),
    ("0", "Less than 30 days"),
    ("30", "30 to 59 days"),
    ("60", "60 to 119 days"),
    ("120", "120 days or more"),
]


class GovPlanDutyAnalysis(models.Model):
    _name = "gov.plan.duty.analysis"
    _description = "Duties by status bucket"
    _auto = False
    _order = "unit_id, bucket"

    duty_id = fields.Many2one("gov.plan.duty", "Duty", readonly=True)
    plan_id = fields.Many2one("gov.plan", "Plan", readonly=True)
    year = fields.Integer(readonly=True, group_operator=None)
    unit_id = fields.Many2one("hr.department", "Lead unit", readonly=True)
    user_id = fields.Many2one("res.users", "Responsible", readonly=True)
    date_deadline = fields.Date("Deadline", readonly=True)
    date_deadline_original = fields.Date("Original deadline", readonly=True)
    bucket = fields.Selection(BUCKETS, "Status", readonly=True)
    age_band = fields.Selection(AGE_BANDS, "Overdue for", readonly=True)
    days_late = fields.Integer("Days overdue", readonly=True, group_operator="max")
    extended = fields.Boolean("Deadline extended", readonly=True)
    extension_count = fields.Integer("Extensions", readonly=True)
    duty_count = fields.Integer("Duties", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Raw SQL: a view is the only way to group on a status that depends
        # on today without storing it. No user input reaches this text; the
        # states are those of lib/workflow.py (workflow.duty_bucket).
        self.env.cr.execute(
            """
            CREATE VIEW gov_plan_duty_analysis AS (
                SELECT d.id, d.id AS duty_id, d.plan_id, p.year, d.unit_id, d.user_id,
                       d.date_deadline, d.date_deadline_original,
                       CASE
                         WHEN d.state IN %(done)s THEN d.state
                         WHEN d.date_deadline < CURRENT_DATE THEN 'overdue'
                         ELSE 'in_progress'
                       END AS bucket,
                       CASE
                         WHEN d.state NOT IN %(open)s
                              OR d.date_deadline IS NULL
                              OR d.date_deadline >= CURRENT_DATE THEN 'none'
                         WHEN CURRENT_DATE - d.date_deadline >= 120 THEN '120'
                         WHEN CURRENT_DATE - d.date_deadline >= 60 THEN '60'
                         WHEN CURRENT_DATE - d.date_deadline >= 30 THEN '30'
                         ELSE '0'
                       END AS age_band,
                       CASE WHEN d.state IN %(open)s
                                 AND d.date_deadline < CURRENT_DATE
                            THEN CURRENT_DATE - d.date_deadline ELSE 0 END AS days_late,
                       COALESCE(x.approved, 0) > 0 AS extended,
                       COALESCE(x.approved, 0) AS extension_count,
                       1 AS duty_count
                  FROM gov_plan_duty d
                  JOIN gov_plan p ON p.id = d.plan_id
                  LEFT JOIN (SELECT duty_id, count(*) AS approved
                               FROM gov_plan_duty_extension
                              WHERE state = 'approved' GROUP BY duty_id) x
                         ON x.duty_id = d.id
                 WHERE d.state != 'cancel' AND p.state IN %(assigned)s
                   AND d.lead_type != %(all_units)s
            )""",
            {
                # a duty for all the units is counted through each unit's own
                # duty (workflow.is_carried_out); only a duty due on a date
                # has a date_deadline (the model clears it for other kinds)
                "all_units": workflow.LEAD_ALL_UNITS,
                "done": workflow.DONE_STATES,
                "open": workflow.OPEN_STATES,
                "assigned": workflow.ASSIGNED_PLAN_STATES,
            },
        )

    @api.multi
    def action_open_duty(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "gov.plan.duty",
            "res_id": self.duty_id.id,
            "view_mode": "form",
            "target": "current",
        }

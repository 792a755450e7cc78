import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..lib import vn_rules, workflow

PERIOD_SELECTION = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("half_yearly", "6-monthly"),
    ("yearly", "Yearly"),
]
OPEN_STATES = workflow.OPEN_STATES


class GovPlanDuty(models.Model):
    _name = "gov.plan.duty"
    # whoever sees the record may comment on it and log its workflow steps
    _mail_post_access = "read"
    _description = "Duty"
    # the workflow mixin first: a step's write goes on to mail.thread
    _inherit = ["gov.plan.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, plan_id, sequence, id"
    _gov_unit_fields = ("unit_id", "coordinating_unit_ids")
    _gov_workflow = workflow.DUTY

    name = fields.Char("Duty", required=True, track_visibility="onchange")
    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(
        "gov.plan", "Plan", required=True, ondelete="cascade", index=True
    )
    plan_state = fields.Selection(
        related="plan_id.state", string="Plan status", readonly=True
    )
    plan_date = fields.Date(related="plan_id.date", readonly=True)
    content_item_id = fields.Many2one(
        "gov.plan.item",
        "Implements content",
        ondelete="set null",
        copy=False,  # gov.plan.copy gives the copy's own item
        domain="[('plan_id', '=', plan_id), ('document', '=', 'plan')]",
    )
    unit_id = fields.Many2one(
        "hr.department",
        "Lead unit",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
    )
    coordinating_unit_ids = fields.Many2many(
        "hr.department",
        "gov_plan_duty_coordinating_rel",
        "duty_id",
        "unit_id",
        "Coordinating units",
    )
    user_id = fields.Many2one(
        "res.users", "Responsible", index=True, track_visibility="onchange"
    )
    description = fields.Text()
    expected_output = fields.Text("Expected output")
    deadline_type = fields.Selection(
        [("date", "A date"), ("period", "Every reporting period")],
        "Deadline",
        required=True,
        default="date",
    )
    period_type = fields.Selection(PERIOD_SELECTION, "Reporting period")
    date_deadline_original = fields.Date(
        "Original deadline",
        readonly=True,
        copy=False,
        help="The deadline before any extension: done on time or late is judged on it.",
    )
    extension_ids = fields.One2many("gov.plan.duty.extension", "duty_id", "Extensions")
    extension_count = fields.Integer(compute="_compute_extension_count")
    date_deadline = fields.Date(
        "Deadline date",
        index=True,
        track_visibility="onchange",
        help="For a duty reported every period, the end of the year's last cut-off.",
    )
    state = fields.Selection(
        [
            ("todo", "To do"),
            ("progress", "In progress"),
            ("done_on_time", "Done on time"),
            ("done_late", "Done late"),
            ("cancel", "Cancelled"),
        ],
        default="todo",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    is_overdue = fields.Boolean(
        "Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    progress = fields.Integer(
        "Progress (%)", readonly=True, copy=False, group_operator="avg"
    )
    last_result = fields.Text("Latest result", readonly=True, copy=False)
    last_report_date = fields.Date("Latest report", readonly=True, copy=False)
    date_done = fields.Date("Done on", readonly=True, copy=False)
    color = fields.Integer(compute="_compute_is_overdue")

    @api.depends("extension_ids.state")
    def _compute_extension_count(self):
        for duty in self:
            # a count everyone who sees the duty may know
            duty.extension_count = len(
                duty.sudo().extension_ids.filtered(lambda e: e.state == "approved")
            )

    def _deadline_for_judgement(self):
        """Done on time or late is judged against the deadline first given."""
        return self.date_deadline_original or self.date_deadline

    def _today(self):
        """The day overdue is judged on: today, or ``gov_today`` of the context
        (a dashboard "as of" date)."""
        return self.env.context.get("gov_today") or fields.Date.context_today(self)

    def _compute_is_overdue(self):
        today = self._today()
        for duty in self:
            duty.is_overdue = workflow.is_overdue(
                duty.state, duty.date_deadline, today, duty.plan_id.state
            )
            duty.color = 1 if duty.is_overdue else 0

    def _search_is_overdue(self, operator, value):
        """The domain of workflow.is_overdue."""
        if operator not in ("=", "!="):
            raise UserError(_('The filter "Overdue" is either set or not set.'))
        overdue = expression.normalize_domain(
            [
                ("plan_id.state", "in", workflow.ASSIGNED_PLAN_STATES),
                ("state", "in", OPEN_STATES),
                ("date_deadline", "!=", False),
                ("date_deadline", "<", self._today()),
            ]
        )
        if (operator == "=") == bool(value):
            return overdue
        return ["!"] + overdue

    @api.onchange("deadline_type", "period_type", "plan_id")
    def _onchange_period(self):
        if self.deadline_type == "period" and self.period_type:
            self.date_deadline = self._period_deadline()

    def _period_deadline(self):
        """The last cut-off day of the plan's year (Decree 09: 14 December)."""
        year = self.plan_id.year or fields.Date.from_string(self._today()).year
        return fields.Date.to_string(vn_rules.period_bounds("yearly", year)[1])

    @api.constrains("date_deadline", "plan_id", "deadline_type", "period_type")
    def _check_deadline(self):
        # constraints check, they do not grant or test access: read as superuser
        for duty in self.sudo():
            if duty.deadline_type == "period" and not duty.period_type:
                raise ValidationError(
                    _('Choose the reporting period of the duty "%(name)s".')
                    % {"name": duty.name}
                )
            if duty.deadline_type == "date" and not duty.date_deadline:
                raise ValidationError(
                    _('Give the deadline date of the duty "%(name)s".')
                    % {"name": duty.name}
                )
            if (
                duty.date_deadline
                and duty.plan_id.date
                and duty.date_deadline < duty.plan_id.date
            ):
                raise ValidationError(
                    _(
                        'The deadline of the duty "%(name)s" (%(deadline)s) is before '
                        "the plan's date (%(date)s)."
                    )
                    % {
                        "name": duty.name,
                        "deadline": fields.Date.from_string(
                            duty.date_deadline
                        ).strftime("%d/%m/%Y"),
                        "date": fields.Date.from_string(duty.plan_id.date).strftime(
                            "%d/%m/%Y"
                        ),
                    }
                )

    @api.constrains("user_id", "unit_id")
    def _check_user(self):
        for duty in self.sudo():  # a check, not an access
            if duty.user_id and duty.unit_id not in duty.user_id.gov_unit_ids:
                raise ValidationError(
                    _(
                        'The person responsible for "%(duty)s" works in its lead '
                        "unit (%(unit)s)."
                    )
                    % {"duty": duty.name, "unit": duty.unit_id.name}
                )

    @api.constrains("content_item_id", "plan_id")
    def _check_content_item(self):
        for duty in self.sudo():
            if duty.content_item_id and duty.content_item_id.plan_id != duty.plan_id:
                raise ValidationError(
                    _("The content a duty implements must belong to its plan.")
                )

    @api.model
    def create(self, vals):
        if not vals.get("unit_id"):
            raise ValidationError(_("Every duty needs a lead unit."))
        if (
            vals.get("deadline_type") == "period"
            and vals.get("period_type")
            and not vals.get("date_deadline")
            and vals.get("plan_id")
        ):
            plan = self.env["gov.plan"].browse(vals["plan_id"])
            year = plan.year or datetime.date.today().year
            vals["date_deadline"] = fields.Date.to_string(
                vn_rules.period_bounds("yearly", year)[1]
            )
        duty = super().create(vals)
        duty._check_plan_editable()
        return duty

    @api.multi
    def write(self, vals):
        if "unit_id" in vals and not vals["unit_id"]:
            raise ValidationError(_("Every duty needs a lead unit."))
        return super().write(vals)

    def _gov_check_frozen(self, vals):
        """Once the plan is issued, a unit head assigns the duties of the
        unit to a person; nothing else of a duty changes but by a step."""
        fields = self._gov_workflow.frozen_fields(vals)
        if fields and set(fields) <= workflow.DUTY_ASSIGN_FIELDS:
            for duty in self:
                if duty.plan_id.state != "draft":
                    duty._gov_require_group("unit_head", _("assign a duty"))
                    duty._gov_require_unit(duty.unit_id, _("assign duties"))
            return
        super()._gov_check_frozen(vals)
        if fields:
            # the draft is its drafting unit's: a lead unit assigns, it
            # does not rewrite the duty
            for duty in self:
                duty._gov_require_unit(duty.plan_id.unit_id, _("change duties"))

    def _gov_frozen_message(self):
        return _(
            'The duties of the plan "%(plan)s" can only be changed while '
            "it is a draft."
        ) % {"plan": self.plan_id.title}

    @api.multi
    def unlink(self):
        self._check_plan_editable()
        reported = (
            self.env["gov.plan.report.line"]
            .sudo()
            .search([("duty_id", "in", self.ids)])
        )
        if reported:
            raise UserError(
                _(
                    'The duty "%(name)s" already has progress reports: cancel it '
                    "instead of deleting it."
                )
                % {"name": reported[0].duty_id.name}
            )
        return super().unlink()

    def _check_plan_editable(self):
        if self._gov_unchecked():
            return
        for duty in self:
            if duty.plan_id.sudo().state != "draft":
                raise UserError(duty._gov_frozen_message())

    @api.multi
    def action_cancel(self):
        self._gov_step("cancel", _("cancel a duty"), message=_("Duty cancelled."))
        return True

    @api.multi
    def action_request_extension(self):
        """Opens the request of a new deadline for this duty."""
        self.ensure_one()
        self._gov_require_group("user", _("ask for a deadline extension"))
        self._gov_require_unit(self.unit_id, _("ask for extensions of duties"))
        return {
            "type": "ir.actions.act_window",
            "res_model": "gov.plan.duty.extension",
            "view_mode": "form",
            "target": "new",
            "context": {"default_duty_id": self.id},
        }

    def _apply_report_line(self, line, report_date):
        """Progress of an approved report line: part of the approval of the
        report, whose step has checked the approver's role and unit."""
        self.ensure_one()
        vals = {
            "progress": line.progress,
            "last_result": line.result,
            "last_report_date": report_date,
        }
        done_on = line.date_done or report_date
        state = workflow.duty_report_state(
            self.state,
            line.status,
            line.progress,
            done_on,
            self._deadline_for_judgement(),
        )
        if self.state not in OPEN_STATES:
            self._gov_write_step("report_closed", vals)
            return
        if state in workflow.DONE_STATES:
            vals.update(progress=100, date_done=done_on)
        self._gov_write_step("report", vals, to_state=state or self.state)

    def _gov_reminder_users(self):
        """The responsible person and the head of the lead unit; when the duty
        has neither, the unit's staff, so that nobody is left untold."""
        users = (self.user_id | self.unit_id._gov_head_users()).filtered("active")
        return users or self.unit_id._gov_staff_users()

    @api.model
    def _gov_period_label(self, period_type, day):
        year, index = vn_rules.period_of(period_type, fields.Date.from_string(day))
        return vn_rules.period_label(period_type, year, index)

    @api.multi
    def name_get(self):
        return [
            (duty.id, "%s - %s" % (duty.unit_id.name or "", duty.name)) for duty in self
        ]

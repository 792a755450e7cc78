from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..lib import duty_rules, vn_rules, workflow

PERIOD_SELECTION = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("half_yearly", "6-monthly"),
    ("yearly", "Yearly"),
]
LEAD_SELECTION = [
    (workflow.LEAD_UNIT, "A unit"),
    (workflow.LEAD_ALL_UNITS, "All units of the agency"),
    (workflow.LEAD_AGENCY, "An outside agency"),
]
DEADLINE_SELECTION = [
    (workflow.DEADLINE_NONE, "None"),
    (workflow.DEADLINE_DATE, "A date"),
    (workflow.DEADLINE_REGULAR, "Regular (ongoing)"),
    (workflow.DEADLINE_PERIOD, "Every reporting period"),
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
    lead_type = fields.Selection(
        LEAD_SELECTION,
        "Lead",
        required=True,
        default=workflow.LEAD_UNIT,
        track_visibility="onchange",
        help="A unit of ours; all the units of the agency (each gets its own duty "
        "when the plan is issued, the plan prints the duty once); or an outside "
        "agency, which a unit of ours follows up.",
    )
    unit_id = fields.Many2one(
        "hr.department",
        "Lead unit",
        required=True,
        index=True,
        ondelete="restrict",
        track_visibility="onchange",
        help="The unit that carries the duty out and reports on it. For a duty "
        "led by an outside agency or by all the units: the unit of ours that "
        "follows it up (by default the plan's drafting unit).",
    )
    lead_agency_id = fields.Many2one(
        "gov.plan.agency",
        "Lead agency",
        ondelete="restrict",
        track_visibility="onchange",
        help="The outside agency the plan assigns the duty to.",
    )
    lead_label = fields.Char(
        "Lead as printed",
        help="How the plan names the lead in its section on the organisation of "
        "the work, when not the unit's or agency's name (for all the units: the "
        'agency\'s own wording, e.g. "Các phòng, đơn vị thuộc Sở").',
    )
    lead_name = fields.Char("Lead as printed", compute="_compute_lead_name")
    # what the issued plan printed (the issue writes them): names as issued
    issued_lead_label = fields.Char("Lead as issued", readonly=True, copy=False)
    issued_paragraph = fields.Text("Text as issued", readonly=True, copy=False)
    parent_id = fields.Many2one(
        "gov.plan.duty",
        "Per-unit duty of",
        readonly=True,
        copy=False,
        index=True,
        ondelete="cascade",
        help="The duty for all the units this unit's duty was made from when the "
        "plan was issued.",
    )
    child_ids = fields.One2many(
        "gov.plan.duty", "parent_id", "Per-unit duties", readonly=True, copy=False
    )
    coordinating_unit_ids = fields.Many2many(
        "hr.department",
        "gov_plan_duty_coordinating_rel",
        "duty_id",
        "unit_id",
        "Coordinating units",
    )
    coordinating_agency_ids = fields.Many2many(
        "gov.plan.agency",
        "gov_plan_duty_coordinating_agency_rel",
        "duty_id",
        "agency_id",
        "Coordinating agencies",
        help="Outside agencies the duty is carried out with.",
    )
    user_id = fields.Many2one(
        "res.users", "Responsible", index=True, track_visibility="onchange"
    )
    description = fields.Text()
    expected_output = fields.Text(
        "Expected output", help='Printed with the duty as "Sản phẩm: …".'
    )
    deadline_type = fields.Selection(
        DEADLINE_SELECTION,
        "Deadline",
        required=True,
        default=workflow.DEADLINE_NONE,
        track_visibility="onchange",
        help="Only a duty due on a date can be overdue, reminded or extended.",
    )
    period_ids = fields.Many2many(
        "gov.plan.reporting.period",
        "gov_plan_duty_reporting_period_rel",
        "duty_id",
        "period_id",
        "Reporting periods",
        help="The periodic reports the duty is reported in, e.g. 6-monthly and "
        "yearly.",
    )
    print_details = fields.Boolean(
        "Print coordination, product and time",
        default=True,
        help="Unticked, the plan prints the duty's text only: for a plan that "
        "writes the coordination and the time in the text itself.",
    )
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
        help="Only for a duty due on a date.",
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

    @api.depends(
        "lead_type",
        "lead_label",
        "unit_id.name",
        "lead_agency_id.name",
        "plan_id.agency_id.all_units_label",
    )
    def _compute_lead_name(self):
        # the lists show it for many duties: read the few columns it needs,
        # not every column of every duty (Odoo's prefetch)
        quick = self.with_context(prefetch_fields=False)
        for duty, fast in zip(self, quick):
            duty.lead_name = fast._print_lead_label()

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
        # the lists show it for many duties: read the five columns it needs,
        # not every column of the duties and their plans (Odoo's prefetch)
        for duty, fast in zip(self, self.with_context(prefetch_fields=False)):
            overdue = workflow.is_overdue(
                fast.state,
                workflow.deadline_date(fast.deadline_type, fast.date_deadline),
                today,
                fast.plan_id.state,
                fast.lead_type,
            )
            duty.is_overdue = overdue
            duty.color = 1 if overdue else 0

    def _search_is_overdue(self, operator, value):
        """The domain of workflow.is_overdue."""
        if operator not in ("=", "!="):
            raise UserError(_('The filter "Overdue" is either set or not set.'))
        overdue = expression.normalize_domain(
            [
                ("plan_id.state", "in", workflow.ASSIGNED_PLAN_STATES),
                ("lead_type", "!=", workflow.LEAD_ALL_UNITS),
                ("state", "in", OPEN_STATES),
                ("deadline_type", "=", workflow.DEADLINE_DATE),
                ("date_deadline", "!=", False),
                ("date_deadline", "<", self._today()),
            ]
        )
        if (operator == "=") == bool(value):
            return overdue
        return ["!"] + overdue

    @api.onchange("deadline_type")
    def _onchange_deadline_type(self):
        """A duty has the time of its kind only: changing the kind clears the
        others (the date of a regular duty would make it overdue)."""
        self.update(self._gov_deadline_cleared(self.deadline_type))

    @api.onchange("lead_type", "plan_id")
    def _onchange_lead_type(self):
        """The drafting unit follows up what outside agencies or all the
        units lead, unless the drafter names another unit."""
        if self.lead_type != workflow.LEAD_AGENCY:
            self.lead_agency_id = False
        if self.lead_type != workflow.LEAD_UNIT and not self.unit_id:
            self.unit_id = self.plan_id.unit_id

    @api.model
    def _gov_deadline_cleared(self, deadline_type):
        """The values that clear what a deadline of ``deadline_type`` has not."""
        values = {}
        if deadline_type != workflow.DEADLINE_DATE:
            values["date_deadline"] = False
        if deadline_type != workflow.DEADLINE_PERIOD:
            values["period_ids"] = [(5, 0, 0)]
        return values

    @api.model
    def _gov_normalise_values(self, vals):
        """A new kind of deadline or lead clears the values of the old kinds
        that the client did not send (what it sent is checked as sent)."""
        vals = dict(vals)
        if "deadline_type" in vals:
            for name, value in self._gov_deadline_cleared(
                vals["deadline_type"]
            ).items():
                vals.setdefault(name, value)
        if vals.get("lead_type", workflow.LEAD_AGENCY) != workflow.LEAD_AGENCY:
            vals.setdefault("lead_agency_id", False)
        return vals

    @api.constrains("date_deadline", "plan_id", "deadline_type", "period_ids")
    def _check_deadline(self):
        # constraints check, they do not grant or test access: read as superuser
        for duty in self.sudo():
            problem = workflow.deadline_problem(
                duty.deadline_type, duty.date_deadline, duty.period_ids
            )
            if problem == "period":
                raise ValidationError(
                    _('Choose the reporting periods of the duty "%(name)s".')
                    % {"name": duty.name}
                )
            if problem == "date":
                raise ValidationError(
                    _('Give the deadline date of the duty "%(name)s".')
                    % {"name": duty.name}
                )
            if duty.date_deadline and duty.deadline_type != workflow.DEADLINE_DATE:
                raise ValidationError(
                    _(
                        'The duty "%(name)s" has a deadline date: choose "A date" as '
                        "its deadline, or clear the date."
                    )
                    % {"name": duty.name}
                )
            if duty.period_ids and duty.deadline_type != workflow.DEADLINE_PERIOD:
                raise ValidationError(
                    _(
                        'The duty "%(name)s" has reporting periods: choose "Every '
                        'reporting period" as its deadline, or clear the periods.'
                    )
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

    @api.constrains("lead_type", "lead_agency_id", "parent_id", "plan_id")
    def _check_lead(self):
        for duty in self.sudo():  # a check, not an access
            if duty.lead_type == workflow.LEAD_AGENCY:
                if not duty.lead_agency_id:
                    raise ValidationError(
                        _('Choose the agency that leads the duty "%(name)s".')
                        % {"name": duty.name}
                    )
                if duty.lead_agency_id.is_own:
                    raise ValidationError(
                        _(
                            'The duty "%(name)s" is led by our own agency: choose '
                            "its unit, or all the units, as the lead."
                        )
                        % {"name": duty.name}
                    )
            elif duty.lead_agency_id:
                raise ValidationError(
                    _(
                        'The duty "%(name)s" names a lead agency: choose "An outside '
                        'agency" as its lead, or clear the agency.'
                    )
                    % {"name": duty.name}
                )
            if duty.parent_id and (
                duty.lead_type != workflow.LEAD_UNIT
                or duty.parent_id.lead_type != workflow.LEAD_ALL_UNITS
                or duty.parent_id.plan_id != duty.plan_id
            ):
                raise ValidationError(
                    _(
                        "A unit's own duty is made from a duty of its plan for all "
                        "the units."
                    )
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
        vals = self._gov_create_defaults(vals)
        if not vals.get("unit_id"):
            raise ValidationError(_("Every duty needs a lead unit."))
        duty = super().create(self._gov_normalise_values(vals))
        duty._check_plan_editable()
        return duty

    @api.model
    def _gov_create_defaults(self, vals):
        """What a client that says less means: a duty given a date is due on
        it, one given periods is reported every period; the drafting unit
        follows up a duty of an outside agency or of all the units."""
        vals = dict(vals)
        if "deadline_type" not in vals:
            if vals.get("period_ids"):
                vals["deadline_type"] = workflow.DEADLINE_PERIOD
            elif vals.get("date_deadline"):
                vals["deadline_type"] = workflow.DEADLINE_DATE
        if (
            not vals.get("unit_id")
            and vals.get("lead_type") in (workflow.LEAD_AGENCY, workflow.LEAD_ALL_UNITS)
            and isinstance(vals.get("plan_id"), int)
        ):
            plan = self.env["gov.plan"].sudo().browse(vals["plan_id"]).exists()
            vals["unit_id"] = plan.unit_id.id
        return vals

    @api.multi
    def write(self, vals):
        if "unit_id" in vals and not vals["unit_id"]:
            raise ValidationError(_("Every duty needs a lead unit."))
        return super().write(self._gov_normalise_values(vals))

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
        """Cancels the duties; a duty for all the units takes the open duties
        made from it for each unit along."""
        label = _("cancel a duty")
        self._gov_step("cancel", label, message=_("Duty cancelled."))
        copies = (
            self.sudo().mapped("child_ids").filtered(lambda d: d.state in OPEN_STATES)
        )
        if copies:
            # as the leader who cancels (the step checks role and state)
            copies = self.env["gov.plan.duty"].browse(copies.ids)
            copies._gov_step(
                "cancel",
                label,
                message=_("Duty cancelled with the duty for all the units."),
            )
        return True

    def _gov_check_extensible(self):
        """Only a duty due on a date that a unit carries out gets a new date."""
        self.ensure_one()
        if not workflow.is_carried_out(self.lead_type):
            raise UserError(
                _(
                    'The duty "%(name)s" is carried out by each unit through its own '
                    "duty: ask for a new deadline on the unit's duty."
                )
                % {"name": self.name}
            )
        if self.deadline_type != workflow.DEADLINE_DATE:
            raise UserError(
                _(
                    'The duty "%(name)s" has no deadline date: only a duty due on a '
                    "date can get a new one."
                )
                % {"name": self.name}
            )

    @api.multi
    def action_request_extension(self):
        """Opens the request of a new deadline for this duty."""
        self.ensure_one()
        self._gov_require_group("user", _("ask for a deadline extension"))
        self._gov_require_unit(self.unit_id, _("ask for extensions of duties"))
        self._gov_check_extensible()
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

    def _gov_reported_in(self, period):
        """The duties that belong on a report of ``period`` ("monthly" ...;
        "request" or None: every one): a unit carries them out, they are not
        cancelled, and a duty reported every period is reported in this one."""
        return self.filtered(
            lambda d: d.state != "cancel"
            and workflow.is_carried_out(d.lead_type)
            and workflow.reported_in_period(
                d.deadline_type, d.period_ids.mapped("code"), period
            )
        )

    @api.model
    def _gov_convert_period_type(self):
        """Databases from before the kinds of deadline (called by
        data/gov_plan_duty_data.xml at each update, after the periods exist):
        a duty "reported every period" had one period (period_type) and the
        year's last cut-off as its deadline date, which made it overdue on
        15 December. It now takes its period as a tag and has no date; the
        column goes once converted, so this runs once.

        Raw SQL: the column is no field of the model any more."""
        cr = self.env.cr
        cr.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'gov_plan_duty' AND column_name = 'period_type'"
        )
        if not cr.fetchone():
            return False
        cr.execute(
            """INSERT INTO gov_plan_duty_reporting_period_rel (duty_id, period_id)
               SELECT d.id, p.id
                 FROM gov_plan_duty d
                 JOIN gov_plan_reporting_period p ON p.code = d.period_type
                WHERE d.deadline_type = %s
               ON CONFLICT DO NOTHING""",
            (workflow.DEADLINE_PERIOD,),
        )
        cr.execute(
            "UPDATE gov_plan_duty SET date_deadline = NULL, "
            "date_deadline_original = NULL WHERE deadline_type = %s",
            (workflow.DEADLINE_PERIOD,),
        )
        cr.execute("ALTER TABLE gov_plan_duty DROP COLUMN period_type")
        self.invalidate_cache()
        return True

    # ----------------------------------------------------- all the units
    def _gov_expand(self, units):
        """The duty of each unit of ``units`` made from this duty for all the
        units: part of the plan's issue, the clerk's step.

        Created as superuser, since no one may create duties in an issued
        plan: each copy names its origin (parent_id), which no write can set,
        and the clerk who issued, in create_uid and the chatter.
        """
        self.ensure_one()
        user = self.env.user
        label = _("give each unit its duty")
        self._gov_check_step("expand", label)
        source = self.sudo()
        done = source.child_ids.mapped("unit_id")
        Duty = (
            self.env["gov.plan.duty"]
            .sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        )
        copies = Duty.browse()
        for unit in units - done:
            copies |= Duty.create(source._gov_unit_copy_values(unit))
        if not copies:
            return copies
        # Raw SQL: the ORM sets create_uid to the superuser of the environment.
        self.env.cr.execute(
            "UPDATE gov_plan_duty SET create_uid = %s, write_uid = %s WHERE id IN %s",
            (user.id, user.id, tuple(copies.ids)),
        )
        copies.invalidate_cache(["create_uid", "write_uid"], copies.ids)
        message = _("Assigned to the unit from the duty for all the units.")
        for copy in copies:
            copy.message_post(body=message, author_id=user.partner_id.id)
        return copies

    def _gov_keep_as_issued(self, details):
        """Part of the plan's issue (the clerk's step): the duties keep their
        lead and text as the plan printed them."""
        self._gov_check_step("issue", _("issue a plan"))
        for duty in self.sudo():
            values = {
                "issued_lead_label": duty._print_lead_label(),
                "issued_paragraph": duty._print_paragraph(details),
            }
            # as superuser: the clerk, whose step this is, writes no duty
            # otherwise (the record rules let them read the duties only)
            duty._gov_write_step("issue", values)

    def _gov_unit_copy_values(self, unit):
        self.ensure_one()
        return {
            "plan_id": self.plan_id.id,
            "parent_id": self.id,
            "sequence": self.sequence,
            "name": self.name,
            "description": self.description,
            "expected_output": self.expected_output,
            "content_item_id": self.content_item_id.id,
            "lead_type": workflow.LEAD_UNIT,
            "unit_id": unit.id,
            "coordinating_unit_ids": [(6, 0, self.coordinating_unit_ids.ids)],
            "coordinating_agency_ids": [(6, 0, self.coordinating_agency_ids.ids)],
            "deadline_type": self.deadline_type,
            "date_deadline": self.date_deadline,
            "period_ids": [(6, 0, self.period_ids.ids)],
            "print_details": self.print_details,
        }

    # ------------------------------------------------------------- print
    def _print_lead_key(self):
        """Which lead a duty is printed under: duties of one lead print as
        one numbered item."""
        self.ensure_one()
        if self.lead_type == workflow.LEAD_AGENCY:
            ident = self.lead_agency_id.id
        elif self.lead_type == workflow.LEAD_UNIT:
            ident = self.unit_id.id
        else:
            ident = 0
        return (self.lead_type, ident, self._print_lead_label())

    def _print_lead_label(self):
        """The lead as the plan prints it: the unit's or agency's name, or
        the agency's wording for all its units ("Các phòng, đơn vị thuộc
        Sở"), unless the duty gives its own."""
        self.ensure_one()
        duty = self.sudo()  # names are printed whoever prints
        if duty.issued_lead_label:
            return duty.issued_lead_label
        if (duty.lead_label or "").strip():
            return duty.lead_label.strip()
        if duty.lead_type == workflow.LEAD_AGENCY:
            return duty.lead_agency_id.name or ""
        if duty.lead_type == workflow.LEAD_ALL_UNITS:
            return (
                duty.plan_id.agency_id.all_units_label or ""
            ).strip() or duty_rules.ALL_UNITS_LABEL
        return duty.unit_id.name or ""

    def _print_paragraph(self, details=True):
        """The duty's paragraph in the plan (lib/duty_rules.py): its text,
        then coordination, product and time unless the plan or the duty
        prints the text only. An extended deadline prints as first given:
        the plan is printed as it was issued."""
        self.ensure_one()
        duty = self.sudo()
        if duty.issued_paragraph:
            return duty.issued_paragraph
        deadline = duty._deadline_for_judgement()
        return duty_rules.duty_paragraph(
            duty.description or duty.name,
            details=details and duty.print_details,
            coordinating_units=duty.coordinating_unit_ids.mapped("name"),
            coordinating_agencies=duty.coordinating_agency_ids.mapped("name"),
            product=duty.expected_output,
            deadline_type=duty.deadline_type,
            date=fields.Date.from_string(deadline) if deadline else None,
            periods=duty.period_ids.mapped("code"),
        )

    @api.multi
    def name_get(self):
        return [
            (duty.id, "%s - %s" % (duty.lead_name or "", duty.name)) for duty in self
        ]

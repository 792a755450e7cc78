import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import vn_rules, workflow
from .gov_plan_duty import PERIOD_SELECTION

LINE_STATUS = [
    ("not_started", "Not started"),
    ("progress", "In progress"),
    ("done", "Done"),
]
EDITABLE_STATES = workflow.REPORT.editable_states


class GovPlanReport(models.Model):
    _name = "gov.plan.report"
    # whoever sees the record may comment on it and log its workflow steps
    _mail_post_access = "read"
    _description = "Progress report"
    # the workflow mixin first: a step's write goes on to mail.thread
    _inherit = ["gov.plan.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_to desc, id desc"
    _gov_reason_action = "action_return"
    _gov_workflow = workflow.REPORT

    name = fields.Char(compute="_compute_name", store=True)
    report_type = fields.Selection(
        [("unit", "Unit report"), ("consolidated", "Consolidated")],
        "Kind",
        required=True,
        default="unit",
        readonly=True,
        states={"draft": [("readonly", False)]},
    )
    plan_id = fields.Many2one(
        "gov.plan", "Plan", required=True, ondelete="restrict", index=True
    )
    unit_id = fields.Many2one(
        "hr.department",
        "Unit",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.user.gov_unit_ids[:1],
        help="The reporting unit; for a consolidated report, the office "
        "that compiles it.",
    )
    request_id = fields.Many2one(
        "gov.plan.report.request", "Report request", ondelete="restrict", index=True
    )
    agency_id = fields.Many2one(
        "gov.plan.agency",
        "Addressed to",
        ondelete="restrict",
        help="Kính gửi: the agency that asked for the report.",
    )
    period_type = fields.Selection(
        PERIOD_SELECTION + [("request", "On request")],
        "Period",
        required=True,
        default="monthly",
    )
    date_from = fields.Date("Cut-off from", required=True)
    date_to = fields.Date("Cut-off to", required=True)
    date_deadline = fields.Date("Deadline")
    line_ids = fields.One2many("gov.plan.report.line", "report_id", "Duties", copy=True)
    difficulties = fields.Text()
    proposals = fields.Text()
    nothing_new = fields.Boolean("Nothing new this period", readonly=True, copy=False)
    source_report_ids = fields.Many2many(
        "gov.plan.report",
        "gov_plan_report_source_rel",
        "consolidated_id",
        "report_id",
        "Unit reports gathered",
        readonly=True,
        copy=False,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted by the unit head"),
            ("approved", "Approved"),
            ("returned", "Returned"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    return_reason = fields.Text("Reason for return", readonly=True, copy=False)
    submitted_by_id = fields.Many2one(
        "res.users", "Submitted by", readonly=True, copy=False
    )
    accepted_by_id = fields.Many2one(
        "res.users", "Accepted by", readonly=True, copy=False
    )
    approved_by_id = fields.Many2one(
        "res.users", "Approved by", readonly=True, copy=False
    )
    date_approved = fields.Date("Approved on", readonly=True, copy=False)

    @api.depends(
        "report_type",
        "unit_id.name",
        "date_from",
        "date_to",
        "period_type",
        "request_id.name",
    )
    def _compute_name(self):
        for rep in self:
            if rep.request_id:
                period = rep.request_id.name
            elif rep.date_to and rep.period_type in dict(PERIOD_SELECTION):
                year, index = vn_rules.period_of(
                    rep.period_type,
                    fields.Date.from_string(rep.date_to) - datetime.timedelta(days=1),
                )
                period = vn_rules.period_label(rep.period_type, year, index)
            else:
                period = "%s - %s" % (rep.date_from or "", rep.date_to or "")
            who = (
                _("Consolidated")
                if rep.report_type == "consolidated"
                else rep.unit_id.name
            )
            rep.name = "%s - %s" % (who or "", period)

    @api.onchange("period_type", "date_to")
    def _onchange_period(self):
        """Pick the Decree 09 cut-off of the period that contains the date."""
        if self.period_type in dict(PERIOD_SELECTION):
            day = fields.Date.from_string(
                self.date_to or fields.Date.context_today(self)
            )
            year, index = vn_rules.period_of(
                self.period_type, day - datetime.timedelta(days=1)
            )
            start, end = vn_rules.period_bounds(self.period_type, year, index)
            self.date_from, self.date_to = fields.Date.to_string(
                start
            ), fields.Date.to_string(end)

    def _gov_complete_create_values(self, vals):
        """Reports are about the duties of an issued plan: a plan not yet
        issued assigns nothing to report on."""
        plan = self.env["gov.plan"].sudo().browse(vals.get("plan_id")).exists()
        if (
            plan
            and plan.state not in workflow.ASSIGNED_PLAN_STATES
            and not self._gov_unchecked()
        ):
            raise UserError(
                _(
                    'The plan "%(name)s" is not issued yet: its duties are not '
                    "assigned, there is nothing to report on."
                )
                % {"name": plan.title}
            )
        return vals

    @api.constrains("plan_id", "unit_id", "report_type", "date_from", "date_to")
    def _check_one_per_period(self):
        """One unit report per plan, unit and cut-off: a second one would be
        compiled beside the first."""
        for rep in self.sudo():  # a check, not an access
            if rep.report_type != "unit":
                continue
            twin = rep.search(
                [
                    ("id", "!=", rep.id),
                    ("report_type", "=", "unit"),
                    ("plan_id", "=", rep.plan_id.id),
                    ("unit_id", "=", rep.unit_id.id),
                    ("date_from", "=", rep.date_from),
                    ("date_to", "=", rep.date_to),
                ],
                limit=1,
            )
            if twin:
                raise ValidationError(
                    _(
                        "The unit already has a report for this plan and "
                        'cut-off: "%(name)s". Fill that one in.'
                    )
                    % {"name": twin.name}
                )

    @api.constrains("request_id", "plan_id")
    def _check_request(self):
        for rep in self.sudo():  # a check, not an access
            if rep.request_id and rep.request_id.plan_id != rep.plan_id:
                raise ValidationError(
                    _("A report answers a report request of its own plan.")
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for rep in self.sudo():  # a check, not an access (see _check_lines)
            if rep.date_to < rep.date_from:
                raise ValidationError(
                    _(
                        "The reporting period ends (%(end)s) before it starts "
                        "(%(start)s)."
                    )
                    % {"start": rep.date_from, "end": rep.date_to}
                )

    def _gov_frozen_message(self):
        return _(
            'The report "%(name)s" is %(state)s and can no longer be changed; ask '
            "for it to be returned first."
        ) % {
            "name": self.name,
            "state": dict(self._fields["state"]._description_selection(self.env))[
                self.state
            ],
        }

    @api.multi
    def unlink(self):
        for rep in self:
            if rep.state != "draft":
                raise UserError(_("Only draft reports can be deleted."))
        # the lines first, through the ORM: Odoo deletes the files (the
        # evidence) of the records it unlinks, not of those PostgreSQL
        # deletes in cascade, and a file left naming no record is open to
        # every employee
        self.mapped("line_ids").unlink()
        return super().unlink()

    def _gov_reminder_users(self):
        """Whoever drafts the report and the head of the unit."""
        # the author, if of the unit: a round's drafts are created by whoever
        # opened the round, for every unit
        author = self.create_uid.filtered(
            lambda u: not u._is_superuser() and self.unit_id in u.gov_unit_ids
        )
        head = self.unit_id._gov_head_users()
        users = (author | self.submitted_by_id | head).filtered("active")
        # without a head, the unit's staff are told
        return users or self.unit_id._gov_staff_users()

    def _gov_created_by(self, user, request):
        """The drafts of a round are created as superuser, since the office
        may not create other units' reports: they still name who opened the
        round, in create_uid and in the chatter.

        Raw SQL: the ORM sets create_uid to the user of the environment only.
        """
        if not self:
            return
        self.env.cr.execute(
            "UPDATE gov_plan_report SET create_uid = %s, write_uid = %s "
            "WHERE id IN %s",
            (user.id, user.id, tuple(self.ids)),
        )
        self.invalidate_cache(["create_uid", "write_uid"], self.ids)
        for rep in self:
            rep.message_post(
                body=_('Draft opened by the round "%(round)s".')
                % {"round": request.name},
                author_id=user.partner_id.id,
            )

    # ----------------------------------------------------------------- content
    def _gov_period(self):
        """The reporting period the report is about ("monthly" ...), or None
        for a report on request that names none: it asks about every duty."""
        self.ensure_one()
        if self.period_type == "request":
            return self.request_id.period_type or None
        return self.period_type

    def _fill_lines(self):
        """One line per duty of the unit in the plan that belongs on a report
        of this period (workflow.reported_in_period), not yet on the report.

        Everything is read before the first write: a write empties the record
        cache, and each next report would read all the plan's duties again.
        """
        todo = []
        for rep in self:
            if rep.report_type != "unit":
                continue
            present = rep.line_ids.mapped("duty_id")
            duties = (
                rep.plan_id.duty_ids.filtered(
                    lambda d: d.unit_id == rep.unit_id
                )._gov_reported_in(rep._gov_period())
                - present
            )
            lines = [
                (
                    0,
                    0,
                    {
                        "duty_id": d.id,
                        "progress": d.progress,
                        "status": workflow.line_status(d.state),
                    },
                )
                for d in duties
            ]
            todo.append((rep, lines))
        for rep, lines in todo:
            rep.line_ids = lines

    @api.multi
    def action_fill_lines(self):
        self._gov_require_group("user", _("fill a report"))
        for rep in self:
            rep._gov_require_unit(rep.unit_id, _("fill reports"))
        self._gov_require_state(EDITABLE_STATES, _("fill"))
        self._fill_lines()
        return True

    @api.multi
    def action_nothing_new(self):
        """One click for a period without news: every line keeps its progress."""
        self._gov_require_group("user", _("fill a report"))
        for rep in self:
            rep._gov_require_unit(rep.unit_id, _("fill reports"))
        self._gov_require_state(EDITABLE_STATES, _("fill"))
        for rep in self:
            rep._fill_lines()
            for line in rep.line_ids:
                line.result = line.result or _("Nothing new this period.")
            rep.write({"nothing_new": True})
        return True

    # ---------------------------------------------------------------- workflow
    @api.multi
    def action_submit(self):
        label = _("submit a report")
        self._gov_check_step("submit", label)
        for rep in self:
            if not rep.line_ids and rep.report_type == "unit":
                raise UserError(
                    _(
                        "The report has no line: fill it with the unit's duties "
                        "first."
                    )
                )
        self._gov_write_step(
            "submit", {"submitted_by_id": self.env.uid, "return_reason": False}
        )
        for rep in self:
            rep.message_post(body=_("Submitted."))
        return True

    @api.multi
    def action_accept(self):
        for rep in self:
            if rep.report_type != "unit":
                raise UserError(_("A consolidated report goes straight to leadership."))
        self._gov_step(
            "accept",
            _("accept a report"),
            {"accepted_by_id": self.env.uid},
            message=_("Accepted by the unit head."),
        )
        return True

    @api.multi
    def action_approve(self):
        label = _("approve a report")
        values = {
            "approved_by_id": self.env.uid,
            "date_approved": fields.Date.context_today(self),
        }
        units = self.filtered(lambda r: r.report_type == "unit")
        if units:
            units._gov_step("approve_unit", label, values, message=_("Approved."))
        if self - units:
            (self - units)._gov_step(
                "approve_consolidated", label, values, message=_("Approved.")
            )
        for rep in units:
            for line in rep.line_ids:
                # part of the approval step, as the approver
                line.duty_id._apply_report_line(line, rep.date_to)
        return True

    @api.multi
    def action_return(self, reason=None):
        reason = self._gov_reason(
            reason, _("Give the reason for returning the report.")
        )
        values = {"return_reason": reason, "accepted_by_id": False}
        message = _("Returned: %(reason)s") % {"reason": reason}
        by_head = self.filtered(
            lambda r: r.state == "submitted"
            and r.report_type == "unit"
            and not self.env.user._gov_is("leader")
        )
        if by_head:
            by_head._gov_step("return_by_head", _("return a report"), values, message)
        if self - by_head:
            (self - by_head)._gov_step(
                "return_by_leader", _("return a report"), values, message
            )
        return True

    # ------------------------------------------------------------ consolidation
    @api.model
    def create_consolidated(self, plan, date_from, date_to, agency=None, request=None):
        """Gather the approved unit reports of a plan for a period into one draft.

        The office (the unit that compiles reports) or leadership may do it,
        once per round or period: the draft is created as that user.
        """
        label = _("compile a consolidated report")
        self._gov_check_step("compile", label)
        user = self.env.user
        # the user's own office first (a department may have more than one)
        office = user.gov_unit_ids.filtered("gov_is_office")[:1] or self.env[
            "hr.department"
        ].search([("gov_is_office", "=", True)], limit=1)
        existing_domain = [
            ("plan_id", "=", plan.id),
            ("report_type", "=", "consolidated"),
        ]
        if request:
            existing_domain.append(("request_id", "=", request.id))
        else:
            existing_domain += [
                ("request_id", "=", False),
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
            ]
        # Two users compiling at once: the second waits here for the first,
        # and then (Odoo's repeatable-read transactions) gets a serialization
        # failure that Odoo retries, when it finds the first one's report.
        (request or plan).sudo()._gov_touch()
        existing = self.sudo().search(existing_domain, limit=1)
        if existing:
            raise UserError(
                _(
                    'This period is already compiled: "%(name)s" (%(state)s). Open '
                    "that consolidated report; to compile again, delete it while "
                    "it is a draft."
                )
                % {
                    "name": existing.name,
                    "state": dict(
                        existing._fields["state"]._description_selection(self.env)
                    )[existing.state],
                }
            )
        domain = [
            ("plan_id", "=", plan.id),
            ("report_type", "=", "unit"),
            ("state", "=", "approved"),
        ]
        if request:
            domain.append(("request_id", "=", request.id))
        else:
            domain += [("date_from", ">=", date_from), ("date_to", "<=", date_to)]
        # approved reports of every unit: the office reads them all to compile.
        sources = self.sudo().search(domain, order="unit_id, date_to")
        if not sources:
            raise UserError(
                _(
                    "No approved unit report of this plan for the period yet: nothing "
                    "to consolidate."
                )
            )
        lines = []
        for src in sources:
            for line in src.line_ids:
                lines.append(
                    (
                        0,
                        0,
                        {
                            "duty_id": line.duty_id.id,
                            "result": line.result,
                            "status": line.status,
                            "progress": line.progress,
                            "date_done": line.date_done,
                            "source_report_id": src.id,
                        },
                    )
                )
        values = {
            "report_type": "consolidated",
            "plan_id": plan.id,
            "unit_id": (office or user.gov_unit_ids[:1] or sources[0].unit_id).id,
            "period_type": request and "request" or sources[0].period_type,
            "request_id": request and request.id,
            "date_deadline": request and request.date_deadline,
            "date_from": date_from,
            "date_to": date_to,
            "agency_id": (
                agency or request and request.agency_id or self.env["gov.plan.agency"]
            ).id,
            "source_report_ids": [(6, 0, sources.ids)],
            "difficulties": "\n".join(
                "%s: %s" % (s.unit_id.name, s.difficulties)
                for s in sources
                if s.difficulties
            )
            or False,
            "proposals": "\n".join(
                "%s: %s" % (s.unit_id.name, s.proposals) for s in sources if s.proposals
            )
            or False,
        }
        # created by the user who compiles (create_uid, chatter), through
        # the step: no other way sets report_type or source_report_ids
        report = self._gov_create_step("compile", label, values)
        # the lines after the report: each checks its source on itself
        report.write({"line_ids": lines})
        return report

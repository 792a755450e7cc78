import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import vn_rules
from .gov_plan_duty import PERIOD_SELECTION

LINE_STATUS = [
    ("not_started", "Not started"),
    ("progress", "In progress"),
    ("done", "Done"),
]
EDITABLE_STATES = ("draft", "returned")


class GovPlanReport(models.Model):
    _name = "gov.plan.report"
    # whoever sees the record may comment on it and log its workflow steps
    _mail_post_access = "read"
    _description = "Progress report"
    _inherit = ["mail.thread", "mail.activity.mixin", "gov.plan.access.mixin"]
    _order = "date_to desc, id desc"
    _gov_reason_action = "action_return"

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

    @api.constrains("line_ids", "unit_id", "report_type")
    def _check_lines(self):
        # a check, not an access: read as superuser so that a refusal by the
        # record rules comes from the rules themselves, as an AccessError.
        for rep in self.sudo():
            if rep.report_type == "unit":
                wrong = rep.line_ids.mapped("duty_id").filtered(
                    lambda d: d.unit_id != rep.unit_id or d.plan_id != rep.plan_id
                )
                if wrong:
                    raise ValidationError(
                        _(
                            "A unit reports only on its own duties of the plan: "
                            "%(duties)s."
                        )
                        % {"duties": ", ".join(wrong.mapped("name"))}
                    )

    _gov_free_fields = {
        "message_follower_ids",
        "activity_ids",
        "message_ids",
        "message_main_attachment_id",
    }

    @api.multi
    def write(self, vals):
        if set(vals) - self._gov_free_fields and not self.env.context.get(
            "gov_plan_workflow"
        ):
            for rep in self:
                if rep.state not in EDITABLE_STATES:
                    raise UserError(
                        _(
                            'The report "%(name)s" is %(state)s and can no longer '
                            "be changed; ask for it to be returned first."
                        )
                        % {
                            "name": rep.name,
                            "state": dict(
                                self._fields["state"]._description_selection(self.env)
                            )[rep.state],
                        }
                    )
        return super().write(vals)

    @api.multi
    def unlink(self):
        for rep in self:
            if rep.state != "draft":
                raise UserError(_("Only draft reports can be deleted."))
        return super().unlink()

    def _check_line_editable(self):
        if self.env.context.get("gov_plan_workflow"):
            return
        for rep in self:
            if rep.state not in EDITABLE_STATES:
                raise UserError(
                    _('The report "%(name)s" can no longer be changed.')
                    % {"name": rep.name}
                )

    # ----------------------------------------------------------------- content
    def _fill_lines(self):
        """One line per open duty of the unit in the plan, not yet on the report.

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
                    lambda d: d.unit_id == rep.unit_id and d.state != "cancel"
                )
                - present
            )
            lines = [
                (
                    0,
                    0,
                    {
                        "duty_id": d.id,
                        "progress": d.progress,
                        "status": (
                            "done"
                            if d.state.startswith("done")
                            else (
                                "progress" if d.state == "progress" else "not_started"
                            )
                        ),
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
        self._gov_require_group("user", _("submit a report"))
        for rep in self:
            rep._gov_require_unit(rep.unit_id, _("submit reports"))
        self._gov_lock()
        self._gov_require_state(EDITABLE_STATES, _("submit"))
        for rep in self:
            if not rep.line_ids and rep.report_type == "unit":
                raise UserError(
                    _(
                        "The report has no line: fill it with the unit's duties "
                        "first."
                    )
                )
        self._gov_workflow_write(
            {
                "state": "submitted",
                "submitted_by_id": self.env.uid,
                "return_reason": False,
            },
            _("Submitted."),
        )
        return True

    @api.multi
    def action_accept(self):
        self._gov_require_group("unit_head", _("accept a report"))
        for rep in self:
            rep._gov_require_unit(rep.unit_id, _("accept reports"))
        self._gov_lock()
        self._gov_require_state(("submitted",), _("accept"))
        for rep in self:
            if rep.report_type != "unit":
                raise UserError(_("A consolidated report goes straight to leadership."))
        self._gov_workflow_write(
            {"state": "accepted", "accepted_by_id": self.env.uid},
            _("Accepted by the unit head."),
        )
        return True

    @api.multi
    def action_approve(self):
        self._gov_require_group("leader", _("approve a report"))
        self._gov_lock()
        for rep in self:
            rep._gov_require_state(
                ("accepted",) if rep.report_type == "unit" else ("submitted",),
                _("approve"),
            )
        today = fields.Date.context_today(self)
        self._gov_workflow_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "date_approved": today,
            },
            _("Approved."),
        )
        for rep in self.filtered(lambda r: r.report_type == "unit"):
            for line in rep.line_ids:
                # the approver may not have write access to every duty under
                # the record rules; the right was checked above.
                line.duty_id.sudo()._apply_report_line(line, rep.date_to)
        return True

    @api.multi
    def action_return(self, reason=None):
        if not (reason or "").strip():
            raise UserError(_("Give the reason for returning the report."))
        self._gov_lock()
        for rep in self:
            if rep.state == "submitted" and rep.report_type == "unit":
                rep._gov_require_group("unit_head", _("return a report"))
                rep._gov_require_unit(rep.unit_id, _("return reports"))
            else:
                rep._gov_require_group("leader", _("return a report"))
                rep._gov_require_state(("accepted", "submitted"), _("return"))
        self._gov_workflow_write(
            {"state": "returned", "return_reason": reason},
            _("Returned: %(reason)s") % {"reason": reason},
        )
        return True

    # ------------------------------------------------------------ consolidation
    @api.model
    def create_consolidated(self, plan, date_from, date_to, agency=None, request=None):
        """Gather the approved unit reports of a plan for a period into one draft.

        The office (the unit that compiles reports) or leadership may do it.
        """
        user = self.env.user
        office = self.env["hr.department"].search(
            [("gov_is_office", "=", True)], limit=1
        )
        if not user._gov_is("leader"):
            self._gov_require_group("user", _("compile a consolidated report"))
            if not office or office not in user.gov_unit_ids:
                raise UserError(
                    _(
                        "Only the office that compiles reports, or leadership, may "
                        "compile a consolidated report."
                    )
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
            "line_ids": lines,
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
        return self.sudo().create(values).sudo(user)

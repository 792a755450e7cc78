"""The workflows of gov_plan as plain data: who takes which step, from where.

Each workflow model declares its steps once, here: the states a step starts
from, the state it leads to, the role that takes it, the unit rule, and the
fields the step itself writes. The model mixin (gov.plan.workflow.mixin)
reads these tables to refuse every step field in ``create`` and ``write``
unless the step writes it, and to check role, unit and state when a step is
taken. Nothing here needs a database: the tables and the rules on duty
status are tested in milliseconds (tests/test_workflow_rules.py).

Override for another policy: change the tables; the models follow.
"""

from collections import namedtuple

# Roles, weakest first; each includes the rights of the ones it implies
# (security/gov_plan_security.xml): user < unit_head < leader, user < clerk.
ROLES = ("user", "unit_head", "leader", "clerk", "manager")

# Unit rules of a step.
UNIT_ANY = "any"  # no condition on the unit
UNIT_OWN = "own"  # the record's unit is one of the user's (leadership: any)
UNIT_OFFICE = "office"  # leadership, or staff of the office that compiles

Step = namedtuple("Step", "name from_states to_states role unit fields description")


def step(name, from_states, to_states, role, unit=UNIT_ANY, fields=(), description=""):
    """A step; ``to_states`` is one state, a tuple of states the step chooses
    among (e.g. done on time or done late), or None when the state stays."""
    if isinstance(to_states, str):
        to_states = (to_states,)
    return Step(
        name,
        tuple(from_states),
        tuple(to_states or ()),
        role,
        unit,
        frozenset(fields),
        description,
    )


class Workflow(object):
    """The steps of one model.

    ``guarded`` is every field that only a step may write: the state and each
    field a step sets, plus ``extra_guarded`` (fields set once at creation by
    the model itself, e.g. the unit copied from the duty). ``initial`` is the
    state a record is created in. ``editable`` says when the content (every
    field that is neither guarded nor ``free``) may change: the record's own
    state, or the state found at ``editable_path`` (a duty follows its
    plan), must be one of ``editable_states``.
    """

    def __init__(
        self,
        model,
        steps,
        initial,
        editable_states=(),
        editable_path="state",
        free=(),
        extra_guarded=(),
        create_only=(),
        content=(),
    ):
        self.model = model
        self.steps = {s.name: s for s in steps}
        if len(self.steps) != len(steps):
            raise ValueError("two steps of %s have the same name" % model)
        self.initial = initial
        self.editable_states = tuple(editable_states)
        self.editable_path = editable_path
        self.free = frozenset(free) | MAIL_FIELDS
        # ``content``: fields a step writes that are also the drafter's (the
        # plan's date, filled in at issue when left empty)
        self.guarded = frozenset(
            {"state"}.union(extra_guarded, *(s.fields for s in steps))
        ) - frozenset(content)
        # fields the model sets when the record is created, never after
        self.create_only = frozenset(create_only)

    def step(self, name):
        try:
            return self.steps[name]
        except KeyError:
            raise ValueError("%s has no step %r" % (self.model, name))

    def states(self):
        found = {self.initial}
        for s in self.steps.values():
            found.update(s.from_states, s.to_states)
        return found

    def refused_fields(self, fields, granted=()):
        """The fields among ``fields`` that a write may not set."""
        return sorted((set(fields) & self.guarded) - set(granted))

    def frozen_fields(self, fields):
        """The content fields among ``fields``: writable only while editable."""
        return sorted(set(fields) - self.guarded - self.free)

    def is_editable(self, state):
        return state in self.editable_states


def can_take(wf, name, state):
    """Whether the step ``name`` of ``wf`` may start from ``state``."""
    return state in wf.step(name).from_states


def check_step_values(wf, name, values, to_state=None):
    """The error of a step's own write, if any: a programming error, since
    only the step's method builds these values."""
    s = wf.step(name)
    extra = set(values) - s.fields - {"state"}
    if extra:
        raise ValueError(
            "step %s.%s does not write %s" % (wf.model, name, ", ".join(sorted(extra)))
        )
    if s.to_states and to_state not in s.to_states:
        raise ValueError(
            "step %s.%s leads to %s, not %r" % (wf.model, name, s.to_states, to_state)
        )


# Fields Odoo's chatter and activities write on any record that has them
# (message_ids is not one: messages are created by message_post, and the
# commands of a write on it would delete or rewrite the history).
MAIL_FIELDS = frozenset(
    (
        "message_follower_ids",
        "message_partner_ids",
        "message_channel_ids",
        "message_main_attachment_id",
        "message_last_post",
        "activity_ids",
    )
)

# ----------------------------------------------------------------- the tables

PLAN = Workflow(
    "gov.plan",
    [
        step("submit", ["draft"], "submitted", "user", UNIT_OWN),
        step("approve", ["submitted"], "approved", "leader", fields=["approved_by_id"]),
        step(
            "issue",
            ["approved"],
            "issued",
            "clerk",
            fields=[
                "number",
                "date",
                "issued_by_id",
                "issued_number_symbol",
                "issued_symbol",
                "issued_agency_name",
                "issued_supervising_name",
                "issued_agency_header",
                "issued_supervising_header",
                "issued_basis_text",
                "issued_decision_basis_text",
                "issued_recipient_lines",
                "issued_signer_name",
                "issued_signature_lines",
            ],
        ),
        step("close", ["issued"], "done", "leader"),
        step(
            "cancel",
            ["draft", "submitted", "approved"],
            "cancel",
            "leader",
            fields=["state_reason", "approved_by_id"],
        ),
        # the drafting unit may take back what it submitted; only leadership
        # reopens what it approved. Each clears the approval it undoes.
        step(
            "take_back",
            ["submitted"],
            "draft",
            "user",
            UNIT_OWN,
            fields=["state_reason", "approved_by_id"],
        ),
        step(
            "reopen",
            ["approved"],
            "draft",
            "leader",
            fields=["state_reason", "approved_by_id"],
        ),
    ],
    initial="draft",
    editable_states=("draft",),
    content=("date",),
)

REPORT = Workflow(
    "gov.plan.report",
    [
        step(
            "submit",
            ["draft", "returned"],
            "submitted",
            "user",
            UNIT_OWN,
            fields=["submitted_by_id", "return_reason"],
        ),
        step(
            "accept",
            ["submitted"],
            "accepted",
            "unit_head",
            UNIT_OWN,
            ["accepted_by_id"],
        ),
        step(
            "approve_unit",
            ["accepted"],
            "approved",
            "leader",
            fields=["approved_by_id", "date_approved"],
        ),
        step(
            "approve_consolidated",
            ["submitted"],
            "approved",
            "leader",
            fields=["approved_by_id", "date_approved"],
        ),
        step(
            "return_by_head",
            ["submitted"],
            "returned",
            "unit_head",
            UNIT_OWN,
            fields=["return_reason", "accepted_by_id"],
        ),
        step(
            "return_by_leader",
            ["submitted", "accepted"],
            "returned",
            "leader",
            fields=["return_reason", "accepted_by_id"],
        ),
        # the office compiles the approved unit reports into a consolidated
        # draft: the only way to create one, and to set what it gathers
        step(
            "compile",
            [],
            "draft",
            "user",
            UNIT_OFFICE,
            fields=["report_type", "source_report_ids"],
        ),
    ],
    initial="draft",
    editable_states=("draft", "returned"),
    # the round's opening (or the compile step) links a report to a round
    extra_guarded=("request_id",),
    # a report belongs to its plan and unit from its creation on
    create_only=("report_type", "plan_id", "unit_id"),
)

EXTENSION = Workflow(
    "gov.plan.duty.extension",
    [
        step("approve", ["requested"], "approved", "leader", fields=["decided_by_id"]),
        step(
            "refuse",
            ["requested"],
            "refused",
            "leader",
            fields=["decided_by_id", "refuse_reason"],
        ),
    ],
    initial="requested",
    editable_states=("requested",),
    # copied from the duty when the unit asks, fixed afterwards
    extra_guarded=("unit_id", "date_current"),
    create_only=("duty_id", "date_new"),
)

ROUND = Workflow(
    "gov.plan.report.request",
    [
        step("open", ["draft"], "open", "user", UNIT_OFFICE),
        step("close", ["open"], "closed", "leader"),
    ],
    initial="draft",
    editable_states=("draft",),
    create_only=("plan_id",),
)

DUTY = Workflow(
    "gov.plan.duty",
    [
        # taken by the approval of a unit report (the approver's step)
        step(
            "report",
            ["todo", "progress"],
            ("todo", "progress", "done_on_time", "done_late"),
            "leader",
            fields=["progress", "last_result", "last_report_date", "date_done"],
        ),
        # a later report of a closed duty updates its latest result only
        step(
            "report_closed",
            ["done_on_time", "done_late", "cancel"],
            None,
            "leader",
            fields=["progress", "last_result", "last_report_date"],
        ),
        # taken by the approval of an extension
        step(
            "extend",
            ["todo", "progress"],
            None,
            "leader",
            fields=["date_deadline", "date_deadline_original"],
        ),
        step("cancel", ["todo", "progress"], "cancel", "leader"),
        # taken by the issue of the plan (the clerk's step): a duty for all
        # the units of the agency gives each unit its own duty, which names
        # the duty it comes from; no one else ever sets that link
        step("expand", [], None, "clerk", fields=["parent_id"]),
        # taken by the issue of the plan too: the duty keeps the names it was
        # printed with (a unit or agency renamed later changes no issued plan)
        step(
            "issue",
            ["todo", "progress"],
            None,
            "clerk",
            fields=["issued_lead_label", "issued_paragraph"],
        ),
    ],
    initial="todo",
    editable_states=("draft",),
    editable_path="plan_id.state",
    # the drafter's deadline, which only an extension changes afterwards
    content=("date_deadline",),
    # a duty stays in its plan: moved, it would enter an issued plan
    create_only=("plan_id",),
)

WORKFLOWS = {wf.model: wf for wf in (PLAN, REPORT, EXTENSION, ROUND, DUTY)}

# The cursor attribute holding the (model, id) of gov records being deleted
# by their own unlink: their history may go with them.
DELETING_FLAG = "_gov_plan_deleting"

# Fields of a duty a unit head may change once the plan is issued.
DUTY_ASSIGN_FIELDS = frozenset(("user_id",))

# ------------------------------------------------------- duty status rules

# Who leads a duty: a unit of ours; all the units of the agency ("Các phòng,
# đơn vị thuộc Sở": each gets its own duty when the plan is issued, the plan
# prints the duty once); or an outside agency, followed up by a unit of ours.
LEAD_UNIT = "unit"
LEAD_ALL_UNITS = "all_units"
LEAD_AGENCY = "agency"
LEAD_TYPES = (LEAD_UNIT, LEAD_ALL_UNITS, LEAD_AGENCY)
# When a duty is due: no time at all, a date, "thường xuyên" (ongoing), or
# reported every period of one or more kinds. Only a date makes a duty late.
DEADLINE_NONE = "none"
DEADLINE_DATE = "date"
DEADLINE_REGULAR = "regular"
DEADLINE_PERIOD = "period"
DEADLINE_TYPES = (DEADLINE_NONE, DEADLINE_DATE, DEADLINE_REGULAR, DEADLINE_PERIOD)
# The length of each reporting period, in months (Decree 09).
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}

OPEN_STATES = ("todo", "progress")
DONE_STATES = ("done_on_time", "done_late")
# A duty is assigned to its unit once its plan is issued: before that it is
# a proposal, never late, never reminded, counted nowhere.
ASSIGNED_PLAN_STATES = ("issued", "done")
BUCKETS = ("done_on_time", "done_late", "in_progress", "overdue")


def done_state(done_on, deadline):
    """Done on time when done on or before the deadline (the first one
    given: an extension does not make a late duty on time)."""
    if deadline and done_on and done_on > deadline:
        return "done_late"
    return "done_on_time"


def is_carried_out(lead_type):
    """Whether a unit carries the duty out and reports on it. A duty for all
    the units is printed once, and carried out through the duty each unit
    gets from it when the plan is issued: it is never late, never reminded,
    never counted, never on a report itself."""
    return lead_type != LEAD_ALL_UNITS


def deadline_date(deadline_type, date):
    """The date a duty is due on: only a duty due on a date has one."""
    return date if deadline_type == DEADLINE_DATE else None


def deadline_problem(deadline_type, date, periods):
    """What is missing from a duty's deadline ("date", "period") or None."""
    if deadline_type == DEADLINE_DATE and not date:
        return "date"
    if deadline_type == DEADLINE_PERIOD and not periods:
        return "period"
    return None


def is_overdue(state, deadline, today, plan_state, lead_type=LEAD_UNIT):
    """An assigned, open duty past its deadline (a duty without a date is
    never overdue)."""
    return bool(
        plan_state in ASSIGNED_PLAN_STATES
        and is_carried_out(lead_type)
        and state in OPEN_STATES
        and deadline
        and today
        and deadline < today
    )


def reported_in_period(deadline_type, periods, period):
    """Whether a duty belongs on a report of ``period`` ("monthly" ...; None
    or "request": a report on request, which asks about every duty).

    A duty reported every period belongs on the reports of its periods and
    of the longer ones, which cover them ("6 tháng, hằng năm": the 6-month
    and yearly reports, not the monthly or quarterly ones); every other duty
    belongs on every report until it is done.
    """
    if deadline_type != DEADLINE_PERIOD or period not in PERIOD_MONTHS:
        return True
    return any(
        PERIOD_MONTHS[p] <= PERIOD_MONTHS[period] for p in periods if p in PERIOD_MONTHS
    )


def duty_bucket(done, date_done, deadline, as_of):
    """The government's status bucket of a duty on a given day (Decree 09).

    A done duty is on time when it was done on or before its deadline; an open
    duty is overdue once ``as_of`` is past its deadline. Dates may be None: a
    duty without a deadline is never late.
    """
    if done:
        return done_state(date_done, deadline)
    if deadline and as_of and as_of > deadline:
        return "overdue"
    return "in_progress"


def line_status(duty_state):
    """The status a new report line starts from, for a duty's state."""
    if duty_state in DONE_STATES:
        return "done"
    if duty_state == "progress":
        return "progress"
    return "not_started"


def duty_report_state(current, line_status_, progress, done_on, deadline):
    """The state a duty takes from an approved report line (None: unchanged)."""
    if current not in OPEN_STATES:
        return None
    if line_status_ == "done":
        return done_state(done_on, deadline)
    if line_status_ == "progress" or progress:
        return "progress"
    return None

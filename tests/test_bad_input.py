"""Any input, a clear answer (issue 9, item 7).

One table of what a client can send to gov_plan's models, methods and
wizards: each row is called as Odoo's RPC calls it (odoo.service.model
execute_cr, then odoo.api.call_kw: the user's uid, an empty context unless
the row gives one), as a real user of tests/common.py, never the superuser.
Each row expects a UserError, ValidationError or AccessError (a psycopg2
error, TypeError, ValueError, KeyError ... fails the row), and that no table
of gov_plan changed: nothing is half-written.

Before this change (the same file run with models/gov_plan_input.py,
wizards/gov_plan_wizard_input.py and hardening/rpc_input.py not imported),
every one of the 192 rows failed: 147 with a server error (psycopg2's
InvalidTextRepresentation, NumericValueOutOfRange, ForeignKeyViolation,
DatetimeFieldOverflow, NotNullViolation, UniqueViolation ...; ValueError,
TypeError, AttributeError, KeyError, IndexError, AssertionError), 36 took the
bad value (a list saved as the text "['x']", 5,000,000 working days, year 1,
unknown fields and an x2many "abc" ignored), and 9 were refused with a
misleading message (an AccessError "security restrictions" for the id 0 or
1.5, a MissingError for 2**31). Of the other tests, the two of normal use
passed; the others failed.
"""

import contextlib
import xmlrpc.client

import werkzeug.test
from psycopg2 import sql

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service import model as model_service
from odoo.service import wsgi_server
from odoo.tests.common import TransactionCase, get_db_name

from .common import GovPlanCase
from .security_common import committed_user

V, U, A = ValidationError, UserError, AccessError
BIG = 2**31  # one past PostgreSQL's integer
NONE = 2**31 - 1  # a valid id that no record has


class R(object):
    """The id of a fixture of the case, in a row: R("plan")."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "R(%r)" % self.name


def resolve(case, value):
    if isinstance(value, R):
        return getattr(case, value.name).id
    if isinstance(value, list):
        return [resolve(case, item) for item in value]
    if isinstance(value, tuple):
        return tuple(resolve(case, item) for item in value)
    if isinstance(value, dict):
        return {key: resolve(case, item) for key, item in value.items()}
    return value


def plan_vals(**vals):
    values = {
        "title": "Kế hoạch kiểm thử",
        "agency_id": R("agency"),
        "document_type_id": R("type_kh"),
        "unit_id": R("unit_a"),
        "date": "2024-04-05",
    }
    values.update(vals)
    return {key: value for key, value in values.items() if value is not None}


def duty_vals(**vals):
    values = {"name": "Nhiệm vụ", "unit_id": R("unit_a"), "date_deadline": "2024-12-01"}
    values.update(vals)
    return values


def wizard_vals(**vals):
    values = {
        "plan_id": R("issued"),
        "period_type": "monthly",
        "year": "2024",
        "index": 1,
        "deadline_days": 2,
    }
    values.update(vals)
    return values


def report_vals(**vals):
    values = {
        "plan_id": R("issued"),
        "unit_id": R("unit_a"),
        "period_type": "quarterly",
        "date_from": "2024-03-15",
        "date_to": "2024-06-14",
    }
    values.update(vals)
    return values


def request_vals(**vals):
    values = {
        "name": "Đợt kiểm thử",
        "plan_id": R("issued"),
        "date_from": "2024-01-01",
        "date_to": "2024-06-14",
        "date_deadline": "2024-06-20",
    }
    values.update(vals)
    return values


P, D, RP, LN = R("plan"), R("duty"), R("report"), R("line")


def duties(*commands):
    return {"duty_ids": list(commands)}


def units(*commands):
    return {"coordinating_unit_ids": list(commands)}


PLAN, DUTY, LINE = "gov.plan", "gov.plan.duty", "gov.plan.report.line"
WIZ = "gov.plan.period.wizard"

# (category, user, model, method, args, kwargs, exception, text in the message)
ROWS = [
    # --- the ids of a method call
    ("ids", "staff_a", PLAN, "action_submit", [["abc"]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", ["abc"], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[[1]]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[{}]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[True]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[BIG]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[0]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[-1]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[1.5]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [[P, "x"]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "action_submit", [], {}, U, "give the list"),
    ("ids", "staff_a", PLAN, "read", [["abc"], ["title"]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "write", [["abc"], {"title": "y"}], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "unlink", [["abc"]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "copy", [["abc"]], {}, V, "ids"),
    ("ids", "staff_a", PLAN, "name_get", [["abc"]], {}, V, "ids"),
    ("ids", "leader", PLAN, "action_approve", [[BIG]], {}, V, "ids"),
    ("ids", "clerk", PLAN, "action_issue", [["1"]], {}, V, "ids"),
    ("ids", "head_a", "gov.plan.report", "action_accept", [["abc"]], {}, V, "ids"),
    ("ids", "staff_a", "gov.plan.report", "action_submit", [[{}]], {}, V, "ids"),
    ("ids", "leader", "gov.plan.report.request", "action_open", [["x"]], {}, V, "ids"),
    # --- methods and their arguments
    ("call", "staff_a", PLAN, "nope", [[P]], {}, U, "no method"),
    ("call", "staff_a", PLAN, "title", [[P]], {}, U, "no method"),
    ("call", "staff_a", PLAN, "create", [], {}, U, "does not take"),
    ("call", "leader", PLAN, "action_cancel", [[P]], {"nope": 1}, U, "does not take"),
    ("call", "staff_a", PLAN, "action_submit", [[P], 1, 2], {}, U, "context"),
    ("call", "staff_a", PLAN, "action_submit", [[P]], {"context": ["x"]}, U, "context"),
    ("call", "staff_a", PLAN, "search", [[]], {"context": {"lang": 123}}, U, "lang"),
    (
        "call",
        "staff_a",
        DUTY,
        "search",
        [[("is_overdue", "=", True)]],
        {"context": {"gov_today": "abc"}},
        V,
        "gov_today",
    ),
    (
        "call",
        "staff_a",
        PLAN,
        "action_view_duties",
        [[P, R("issued")]],
        {},
        U,
        "one record at a time",
    ),
    (
        "call",
        "staff_a",
        DUTY,
        "action_request_extension",
        [[R("duty_b"), D]],
        {},
        U,
        "one record at a time",
    ),
    (
        "call",
        "staff_a",
        PLAN,
        "action_open_reason",
        [[P, R("issued")]],
        {},
        U,
        "one record at a time",
    ),
    (
        "call",
        "staff_a",
        "gov.plan.holiday",
        "add_working_days",
        ["2024-01-01", 3],
        {},
        A,
        "cannot be called remotely",
    ),
    (
        "call",
        "staff_a",
        "gov.plan.report",
        "create_consolidated",
        [R("issued"), "2024-01-01", "2024-12-31"],
        {},
        A,
        "cannot be called remotely",
    ),
    (
        "call",
        "staff_a",
        "report.gov_plan.report_gov_plan",
        "get_report_values",
        [["abc"]],
        {},
        V,
        "ids",
    ),
    # --- reasons of the workflow steps
    (
        "reason",
        "leader",
        PLAN,
        "action_cancel",
        [[R("submitted")]],
        {"reason": 123},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "leader",
        PLAN,
        "action_cancel",
        [[R("submitted")]],
        {"reason": ["x"]},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "leader",
        PLAN,
        "action_cancel",
        [[R("submitted")], 123],
        {},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "staff_a",
        PLAN,
        "action_back_to_draft",
        [[R("submitted")]],
        {"reason": 123},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "staff_a",
        PLAN,
        "action_back_to_draft",
        [[R("submitted")]],
        {"reason": ["x"]},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "leader",
        PLAN,
        "action_back_to_draft",
        [[R("submitted")]],
        {"reason": True},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "head_a",
        "gov.plan.report",
        "action_return",
        [[R("report_sent")]],
        {"reason": 123},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "head_a",
        "gov.plan.report",
        "action_return",
        [[R("report_sent")]],
        {"reason": {"a": 1}},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "leader",
        "gov.plan.duty.extension",
        "action_refuse",
        [[R("extension")]],
        {"reason": ["x"]},
        U,
        "reason must be a text",
    ),
    (
        "reason",
        "leader",
        "gov.plan.duty.extension",
        "action_refuse",
        [[R("extension")]],
        {"reason": {"a": 1}},
        U,
        "reason must be a text",
    ),
    # --- many2one values
    (
        "many2one",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(unit_id="abc")],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(unit_id=[])],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(unit_id={})],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(unit_id=BIG)],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(unit_id=NONE)],
        {},
        V,
        "no record with the id",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "write",
        [[P], {"agency_id": "abc"}],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "write",
        [[P], {"agency_id": True}],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "write",
        [[P], {"agency_id": [1, 2]}],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "write",
        [[P], {"agency_id": -5}],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        PLAN,
        "write",
        [[P], {"signer_id": NONE}],
        {},
        V,
        "no record with the id",
    ),
    (
        "many2one",
        "staff_a",
        "gov.plan.duty.extension",
        "create",
        [{"duty_id": "abc", "date_new": "2025-01-01", "reason": "r"}],
        {},
        V,
        "id of a record",
    ),
    (
        "many2one",
        "staff_a",
        LINE,
        "write",
        [[LN], {"duty_id": 1.5}],
        {},
        V,
        "id of a record",
    ),
    # --- integer values
    ("integer", "staff_a", DUTY, "write", [[D], {"sequence": BIG}], {}, V, "range"),
    (
        "integer",
        "staff_a",
        DUTY,
        "write",
        [[D], {"sequence": -BIG - 1}],
        {},
        V,
        "range",
    ),
    (
        "integer",
        "staff_a",
        DUTY,
        "write",
        [[D], {"sequence": "abc"}],
        {},
        V,
        "whole number",
    ),
    (
        "integer",
        "staff_a",
        DUTY,
        "write",
        [[D], {"sequence": []}],
        {},
        V,
        "whole number",
    ),
    (
        "integer",
        "staff_a",
        DUTY,
        "write",
        [[D], {"sequence": {}}],
        {},
        V,
        "whole number",
    ),
    (
        "integer",
        "staff_a",
        DUTY,
        "write",
        [[D], {"sequence": 1.5}],
        {},
        V,
        "whole number",
    ),
    ("integer", "staff_a", LINE, "write", [[LN], {"progress": BIG}], {}, V, "range"),
    (
        "integer",
        "staff_a",
        LINE,
        "write",
        [[LN], {"progress": "abc"}],
        {},
        V,
        "whole number",
    ),
    (
        "integer",
        "staff_a",
        "gov.plan.item",
        "write",
        [[R("item")], {"sequence": "10"}],
        {},
        V,
        "whole number",
    ),
    (
        "integer",
        "manager",
        "gov.plan.register",
        "create",
        [{"agency_id": R("agency"), "year": BIG}],
        {},
        V,
        "range",
    ),
    (
        "integer",
        "leader",
        "gov.plan.reason.wizard",
        "create",
        [
            {
                "res_model": PLAN,
                "res_id": "abc",
                "action": "action_cancel",
                "reason": "x",
            }
        ],
        {},
        V,
        "whole number",
    ),
    (
        "integer",
        "leader",
        "gov.plan.reason.wizard",
        "create",
        [{"res_model": PLAN, "res_id": BIG, "action": "action_cancel", "reason": "x"}],
        {},
        V,
        "range",
    ),
    # --- dates
    (
        "date",
        "staff_a",
        PLAN,
        "write",
        [[P], {"date": "2024-02-30"}],
        {},
        V,
        "not a day of the calendar",
    ),
    (
        "date",
        "staff_a",
        PLAN,
        "write",
        [[P], {"date": "0001-01-01"}],
        {},
        V,
        "between 01/01/1900 and 31/12/9999",
    ),
    (
        "date",
        "staff_a",
        PLAN,
        "write",
        [[P], {"date": "1899-12-31"}],
        {},
        V,
        "between 01/01/1900",
    ),
    (
        "date",
        "staff_a",
        PLAN,
        "write",
        [[P], {"date": "99999-01-01"}],
        {},
        V,
        "YYYY-MM-DD",
    ),
    ("date", "staff_a", PLAN, "write", [[P], {"date": "abc"}], {}, V, "YYYY-MM-DD"),
    ("date", "staff_a", PLAN, "write", [[P], {"date": 20240101}], {}, V, "YYYY-MM-DD"),
    ("date", "staff_a", PLAN, "write", [[P], {"date": True}], {}, V, "YYYY-MM-DD"),
    ("date", "staff_a", PLAN, "write", [[P], {"date": []}], {}, V, "YYYY-MM-DD"),
    (
        "date",
        "staff_a",
        DUTY,
        "write",
        [[D], {"date_deadline": "2024-13-01"}],
        {},
        V,
        "not a day of the calendar",
    ),
    (
        "date",
        "staff_a",
        "gov.plan.duty.extension",
        "create",
        [{"duty_id": R("duty_issued"), "date_new": "2025-02-30", "reason": "r"}],
        {},
        V,
        "not a day of the calendar",
    ),
    (
        "date",
        "leader",
        "gov.plan.report.request",
        "create",
        [request_vals(date_to="2024-02-30")],
        {},
        V,
        "not a day of the calendar",
    ),
    (
        "date",
        "staff_a",
        "gov.plan.report",
        "create",
        [report_vals(date_from="0001-01-01")],
        {},
        V,
        "between 01/01/1900",
    ),
    (
        "date",
        "staff_a",
        "gov.plan.external.document",
        "create",
        [
            {
                "name": "75/KH-UBND",
                "date": "20240329",
                "issuer_id": R("province"),
                "title": "x",
            }
        ],
        {},
        V,
        "YYYY-MM-DD",
    ),
    (
        "date",
        "manager",
        "gov.plan.holiday",
        "create",
        [{"name": "Nghỉ bù", "date": 20240902}],
        {},
        V,
        "YYYY-MM-DD",
    ),
    # --- selection values
    (
        "selection",
        "staff_a",
        PLAN,
        "write",
        [[P], {"authority": "ZZ"}],
        {},
        V,
        "not one of the choices",
    ),
    (
        "selection",
        "staff_a",
        PLAN,
        "write",
        [[P], {"authority": ["KT"]}],
        {},
        V,
        "not one of the choices",
    ),
    (
        "selection",
        "staff_a",
        DUTY,
        "write",
        [[D], {"lead_type": "weekly"}],
        {},
        V,
        "not one of the choices",
    ),
    (
        "selection",
        "staff_a",
        DUTY,
        "write",
        [[D], {"deadline_type": "never"}],
        {},
        V,
        "not one of the choices",
    ),
    (
        "selection",
        "staff_a",
        LINE,
        "write",
        [[LN], {"status": "x"}],
        {},
        V,
        "not one of the choices",
    ),
    (
        "selection",
        "staff_a",
        "gov.plan.report",
        "write",
        [[RP], {"period_type": "w"}],
        {},
        V,
        "not one of the choices",
    ),
    (
        "selection",
        "staff_a",
        "gov.plan.item",
        "create",
        [{"plan_id": P, "level": "x", "name": "n"}],
        {},
        V,
        "not one of the choices",
    ),
    (
        "selection",
        "staff_a",
        "gov.plan.report",
        "create",
        [report_vals(report_type="nope")],
        {},
        V,
        "not one of the choices",
    ),
    # --- texts and booleans
    ("text", "staff_a", PLAN, "write", [[P], {"title": ["x"]}], {}, V, "a text"),
    ("text", "staff_a", PLAN, "write", [[P], {"title": {"a": 1}}], {}, V, "a text"),
    ("text", "staff_a", PLAN, "write", [[P], {"place": 12}], {}, V, "a text"),
    ("text", "staff_a", PLAN, "write", [[P], {"signer_title": True}], {}, V, "a text"),
    ("text", "staff_a", PLAN, "write", [[P], {"basis_intro": "a\x00b"}], {}, V, "NUL"),
    (
        "text",
        "staff_a",
        "gov.plan.report",
        "write",
        [[RP], {"difficulties": ["x"]}],
        {},
        V,
        "a text",
    ),
    (
        "text",
        "staff_a",
        "gov.plan.duty.extension",
        "create",
        [{"duty_id": R("duty_issued"), "date_new": "2025-01-01", "reason": ["x"]}],
        {},
        V,
        "a text",
    ),
    (
        "text",
        "leader",
        "gov.plan.reason.wizard",
        "create",
        [{"res_model": PLAN, "res_id": P, "action": "action_cancel", "reason": ["x"]}],
        {},
        V,
        "a text",
    ),
    (
        "text",
        "staff_a",
        PLAN,
        "write",
        [[P], {"active": "abc"}],
        {},
        V,
        "true or false",
    ),
    # --- unknown fields, values that are not values, required fields
    ("fields", "staff_a", PLAN, "write", [[P], {"nope": 1}], {}, V, "has no field"),
    ("fields", "staff_a", PLAN, "create", [plan_vals(nope=1)], {}, V, "has no field"),
    ("fields", "staff_a", PLAN, "write", [[P], "notadict"], {}, V, "dictionary"),
    ("fields", "staff_a", PLAN, "write", [[P], ["title"]], {}, V, "dictionary"),
    ("fields", "staff_a", PLAN, "create", ["notadict"], {}, V, "dictionary"),
    ("fields", "staff_a", PLAN, "create", [[plan_vals()]], {}, V, "dictionary"),
    ("fields", "staff_a", PLAN, "write", [[P], {"title": False}], {}, V, "required"),
    ("fields", "staff_a", PLAN, "create", [plan_vals(title=False)], {}, V, "required"),
    (
        "fields",
        "staff_a",
        "gov.plan.external.document",
        "create",
        [{"name": "75/KH-UBND", "date": "2024-03-29", "title": "x"}],
        {},
        V,
        "required",
    ),
    ("fields", "staff_a", PLAN, "copy", [[P]], {"default": "x"}, V, "dictionary"),
    (
        "fields",
        "staff_a",
        PLAN,
        "copy",
        [[P]],
        {"default": {"date": "2024-02-30"}},
        V,
        "not a day of the calendar",
    ),
    # --- x2many commands, recursively
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], {"duty_ids": "abc"}],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], {"duty_ids": ["abc"]}],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((0, 0, "x"))],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((0,))],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], {"duty_ids": [[]]}],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], {"duty_ids": [{}]}],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], {"duty_ids": [5]}],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((7, 0, 0))],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((6, 0, "abc"))],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((1, "abc", {}))],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((2, "abc"))],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((1, NONE, {"name": "z"}))],
        {},
        V,
        "no record with the id",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((0, 0, duty_vals(unit_id="abc")))],
        {},
        V,
        "id of a record",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((0, 0, duty_vals(date_deadline="2024-02-30")))],
        {},
        V,
        "not a day of the calendar",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((0, 0, duty_vals(sequence=BIG)))],
        {},
        V,
        "range",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "write",
        [[P], duties((1, D, {"sequence": "x"}))],
        {},
        V,
        "whole number",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "create",
        [
            plan_vals(
                duty_ids=[(0, 0, duty_vals(coordinating_unit_ids=[(6, 0, ["x"])]))]
            )
        ],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(recipient_ids=[(0, 0, {"agency_id": "x"})])],
        {},
        V,
        "id of a record",
    ),
    (
        "x2many",
        "staff_a",
        DUTY,
        "write",
        [[D], units((6, 0, ["abc"]))],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        DUTY,
        "write",
        [[D], units((6, 0, [BIG]))],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        DUTY,
        "write",
        [[D], units((6, 0, [NONE]))],
        {},
        V,
        "no record with the id",
    ),
    (
        "x2many",
        "staff_a",
        DUTY,
        "write",
        [[D], units((4, "abc"))],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        DUTY,
        "write",
        [[D], units((4, NONE))],
        {},
        V,
        "no record with the id",
    ),
    (
        "x2many",
        "staff_a",
        DUTY,
        "write",
        [[D], units((3, "x"))],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        DUTY,
        "write",
        [[D], units((6, 0, None))],
        {},
        V,
        "list of commands",
    ),
    (
        "x2many",
        "staff_a",
        LINE,
        "write",
        [[LN], {"attachment_ids": [(6, 0, ["x"])]}],
        {},
        V,
        "not the id of a record",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(unit_id=None)],
        {"context": {"default_unit_id": "abc"}},
        V,
        "id of a record",
    ),
    (
        "x2many",
        "staff_a",
        PLAN,
        "create",
        [plan_vals(unit_id=None)],
        {"context": {"default_unit_id": NONE}},
        V,
        "no record with the id",
    ),
    # --- the period wizard
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(deadline_days=5000000)],
        {},
        V,
        "at most 250 working days",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(deadline_days=BIG)],
        {},
        V,
        "range",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(deadline_days=0)],
        {},
        V,
        "at least one working day",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(index=0)],
        {},
        V,
        "no such period",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(index=99)],
        {},
        V,
        "no such period",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(index="x")],
        {},
        V,
        "whole number",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(index=-1)],
        {},
        V,
        "no such period",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(period_type="quarterly", index=5)],
        {},
        V,
        "no such period",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(year="1800")],
        {},
        V,
        "not one of the choices",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(year=1800)],
        {},
        V,
        "not one of the choices",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(period_type="weekly")],
        {},
        V,
        "not one of the choices",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "create",
        [wizard_vals(plan_id="abc")],
        {},
        V,
        "id of a record",
    ),
    (
        "wizard",
        "leader",
        WIZ,
        "write",
        [[R("wizard")], {"index": 13}],
        {},
        V,
        "no such period",
    ),
    # --- unique constraints: their own message, not an IntegrityError
    (
        "unique",
        "manager",
        "gov.plan.document.type",
        "create",
        [{"name": "Kế hoạch (trùng)", "code": "KH"}],
        {},
        V,
        "own abbreviation",
    ),
    (
        "unique",
        "manager",
        "gov.plan.document.type",
        "write",
        [[R("type_bc")], {"code": "KH"}],
        {},
        V,
        "own abbreviation",
    ),
    (
        "unique",
        "manager",
        "gov.plan.holiday",
        "create",
        [{"name": "Quốc khánh (trùng)", "date": "2025-09-02"}],
        {},
        V,
        "already a holiday",
    ),
    (
        "unique",
        "manager",
        "gov.plan.register",
        "create",
        [{"agency_id": R("agency"), "year": 2030}],
        {},
        V,
        "already a counter",
    ),
    # --- searches, groupings, reads
    (
        "search",
        "staff_a",
        PLAN,
        "search_read",
        [[("nope", "=", 1)]],
        {},
        V,
        "has no field",
    ),
    (
        "search",
        "staff_a",
        DUTY,
        "search_read",
        [[("plan_id.nope", "=", 1)]],
        {},
        V,
        "has no field",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "search",
        [[("id", "=", "abc")]],
        {},
        V,
        "cannot be compared",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "search",
        [[("date", "=", "2024-02-30")]],
        {},
        V,
        "cannot be compared",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "search_count",
        [[("date", ">", 20240101)]],
        {},
        V,
        "cannot be compared",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "search",
        [[("title", "=", {"a": 1})]],
        {},
        V,
        "cannot be compared",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "search",
        [[("state", "nope", "draft")]],
        {},
        V,
        "not an operator",
    ),
    ("search", "staff_a", PLAN, "search", ["abc"], {}, V, "search filter"),
    (
        "search",
        "staff_a",
        PLAN,
        "search",
        [[]],
        {"order": "nope"},
        V,
        "cannot be sorted",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "search",
        [[]],
        {"order": "date; DROP TABLE gov_plan"},
        V,
        "sort order",
    ),
    ("search", "staff_a", PLAN, "search", [[]], {"limit": "x"}, V, "whole number"),
    ("search", "staff_a", PLAN, "search", [[]], {"offset": -1}, V, "whole number"),
    (
        "search",
        "staff_a",
        PLAN,
        "name_search",
        [],
        {"operator": "nope"},
        V,
        "not an operator",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "read_group",
        [[], ["nope"], ["nope"]],
        {},
        V,
        "cannot be grouped",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "read_group",
        [[], ["date"], ["date:fortnight"]],
        {},
        V,
        "cannot be grouped",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "read_group",
        [[], ["title"], ["date"]],
        {},
        V,
        "cannot be grouped",
    ),
    (
        "search",
        "leader",
        "gov.plan.duty.analysis",
        "read_group",
        [[], ["unit_id"], ["unit_id"]],
        {"orderby": "unit_id; x"},
        V,
        "sort order",
    ),
    ("search", "staff_a", PLAN, "export_data", [[P], ["nope"]], {}, V, "has no field"),
    ("search", "staff_a", PLAN, "read", [[P], 123], {}, V, "field names"),
    ("search", "staff_a", PLAN, "default_get", [5], {}, V, "field names"),
    ("search", "staff_a", PLAN, "fields_get", [5], {}, V, "field names"),
    (
        "search",
        "staff_a",
        PLAN,
        "check_access_rights",
        ["nope"],
        {},
        U,
        "not an access right",
    ),
    ("search", "staff_a", PLAN, "export_data", [[P], "title"], {}, V, "field names"),
    (
        "search",
        "staff_a",
        PLAN,
        "export_data",
        [[P], ["unit_id/nope"]],
        {},
        V,
        "has no field",
    ),
    ("search", "staff_a", PLAN, "load", [["nope"], [["x"]]], {}, V, "has no field"),
    ("search", "staff_a", PLAN, "load", [["title"], "x"], {}, V, "rows to import"),
    (
        "search",
        "staff_a",
        PLAN,
        "fields_view_get",
        [],
        {"view_id": "abc"},
        V,
        "id of a record",
    ),
    (
        "search",
        "staff_a",
        PLAN,
        "load_views",
        [[["abc", "form"]]],
        {},
        V,
        "id of a record",
    ),
    ("search", "staff_a", PLAN, "load_views", ["x"], {}, V, "list of [view id"),
    # --- the chatter's methods on gov_plan's records
    (
        "chatter",
        "staff_a",
        PLAN,
        "message_post",
        [[P]],
        {"body": "x", "attachment_ids": ["abc"]},
        V,
        "attachment_ids",
    ),
    (
        "chatter",
        "staff_a",
        PLAN,
        "message_subscribe_users",
        [[P]],
        {"user_ids": ["abc"]},
        V,
        "user_ids",
    ),
    (
        "chatter",
        "staff_a",
        PLAN,
        "message_subscribe",
        [[P]],
        {"partner_ids": [BIG]},
        V,
        "partner_ids",
    ),
    (
        "chatter",
        "staff_a",
        PLAN,
        "default_get",
        [["duty_ids"]],
        {"context": {"default_duty_ids": "abc"}},
        V,
        "list of commands",
    ),
    # --- the form's onchange
    (
        "onchange",
        "staff_a",
        "gov.plan.report",
        "onchange",
        [
            [],
            {"period_type": "monthly", "date_to": "2024-02-30"},
            "date_to",
            {"period_type": "1", "date_to": "1"},
        ],
        {},
        V,
        "not a day of the calendar",
    ),
    (
        "onchange",
        "staff_a",
        PLAN,
        "onchange",
        [[P], {"title": "x"}, "title", {"title": "action_submit()"}],
        {},
        U,
        "changes the model declares",
    ),
    (
        "onchange",
        "staff_a",
        PLAN,
        "onchange",
        [[], {"title": "x"}, [["title"]], {}],
        {},
        U,
        "changes the model declares",
    ),
]


class TestBadInput(GovPlanCase):
    """The table above; one test per row (test_<number>_<category>)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        helper = object.__new__(cls)  # the fixtures' helpers of GovPlanCase
        cls.plan = helper._plan()
        cls.duty = cls.plan.duty_ids.filtered(lambda d: d.unit_id == cls.unit_a)
        cls.duty_b = cls.plan.duty_ids - cls.duty
        cls.item = cls.plan.body_ids[:1]
        cls.submitted = helper._plan()
        cls.submitted.action_submit()
        cls.issued = helper._issued_plan()
        cls.duty_issued = cls.issued.duty_ids.filtered(
            lambda d: d.unit_id == cls.unit_a
        )
        cls.report = helper._unit_report(cls.issued, cls.staff_a, cls.unit_a)
        cls.line = cls.report.line_ids[:1]
        cls.report_sent = helper._unit_report(
            cls.issued, cls.staff_a, cls.unit_a, "2024-06-15", "2024-09-14"
        )
        cls.report_sent.action_submit()
        duty_b = cls.issued.duty_ids - cls.duty_issued
        cls.extension = (
            cls.env["gov.plan.duty.extension"]
            .sudo(cls.staff_b)
            .create({"duty_id": duty_b.id, "date_new": "2024-08-31", "reason": "r"})
        )
        cls.wizard = cls.env[WIZ].sudo(cls.leader).create(resolve(cls, wizard_vals()))
        cls.env["gov.plan.register"].create({"agency_id": cls.agency.id, "year": 2030})
        cls.env.cr.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename LIKE 'gov\\_plan%' ORDER BY tablename"
        )
        cls.tables = [row[0] for row in cls.env.cr.fetchall()] + [
            "mail_message",
            "mail_followers",
            "ir_attachment",
        ]

    def _snapshot(self):
        """Every row of gov_plan's tables (and of the chatter): what a
        refused call must leave as it was."""
        cr = self.env.cr
        state = {}
        for table in self.tables:
            # Raw SQL: the whole table as text; the names come from pg_tables
            cr.execute(
                sql.SQL(
                    "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) "
                    "FROM {} t"
                ).format(sql.Identifier(table))
            )
            state[table] = cr.fetchone()
        return state

    def _check_row(self, row):
        _category, login, model, method, args, kwargs, exception, text = row
        user = getattr(self, login)
        args, kwargs = resolve(self, args), resolve(self, kwargs)
        before = self._snapshot()
        with self.assertRaises(exception) as caught:
            model_service.execute_cr(
                self.env.cr, user.id, model, method, *args, **kwargs
            )
        self.assertIn(text.lower(), str(caught.exception.name).lower())
        self.env.clear()
        self.assertEqual(self._snapshot(), before, "something was written")


def _make_test(row):
    def test(self):
        self._check_row(row)

    test.__doc__ = "%s.%s%r" % (row[2], row[3], (row[4], row[5]))
    return test


for _number, _row in enumerate(ROWS, 1):
    setattr(TestBadInput, "test_%03d_%s" % (_number, _row[0]), _make_test(_row))


class TestGoodInput(GovPlanCase):
    """What the web client and the addon send is still taken."""

    def test_web_client_onchange_with_new_lines(self):
        """The web client names the new lines of a form "virtual_<n>"."""
        plan = self._plan()
        result = plan.sudo(self.staff_a).onchange(
            {
                "title": "x",
                "date": "2024-04-05",
                "duty_ids": [
                    [4, plan.duty_ids[0].id, False],
                    [1, plan.duty_ids[1].id, {"sequence": 3}],
                    [0, "virtual_7", {"name": "Mới", "date_deadline": False}],
                ],
                "recipient_ids": [[6, False, []]],
            },
            "date",
            {"date": "", "title": "", "duty_ids": "", "recipient_ids": ""},
        )
        self.assertIsInstance(result, dict)

    def test_create_write_search_group(self):
        env = self.env(user=self.staff_a.id)
        plan = self._plan(
            duty_ids=[
                (
                    0,
                    0,
                    {
                        "name": "A",
                        "unit_id": self.unit_a.id,
                        "sequence": 3,
                        "date_deadline": "2024-12-14 00:00:00",
                        "coordinating_unit_ids": [(6, 0, [self.unit_b.id])],
                    },
                ),
            ]
        )
        plan.write({"date": "2024-04-06", "place": False, "authority": "TM"})
        found = env[PLAN].search(
            [
                ("date", ">=", "2024-01-01"),
                ("unit_id", "=", "Văn phòng Sở (test)"),
                ("id", "in", [plan.id, False]),
            ],
            order="date desc, id",
            limit=5,
        )
        self.assertEqual(found, plan)
        groups = env[PLAN].read_group([], ["date", "state"], ["date:month"])
        self.assertTrue(groups)
        self.assertTrue(env[PLAN].search_count([("date", ">", "0001-01-01")]))

    def test_report_onchange_past_the_last_period(self):
        """From 16/12/9999 the period is in year 10000: a warning, no error."""
        result = (
            self.env["gov.plan.report"]
            .sudo(self.staff_a)
            .onchange(
                {"period_type": "monthly", "date_to": "9999-12-20"},
                "date_to",
                {"period_type": "1", "date_to": "1"},
            )
        )
        self.assertIn("14/12/9999", result["warning"]["message"])


class TestOtherPaths(GovPlanCase):
    def test_records_browsed_from_a_controller(self):
        """/web/dataset/resequence browses the ids the client sent and writes
        the sequence: no RPC check on the way."""
        duties = self.env[DUTY].sudo(self.staff_a).browse(["abc"])
        with self.assertRaisesRegex(ValidationError, "ids"):
            duties.write({"sequence": 1})
        with self.assertRaisesRegex(ValidationError, "ids"):
            duties.read(["name"])

    def test_numbers_in_system_parameters(self):
        """What the administrator typed in a system parameter is read with
        int(): the period wizard would not open, the reminders not run."""
        parameters = self.env["ir.config_parameter"]
        parameters.set_param("gov_plan.report_deadline_days", "hai")
        with self.assertRaisesRegex(UserError, "report_deadline_days"):
            model_service.execute_cr(
                self.env.cr, self.leader.id, WIZ, "default_get", ["deadline_days"]
            )
        parameters.set_param("gov_plan.escalation_bands", "30, 60, một trăm")
        with self.assertRaisesRegex(UserError, "escalation_bands"):
            self.env["gov.plan.reminder"]._cron_send(today="2024-07-01")

    def test_xmlrpc_gets_a_result_from_toggle_active(self):
        """Odoo 11's toggle_active returns None, which XML-RPC cannot send."""
        plan = self._plan()
        self.assertIs(
            model_service.execute_cr(
                self.env.cr, self.staff_a.id, PLAN, "toggle_active", [plan.id]
            ),
            True,
        )
        self.assertFalse(plan.active)


class TestVietnamese(GovPlanCase):
    """The messages come in the user's language, with or without a context."""

    def test_messages_in_the_users_language(self):
        self.staff_a.lang = "vi_VN"
        plan = self._plan()
        with self.assertRaises(ValidationError) as caught:
            model_service.execute_cr(
                self.env.cr,
                self.staff_a.id,
                PLAN,
                "write",
                [plan.id],
                {"date": "2024-02-30"},
            )
        self.assertEqual(
            caught.exception.name,
            "Ngày: '2024-02-30' không phải là một ngày có thật trên lịch.",
        )

    def test_unique_message_in_the_context_language(self):
        """The web client sends its language in the context."""
        with self.assertRaises(ValidationError) as caught:
            model_service.execute_cr(
                self.env.cr,
                self.manager.id,
                "gov.plan.document.type",
                "create",
                {"name": "Trùng", "code": "KH"},
                context={"lang": "vi_VN"},
            )
        self.assertEqual(
            caught.exception.name, "Mỗi loại văn bản phải có chữ viết tắt riêng."
        )


@contextlib.contextmanager
def _vietnamese_manager(registry):
    login, password = "gp_rpc_vi_manager", "rpc-Passw0rd-vi"
    groups = ("base.group_user", "gov_plan.group_gov_plan_manager")
    with committed_user(registry, login, password, groups) as uid:
        with registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["res.users"].browse(uid).write(
                {"lang": "vi_VN"}
            )
        yield uid, password


class TestXmlRpc(TransactionCase):
    """A real XML-RPC request, through Odoo's WSGI handler (no server)."""

    def _xmlrpc(self, uid, password, model, method, args):
        body = xmlrpc.client.dumps(
            (get_db_name(), uid, password, model, method, args), "execute_kw"
        )
        environ = werkzeug.test.EnvironBuilder(
            path="/xmlrpc/2/object",
            method="POST",
            data=body,
            content_type="text/xml",
        ).get_environ()
        chunks = wsgi_server.wsgi_xmlrpc(environ, lambda *a, **k: None)
        return xmlrpc.client.loads(b"".join(chunks))[0][0]

    def test_sql_constraint_in_vietnamese_over_xmlrpc(self):
        """No context: Odoo 11 would answer in English (it translates an SQL
        constraint's message only for a context's lang) and, for any
        ValidationError, with a Fault carrying the server's traceback."""
        with _vietnamese_manager(self.registry) as (uid, password):
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self._xmlrpc(
                    uid,
                    password,
                    "gov.plan.document.type",
                    "create",
                    [{"name": "Kế hoạch (trùng)", "code": "KH"}],
                )
            fault = caught.exception
            self.assertEqual(fault.faultCode, wsgi_server.RPC_FAULT_CODE_WARNING)
            self.assertEqual(
                fault.faultString, "Mỗi loại văn bản phải có chữ viết tắt riêng."
            )
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self._xmlrpc(
                    uid,
                    password,
                    "gov.plan.holiday",
                    "create",
                    [{"name": "Quốc khánh (trùng)", "date": "2025-09-02"}],
                )
            self.assertEqual(
                caught.exception.faultString, "Ngày này đã là ngày nghỉ lễ."
            )
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self._xmlrpc(uid, password, PLAN, "action_submit", [["abc"]])
            self.assertNotIn("Traceback", caught.exception.faultString)
            self.assertIn("không phải 'abc'", caught.exception.faultString)
            # and a good call still answers
            types = self._xmlrpc(
                uid,
                password,
                "gov.plan.document.type",
                "search_read",
                [[("code", "=", "KH")], ["code"]],
            )
            self.assertEqual([t["code"] for t in types], ["KH"])

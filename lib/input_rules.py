"""What a client may send for a field, as plain functions: no database.

Odoo 11 hands the values of ``create``/``write``, the ids of a method call
and the leaves of a search to PostgreSQL or to Python's date functions as
they come: a string as an id, 2**31 as an integer, "2024-02-30" as a date or
a list as a text ends in a server error (a psycopg2 error, a TypeError, a
ValueError ...) instead of a message. These checks say what is wrong first.

Each check raises ``InputError(code, **details)``; the models turn the code
into a translated message (models/gov_plan_input_mixin.py). A field is
described by its Odoo type and, for a selection, its allowed values.
"""

import datetime
import math
import re

# PostgreSQL "integer" (int4): Odoo's Integer fields and every id column.
INT_MIN = -(2 ** 31)
INT_MAX = 2 ** 31 - 1
# PostgreSQL "bigint": LIMIT and OFFSET.
BIGINT_MAX = 2 ** 63 - 1
# The dates the addon computes with: periods, deadlines and prints work on
# them without overflowing Python's dates (year 1 to 9999).
FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(9999, 12, 31)

TEXT_TYPES = ("char", "text", "html")
X2MANY_TYPES = ("one2many", "many2many")
# Types whose column takes 0 or False for "empty": never NULL.
NEVER_EMPTY_TYPES = ("boolean", "integer", "float", "monetary")

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME_RE = re.compile(r"^(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$")

# What Odoo 11's osv.expression accepts (with '<>' and '==' normalised).
TERM_OPERATORS = (
    "=",
    "!=",
    "<=",
    "<",
    ">",
    ">=",
    "=?",
    "=like",
    "=ilike",
    "like",
    "not like",
    "ilike",
    "not ilike",
    "in",
    "not in",
    "child_of",
    "parent_of",
    "<>",
    "==",
)
DOMAIN_OPERATORS = ("&", "|", "!")
# Values compared with a column: PostgreSQL can adapt these.
SCALARS = (str, int, float, bool, datetime.date, type(None))
# One item of an ORDER BY, as Odoo 11's regex_order takes it ("date desc").
_ORDER_RE = re.compile(
    r'^\s*"?([a-z0-9_]+)(:[a-z0-9_]+)?"?(\s+(asc|desc))?\s*$', re.IGNORECASE
)
GROUPBY_INTERVALS = ("day", "week", "month", "quarter", "year")
PERIOD_INDEX_MAX = {"monthly": 12, "quarterly": 4, "half_yearly": 2}
# The last day a reporting period can contain: from the 15th of December a
# day belongs to the next year's periods, and year 10000 has no dates.
PERIOD_LAST_DAY = datetime.date(9999, 12, 14)
# Working days between a cut-off and its deadline: about a working year.
DEADLINE_DAYS_MAX = 250


class InputError(ValueError):
    """A value a client sent that the field cannot take.

    ``code`` names the rule broken (the models translate it), ``details``
    carries what the message needs (the value, the bounds ...).
    """

    def __init__(self, code, **details):
        super().__init__(code, details)
        self.code = code
        self.details = details


def short(value, size=60):
    """The value as the message shows it: its repr, cut to ``size`` chars."""
    text = repr(value)
    return text if len(text) <= size else text[: size - 3] + "..."


def is_empty(value):
    """False and None clear a field (Odoo writes NULL, or 0 for numbers)."""
    return value is False or value is None


def is_int(value):
    """An int that is not a bool (True is an int in Python, not a number)."""
    return isinstance(value, int) and not isinstance(value, bool)


def check_text(value):
    if is_empty(value):
        return
    if not isinstance(value, str):
        raise InputError("text", value=value)
    if "\x00" in value:
        raise InputError("nul", value=value)


def check_integer(value, low=INT_MIN, high=INT_MAX):
    if is_empty(value):
        return
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if not is_int(value):
        raise InputError("integer", value=value)
    if not low <= value <= high:
        raise InputError("integer_range", value=value, low=low, high=high)


def check_float(value):
    if is_empty(value):
        return
    if not (is_int(value) or isinstance(value, float)) or not math.isfinite(value):
        raise InputError("float", value=value)


def check_boolean(value):
    if is_empty(value) or isinstance(value, bool):
        return
    if is_int(value) and value in (0, 1):
        return
    raise InputError("boolean", value=value)


def _in_range(day, value):
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError("date_range", value=value, first=FIRST_DAY, last=LAST_DAY)


def _split_moment(value, code):
    """(date, time or None) of "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS": a day
    of the calendar, any year from 1 to 9999."""
    if not isinstance(value, str):
        raise InputError(code, value=value)
    head, _sep, tail = value.partition(" ")
    date_match = _DATE_RE.match(head)
    time_match = _TIME_RE.match(tail) if tail else None
    if not date_match or (tail and not time_match):
        raise InputError(code, value=value)
    try:
        day = datetime.date(*(int(part) for part in date_match.groups()))
        time = (
            datetime.time(*(int(part) for part in time_match.groups()[:3]))
            if time_match
            else None
        )
    except ValueError:
        raise InputError("date_invalid", value=value)
    return day, time


def parse_date(value):
    """The date of a Date field's value ("YYYY-MM-DD", or a date), or None.

    Odoo keeps the first 10 characters of a longer string: a date and time
    ("YYYY-MM-DD HH:MM:SS") is taken as its date.
    """
    if is_empty(value):
        return None
    if isinstance(value, datetime.date):
        day = value.date() if isinstance(value, datetime.datetime) else value
    else:
        day = _split_moment(value, "date")[0]
    _in_range(day, value)
    return day


def parse_datetime(value):
    """The datetime of a Datetime field's value ("YYYY-MM-DD HH:MM:SS", a
    date alone meaning midnight, or a datetime), or None."""
    if is_empty(value):
        return None
    if isinstance(value, datetime.datetime):
        moment = value
    else:
        day, time = _split_moment(value, "datetime")
        moment = datetime.datetime.combine(day, time or datetime.time())
    _in_range(moment.date(), value)
    return moment


def check_selection(value, allowed):
    if is_empty(value):
        return
    if not isinstance(value, SCALARS) or value not in list(allowed):
        raise InputError("selection", value=value, choices=list(allowed))


def check_id(value):
    """A record id: a whole number from 1 to 2**31 - 1 (an int4 column)."""
    if not is_int(value) or not 1 <= value <= INT_MAX:
        raise InputError("id", value=value)
    return value


def check_many2one(value):
    if not is_empty(value):
        check_id(value)


def check_ids(value):
    """The ids of a method call: one id, a list of ids, or none (False,
    None, []). Returns them as a list."""
    if is_empty(value):
        return []
    if is_int(value):
        return [check_id(value)]
    if not isinstance(value, (list, tuple)):
        raise InputError("ids", value=value)
    for item in value:
        if not is_int(item) or not 1 <= item <= INT_MAX:
            raise InputError("ids", value=item)
    return list(value)


def parse_commands(value):
    """The commands of a one2many or many2many value, as (code, id, payload).

    (0, _, values), (1, id, values), (2, id), (3, id), (4, id), (5,),
    (6, _, ids): the id of a 0 is the web client's reference of a new line
    and is not checked; payload is the values of 0 and 1, the ids of 6.
    """
    if is_empty(value):
        return []
    if not isinstance(value, (list, tuple)):
        raise InputError("commands", value=value)
    commands = []
    for command in value:
        if not isinstance(command, (list, tuple)) or not command:
            raise InputError("commands", value=command)
        code = command[0]
        if not is_int(code) or not 0 <= code <= 6:
            raise InputError("commands", value=command)
        if code in (0, 1):
            if len(command) != 3 or not isinstance(command[2], dict):
                raise InputError("commands", value=command)
            if code == 1:
                check_command_id(command[1], command)
            commands.append((code, command[1], command[2]))
        elif code in (2, 3, 4):
            if len(command) not in (2, 3):
                raise InputError("commands", value=command)
            commands.append((code, check_command_id(command[1], command), None))
        elif code == 5:
            if len(command) > 3:
                raise InputError("commands", value=command)
            commands.append((code, None, None))
        else:
            ids = command[2] if len(command) == 3 else None
            if not isinstance(ids, (list, tuple)):
                raise InputError("commands", value=command)
            for item in ids:
                check_command_id(item, command)
            commands.append((code, None, list(ids)))
    return commands


def check_command_id(value, command):
    if not is_int(value) or not 1 <= value <= INT_MAX:
        raise InputError("command_id", value=value, command=command)
    return value


def check_value(field_type, value, selection=None):
    """Check ``value`` for a field of ``field_type``; x2many values are only
    checked for their shape here (parse_commands), their lines by the caller.
    Types this module does not know (binary, reference ...) pass."""
    if field_type in TEXT_TYPES:
        check_text(value)
    elif field_type == "integer":
        check_integer(value)
    elif field_type in ("float", "monetary"):
        check_float(value)
    elif field_type == "boolean":
        check_boolean(value)
    elif field_type == "date":
        parse_date(value)
    elif field_type == "datetime":
        parse_datetime(value)
    elif field_type == "selection":
        check_selection(value, selection or ())
    elif field_type == "many2one":
        check_many2one(value)
    elif field_type in X2MANY_TYPES:
        parse_commands(value)


def missing_required(field_type, value):
    """Whether ``value`` leaves a required field empty (NULL in its column)."""
    return field_type not in NEVER_EMPTY_TYPES and is_empty(value)


def text_argument(value):
    """A text argument of a method (a reason): a string, or nothing."""
    if is_empty(value):
        return None
    check_text(value)
    return value


# ------------------------------------------------------------------ searches
def domain_leaves(domain, records=()):
    """The leaves (path, operator, value) of a search domain, after checking
    its shape: a list of "&", "|", "!" and 3-item conditions whose field is a
    dotted path (Odoo's true and false leaves, (1, "=", 1) and (0, "=", 1),
    are accepted and skipped). ``records``: the classes of the server's own
    values that Odoo takes too (recordsets)."""
    if is_empty(domain):
        return []
    if not isinstance(domain, (list, tuple)):
        raise InputError("domain", value=domain)
    leaves = []
    for item in domain:
        if isinstance(item, str):
            if item not in DOMAIN_OPERATORS:
                raise InputError("domain", value=item)
            continue
        if not isinstance(item, (list, tuple)) or len(item) != 3:
            raise InputError("domain", value=item)
        left, operator, right = item
        if left in (0, 1) and operator == "=" and right == 1:
            continue
        if not isinstance(left, str) or not left:
            raise InputError("domain", value=item)
        if not isinstance(operator, str) or operator.lower() not in TERM_OPERATORS:
            raise InputError("domain_operator", leaf=item, operator=operator)
        check_domain_value(item, right, records)
        leaves.append((left, operator.lower(), right))
    return leaves


def check_domain_value(leaf, value, records=()):
    """What PostgreSQL can take: a scalar or a flat list of scalars."""
    if records and isinstance(value, records):
        return
    items = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    for item in items:
        if not isinstance(item, SCALARS + tuple(records)) or (
            isinstance(item, str) and "\x00" in item
        ):
            raise InputError("domain_value", leaf=leaf, value=value)
        if isinstance(item, float) and not math.isfinite(item):
            raise InputError("domain_value", leaf=leaf, value=value)


def check_domain_term(field_type, leaf):
    """The value of a condition on a stored column of ``field_type``: dates
    that exist, numbers for numbers and ids, texts for texts (Odoo searches
    a many2one by name when it is given a string, so strings pass there; it
    makes a boolean of anything). "like" and "ilike" compare texts: anything
    goes."""
    _path, operator, value = leaf
    if operator in ("like", "not like", "ilike", "not ilike", "=like", "=ilike"):
        return
    items = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    for item in items:
        if is_empty(item) or not isinstance(item, SCALARS):
            continue  # a recordset of the server
        try:
            if field_type in TEXT_TYPES + ("selection",):
                if not isinstance(item, str):
                    raise InputError("text", value=item)
            elif field_type in ("date", "datetime"):
                _check_search_date(item)
            elif field_type in ("integer", "id"):
                if not is_int(item) or not -BIGINT_MAX <= item <= BIGINT_MAX:
                    raise InputError("domain_value", leaf=leaf, value=value)
            elif field_type in ("float", "monetary"):
                check_float(item)
            elif field_type in ("many2one",) + X2MANY_TYPES:
                if not isinstance(item, str):
                    check_search_id(item)
        except InputError:
            raise InputError("domain_value", leaf=leaf, value=value)


def _check_search_date(item):
    """A bound of a search on a date: a real day of any year PostgreSQL and
    Python both know (searching before 1900 is fine, nothing is computed)."""
    if not isinstance(item, datetime.date):
        _split_moment(item, "date")


def check_search_id(value):
    if not is_int(value) or not 0 <= value <= BIGINT_MAX:
        raise InputError("id", value=value)


def order_fields(order):
    """The field names of an ORDER BY text ("date desc, id"), or []."""
    if is_empty(order) or order == "":
        return []
    if not isinstance(order, str):
        raise InputError("order", value=order)
    names = []
    for part in order.split(","):
        match = _ORDER_RE.match(part)
        if not match:
            raise InputError("order", value=order)
        names.append(match.group(1))
    return names


def check_limit(name, value):
    """LIMIT and OFFSET: nothing, or a whole number from 0."""
    if is_empty(value):
        return
    if not is_int(value) or not 0 <= value <= BIGINT_MAX:
        raise InputError("limit", name=name, value=value)


def check_names(value):
    """A list of field names (or paths): read, export, group by."""
    if is_empty(value):
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(name, str) and name for name in value
    ):
        raise InputError("names", value=value)
    return list(value)


def groupby_spec(spec):
    """(field, interval) of a read_group "groupby" ("date:month")."""
    name, _sep, interval = spec.partition(":")
    if interval and interval.lower() not in GROUPBY_INTERVALS:
        raise InputError("groupby", name=spec)
    return name.strip(), interval


# ------------------------------------------------------------ reporting rounds
def check_period(period_type, index):
    """The month (1-12), quarter (1-4) or half (1-2) of a reporting period; a
    yearly period ignores it."""
    high = PERIOD_INDEX_MAX.get(period_type)
    if high is None:
        check_integer(index)
        return
    if not is_int(index) or not 1 <= index <= high:
        raise InputError("period", value=index, high=high)


def check_deadline_days(days):
    """Decree 09: at least one working day between cut-off and deadline."""
    if is_empty(days):
        days = 0
    if not is_int(days):
        raise InputError("integer", value=days)
    if days < 1:
        raise InputError("deadline_days_low", value=days)
    if days > DEADLINE_DAYS_MAX:
        raise InputError("deadline_days_high", value=days, high=DEADLINE_DAYS_MAX)

"""Any input, a clear answer (issue 9, item 7).

Odoo 11 passes what a client sends (XML-RPC, JSON-RPC, the web client) to
PostgreSQL and to Python as it comes: a string as an id, 2**31 as an integer,
"2024-02-30" as a date, a list as a text, an unknown selection value, an
x2many command that is not one all end in a server error ("Odoo Server
Error", a Fault with a traceback). Every gov_plan model and wizard inherits
this mixin (models/gov_plan_input.py): it checks the values against the
model's fields with lib/input_rules.py before anything is written and answers
with a translated ValidationError or UserError.

What is checked where:

- ``create``/``write``/``copy``/``onchange``: types, ranges, real dates,
  selection values, unknown fields and the values of x2many commands,
  recursively (``check_vals``); ``_create`` again after Odoo added the
  defaults (the context's ``default_*`` keys are client input too), with the
  required fields; ``_write`` the required fields (after the models' own
  checks, which say it their way); the ids of the records written or read.
- A method called over RPC or by the web client (``_gov_check_call``,
  through the patch of ``odoo.api.call_kw`` in hardening/rpc_input.py, which
  sees the ids before Odoo browses them): the method exists and may be called
  remotely, the ids, the arguments against its signature, the arguments that
  name records (mail's ``partner_ids`` ...), the context, and that the
  records named in ``create``/``write`` values exist (one query per model).
- Searches and groupings: the domain, the order, limit and offset, the
  fields and groupbys of ``read_group``; the paths of ``export_data`` and
  ``load``; the views of ``load_views``/``fields_view_get``.
- ``ensure_one()`` says what is wrong (a UserError, still a ValueError).
- The unique constraints: Odoo 11 translates their message only when the
  client sends a context with ``lang``; here the user's language is used
  too, and the unique indexes created in ``init()`` get a message.
"""

import contextlib
import inspect

import psycopg2
from psycopg2 import sql

from odoo import SUPERUSER_ID, _, api, models
from odoo.api import split_context
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import MAGIC_COLUMNS, BaseModel, NewId, fix_import_export_id_paths

from ..lib import input_rules
from ..lib.input_rules import InputError

CREATE = "create"  # the values of a new record, as given
INSERT = "insert"  # the same with Odoo's defaults, before the INSERT: required
WRITE = "write"
ONCHANGE = "onchange"  # partial values of a form: no required field, no id


class GovSingletonError(UserError, ValueError):
    """``ensure_one()`` of a gov_plan model: a message the user can read. It
    stays a ValueError for the code that catches Odoo's own error."""


def _selection_values(field, model):
    return field.get_values(model.env) if field.type == "selection" else None


class GovPlanInputMixin(models.AbstractModel):
    _name = "gov.plan.input.mixin"
    _description = "Checks of what clients send"

    # Public methods that take server objects (records, dates) and that only
    # the server calls: refused over RPC. Override to add some.
    _gov_rpc_internal = ()
    # Unique indexes created by init() (not in _sql_constraints), with the
    # key of the _sql_constraints entry whose message they give.
    _gov_unique_indexes = {}

    # Arguments of the public methods (mail's included) that name records: an id,
    # or a list of ids or of x2many commands.
    _gov_id_arguments = ("view_id", "parent_id", "author_id", "subtype_id", "res_id")
    _gov_ids_arguments = (
        "partner_ids",
        "channel_ids",
        "attachment_ids",
        "user_ids",
        "subtype_ids",
        "docids",
    )

    # ----------------------------------------------------------- messages
    def _gov_lang_self(self):
        """``self`` in the language of the answer: the client's context, or
        the user's language (Odoo 11's XML-RPC sends no context)."""
        lang = self.env.context.get("lang") or self.env.user.lang
        return self.with_context(lang=lang) if lang != self.env.lang else self

    def _gov_model_label(self, model=None):
        """The name of ``model`` (default: this one) in this language."""
        name = (model if model is not None else self)._name
        record = self.env["ir.model"].sudo()._get(name)
        return record.name or name

    def _gov_error(self, error, label="", model=None):
        """The ValidationError of an ``InputError``, in the user's language;
        ``model`` is the one whose field is wrong (an x2many line's)."""
        return ValidationError(self._gov_lang_self()._gov_text(error, label, model))

    def _gov_text(self, error, label, model=None):
        details = dict(error.details)
        for key in ("value", "leaf", "command", "operator"):
            if key in details:
                details[key] = input_rules.short(details[key])
        if "choices" in details:
            details["choices"] = ", ".join(
                input_rules.short(c, 20) for c in details["choices"]
            )
        for key in ("first", "last"):
            if key in details:
                details[key] = details[key].strftime("%d/%m/%Y")
        details.update(field=label, model=self._gov_model_label(model))
        texts = {
            "vals": _(
                "%(model)s: the values to save must be a dictionary of field "
                "names and values, not %(value)s."
            ),
            "unknown": _("%(model)s has no field %(name)s."),
            "text": _("%(field)s must be a text, not %(value)s."),
            "nul": _("%(field)s contains a NUL character, which cannot be saved."),
            "integer": _("%(field)s must be a whole number, not %(value)s."),
            "integer_range": _(
                "%(field)s must be between %(low)s and %(high)s; %(value)s is out "
                "of range."
            ),
            "float": _("%(field)s must be a number, not %(value)s."),
            "boolean": _("%(field)s must be true or false, not %(value)s."),
            "date": _("%(field)s must be a date written YYYY-MM-DD, not %(value)s."),
            "datetime": _(
                "%(field)s must be a date and time written YYYY-MM-DD HH:MM:SS, "
                "not %(value)s."
            ),
            "date_invalid": _("%(field)s: %(value)s is not a day of the calendar."),
            "date_range": _(
                "%(field)s must be between %(first)s and %(last)s, not %(value)s."
            ),
            "selection": _(
                "%(field)s: %(value)s is not one of the choices (%(choices)s)."
            ),
            "id": _(
                "%(field)s must be the id of a record (a whole number from 1 to "
                "2147483647), not %(value)s."
            ),
            "commands": _(
                "%(field)s must be a list of commands such as (0, 0, {values}), "
                "(4, id) or (6, 0, [ids]); %(value)s is not one."
            ),
            "command_id": _(
                "%(field)s: in the command %(command)s, %(value)s is not the id of "
                "a record (a whole number from 1 to 2147483647)."
            ),
            "required": _("%(field)s is required: give it a value."),
            "missing": _(
                "%(field)s: there is no record with the id %(value)s " "(%(comodel)s)."
            ),
            "ids": _(
                "The records of %(model)s are given by their ids (whole numbers "
                "from 1 to 2147483647), not %(value)s."
            ),
            "domain": _(
                "The search filter must be a list of conditions (field, operator, "
                'value) joined by "&", "|" or "!"; %(value)s is not one.'
            ),
            "domain_field": _(
                "The search condition %(leaf)s: %(model)s has no field %(name)s."
            ),
            "domain_operator": _(
                "The search condition %(leaf)s: %(operator)s is not an operator "
                "of Odoo (=, !=, <, <=, >, >=, like, ilike, in, not in, child_of "
                "...)."
            ),
            "domain_value": _(
                "The search condition %(leaf)s: %(value)s cannot be compared "
                "with this field."
            ),
            "order": _(
                "The sort order %(value)s is not valid: give field names of "
                "%(model)s separated by commas, each optionally followed by asc "
                "or desc."
            ),
            "order_field": _("%(model)s cannot be sorted by %(name)s."),
            "limit": _("%(name)s must be a whole number from 0, not %(value)s."),
            "names": _("Give a list of field names, not %(value)s."),
            "rows": _(
                "The rows to import must be lists of texts or numbers, one for "
                "each field, not %(value)s."
            ),
            "views": _(
                "Give the views as a list of [view id, view type], not %(value)s."
            ),
            "groupby": _("%(model)s cannot be grouped by %(name)s."),
            "period": _(
                "There is no such period: check the month, quarter or half "
                "(from 1 to %(high)s), not %(value)s."
            ),
            "deadline_days_low": _(
                "Leave at least one working day between the cut-off and the "
                "deadline (Decree 09)."
            ),
            "deadline_days_high": _(
                "The deadline can be at most %(high)s working days after the "
                "cut-off, not %(value)s."
            ),
        }
        return texts[error.code] % details

    # ------------------------------------------------------------ values
    def _gov_check_vals(self, vals, mode, exist=None):
        """Check ``vals`` for this model; with ``exist`` (a dict), collect
        the ids each many2one and x2many command names, by model."""
        check_vals(self, self, vals, mode, exist)

    def _gov_field_label(self, field):
        return field_label(self, (field,))

    def _gov_check_exist(self, exist):
        """The records the values name exist (the foreign keys would refuse
        them with an IntegrityError): one query per model."""
        for model_name, labels in exist.items():
            model = self.env[model_name]
            ids = list(labels)
            # Raw SQL: existence only, whoever may read them (the foreign
            # key does the same); the ids are checked integers.
            self.env.cr.execute(
                sql.SQL("SELECT id FROM {} WHERE id IN %s").format(
                    sql.Identifier(model._table)
                ),
                (tuple(ids),),
            )
            found = {row[0] for row in self.env.cr.fetchall()}
            for record_id in ids:
                if record_id not in found:
                    error = InputError(
                        "missing",
                        value=record_id,
                        comodel=self._gov_lang_self()._gov_model_label(model),
                    )
                    raise self._gov_error(error, field_label(self, labels[record_id]))

    # --------------------------------------------------------------- RPC
    @api.model
    def _gov_check_call(self, name, args, kwargs):
        """Checks of a method call from a client, before Odoo browses the ids
        (hardening/rpc_input.py calls it from odoo.api.call_kw)."""
        if not isinstance(args, (list, tuple)) or not isinstance(kwargs, dict):
            raise self._gov_user_error("arguments", method=name)
        method = getattr(type(self), name, None) if isinstance(name, str) else None
        # a private method is the module's own data (<function> in XML, run
        # by the superuser); Odoo's RPC refuses them to clients already
        private = isinstance(name, str) and name.startswith("_")
        if not callable(method) or (private and self.env.uid != SUPERUSER_ID):
            raise self._gov_user_error("method", method=input_rules.short(name))
        if name in self._gov_rpc_internal:
            raise AccessError(
                self._gov_lang_self()._gov_call_text("internal", method=name)
            )
        records, rest = self, list(args)
        if getattr(method, "_api", None) != "model":
            if not rest:
                raise self._gov_user_error("no_ids", method=name)
            try:
                records = self.browse(input_rules.check_ids(rest.pop(0)))
            except InputError as error:
                raise self._gov_error(error)
        context, rest, kw = split_context(method, rest, dict(kwargs))
        if context and not isinstance(context, dict):
            raise self._gov_user_error("context", value=input_rules.short(context))
        context = context or {}
        self._gov_check_context(context)
        try:
            signature = inspect.signature(method)
            arguments = signature.bind(records, *rest, **kw).arguments
        except TypeError as error:
            raise self._gov_user_error("signature", method=name, error=str(error))
        except ValueError:  # no signature to compare with
            signature, arguments = None, {}
        self._gov_check_id_arguments(signature, arguments)
        exist = {}
        if name in ("create", "write") and "vals" in arguments:
            records._gov_check_vals(
                arguments["vals"], CREATE if name == "create" else WRITE, exist
            )
        # the context's defaults become values of new records (create,
        # default_get, onchange ...): their records must exist for a create
        defaults = {
            key[8:]: value
            for key, value in context.items()
            if isinstance(key, str)
            and key.startswith("default_")
            and key[8:] in self._fields
        }
        self._gov_check_vals(defaults, ONCHANGE, exist if name == "create" else None)
        if name == "copy" and arguments.get("default"):
            records._gov_check_vals(arguments["default"], WRITE, exist)
        if exist:
            self._gov_check_exist(exist)

    def _gov_check_id_arguments(self, signature, arguments):
        named = {}
        for key, value in arguments.items():
            kind = signature.parameters[key].kind if signature else None
            if kind == inspect.Parameter.VAR_KEYWORD:
                named.update(value)
            else:
                named[key] = value
        for key, value in named.items():
            try:
                if key in self._gov_id_arguments:
                    input_rules.check_many2one(value)
                elif key in self._gov_ids_arguments and value:
                    if not isinstance(value, (list, tuple)):
                        raise InputError("ids", value=value)
                    for item in value:
                        if isinstance(item, (list, tuple)):
                            input_rules.parse_commands([item])
                        else:
                            input_rules.check_id(item)
            except InputError as error:
                raise self._gov_error(error, key)

    def _gov_check_context(self, context):
        for key in ("lang", "tz"):
            value = context.get(key)
            if value and not isinstance(value, str):
                raise self._gov_user_error(
                    "context_key", key=key, value=input_rules.short(value)
                )
        if context.get("gov_today"):
            try:
                input_rules.parse_date(context["gov_today"])
            except InputError as error:
                raise self._gov_error(error, "gov_today")

    def _gov_user_error(self, code, **details):
        return UserError(self._gov_lang_self()._gov_call_text(code, **details))

    def _gov_call_text(self, code, **details):
        details["model"] = self._gov_model_label()
        texts = {
            "arguments": _(
                "%(method)s of %(model)s: the arguments must be a list and the "
                "keyword arguments a dictionary."
            ),
            "method": _("%(model)s has no method %(method)s that can be called."),
            "internal": _(
                "%(method)s of %(model)s is used by the server itself and cannot "
                "be called remotely."
            ),
            "no_ids": _(
                "%(method)s of %(model)s works on records: give the list of their "
                "ids first."
            ),
            "context": _("The context must be a dictionary, not %(value)s."),
            "context_key": _("The context key %(key)s must be a text, not %(value)s."),
            "signature": _(
                "%(method)s of %(model)s does not take these arguments: %(error)s"
            ),
            "singleton": _(
                "%(model)s: this works on one record at a time, and %(count)s "
                "were given."
            ),
            "reason": _("The reason must be a text, not %(value)s."),
            "onchange": _(
                "%(model)s: a form may only ask for the changes the model "
                "declares, not %(value)s."
            ),
            "access_operation": _(
                "%(value)s is not an access right: use read, write, create or "
                "unlink."
            ),
            "parameter": _(
                "The system parameters %(names)s must be whole numbers (separated "
                "by commas for a list): ask the administrator to correct them "
                "(Settings > Technical > System Parameters)."
            ),
        }
        return texts[code] % details

    @contextlib.contextmanager
    def _gov_parameters(self, *names):
        """Numbers read from system parameters (int() of what the
        administrator typed): a clear message when one is not a number."""
        try:
            yield
        except ValueError:
            raise self._gov_user_error("parameter", names=", ".join(names))

    def _gov_text_arg(self, value):
        """A reason given to a workflow step: a text, or nothing."""
        try:
            return input_rules.text_argument(value)
        except InputError:
            raise self._gov_user_error("reason", value=input_rules.short(value))

    # -------------------------------------------------------------- CRUD
    def _gov_check_rules(self, vals):
        """The model's own rules on values, checked with the types before
        anything is written (``self`` is empty in a create). Override."""

    @api.model
    def create(self, vals):
        self._gov_check_vals(vals, CREATE)
        self._gov_check_rules(vals)
        return super().create(vals)

    @api.model
    def _create(self, vals):
        # the defaults Odoo added come from the model or from the client's
        # context (default_*): checked like the rest
        self._gov_check_vals(vals, INSERT)
        for name, field in self._fields.items():
            if name not in vals:
                check_required(self, self, field, None)
        with self._gov_unique_guard():
            return super()._create(vals)

    def _gov_check_own_ids(self):
        """The ids of the records themselves: a controller (the web client's
        /web/dataset/resequence) may browse what the client sent."""
        for record_id in self._ids:
            if not isinstance(record_id, NewId) and not (
                input_rules.is_int(record_id) and 1 <= record_id <= input_rules.INT_MAX
            ):
                raise self._gov_error(InputError("ids", value=record_id))

    @api.multi
    def write(self, vals):
        self._gov_check_own_ids()
        self._gov_check_vals(vals, WRITE)
        self._gov_check_rules(vals)
        return super().write(vals)

    @api.multi
    def _write(self, vals):
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is not None:
                check_required(self, self, field, value)
        with self._gov_unique_guard():
            return super()._write(vals)

    @api.multi
    def copy(self, default=None):
        if default:
            self._gov_check_vals(default, WRITE)
        return super().copy(default)

    @api.multi
    def onchange(self, values, field_name, field_onchange):
        self._gov_check_vals(values, ONCHANGE)
        names = field_name if isinstance(field_name, list) else [field_name or "x"]
        if not all(isinstance(n, str) for n in names) or not isinstance(
            field_onchange, dict
        ):
            raise self._gov_user_error(
                "onchange", value=input_rules.short([field_name, field_onchange])
            )
        for key, spec in field_onchange.items():
            # "1" asks for the model's onchange methods; Odoo 11 also takes
            # "method(args)" from the client and calls that method: a form of
            # gov_plan never sends one.
            if not isinstance(key, str) or spec not in ("1", "true", "", None, False):
                raise self._gov_user_error(
                    "onchange", value=input_rules.short({key: spec})
                )
        return super().onchange(values, field_name, field_onchange)

    def _gov_unique_guard(self):
        return unique_guard(self)

    def _gov_unique_message(self, error):
        """The message of the unique constraint ``error`` broke, translated
        into the user's language, or None for another error."""
        if error.pgcode != psycopg2.errorcodes.UNIQUE_VIOLATION:
            return None
        name = getattr(error.diag, "constraint_name", None) or ""
        messages = {
            "%s_%s" % (self._table, key): message
            for key, _definition, message in self._sql_constraints
        }
        for index, key in self._gov_unique_indexes.items():
            messages[index] = messages.get("%s_%s" % (self._table, key))
        message = messages.get(name)
        if not message:
            return None
        model = self._gov_lang_self()
        lang = model.env.lang
        if not lang or lang == "en_US":
            return message
        return (
            self.env["ir.translation"]._get_source(
                None, ("sql_constraint",), lang, message
            )
            or message
        )

    # ----------------------------------------------------------- reading
    @api.model
    def _search(
        self,
        args,
        offset=0,
        limit=None,
        order=None,
        count=False,
        access_rights_uid=None,
    ):
        self._gov_check_domain(args)
        self._gov_check_order(order)
        try:
            input_rules.check_limit("offset", offset)
            input_rules.check_limit("limit", limit)
        except InputError as error:
            raise self._gov_error(error)
        return super()._search(
            args,
            offset=offset,
            limit=limit,
            order=order,
            count=count,
            access_rights_uid=access_rights_uid,
        )

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        self._gov_check_domain(domain)
        try:
            names = input_rules.check_names(fields)
            groupbys = input_rules.check_names(groupby)
            input_rules.check_limit("offset", offset)
            input_rules.check_limit("limit", limit)
            specs = [input_rules.groupby_spec(spec) for spec in groupbys]
        except InputError as error:
            raise self._gov_error(error)
        for name, _interval in specs:
            field = self._fields.get(name)
            if (
                not field
                or not (field.base_field.store and field.base_field.column_type)
                or (names and name not in names)
            ):
                raise self._gov_error(InputError("groupby", name=name))
        self._gov_check_order(orderby, read_group=True)
        return super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )

    @api.multi
    def unlink(self):
        self._gov_check_own_ids()
        return super().unlink()

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        self._gov_check_own_ids()
        try:
            input_rules.check_names(fields)
        except InputError as error:
            raise self._gov_error(error)
        return super().read(fields, load=load)

    @api.model
    def default_get(self, fields_list):
        try:
            input_rules.check_names(fields_list)
        except InputError as error:
            raise self._gov_error(error)
        return super().default_get(fields_list)

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        try:
            input_rules.check_names(allfields)
            input_rules.check_names(attributes)
        except InputError as error:
            raise self._gov_error(error)
        return super().fields_get(allfields, attributes)

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        self._gov_check_paths(fields_to_export)
        return super().export_data(fields_to_export, raw_data)

    @api.model
    def load(self, fields, data):
        self._gov_check_paths(fields)
        rows_ok = isinstance(data, (list, tuple)) and all(
            isinstance(row, (list, tuple))
            and len(row) == len(fields)
            and all(isinstance(cell, input_rules.SCALARS) for cell in row)
            for row in data
        )
        if not rows_ok:
            raise self._gov_error(InputError("rows", value=data))
        return super().load(fields, data)

    def _gov_check_paths(self, paths):
        """Export and import name fields by paths ("unit_id/name", "id")."""
        try:
            if not isinstance(paths, (list, tuple)):
                raise InputError("names", value=paths)
            input_rules.check_names(list(paths))
        except InputError as error:
            raise self._gov_error(error)
        for path in paths:
            model = self
            for name in fix_import_export_id_paths(path):
                if name in ("id", ".id") or model is None:
                    break
                field = model._fields.get(name)
                if field is None:
                    raise self._gov_error(
                        InputError("unknown", name=repr(path)), "", model
                    )
                model = self.env[field.comodel_name] if field.relational else None

    @api.model
    def load_views(self, views, options=None):
        views_ok = isinstance(views, (list, tuple)) and all(
            isinstance(view, (list, tuple))
            and len(view) == 2
            and isinstance(view[1], str)
            for view in views
        )
        if not views_ok or not isinstance(options or {}, dict):
            raise self._gov_error(InputError("views", value=views))
        return super().load_views(views, options)

    @api.model
    def fields_view_get(
        self, view_id=None, view_type="form", toolbar=False, submenu=False
    ):
        try:
            input_rules.check_many2one(view_id)
            input_rules.check_text(view_type)
        except InputError as error:
            raise self._gov_error(error, "view_id" if view_id else "view_type")
        return super().fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar, submenu=submenu
        )

    @api.multi
    def toggle_active(self):
        """Odoo's returns None, which XML-RPC cannot send."""
        super().toggle_active()
        return True

    @api.model
    def check_access_rights(self, operation, raise_exception=True):
        if operation not in ("read", "write", "create", "unlink"):
            raise self._gov_user_error(
                "access_operation", value=input_rules.short(operation)
            )
        return super().check_access_rights(operation, raise_exception)

    def ensure_one(self):
        if len(self) != 1:
            raise GovSingletonError(
                self._gov_lang_self()._gov_call_text("singleton", count=len(self))
            )
        return self

    # ----------------------------------------------------------- searches
    def _gov_check_domain(self, domain):
        try:
            leaves = input_rules.domain_leaves(domain, (BaseModel,))
        except InputError as error:
            raise self._gov_error(error)
        for leaf in leaves:
            path, _operator, _value = leaf
            model, field = self, None
            for name in path.split("."):
                if field is not None:
                    if not field.relational:
                        model = None
                    else:
                        model = self.env[field.comodel_name]
                field = model._fields.get(name) if model is not None else None
                if field is None:
                    raise self._gov_error(
                        InputError("domain_field", leaf=leaf, name=repr(path))
                    )
            if field.store and field.column_type:
                field_type = "id" if field.name == "id" else field.type
                try:
                    input_rules.check_domain_term(field_type, leaf)
                except InputError as error:
                    raise self._gov_error(error)

    def _gov_check_order(self, order, read_group=False):
        try:
            names = input_rules.order_fields(order)
        except InputError as error:
            raise self._gov_error(error)
        for name in names:
            if read_group and name.endswith("_count"):
                continue  # the count of each group
            if name not in self._fields:
                raise self._gov_error(InputError("order_field", name=repr(name)))


def field_label(origin, path):
    """The label of a field in the user's language; ``path`` is the fields
    from the model checked down to it ("Duties / Deadline date")."""
    env = origin._gov_lang_self().env
    return " / ".join(field._description_string(env) for field in path)


def check_vals(origin, model, vals, mode, exist=None, path=()):
    """Check ``vals`` for ``model`` (any model: an x2many line may be an
    attachment or a follower); ``origin`` (a gov_plan model) words the
    message. With ``exist`` (a dict), collect the ids each many2one and
    x2many command names, by model, with the path of their field."""
    if not isinstance(vals, dict):
        error = InputError("vals", value=vals)
        raise origin._gov_error(error, field_label(origin, path), model)
    for name, value in vals.items():
        field = model._fields.get(name) if isinstance(name, str) else None
        if field is None:
            if mode == ONCHANGE:
                continue  # Odoo's onchange and defaults leave them aside
            raise origin._gov_error(InputError("unknown", name=repr(name)), "", model)
        if name in MAGIC_COLUMNS and mode != ONCHANGE:
            continue  # Odoo drops them
        try:
            input_rules.check_value(field.type, value, _selection_values(field, model))
        except InputError as error:
            raise origin._gov_error(error, field_label(origin, path + (field,)), model)
        if mode == INSERT:
            check_required(origin, model, field, value, path)
        if field.type == "many2one" and exist is not None and value:
            exist.setdefault(field.comodel_name, {})[value] = path + (field,)
        elif field.type in input_rules.X2MANY_TYPES and value:
            _check_commands(origin, model, field, value, mode, exist, path + (field,))


def _check_commands(origin, model, field, value, mode, exist, path):
    comodel = model.env[field.comodel_name]
    try:
        commands = input_rules.parse_commands(value)
    except InputError as error:
        if mode == ONCHANGE and error.code == "command_id":
            return  # the web client names the new lines of a form with strings
        raise origin._gov_error(error, field_label(origin, path), model)
    for code, record_id, payload in commands:
        if exist is not None and code in (1, 2, 3, 4):
            exist.setdefault(field.comodel_name, {})[record_id] = path
        elif exist is not None and code == 6:
            for item in payload:
                exist.setdefault(field.comodel_name, {})[item] = path
        if code not in (0, 1):
            continue
        sub_mode = ONCHANGE if mode == ONCHANGE else (CREATE if code == 0 else WRITE)
        if code == 0 and field.type == "one2many":
            # Odoo sets the line's inverse field (its parent) itself
            payload = {k: v for k, v in payload.items() if k != field.inverse_name}
        check_vals(origin, comodel, payload, sub_mode, exist, path)


def check_required(origin, model, field, value, path=()):
    """A required column left empty would be refused by its NOT NULL: checked
    just before the INSERT or UPDATE, after the model's own checks, which
    say it their way ("Every duty needs a lead unit")."""
    if (
        field.required
        and field.store
        and field.column_type
        and not field.compute
        and input_rules.missing_required(field.type, value)
    ):
        label = field_label(origin, path + (field,))
        raise origin._gov_error(InputError("required"), label, model)


@contextlib.contextmanager
def unique_guard(model):
    """A savepoint around an INSERT or UPDATE of a model with unique
    constraints: a duplicate rolls back to it, and the user reads the
    constraint's message in their language, not an IntegrityError."""
    if not (model._sql_constraints or model._gov_unique_indexes):
        yield
        return
    try:
        with model.env.cr.savepoint():
            yield
    except psycopg2.IntegrityError as error:
        message = model._gov_unique_message(error)
        if not message:
            raise
        raise ValidationError(message) from None

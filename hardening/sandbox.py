"""What a template or an evaluated expression can reach.

CVE-2020-29396: the raw ``datetime`` module sits in the globals of the mail
template sandbox (and of server actions and manual computed fields);
``datetime.sys`` leads to ``sys.modules['os']``: code execution by anyone who
may write a template, i.e. every employee in Odoo 11. (QWeb views are left as
they are: they are Python written by administrators anyway.)
CVE-2021-44476, CVE-2021-23166: server actions expose all of ``dateutil.tz``.
Beyond the advisories (SECURITY.md): a template can call ``object.sudo()`` or
reach the database cursor through ``object.env.cr``; every employee may write
templates, and the mass-mail composer renders the body an employee types.
"""

import datetime
import types

import dateutil
import dateutil.parser
import dateutil.relativedelta
import dateutil.rrule
import dateutil.tz

from odoo import SUPERUSER_ID, _, api, models
from odoo.addons.base.ir import ir_model
from odoo.addons.mail.models import mail_template
from odoo.api import Environment
from odoo.exceptions import AccessError


def restricted_module(module, allowed):
    """A stand-in for ``module`` that only gives the attributes in ``allowed``.

    ``allowed`` is a set of names, or a dict of name -> the names allowed in
    that submodule. A submodule that is not described is never handed out.
    """

    class RestrictedModule(object):
        __slots__ = ()

        def __getattr__(self, name):
            if name not in allowed:
                raise AttributeError(name)
            value = getattr(module, name)
            if isinstance(allowed, dict) and allowed[name] is not None:
                return restricted_module(value, allowed[name])
            if isinstance(value, types.ModuleType):
                raise AttributeError(name)
            return value

        def __dir__(self):
            return sorted(allowed)

        def __repr__(self):
            return "<restricted module %r>" % module.__name__

    return RestrictedModule()


# As Odoo's own fix (odoo/tools/safe_eval.py of the supported releases).
SAFE_DATETIME = restricted_module(
    datetime,
    {
        "date",
        "datetime",
        "time",
        "timedelta",
        "timezone",
        "tzinfo",
        "MAXYEAR",
        "MINYEAR",
    },
)
_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SAFE_DATEUTIL = restricted_module(
    dateutil,
    {
        "tz": {"UTC", "tzutc"},
        "parser": {"isoparse", "parse"},
        "relativedelta": set(["relativedelta"] + _WEEKDAYS),
        "rrule": set(
            ["rrule", "rruleset", "rrulestr"]
            + ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY"]
            + ["SECONDLY"]
            + _WEEKDAYS
        ),
    },
)

# Attributes a template may not use on any object: they leave the rights of
# the user the template is rendered for.
TEMPLATE_BLOCKED_ATTRIBUTES = frozenset(["sudo", "with_env", "pool"])
# What a template may use of an environment (``object.env``): the user, the
# context and the models through ``env['model']`` with the same rights; not
# the cursor, the registry or the cache.
TEMPLATE_ENVIRONMENT_ATTRIBUTES = frozenset(["user", "uid", "context", "lang", "ref"])


def _template_is_safe_attribute(env, obj, attr, value):
    if attr in TEMPLATE_BLOCKED_ATTRIBUTES:
        return False
    if isinstance(obj, Environment) and attr not in TEMPLATE_ENVIRONMENT_ATTRIBUTES:
        return False
    return type(env).is_safe_attribute(env, obj, attr, value)


def _template_is_safe_callable(env, obj):
    # env(user=SUPERUSER_ID) would give an environment of the superuser.
    if isinstance(obj, Environment):
        return False
    return type(env).is_safe_callable(env, obj)


def harden_template_environments():
    """CVE-2020-29396 and the sudo()/env.cr escalation, in mail templates.

    The jinja environments are module globals of mail, built once at import:
    only a patch reaches them. The globals dict is shared by the two
    environments (copy.copy), each gets the checks on its own instance.
    """
    for env in (mail_template.mako_template_env, mail_template.mako_safe_template_env):
        env.globals["datetime"] = SAFE_DATETIME
        env.is_safe_attribute = types.MethodType(_template_is_safe_attribute, env)
        env.is_safe_callable = types.MethodType(_template_is_safe_callable, env)


def harden_computed_fields():
    """CVE-2020-29396 in the globals of manual computed fields (ir.model)."""
    ir_model.SAFE_EVAL_BASE["datetime"] = SAFE_DATETIME
    ir_model.SAFE_EVAL_BASE["dateutil"] = SAFE_DATEUTIL


harden_template_environments()
harden_computed_fields()


class IrActions(models.Model):
    _inherit = "ir.actions.actions"

    @api.model
    def _get_eval_context(self, action=None):
        """CVE-2020-29396 (datetime) and CVE-2021-44476/23166 (dateutil.tz)."""
        context = super(IrActions, self)._get_eval_context(action=action)
        context.update(datetime=SAFE_DATETIME, dateutil=SAFE_DATEUTIL)
        return context


class MailTemplate(models.Model):
    _inherit = "mail.template"

    def _check_template_author(self):
        """Templates run with the rights of whoever sends them (often the
        superuser): only Settings administrators may write them."""
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group("base.group_system"):
            return
        raise AccessError(
            _(
                "Only administrators (Settings) may create, change or delete "
                "e-mail templates. Ask an administrator to do it."
            )
        )

    @api.model
    def create(self, values):
        self._check_template_author()
        return super(MailTemplate, self).create(values)

    @api.multi
    def write(self, values):
        self._check_template_author()
        return super(MailTemplate, self).write(values)

    @api.multi
    def unlink(self):
        self._check_template_author()
        return super(MailTemplate, self).unlink()

"""Helpers of the security tests (tests/test_security_*.py).

How each test was checked against the unpatched behaviour: the addon was
copied to /tmp/unpatched/gov_plan without the lines ``from . import
controllers`` and ``from . import hardening`` of its __init__.py, a database
was built from that copy with a configuration loading only ``base,web``
server-wide, and the security tests were run against it, first with the
set-up before this change (CONNECT on ``postgres`` granted, no dbfilter),
then, for the database list and the long polling, with this set-up's
settings (CONNECT revoked, a dbfilter). 26 tests failed, each as its
docstring says ("Unpatched: ..."); the 10 tests of normal use passed. The
tests act as real users, never as the superuser.
"""

import contextlib
import types

import werkzeug.test
import werkzeug.wrappers

import odoo
from odoo import SUPERUSER_ID, api


def routed_class(base, modules=None):
    """The controller class Odoo routes for ``base``: its subclasses from the
    installed modules combined, as odoo.http._generate_routing_rules does."""
    if modules is None:
        modules = set(odoo.conf.server_wide_modules) | {"gov_plan", "mail", "bus"}

    def valid(cls):
        parts = cls.__module__.split(".")
        return cls.__module__.startswith("odoo.addons.") and parts[2] in modules

    def leaves(cls):
        found = []
        for sub in cls.__subclasses__():
            if valid(sub):
                found.extend(leaves(sub))
        if not found and valid(cls):
            found = [cls]
        return found

    subclasses = [cls for cls in leaves(base) if cls is not base]
    if not subclasses:
        return base
    return type("Routed" + base.__name__, tuple(reversed(subclasses)), {})


class FakeRequest(object):
    """What the controllers under test read of ``odoo.http.request``."""

    def __init__(self, env, **builder):
        self.env = env
        self.httprequest = werkzeug.wrappers.Request(
            werkzeug.test.EnvironBuilder(**builder).get_environ()
        )
        self.httprequest.session = types.SimpleNamespace(db=None)  # nobody logged in
        self.session = None
        self.endpoint = None  # odoo.http.Response reads its routing
        self._cr = None


@contextlib.contextmanager
def fake_request(env, **builder):
    request = FakeRequest(env, **builder)
    odoo.http._request_stack.push(request)
    try:
        yield request
    finally:
        odoo.http._request_stack.pop()


@contextlib.contextmanager
def committed_user(registry, login, password, groups=("base.group_user",)):
    """A user committed to the database, for code that opens its own cursor
    (RPC, password checks); removed afterwards."""
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"no_reset_password": True})
        user = env["res.users"].create(
            {
                "name": login,
                "login": login,
                "password": password,
                "groups_id": [(6, 0, [env.ref(xmlid).id for xmlid in groups])],
            }
        )
        uid, partner_id = user.id, user.partner_id.id
    try:
        yield uid
    finally:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.users"].browse(uid).unlink()
            env["res.partner"].browse(partner_id).unlink()

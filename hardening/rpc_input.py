"""Method calls from clients reach gov_plan's checks, and their refusals
reach XML-RPC clients as messages (issue 9, item 7; not an advisory).

``odoo.api.call_kw`` is where XML-RPC, JSON-RPC and the web client's
``/web/dataset/call_kw`` and ``call_button`` call a model's method: it looks
the method up (an unknown name is an AttributeError), then browses the ids
the client gave (a string ends in a psycopg2 error at the first read) and
binds the arguments (a wrong one is a TypeError). For the models that
inherit gov.plan.input.mixin, the patch asks the model
(``_gov_check_call``) first; other models are left as Odoo has them.

Odoo 11's XML-RPC (``/xmlrpc/2``) answers a UserError, an AccessError or a
MissingError with their message, but a ValidationError (a constraint, an
SQL constraint, a check of the mixin) with a Fault carrying the server's
traceback: it gets the message too, as the web client shows it.
"""

import sys

from odoo import api
from odoo.exceptions import AccessError, MissingError, UserError, except_orm
from odoo.service import wsgi_server

from .server import patch

WEB_CONTROLLERS = "odoo.addons.web.controllers.main"


def _call_kw(original):
    def call_kw(model, name, args, kwargs):
        check = getattr(model, "_gov_check_call", None)
        if check is not None:
            check(name, args, kwargs)
        return original(model, name, args, kwargs)

    return call_kw


def _is_message(error):
    """A ValidationError (or another of Odoo's exceptions with a message for
    the user) that Odoo's XML-RPC would answer with a traceback."""
    return isinstance(error, except_orm) and not isinstance(
        error, (UserError, AccessError, MissingError)
    )


def _handle_exception_int(original):
    def xmlrpc_handle_exception_int(error):
        if _is_message(error):
            fault = wsgi_server.xmlrpclib.Fault(
                wsgi_server.RPC_FAULT_CODE_WARNING, str(error.name)
            )
            return wsgi_server.xmlrpclib.dumps(fault, allow_none=None)
        return original(error)

    return xmlrpc_handle_exception_int


def _handle_exception_string(original):
    def xmlrpc_handle_exception_string(error):
        if _is_message(error):
            fault = wsgi_server.xmlrpclib.Fault(
                "warning -- %s\n\n%s" % (error.name, error.value or ""), ""
            )
            return wsgi_server.xmlrpclib.dumps(
                fault, allow_none=None, encoding=None
            )
        return original(error)

    return xmlrpc_handle_exception_string


patch(api, "call_kw", _call_kw)
# the web client's controllers imported call_kw by name: when they are
# loaded first (base and web load before gov_plan), they keep Odoo's
if WEB_CONTROLLERS in sys.modules:
    patch(sys.modules[WEB_CONTROLLERS], "call_kw", _call_kw)
patch(wsgi_server, "xmlrpc_handle_exception_int", _handle_exception_int)
patch(wsgi_server, "xmlrpc_handle_exception_string", _handle_exception_string)

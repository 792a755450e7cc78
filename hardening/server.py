"""Which databases the server initialises, lists and answers RPC for.

Server-wide: these patches must be in place before any database loads. The
set-up loads gov_plan as a server-wide module (``server_wide_modules =
base,web,gov_plan`` in odoo.conf, written by scripts/configure.sh), and
scripts/odoo-bin runs this file even earlier, before Odoo's command line
looks at the databases named by -d: so this file imports only Odoo's core,
nothing of gov_plan or of other addons.

CVE-2018-15632: ``load_modules`` initialises any empty database it is given,
and ``/xmlrpc/2/common``, ``/jsonrpc`` and ``/web/session/authenticate`` reach
it for any database name without login and without ``dbfilter``: anyone on
the network could create a database's tables and log in as admin/admin.
"""

import logging
import re
from contextlib import closing

import psycopg2

import odoo
from odoo.exceptions import AccessDenied
from odoo.modules import db as modules_db
from odoo.modules import loading
from odoo.modules.registry import Registry
from odoo.service import common as common_service
from odoo.service import db as db_service
from odoo.service import model as model_service
from odoo.tools import config

_logger = logging.getLogger(__name__)


def patch(owner, name, make):
    """Replace ``owner.name`` (of Odoo's code) by ``make(original)``, once.

    The replacement keeps the original in ``_gov_plan_original``: dropping a
    piece, or undoing it in a shell, is one setattr. Applying it twice (this
    file runs from odoo-bin, then from the package) changes nothing.
    """
    current = getattr(owner, name)
    if getattr(current, "_gov_plan_original", None) is not None:
        return
    replacement = make(current)
    function = getattr(replacement, "__func__", replacement)  # classmethod
    function._gov_plan_original = current
    setattr(owner, name, replacement)


def _create_empty_database(original):
    """Odoo's command line calls it for each -d database before it starts,
    connecting to "postgres" (which the role may not) to see whether the
    database exists: ask the database itself first."""

    def create_empty_database(name):
        if db_service.exp_db_exist(name):
            raise db_service.DatabaseExists("database %r already exists!" % (name,))
        try:
            return original(name)
        except psycopg2.OperationalError:
            _logger.error(
                "Database %s cannot be reached and Odoo may not create it: create "
                "it as the cluster's superuser (scripts/pg.sh createdb %s).",
                name,
                name,
            )
            raise

    return create_empty_database


def is_initialised(dbname):
    with closing(odoo.sql_db.db_connect(dbname).cursor()) as cr:
        return modules_db.is_initialized(cr)


def refuse_uninitialised(dbname):
    if not is_initialised(dbname):
        _logger.error(
            "Database %s is empty: it is initialised only in install mode "
            "(odoo-bin -i base, or the set-up scripts), never on request.",
            dbname,
        )
        raise AccessDenied()


def _registry_new(original):
    """Checked before the registry touches the database (it would create its
    signalling sequences in an empty one)."""

    def new(cls, db_name, force_demo=False, status=None, update_module=False):
        if not update_module:
            refuse_uninitialised(db_name)
        return original.__func__(cls, db_name, force_demo, status, update_module)

    return classmethod(new)


def _load_modules(original):
    """Odoo's own fix, for any other caller of load_modules."""

    def load_modules(db, force_demo=False, status=None, update_module=False):
        if not update_module:
            with closing(db.cursor()) as cr:
                initialised = modules_db.is_initialized(cr)
            if not initialised:
                refuse_uninitialised(db.dbname)
        return original(db, force_demo, status, update_module)

    return load_modules


def exposed_databases():
    """The databases named in ``db_name`` (odoo.conf or -d), or None: any."""
    names = [name.strip() for name in (config["db_name"] or "").split(",")]
    return [name for name in names if name] or None


def is_exposed(dbname):
    """Whether the server serves ``dbname``: in ``db_name`` if set, matching
    ``dbfilter`` if set (a filter on the host name, %h or %d, is left to the
    web client's routing, which knows the host)."""
    names = exposed_databases()
    if names is not None and dbname not in names:
        return False
    dbfilter = config["dbfilter"]
    if dbfilter and "%h" not in dbfilter and "%d" not in dbfilter:
        return bool(re.match(dbfilter, dbname or ""))
    return True


def _refuse_unexposed(dbname):
    if not is_exposed(dbname):
        _logger.warning("RPC for database %r refused: not served (dbfilter).", dbname)
        raise AccessDenied()


def _common_dispatch(original):
    """XML-RPC and JSON-RPC ``common``, and /web/session/authenticate, which
    goes through it: dbfilter applies to them as to the web client."""

    def dispatch(method, params):
        if method in ("login", "authenticate") and params:
            _refuse_unexposed(params[0])
        return original(method, params)

    return dispatch


def _model_dispatch(original):
    def dispatch(method, params):
        if params:
            _refuse_unexposed(params[0])
        return original(method, params)

    return dispatch


def _list_dbs(original):
    """Without connecting to ``postgres`` (the role may not): when ``db_name``
    is set, the databases served are those, as Odoo already does when no
    dbfilter is set; http.db_filter then applies dbfilter to them."""

    def list_dbs(force=False):
        if not config["list_db"] and not force:
            raise AccessDenied()
        names = exposed_databases()
        if names is not None:
            return sorted(names)
        return original(force)

    return list_dbs


patch(db_service, "_create_empty_database", _create_empty_database)
patch(Registry, "new", _registry_new)
patch(loading, "load_modules", _load_modules)
patch(odoo.modules, "load_modules", _load_modules)
patch(common_service, "dispatch", _common_dispatch)
patch(model_service, "dispatch", _model_dispatch)
patch(db_service, "list_dbs", _list_dbs)

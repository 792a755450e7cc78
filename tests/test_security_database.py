"""CVE-2018-15632: who may initialise a database, and the settings around it.

An unauthenticated ``authenticate`` against an empty database made Odoo 11
create its tables and answer admin/admin. Closed three times: the role Odoo
connects with reaches only its own databases (scripts/pg.sh), RPC answers
only for the databases served (db_name, dbfilter), and an empty database is
never initialised outside install mode (hardening/database.py). The bus works
without the database ``postgres`` (hardening/bus.py). Checked against the
unpatched behaviour as tests/security_common.py says.
"""

import json
import os
import select
import subprocess
import threading
import time
import unittest
import uuid
from unittest import mock

import psycopg2
import werkzeug.exceptions

import odoo
from odoo import SUPERUSER_ID, api
from odoo.addons.bus.models import bus
from odoo.addons.web.controllers import main as web_main
from odoo.exceptions import AccessDenied
from odoo.service import common as common_service
from odoo.service import model as model_service
from odoo.tests.common import TransactionCase, get_db_name
from odoo.tools import config

from .common import GovPlanCase
from .security_common import committed_user, fake_request, routed_class

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
PG_SH = os.path.join(ROOT, "scripts", "pg.sh")


class TestDeploymentSettings(TransactionCase):
    def test_database_role(self):
        """The role reaches no database but its own, creates none.

        Unpatched (the set-up before): CONNECT on postgres was granted."""
        cr = self.env.cr
        cr.execute(
            "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles"
            " WHERE rolname = current_user"
        )
        self.assertEqual(cr.fetchone(), (False, False, False))
        for dbname in ("postgres", "template1"):
            cr.execute(
                "SELECT has_database_privilege(current_user, %s, 'CONNECT')", (dbname,)
            )
            self.assertFalse(cr.fetchone()[0], dbname)
            with self.assertRaises(psycopg2.OperationalError):
                odoo.sql_db.db_connect(dbname).cursor()

    def test_server_settings(self):
        """Unpatched (the set-up before): no dbfilter, gov_plan not loaded
        server-wide."""
        self.assertFalse(config["list_db"])
        self.assertTrue(config["dbfilter"])
        self.assertTrue(odoo.http.db_filter([get_db_name()], httprequest=_NO_HOST))
        for other in ("postgres", "template1", "gov_plan_other"):
            self.assertFalse(odoo.http.db_filter([other], httprequest=_NO_HOST))
        self.assertFalse(config.verify_admin_password("admin"))
        self.assertTrue(config["admin_passwd"].startswith("$pbkdf2-sha512$"))
        self.assertIn("gov_plan", odoo.conf.server_wide_modules)

    def test_database_list_without_postgres(self):
        """Unpatched: list_dbs connected to postgres (a dbfilter is set)."""
        real = odoo.sql_db.db_connect

        def db_connect(to, *args, **kwargs):
            self.assertNotEqual(to, "postgres")
            return real(to, *args, **kwargs)

        with mock.patch.object(odoo.sql_db, "db_connect", db_connect):
            self.assertEqual(odoo.service.db.list_dbs(True), [get_db_name()])
            self.assertEqual(
                odoo.http.db_list(True, httprequest=_NO_HOST), [get_db_name()]
            )
        with self.assertRaises(AccessDenied):
            odoo.service.db.list_dbs()


class _NoHost(object):
    environ = {}


_NO_HOST = _NoHost()


class TestRpcDatabases(TransactionCase):
    def test_rpc_for_other_databases_refused(self):
        """Unauthenticated RPC naming a database the server does not serve.

        Unpatched (with CONNECT on postgres, as before): Odoo started to
        initialise the database postgres; only "permission denied for schema
        public" stopped it."""
        for method, params in (
            ("authenticate", ["postgres", "admin", "admin", {}]),
            ("login", ["template1", "admin", "admin"]),
        ):
            with self.assertRaises(AccessDenied):
                common_service.dispatch(method, params)
        with self.assertRaises(AccessDenied):
            model_service.dispatch(
                "execute_kw", ["postgres", 1, "admin", "res.users", "search", [[]]]
            )

    def test_rpc_for_the_database_served(self):
        """Normal use: an external client logs in and reads."""
        dbname = get_db_name()
        login = "gp_rpc_" + uuid.uuid4().hex[:8]
        with committed_user(self.registry, login, "rpc-Passw0rd") as uid:
            self.assertEqual(
                common_service.dispatch(
                    "authenticate", [dbname, login, "rpc-Passw0rd", {}]
                ),
                uid,
            )
            rows = model_service.dispatch(
                "execute_kw",
                [dbname, uid, "rpc-Passw0rd", "res.users", "read", [[uid], ["login"]]],
            )
            self.assertEqual(rows[0]["login"], login)


@unittest.skipUnless(
    os.geteuid() == 0, "creating an empty database needs scripts/pg.sh, as root"
)
class TestEmptyDatabase(unittest.TestCase):
    """A real empty database, created by the cluster's superuser (as the
    set-up scripts do), that the role odoo owns and may connect to."""

    def setUp(self):
        self.name = "gov_plan_empty_" + uuid.uuid4().hex[:8]
        subprocess.check_call([PG_SH, "createdb", self.name], stdout=subprocess.DEVNULL)
        self.addCleanup(self._drop)
        self.thread_dbname = getattr(threading.current_thread(), "dbname", None)

    def _drop(self):
        threading.current_thread().dbname = self.thread_dbname
        odoo.modules.registry.Registry.delete(self.name)
        odoo.sql_db.close_db(self.name)
        subprocess.check_call([PG_SH, "dropdb", self.name], stdout=subprocess.DEVNULL)

    def _relations(self):
        with odoo.sql_db.db_connect(self.name).cursor() as cr:
            cr.execute(
                "SELECT relname FROM pg_class"
                " WHERE relnamespace = 'public'::regnamespace ORDER BY relname"
            )
            return [row[0] for row in cr.fetchall()]

    def test_unauthenticated_login_to_empty_database(self):
        """The attack, with the database served (no dbfilter, as Odoo's
        default): the login is refused and the database stays empty.

        Unpatched: base was installed into it and admin/admin got uid 1."""
        served = dict(db_name="%s,%s" % (get_db_name(), self.name), dbfilter="")
        with mock.patch.dict(config.options, served):
            with self.assertRaises(AccessDenied):
                common_service.dispatch(
                    "authenticate", [self.name, "admin", "admin", {}]
                )
            with self.assertRaises(AccessDenied):
                odoo.registry(self.name)
        self.assertEqual(self._relations(), [])
        # and with the project's settings, RPC does not even look at it
        with self.assertRaises(AccessDenied):
            common_service.dispatch("authenticate", [self.name, "admin", "admin", {}])


class TestBusWithoutPostgres(GovPlanCase):
    def test_notify_in_own_database(self):
        """A Discuss notification is sent from the database it belongs to.

        Unpatched: the NOTIFY connected to postgres (refused to the role)."""
        dbname = self.env.cr.dbname
        listener = odoo.sql_db.db_connect(dbname).cursor()
        self.addCleanup(listener.close)
        listener.execute("LISTEN imbus")
        listener.commit()
        channel = (dbname, "gov.plan.security", uuid.uuid4().hex)
        handlers = self.env.cr._event_handlers["commit"]
        before = len(handlers)
        self.env["bus.bus"].sudo(self.staff_a).sendone(channel, {"text": "hello"})
        after_commit = handlers[before:]
        del handlers[before:]
        connected = []
        real = odoo.sql_db.db_connect

        def db_connect(to, *args, **kwargs):
            connected.append(to)
            return real(to, *args, **kwargs)

        with mock.patch.object(odoo.sql_db, "db_connect", db_connect):
            for func in after_commit:
                func()
        self.assertEqual(connected, [dbname])
        conn = listener._cnx
        select.select([conn], [], [], 5)
        conn.poll()
        payloads = [json.loads(notify.payload) for notify in conn.notifies]
        self.assertIn([list(channel)], payloads)

    def test_long_polling_gets_the_message(self):
        """Normal use: a client waiting on /longpolling/poll gets a message
        as soon as it is committed (not after the 50 s timeout).

        Unpatched (CONNECT on postgres revoked): the NOTIFY after the commit
        failed, "permission denied for database postgres"."""
        dbname = self.env.cr.dbname
        channel = [dbname, "gov.plan.security", uuid.uuid4().hex]
        result = {}

        def poll():
            with api.Environment.manage():
                result["notifications"] = bus.dispatch.poll(
                    dbname, [channel], last=0, timeout=20
                )

        waiter = threading.Thread(target=poll)
        waiter.start()
        deadline = time.time() + 10
        while bus.hashable(channel) not in bus.dispatch.channels:
            self.assertLess(time.time(), deadline, "the poll never waited")
            time.sleep(0.05)
        sent = time.time()
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["bus.bus"].sendone(
                tuple(channel), {"text": "hello"}
            )
        waiter.join(30)
        elapsed = time.time() - sent
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM bus_bus WHERE channel = %s", (bus.json_dump(channel),)
            )
        self.assertEqual(
            [n["message"] for n in result["notifications"]], [{"text": "hello"}]
        )
        self.assertLess(elapsed, 10)


class TestDatabaseManager(GovPlanCase):
    def test_manager_gone_without_list_db(self):
        """/web/database/manager, /list, /backup: nobody logged in.

        Unpatched: the manager page was rendered (and backup answered)."""
        Database = routed_class(web_main.Database)
        with fake_request(self.env, path="/web/database/manager"):
            with self.assertRaises(werkzeug.exceptions.NotFound):
                Database().manager()
            with self.assertRaises(werkzeug.exceptions.NotFound):
                Database().list()
            with self.assertRaises(werkzeug.exceptions.NotFound):
                Database().backup("wrong", get_db_name())

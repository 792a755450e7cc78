"""The bus (Discuss, notifications) without the database ``postgres``.

Not an advisory: the deployment setting of SECURITY.md for CVE-2018-15632
("CONNECT revoked on postgres") needs it. Odoo 11's bus sends its
``NOTIFY imbus`` through a connection to ``postgres`` and listens there; here
each database notifies on its own connection and the dispatcher listens in
every database whose clients poll. Server-wide, like the dispatcher itself.
"""

import json
import logging
import os
import random
import select
import threading

import odoo
from odoo import api
from odoo.addons.bus.models import bus

from .server import patch

_logger = logging.getLogger(__name__)

LISTEN_WAIT = 5  # seconds a first poll waits for LISTEN in its database


def notify_database(dbname, channels):
    """NOTIFY the pollers of ``dbname``, from ``dbname`` itself (the cursor
    commits when the block ends, which sends the notification)."""
    with odoo.sql_db.db_connect(dbname).cursor() as cr:
        cr.execute("NOTIFY imbus, %s", (bus.json_dump(list(channels)),))


def _sendmany(original):
    def sendmany(self, notifications):
        channels = set()
        for channel, message in notifications:
            channels.add(channel)
            values = {
                "channel": bus.json_dump(channel),
                "message": bus.json_dump(message),
            }
            self.sudo().create(values)
            if random.random() < 0.01:
                self.gc()
        if channels:
            # After the commit: the pollers then find the rows (as Odoo).
            dbname = self._cr.dbname
            self._cr.after("commit", lambda: notify_database(dbname, channels))

    return api.model(sendmany)


class ListenState(object):
    """Databases the dispatcher listens in, and a pipe to wake its loop."""

    def __init__(self):
        self.lock = threading.Lock()
        self.databases = {}  # name -> event, set once LISTEN runs there
        self.wake_r, self.wake_w = os.pipe()
        os.set_blocking(self.wake_r, False)
        os.set_blocking(self.wake_w, False)

    def wake(self):
        try:
            os.write(self.wake_w, b"\0")
        except BlockingIOError:
            _logger.debug("bus wake-up pipe full: the loop is awake already")

    def drain(self):
        try:
            while os.read(self.wake_r, 4096):
                pass
        except BlockingIOError:
            return


_STATE_LOCK = threading.Lock()


def _state(dispatcher):
    with _STATE_LOCK:
        state = dispatcher.__dict__.get("_gov_plan_listen")
        if state is None:
            state = dispatcher.__dict__["_gov_plan_listen"] = ListenState()
    return state


def listen_to(dispatcher, dbname):
    """Make sure the loop listens in ``dbname`` before a poll waits."""
    state = _state(dispatcher)
    with state.lock:
        if not dispatcher.started:
            dispatcher.start()
        ready = state.databases.get(dbname)
        if ready is None:
            ready = state.databases[dbname] = dispatcher.Event()
            state.wake()
    ready.wait(timeout=LISTEN_WAIT)


def _poll(original):
    def poll(self, dbname, channels, last, options=None, timeout=bus.TIMEOUT):
        if not (options or {}).get("peek"):
            listen_to(self, dbname)
        return original(self, dbname, channels, last, options=options, timeout=timeout)

    return poll


def _listen_new_databases(state, listening):
    for dbname, ready in list(state.databases.items()):
        if dbname in listening:
            continue
        try:
            cr = odoo.sql_db.db_connect(dbname).cursor()
        except Exception:
            # A database that went away: its pollers time out, as in Odoo.
            _logger.warning("Bus.loop cannot listen on db %s", dbname, exc_info=True)
            with state.lock:
                state.databases.pop(dbname, None)
            ready.set()
            continue
        listening[dbname] = cr
        cr.autocommit(True)  # LISTEN takes effect at once
        cr.execute("LISTEN imbus")
        ready.set()
        _logger.info("Bus.loop listen imbus on db %s", dbname)


def _close_all(state, listening):
    with state.lock:
        for dbname, cr in listening.items():
            state.databases.pop(dbname, None)
            try:
                cr.close()
            except Exception:
                _logger.debug("Bus.loop: closing db %s failed", dbname, exc_info=True)


def _loop(original):
    def loop(self):
        """Dispatch the notifications of every database polled so far."""
        state = _state(self)
        listening = {}  # name -> cursor holding the LISTEN
        try:
            while True:
                _listen_new_databases(state, listening)
                connections = [cr._cnx for cr in listening.values()]
                readable = select.select(
                    [state.wake_r] + connections, [], [], bus.TIMEOUT
                )[0]
                channels = []
                for conn in readable:
                    if conn is state.wake_r:
                        state.drain()
                        continue
                    conn.poll()
                    while conn.notifies:
                        channels.extend(json.loads(conn.notifies.pop().payload))
                events = set()
                for channel in channels:
                    events.update(self.channels.pop(bus.hashable(channel), []))
                for event in events:
                    event.set()
        finally:
            # run() starts the loop again: the next polls listen anew.
            _close_all(state, listening)

    return loop


patch(bus.ImBus, "sendmany", _sendmany)
patch(bus.ImDispatch, "poll", _poll)
patch(bus.ImDispatch, "loop", _loop)

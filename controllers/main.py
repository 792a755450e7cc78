"""Controller overrides of the hardening (see hardening/__init__.py)."""

import werkzeug.exceptions

import odoo
from odoo import http
from odoo.addons.web.controllers import main as web_main

# --- Deployment (SECURITY.md): the database manager, off with list_db ---


def _manager_allowed():
    if not odoo.tools.config["list_db"]:
        raise werkzeug.exceptions.NotFound()


class Database(web_main.Database):
    """With ``list_db = False`` the database manager is gone, not just the
    list: its pages take the master password over the network, and backup
    hands out a whole database."""

    @http.route()
    def selector(self, **kw):
        _manager_allowed()
        return super(Database, self).selector(**kw)

    @http.route()
    def manager(self, **kw):
        _manager_allowed()
        return super(Database, self).manager(**kw)

    @http.route()
    def create(self, master_pwd, name, lang, password, **post):
        _manager_allowed()
        return super(Database, self).create(master_pwd, name, lang, password, **post)

    @http.route()
    def duplicate(self, master_pwd, name, new_name):
        _manager_allowed()
        return super(Database, self).duplicate(master_pwd, name, new_name)

    @http.route()
    def drop(self, master_pwd, name):
        _manager_allowed()
        return super(Database, self).drop(master_pwd, name)

    @http.route()
    def backup(self, master_pwd, name, backup_format="zip"):
        _manager_allowed()
        return super(Database, self).backup(master_pwd, name, backup_format)

    @http.route()
    def restore(self, master_pwd, backup_file, name, copy=False):
        _manager_allowed()
        return super(Database, self).restore(master_pwd, backup_file, name, copy)

    @http.route()
    def change_password(self, master_pwd, master_pwd_new):
        _manager_allowed()
        return super(Database, self).change_password(master_pwd, master_pwd_new)

    @http.route()
    def list(self):
        _manager_allowed()
        return super(Database, self).list()

"""Controller overrides of the hardening (see hardening/__init__.py)."""

import base64
import json
import logging
import re
import unicodedata

import werkzeug.exceptions

import odoo
from odoo import _, http
from odoo.addons.web.controllers import main as web_main
from odoo.http import request

_logger = logging.getLogger(__name__)

# --- CVE-2018-15634, CVE-2021-45071: markup in the upload callback's page ---

# The web client names its callbacks o_fileupload12, oe_fileupload_temp3...
CALLBACK = re.compile(r"^[\w.]+$")
UPLOAD_PAGE = """<script language="javascript" type="text/javascript">
                    var win = window.top.window;
                    win.jQuery(win).trigger(%s, %s);
                </script>"""


def script_json(value):
    """JSON that cannot end the <script> it sits in, nor open markup."""
    return (
        json.dumps(value)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def check_callback(callback):
    if not CALLBACK.match(callback or ""):
        raise werkzeug.exceptions.BadRequest("Invalid upload callback.")


class Binary(web_main.Binary):
    """Odoo's two upload pages, with a checked callback and escaped JSON."""

    @http.route()
    def upload(self, callback, ufile):
        check_callback(callback)
        return self._upload_page(callback, ufile)

    @http.route()
    def upload_attachment(self, callback, model, id, ufile):
        check_callback(callback)
        return self._upload_attachment_page(callback, model, id)

    @web_main.serialize_exception
    def _upload_page(self, callback, ufile):
        try:
            data = ufile.read()
            args = [
                len(data),
                ufile.filename,
                ufile.content_type,
                base64.b64encode(data).decode("ascii"),
            ]
        except Exception as e:
            args = [False, str(e)]
        return UPLOAD_PAGE % (script_json(callback), script_json(args))

    @web_main.serialize_exception
    def _upload_attachment_page(self, callback, model, res_id):
        Model = request.env["ir.attachment"]
        args = []
        for ufile in request.httprequest.files.getlist("ufile"):
            filename = ufile.filename
            if request.httprequest.user_agent.browser == "safari":
                # Safari sends NFD UTF-8 (as Odoo does, keep it)
                filename = unicodedata.normalize("NFD", ufile.filename)
            try:
                attachment = Model.create(
                    {
                        "name": filename,
                        "datas": base64.encodebytes(ufile.read()),
                        "datas_fname": filename,
                        "res_model": model,
                        "res_id": int(res_id),
                    }
                )
            except Exception:
                args.append({"error": _("Something horrible happened")})
                _logger.exception("Fail to upload attachment %s", ufile.filename)
            else:
                args.append(
                    {
                        "filename": filename,
                        "mimetype": ufile.content_type,
                        "id": attachment.id,
                    }
                )
        return UPLOAD_PAGE % (script_json(callback), script_json(args))


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

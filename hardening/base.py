"""Files served for URL attachments, cached logins, translation wizards."""

import posixpath
import re

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessDenied, AccessError
from odoo.tools import consteq

# --- CVE-2024-45840: any file of an addon served through a URL attachment ---

MODULE_URL = re.compile(r"^/(\w+)/(.+)$")


def is_module_file_outside_static(url):
    """Whether ``url`` names a file of an addon that is not in its static/
    folder: ir.http would read such a file from the disk and serve it (for
    gov_plan, the repository root: .var/odoo.conf, the master password)."""
    match = MODULE_URL.match(url or "")
    if not match:
        return False
    path = posixpath.normpath(match.group(2))
    parts = path.split("/")
    return parts[0] != "static" or ".." in parts


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def binary_content(
        cls,
        xmlid=None,
        model="ir.attachment",
        id=None,
        field="datas",
        unique=False,
        filename=None,
        filename_field="datas_fname",
        download=False,
        mimetype=None,
        default_mimetype="application/octet-stream",
        access_token=None,
        env=None,
    ):
        """Such an attachment is a plain link, as in Odoo's fix: a redirect
        to its URL, where the web server serves only static/ folders."""
        from odoo.http import request

        env = env or request.env
        record = None
        if xmlid:
            record = env.ref(xmlid, False)
        elif id and model in env.registry:
            record = env[model].browse(int(id))
        if (
            record
            and record._name == "ir.attachment"
            and record.exists()
            and record.sudo().type == "url"
            and is_module_file_outside_static(record.sudo().url)
        ):
            # The same access checks as Odoo's, then the link.
            if access_token:
                if not consteq(record.sudo().access_token or "", access_token):
                    return (403, [], None)
            else:
                try:
                    record.check_access_rights("read")
                    record.check("read")
                except AccessError:
                    return (403, [], None)
            return (301, [], record.sudo().url)
        return super(IrHttp, cls).binary_content(
            xmlid=xmlid,
            model=model,
            id=id,
            field=field,
            unique=unique,
            filename=filename,
            filename_field=filename_field,
            download=download,
            mimetype=mimetype,
            default_mimetype=default_mimetype,
            access_token=access_token,
            env=env,
        )


# --- CVE-2021-44460: a deactivated user keeps working where a login is cached ---


class ResUsers(models.Model):
    _inherit = "res.users"

    @classmethod
    def check(cls, db, uid, passwd):
        """res.users keeps each process's checked passwords in a cache that
        only the process deactivating a user clears: ask the database."""
        super(ResUsers, cls).check(db, uid, passwd)
        cr = cls.pool.cursor()
        try:
            cr.execute("SELECT active FROM res_users WHERE id = %s", (uid,))
            row = cr.fetchone()
        finally:
            cr.close()
        if not (row and row[0]):
            raise AccessDenied()


# --- CVE-2019-11786: translation wizards load terms as superuser ---


def check_translation_admin(env):
    if env.uid == SUPERUSER_ID or env.user.has_group("base.group_system"):
        return
    raise AccessError(
        _("Only administrators (Settings) may load or import translations.")
    )


class BaseLanguageInstall(models.TransientModel):
    _inherit = "base.language.install"

    @api.model
    def create(self, values):
        check_translation_admin(self.env)
        return super(BaseLanguageInstall, self).create(values)

    @api.multi
    def lang_install(self):
        check_translation_admin(self.env)
        return super(BaseLanguageInstall, self).lang_install()


class BaseLanguageImport(models.TransientModel):
    _inherit = "base.language.import"

    @api.model
    def create(self, values):
        check_translation_admin(self.env)
        return super(BaseLanguageImport, self).create(values)

    @api.multi
    def import_lang(self):
        check_translation_admin(self.env)
        return super(BaseLanguageImport, self).import_lang()


class BaseUpdateTranslations(models.TransientModel):
    _inherit = "base.update.translations"

    @api.model
    def create(self, values):
        check_translation_admin(self.env)
        return super(BaseUpdateTranslations, self).create(values)

    @api.multi
    def act_update(self):
        check_translation_admin(self.env)
        return super(BaseUpdateTranslations, self).act_update()

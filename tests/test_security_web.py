"""Web pages, files and logins: CVE-2018-15634, CVE-2021-45071,
CVE-2024-45840, CVE-2021-44460 and CVE-2019-11786.

The controllers run with a request built in the test (werkzeug's test
environ), as the routes would call them; the live server was checked with
curl too (see the README, "Security"). Checked against the unpatched
behaviour as tests/security_common.py says.
"""

import base64
import io
from unittest import mock

import werkzeug.exceptions
from werkzeug.datastructures import FileStorage

from odoo.addons.web.controllers import main as web_main
from odoo.exceptions import AccessDenied, AccessError

from .common import GovPlanCase
from .security_common import fake_request, routed_class

PAYLOAD = "</script><script>alert(document.cookie)</script>"


def page_of(route, *args):
    """Status and text of what a route gives, an HTTP error included."""
    try:
        response = route(*args)
    except werkzeug.exceptions.HTTPException as error:
        response = error
    if isinstance(response, werkzeug.exceptions.HTTPException):
        response = response.get_response({})
    return response.status_code, response.get_data(as_text=True)


class TestUploadCallback(GovPlanCase):
    def test_callback_with_markup_refused(self):
        """A link to /web/binary/upload(_attachment)?callback=<markup> opened
        by a logged-in employee.

        Unpatched: the page carried the attacker's <script> as it was."""
        Binary = routed_class(web_main.Binary)
        with fake_request(self.env(user=self.staff_a), method="GET"):
            for status, page in (
                page_of(Binary().upload, PAYLOAD, "x"),
                page_of(Binary().upload_attachment, PAYLOAD, "gov.plan", "0", "x"),
            ):
                self.assertNotIn("<script>alert", page)
                self.assertEqual(status, 400)

    def test_file_name_with_markup_escaped(self):
        """CVE-2021-45071: the uploaded file's name is put in the page.

        Unpatched: the file name closed the script and opened another."""
        plan = self._plan()
        name = PAYLOAD + ".txt"
        Binary = routed_class(web_main.Binary)
        env = self.env(user=self.staff_a)
        data = {
            "callback": "oe_fileupload_temp3",
            "model": "gov.plan",
            "id": str(plan.id),
            "ufile": (io.BytesIO(b"noi dung"), name),
        }
        with fake_request(env, method="POST", data=data) as request:
            ufile = request.httprequest.files["ufile"]
            status, page = page_of(
                Binary().upload_attachment,
                "oe_fileupload_temp3",
                "gov.plan",
                str(plan.id),
                ufile,
            )
        self.assertEqual(status, 200)
        self.assertEqual(page.count("</script>"), 1)
        self.assertNotIn("<script>alert", page)
        self.assertIn('"oe_fileupload_temp3"', page)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "gov.plan"), ("res_id", "=", plan.id)]
        )
        self.assertEqual(attachment.datas_fname, name)  # stored as given
        with fake_request(env, method="GET"):
            status, page = page_of(
                Binary().upload,
                "o_fileupload7",
                FileStorage(io.BytesIO(b"abc"), filename=name),
            )
        self.assertEqual(status, 200)
        self.assertEqual(page.count("</script>"), 1)
        self.assertIn(base64.b64encode(b"abc").decode(), page)


class TestUrlAttachment(GovPlanCase):
    def _serve(self, user, url):
        attachment = (
            self.env["ir.attachment"]
            .sudo(user)
            .create({"name": "link", "type": "url", "url": url})
        )
        return self.env["ir.http"].binary_content(
            id=attachment.id, env=attachment.env
        )

    def test_addon_file_outside_static_not_served(self):
        """CVE-2024-45840: an employee's URL attachment naming a file of an
        addon; for gov_plan that tree holds .var/ (configuration, master
        password). The harmless probe reads the manifest.

        Unpatched: status 200 and the manifest's text."""
        for url in (
            "/gov_plan/__manifest__.py",
            "/gov_plan/static/../__manifest__.py",
            "/base/__manifest__.py",
        ):
            status, _headers, content = self._serve(self.staff_b, url)
            self.assertEqual(status, 301, url)
            self.assertEqual(content, url)

    def test_static_files_still_served(self):
        status, _headers, content = self._serve(
            self.staff_b, "/gov_plan/static/description/icon.png"
        )
        self.assertEqual(status, 200)
        self.assertTrue(base64.b64decode(content).startswith(b"\x89PNG"))
        plan = self._plan()
        attachment = self.env["ir.attachment"].sudo(self.staff_a).create(
            {
                "name": "a.txt",
                "datas": base64.b64encode(b"hello"),
                "res_model": "gov.plan",
                "res_id": plan.id,
            }
        )
        status, _headers, content = self.env["ir.http"].binary_content(
            id=attachment.id, env=attachment.env
        )
        self.assertEqual((status, base64.b64decode(content)), (200, b"hello"))


class _SharedCursor(object):
    """The test's cursor where res.users.check opens its own (close: no-op),
    so that it sees the users of this test's transaction."""

    def __init__(self, cr):
        self._cr = cr

    def __getattr__(self, name):
        return getattr(self._cr, name)

    def close(self):
        return None


class TestDeactivatedUser(GovPlanCase):
    def test_deactivated_user_refused_where_login_cached(self):
        """CVE-2021-44460: each Odoo process caches the passwords it checked;
        only the process that deactivates a user forgets them. Here another
        process's deactivation is the row's update in the database.

        Unpatched: the cached password still let the user in."""
        Users = self.registry["res.users"]
        user = self.env["res.users"].create(
            {
                "name": "Leaving",
                "login": "gp_leaving",
                "password": "Leaving-Passw0rd",
                "groups_id": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        dbname = self.env.cr.dbname
        with mock.patch.object(
            self.registry, "cursor", lambda *a, **k: _SharedCursor(self.env.cr)
        ):
            Users.check(dbname, user.id, "Leaving-Passw0rd")  # now cached
            self.env.cr.execute(
                "UPDATE res_users SET active = false WHERE id = %s", (user.id,)
            )
            with self.assertRaises(AccessDenied):
                Users.check(dbname, user.id, "Leaving-Passw0rd")
            self.env.cr.execute(
                "UPDATE res_users SET active = true WHERE id = %s", (user.id,)
            )
            Users.check(dbname, user.id, "Leaving-Passw0rd")  # normal use


class TestTranslationWizards(GovPlanCase):
    PO = (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b"#. module: gov_plan\n#: code:addons/gov_plan/tests/test_security_web.py:0\n"
        b"#, python-format\n"
        b'msgid "gov_plan security probe"\nmsgstr "%s"\n'
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sysadmin = cls.env["res.users"].create(
            {
                "name": "Settings administrator",
                "login": "gp_sysadmin_lang",
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("base.group_system").id,
                        ],
                    )
                ],
            }
        )

    def tearDown(self):
        self.env["ir.translation"].clear_caches()
        super().tearDown()

    def _term(self):
        self.env["ir.translation"].clear_caches()
        return self.env["ir.translation"]._get_source(
            None, ("code",), "vi_VN", "gov_plan security probe"
        )

    def _import(self, user, text):
        wizard = (
            self.env["base.language.import"]
            .sudo(user)
            .create(
                {
                    "name": "Vietnamese",
                    "code": "vi_VN",
                    "filename": "vi.po",
                    "overwrite": True,
                    "data": base64.b64encode(self.PO % text.encode()),
                }
            )
        )
        return wizard.import_lang()

    def test_employee_cannot_load_translations(self):
        """An employee imports a .po (the terms every user reads) and
        reloads a language: both are done as superuser.

        Unpatched: the term was translated as the employee wrote it."""
        with self.refused(AccessError):
            self._import(self.staff_a, "Đã bị sửa")
        self.assertEqual(self._term(), "gov_plan security probe")
        for model in ("base.language.install", "base.update.translations"):
            with self.refused(AccessError):
                self.env[model].sudo(self.staff_a).create({"lang": "vi_VN"})

    def test_administrator_loads_translations(self):
        """Normal use: a Settings administrator imports and loads."""
        self._import(self.sysadmin, "Thăm dò bảo mật")
        self.assertEqual(self._term(), "Thăm dò bảo mật")
        wizard = self.env["base.language.install"].sudo(self.sysadmin).create(
            {"lang": "vi_VN"}
        )
        wizard.lang_install()
        self.assertEqual(wizard.state, "done")

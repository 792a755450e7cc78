"""CVE-2020-29396, CVE-2021-44476/23166 and the template escalation.

What a template (stored, or typed into the mass-mail composer by an employee)
and a server action can reach. Checked against the unpatched behaviour as
tests/security_common.py says.
"""


from odoo.addons.base.ir import ir_model
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from .common import GovPlanCase


class SandboxCase(GovPlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sysadmin = cls.env["res.users"].create(
            {
                "name": "Settings administrator",
                "login": "gp_sysadmin",
                "lang": "en_US",
                "email": "sysadmin@example.org",
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("base.group_system").id,
                            cls.env.ref("base.group_partner_manager").id,
                        ],
                    )
                ],
            }
        )
        cls.partner = cls.env["res.partner"].create(
            {"name": "Sở Văn hóa", "email": "svh@example.org"}
        )

    def _mass_mail_subject(self, subject):
        """What an employee (staff of unit A) gets by typing ``subject`` in
        the mass-mail composer on a plan of theirs (subject and body are
        rendered as templates there)."""
        plan = self._plan(title="Kế hoạch kiểm thử")
        composer = (
            self.env["mail.compose.message"]
            .sudo(self.staff_a)
            .with_context(active_ids=[plan.id])
            .create(
                {
                    "composition_mode": "mass_mail",
                    "model": "gov.plan",
                    "res_id": plan.id,
                    "subject": subject,
                    "body": "<p>x</p>",
                }
            )
        )
        return composer.render_message([plan.id])[plan.id]["subject"]


class TestTemplateSandbox(SandboxCase):
    def test_employee_template_cannot_run_code(self):
        """datetime.sys.modules['os'] from a template typed by an employee.

        Unpatched: the subject came back as the server's process id."""
        payload = "${datetime.sys.modules['os'].getpid()}"
        with self.refused(UserError):
            self._mass_mail_subject(payload)
        Template = self.env["mail.template"].sudo(self.outsider)
        with self.refused(UserError):
            Template.render_template(payload, "res.partner", [self.partner.id])
        # the same through a plain attribute: refused, nothing of sys comes out
        with self.refused(UserError):
            self._mass_mail_subject("${datetime.sys.version}")

    def test_employee_cannot_store_template(self):
        """A stored template runs with the rights of whoever sends it.

        Unpatched: the employee's template was created."""
        model = self.env["ir.model"]._get("res.partner")
        with self.refused(AccessError):
            self.env["mail.template"].sudo(self.staff_a).create(
                {
                    "name": "Mine",
                    "model_id": model.id,
                    "subject": "${object.name}",
                }
            )
        template = self.env["mail.template"].sudo(self.sysadmin).create(
            {"name": "Admin's", "model_id": model.id, "subject": "${object.name}"}
        )
        with self.refused(AccessError):
            template.sudo(self.staff_a).write({"subject": "${user.name}"})
        with self.refused(AccessError):
            template.sudo(self.staff_a).unlink()

    def test_template_cannot_leave_user_rights(self):
        """sudo(), the cursor, an environment of the superuser.

        Unpatched: the subject listed every login (sudo), the cursor object
        and the superuser's name."""
        attempts = [
            "${object.sudo().env['res.users'].search([]).mapped('login')}",
            "${(object|attr('sudo'))().name}",
            "${object.env.cr.execute('SELECT 1')}",
            "${object.env(user=1).user.login}",
            "${object.with_env(object.env).name}",
        ]
        for payload in attempts:
            with self.refused(UserError, "Failed to render template"):
                self._mass_mail_subject(payload)
        # an attribute the sandbox hides renders as nothing
        self.assertEqual(self._mass_mail_subject("${object.env.registry}"), "")

    def test_templates_still_render(self):
        """Normal use: an administrator's template, sent by an employee."""
        plan = self._plan(title="Kế hoạch kiểm thử")
        template = self.env["mail.template"].sudo(self.sysadmin).create(
            {
                "name": "Notice",
                "model_id": self.env["ir.model"]._get("gov.plan").id,
                "subject": "${object.title} ${datetime.date(2024, 6, 30).year}",
                "body_html": "<p>${object.env.user.name}, "
                "${(datetime.datetime(2024, 1, 1) + datetime.timedelta(days=1)).day}"
                "</p>",
                "email_to": "svh@example.org",
            }
        )
        mail_id = template.sudo(self.staff_a).send_mail(plan.id)
        mail = self.env["mail.mail"].browse(mail_id)
        self.assertEqual(mail.subject, "Kế hoạch kiểm thử 2024")
        self.assertIn("Staff A, 2</p>", mail.body_html)
        self.assertEqual(
            self._mass_mail_subject("${object.title}"), "Kế hoạch kiểm thử"
        )


class TestServerActionContext(SandboxCase):
    def _run(self, code):
        action = (
            self.env["ir.actions.server"]
            .sudo(self.sysadmin)
            .create(
                {
                    "name": "probe",
                    "model_id": self.env["ir.model"]._get("res.partner").id,
                    "state": "code",
                    "code": code,
                }
            )
        )
        return action.with_context(
            active_model="res.partner", active_id=self.partner.id
        ).run()

    def test_server_action_cannot_reach_sys_or_files(self):
        """A Settings administrator's server action (not the superuser).

        Unpatched: the action returned sys.version, then a tzfile read from
        /etc/hostname."""
        for code in (
            "action = datetime.sys.version",
            "action = str(dateutil.tz.tzfile('/etc/hostname'))",
            "action = dateutil.tz.gettz('UTC')",
        ):
            with self.refused(ValueError):
                self._run(code)

    def test_server_actions_still_compute_dates(self):
        code = (
            "action = (datetime.date(2024, 1, 31)"
            " + dateutil.relativedelta.relativedelta(months=1)).isoformat()"
            " + dateutil.tz.UTC.tzname(None)"
        )
        self.assertEqual(self._run(code), "2024-02-29UTC")

    def test_computed_field_globals(self):
        """Manual computed fields run ``safe_eval(code, SAFE_EVAL_BASE,
        {'self': records})`` (ir.model make_compute): same restriction.

        Unpatched: the code read sys.version."""
        partner = self.partner.sudo(self.sysadmin)
        with self.assertRaises(ValueError):
            safe_eval(
                "self.write({'comment': datetime.sys.version})",
                ir_model.SAFE_EVAL_BASE,
                {"self": partner},
                mode="exec",
            )
        safe_eval(
            "self.write({'comment': str(datetime.date(2024, 1, 1))})",
            ir_model.SAFE_EVAL_BASE,
            {"self": partner},
            mode="exec",
        )
        self.assertEqual(self.partner.comment, "2024-01-01")

"""Two users taking the same step at the same moment, in two real transactions.

Two transactions cannot see the test's own uncommitted fixtures, so these
tests commit theirs through cursors of their own, tagged, and delete every
row they made at the end (tearDown checks that none is left).
"""

import threading
import unittest
import uuid
from unittest import mock

from psycopg2 import sql

import odoo
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.service import model as service_model
from odoo.tests.common import get_db_name

from odoo.addons.gov_plan.models.gov_plan_register import GovPlanRegister
from odoo.addons.gov_plan.models.gov_plan_workflow_mixin import GovPlanWorkflowMixin

from .common import issue_on_the_plan_date

# Tables holding what a test made, in the order they can be emptied.
CLEANUP = (
    (
        "mail_message",
        "(model = 'gov.plan' AND res_id IN %(plans)s) "
        "OR (model = 'gov.plan.report' AND res_id IN %(reports)s) "
        "OR (model = 'gov.plan.duty' AND res_id IN %(duties)s)",
    ),
    (
        "mail_followers",
        "(res_model = 'gov.plan' AND res_id IN %(plans)s) "
        "OR (res_model = 'gov.plan.report' AND res_id IN %(reports)s) "
        "OR (res_model = 'gov.plan.duty' AND res_id IN %(duties)s)",
    ),
    ("gov_plan_report", "plan_id IN %(plans)s"),
    ("gov_plan_report_request", "plan_id IN %(plans)s"),
    ("gov_plan", "id IN %(plans)s"),
    ("gov_plan_register", "agency_id IN %(agencies)s"),
    ("gov_plan_agency", "id IN %(agencies)s"),
    (
        "hr_employee",
        "resource_id IN (SELECT id FROM resource_resource "
        "WHERE user_id IN %(users)s)",
    ),
    ("resource_resource", "user_id IN %(users)s"),
    ("res_users", "id IN %(users)s"),
    ("res_partner", "id IN %(partners)s"),
    ("hr_department", "id IN %(units)s"),
)


class ConcurrencyCase(unittest.TestCase):
    def setUp(self):
        self.registry = odoo.registry(get_db_name())
        self.db = get_db_name()
        self.tag = uuid.uuid4().hex[:8]
        self.made = {"plans": [], "agencies": [], "users": [], "units": []}
        with self.registry.cursor() as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"tracking_disable": True, "no_reset_password": True}
            )
            self.build(env)

    def _user(self, env, name, role, unit):
        user = env["res.users"].create(
            {
                "name": name,
                "login": "%s_%s" % (name, self.tag),
                "lang": "en_US",
                "email": "%s_%s@example.org" % (name, self.tag),
                "groups_id": [(6, 0, [env.ref("gov_plan.group_gov_plan_" + role).id])],
            }
        )
        env["hr.employee"].create(
            {"name": name, "user_id": user.id, "department_id": unit.id}
        )
        self.made["users"].append(user.id)
        return user

    def _plan(self, env, unit, agency, **vals):
        values = {
            "title": "Concurrency " + self.tag,
            "agency_id": agency.id,
            "unit_id": unit.id,
            "date": "2031-04-05",
            "body_ids": [(0, 0, {"level": "clause", "name": "Nội dung"})],
            "duty_ids": [
                (
                    0,
                    0,
                    {"name": "Duty", "unit_id": unit.id, "date_deadline": "2031-12-14"},
                )
            ],
        }
        values.update(vals)
        plan = env["gov.plan"].create(values)
        self.made["plans"].append(plan.id)
        return plan

    def tearDown(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = env["res.users"].browse(self.made["users"])
            reports = env["gov.plan.report"].search(
                [("plan_id", "in", self.made["plans"])]
            )
            duties = env["gov.plan.duty"].search(
                [("plan_id", "in", self.made["plans"])]
            )
            rounds = env["gov.plan.report.request"].search(
                [("plan_id", "in", self.made["plans"])]
            )
            params = {
                "plans": tuple(self.made["plans"]) or (0,),
                "agencies": tuple(self.made["agencies"]) or (0,),
                "users": tuple(self.made["users"]) or (0,),
                "units": tuple(self.made["units"]) or (0,),
                "partners": tuple(users.mapped("partner_id").ids) or (0,),
                "reports": tuple(reports.ids) or (0,),
                "duties": tuple(duties.ids) or (0,),
                "rounds": tuple(rounds.ids) or (0,),
            }
            # Raw SQL: committed fixtures of another transaction, removed
            # whole; the table names and conditions are constants above.
            for table, condition in CLEANUP:
                cr.execute(
                    sql.SQL("DELETE FROM {} WHERE {}").format(
                        sql.Identifier(table), sql.SQL(condition)
                    ),
                    params,
                )
            cr.execute(
                "SELECT count(*) FROM res_users WHERE login LIKE %s",
                ("%\\_" + self.tag,),
            )
            self.assertEqual(cr.fetchone()[0], 0)


class TestConcurrentApproval(ConcurrencyCase):
    def build(self, env):
        unit = env["hr.department"].create({"name": "Concurrency " + self.tag})
        self.made["units"].append(unit.id)
        leaders = [self._user(env, n, "leader", unit) for n in ("leader1", "leader2")]
        staff = self._user(env, "staff", "user", unit)
        head = self._user(env, "head", "unit_head", unit)
        agency = env["gov.plan.agency"].create(
            {"name": "Agency " + self.tag, "code": "C" + self.tag}
        )
        self.made["agencies"].append(agency.id)
        plan = self._plan(env, unit, agency, state="issued")
        report = env["gov.plan.report"].create(
            {
                "plan_id": plan.id,
                "unit_id": unit.id,
                "period_type": "quarterly",
                "date_from": "2031-03-15",
                "date_to": "2031-06-14",
            }
        )
        report.sudo(staff)._fill_lines()
        report.sudo(staff).action_submit()
        report.sudo(head).action_accept()
        self.leaders = [u.id for u in leaders]
        self.report_id = report.id

    def test_two_leaders_at_once_give_one_approval(self):
        leader1, leader2 = self.leaders
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            env1 = api.Environment(cr1, leader1, {})
            env2 = api.Environment(cr2, leader2, {})
            env1["gov.plan.report"].browse(self.report_id).action_approve()
            # leader 1 has not committed yet: leader 2 is told to try again
            with self.assertRaisesRegex(UserError, "Someone else"):
                env2["gov.plan.report"].browse(self.report_id).action_approve()
            cr2.rollback()
            cr1.commit()
            # trying again after leader 1 committed: already approved
            env2.clear()
            with self.assertRaisesRegex(UserError, "Approved"):
                env2["gov.plan.report"].browse(self.report_id).action_approve()
            cr2.rollback()
        finally:
            cr1.close()
            cr2.close()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            report = env["gov.plan.report"].browse(self.report_id)
            self.assertEqual(report.state, "approved")
            self.assertEqual(report.approved_by_id.id, leader1)
            approvals = report.message_ids.filtered(
                lambda m: m.body and "Approved." in m.body
            )
            self.assertEqual(len(approvals), 1)


class TestConcurrentIssue(ConcurrencyCase):
    """Two clerks issue the first two plans of a year at the same moment.

    Failed before: both created the year's counter, and the second ended in
    "Odoo Server Error" (a unique violation); with a counter in place, the
    second was told to try again.
    """

    def build(self, env):
        unit = env["hr.department"].create({"name": "Concurrency " + self.tag})
        self.made["units"].append(unit.id)
        self.clerks = [
            self._user(env, n, "clerk", unit).id for n in ("clerk1", "clerk2")
        ]
        # the plans are signed by a deputy of the agency's leadership
        signer = self._user(env, "signer", "leader", unit).employee_ids[:1]
        agency = env["gov.plan.agency"].create(
            {"name": "Agency " + self.tag, "code": "C" + self.tag, "is_own": True}
        )
        self.made["agencies"].append(agency.id)
        self.plan_ids = [
            self._plan(
                env,
                unit,
                agency,
                state="approved",
                signer_id=signer.id,
                signer_title="PHÓ GIÁM ĐỐC",
                recipient_ids=[(0, 0, {"name": "Ban Giám đốc Sở"})],
            ).id
            for _i in range(2)
        ]

    def test_first_plans_of_a_year_issued_at_once_get_consecutive_numbers(self):
        taken = threading.Event()
        original = GovPlanRegister._take_number

        def slow_take_number(register, agency, doc_type, year):
            number = original(register, agency, doc_type, year)
            if not taken.is_set():
                taken.set()
                # hold the new counter, uncommitted, while the other clerk issues
                threading.Event().wait(1.0)
            return number

        errors = []

        def issue(clerk, plan_id, wait=None):
            if wait:
                wait.wait(10)
            try:
                with api.Environment.manage():
                    service_model.execute(
                        self.db, clerk, "gov.plan", "action_issue", [plan_id]
                    )
            except Exception as error:  # reported below
                errors.append(repr(error))

        GovPlanRegister._take_number = slow_take_number
        # issued on their date (2031), from the register of 2031
        issue_day = mock.patch.object(
            self.registry["gov.plan"], "_gov_issue_date", issue_on_the_plan_date
        )
        issue_day.start()
        try:
            threads = [
                threading.Thread(target=issue, args=(self.clerks[0], self.plan_ids[0])),
                threading.Thread(
                    target=issue, args=(self.clerks[1], self.plan_ids[1], taken)
                ),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        finally:
            GovPlanRegister._take_number = original
            issue_day.stop()
        self.assertEqual(errors, [])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            plans = env["gov.plan"].browse(self.plan_ids)
            self.assertEqual(plans.mapped("state"), ["issued", "issued"])
            self.assertEqual(sorted(plans.mapped("number")), [1, 2])
            self.assertEqual(
                sorted(plans.mapped("issued_by_id").ids), sorted(self.clerks)
            )


class TestConcurrentCompile(ConcurrencyCase):
    """The office and leadership compile the same round at the same moment.

    Failed before: the check for an existing consolidated report took no
    lock, and four users at once made four consolidated reports.
    """

    def build(self, env):
        unit = env["hr.department"].create(
            {"name": "Concurrency " + self.tag, "gov_is_office": True}
        )
        self.made["units"].append(unit.id)
        self.staff = self._user(env, "office", "user", unit).id
        self.leader = self._user(env, "leader", "leader", unit).id
        agency = env["gov.plan.agency"].create(
            {"name": "Agency " + self.tag, "code": "C" + self.tag}
        )
        self.made["agencies"].append(agency.id)
        plan = self._plan(env, unit, agency, state="issued")
        request = env["gov.plan.report.request"].create(
            {
                "name": "Round " + self.tag,
                "plan_id": plan.id,
                "date_from": "2031-03-15",
                "date_to": "2031-06-14",
                "date_deadline": "2031-06-20",
                "state": "open",
            }
        )
        env["gov.plan.report"].create(
            {
                "plan_id": plan.id,
                "unit_id": unit.id,
                "request_id": request.id,
                "period_type": "request",
                "date_from": "2031-03-15",
                "date_to": "2031-06-14",
                "state": "approved",
                "line_ids": [(0, 0, {"duty_id": plan.duty_ids.id, "result": "Xong"})],
            }
        )
        self.request_id = request.id

    def test_one_round_compiled_by_two_at_once_gives_one_report(self):
        created = threading.Event()
        original = GovPlanWorkflowMixin._gov_create_step

        def slow_create_step(report, name, label, vals):
            record = original(report, name, label, vals)
            if not created.is_set():
                created.set()
                threading.Event().wait(1.0)  # the other user compiles now
            return record

        outcomes = []

        def compile_round(uid, wait=None):
            if wait:
                wait.wait(10)
            try:
                with api.Environment.manage():
                    service_model.execute(
                        self.db,
                        uid,
                        "gov.plan.report.request",
                        "action_consolidate",
                        [self.request_id],
                    )
                outcomes.append("compiled")
            except UserError as error:
                outcomes.append(error.name)
            except Exception as error:  # reported below
                outcomes.append(repr(error))

        GovPlanWorkflowMixin._gov_create_step = slow_create_step
        try:
            threads = [
                threading.Thread(target=compile_round, args=(self.staff,)),
                threading.Thread(target=compile_round, args=(self.leader, created)),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        finally:
            GovPlanWorkflowMixin._gov_create_step = original
        self.assertEqual(outcomes[0], "compiled")
        self.assertIn("already compiled", outcomes[1])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            consolidated = env["gov.plan.report"].search(
                [
                    ("request_id", "=", self.request_id),
                    ("report_type", "=", "consolidated"),
                ]
            )
            self.assertEqual(len(consolidated), 1)
            self.assertEqual(consolidated.create_uid.id, self.staff)

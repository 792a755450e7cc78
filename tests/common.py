"""Fixtures shared by the tests: two units with staff and heads, leadership,
a records clerk and an administrator, all real users (never the superuser)."""

import contextlib
from unittest import mock

from odoo import fields
from odoo.tests.common import SavepointCase


def issue_on_the_plan_date(plan):
    """The day of the issue in the tests: the plan's own date (a plan dated
    05/04/2024 is issued on 05/04/2024, numbered from the register of 2024),
    or today for a plan without a date. tests/test_signature.py issues on
    other days to test the year of the register."""
    if plan.date:
        return fields.Date.from_string(plan.date)
    return fields.Date.from_string(fields.Date.context_today(plan))


class GovPlanCase(SavepointCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(
            context=dict(
                cls.env.context,
                tracking_disable=True,
                mail_create_nosubscribe=True,
                no_reset_password=True,
            )
        )
        cls.env = env
        cls.province = env["gov.plan.agency"].create(
            {
                "name": "UBND tỉnh Quảng Trị",
                "short_name": "UBND tỉnh",
                "code": "UBND",
                "place": "Quảng Trị",
                "regime": "collective",
                "collective_name": "ỦY BAN NHÂN DÂN",
                "head_title": "CHỦ TỊCH",
            }
        )
        cls.agency = env["gov.plan.agency"].create(
            {
                "name": "Sở Khoa học và Công nghệ",
                "code": "SKHCN",
                "parent_id": cls.province.id,
                "place": "Quảng Trị",
                "is_own": True,
            }
        )
        cls.culture = env["gov.plan.agency"].create(
            {
                "name": "Sở Văn hóa, Thể thao và Du lịch",
                "code": "SVHTTDL",
                "parent_id": cls.province.id,
            }
        )
        cls.type_kh = env.ref("gov_plan.document_type_kh")
        cls.type_bc = env.ref("gov_plan.document_type_bc")
        Dept = env["hr.department"]
        cls.unit_a = Dept.create({"name": "Văn phòng Sở (test)", "gov_is_office": True})
        cls.unit_b = Dept.create({"name": "Trung tâm (test)"})
        cls.unit_board = Dept.create({"name": "Ban Giám đốc (test)"})
        cls.staff_a = cls._user("staff_a", "user", cls.unit_a)
        cls.head_a = cls._user("head_a", "unit_head", cls.unit_a)
        cls.staff_b = cls._user("staff_b", "user", cls.unit_b)
        cls.head_b = cls._user("head_b", "unit_head", cls.unit_b)
        cls.leader = cls._user("leader", "leader", cls.unit_board, job="Phó Giám đốc")
        cls.clerk = cls._user("clerk", "clerk", cls.unit_a, job="Văn thư")
        cls.manager = cls._user("manager", "manager", cls.unit_board)
        cls.outsider = env["res.users"].create(
            {
                "name": "Employee without role",
                "login": "gp_outsider",
                "lang": "en_US",
                "groups_id": [(6, 0, [env.ref("base.group_user").id])],
            }
        )
        cls.signer = cls.leader.employee_ids[:1]
        # last, so that a fixture that fails leaves no patch behind
        cls._issue_day = mock.patch.object(
            type(env["gov.plan"]), "_gov_issue_date", issue_on_the_plan_date
        )
        cls._issue_day.start()

    @classmethod
    def tearDownClass(cls):
        cls._issue_day.stop()
        super().tearDownClass()

    @classmethod
    def _user(cls, login, role, unit, job="Chuyên viên"):
        env = cls.env
        user = env["res.users"].create(
            {
                "name": login.replace("_", " ").title(),
                "login": "gp_" + login,
                "lang": "en_US",
                "email": login + "@example.org",
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            env.ref("base.group_user").id,
                            env.ref("gov_plan.group_gov_plan_" + role).id,
                        ],
                    )
                ],
            }
        )
        job_record = env["hr.job"].search([("name", "=", job)], limit=1) or env[
            "hr.job"
        ].create({"name": job})
        env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "department_id": unit.id,
                "job_id": job_record.id,
            }
        )
        return user

    @contextlib.contextmanager
    def refused(self, exception, text=None):
        """Expect a refusal and roll back what it did, as a request would."""
        manager = (
            self.assertRaisesRegex(exception, text)
            if text
            else self.assertRaises(exception)
        )
        with manager as caught:
            with self.env.cr.savepoint():
                yield caught
        self.env.clear()  # as the rollback of a request

    def _plan(self, user=None, **vals):
        """A complete draft plan of unit A, ready to go through the workflow."""
        values = {
            "title": "Tổ chức thực hiện Kế hoạch kiểm thử",
            "agency_id": self.agency.id,
            "document_type_id": self.type_kh.id,
            "unit_id": self.unit_a.id,
            "date": "2024-04-05",
            "signer_id": self.signer.id,
            "signer_title": "PHÓ GIÁM ĐỐC",
            "authority": "KT",
            "authority_title": "GIÁM ĐỐC",
            "recipient_ids": [(0, 0, {"agency_id": self.culture.id})],
            "body_ids": [
                (0, 0, {"sequence": 1, "level": "section", "heading": "NỘI DUNG"}),
                (0, 0, {"sequence": 2, "level": "clause", "name": "Tuyên truyền"}),
                (
                    0,
                    0,
                    {
                        "sequence": 3,
                        "level": "section",
                        "heading": "TỔ CHỨC THỰC HIỆN",
                        "print_duties": True,
                    },
                ),
            ],
            "duty_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Hướng dẫn, đôn đốc",
                        "unit_id": self.unit_a.id,
                        "date_deadline": "2024-12-14",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Tuyên truyền",
                        "unit_id": self.unit_b.id,
                        "coordinating_unit_ids": [(6, 0, [self.unit_a.id])],
                        "date_deadline": "2024-06-30",
                    },
                ),
            ],
        }
        values.update(vals)
        return self.env["gov.plan"].sudo(user or self.staff_a).create(values)

    def _issued_plan(self, **vals):
        plan = self._plan(**vals)
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        plan.sudo(self.clerk).action_issue()
        return plan.sudo(self.staff_a)

    def _unit_report(
        self, plan, user, unit, date_from="2024-03-15", date_to="2024-06-14", **vals
    ):
        values = {
            "plan_id": plan.id,
            "unit_id": unit.id,
            "period_type": "quarterly",
            "date_from": date_from,
            "date_to": date_to,
        }
        values.update(vals)
        report = self.env["gov.plan.report"].sudo(user).create(values)
        report.action_fill_lines()
        return report

"""Every role x model x operation, on a record of the user's own unit and on
one of another unit. Acting as real users: the superuser is never used to
check a right, only to build the fixtures."""

from odoo.exceptions import AccessError, UserError

from .common import GovPlanCase

OPERATIONS = ("read", "write", "create", "unlink")
ALL = {op: (True, True) for op in OPERATIONS}
UNIT_ONLY = {op: (True, False) for op in OPERATIONS}
NONE = {op: (False, False) for op in OPERATIONS}

# role -> model -> operation -> (own unit allowed, other unit allowed)
MATRIX = {
    "staff_a": {
        "gov.plan": UNIT_ONLY,
        "gov.plan.duty": UNIT_ONLY,
        "gov.plan.report": UNIT_ONLY,
        "gov.plan.report.line": UNIT_ONLY,
    },
    "head_a": {
        "gov.plan": UNIT_ONLY,
        "gov.plan.duty": UNIT_ONLY,
        "gov.plan.report": UNIT_ONLY,
        "gov.plan.report.line": UNIT_ONLY,
    },
    "leader": {
        "gov.plan": ALL,
        "gov.plan.duty": ALL,
        "gov.plan.report": ALL,
        "gov.plan.report.line": ALL,
    },
    "manager": {
        "gov.plan": ALL,
        "gov.plan.duty": ALL,
        "gov.plan.report": ALL,
        "gov.plan.report.line": ALL,
    },
    "outsider": {
        "gov.plan": NONE,
        "gov.plan.duty": NONE,
        "gov.plan.report": NONE,
        "gov.plan.report.line": NONE,
    },
}


class TestAccessMatrix(GovPlanCase):
    """Unit A is the user's unit (for leader/manager: still "own" = A)."""

    def _records(self, unit, with_report=True):
        """A draft plan of ``unit`` that concerns only it, a duty, a draft
        report with one line; built as superuser (fixtures only)."""
        env = self.env
        plan = env["gov.plan"].create(
            {
                "title": "Kế hoạch của " + unit.name,
                "agency_id": self.agency.id,
                "unit_id": unit.id,
                "date": "2024-04-05",
                "duty_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Nhiệm vụ",
                            "unit_id": unit.id,
                            "date_deadline": "2024-12-14",
                        },
                    )
                ],
            }
        )
        if not with_report:
            return {"gov.plan": plan, "gov.plan.duty": plan.duty_ids}
        report = env["gov.plan.report"].create(
            {
                "plan_id": plan.id,
                "unit_id": unit.id,
                "period_type": "quarterly",
                "date_from": "2024-03-15",
                "date_to": "2024-06-14",
                "line_ids": [
                    (0, 0, {"duty_id": plan.duty_ids.id, "status": "progress"})
                ],
            }
        )
        return {
            "gov.plan": plan,
            "gov.plan.duty": plan.duty_ids,
            "gov.plan.report": report,
            "gov.plan.report.line": report.line_ids,
        }

    def _create_values(self, model, records):
        if model == "gov.plan":
            return {
                "title": "Mới",
                "agency_id": self.agency.id,
                "unit_id": records["gov.plan"].unit_id.id,
                "date": "2024-04-05",
            }
        if model == "gov.plan.duty":
            return {
                "name": "Mới",
                "plan_id": records["gov.plan"].id,
                "unit_id": records["gov.plan"].unit_id.id,
                "date_deadline": "2024-12-01",
            }
        if model == "gov.plan.report":
            return {
                "plan_id": records["gov.plan"].id,
                "unit_id": records["gov.plan"].unit_id.id,
                "period_type": "monthly",
                "date_from": "2024-05-15",
                "date_to": "2024-06-14",
            }
        return {
            "report_id": records["gov.plan.report"].id,
            "duty_id": records["gov.plan.duty"].id,
            "status": "progress",
        }

    def _write_values(self, model):
        return {
            "gov.plan": {"basis_intro": "Sửa"},
            "gov.plan.duty": {"description": "Sửa"},
            "gov.plan.report": {"difficulties": "Sửa"},
            "gov.plan.report.line": {"result": "Sửa"},
        }[model]

    def _try(self, user, model, operation, records):
        """True if ``user`` may do ``operation``; False on an access refusal."""
        Model = self.env[model].sudo(user)
        target = records[model]
        try:
            with self.env.cr.savepoint():
                if operation == "read":
                    found = Model.search([("id", "=", target.id)])
                    if not found:
                        return False
                    found.read([])
                elif operation == "write":
                    target.sudo(user).write(self._write_values(model))
                elif operation == "create":
                    Model.create(self._create_values(model, records))
                else:
                    target.sudo(user).unlink()
        except AccessError:
            return False
        finally:
            self.env.clear()  # as the rollback of a request
        return True

    def test_matrix(self):
        checked = 0
        for role, models in MATRIX.items():
            user = getattr(self, role)
            for model, operations in models.items():
                for operation, (own_ok, other_ok) in operations.items():
                    for unit, expected in (
                        (self.unit_a, own_ok),
                        (self.unit_b, other_ok),
                    ):
                        if role in ("leader", "manager") and unit == self.unit_a:
                            unit = self.unit_board
                        records = self._records(
                            unit,
                            with_report=not (
                                operation == "unlink"
                                and model in ("gov.plan", "gov.plan.duty")
                            ),
                        )
                        with self.subTest(
                            role=role, model=model, op=operation, unit=unit.name
                        ):
                            self.assertEqual(
                                self._try(user, model, operation, records), expected
                            )
                        checked += 1
        self.assertEqual(checked, 5 * 4 * 4 * 2)

    def test_other_units_records_are_invisible_in_lists(self):
        mine, theirs = self._records(self.unit_a), self._records(self.unit_b)
        for model in ("gov.plan", "gov.plan.duty", "gov.plan.report"):
            ids = (mine[model] | theirs[model]).ids
            self.assertEqual(
                self.env[model].sudo(self.staff_a).search([("id", "in", ids)]),
                mine[model].sudo(self.staff_a),
            )
            self.assertEqual(
                self.env[model].sudo(self.staff_b).search([("id", "in", ids)]),
                theirs[model].sudo(self.staff_b),
            )
            self.assertEqual(
                len(self.env[model].sudo(self.leader).search([("id", "in", ids)])), 2
            )

    def test_coordinating_unit_sees_the_duty_but_cannot_change_it(self):
        records = self._records(self.unit_b)
        duty = records["gov.plan.duty"]
        duty.coordinating_unit_ids = self.unit_a
        self.assertEqual(
            self.env["gov.plan.duty"].sudo(self.staff_a).search([("id", "=", duty.id)]),
            duty,
        )
        self.assertIn(
            records["gov.plan"], self.env["gov.plan"].sudo(self.staff_a).search([])
        )
        with self.assertRaises(AccessError):
            duty.sudo(self.staff_a).write({"description": "Sửa"})
        self.assertNotIn(
            records["gov.plan.report"],
            self.env["gov.plan.report"].sudo(self.staff_a).search([]),
        )

    def test_submitted_report_is_read_only_for_staff(self):
        records = self._records(self.unit_a)
        report = records["gov.plan.report"].sudo(self.staff_a)
        report.action_submit()
        with self.assertRaises((AccessError, UserError)):
            report.write({"difficulties": "Sửa sau khi gửi"})
        with self.assertRaises((AccessError, UserError)):
            report.unlink()
        self.assertFalse(report.difficulties)

    def test_clerk_reads_plans_to_issue_but_not_other_drafts(self):
        mine, theirs = self._records(self.unit_a), self._records(self.unit_b)
        Plan = self.env["gov.plan"].sudo(self.clerk)
        self.assertEqual(
            Plan.search([("id", "in", (mine["gov.plan"] | theirs["gov.plan"]).ids)]),
            mine["gov.plan"].sudo(self.clerk),
        )
        theirs["gov.plan"].sudo(self.staff_b).write(
            {
                "signer_id": self.signer.id,
                "signer_title": "PHÓ GIÁM ĐỐC",
                "recipient_ids": [(0, 0, {"agency_id": self.culture.id})],
            }
        )
        theirs["gov.plan"].sudo(self.staff_b).action_submit()
        theirs["gov.plan"].sudo(self.leader).action_approve()
        self.assertIn(theirs["gov.plan"], Plan.search([]))
        theirs["gov.plan"].sudo(self.clerk).action_issue()
        self.assertEqual(theirs["gov.plan"].state, "issued")

    def test_user_units_follow_the_employee_record(self):
        records = self._records(self.unit_b)
        self.assertFalse(
            self.env["gov.plan.report"]
            .sudo(self.staff_a)
            .search([("id", "=", records["gov.plan.report"].id)])
        )
        self.staff_a.employee_ids.write({"department_id": self.unit_b.id})
        self.assertEqual(self.staff_a.gov_unit_ids, self.unit_b)
        self.assertTrue(
            self.env["gov.plan.report"]
            .sudo(self.staff_a)
            .search([("id", "=", records["gov.plan.report"].id)])
        )

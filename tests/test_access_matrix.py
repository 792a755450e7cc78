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


class MatrixCase(GovPlanCase):
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
                "body_ids": [(0, 0, {"level": "clause", "name": "Nội dung"})],
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
            # reports are about issued plans only
            issued = self.env["gov.plan"].create(
                {
                    "title": "Kế hoạch đã ban hành",
                    "agency_id": self.agency.id,
                    "unit_id": records["gov.plan"].unit_id.id,
                    "date": "2024-04-05",
                    "state": "issued",
                }
            )
            return {
                "plan_id": issued.id,
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


class TestAccessMatrix(MatrixCase):
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


READ_ONLY = {
    "read": (True, True),
    "write": (False, False),
    "create": (False, False),
    "unlink": (False, False),
}
READ_OWN = {
    "read": (True, False),
    "write": (False, False),
    "create": (False, False),
    "unlink": (False, False),
}
LINES = ("gov.plan.item", "gov.plan.recipient", "gov.plan.basis")
AFTER_DRAFT_MODELS = (
    "gov.plan",
    "gov.plan.duty",
    "gov.plan.report",
    "gov.plan.report.line",
) + LINES

# Once a plan is issued and its report submitted, nobody writes anything but
# by a step: role -> model -> operation -> (own unit allowed, other unit).
AFTER_DRAFT = {
    "staff_a": dict.fromkeys(AFTER_DRAFT_MODELS, READ_OWN),
    "head_a": dict.fromkeys(AFTER_DRAFT_MODELS, READ_OWN),
    "leader": dict.fromkeys(AFTER_DRAFT_MODELS, READ_ONLY),
    "manager": dict.fromkeys(AFTER_DRAFT_MODELS, READ_ONLY),
    # the clerk reads issued plans and their lines; reports are the units'
    "clerk": dict(
        dict.fromkeys(("gov.plan", "gov.plan.duty") + LINES, READ_ONLY),
        **dict.fromkeys(("gov.plan.report", "gov.plan.report.line"), READ_OWN),
    ),
    "outsider": dict.fromkeys(AFTER_DRAFT_MODELS, NONE),
}


class TestAccessMatrixAfterDraft(MatrixCase):
    """The same matrix on an issued plan and a submitted report, with the
    records clerk and the plan's lines; a refusal is an AccessError or a
    UserError (frozen content)."""

    def _issued_records(self, unit):
        doc = self.env["gov.plan.external.document"].create(
            {
                "name": "75/KH-UBND",
                "date": "2024-03-29",
                "issuer_id": self.province.id,
                "title": "Thực hiện",
            }
        )
        plan = self.env["gov.plan"].create(
            {
                "title": "Kế hoạch của " + unit.name,
                "agency_id": self.agency.id,
                "unit_id": unit.id,
                "date": "2024-04-05",
                "state": "issued",
                "basis_ids": [(0, 0, {"external_document_id": doc.id})],
                "recipient_ids": [(0, 0, {"name": "Ban Giám đốc Sở"})],
                "body_ids": [(0, 0, {"level": "clause", "name": "Nội dung"})],
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
        report = self.env["gov.plan.report"].create(
            {
                "plan_id": plan.id,
                "unit_id": unit.id,
                "period_type": "quarterly",
                "date_from": "2024-03-15",
                "date_to": "2024-06-14",
                "state": "submitted",
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
            "gov.plan.item": plan.body_ids,
            "gov.plan.recipient": plan.recipient_ids,
            "gov.plan.basis": plan.basis_ids,
            "doc": doc,
        }

    def _create_values(self, model, records):
        plan = records["gov.plan"]
        if model == "gov.plan.item":
            return {"plan_id": plan.id, "level": "clause", "name": "Thêm"}
        if model == "gov.plan.recipient":
            return {"plan_id": plan.id, "name": "Thêm"}
        if model == "gov.plan.basis":
            return {"plan_id": plan.id, "external_document_id": records["doc"].id}
        return super()._create_values(model, records)

    def _write_values(self, model):
        return {
            "gov.plan.item": {"name": "Sửa"},
            "gov.plan.recipient": {"name": "Sửa"},
            "gov.plan.basis": {"sequence": 3},
        }.get(model) or super()._write_values(model)

    def _try(self, user, model, operation, records):
        try:
            return super()._try(user, model, operation, records)
        except UserError:
            return False

    def test_matrix(self):
        checked, wrong = 0, []
        for role, models in AFTER_DRAFT.items():
            user = getattr(self, role)
            for model, operations in models.items():
                for operation, (own_ok, other_ok) in operations.items():
                    if (
                        model in ("gov.plan", "gov.plan.report")
                        and operation == "create"
                    ):
                        continue  # a new plan or report is a draft: the first matrix
                    for unit, expected in (
                        (self.unit_a, own_ok),
                        (self.unit_b, other_ok),
                    ):
                        records = self._issued_records(unit)
                        if self._try(user, model, operation, records) != expected:
                            wrong.append((role, model, operation, unit.name, expected))
                        checked += 1
        self.assertEqual(wrong, [])
        self.assertEqual(checked, 6 * (7 * 4 - 2) * 2)

    def test_clerk_in_the_draft_matrix(self):
        """The clerk of unit A is staff of unit A on drafts: nothing more."""
        for model in (
            "gov.plan",
            "gov.plan.duty",
            "gov.plan.report",
            "gov.plan.report.line",
        ):
            for operation in OPERATIONS:
                for unit, expected in ((self.unit_a, True), (self.unit_b, False)):
                    records = self._records(
                        unit,
                        with_report=not (
                            operation == "unlink"
                            and model in ("gov.plan", "gov.plan.duty")
                        ),
                    )
                    with self.subTest(model=model, op=operation, unit=unit.name):
                        self.assertEqual(
                            MatrixCase._try(
                                self, self.clerk, model, operation, records
                            ),
                            expected,
                        )

"""Workflow fields are set by taking the step, never by a create or a write.

Every test here acts as a real user, over the ORM as XML-RPC would. Run on
the code before the workflow core (commit 5a96afc, with lib/workflow.py
copied in for the imports), 29 of these 33 tests failed: the write went
through, or the context key ``gov_plan_workflow`` switched the checks off.
The four that passed there are normal use (initial values, the tracked step,
an empty many2many) and a draft moved to another unit, which the record
rules already refused.
"""

from odoo.exceptions import AccessError, UserError

from odoo.addons.gov_plan.lib import workflow

from .common import GovPlanCase

# What a client may send along: nothing in it unlocks a step.
CONTEXTS = (
    {},
    {"gov_plan_workflow": True},
    {"gov_plan_workflow": 1, "tracking_disable": True, "mail_notrack": True},
)
GUARD = "workflow steps"


class GuardCase(GovPlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = {
            "staff": cls.staff_a,
            "head": cls.head_a,
            "leader": cls.leader,
            "clerk": cls.clerk,
            "manager": cls.manager,
        }

    def _value(self, record, name):
        """A value of the field's type that differs from the record's."""
        field = record._fields[name]
        if field.type == "selection":
            values = [v for v, _label in field._description_selection(self.env)]
            return [v for v in values if v != record[name]][-1]
        if field.type == "many2one":
            return {
                "res.users": self.leader.id,
                "hr.department": self.unit_b.id,
                "gov.plan.duty": self._other_duty().id,
                "gov.plan": self._plan(title="Khác").id,
                "gov.plan.report.request": self._round().id,
            }[field.comodel_name]
        if field.type == "many2many":
            return [
                (
                    6,
                    0,
                    [self._unit_report(self._issued(), self.staff_b, self.unit_b).id],
                )
            ]
        if field.type == "integer":
            return 7
        if field.type == "date":
            return "2024-05-05"
        if field.type in ("char", "text"):
            return "Giả mạo"
        raise AssertionError("no value for %s" % field.type)

    def _round(self):
        return (
            self.env["gov.plan.report.request"]
            .sudo(self.leader)
            .create(
                {
                    "name": "Đợt",
                    "plan_id": self._issued().id,
                    "date_from": "2024-03-15",
                    "date_to": "2024-06-14",
                    "date_deadline": "2024-06-20",
                }
            )
        )

    def _issued(self):
        if not getattr(self, "_issued_cache", None):
            self._issued_cache = self._issued_plan()
        return self._issued_cache

    def _other_duty(self):
        return self._issued().duty_ids.filtered(lambda d: d.unit_id == self.unit_b)

    def assertWritesRefused(self, record, names):
        for name in sorted(names):
            value = self._value(record, name)
            for role, user in self.roles.items():
                for context in CONTEXTS:
                    with self.refused((AccessError, UserError)) as caught:
                        record.sudo(user).with_context(context).write({name: value})
                    message = caught.exception.name
                    self.assertTrue(
                        GUARD in message or "no longer" in message,
                        "%s %s %s: %s" % (role, name, context, message),
                    )


class TestWritesRefused(GuardCase):
    """For every role, every workflow model, every field a step sets."""

    def test_plan(self):
        plan = self._plan()
        self.assertWritesRefused(plan, workflow.PLAN.guarded)
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.number)

    def test_approved_plan(self):
        plan = self._plan()
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        self.assertWritesRefused(plan, workflow.PLAN.guarded)

    def test_report(self):
        report = self._unit_report(self._issued(), self.staff_a, self.unit_a)
        self.assertWritesRefused(report, workflow.REPORT.guarded)
        self.assertEqual(report.state, "draft")

    def test_duty(self):
        duty = self._issued().duty_ids.filtered(lambda d: d.unit_id == self.unit_a)
        self.assertWritesRefused(duty, workflow.DUTY.guarded - {"date_deadline"})
        self.assertEqual(duty.state, "todo")

    def test_extension(self):
        duty = self._other_duty()
        extension = (
            self.env["gov.plan.duty.extension"]
            .sudo(self.staff_b)
            .create(
                {"duty_id": duty.id, "date_new": "2024-08-31", "reason": "Cần thêm"}
            )
        )
        self.roles = dict(self.roles, staff_b=self.staff_b)
        self.assertWritesRefused(
            extension, workflow.EXTENSION.guarded | workflow.EXTENSION.create_only
        )
        self.assertEqual(extension.state, "requested")

    def test_round(self):
        request = self._round()
        self.assertWritesRefused(request, workflow.ROUND.guarded)
        self.assertEqual(request.state, "draft")


class TestCreatesRefused(GuardCase):
    def test_plan_created_approved_or_numbered(self):
        for vals in (
            {"state": "approved"},
            {"state": "issued", "number": 1},
            {"number": 1, "date": "2031-01-05"},
            {"approved_by_id": self.leader.id},
            {"issued_number_symbol": "01/KH-SKHCN"},
        ):
            for user in (self.staff_a, self.leader, self.clerk, self.manager):
                with self.refused(AccessError, GUARD):
                    self._plan(user=user, **vals)

    def test_defaults_from_the_context_are_ignored(self):
        plan = (
            self.env["gov.plan"]
            .with_context(
                default_state="approved", default_approved_by_id=self.leader.id
            )
            .sudo(self.staff_a)
            .create({"title": "Mặc định", "unit_id": self.unit_a.id})
        )
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.approved_by_id)
        report = (
            self.env["gov.plan.report"]
            .with_context(default_state="approved", default_report_type="consolidated")
            .sudo(self.staff_a)
            .create(
                {
                    "plan_id": self._issued().id,
                    "unit_id": self.unit_a.id,
                    "date_from": "2024-03-15",
                    "date_to": "2024-06-14",
                }
            )
        )
        self.assertEqual((report.state, report.report_type), ("draft", "unit"))

    def test_initial_values_are_accepted(self):
        """What the web client sends for a new record is not refused."""
        plan = self._plan(state="draft", number=0, approved_by_id=False)
        self.assertEqual(plan.state, "draft")

    def test_report_created_approved_or_consolidated(self):
        source = self._unit_report(self._issued(), self.staff_b, self.unit_b)
        for vals in (
            {"state": "approved"},
            {"approved_by_id": self.leader.id},
            {"report_type": "consolidated"},
            {"source_report_ids": [(6, 0, source.ids)]},
        ):
            with self.refused(AccessError, GUARD):
                self._unit_report(self._issued(), self.staff_a, self.unit_a, **vals)

    def test_extension_created_approved(self):
        duty = self._other_duty()
        for vals in (
            {"state": "approved"},
            {"decided_by_id": self.leader.id},
            {"unit_id": self.unit_a.id},
        ):
            values = dict(duty_id=duty.id, date_new="2024-08-31", reason="x", **vals)
            with self.refused(AccessError, GUARD):
                self.env["gov.plan.duty.extension"].sudo(self.staff_b).create(values)

    def test_duty_created_done(self):
        plan = self._plan()
        with self.refused(AccessError, GUARD):
            self.env["gov.plan.duty"].sudo(self.staff_a).create(
                {
                    "name": "Đã xong",
                    "plan_id": plan.id,
                    "unit_id": self.unit_a.id,
                    "date_deadline": "2024-12-14",
                    "state": "done_on_time",
                    "progress": 100,
                }
            )


class TestAttacks(GuardCase):
    """The attacks of issue 9, as the demo users made them."""

    def test_self_approved_plan_cannot_be_issued(self):
        plan = self._plan()
        with self.refused(AccessError, GUARD):
            plan.write({"state": "approved", "approved_by_id": self.leader.id})
        with self.refused(UserError, "Draft"):
            plan.sudo(self.clerk).action_issue()
        self.assertEqual(plan.state, "draft")

    def test_numbered_drafts_do_not_block_the_register(self):
        for number in (1, 2, 3):
            with self.refused(AccessError, GUARD):
                self._plan(number=number, date="2031-02-01")
        plan = self._plan(date="2031-02-01", duty_ids=[])
        plan.write(
            {
                "duty_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Việc",
                            "unit_id": self.unit_a.id,
                            "date_deadline": "2031-12-14",
                        },
                    )
                ]
            }
        )
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        plan.sudo(self.clerk).action_issue()
        self.assertEqual(plan.number_symbol, "01/KH-SKHCN")

    def test_self_approved_report_is_not_gathered(self):
        plan = self._issued()
        report = self._unit_report(plan, self.staff_a, self.unit_a)
        with self.refused(AccessError, GUARD):
            report.write({"state": "approved"})
        with self.refused(UserError, "No approved unit report"):
            self.env["gov.plan.report"].sudo(self.staff_a).create_consolidated(
                plan, "2024-03-15", "2024-06-14"
            )

    def test_context_key_does_not_unfreeze(self):
        plan = self._issued()
        duty = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        key = {"gov_plan_workflow": True}
        with self.refused(AccessError, GUARD):
            duty.sudo(self.head_b).with_context(key).write({"state": "done_on_time"})
        with self.refused(UserError, "no longer a draft"):
            plan.sudo(self.clerk).with_context(key).write({"title": "Đã sửa"})
        with self.refused(UserError, "only be changed while"):
            duty.sudo(self.leader).with_context(key).write(
                {"date_deadline": "2025-01-01"}
            )
        self.assertEqual(duty.state, "todo")

    def test_report_line_on_another_units_duty(self):
        plan = self._issued()
        report = self._unit_report(plan, self.staff_a, self.unit_a)
        other = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        Line = self.env["gov.plan.report.line"].sudo(self.staff_a)
        with self.refused(Exception, "own plan and unit"):
            Line.create({"report_id": report.id, "duty_id": other.id, "result": "x"})
        line = report.line_ids[:1].sudo(self.staff_a)
        with self.refused(Exception, "own plan and unit"):
            line.write({"duty_id": other.id})
        with self.refused(Exception, "own plan and unit"):
            line.write({"source_report_id": report.id})

    def test_extension_is_a_request_of_ones_own_unit(self):
        plan = self._issued()
        duty_a = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_a)
        duty_b = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        Extension = self.env["gov.plan.duty.extension"]
        with self.refused(AccessError):
            Extension.sudo(self.staff_a).create(
                {"duty_id": duty_b.id, "date_new": "2024-08-31", "reason": "x"}
            )
        extension = Extension.sudo(self.staff_b).create(
            {"duty_id": duty_b.id, "date_new": "2024-08-31", "reason": "Cần thêm"}
        )
        with self.refused(AccessError, GUARD):
            extension.write({"duty_id": duty_a.id})
        with self.refused(AccessError, GUARD):
            extension.write({"date_new": "2025-12-31"})
        extension.sudo(self.leader).action_refuse(reason="Không đủ căn cứ")
        with self.refused(AccessError, GUARD):
            extension.write({"state": "requested"})
        with self.refused(UserError):
            extension.sudo(self.leader).action_approve()
        self.assertEqual(duty_b.date_deadline, "2024-06-30")
        self.assertEqual(extension.decided_by_id, self.leader)

    def test_the_clerk_writes_only_by_issuing(self):
        plan = self._issued().sudo(self.clerk)
        number = plan.number_symbol
        attempts = [
            {"number": 9},
            {"date": "2024-05-05"},
            {"state": "done"},
            {"active": False},
            {"issued_number_symbol": "09/KH-SKHCN"},
            {"title": "Khác"},
            {"recipient_ids": [(0, 0, {"name": "Thêm"})]},
            {"body_ids": [(0, 0, {"level": "clause", "name": "Thêm"})]},
        ]
        for vals in attempts:
            with self.refused((AccessError, UserError)):
                plan.write(vals)
        with self.refused(UserError, "already issued"):
            plan.action_issue()
        with self.refused(AccessError):
            plan.action_done()
        with self.refused((AccessError, UserError)):
            plan.recipient_ids[:1].write({"name": "Đổi"})
        with self.refused((AccessError, UserError)):
            plan.body_ids[:1].unlink()
        self.assertEqual(plan.number_symbol, number)
        self.assertTrue(plan.active)

    def test_the_clerk_reads_no_draft_of_other_units(self):
        draft = self._plan(
            user=self.staff_b,
            unit_id=self.unit_b.id,
            duty_ids=[
                (
                    0,
                    0,
                    {
                        "name": "Riêng",
                        "unit_id": self.unit_b.id,
                        "date_deadline": "2024-12-14",
                    },
                )
            ],
        )
        found = (
            self.env["gov.plan.duty"]
            .sudo(self.clerk)
            .search([("plan_id", "=", draft.id)])
        )
        self.assertFalse(found)
        self.assertFalse(
            self.env["gov.plan.item"]
            .sudo(self.clerk)
            .search([("plan_id", "=", draft.id)])
        )

    def test_issued_plan_keeps_what_it_printed(self):
        doc = (
            self.env["gov.plan.external.document"]
            .sudo(self.staff_a)
            .create(
                {
                    "name": "75/KH-UBND",
                    "date": "2024-03-29",
                    "issuer_id": self.province.id,
                    "document_type_id": self.type_kh.id,
                    "title": "Thực hiện Phong trào",
                }
            )
        )
        plan = self._issued_plan(basis_ids=[(0, 0, {"external_document_id": doc.id})])

        def printed_now():
            plan.invalidate_cache()
            return (
                "\n".join(text for text, _italic in plan._print_basis()),
                plan._print_recipients(),
                plan._print_header(),
                plan._print_signature(),
                plan.number_symbol,
            )

        printed = printed_now()
        self.assertIn("75/KH-UBND", printed[0])
        # staff may no longer rewrite it; the clerk may, the plan keeps its text
        with self.refused(AccessError):
            doc.write({"name": "99/KH-UBND"})
        doc.sudo(self.clerk).write({"name": "99/KH-UBND", "title": "Khác"})
        self.agency.sudo(self.manager).write({"code": "SKHCN2", "name": "Sở mới"})
        self.culture.sudo(self.manager).write({"name": "Sở đổi tên"})
        self.type_kh.sudo(self.manager).write({"code": "KHX"})
        self.signer.sudo().write({"name": "Người khác"})
        self.assertEqual(printed_now(), printed)

    def test_a_staff_member_rewrites_no_one_elses_document(self):
        doc = (
            self.env["gov.plan.external.document"]
            .sudo(self.staff_b)
            .create(
                {
                    "name": "12/KH-UBND",
                    "date": "2024-03-01",
                    "issuer_id": self.province.id,
                    "title": "Tài liệu",
                }
            )
        )
        with self.refused(AccessError):
            doc.sudo(self.staff_a).write({"title": "Sửa"})
        doc.write({"title": "Sửa của mình"})
        self.assertEqual(doc.title, "Sửa của mình")


class TestRealActor(GuardCase):
    def test_the_step_is_tracked_under_the_actors_name(self):
        plan = self._plan().with_context(tracking_disable=False)
        plan.sudo(self.staff_a).with_context(tracking_disable=False).action_submit()
        tracked = (
            plan.sudo()
            .message_ids.mapped("tracking_value_ids")
            .filtered(lambda t: t.field == "state")
        )
        self.assertEqual(tracked.mapped("new_value_char"), ["Submitted"])
        self.assertEqual(
            tracked.mapped("mail_message_id.author_id"), self.staff_a.partner_id
        )

    def test_return_to_draft_clears_the_approver(self):
        plan = self._plan()
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        self.assertEqual(plan.approved_by_id, self.leader)
        plan.sudo(self.leader).action_back_to_draft(reason="Bổ sung")
        self.assertFalse(plan.approved_by_id)
        self.assertEqual(plan.state, "draft")

    def test_returned_report_loses_its_acceptance(self):
        report = self._unit_report(self._issued(), self.staff_a, self.unit_a)
        report.action_submit()
        report.sudo(self.head_a).action_accept()
        report.sudo(self.leader).action_return(reason="Thiếu số liệu")
        self.assertFalse(report.accepted_by_id)
        self.assertEqual(report.state, "returned")

    def _quarter_two(self, plan):
        """The period wizard of the office, for the second quarter of 2024."""
        return (
            self.env["gov.plan.period.wizard"]
            .sudo(self.staff_a)
            .create(
                {
                    "plan_id": plan.id,
                    "period_type": "quarterly",
                    "year": "2024",
                    "index": 2,
                }
            )
        )

    def test_round_and_consolidated_report_name_who_made_them(self):
        plan = self._issued()
        wizard = self._quarter_two(plan)
        action = wizard.action_open()
        request = self.env["gov.plan.report.request"].browse(action["res_id"])
        self.assertEqual(request.create_uid, self.staff_a)
        self.assertEqual(request.state, "open")
        self.assertEqual(request.report_ids.mapped("create_uid"), self.staff_a)
        for report in request.report_ids:
            opened = report.sudo().message_ids.filtered(
                lambda m: "Draft opened by the round" in (m.body or "")
            )
            self.assertEqual(opened.mapped("author_id"), self.staff_a.partner_id)
        # the same period again: refused, pointing at the round
        wizard = self._quarter_two(plan)
        with self.refused(UserError, "already open"):
            wizard.action_open()
        for report in request.report_ids:
            user = self.staff_a if report.unit_id == self.unit_a else self.staff_b
            head = self.head_a if report.unit_id == self.unit_a else self.head_b
            report.sudo(user).action_nothing_new()
            report.sudo(user).action_submit()
            report.sudo(head).action_accept()
            report.sudo(self.leader).action_approve()
        action = request.sudo(self.staff_a).action_consolidate()
        consolidated = self.env["gov.plan.report"].browse(action["res_id"])
        self.assertEqual(consolidated.create_uid, self.staff_a)
        units = request.report_ids.filtered(lambda r: r.report_type == "unit")
        self.assertEqual(len(units), 2)
        self.assertEqual(consolidated.source_report_ids, units)
        self.assertEqual(consolidated.request_id, request)
        with self.refused(UserError, "already compiled"):
            request.sudo(self.staff_a).action_consolidate()


class TestDraftDutiesAreNotAssigned(GuardCase):
    def test_duties_of_a_draft_plan_are_never_overdue(self):
        plan = self._plan(date="2024-01-05")
        Duty = (
            self.env["gov.plan.duty"]
            .sudo(self.staff_a)
            .with_context(gov_today="2025-01-01")
        )
        duties = Duty.browse(plan.duty_ids.ids)
        self.assertEqual(duties.mapped("is_overdue"), [False, False])
        self.assertFalse(
            Duty.search([("plan_id", "=", plan.id), ("is_overdue", "=", True)])
        )
        self.assertEqual(
            len(Duty.search([("plan_id", "=", plan.id), ("is_overdue", "=", False)])), 2
        )
        issued = self._issued()
        overdue = Duty.search([("plan_id", "=", issued.id), ("is_overdue", "=", True)])
        self.assertEqual(len(overdue), 2)

    def test_the_duty_lists_open_on_assigned_duties(self):
        action = self.env.ref("gov_plan.gov_plan_duty_action")
        self.assertIn("search_default_assigned", action.context)
        draft = self._plan()
        issued = self._issued()
        Duty = self.env["gov.plan.duty"].sudo(self.staff_a)
        assigned = Duty.search([("plan_state", "in", ("issued", "done"))])
        self.assertEqual(assigned, issued.duty_ids.sudo(self.staff_a))
        self.assertFalse(assigned & draft.duty_ids)
        self.assertEqual(
            self.env["gov.plan.duty.analysis"].search_count(
                [("plan_id", "=", draft.id)]
            ),
            0,
        )


class TestLinksAndComputedFields(GuardCase):
    """Links to another unit's records and computed values, set by hand."""

    def test_computed_fields_cannot_be_written(self):
        plan = self._plan()
        for vals in (
            {"number_symbol": "05/KH-SKHCN"},
            {"concerned_unit_ids": [(6, 0, [self.unit_b.id])]},
            {"year": 2030},
        ):
            with self.refused(AccessError, "computed"):
                plan.write(vals)
        report = self._unit_report(self._issued(), self.staff_a, self.unit_a)
        with self.refused(AccessError, "computed"):
            report.line_ids[:1].write({"unit_id": self.unit_b.id})
        with self.refused(AccessError, "computed"):
            report.write({"name": "Báo cáo khác"})
        self.assertIn("…/KH-SKHCN", plan.number_symbol)
        self.assertEqual(plan.concerned_unit_ids, self.unit_a | self.unit_b)

    def test_a_report_stays_with_its_plan_unit_and_round(self):
        report = self._unit_report(self._issued(), self.staff_a, self.unit_a)
        other_plan = self._issued_plan(title="Kế hoạch khác")
        for vals in (
            {"unit_id": self.unit_b.id},
            {"plan_id": other_plan.id},
        ):
            with self.refused(AccessError, GUARD):
                report.write(vals)
        request = (
            self.env["gov.plan.report.request"]
            .sudo(self.leader)
            .create(
                {
                    "name": "Đợt khác",
                    "plan_id": other_plan.id,
                    "date_from": "2024-03-15",
                    "date_to": "2024-06-14",
                    "date_deadline": "2024-06-20",
                }
            )
        )
        with self.refused(AccessError, GUARD):
            self._unit_report(
                self._issued(), self.staff_a, self.unit_a, request_id=request.id
            )

    def test_a_draft_goes_only_to_ones_own_unit(self):
        plan = self._plan()
        with self.refused(AccessError):
            plan.write({"unit_id": self.unit_b.id})
        with self.refused(AccessError):
            self._plan(unit_id=self.unit_b.id)
        self.assertEqual(plan.unit_id, self.unit_a)

    def test_an_empty_many2many_is_not_a_value(self):
        report = self._unit_report(
            self._issued(), self.staff_a, self.unit_a, source_report_ids=[(6, 0, [])]
        )
        self.assertFalse(report.source_report_ids)


class TestVietnameseRefusals(GuardCase):
    def test_the_refusal_speaks_vietnamese(self):
        self.staff_a.lang = "vi_VN"
        plan = self._plan()
        with self.refused(AccessError, "chỉ được đặt bằng các bước của quy trình"):
            plan.sudo(self.staff_a).write({"state": "approved"})
        with self.refused(AccessError, "được tính tự động"):
            plan.sudo(self.staff_a).write({"number_symbol": "05/KH-SKHCN"})


class TestSecondRound(GuardCase):
    """What a tester found over XML-RPC once the workflow core had landed;
    each of these went through before its fix."""

    def _set_default(self, user, model, field, value):
        self.env["ir.default"].sudo(user).set(model, field, value, user_id=True)

    def test_personal_defaults_set_no_step_field(self):
        for name, value in (
            ("state", "done_on_time"),
            ("progress", 100),
            ("date_done", "2024-05-01"),
        ):
            self._set_default(self.staff_a, "gov.plan.duty", name, value)
        for name, value in (("number", 88), ("approved_by_id", self.leader.id)):
            self._set_default(self.staff_a, "gov.plan", name, value)
        for name, value in (
            ("report_type", "consolidated"),
            ("approved_by_id", self.leader.id),
        ):
            self._set_default(self.staff_a, "gov.plan.report", name, value)
        self._set_default(self.staff_b, "gov.plan.duty.extension", "state", "approved")
        plan = self._plan(duty_ids=[])
        self.assertEqual((plan.number, plan.approved_by_id.id), (0, False))
        duty = (
            self.env["gov.plan.duty"]
            .sudo(self.staff_a)
            .create(
                {
                    "plan_id": plan.id,
                    "unit_id": self.unit_a.id,
                    "name": "x",
                    "date_deadline": "2024-12-14",
                }
            )
        )
        self.assertEqual(
            (duty.state, duty.progress, duty.date_done), ("todo", 0, False)
        )
        report = self._unit_report(self._issued(), self.staff_a, self.unit_a)
        self.assertEqual(report.report_type, "unit")
        self.assertFalse(report.approved_by_id)
        extension = (
            self.env["gov.plan.duty.extension"]
            .sudo(self.staff_b)
            .create(
                {
                    "duty_id": self._other_duty().id,
                    "date_new": "2024-08-31",
                    "reason": "x",
                }
            )
        )
        self.assertEqual(extension.state, "requested")

    def test_the_same_plan_twice_in_one_call_is_issued_once(self):
        plan = self._plan()
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        Plan = self.env["gov.plan"].sudo(self.clerk)
        with self.refused(UserError, "twice"):
            Plan.browse([plan.id, plan.id]).action_issue()
        with self.refused(UserError, "at least one"):
            Plan.browse().action_issue()
        Plan.browse(plan.id).action_issue()
        self.assertEqual(plan.number_symbol, "01/KH-SKHCN")

    def test_two_twin_rounds_opened_in_one_call(self):
        values = {
            "name": "Đợt",
            "plan_id": self._issued().id,
            "date_from": "2024-10-15",
            "date_to": "2024-11-14",
            "date_deadline": "2024-11-20",
        }
        Round = self.env["gov.plan.report.request"].sudo(self.staff_a)
        twins = Round.create(values) | Round.create(values)
        with self.refused(UserError, "already open"):
            twins.action_open()
        self.assertEqual(twins.mapped("state"), ["draft", "draft"])

    def test_a_duty_does_not_move_into_another_plan(self):
        issued = self._issued()
        draft = self._plan()
        duty = draft.duty_ids[:1]
        for user in (self.staff_a, self.leader):
            with self.refused(AccessError, GUARD):
                duty.sudo(user).write({"plan_id": issued.id})
        self.assertEqual(len(issued.duty_ids), 2)

    def test_the_history_is_kept(self):
        plan = self._plan()
        plan.action_submit()
        message = plan.sudo().message_ids[:1]
        for user in (self.staff_a, self.leader, self.manager):
            with self.refused(AccessError):
                plan.sudo(user).write({"message_ids": [(2, message.id)]})
            with self.refused(AccessError, "history"):
                message.sudo(user).unlink()
            with self.refused(AccessError, "history"):
                message.sudo(user).write({"body": "Sửa lịch sử"})
        with self.refused(AccessError, "own name"):
            plan.sudo(self.staff_a).message_post(
                body="Đã phê duyệt.", author_id=self.leader.partner_id.id
            )
        self.assertTrue(message.exists())

    def test_a_plan_is_copied_with_its_contents(self):
        plan = self._plan()
        plan.duty_ids[:1].content_item_id = plan.body_ids[:1]
        copy = plan.sudo(self.staff_a).copy()
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.duty_ids.mapped("content_item_id"), copy.body_ids[:1])

    def test_the_clerk_corrects_a_cited_document(self):
        doc = (
            self.env["gov.plan.external.document"]
            .sudo(self.clerk)
            .create(
                {
                    "name": "75/KH-UBND",
                    "date": "2024-03-29",
                    "issuer_id": self.province.id,
                    "document_type_id": self.type_kh.id,
                    "title": "Thực hiện",
                }
            )
        )
        plan = self._issued_plan(basis_ids=[(0, 0, {"external_document_id": doc.id})])
        printed = plan._print_basis()
        doc.write({"date": "2024-03-28"})
        plan.invalidate_cache()
        self.assertEqual(plan._print_basis(), printed)


class TestThirdRound(GuardCase):
    """What a second tester found on a fresh demo; each went through (or, the
    first, was refused) before its fix."""

    def test_drafts_can_still_be_deleted_with_their_history(self):
        plan = self._plan().with_context(tracking_disable=False)
        plan.message_post(body="Ghi chú")
        duty = plan.duty_ids[:1]
        duty.sudo(self.staff_a).message_post(body="Ghi chú")
        duty.sudo(self.staff_a).unlink()
        report = self._unit_report(self._issued(), self.staff_a, self.unit_a)
        report.message_post(body="Ghi chú")
        report.unlink()
        plan.sudo(self.staff_a).unlink()
        self.assertFalse(plan.exists() or report.exists() or duty.exists())
        # the history of what stays is still kept
        issued = self._issued()
        with self.refused(AccessError, "history"):
            issued.sudo().message_ids[:1].sudo(self.leader).unlink()

    def test_no_comment_under_another_name_or_address(self):
        plan = self._issued()
        for values in (
            {"author_id": False, "email_from": "Lãnh đạo <leader@example.org>"},
            {"email_from": "leader@example.org"},
        ):
            with self.refused(AccessError, "own name"):
                plan.sudo(self.staff_a).message_post(body="Đã phê duyệt", **values)
        plan.sudo(self.staff_a).message_post(body="Ý kiến của tôi")

    def test_no_report_on_the_duties_of_a_draft_plan(self):
        draft = self._plan()
        with self.refused(UserError, "not issued yet"):
            self._unit_report(draft, self.staff_a, self.unit_a)

    def test_one_report_per_unit_and_cut_off_and_none_added_to_a_round(self):
        plan = self._issued()
        report = self._unit_report(plan, self.staff_a, self.unit_a)
        with self.refused(Exception, "already has a report"):
            self._unit_report(plan, self.staff_a, self.unit_a)
        with self.refused(Exception, "already has a report"):
            report.copy()
        request = (
            self.env["gov.plan.report.request"]
            .sudo(self.leader)
            .create(
                {
                    "name": "Đợt",
                    "plan_id": plan.id,
                    "date_from": "2024-06-15",
                    "date_to": "2024-09-14",
                    "date_deadline": "2024-09-20",
                }
            )
        )
        with self.refused(AccessError, GUARD):
            self._unit_report(
                plan,
                self.staff_a,
                self.unit_a,
                date_from="2024-06-15",
                date_to="2024-09-14",
                request_id=request.id,
            )

    def test_the_responsible_works_in_the_lead_unit(self):
        duty = self._other_duty()
        with self.refused(Exception, "works in its lead unit"):
            duty.sudo(self.head_b).write({"user_id": self.staff_a.id})
        duty.sudo(self.head_b).write({"user_id": self.staff_b.id})
        self.assertEqual(duty.user_id, self.staff_b)

    def test_a_lead_unit_does_not_rewrite_another_units_draft(self):
        draft = self._plan()
        duty_b = draft.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        with self.refused(AccessError):
            duty_b.sudo(self.head_b).write({"date_deadline": "2030-12-31"})
        duty_b.sudo(self.staff_a).write({"date_deadline": "2024-07-31"})
        self.assertEqual(duty_b.date_deadline, "2024-07-31")

    def test_an_extension_is_copied_as_a_new_request(self):
        extension = (
            self.env["gov.plan.duty.extension"]
            .sudo(self.staff_b)
            .create(
                {
                    "duty_id": self._other_duty().id,
                    "date_new": "2024-08-31",
                    "reason": "x",
                }
            )
        )
        copy = extension.copy()
        self.assertEqual((copy.state, copy.unit_id), ("requested", self.unit_b))

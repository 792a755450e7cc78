"""The workflow tables and the duty status rules: plain Python, no database."""

import datetime
import unittest

from odoo.addons.gov_plan.lib import workflow

D = datetime.date


class TestTables(unittest.TestCase):
    def test_every_step_field_is_guarded(self):
        for wf in workflow.WORKFLOWS.values():
            for step in wf.steps.values():
                self.assertLessEqual(
                    step.fields - {"date", "date_deadline"},
                    wf.guarded,
                    (wf.model, step.name),
                )
            self.assertIn("state", wf.guarded)

    def test_approvers_numbers_and_sources_are_guarded(self):
        self.assertLessEqual(
            {"approved_by_id", "issued_by_id", "number", "issued_number_symbol"},
            workflow.PLAN.guarded,
        )
        self.assertLessEqual(
            {
                "submitted_by_id",
                "accepted_by_id",
                "approved_by_id",
                "report_type",
                "source_report_ids",
            },
            workflow.REPORT.guarded,
        )
        self.assertLessEqual(
            {"decided_by_id", "unit_id", "date_current"}, workflow.EXTENSION.guarded
        )
        self.assertLessEqual(
            {"progress", "date_done", "date_deadline_original"}, workflow.DUTY.guarded
        )

    def test_content_is_not_guarded_but_frozen(self):
        self.assertEqual(
            workflow.PLAN.refused_fields(["title", "state", "number"]),
            ["number", "state"],
        )
        self.assertEqual(
            workflow.PLAN.frozen_fields(["title", "state", "message_follower_ids"]),
            ["title"],
        )
        self.assertTrue(workflow.PLAN.is_editable("draft"))
        self.assertFalse(workflow.PLAN.is_editable("approved"))
        self.assertFalse(workflow.PLAN.is_editable("issued"))

    def test_steps_start_only_from_their_states(self):
        self.assertTrue(workflow.can_take(workflow.PLAN, "issue", "approved"))
        self.assertFalse(workflow.can_take(workflow.PLAN, "issue", "submitted"))
        self.assertFalse(workflow.can_take(workflow.PLAN, "issue", "issued"))
        self.assertFalse(workflow.can_take(workflow.REPORT, "accept", "draft"))
        self.assertFalse(workflow.can_take(workflow.EXTENSION, "approve", "refused"))

    def test_roles_of_the_decisions(self):
        self.assertEqual(workflow.PLAN.step("approve").role, "leader")
        self.assertEqual(workflow.PLAN.step("issue").role, "clerk")
        self.assertEqual(workflow.REPORT.step("accept").role, "unit_head")
        self.assertEqual(workflow.REPORT.step("accept").unit, workflow.UNIT_OWN)
        self.assertEqual(workflow.EXTENSION.step("approve").role, "leader")
        self.assertEqual(workflow.ROUND.step("open").unit, workflow.UNIT_OFFICE)

    def test_undoing_a_step_clears_its_approver(self):
        for name in ("take_back", "reopen", "cancel"):
            self.assertIn("approved_by_id", workflow.PLAN.step(name).fields)
        for name in ("return_by_head", "return_by_leader"):
            self.assertIn("accepted_by_id", workflow.REPORT.step(name).fields)

    def test_a_step_writes_only_its_fields(self):
        workflow.check_step_values(
            workflow.PLAN, "approve", {"approved_by_id": 7}, "approved"
        )
        with self.assertRaises(ValueError):
            workflow.check_step_values(
                workflow.PLAN, "approve", {"number": 7}, "approved"
            )
        with self.assertRaises(ValueError):
            workflow.check_step_values(workflow.PLAN, "approve", {}, "issued")
        with self.assertRaises(ValueError):
            workflow.PLAN.step("sign")

    def test_states_of_the_tables_are_the_models(self):
        self.assertEqual(
            workflow.PLAN.states(),
            {"draft", "submitted", "approved", "issued", "done", "cancel"},
        )
        self.assertEqual(
            workflow.REPORT.states(),
            {"draft", "submitted", "accepted", "approved", "returned"},
        )


class TestDutyStatus(unittest.TestCase):
    def test_buckets(self):
        deadline = D(2024, 6, 30)
        self.assertEqual(
            workflow.duty_bucket(True, D(2024, 6, 30), deadline, D(2024, 7, 5)),
            "done_on_time",
        )
        self.assertEqual(
            workflow.duty_bucket(True, D(2024, 7, 1), deadline, D(2024, 7, 5)),
            "done_late",
        )
        self.assertEqual(
            workflow.duty_bucket(False, None, deadline, D(2024, 6, 30)), "in_progress"
        )
        self.assertEqual(
            workflow.duty_bucket(False, None, deadline, D(2024, 7, 1)), "overdue"
        )
        self.assertEqual(
            workflow.duty_bucket(False, None, None, D(2030, 1, 1)), "in_progress"
        )

    def test_a_duty_of_a_draft_plan_is_never_overdue(self):
        past, today = "2024-01-31", "2024-03-01"
        self.assertTrue(workflow.is_overdue("todo", past, today, "issued"))
        self.assertTrue(workflow.is_overdue("progress", past, today, "done"))
        for plan_state in ("draft", "submitted", "approved", "cancel"):
            self.assertFalse(workflow.is_overdue("todo", past, today, plan_state))
        self.assertFalse(workflow.is_overdue("done_late", past, today, "issued"))
        self.assertFalse(workflow.is_overdue("todo", False, today, "issued"))
        self.assertFalse(workflow.is_overdue("todo", today, today, "issued"))

    def test_state_from_a_report_line(self):
        deadline = D(2024, 6, 30)
        self.assertEqual(
            workflow.duty_report_state("todo", "done", 100, D(2024, 6, 30), deadline),
            "done_on_time",
        )
        self.assertEqual(
            workflow.duty_report_state(
                "progress", "done", 100, D(2024, 7, 1), deadline
            ),
            "done_late",
        )
        self.assertEqual(
            workflow.duty_report_state("todo", "not_started", 10, None, deadline),
            "progress",
        )
        self.assertIsNone(
            workflow.duty_report_state("todo", "not_started", 0, None, deadline)
        )
        # a closed duty keeps its state
        self.assertIsNone(
            workflow.duty_report_state(
                "done_late", "done", 100, D(2024, 1, 1), deadline
            )
        )
        self.assertIsNone(
            workflow.duty_report_state("cancel", "progress", 50, None, deadline)
        )

    def test_line_status_of_a_duty(self):
        self.assertEqual(workflow.line_status("done_late"), "done")
        self.assertEqual(workflow.line_status("progress"), "progress")
        self.assertEqual(workflow.line_status("todo"), "not_started")

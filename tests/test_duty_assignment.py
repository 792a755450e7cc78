"""Duties as plans assign them (issue 10, item 3): the kinds of deadline,
the leads (a unit, all the units, an outside agency), coordination by units
and agencies, the expected product, and how section III prints. Every user
is a real user; the superuser only builds fixtures."""

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import GovPlanCase

ALL_UNITS_TEXT = (
    "Căn cứ chức năng, nhiệm vụ được giao để phối hợp thực hiện bảo đảm nội dung, "
    "chất lượng, tiến độ./."
)


class DutyCase(GovPlanCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the Sở's units (not the board) are "Các phòng, đơn vị thuộc Sở"
        cls.env["hr.department"].search([]).write({"gov_in_all_units": False})
        (cls.unit_a | cls.unit_b).write({"gov_in_all_units": True})
        cls.half = cls.env.ref("gov_plan.reporting_period_half_yearly")
        cls.yearly = cls.env.ref("gov_plan.reporting_period_yearly")
        cls.quarterly = cls.env.ref("gov_plan.reporting_period_quarterly")

    def _duty(self, plan, user=None, **vals):
        values = {"plan_id": plan.id, "name": "Nhiệm vụ", "unit_id": self.unit_b.id}
        values.update(vals)
        return self.env["gov.plan.duty"].sudo(user or self.staff_a).create(values)

    def _all_units_duty(self, **vals):
        values = {
            "name": "Phối hợp thực hiện",
            "lead_type": "all_units",
            "description": ALL_UNITS_TEXT,
        }
        values.update(vals)
        return (0, 0, values)

    def _issue(self, plan):
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        plan.sudo(self.clerk).action_issue()
        return plan

    def _all_units_plan(self, **duty_vals):
        plan = self._plan()
        plan.write({"duty_ids": [self._all_units_duty(**duty_vals)]})
        return plan


class TestDeadlineKinds(DutyCase):
    def test_the_kind_follows_what_a_client_sends(self):
        plan = self._plan()
        self.assertEqual(self._duty(plan).deadline_type, "none")
        self.assertEqual(
            self._duty(plan, date_deadline="2024-06-30").deadline_type, "date"
        )
        self.assertEqual(
            self._duty(plan, period_ids=[(6, 0, self.yearly.ids)]).deadline_type,
            "period",
        )
        regular = self._duty(plan, deadline_type="regular")
        self.assertEqual(
            (regular.deadline_type, regular.date_deadline), ("regular", False)
        )

    def test_a_new_kind_clears_the_old_one(self):
        plan = self._plan()
        duty = self._duty(plan, date_deadline="2024-06-30")
        duty.write({"deadline_type": "regular"})
        self.assertFalse(duty.date_deadline)
        duty.write(
            {
                "deadline_type": "period",
                "period_ids": [(6, 0, (self.half | self.yearly).ids)],
            }
        )
        self.assertEqual(duty.period_ids, self.half | self.yearly)
        duty.write({"deadline_type": "none"})
        self.assertFalse(duty.period_ids)

    def test_values_of_another_kind_are_refused(self):
        plan = self._plan()
        duty = self._duty(plan, deadline_type="regular")
        with self.refused(ValidationError, 'choose "A date"'):
            duty.write({"date_deadline": "2024-06-30"})
        with self.refused(ValidationError, "reporting periods"):
            duty.write({"period_ids": [(6, 0, self.yearly.ids)]})
        with self.refused(ValidationError, "reporting periods of the duty"):
            duty.write({"deadline_type": "period"})
        with self.refused(ValidationError, "deadline date of the duty"):
            duty.write({"deadline_type": "date"})
        with self.refused(ValidationError, 'choose "A date"'):
            self._duty(plan, deadline_type="none", date_deadline="2024-06-30")
        self.assertEqual(duty.deadline_type, "regular")

    def test_before_the_plan_date_is_refused_for_a_date_only(self):
        plan = self._plan()
        with self.refused(ValidationError, "before the plan"):
            self._duty(plan, date_deadline="2024-01-01")
        # no date, nothing to compare: a regular duty of a later plan is fine
        duty = self._duty(plan, deadline_type="regular")
        plan.duty_ids.filtered("date_deadline").unlink()
        plan.write({"date": "2025-01-01"})
        self.assertEqual(duty.plan_id.date, "2025-01-01")

    def _mixed_plan(self):
        plan = self._plan(
            duty_ids=[
                (
                    0,
                    0,
                    {
                        "name": "Ngày",
                        "unit_id": self.unit_b.id,
                        "date_deadline": "2024-06-30",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Thường xuyên",
                        "unit_id": self.unit_b.id,
                        "deadline_type": "regular",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "name": "Định kỳ",
                        "unit_id": self.unit_b.id,
                        "period_ids": [(6, 0, self.yearly.ids)],
                    },
                ),
                (0, 0, {"name": "Không thời hạn", "unit_id": self.unit_b.id}),
            ]
        )
        return self._issue(plan)

    def test_only_a_duty_due_on_a_date_is_overdue_reminded_and_late(self):
        plan = self._mixed_plan()
        Duty = self.env["gov.plan.duty"].sudo(self.head_b)
        duties = Duty.with_context(gov_today="2025-06-01").browse(plan.duty_ids.ids)
        self.assertEqual(
            {d.name: d.is_overdue for d in duties},
            {
                "Ngày": True,
                "Thường xuyên": False,
                "Định kỳ": False,
                "Không thời hạn": False,
            },
        )
        found = Duty.with_context(gov_today="2025-06-01").search(
            [("plan_id", "=", plan.id), ("is_overdue", "=", True)]
        )
        self.assertEqual(found.mapped("name"), ["Ngày"])
        sent = self.env["gov.plan.reminder"]._cron_send(today="2025-06-01")
        reminded = self.env["gov.plan.reminder"].search(
            [("res_model", "=", "gov.plan.duty"), ("res_id", "in", plan.duty_ids.ids)]
        )
        self.assertEqual(
            set(
                self.env["gov.plan.duty"]
                .browse(reminded.mapped("res_id"))
                .mapped("name")
            ),
            {"Ngày"},
        )
        self.assertTrue(sent)
        buckets = {
            row.duty_id.name: (row.bucket, row.days_late)
            for row in self.env["gov.plan.duty.analysis"]
            .sudo(self.leader)
            .search([("plan_id", "=", plan.id)])
        }
        self.assertEqual(buckets["Ngày"][0], "overdue")
        for name in ("Thường xuyên", "Định kỳ", "Không thời hạn"):
            self.assertEqual(buckets[name], ("in_progress", 0), name)

    def test_done_without_a_date_is_on_time(self):
        plan = self._mixed_plan()
        report = self._unit_report(
            plan,
            self.staff_b,
            self.unit_b,
            period_type="yearly",
            date_from="2023-12-15",
            date_to="2024-12-14",
        )
        line = report.line_ids.filtered(lambda l: l.duty_id.name == "Thường xuyên")
        line.write({"status": "done", "progress": 100, "date_done": "2024-12-01"})
        report.action_submit()
        report.sudo(self.head_b).action_accept()
        report.sudo(self.leader).action_approve()
        self.assertEqual(line.duty_id.state, "done_on_time")

    def test_only_a_duty_due_on_a_date_gets_a_new_date(self):
        plan = self._mixed_plan()
        regular = plan.duty_ids.filtered(lambda d: d.name == "Thường xuyên")
        with self.refused(UserError, "no deadline date"):
            regular.sudo(self.staff_b).action_request_extension()
        with self.refused(UserError, "no deadline date"):
            self.env["gov.plan.duty.extension"].sudo(self.staff_b).create(
                {"duty_id": regular.id, "date_new": "2025-03-31", "reason": "Thêm"}
            )
        dated = plan.duty_ids.filtered(lambda d: d.name == "Ngày")
        extension = (
            self.env["gov.plan.duty.extension"]
            .sudo(self.staff_b)
            .create({"duty_id": dated.id, "date_new": "2024-09-30", "reason": "Thêm"})
        )
        extension.sudo(self.leader).action_approve()
        self.assertEqual(
            (dated.date_deadline, dated.date_deadline_original),
            ("2024-09-30", "2024-06-30"),
        )

    def test_reports_and_rounds_ask_by_period(self):
        plan = self._mixed_plan()
        quarter = self._unit_report(plan, self.staff_b, self.unit_b)
        self.assertEqual(
            sorted(quarter.line_ids.mapped("duty_id.name")),
            ["Không thời hạn", "Ngày", "Thường xuyên"],
        )
        year = self._unit_report(
            plan,
            self.staff_b,
            self.unit_b,
            period_type="yearly",
            date_from="2023-12-15",
            date_to="2024-12-14",
        )
        self.assertEqual(len(year.line_ids), 4)
        wizard = (
            self.env["gov.plan.period.wizard"]
            .sudo(self.leader)
            .create(
                {
                    "plan_id": plan.id,
                    "period_type": "half_yearly",
                    "year": "2024",
                    "index": 2,
                    "deadline_days": 2,
                }
            )
        )
        request = self.env["gov.plan.report.request"].browse(
            wizard.action_open()["res_id"]
        )
        self.assertEqual(request.period_type, "half_yearly")
        self.assertNotIn("Định kỳ", request.report_ids.line_ids.mapped("duty_id.name"))
        self.assertEqual(len(request.report_ids.line_ids), 3)


class TestLeads(DutyCase):
    def test_an_outside_agency_leads_and_a_unit_follows_up(self):
        plan = self._plan(unit_id=self.unit_a.id)
        duty = self._duty(
            plan, unit_id=False, lead_type="agency", lead_agency_id=self.culture.id
        )
        self.assertEqual(duty.unit_id, self.unit_a)  # the drafting unit by default
        self.assertEqual(duty.lead_name, "Sở Văn hóa, Thể thao và Du lịch")
        followed = self._duty(
            plan,
            lead_type="agency",
            lead_agency_id=self.culture.id,
            unit_id=self.unit_b.id,
            date_deadline="2024-06-30",
        )
        self._issue(plan)
        followed.sudo(self.head_b).write({"user_id": self.staff_b.id})
        report = self._unit_report(plan, self.staff_b, self.unit_b)
        self.assertIn(followed, report.line_ids.mapped("duty_id"))
        rows = report._print_lines()
        self.assertIn("Sở Văn hóa, Thể thao và Du lịch", [r["unit"] for r in rows])

    def test_an_agency_lead_is_an_outside_agency(self):
        plan = self._plan()
        with self.refused(ValidationError, "Choose the agency"):
            self._duty(plan, lead_type="agency")
        with self.refused(ValidationError, "our own agency"):
            self._duty(plan, lead_type="agency", lead_agency_id=self.agency.id)
        with self.refused(ValidationError, "names a lead agency"):
            self._duty(plan, lead_agency_id=self.culture.id)
        duty = self._duty(plan, lead_type="agency", lead_agency_id=self.culture.id)
        duty.write({"lead_type": "unit"})
        self.assertFalse(duty.lead_agency_id)

    def test_coordinating_agencies_and_units(self):
        plan = self._plan()
        duty = self._duty(
            plan,
            coordinating_unit_ids=[(6, 0, self.unit_a.ids)],
            coordinating_agency_ids=[(6, 0, self.culture.ids)],
        )
        self.assertEqual(duty.coordinating_agency_ids, self.culture)
        self.assertIn(
            "Cơ quan, đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch, Văn phòng Sở "
            "(test).",
            duty._print_paragraph(),
        )


class TestAllUnits(DutyCase):
    def test_the_issue_gives_each_unit_its_own_duty(self):
        plan = self._all_units_plan(
            deadline_type="period",
            period_ids=[(6, 0, (self.half | self.yearly).ids)],
            coordinating_agency_ids=[(6, 0, self.culture.ids)],
            expected_output="Báo cáo",
        )
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        self.assertEqual(original.unit_id, self.unit_a)  # followed up by the drafter
        self.assertFalse(original.child_ids)
        self._issue(plan)
        copies = original.child_ids
        self.assertEqual(copies.mapped("unit_id"), self.unit_a | self.unit_b)
        for copy in copies:
            self.assertEqual(
                (
                    copy.lead_type,
                    copy.parent_id,
                    copy.description,
                    copy.expected_output,
                ),
                ("unit", original, ALL_UNITS_TEXT, "Báo cáo"),
            )
            self.assertEqual(copy.period_ids, self.half | self.yearly)
            self.assertEqual(copy.coordinating_agency_ids, self.culture)
            self.assertEqual(copy.create_uid, self.clerk)
            self.assertEqual(
                copy.message_ids.mapped("author_id"), self.clerk.partner_id
            )
        self.assertNotIn(self.unit_board, copies.mapped("unit_id"))
        self.assertIn(self.unit_b, plan.concerned_unit_ids)
        # issued once: a second expansion adds nothing
        plan.sudo(self.clerk)._gov_issue_expand_duties()
        self.assertEqual(len(original.child_ids), 2)

    def test_no_issue_to_all_the_units_when_none_is_marked(self):
        plan = self._all_units_plan()
        plan.action_submit()
        plan.sudo(self.leader).action_approve()
        (self.unit_a | self.unit_b).write({"gov_in_all_units": False})
        with self.refused(UserError, "One of all the units"):
            plan.sudo(self.clerk).action_issue()
        self.assertEqual((plan.state, plan.number), ("approved", 0))

    def test_the_units_carry_it_out_the_original_is_printed(self):
        plan = self._issue(self._all_units_plan(date_deadline="2024-06-30"))
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        copy_b = original.child_ids.filtered(lambda d: d.unit_id == self.unit_b)
        as_of = {"gov_today": "2024-07-01"}
        self.assertFalse(original.with_context(as_of).is_overdue)
        self.assertTrue(copy_b.with_context(as_of).is_overdue)
        report_a = self._unit_report(plan, self.staff_a, self.unit_a)
        self.assertNotIn(original, report_a.line_ids.mapped("duty_id"))
        self.assertIn(
            original.child_ids.filtered(lambda d: d.unit_id == self.unit_a),
            report_a.line_ids.mapped("duty_id"),
        )
        with self.refused(ValidationError):
            report_a.write({"line_ids": [(0, 0, {"duty_id": original.id})]})
        with self.refused(UserError, "each unit through its own"):
            original.sudo(self.staff_a).action_request_extension()
        rows = (
            self.env["gov.plan.duty.analysis"]
            .sudo(self.leader)
            .search([("plan_id", "=", plan.id)])
        )
        self.assertNotIn(original, rows.mapped("duty_id"))
        self.assertLessEqual(original.child_ids, rows.mapped("duty_id"))
        groups = plan._print_duty_groups()
        self.assertEqual(
            [g["label"] for g in groups],
            ["Văn phòng Sở (test)", "Trung tâm (test)", "Các phòng, đơn vị thuộc Sở"],
        )

    def test_cancelling_it_cancels_each_units_duty(self):
        plan = self._issue(self._all_units_plan())
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        with self.refused(AccessError):
            original.sudo(self.head_a).action_cancel()
        original.sudo(self.leader).action_cancel()
        self.assertEqual(set(original.child_ids.mapped("state")), {"cancel"})

    def test_a_copy_of_the_plan_has_the_duty_not_the_units_duties(self):
        plan = self._issue(self._all_units_plan())
        new = plan.sudo(self.staff_a).copy()
        self.assertEqual(len(new.duty_ids), 3)
        self.assertFalse(new.duty_ids.mapped("parent_id"))
        self.assertEqual(
            new.duty_ids.filtered(lambda d: d.lead_type == "all_units").description,
            ALL_UNITS_TEXT,
        )


class TestPrintGroups(DutyCase):
    def _seed_plan(self, **vals):
        """Section III of the seed: two duties of the Văn phòng, one of the
        Trung tâm, one of the Phòng Quản lý khoa học, one for all the units;
        none with a deadline, a coordination or a product."""
        qlkh = self.env["hr.department"].create({"name": "Phòng Quản lý khoa học"})
        self.unit_a.name = "Văn phòng Sở"
        self.unit_b.name = (
            "Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo"
        )
        duties = [
            (
                0,
                0,
                {
                    "sequence": 1,
                    "name": "Hướng dẫn",
                    "unit_id": self.unit_a.id,
                    "description": "Hướng dẫn, đôn đốc các phòng, đơn vị tổ chức "
                    "thực hiện Kế hoạch.",
                },
            ),
            (
                0,
                0,
                {
                    "sequence": 2,
                    "name": "Phối hợp",
                    "unit_id": self.unit_a.id,
                    "description": "Phối hợp với Sở Văn hóa, Thể thao và Du lịch "
                    "thực hiện chế độ thông tin, báo cáo theo yêu cầu.",
                },
            ),
            (
                0,
                0,
                {
                    "sequence": 3,
                    "name": "Tuyên truyền",
                    "unit_id": self.unit_b.id,
                    "description": "Tuyên truyền, phổ biến các văn bản trên các "
                    "phương tiện thông tin đại chúng.",
                },
            ),
            (
                0,
                0,
                {
                    "sequence": 4,
                    "name": "Nhiệm vụ KH&CN",
                    "unit_id": qlkh.id,
                    "description": "Tổ chức thực hiện các nhiệm vụ khoa học và "
                    "công nghệ.",
                },
            ),
            self._all_units_duty(sequence=5),
        ]
        values = {"duty_ids": duties}
        values.update(vals)
        return self._plan(**values)

    SEED = [
        {
            "label": "Văn phòng Sở",
            "paragraphs": [
                "Hướng dẫn, đôn đốc các phòng, đơn vị tổ chức thực hiện Kế hoạch.",
                "Phối hợp với Sở Văn hóa, Thể thao và Du lịch thực hiện chế độ "
                "thông tin, báo cáo theo yêu cầu.",
            ],
            "dash": True,
        },
        {
            "label": "Trung tâm Nghiên cứu, Chuyển giao công nghệ và Đổi mới sáng tạo",
            "paragraphs": [
                "Tuyên truyền, phổ biến các văn bản trên các phương tiện thông tin "
                "đại chúng."
            ],
            "dash": False,
        },
        {
            "label": "Phòng Quản lý khoa học",
            "paragraphs": ["Tổ chức thực hiện các nhiệm vụ khoa học và công nghệ."],
            "dash": False,
        },
        {
            "label": "Các phòng, đơn vị thuộc Sở",
            "paragraphs": [
                "Căn cứ chức năng, nhiệm vụ được giao để phối hợp thực hiện bảo đảm "
                "nội dung, chất lượng, tiến độ."
            ],
            "dash": False,
        },
    ]

    def test_the_seed_prints_as_written(self):
        plan = self._seed_plan()
        self.assertEqual(plan._print_duty_groups(), self.SEED)
        # issued, the units' own duties change nothing of the print
        self._issue(plan)
        self.assertEqual(len(plan.duty_ids), 7)
        self.assertEqual(plan.sudo(self.staff_b)._print_duty_groups(), self.SEED)

    def test_the_plan_or_the_duty_may_print_the_text_only(self):
        plan = self._seed_plan()
        plan.duty_ids.write({"expected_output": "Văn bản"})
        plan.duty_ids.filtered(lambda d: d.sequence == 3).write(
            {"deadline_type": "date", "date_deadline": "2024-06-30"}
        )
        printed = plan._print_duty_groups()
        self.assertEqual(
            printed[1]["paragraphs"],
            [
                "Tuyên truyền, phổ biến các văn bản trên các phương tiện thông tin "
                "đại chúng. Sản phẩm: Văn bản. Thời hạn: trước ngày 30/6/2024."
            ],
        )
        plan.write({"print_duty_details": False})
        self.assertEqual(plan._print_duty_groups(), self.SEED)
        plan.write({"print_duty_details": True})
        plan.duty_ids.write({"print_details": False})
        self.assertEqual(plan._print_duty_groups(), self.SEED)

    def test_the_lead_of_all_the_units_as_the_agency_or_the_duty_says(self):
        plan = self._seed_plan()
        self.agency.all_units_label = "Các phòng chuyên môn, đơn vị sự nghiệp"
        self.assertEqual(
            plan._print_duty_groups()[-1]["label"],
            "Các phòng chuyên môn, đơn vị sự nghiệp",
        )
        self.agency.all_units_label = False
        self.assertEqual(
            plan._print_duty_groups()[-1]["label"], "Các phòng, đơn vị thuộc Sở"
        )
        plan.duty_ids.filtered(lambda d: d.lead_type == "all_units").write(
            {"lead_label": "Các đơn vị thuộc Sở"}
        )
        self.assertEqual(plan._print_duty_groups()[-1]["label"], "Các đơn vị thuộc Sở")

    def test_leads_in_the_order_of_their_first_duty(self):
        plan = self._plan(
            duty_ids=[
                (0, 0, {"sequence": 1, "name": "Một", "unit_id": self.unit_b.id}),
                (
                    0,
                    0,
                    {
                        "sequence": 2,
                        "name": "Hai",
                        "lead_type": "agency",
                        "lead_agency_id": self.culture.id,
                        "unit_id": self.unit_a.id,
                        "deadline_type": "regular",
                    },
                ),
                (
                    0,
                    0,
                    {
                        "sequence": 3,
                        "name": "Ba",
                        "unit_id": self.unit_b.id,
                        "period_ids": [(6, 0, (self.yearly | self.half).ids)],
                    },
                ),
            ]
        )
        self.assertEqual(
            plan._print_duty_groups(),
            [
                {
                    "label": "Trung tâm (test)",
                    "dash": True,
                    "paragraphs": ["Một.", "Ba. Báo cáo định kỳ 6 tháng, hằng năm."],
                },
                {
                    "label": "Sở Văn hóa, Thể thao và Du lịch",
                    "dash": False,
                    "paragraphs": ["Hai. Thời gian thực hiện: thường xuyên."],
                },
            ],
        )

    def test_the_duties_given_cancelled_ones_and_units_duties(self):
        plan = self._issue(self._seed_plan())
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        some = plan.duty_ids.filtered(lambda d: d.sequence in (3, 5))
        groups = plan._print_duty_groups(some)
        self.assertEqual(
            [g["label"] for g in groups],
            [self.SEED[1]["label"], "Các phòng, đơn vị thuộc Sở"],
        )
        self.assertEqual(len(some), 4)  # the two units' own duties are left out
        self.assertEqual(plan._print_duty_groups(original.child_ids), [])
        plan.duty_ids.filtered(lambda d: d.sequence == 4).sudo(
            self.leader
        ).action_cancel()
        self.assertEqual(
            [g["label"] for g in plan._print_duty_groups()],
            [self.SEED[0]["label"], self.SEED[1]["label"], self.SEED[3]["label"]],
        )

    def test_an_extended_deadline_prints_as_issued(self):
        plan = self._issued_plan()
        duty = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        extension = (
            self.env["gov.plan.duty.extension"]
            .sudo(self.staff_b)
            .create({"duty_id": duty.id, "date_new": "2024-09-30", "reason": "Thêm"})
        )
        extension.sudo(self.leader).action_approve()
        self.assertIn(
            "Thời hạn: trước ngày 30/6/2024.",
            plan._print_duty_groups()[1]["paragraphs"][0],
        )


class TestIssuedNames(DutyCase):
    def test_an_issued_plan_keeps_the_names_it_printed(self):
        plan = self._all_units_plan()
        self._duty(
            plan,
            name="Cơ quan",
            lead_type="agency",
            lead_agency_id=self.culture.id,
            coordinating_unit_ids=[(6, 0, self.unit_b.ids)],
            sequence=20,
        )
        self._issue(plan)
        before = plan._print_duty_groups()
        self.culture.name = "Sở Văn hóa và Thể thao"
        self.unit_b.name = "Trung tâm mới"
        self.agency.all_units_label = "Các đơn vị"
        self.assertEqual(plan._print_duty_groups(), before)
        self.assertEqual(
            [g["label"] for g in before],
            [
                "Văn phòng Sở (test)",
                "Trung tâm (test)",
                "Các phòng, đơn vị thuộc Sở",
                "Sở Văn hóa, Thể thao và Du lịch",
            ],
        )
        self.assertEqual(
            before[-1]["paragraphs"], ["Cơ quan. Đơn vị phối hợp: Trung tâm (test)."]
        )
        # a draft prints today's names
        draft = self._plan()
        self.assertEqual(draft._print_duty_groups()[1]["label"], "Trung tâm mới")


class TestDutyAccess(DutyCase):
    """As real users over the ORM, as XML-RPC would: what the new fields let
    no one forge."""

    def _users(self):
        return (
            self.staff_a,
            self.head_a,
            self.staff_b,
            self.head_b,
            self.leader,
            self.clerk,
            self.manager,
        )

    def test_no_one_makes_a_units_duty_by_hand(self):
        plan = self._all_units_plan()
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        duty = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b)
        for user in (self.staff_a, self.leader, self.manager):
            with self.refused(AccessError, "workflow steps"):
                self._duty(plan, user=user, parent_id=original.id)
            with self.refused(AccessError, "workflow steps"):
                duty.sudo(user).write({"parent_id": original.id})
            with self.refused(AccessError, "workflow steps"):
                plan.sudo(user).write(
                    {
                        "duty_ids": [
                            (
                                0,
                                0,
                                {
                                    "name": "Giả",
                                    "unit_id": self.unit_b.id,
                                    "parent_id": original.id,
                                },
                            )
                        ]
                    }
                )
            with self.refused((AccessError, UserError)):
                original.sudo(user).write({"child_ids": [(4, duty.id)]})
            with self.refused((AccessError, UserError)):
                original.sudo(user).write(
                    {"child_ids": [(0, 0, {"name": "Giả", "unit_id": self.unit_b.id})]}
                )
        self.assertFalse(original.child_ids)
        self.assertFalse(duty.parent_id)

    def test_the_expansion_is_not_callable_remotely(self):
        plan = self._all_units_plan()
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        for name, model, ids in (
            ("_gov_issue_expand_duties", "gov.plan", plan.ids),
            ("_gov_expand", "gov.plan.duty", original.ids),
        ):
            with self.refused(UserError, "no method"):
                self.env[model].sudo(self.clerk)._gov_check_call(
                    name, [ids, self.unit_b.ids], {}
                )
        with self.refused(AccessError, "Records clerk"):
            original.sudo(self.leader)._gov_expand(self.unit_b)
        self.assertFalse(original.child_ids)

    def test_an_issued_plans_duties_and_units_duties_are_frozen(self):
        plan = self._issue(self._all_units_plan())
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        copy_b = original.child_ids.filtered(lambda d: d.unit_id == self.unit_b)
        changes = (
            {"lead_type": "unit"},
            {"deadline_type": "regular"},
            {"period_ids": [(6, 0, self.yearly.ids)]},
            {"coordinating_agency_ids": [(6, 0, self.culture.ids)]},
            {"print_details": False},
            {"expected_output": "Khác"},
            {"lead_label": "Khác"},
        )
        for user in self._users():
            for values in changes:
                for duty in (original, copy_b):
                    with self.refused((AccessError, UserError)):
                        duty.sudo(user).write(values)
            with self.refused((AccessError, UserError)):
                plan.sudo(user).write({"print_duty_details": False})
            with self.refused((AccessError, UserError)):
                self._duty(plan, user=user)
        copy_b.sudo(self.head_b).write({"user_id": self.staff_b.id})
        self.assertEqual(copy_b.user_id, self.staff_b)
        with self.refused(AccessError):
            copy_b.sudo(self.head_a).write({"user_id": self.staff_a.id})
        self.assertEqual((copy_b.lead_type, copy_b.print_details), ("unit", True))

    def test_each_unit_sees_its_own_duty(self):
        plan = self._issue(self._all_units_plan())
        original = plan.duty_ids.filtered(lambda d: d.lead_type == "all_units")
        copy_a = original.child_ids.filtered(lambda d: d.unit_id == self.unit_a)
        copy_b = original.child_ids.filtered(lambda d: d.unit_id == self.unit_b)
        seen_b = (
            self.env["gov.plan.duty"]
            .sudo(self.staff_b)
            .search([("plan_id", "=", plan.id)])
        )
        self.assertIn(copy_b, seen_b)
        self.assertNotIn(copy_a, seen_b)
        seen_a = (
            self.env["gov.plan.duty"]
            .sudo(self.staff_a)
            .search([("plan_id", "=", plan.id)])
        )
        self.assertLessEqual(original | copy_a | copy_b, seen_a)
        # the plan prints whole for a unit that sees only part of its duties
        self.assertEqual(len(plan.sudo(self.staff_b)._print_duty_groups()), 3)

    def test_a_unit_following_up_an_agency_does_not_rewrite_the_draft(self):
        plan = self._plan()
        duty = self._duty(
            plan,
            lead_type="agency",
            lead_agency_id=self.culture.id,
            unit_id=self.unit_b.id,
        )
        for user in (self.staff_b, self.head_b):
            with self.refused((AccessError, UserError)):
                duty.sudo(user).write({"lead_agency_id": False, "lead_type": "unit"})
            with self.refused(AccessError):
                self._duty(
                    plan, user=user, lead_type="agency", lead_agency_id=self.culture.id
                )
        self.assertEqual(duty.lead_agency_id, self.culture)

    def test_only_the_administrator_marks_all_the_units_and_the_periods_are_data(self):
        for user in (self.staff_a, self.head_a, self.leader, self.clerk):
            with self.refused(AccessError):
                self.unit_board.sudo(user).write({"gov_in_all_units": True})
        self.assertFalse(self.unit_board.gov_in_all_units)
        Period = self.env["gov.plan.reporting.period"]
        for user in (self.staff_a, self.leader, self.manager):
            with self.refused(AccessError):
                self.yearly.sudo(user).write({"code": "monthly"})
            with self.refused(AccessError):
                Period.sudo(user).create({"name": "Tuần", "code": "monthly"})
        self.assertEqual(self.yearly.code, "yearly")
        self.assertEqual(len(Period.sudo(self.staff_a).search([])), 4)


class TestConversion(DutyCase):
    def test_a_database_from_before_keeps_its_periodic_duties(self):
        """Before: one period_type and the year's last cut-off as the date."""
        plan = self._issued_plan()
        duty = plan.duty_ids[0]
        cr = self.env.cr
        cr.execute("ALTER TABLE gov_plan_duty ADD COLUMN period_type varchar")
        cr.execute(
            "UPDATE gov_plan_duty SET period_type = 'quarterly', "
            "deadline_type = 'period', date_deadline = '2024-12-14' WHERE id = %s",
            (duty.id,),
        )
        self.assertTrue(self.env["gov.plan.duty"]._gov_convert_period_type())
        self.assertEqual(
            (duty.deadline_type, duty.date_deadline, duty.period_ids),
            ("period", False, self.quarterly),
        )
        self.assertFalse(self.env["gov.plan.duty"]._gov_convert_period_type())

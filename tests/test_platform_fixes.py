from odoo.exceptions import AccessError

from .common import GovPlanCase


class TestVietnameseNotification(GovPlanCase):
    """Odoo 11's vi translation of the notification subject drops a "%s"."""

    def test_broken_subject_is_corrected_and_notifications_render(self):
        template = self.env.ref("mail.mail_template_data_notification_email_default")
        Translation = self.env["ir.translation"]
        term = Translation.search(
            [
                ("name", "=", "mail.template,subject"),
                ("res_id", "=", template.id),
                ("lang", "=", "vi_VN"),
            ]
        )
        broken = (
            "${object.subject or (object.record_name and 'Trả lời: ' % "
            "object.record_name) or (object.parent_id and 'Re: ' % "
            "object.parent_id.subject)}"
        )
        if term:
            term.value = broken
        else:
            term = Translation.create(
                {
                    "name": "mail.template,subject",
                    "res_id": template.id,
                    "lang": "vi_VN",
                    "type": "model",
                    "src": template.subject,
                    "value": broken,
                    "state": "translated",
                }
            )
        Translation._gov_fix_platform_terms()
        self.assertIn("'Trả lời: %s' % object.record_name", term.value)
        self.assertIn("'Re: %s' % object.parent_id.subject", term.value)
        # a reminder to a user who works in Vietnamese now goes out
        self.staff_b.lang = "vi_VN"
        plan = self._issued_plan()
        duty = plan.duty_ids.filtered(lambda d: d.unit_id == self.unit_b).sudo()
        message = duty.message_post(
            body="Nhắc hạn",
            partner_ids=self.staff_b.partner_id.ids,
            subtype="mail.mt_comment",
        )
        # before the fix, message_post above raised "Failed to render template"
        subject_vi = template.with_context(lang="vi_VN").subject
        self.assertEqual(subject_vi, term.value)
        rendered = template.render_template(subject_vi, "mail.message", [message.id])
        # with the broken term this raised "not all arguments converted"
        self.assertTrue(rendered[message.id].endswith("Tuyên truyền"), rendered)


class TestVietnameseMessages(GovPlanCase):

    def test_refusals_speak_vietnamese(self):
        self.staff_a.lang = "vi_VN"
        plan = self._plan()
        plan.action_submit()
        with self.refused(AccessError) as caught:
            plan.sudo(self.staff_a).with_context(lang="vi_VN").action_approve()
        self.assertEqual(
            caught.exception.name,
            "Bạn không có quyền phê duyệt kế hoạch: thao tác này cần vai trò "
            '"Lãnh đạo Sở".',
        )

    def test_labels_and_selections_are_translated(self):
        Duty = self.env["gov.plan.duty"].with_context(lang="vi_VN")
        fields_info = Duty.fields_get(["unit_id", "state"])
        self.assertEqual(fields_info["unit_id"]["string"], "Đơn vị chủ trì")
        self.assertIn(
            ("done_late", "Hoàn thành quá hạn"), fields_info["state"]["selection"]
        )

    def test_labels_of_fields_with_colliding_xml_ids(self):
        """gov.plan.agency_id, gov.plan.document_type_id and
        gov.plan.report.request_id get database-dependent XML ids in Odoo 11."""
        self.env["ir.translation"]._gov_fix_field_labels()
        plan_fields = (
            self.env["gov.plan"]
            .with_context(lang="vi_VN")
            .fields_get(["agency_id", "document_type_id"])
        )
        self.assertEqual(plan_fields["agency_id"]["string"], "Cơ quan ban hành")
        self.assertEqual(plan_fields["document_type_id"]["string"], "Loại văn bản")
        report_fields = (
            self.env["gov.plan.report"]
            .with_context(lang="vi_VN")
            .fields_get(["request_id"])
        )
        self.assertNotEqual(report_fields["request_id"]["string"], "Report request")

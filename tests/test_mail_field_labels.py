"""The fields mail adds to gov models, in Vietnamese (issue 9, item 11).

Odoo 11 gives the fields of mail.thread and mail.activity.mixin one XML id of
the module mail per model (mail.field_gov_plan_duty_message_follower_ids):
mail's vi.po has none for gov models, so filters, "Add custom filter",
export and group-by showed them in English. i18n/vi.po carries them.
"""

from .common import GovPlanCase

LABELS = {
    "message_channel_ids": "Người theo dõi (Các kênh)",
    "message_follower_ids": "Người dõi theo",
    "message_ids": "Thông điệp",
    "message_is_follower": "Trở thành người theo dõi",
    "message_last_post": "Ngày thông điệp cuối cùng",
    "message_needaction": "Cần có Hành động",
    "message_needaction_counter": "Số lượng Hành động",
    "message_partner_ids": "Người theo dõi (Các đối tác)",
    "message_unread": "Thông điệp chưa đọc",
    "message_unread_counter": "Bộ đếm Thông điệp chưa đọc",
    "activity_date_deadline": "Hạn chót lần hành động kế tiếp",
    "activity_ids": "Các hoạt động",
    "activity_state": "Trạng thái",
    "activity_summary": "Tóm tắt hoạt động tiếp theo",
    "activity_type_id": "Kiểu hành động kế tiếp",
    "activity_user_id": "Người phụ trách",
}
THREADS = {
    "gov.plan": 16,
    "gov.plan.duty": 16,
    "gov.plan.report": 16,
    "gov.plan.report.request": 10,
    "gov.plan.duty.extension": 10,
}


class TestMailFieldLabels(GovPlanCase):
    def test_duty_labels_in_vietnamese(self):
        """Before: "Followers", "Next Activity Deadline", "Unread Messages"."""
        Duty = self.env["gov.plan.duty"].with_context(lang="vi_VN")
        info = Duty.fields_get(
            ["message_follower_ids", "activity_date_deadline", "message_unread"],
            ["string", "help"],
        )
        self.assertEqual(info["message_follower_ids"]["string"], "Người dõi theo")
        self.assertEqual(
            info["activity_date_deadline"]["string"], "Hạn chót lần hành động kế tiếp"
        )
        self.assertEqual(info["message_unread"]["string"], "Thông điệp chưa đọc")
        self.assertEqual(
            info["message_unread"]["help"],
            "Nếu đánh dấu kiểm, các thông điệp mới yêu cầu sự có mặt của bạn.",
        )
        state = Duty.fields_get(["activity_state"])["activity_state"]
        self.assertEqual(
            state["selection"],
            [
                ("overdue", "Quá hạn"),
                ("today", "Hôm nay"),
                ("planned", "Đã lên kế hoạch"),
            ],
        )
        english = self.env["gov.plan.duty"].with_context(lang="en_US")
        self.assertEqual(
            english.fields_get(["message_follower_ids"])["message_follower_ids"][
                "string"
            ],
            "Followers",
        )

    def test_every_mail_field_of_gov_models_translated(self):
        """Each field mail adds to a gov model (its XML id is mail's)."""
        data = self.env["ir.model.data"].search(
            [
                ("module", "=", "mail"),
                ("model", "=", "ir.model.fields"),
                ("name", "=like", "field_gov_plan%"),
            ]
        )
        fields = self.env["ir.model.fields"].browse(data.mapped("res_id"))
        found = {}
        for field in fields:
            found[field.model] = found.get(field.model, 0) + 1
        self.assertEqual(found, THREADS)
        for model in THREADS:
            names = fields.filtered(lambda f: f.model == model).mapped("name")
            info = (
                self.env[model].with_context(lang="vi_VN").fields_get(names, ["string"])
            )
            self.assertEqual(
                {name: info[name]["string"] for name in names},
                {name: LABELS[name] for name in names},
                model,
            )

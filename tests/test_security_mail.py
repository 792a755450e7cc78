"""Messages, attachments, followers and Discuss: the mail advisories.

CVE-2018-15645, CVE-2018-15631, CVE-2018-15635, CVE-2018-15638,
CVE-2019-11783, CVE-2019-11784, CVE-2019-11785 and CVE-2021-44465, each done
over the ORM exactly as an RPC call by the user would. The victim is a plan
of unit A that concerns no other unit; the attacker is an employee of unit B
(or without a role). Checked against the unpatched behaviour as
tests/security_common.py says.
"""

import base64

from odoo.exceptions import AccessError, ValidationError

from .common import GovPlanCase


class MailCase(GovPlanCase):
    def setUp(self):
        super().setUp()
        self.secret = self._plan(
            title="Kế hoạch của Văn phòng",
            duty_ids=[
                (
                    0,
                    0,
                    {
                        "name": "Việc riêng",
                        "unit_id": self.unit_a.id,
                        "date_deadline": "2024-12-14",
                    },
                )
            ],
        )
        self.own_b = self._plan(
            user=self.staff_b,
            unit_id=self.unit_b.id,
            title="Kế hoạch của Trung tâm",
            duty_ids=[
                (
                    0,
                    0,
                    {
                        "name": "Việc của Trung tâm",
                        "unit_id": self.unit_b.id,
                        "date_deadline": "2024-12-14",
                    },
                )
            ],
        )
        with self.refused(AccessError):  # the attacker cannot read the victim
            self.secret.sudo(self.staff_b).check_access_rule("read")
        self.document = self.env["ir.attachment"].sudo(self.staff_a).create(
            {
                "name": "du-toan.txt",
                "datas": base64.b64encode(b"secret figures"),
                "datas_fname": "du-toan.txt",
                "res_model": "gov.plan",
                "res_id": self.secret.id,
            }
        )


class TestTracking(MailCase):
    def test_smuggled_tracking_commands_refused(self):
        """CVE-2018-15645: tracking commands inside a message.

        Unpatched: the employee rewrote the victim's tracking value."""
        victim = self.secret.sudo().message_post(
            body="Approved",
            tracking_value_ids=[
                (
                    0,
                    0,
                    {
                        "field": "state",
                        "field_desc": "Status",
                        "field_type": "char",
                        "old_value_char": "Draft",
                        "new_value_char": "Approved",
                    },
                )
            ],
        )
        tracking = victim.tracking_value_ids
        smuggled = [
            [(1, tracking.id, {"new_value_char": "Forged"})],
            [(4, tracking.id)],
            [(2, tracking.id)],
            [(6, 0, [tracking.id])],
            [(0, 0, dict(field="state", field_desc="x", mail_message_id=victim.id))],
        ]
        for commands in smuggled:
            with self.refused(AccessError):
                self.own_b.sudo(self.staff_b).message_post(
                    body="Hello", tracking_value_ids=commands
                )
        self.assertEqual(tracking.new_value_char, "Approved")
        self.assertEqual(tracking.mail_message_id, victim)

    def test_tracking_still_recorded(self):
        """Normal use: a tracked change by an employee is logged."""
        plan = self.own_b.sudo(self.staff_b).with_context(tracking_disable=False)
        plan.write({"title": "Kế hoạch đã sửa"})
        message = plan.message_ids[:1].sudo()
        self.assertEqual(message.tracking_value_ids.mapped("field"), ["title"])
        self.assertEqual(
            message.tracking_value_ids.new_value_text, "Kế hoạch đã sửa"
        )


class TestMessageAttachments(MailCase):
    def test_attachment_of_unreadable_record_not_linked(self):
        """CVE-2018-15631: a message (or the composer) linking an attachment
        of a record the employee may not read, then reading it as superuser.

        Unpatched: the message carried the victim's attachment (message_format
        gave its id and name; /web/content then served it)."""
        message = self.own_b.sudo(self.staff_b).message_post(
            body="See attached", attachment_ids=[self.document.id]
        )
        self.assertNotIn(self.document, message.sudo().attachment_ids)
        formatted = message.sudo(self.staff_b).message_format()[0]
        self.assertEqual(formatted["attachment_ids"], [])
        direct = (
            self.env["mail.message"]
            .sudo(self.staff_b)
            .create(
                {
                    "model": "gov.plan",
                    "res_id": self.own_b.id,
                    "body": "x",
                    "attachment_ids": [(6, 0, [self.document.id])],
                }
            )
        )
        self.assertFalse(direct.sudo().attachment_ids)
        direct.sudo(self.staff_b).write({"attachment_ids": [(4, self.document.id)]})
        self.assertFalse(direct.sudo().attachment_ids)
        composer = (
            self.env["mail.compose.message"]
            .sudo(self.staff_b)
            .with_context(default_model="gov.plan", default_res_id=self.own_b.id)
            .create({"body": "x", "attachment_ids": [(6, 0, [self.document.id])]})
        )
        self.assertFalse(composer.sudo().attachment_ids)

    def test_posting_with_attachments(self):
        """Normal use: a file uploaded in the chatter, one of the record."""
        Attachment = self.env["ir.attachment"].sudo(self.staff_a)
        uploaded = Attachment.create(
            {
                "name": "bao-cao.pdf",
                "datas": base64.b64encode(b"%PDF-1.4"),
                "datas_fname": "bao-cao.pdf",
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        message = self.secret.sudo(self.staff_a).message_post(
            body="Báo cáo", attachment_ids=[uploaded.id, self.document.id]
        )
        self.assertEqual(
            set(message.sudo().attachment_ids.ids), {uploaded.id, self.document.id}
        )
        self.assertEqual(
            (uploaded.sudo().res_model, uploaded.sudo().res_id),
            ("gov.plan", self.secret.id),
        )
        formatted = message.sudo(self.staff_a).message_format()[0]
        self.assertEqual(len(formatted["attachment_ids"]), 2)


class TestInvite(MailCase):
    def test_record_name_escaped_in_invitation(self):
        """CVE-2018-15635: a record named with markup (e.g. by mail from
        outside), opened in the "Add followers" dialog.

        Unpatched: the dialog's message held the raw <img onerror=...>."""
        partner = self.env["res.partner"].create(
            {"name": '<img src=x onerror="alert(1)">Công ty'}
        )
        result = (
            self.env["mail.wizard.invite"]
            .sudo(self.staff_a)
            .with_context(default_res_model="res.partner", default_res_id=partner.id)
            .default_get(["message", "res_model", "res_id"])
        )
        self.assertNotIn("<img", result["message"])
        self.assertIn("&lt;img", result["message"])


class TestChannelName(MailCase):
    def test_markup_in_channel_name_refused(self):
        """CVE-2018-15638. Unpatched: the channel was created."""
        Channel = self.env["mail.channel"].sudo(self.staff_b)
        with self.refused(ValidationError):
            Channel.create({"name": '<img src=x onerror="alert(1)">'})
        channel = Channel.create({"name": "Phòng Kế hoạch - Tài chính"})
        with self.refused(ValidationError):
            channel.write({"name": "a\" onmouseover=\"alert(1)"})

    def test_chat_named_after_partner_with_markup(self):
        """A direct chat is named after its members: the name is neutralised.

        Unpatched: the chat's name held the <b> tag."""
        self.staff_b.sudo(self.staff_b).write({"name": "<b>Staff B</b>"})
        info = (
            self.env["mail.channel"]
            .sudo(self.staff_b)
            .channel_get([self.staff_a.partner_id.id])
        )
        name = self.env["mail.channel"].browse(info["id"]).name
        self.assertNotIn("<", name)
        self.assertIn("Staff B", name)


class TestChannelMembership(MailCase):
    def setUp(self):
        super().setUp()
        Channel = self.env["mail.channel"].with_context(mail_create_nosubscribe=True)
        self.private = Channel.sudo(self.staff_a).create(
            {
                "name": "Văn phòng (riêng)",
                "public": "private",
                "channel_partner_ids": [(4, self.staff_a.partner_id.id)],
            }
        )
        self.public = Channel.sudo(self.staff_a).create(
            {
                "name": "Toàn Sở",
                "public": "public",
                "channel_partner_ids": [(4, self.staff_a.partner_id.id)],
            }
        )

    def test_joining_private_channel_refused(self):
        """CVE-2019-11783: an employee makes themselves a member.

        Unpatched: the employee became a member and read its messages."""
        ChannelPartner = self.env["mail.channel.partner"].sudo(self.staff_b)
        with self.refused(AccessError):
            ChannelPartner.create(
                {
                    "channel_id": self.private.id,
                    "partner_id": self.staff_b.partner_id.id,
                }
            )
        self.public.sudo(self.staff_b).action_follow()
        membership = ChannelPartner.search(
            [
                ("channel_id", "=", self.public.id),
                ("partner_id", "=", self.staff_b.partner_id.id),
            ]
        )
        with self.refused(AccessError):
            membership.write({"channel_id": self.private.id})
        with self.refused(AccessError):  # someone else, into a channel one is not in
            self.env["mail.channel.partner"].sudo(self.outsider).create(
                {"channel_id": self.public.id, "partner_id": self.head_b.partner_id.id}
            )
        others = ChannelPartner.search(
            [
                ("channel_id", "=", self.public.id),
                ("partner_id", "=", self.staff_a.partner_id.id),
            ]
        )
        with self.refused(AccessError):
            others.unlink()
        self.assertNotIn(self.staff_b.partner_id, self.private.channel_partner_ids)

    def test_discuss_still_works(self):
        """Normal use: join, invite, chat, read, fold, pin, leave."""
        public_b = self.public.sudo(self.staff_b)
        public_b.channel_join_and_get_info()
        public_b.message_post(body="Xin chào", message_type="comment")
        self.assertIn(self.staff_b.partner_id, self.public.channel_partner_ids)
        self.private.sudo(self.staff_a).channel_invite([self.staff_b.partner_id.id])
        private_b = self.private.sudo(self.staff_b)
        private_b.message_post(body="Đã nhận", message_type="comment")
        private_b.channel_seen()
        private_b.channel_fold(private_b.uuid, "folded")
        private_b.channel_pin(private_b.uuid, False)
        info = self.env["mail.channel"].sudo(self.staff_b).channel_get(
            [self.staff_a.partner_id.id]
        )
        chat = self.env["mail.channel"].browse(info["id"]).sudo(self.staff_b)
        chat.message_post(body="Anh xem giúp", message_type="comment")
        self.assertEqual(chat.message_ids[:1].body, "<p>Anh xem giúp</p>")
        public_b.action_unfollow()
        self.assertNotIn(self.staff_b.partner_id, self.public.channel_partner_ids)


class TestNotification(MailCase):
    def test_notification_cannot_be_created_to_read_a_message(self):
        """CVE-2019-11784: a notification grants read access to its message.

        Unpatched: the employee created it, then read the victim's message."""
        victim = self.secret.sudo(self.staff_a).message_post(
            body="Dự toán: 1 tỷ", message_type="comment"
        )
        Notification = self.env["mail.notification"].sudo(self.staff_b)
        with self.refused(AccessError):
            Notification.create(
                {
                    "mail_message_id": victim.id,
                    "res_partner_id": self.staff_b.partner_id.id,
                }
            )
        with self.refused(AccessError):
            victim.sudo(self.staff_b).read(["body"])
        # moving one's own notification onto the victim's message
        own = self.own_b.sudo().message_post(
            body="Cho Trung tâm",
            message_type="comment",
            partner_ids=[self.staff_b.partner_id.id],
        )
        mine = Notification.search([("mail_message_id", "=", own.id)])
        self.assertTrue(mine)
        with self.refused(AccessError):
            mine.write({"mail_message_id": victim.id})

    def test_notifications_still_work(self):
        """Normal use: a message to someone reaches their inbox; read it."""
        self.staff_b.sudo(self.staff_b).write({"notification_type": "inbox"})
        message = self.own_b.sudo(self.head_b).message_post(
            body="Nhờ xem",
            message_type="comment",
            partner_ids=[self.staff_b.partner_id.id],
        )
        inbox = self.env["mail.message"].sudo(self.staff_b).search(
            [("needaction", "=", True)]
        )
        self.assertIn(message, inbox)
        message.sudo(self.staff_b).set_message_done()
        self.assertFalse(message.sudo(self.staff_b).needaction)


class TestFollowers(MailCase):
    def test_following_unreadable_record_refused(self):
        """CVE-2019-11785, CVE-2021-44465: followers created or moved without
        a rights check (a follower gets the record's messages by e-mail).

        Unpatched: the employee followed the victim plan."""
        Followers = self.env["mail.followers"].sudo(self.staff_b)
        with self.refused(AccessError):
            Followers.create(
                {
                    "res_model": "gov.plan",
                    "res_id": self.secret.id,
                    "partner_id": self.staff_b.partner_id.id,
                }
            )
        # someone else, on a record one may read but not write
        with self.refused(AccessError):
            Followers.create(
                {
                    "res_model": "hr.department",
                    "res_id": self.unit_a.id,
                    "partner_id": self.outsider.partner_id.id,
                }
            )
        self.own_b.sudo(self.staff_b).message_subscribe_users()
        mine = Followers.search(
            [
                ("res_model", "=", "gov.plan"),
                ("res_id", "=", self.own_b.id),
                ("partner_id", "=", self.staff_b.partner_id.id),
            ]
        )
        self.assertTrue(mine)
        with self.refused(AccessError):
            mine.write({"res_id": self.secret.id})
        self.assertNotIn(
            self.staff_b.partner_id, self.secret.sudo().message_partner_ids
        )

    def test_following_still_works(self):
        """Normal use: follow, change subtypes, unfollow; creating a record
        follows it; the author invites a colleague who may write it."""
        plan = self.own_b.sudo(self.head_b)
        plan.message_subscribe_users()
        self.assertIn(self.head_b.partner_id, self.own_b.message_partner_ids)
        note = self.env.ref("mail.mt_note")
        plan.message_subscribe(
            partner_ids=[self.head_b.partner_id.id], subtype_ids=[note.id], force=False
        )
        plan.message_unsubscribe_users()
        self.assertNotIn(self.head_b.partner_id, self.own_b.message_partner_ids)
        created = self._plan(user=self.staff_b, unit_id=self.unit_b.id).with_context(
            mail_create_nosubscribe=False, tracking_disable=False
        )
        fresh = created.copy({"title": "Bản sao"})
        self.assertIn(self.staff_b.partner_id, fresh.sudo().message_partner_ids)
        fresh.message_subscribe(partner_ids=[self.head_b.partner_id.id])
        self.assertIn(self.head_b.partner_id, fresh.sudo().message_partner_ids)

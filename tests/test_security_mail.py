"""Messages, attachments, followers and Discuss: the mail advisories.

CVE-2018-15645, CVE-2018-15631, CVE-2018-15635, CVE-2018-15638,
CVE-2019-11783, CVE-2019-11784, CVE-2019-11785 and CVE-2021-44465, each done
over the ORM exactly as an RPC call by the user would. The victim is a plan
of unit A that concerns no other unit; the attacker is an employee of unit B
(or without a role). Checked against the unpatched behaviour as
tests/security_common.py says.

Beyond the advisories (issue 9, item 6): the activities and the queued
e-mails of gov records, and tracking values posted by a client. Those tests
were run on the code before that change (hardening/mail.py of commit 1ac9264,
the rest of this branch as it is): each attack test failed as its docstring
says ("Before: ..."), each normal-use test passed.
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

    def _sysadmin(self):
        """A Settings administrator without any role of gov_plan."""
        groups = ["base.group_user", "base.group_system", "base.group_partner_manager"]
        return self.env["res.users"].create(
            {
                "name": "Settings administrator",
                "login": "gp_sysadmin",
                "lang": "en_US",
                "email": "sysadmin@example.org",
                "groups_id": [(6, 0, [self.env.ref(g).id for g in groups])],
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

    def test_tracking_values_cannot_be_posted(self):
        """A history entry "Status: Submitted -> Approved" written by hand:
        by an employee through message_post (the chatter's RPC) or a
        mail.message of their own plan, by a Settings administrator (mail's
        access list gives them every right on tracking values) on their own
        message, on the victim's message, or on a value Odoo recorded.

        Before: message_post and mail.message create by the employee (under
        their name), mail.tracking.value create and write by the
        administrator each recorded the forged entry; the mail.message write
        was refused already (mail.message's write check)."""
        forged = {
            "field": "state",
            "field_desc": "Status",
            "field_type": "char",
            "old_value_char": "Submitted",
            "new_value_char": "Approved",
        }
        with self.refused(AccessError):
            self.own_b.sudo(self.staff_b).message_post(
                body="", tracking_value_ids=[(0, 0, dict(forged))]
            )
        with self.refused(AccessError):
            self.env["mail.message"].sudo(self.staff_b).create(
                {
                    "model": "gov.plan",
                    "res_id": self.own_b.id,
                    "body": "",
                    "tracking_value_ids": [(0, 0, dict(forged))],
                }
            )
        sysadmin = self._sysadmin()
        own = sysadmin.partner_id.sudo(sysadmin).message_post(body="Ghi chú")
        with self.refused(AccessError):
            own.write({"tracking_value_ids": [(0, 0, dict(forged))]})
        victim = self.secret.sudo().message_post(
            body="", tracking_value_ids=[(0, 0, dict(forged))]
        )
        Tracking = self.env["mail.tracking.value"].sudo(sysadmin)
        with self.refused(AccessError):
            Tracking.create(dict(forged, mail_message_id=victim.id))
        with self.refused(AccessError):
            victim.tracking_value_ids.sudo(sysadmin).write({"new_value_char": "Done"})
        tracked = self.env["mail.tracking.value"].search(
            [("mail_message_id", "in", [own.id, victim.id])]
        )
        self.assertEqual(tracked, victim.tracking_value_ids)
        self.assertEqual(tracked.new_value_char, "Approved")
        self.assertFalse(
            self.own_b.message_ids.mapped("tracking_value_ids"),
            "nothing was tracked on the employee's plan",
        )

    def test_report_submission_still_tracked(self):
        """Normal use: a staff user submits their unit's report; the chatter
        shows the state change, authored by that user."""
        plan = self._issued_plan()
        report = self._unit_report(plan, self.staff_b, self.unit_b)
        report.with_context(tracking_disable=False).action_submit()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "gov.plan.report"),
                ("mail_message_id.res_id", "=", report.id),
            ]
        )
        self.assertEqual(tracked.mapped("field"), ["state"])
        self.assertEqual(
            (tracked.old_value_char, tracked.new_value_char), ("Draft", "Submitted")
        )
        self.assertEqual(tracked.mail_message_id.author_id, self.staff_b.partner_id)
        shown = report.sudo(self.staff_b).message_ids.message_format()
        changes = [v for m in shown for v in m["tracking_value_ids"]]
        self.assertEqual(
            [(v["old_value"], v["new_value"]) for v in changes],
            [("Draft", "Submitted")],
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


class TestActivities(MailCase):
    def setUp(self):
        super().setUp()
        self.duty_a = self.secret.duty_ids
        self.duty_b = self.own_b.duty_ids
        with self.refused(AccessError):
            self.duty_a.sudo(self.staff_b).check_access_rule("read")
        # as the reminder job makes them (superuser)
        self.secret_for_a = self._remind(
            self.duty_a, self.staff_a, "Quá hạn từ 14/12/2024: Việc riêng", "2024-12-14"
        )
        self.secret_for_b = self._remind(
            self.duty_a, self.staff_b, "Quá hạn từ 15/12/2024: Việc riêng", "2024-12-15"
        )
        self.own_for_b = self._remind(
            self.duty_b, self.staff_b, "Hạn 30/12/2099: Việc Trung tâm", "2099-12-30"
        )
        self.activities = self.secret_for_a | self.secret_for_b | self.own_for_b

    def _remind(self, duty, user, summary, deadline, as_user=None):
        Activity = self.env["mail.activity"]
        if as_user:
            Activity = Activity.sudo(as_user)
        return Activity.create(
            {
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                "res_model_id": self.env["ir.model"]._get("gov.plan.duty").id,
                "res_id": duty.id,
                "user_id": user.id,
                "summary": summary,
                "date_deadline": deadline,
            }
        )

    def test_activities_of_unreadable_records_hidden(self):
        """The reminders of unit A's duty (they name the duty and how late it
        is), read by an employee of unit B, one of them assigned to them; and
        by an employee without any role of gov_plan.

        Before: search returned the three activities (with limit=1, one of
        unit A's), search_count 3, read gave their summaries, read_group
        counted 2 for staff_b, name_search found two, the systray counted
        one overdue activity for staff_b, and the employee without a role
        found all three."""
        ids = self.activities.ids
        Activity = self.env["mail.activity"].sudo(self.staff_b)
        self.assertEqual(Activity.search([("id", "in", ids)]), self.own_for_b)
        self.assertEqual(Activity.search([("id", "in", ids)], limit=1), self.own_for_b)
        self.assertEqual(Activity.search_count([("id", "in", ids)]), 1)
        groups = Activity.read_group([("id", "in", ids)], ["user_id"], ["user_id"])
        self.assertEqual(
            [(g["user_id"][0], g["user_id_count"]) for g in groups],
            [(self.staff_b.id, 1)],
        )
        self.assertEqual(Activity.name_search("Việc riêng"), [])
        for activity in (self.secret_for_a, self.secret_for_b):
            with self.refused(AccessError):
                activity.sudo(self.staff_b).read(["summary"])
            with self.refused(AccessError):
                activity.sudo(self.staff_b).check_access_rule("read")
        counts = {
            e["model"]: e
            for e in self.env["res.users"].sudo(self.staff_b).activity_user_count()
        }
        self.assertEqual(
            [
                counts["gov.plan.duty"][key]
                for key in ("overdue_count", "today_count", "planned_count")
            ],
            [0, 0, 1],
        )
        self.assertEqual(counts["gov.plan.duty"]["total_count"], 0)
        outsider = self.env["mail.activity"].sudo(self.outsider)
        self.assertFalse(outsider.search([("id", "in", ids)]))
        with self.refused(AccessError):
            self.own_for_b.sudo(self.outsider).read(["summary"])

    def test_activities_still_work(self):
        """Normal use: the activity widget and the systray of a user who may
        read the duty; scheduling and marking done from the chatter; the
        systray's list; leadership sees every reminder."""
        duty = self.duty_a.sudo(self.staff_a)
        ids = duty.read(["activity_ids"])[0]["activity_ids"]
        self.assertEqual(set(ids), set((self.secret_for_a | self.secret_for_b).ids))
        shown = self.env["mail.activity"].sudo(self.staff_a).browse(ids).read()
        self.assertEqual(
            sorted(a["summary"] for a in shown),
            sorted((self.secret_for_a | self.secret_for_b).mapped("summary")),
        )
        self.assertEqual(duty.activity_state, "overdue")
        counts = {
            e["model"]: e
            for e in self.env["res.users"].sudo(self.staff_a).activity_user_count()
        }
        self.assertEqual(counts["gov.plan.duty"]["overdue_count"], 1)
        self.assertEqual(counts["gov.plan.duty"]["total_count"], 1)
        Duty = self.env["gov.plan.duty"].sudo(self.staff_a)
        self.assertEqual(
            Duty.search([("activity_user_id", "=", self.staff_a.id)]), self.duty_a
        )
        scheduled = self._remind(
            self.duty_a, self.staff_a, "Gọi điện", "2099-01-01", as_user=self.staff_a
        )
        self.assertIn(scheduled, duty.activity_ids)
        scheduled.action_feedback(feedback="Đã gọi")
        self.assertFalse(scheduled.exists())
        self.assertIn("Đã gọi", duty.message_ids[:1].body)
        self.assertEqual(
            self.env["mail.activity"].sudo(self.leader).search([("id", "in", ids)]),
            self.secret_for_a | self.secret_for_b,
        )
        counts = {
            e["model"]: e
            for e in self.env["res.users"].sudo(self.staff_b).activity_user_count()
        }
        self.assertEqual(counts["gov.plan.duty"]["planned_count"], 1)


class TestQueuedMails(MailCase):
    def setUp(self):
        super().setUp()
        self.svh = self.env["res.partner"].create(
            {"name": "Sở Văn hóa", "email": "svh@example.org"}
        )
        self.attacker = self.env["res.partner"].create(
            {"name": "Attacker", "email": "attacker@example.com"}
        )
        # queued as Odoo queues the notifications of a message (superuser)
        self.secret_message, self.secret_mail = self._queue(
            self.secret, "Dự toán: 1 tỷ"
        )
        self.own_message, self.own_mail = self._queue(self.own_b, "Lịch họp")

    def _queue(self, plan, body):
        message = plan.with_context(mail_notify_force_send=False).message_post(
            body=body,
            partner_ids=[self.svh.id],
            subtype="mail.mt_comment",
            message_type="comment",
        )
        mail = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertEqual((len(mail), mail.state), (1, "outgoing"))
        return message, mail

    def test_queued_mail_of_unreadable_record_hidden(self):
        """The e-mail queued for a message of unit A's plan, read by an
        employee of unit B and by one without any role; an e-mail made by
        hand of the victim's message (the queue would send its subject and
        attachments to the address its creator gives).

        Before: search found both e-mails, read gave the body and the
        recipients to both users. The e-mail of the victim's message was
        refused already (mail.message: its defaults are written to the
        message as the user)."""
        ids = (self.secret_mail | self.own_mail).ids
        Mail = self.env["mail.mail"].sudo(self.staff_b)
        self.assertEqual(Mail.search([("id", "in", ids)]), self.own_mail)
        self.assertEqual(Mail.search_count([("id", "in", ids)]), 1)
        for user in (self.staff_b, self.outsider):
            with self.refused(AccessError):
                self.secret_mail.sudo(user).read(["body_html", "recipient_ids"])
            with self.refused(AccessError):
                self.secret_mail.sudo(user).check_access_rule("read")
        with self.refused(AccessError):
            Mail.create(
                {
                    "mail_message_id": self.secret_message.id,
                    "email_to": "attacker@example.com",
                    "body_html": "<p>FYI</p>",
                }
            )

    def test_queued_mail_cannot_be_rewritten(self):
        """Redirecting a queued e-mail (recipients, address, body), queueing
        a failed one again, sending or deleting it: by an employee who may
        read it (their unit's plan), by one who may not, by a Settings
        administrator.

        Before: each of them rewrote the address, the recipients, the body
        and the state, and cancelled it; send() sent an outgoing e-mail,
        then failed (it writes the notifications as the user); unlink was
        refused to employees (mail's access list), not to the
        administrator."""
        self.own_mail.write({"state": "exception"})
        sysadmin = self._sysadmin()
        attacks = [
            lambda mail: mail.write({"email_to": "attacker@example.com"}),
            lambda mail: mail.write({"recipient_ids": [(6, 0, self.attacker.ids)]}),
            lambda mail: mail.write({"body_html": "<p>Forged</p>"}),
            lambda mail: mail.write({"state": "outgoing"}),
            lambda mail: mail.mark_outgoing(),
            lambda mail: mail.send(),
            lambda mail: mail.cancel(),
            lambda mail: mail.unlink(),
        ]
        for user in (self.staff_b, sysadmin):
            for attack in attacks:
                with self.refused(AccessError):
                    attack(self.own_mail.sudo(user))
        for attack in attacks:
            with self.refused(AccessError):
                attack(self.secret_mail.sudo(self.staff_b))
        states = {self.own_mail: "exception", self.secret_mail: "outgoing"}
        for mail, state in states.items():
            self.assertEqual(mail.state, state)
            self.assertEqual(mail.recipient_ids, self.svh)
            self.assertFalse(mail.email_to)
            self.assertNotIn("Forged", mail.body_html)

    def test_queue_and_templates_still_send(self):
        """Normal use: an employee reads the e-mails of their unit's plan;
        the queue (the superuser's scheduled action) sends them; a template
        with an attachment sent by an employee goes out at once; a Settings
        administrator cancels an e-mail that is not about a gov record."""
        self.assertEqual(self.own_mail.sudo(self.staff_b).recipient_ids, self.svh)
        self.assertIn("1 tỷ", self.secret_mail.sudo(self.staff_a).body_html)
        self.env["mail.mail"].process_email_queue(
            ids=(self.secret_mail | self.own_mail).ids
        )
        self.assertFalse((self.secret_mail | self.own_mail).exists(), "sent, deleted")
        sysadmin = self._sysadmin()
        annex = self.env["ir.attachment"].sudo(sysadmin).create(
            {
                "name": "phu-luc.txt",
                "datas": base64.b64encode(b"annex"),
                "datas_fname": "phu-luc.txt",
            }
        )
        template = self.env["mail.template"].sudo(sysadmin).create(
            {
                "name": "Notice",
                "model_id": self.env["ir.model"]._get("gov.plan").id,
                "subject": "${object.title}",
                "body_html": "<p>Kính gửi</p>",
                "email_to": "svh@example.org",
                "attachment_ids": [(6, 0, annex.ids)],
                "auto_delete": False,
            }
        )
        mail_id = template.sudo(self.staff_b).send_mail(self.own_b.id, force_send=True)
        sent = self.env["mail.mail"].browse(mail_id)
        self.assertEqual(sent.state, "sent")
        self.assertEqual(sent.attachment_ids, annex)
        other = self.env["mail.mail"].create(
            {"subject": "Thử", "email_to": "it@example.org", "body_html": "<p>x</p>"}
        )
        other.sudo(sysadmin).cancel()
        self.assertEqual(other.state, "cancel")

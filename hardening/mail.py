"""Messages, attachments, Discuss channels and followers.

Each model below closes what mail trusts its caller with: the public methods
are reachable over RPC by any logged-in user. The superuser (Odoo's own code
running sudo()) is never restricted.
"""

import re

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import html_escape


def _is_superuser(env):
    return env.uid == SUPERUSER_ID


# --- CVE-2018-15631: attachments linked to a message without a read check ---


def readable_attachment_ids(env, ids):
    """The ids among ``ids`` of attachments the user of ``env`` may read."""
    readable = []
    for attachment in env["ir.attachment"].browse(ids).exists():
        try:
            attachment.check("read")
        except AccessError:
            continue
        readable.append(attachment.id)
    return readable


def filter_attachment_commands(env, commands):
    """x2many commands for ``attachment_ids`` without the links (4, 6, or a
    bare id) to attachments the user may not read."""
    kept = []
    for command in commands:
        if isinstance(command, int):
            kept.extend(readable_attachment_ids(env, [command]))
        elif isinstance(command, (list, tuple)) and command and command[0] == 4:
            if readable_attachment_ids(env, [command[1]]):
                kept.append(command)
        elif isinstance(command, (list, tuple)) and command and command[0] == 6:
            kept.append((6, 0, readable_attachment_ids(env, command[2] or [])))
        else:
            kept.append(command)
    return kept


def without_unreadable_attachments(env, values):
    """``values`` of a message or a composer, with filter_attachment_commands
    applied to its ``attachment_ids``."""
    if not values.get("attachment_ids") or _is_superuser(env):
        return values
    commands = filter_attachment_commands(env, values["attachment_ids"])
    return dict(values, attachment_ids=commands)


# --- CVE-2018-15645: tracking values written as superuser ---

# What mail.tracking.value.create_tracking_values produces, nothing else.
TRACKING_KEYS = frozenset(
    ["field", "field_desc", "field_type"]
    + [
        "%s_value_%s" % (age, kind)
        for age in ("old", "new")
        for kind in ("integer", "float", "monetary", "char", "text", "datetime")
    ]
)


def check_tracking_commands(commands):
    for command in commands or []:
        if not (
            isinstance(command, (list, tuple))
            and len(command) == 3
            and command[0] == 0
            and isinstance(command[2], dict)
            and set(command[2]) <= TRACKING_KEYS
        ):
            raise AccessError(
                _(
                    "Tracking values are recorded by Odoo when a tracked field "
                    "changes; a message may only add new ones."
                )
            )


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def create(self, values):
        if values.get("tracking_value_ids") and not _is_superuser(self.env):
            check_tracking_commands(values["tracking_value_ids"])
        values = without_unreadable_attachments(self.env, values)
        return super(MailMessage, self).create(values)

    @api.multi
    def write(self, values):
        values = without_unreadable_attachments(self.env, values)
        return super(MailMessage, self).write(values)


class MailComposeMessage(models.TransientModel):
    """CVE-2018-15631 in the composer (its attachments go to the message)."""

    _inherit = "mail.compose.message"

    @api.model
    def create(self, values):
        values = without_unreadable_attachments(self.env, values)
        return super(MailComposeMessage, self).create(values)

    @api.multi
    def write(self, values):
        values = without_unreadable_attachments(self.env, values)
        return super(MailComposeMessage, self).write(values)


# --- CVE-2018-15638: markup in Discuss channel names ---

CHANNEL_NAME_FORBIDDEN = re.compile(r"""[<>&"']""")
# Chat (direct message) channels are named after their members by Odoo: their
# names are made harmless rather than refused.
CHAT_NAME_REPLACEMENTS = {
    "<": "\u2039",
    ">": "\u203a",
    "&": "+",
    '"': "\u201d",
    "'": "\u2019",
}


def harmless_name(name):
    return CHANNEL_NAME_FORBIDDEN.sub(lambda m: CHAT_NAME_REPLACEMENTS[m.group()], name)


class MailChannel(models.Model):
    _inherit = "mail.channel"

    @api.constrains("name", "channel_type")
    def _check_name_markup(self):
        for channel in self:
            if channel.channel_type == "channel" and CHANNEL_NAME_FORBIDDEN.search(
                channel.name or ""
            ):
                raise ValidationError(
                    _(
                        "A channel name may not contain < > & \" or ' (they "
                        "could carry markup into other users' screens). "
                        "Rename the channel without them."
                    )
                )

    @api.model
    def create(self, values):
        if values.get("channel_type", "channel") != "channel" and values.get("name"):
            values = dict(values, name=harmless_name(values["name"]))
        return super(MailChannel, self).create(values)

    @api.multi
    def write(self, values):
        if values.get("name") and all(c.channel_type != "channel" for c in self):
            values = dict(values, name=harmless_name(values["name"]))
        return super(MailChannel, self).write(values)


# --- CVE-2019-11783: anyone could join any channel through its members ---


class MailChannelPartner(models.Model):
    _inherit = "mail.channel.partner"

    def _may_add(self, channel, partner_id):
        """Oneself to a channel one may see (public, or of one's group) or is
        a member of; someone else only as a member (an invitation)."""
        channel = channel.sudo()
        user = self.env.user
        member = user.partner_id in channel.channel_partner_ids
        if partner_id == user.partner_id.id:
            if channel.public == "public" or member:
                return True
            return (
                channel.public == "groups"
                and bool(channel.group_public_id)
                and channel.group_public_id in user.groups_id
            )
        if not member:
            return False
        if channel.public != "groups" or not channel.group_public_id:
            return True
        invited = self.env["res.partner"].sudo().browse(partner_id).user_ids[:1]
        return bool(invited) and channel.group_public_id in invited.groups_id

    @api.model
    def create(self, values):
        if not _is_superuser(self.env) and values.get("channel_id"):
            channel = self.env["mail.channel"].browse(values["channel_id"]).exists()
            if channel and not self._may_add(channel, values.get("partner_id")):
                raise AccessError(
                    _(
                        "You may join only public channels, channels of your "
                        "groups and channels you belong to; only members invite."
                    )
                )
        return super(MailChannelPartner, self).create(values)

    @api.multi
    def write(self, values):
        if not _is_superuser(self.env):
            if {"channel_id", "partner_id", "partner_email"} & set(values):
                raise AccessError(_("A channel membership cannot be moved."))
            # Posting in a chat pins it for every member: the only change
            # allowed on another member's row.
            others = self.filtered(lambda cp: cp.partner_id != self.env.user.partner_id)
            if others and set(values) - {"is_pinned"}:
                raise AccessError(
                    _("You may change only your own channel memberships.")
                )
        return super(MailChannelPartner, self).write(values)

    @api.multi
    def unlink(self):
        if not _is_superuser(self.env) and any(
            cp.partner_id != self.env.user.partner_id for cp in self
        ):
            raise AccessError(_("You may leave a channel, not remove others."))
        return super(MailChannelPartner, self).unlink()


# --- CVE-2019-11784: a notification grants read access to its message ---


class MailNotification(models.Model):
    _inherit = "mail.notification"

    @api.model
    def create(self, values):
        if not _is_superuser(self.env):
            raise AccessError(
                _("Notifications are created by Odoo when a message is sent.")
            )
        return super(MailNotification, self).create(values)

    @api.multi
    def write(self, values):
        if not _is_superuser(self.env) and {"mail_message_id", "res_partner_id"} & set(
            values
        ):
            raise AccessError(
                _("The message or the recipient of a notification cannot change.")
            )
        return super(MailNotification, self).write(values)


# --- CVE-2019-11785, CVE-2021-44465: followers without a rights check ---


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    def _check_may_follow(self, res_model, res_id, partner_id, channel_id):
        """Oneself on a record one may read; anyone on a record one may write
        (as message_subscribe asks)."""
        if res_model not in self.env or not res_id:
            raise AccessError(_("Followers follow an existing record."))
        record = self.env[res_model].browse(res_id)
        mode = (
            "read"
            if partner_id == self.env.user.partner_id.id and not channel_id
            else "write"
        )
        record.check_access_rights(mode)
        record.check_access_rule(mode)

    @api.model
    def create(self, values):
        if not _is_superuser(self.env):
            self._check_may_follow(
                values.get("res_model"),
                values.get("res_id"),
                values.get("partner_id"),
                values.get("channel_id"),
            )
        return super(MailFollowers, self).create(values)

    @api.multi
    def write(self, values):
        if not _is_superuser(self.env):
            if {"res_model", "res_id", "partner_id", "channel_id"} & set(values):
                raise AccessError(
                    _("A follower cannot be moved: unfollow, then follow.")
                )
            for follower in self:
                self._check_may_follow(
                    follower.res_model,
                    follower.res_id,
                    follower.partner_id.id,
                    follower.channel_id.id,
                )
        return super(MailFollowers, self).write(values)


# --- CVE-2018-15635: a record's name put into HTML unescaped ---


class MailWizardInvite(models.TransientModel):
    _inherit = "mail.wizard.invite"

    @api.model
    def default_get(self, fields):
        result = super(MailWizardInvite, self).default_get(fields)
        if "message" not in result:
            return result
        user_name = html_escape(self.env.user.name_get()[0][1])
        model = result.get("res_model")
        res_id = result.get("res_id")
        if model and res_id:
            model_name = self.env["ir.model"]._get(model).display_name
            document_name = self.env[model].browse(res_id).name_get()[0][1]
            # Odoo's own text (and its translations), with escaped values.
            result["message"] = _(
                "<div><p>Hello,</p><p>%s invited you to follow %s document: "
                "%s.</p></div>"
            ) % (user_name, html_escape(model_name), html_escape(document_name))
        else:
            result["message"] = _(
                "<div><p>Hello,</p><p>%s invited you to follow a new "
                "document.</p></div>"
            ) % (user_name,)
        return result

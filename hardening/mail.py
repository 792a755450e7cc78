"""Messages, attachments, Discuss channels, followers, activities and queued
e-mails.

Each model below closes what mail trusts its caller with: the public methods
are reachable over RPC by any logged-in user. The superuser (Odoo's own code
running sudo()) is never restricted.
"""

import contextlib
import re

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import html_escape

from ..lib import workflow


def _is_superuser(env):
    return env.uid == SUPERUSER_ID


# --- Flags of Odoo's own code ---
#
# The client sends the context: a context key proves nothing. These flags are
# attributes of the cursor object, set in Python for the time of one call of
# Odoo's own code; no request can set them.


@contextlib.contextmanager
def odoo_flag(cr, name):
    setattr(cr, name, getattr(cr, name, 0) + 1)
    try:
        yield
    finally:
        setattr(cr, name, getattr(cr, name) - 1)


def odoo_flag_set(cr, name):
    return getattr(cr, name, 0) > 0


# --- Activities and queued e-mails of gov records: read with the record ---

GOV_MODEL_PREFIX = "gov.plan"


def gov_model_names(env):
    """gov_plan's models that have a table (documents of activities, mails)."""
    return sorted(
        name
        for name in env.registry.models
        if name.startswith(GOV_MODEL_PREFIX) and not env[name]._abstract
    )


def readable_record_sql(env, model_name, res_id_column):
    """``(sql, params)``: an SQL condition true when ``res_id_column`` is
    the id of a record of ``model_name`` that the user of ``env`` may read
    (access rights and record rules, as search() applies them, archived
    records included); None when they may read none. EXISTS rather than IN:
    the rows checked are usually few (a record's activities), the records
    many (10,000 duties)."""
    records = env[model_name]
    if not records.check_access_rights("read", raise_exception=False):
        return None
    query = records._where_calc([], active_test=False)
    records._apply_ir_rules(query, "read")
    from_clause, where_clause, params = query.get_sql()
    sql = 'EXISTS (SELECT 1 FROM %s WHERE "%s".id = %s AND %s)' % (
        from_clause,
        records._table,
        res_id_column,
        where_clause or "TRUE",
    )
    return sql, params


def gov_document_clause(env, model_column, res_id_column):
    """An SQL condition, and its parameters, on rows that name a document by
    model and id: true unless the document is a gov record that the user of
    ``env`` may not read. Added like a record rule, so that search counts,
    limits and groups stay right."""
    clauses = ["%s IS NULL" % model_column, "%s NOT LIKE %%s" % model_column]
    params = [GOV_MODEL_PREFIX + "%"]
    for name in gov_model_names(env):
        readable = readable_record_sql(env, name, res_id_column)
        if readable:
            clauses.append("(%s = %%s AND %s)" % (model_column, readable[0]))
            params += [name] + readable[1]
    return "(%s)" % " OR ".join(clauses), params


def add_gov_document_rule(records, query, alias, model_column, res_id_column):
    """Adds gov_document_clause to ``query`` of ``records``' model."""
    if _is_superuser(records.env):
        return
    clause, params = gov_document_clause(
        records.env,
        '"%s"."%s"' % (alias, model_column),
        '"%s"."%s"' % (alias, res_id_column),
    )
    query.where_clause.append(clause)
    query.where_clause_params.extend(params)


def check_gov_document_read(records):
    """check_access_rule("read") for the rule add_gov_document_rule adds."""
    ids = [i for i in records.ids if isinstance(i, int)]
    if _is_superuser(records.env) or not ids:
        return
    found = set(records._search([("id", "in", ids)]))
    hidden = records.browse([i for i in ids if i not in found]).exists()
    if hidden:
        raise AccessError(
            _(
                "Only those who may read a record may read its activities and "
                "its e-mails waiting to be sent."
            )
        )


class MailActivity(models.Model):
    """Reminders name the duty, the person and how late it is: Odoo 11 lets
    every employee read every activity (mail.activity has no read check)."""

    _inherit = "mail.activity"

    @api.model
    def _apply_ir_rules(self, query, mode="read"):
        super(MailActivity, self)._apply_ir_rules(query, mode)
        if mode == "read":
            add_gov_document_rule(self, query, self._table, "res_model", "res_id")

    @api.multi
    def check_access_rule(self, operation):
        super(MailActivity, self).check_access_rule(operation)
        if operation == "read":
            check_gov_document_read(self)


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def activity_user_count(self):
        """The systray counts the user's activities in SQL, also those of
        records they may not read (a reminder may be assigned to the manager
        of a unit, who needs no role): those of gov records are counted again
        from what the user may read."""
        result = super(ResUsers, self).activity_user_count()
        gov = [e["model"] for e in result if e["model"].startswith(GOV_MODEL_PREFIX)]
        if not gov or _is_superuser(self.env):
            return result
        counts = {model: {"today": 0, "overdue": 0, "planned": 0} for model in gov}
        today = fields.Date.from_string(fields.Date.context_today(self))
        activities = self.env["mail.activity"].search_read(
            [("user_id", "=", self.env.uid), ("res_model", "in", gov)],
            ["res_model", "date_deadline"],
        )
        for activity in activities:
            days = (fields.Date.from_string(activity["date_deadline"]) - today).days
            state = "today" if days == 0 else "overdue" if days < 0 else "planned"
            counts[activity["res_model"]][state] += 1
        kept = []
        for entry in result:
            count = counts.get(entry["model"])
            if count is not None:
                if not any(count.values()):
                    continue
                entry.update(
                    {"%s_count" % state: number for state, number in count.items()},
                    total_count=count["today"] + count["overdue"],
                )
            kept.append(entry)
        return kept


# Ids of the e-mails each user created in this transaction (same cursor):
# mail.template.send_mail and the mass-mail composer complete and send them.
_OWN_MAILS = "_gov_plan_own_mails"


class MailMail(models.Model):
    """Queued e-mails: every employee could read them all (body, recipients)
    and rewrite them (recipients, body, state) before the queue sends them."""

    _inherit = "mail.mail"

    @api.model
    def _apply_ir_rules(self, query, mode="read"):
        super(MailMail, self)._apply_ir_rules(query, mode)
        if mode == "read" and not _is_superuser(self.env):
            # model and res_id are mail.message's columns (_inherits)
            alias = self._inherits_join_add(self, "mail.message", query)
            add_gov_document_rule(self, query, alias, "model", "res_id")

    @api.multi
    def check_access_rule(self, operation):
        super(MailMail, self).check_access_rule(operation)
        if operation == "read":
            check_gov_document_read(self)

    def _check_may_change(self):
        """Odoo writes, sends and deletes queued e-mails (as the superuser:
        notifications, the queue). A user may complete the e-mails they
        created in this same transaction (mail.template.send_mail attaches
        files, then sends); a Settings administrator keeps Settings >
        Technical > Emails for the e-mails that are not about gov records."""
        if _is_superuser(self.env):
            return
        own = getattr(self.env.cr, _OWN_MAILS, set())
        others = self.filtered(lambda mail: (self.env.uid, mail.id) not in own)
        if not others:
            return
        if self.env.user.has_group("base.group_system") and not others.sudo().filtered(
            lambda mail: (mail.model or "").startswith(GOV_MODEL_PREFIX)
        ):
            return
        raise AccessError(
            _(
                "Only Odoo changes, sends or deletes an e-mail waiting to be "
                "sent: write a new message instead."
            )
        )

    @api.model
    def create(self, values):
        # An e-mail of an existing message (mail_message_id) is refused by
        # mail.message when the user may not write the message: the
        # defaults of its fields are written to it as the user.
        mail = super(MailMail, self).create(values)
        if not _is_superuser(self.env):
            own = getattr(self.env.cr, _OWN_MAILS, None)
            if own is None:
                own = set()
                setattr(self.env.cr, _OWN_MAILS, own)
            own.add((self.env.uid, mail.id))
        return mail

    @api.multi
    def write(self, values):
        self._check_may_change()
        return super(MailMail, self).write(values)

    @api.multi
    def unlink(self):
        self._check_may_change()
        return super(MailMail, self).unlink()

    @api.multi
    def send(self, auto_commit=False, raise_exception=False):
        self._check_may_change()
        return super(MailMail, self).send(
            auto_commit=auto_commit, raise_exception=raise_exception
        )


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


# --- Tracking values posted by a client (any shape): a forged history ---

# Set while mail.thread.message_track runs: Odoo's own field tracking, called
# by write() and create() with what really changed.
_TRACKING = "_gov_plan_tracking"


def check_may_track(env):
    """Tracking values come only from Odoo's own field tracking (or the
    superuser): a client posting them forges "state: submitted -> approved"
    under its user's name."""
    if not _is_superuser(env) and not odoo_flag_set(env.cr, _TRACKING):
        raise AccessError(
            _(
                "Tracking values are recorded by Odoo itself when a tracked "
                "field changes; they cannot be posted or changed."
            )
        )


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.multi
    def message_track(self, tracked_fields, initial_values):
        """message_track is public, but no client reaches it with values:
        over RPC the keys of ``initial_values`` are strings (JSON, XML-RPC),
        never the record ids it looks up, so a call posts nothing or fails."""
        with odoo_flag(self.env.cr, _TRACKING):
            return super(MailThread, self).message_track(tracked_fields, initial_values)


def _is_gov_model(model):
    return isinstance(model, str) and model.startswith("gov.plan")


def check_own_author(env, values):
    """On a gov record a user posts under their own name only: a message of
    another author, or of none with someone else's address, would forge its
    history (a "Đã phê duyệt." by leadership). Returns the values with the
    author set (a personal default of mail.message could name another).
    (Discuss posts a joining member's own notice: other models are left.)"""
    if not _is_gov_model(values.get("model")) or _is_superuser(env):
        return values
    partner = env.user.partner_id
    values = dict(values)
    if values.get("author_id") is None:
        values["author_id"] = partner.id
    email_from = values.get("email_from") or ""
    if values["author_id"] != partner.id or (
        email_from and (partner.email or "").lower() not in email_from.lower()
    ):
        raise AccessError(_("A message is posted under your own name only."))
    return values


# What a message of the history says; its recipients, stars and
# notifications are Odoo's bookkeeping, written as the user, and so are its
# attachments (mail.template.send_mail attaches them to its new message;
# which ones a user may link is checked above, CVE-2018-15631).
HISTORY_FIELDS = frozenset(
    (
        "body",
        "subject",
        "author_id",
        "email_from",
        "date",
        "model",
        "res_id",
        "record_name",
        "message_type",
        "subtype_id",
        "parent_id",
        "tracking_value_ids",
    )
)


# Set on the cursor while gov records that may be deleted are deleted
# (gov.plan.workflow.mixin): mail.thread then deletes their messages, as the
# user.
DELETING = workflow.DELETING_FLAG


def check_history_kept(messages, values=None):
    """The chatter of a gov record is its history: only Odoo itself (as
    superuser: the mail gateway, the cron; or deleting the record) changes
    what a message says or deletes it."""
    if _is_superuser(messages.env):
        return
    if values is None:
        deleting = getattr(messages.env.cr, DELETING, set())
        messages = messages.sudo().filtered(
            lambda m: (m.model, m.res_id) not in deleting
        )
    if values is not None and not set(values) & HISTORY_FIELDS:
        return
    messages = messages.sudo()
    if any(_is_gov_model(m.model) for m in messages) or (
        values and _is_gov_model(values.get("model"))
    ):
        raise AccessError(
            _("The history of a plan, duty or report cannot be changed or deleted.")
        )


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model
    def create(self, values):
        values = check_own_author(self.env, values)
        if values.get("tracking_value_ids") and not _is_superuser(self.env):
            check_may_track(self.env)
            check_tracking_commands(values["tracking_value_ids"])
        values = without_unreadable_attachments(self.env, values)
        return super(MailMessage, self).create(values)

    @api.multi
    def write(self, values):
        check_history_kept(self, values)
        if values.get("tracking_value_ids"):
            check_may_track(self.env)
        values = without_unreadable_attachments(self.env, values)
        return super(MailMessage, self).write(values)

    @api.multi
    def unlink(self):
        check_history_kept(self)
        return super(MailMessage, self).unlink()


class MailTrackingValue(models.Model):
    """Settings administrators hold every right on tracking values (mail's
    access list): they cannot write history either."""

    _inherit = "mail.tracking.value"

    @api.model
    def create(self, values):
        check_may_track(self.env)
        return super(MailTrackingValue, self).create(values)

    @api.multi
    def write(self, values):
        check_may_track(self.env)
        return super(MailTrackingValue, self).write(values)


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

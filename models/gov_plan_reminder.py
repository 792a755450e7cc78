"""Daily reminders of deadlines, with escalation of overdue duties.

The job may run on any server and any number of times a day: each reminder
is written once in gov.plan.reminder (unique per record, kind and deadline),
so a second run sends nothing, and a new deadline (an extension) starts a
new series.
"""

import datetime
import logging

from odoo import _, api, fields, models

from ..lib import vn_rules, workflow

_logger = logging.getLogger(__name__)


class GovPlanReminder(models.Model):
    _name = "gov.plan.reminder"
    _description = "Reminder sent"
    _order = "create_date desc"

    res_model = fields.Char(required=True)
    res_id = fields.Integer(required=True)
    kind = fields.Char(
        required=True,
        help="before, due, overdue, or overdue_<days> for an "
        "escalation to leadership.",
    )
    deadline = fields.Date(required=True)
    user_ids = fields.Many2many("res.users", string="Told")

    _sql_constraints = [
        (
            "reminder_unique",
            "unique(res_model, res_id, kind, deadline)",
            "This reminder was already sent.",
        ),
    ]

    @api.model
    def _settings(self):
        get = self.env["ir.config_parameter"].sudo().get_param
        days_before = int(get("gov_plan.reminder_days_before", 3))
        bands = tuple(
            int(b)
            for b in get("gov_plan.escalation_bands", "30,60,120").split(",")
            if b.strip()
        )
        return days_before, bands

    @api.model
    def _cron_send(self, today=None):
        """Entry point of the daily scheduled action."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        days_before, bands = self._settings()
        horizon = fields.Date.to_string(today + datetime.timedelta(days=days_before))
        Duty = self.env["gov.plan.duty"].sudo()
        duties = Duty.search(
            [
                ("state", "in", workflow.OPEN_STATES),
                # only a date makes a duty due; a duty for all the units is
                # carried out (and reminded) through each unit's own duty
                ("deadline_type", "=", workflow.DEADLINE_DATE),
                ("lead_type", "!=", workflow.LEAD_ALL_UNITS),
                ("date_deadline", "!=", False),
                ("date_deadline", "<=", horizon),
                ("plan_id.state", "in", workflow.ASSIGNED_PLAN_STATES),
            ]
        )
        Report = self.env["gov.plan.report"].sudo()
        reports = Report.search(
            [
                ("state", "in", ("draft", "returned")),
                ("date_deadline", "!=", False),
                ("date_deadline", "<=", horizon),
            ]
        )
        sent = self.search(
            [
                ("res_model", "in", ("gov.plan.duty", "gov.plan.report")),
                ("res_id", "in", duties.ids + reports.ids),
            ]
        )
        done = {(r.res_model, r.res_id, r.kind, r.deadline) for r in sent}
        leaders = self.env.ref("gov_plan.group_gov_plan_leader").users.filtered(
            lambda u: u.active and not u._is_superuser()
        )
        # Decide first, then send: sending writes (messages, activities),
        # which empties the record cache, and each record read after a send
        # would read again every duty found above.
        to_send = []
        for record in list(duties) + list(reports):
            deadline = fields.Date.from_string(record.date_deadline)
            kind = vn_rules.reminder_kind(deadline, today, days_before)
            users = record._gov_reminder_users()
            todo = [(kind, users)] if kind else []
            if kind == "overdue" and record._name == "gov.plan.duty":
                band = vn_rules.overdue_band((today - deadline).days, bands)
                if band:
                    todo.append(("overdue_%d" % band, leaders))
            for what, who in todo:
                key = (record._name, record.id, what, record.date_deadline)
                if key in done or not who:
                    continue
                done.add(key)
                to_send.append((record, what, who, deadline, key))
        for record, what, who, deadline, key in to_send:
            # on its own: what the send reads is read for this record only
            self._notify(record.with_prefetch(), what, who, deadline, today)
            self.create(
                {
                    "res_model": key[0],
                    "res_id": key[1],
                    "kind": what,
                    "deadline": key[3],
                    "user_ids": [(6, 0, who.ids)],
                }
            )
        count = len(to_send)
        _logger.info("gov_plan reminders: %d sent", count)
        return count

    @api.model
    def _notify(self, record, kind, users, deadline, today):
        late = (today - deadline).days
        texts = {
            "before": _("Deadline on %(date)s: %(name)s"),
            "due": _("Due today: %(name)s"),
            "overdue": _("Overdue since %(date)s: %(name)s"),
        }
        text = texts.get(kind) or _(
            "Overdue for %(days)s days (since %(date)s): %(name)s"
        )
        summary = text % {
            "date": deadline.strftime("%d/%m/%Y"),
            "name": record.display_name,
            "days": late,
        }
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"].sudo()._get(record._name)
        for user in users:
            self.env["mail.activity"].sudo().create(
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": model.id,
                    "res_id": record.id,
                    "user_id": user.id,
                    "summary": summary[:200],
                    "date_deadline": fields.Date.to_string(max(deadline, today)),
                }
            )
        # the e-mail: a message to the people concerned, sent by Odoo's mail queue
        record.message_post(
            body=summary,
            partner_ids=users.mapped("partner_id").ids,
            subtype="mail.mt_comment",
            message_type="notification",
        )

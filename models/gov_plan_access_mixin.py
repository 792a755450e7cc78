import psycopg2
from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression


class GovPlanAccessMixin(models.AbstractModel):
    """Role and unit checks shared by plans, duties and reports.

    Buttons are hidden by groups in the views, but every action method is
    callable over RPC: each one calls these checks first.
    """

    _name = "gov.plan.access.mixin"
    _description = "Role and unit checks"
    # Fields naming the units a record belongs to, for the filter "My units".
    _gov_unit_fields = ("unit_id",)

    is_my_unit = fields.Boolean(
        "My units", compute="_compute_is_my_unit", search="_search_is_my_unit"
    )

    def _search_is_my_unit(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_('The filter "My units" is either set or not set.'))
        units = self.env.user.gov_unit_ids.ids
        domain = expression.OR(
            [[(name, "in", units)] for name in self._gov_unit_fields]
        )
        if (operator == "=") != bool(value):
            domain = ["!"] + domain
        return domain

    def _compute_is_my_unit(self):
        units = self.env.user.gov_unit_ids
        for rec in self:
            rec.is_my_unit = any(
                rec.mapped(name) & units for name in self._gov_unit_fields
            )

    def _gov_require_group(self, role, action_label):
        if not self.env.user._gov_is(role):
            raise AccessError(
                _("You are not allowed to %(action)s: it needs the role " '"%(role)s".')
                % {
                    "action": action_label,
                    "role": self.env.ref("gov_plan.group_gov_plan_" + role).name,
                }
            )

    def _gov_require_unit(self, units, action_label):
        """Leadership acts on every unit; others only on their own units."""
        user = self.env.user
        if user._gov_is("leader"):
            return
        if not units or units - user.gov_unit_ids:
            raise AccessError(
                _("You may %(action)s only for your own units (%(units)s).")
                % {
                    "action": action_label,
                    "units": ", ".join(user.gov_unit_ids.mapped("name")) or _("none"),
                }
            )

    def _gov_require_email(self):
        """Odoo 11 refuses to record a message from a user without an e-mail
        address; say so before the step instead of failing half-way."""
        if not self.env.user.email:
            raise UserError(
                _(
                    "Your user has no e-mail address, and Odoo needs one to record "
                    "your step in the history. Ask the administrator to add it "
                    "(Settings > Users)."
                )
            )

    # The step the reason wizard calls when the button does not say
    _gov_reason_action = None

    @api.multi
    def action_open_reason(self):
        """Opens the wizard that asks the reason of a cancel, return or refusal.

        The wizard calls the action method, which checks role, unit and state.
        """
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "gov.plan.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_action": self.env.context.get("gov_reason_action")
                or self._gov_reason_action,
            },
        }

    @api.model
    def _gov_reason(self, reason, missing_message):
        """The reason of a cancel, return or refusal, as text: a step that
        needs one refuses an empty or malformed one with ``missing_message``."""
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(missing_message)
        return reason.strip()

    def _gov_require_leader_or_office(self, action_label):
        """Leadership, or staff of the office that compiles reports (Văn phòng)."""
        user = self.env.user
        if user._gov_is("leader"):
            return
        self._gov_require_group("user", action_label)
        if not user.gov_unit_ids.filtered("gov_is_office"):
            raise AccessError(
                _("Only leadership or the office may %(action)s.")
                % {"action": action_label}
            )

    def _gov_require_state(self, states, action_label):
        for rec in self:
            if rec.state not in states:
                raise UserError(
                    _('"%(name)s" is %(state)s: you cannot %(action)s it now.')
                    % {
                        "name": rec.display_name,
                        "action": action_label,
                        "state": dict(
                            rec._fields["state"]._description_selection(self.env)
                        )[rec.state],
                    }
                )

    def _gov_touch(self):
        """Update the rows (their write date): a concurrent transaction that
        touches them too waits, then fails to serialize and is retried by
        Odoo, seeing what the first one did. Raw SQL: the ORM would write
        the record with its checks and tracking."""
        if not self.ids:
            return
        self.env.cr.execute(
            sql.SQL(
                "UPDATE {} SET write_date = (now() at time zone 'UTC') WHERE id IN %s"
            ).format(sql.Identifier(self._table)),
            (tuple(self.ids),),
        )
        self.invalidate_cache(["write_date"], self.ids)

    def _gov_lock(self):
        """Lock the rows so that two users acting at once give one result.

        Raw SQL: the ORM has no row lock. NOWAIT makes the second user see a
        clear message; the state is then read again from the database.
        """
        if not self.ids:
            return
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    sql.SQL(
                        "SELECT id FROM {} WHERE id IN %s FOR UPDATE NOWAIT"
                    ).format(sql.Identifier(self._table)),
                    (tuple(self.ids),),
                )
        except psycopg2.OperationalError:
            raise UserError(
                _(
                    "Someone else is acting on this record right now. "
                    "Reload the page and try again."
                )
            )
        self.invalidate_cache(["state"], self.ids)

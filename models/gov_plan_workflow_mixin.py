from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError

from ..lib import workflow


def check_computed_fields(self, vals):
    """Refuse the values of computed fields: Odoo 11 writes a stored computed
    field given to create or write as it is (a draft's number and symbol, the
    units a plan concerns, the unit of a report line), until it is computed
    again. Only the computation sets them.

    (``self`` by name: Odoo's _() finds the user's language there.)"""
    if self.env.uid == SUPERUSER_ID:
        return
    names = sorted(
        name
        for name in vals
        if name in self._fields
        and self._fields[name].compute
        and not self._fields[name].inverse
    )
    if names:
        raise AccessError(
            _("%(fields)s are computed and cannot be written.")
            % {
                "fields": ", ".join(
                    '"%s"' % self._fields[name].get_description(self.env)["string"]
                    for name in names
                )
            }
        )


def _is_set(field, value):
    """Whether a create value sets something: the web client sends an empty
    many2many as [(6, 0, [])]."""
    if field.type in ("one2many", "many2many") and isinstance(value, (list, tuple)):
        return any(
            not (
                isinstance(command, (list, tuple))
                and command
                and (command[0] == 5 or (command[0] == 6 and not command[2]))
            )
            for command in value
        )
    return bool(value)


class GovPlanWorkflowMixin(models.AbstractModel):
    """Workflow fields that only a step may write.

    A model sets ``_gov_workflow`` to its table in lib/workflow.py. Its
    ``create`` and ``write`` then refuse every field a step sets (the state,
    the approvers, the number ...) and every content field once the record
    is no longer editable, for every role; the superuser alone (Odoo's own
    code, the demo data) is not checked. A step writes through
    ``_gov_step``, a private method that the RPC layer does not expose and
    that no context key can replace: the client controls the context.

    Put this mixin first in ``_inherit``: the step's write goes to the next
    class, mail.thread, which tracks the changes under the user's name.
    """

    _name = "gov.plan.workflow.mixin"
    _inherit = "gov.plan.access.mixin"
    _description = "Workflow steps"

    # lib.workflow.Workflow of the model
    _gov_workflow = None
    # the field naming the unit whose members take the steps "own unit"
    _gov_step_unit_field = "unit_id"

    def _gov_unchecked(self):
        return self.env.uid == SUPERUSER_ID

    # ------------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        if self._gov_unchecked():
            return super().create(self._gov_complete_create_values(dict(vals)))
        wf = self._gov_workflow
        # defaults from the context are the client's: none for a step field
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] in wf.guarded)
        }
        self = self.with_context(context)
        check_computed_fields(self, vals)
        self._gov_check_create_values(vals)
        return super().create(self._gov_complete_create_values(dict(vals)))

    def _gov_complete_create_values(self, vals):
        """Override to add the fields the model itself sets at creation
        (after the client's values were checked)."""
        return vals

    @api.model
    def _add_missing_default_values(self, values):
        """The defaults a user may set for themselves (ir.default, "Set
        default" in the web client) give no step field either: those start
        from the field's own default, whatever was set."""
        result = super()._add_missing_default_values(values)
        if self._gov_unchecked():
            return result
        for name in self._gov_workflow.guarded - set(values):
            if name in result:
                field = self._fields[name]
                if field.default:
                    result[name] = field.default(self)
                else:
                    del result[name]
        return result

    def _gov_check_create_values(self, vals):
        wf = self._gov_workflow
        refused = []
        for name in wf.refused_fields(vals):
            field = self._fields[name]
            default = field.default(self) if field.default else False
            if _is_set(field, vals[name]) and vals[name] != default:
                refused.append(name)
        if refused:
            raise AccessError(self._gov_refused_message(refused))

    @api.multi
    def write(self, vals):
        if not self._gov_unchecked():
            check_computed_fields(self, vals)
            if "message_ids" in vals:
                # its commands would delete or rewrite the history
                raise AccessError(
                    _(
                        "The history of a plan, duty or report cannot be changed "
                        "or deleted."
                    )
                )
            wf = self._gov_workflow
            refused = sorted(
                set(wf.refused_fields(vals)) | (set(vals) & wf.create_only)
            )
            if refused:
                raise AccessError(self._gov_refused_message(refused))
            self._gov_check_frozen(vals)
        return super().write(vals)

    @api.multi
    def unlink(self):
        """The model's own unlink has said whether the records may go: their
        history goes with them (mail.thread deletes it as the user)."""
        deleting = getattr(self.env.cr, workflow.DELETING_FLAG, None)
        if deleting is None:
            deleting = set()
            setattr(self.env.cr, workflow.DELETING_FLAG, deleting)
        keys = {(self._name, rec_id) for rec_id in self.ids}
        new = keys - deleting
        deleting |= new
        try:
            return super().unlink()
        finally:
            deleting -= new

    def _gov_refused_message(self, names):
        labels = ", ".join(
            '"%s"' % self._fields[name].get_description(self.env)["string"]
            for name in names
        )
        return _(
            "%(fields)s of a %(model)s can only be set by its workflow steps "
            "(the buttons), not written directly."
        ) % {"fields": labels, "model": self._description_label()}

    def _description_label(self):
        model = self.env["ir.model"].sudo()._get(self._name)
        return model.name or self._description

    def _gov_editable_state(self):
        """The state that decides whether the content may change."""
        self.ensure_one()
        record = self.sudo()
        for name in self._gov_workflow.editable_path.split("."):
            record = record[name]
        return record

    def _gov_check_frozen(self, vals):
        """Refuse content changes of records that are no longer editable.

        Override to let some fields change later (a duty's assignment)."""
        fields = self._gov_workflow.frozen_fields(vals)
        if not fields:
            return
        for rec in self:
            if not self._gov_workflow.is_editable(rec._gov_editable_state()):
                raise UserError(rec._gov_frozen_message())

    def _gov_frozen_message(self):
        return _(
            '"%(name)s" is no longer a draft and cannot be changed; it must be '
            "returned to draft first, where its workflow allows it."
        ) % {"name": self.display_name}

    # ----------------------------------------------------------------- steps
    def _gov_check_step(self, name, label):
        """Role, unit and state of the step ``name``, in that order."""
        step = self._gov_workflow.step(name)
        if step.from_states:
            self._gov_check_records()
        self._gov_require_group(step.role, label)
        if step.unit == workflow.UNIT_OWN:
            for rec in self:
                rec._gov_require_unit(rec[self._gov_step_unit_field], label)
        elif step.unit == workflow.UNIT_OFFICE:
            self._gov_require_leader_or_office(label)
        if step.from_states:
            self._gov_lock()
            self._gov_require_state(step.from_states, label)
        return step

    def _gov_check_records(self):
        """A step is taken once on each record: a call with no record, or
        with the same record twice, is refused."""
        if not self:
            raise UserError(_("Choose at least one record for this step."))
        if len(set(self.ids)) != len(self.ids):
            raise UserError(_("The same record is given twice: give it once."))

    def _gov_step(self, name, label, values=None, message=None, to_state=None):
        """Take the step ``name``: check it, then write the step's fields.

        ``label`` names the step in the refusals ("approve a plan"); the
        message, if any, goes to the chatter of each record.
        """
        step = self._gov_check_step(name, label)
        self._gov_write_step(name, values, to_state)
        if message:
            for rec in self:
                rec.message_post(body=message)
        return step

    def _gov_write_step(self, name, values=None, to_state=None):
        """The privileged write of a step whose checks were made."""
        step = self._gov_workflow.step(name)
        if step.from_states:
            # checked again record by record: a step of a loop may have moved
            # the next record already
            self._gov_require_state(step.from_states, name)
        vals = dict(values or {})
        if step.to_states:
            to_state = to_state or step.to_states[0]
            vals["state"] = to_state
        workflow.check_step_values(self._gov_workflow, name, vals, to_state)
        self._gov_require_email()
        # skips this mixin's guard (and the model's own write): mail.thread
        # still tracks the change as the user's
        return super(GovPlanWorkflowMixin, self).write(vals)

    @api.model
    def _gov_create_step(self, name, label, vals):
        """A record that only a step creates (a consolidated report)."""
        self._gov_check_step(name, label)
        self._gov_require_email()
        return super(GovPlanWorkflowMixin, self).create(vals)


class GovPlanLineMixin(models.AbstractModel):
    """Lines of a document (items, basis lines, recipients, report lines):
    changed only while their document may change, for every role."""

    _name = "gov.plan.line.mixin"
    _description = "Lines of a gov_plan document"

    # the field naming the document
    _gov_parent_field = "plan_id"

    def _gov_check_parent_editable(self, parents):
        if self.env.uid == SUPERUSER_ID:
            return
        for parent in parents.sudo():
            if not parent._gov_workflow.is_editable(parent._gov_editable_state()):
                raise UserError(parent._gov_frozen_message())

    @api.model
    def create(self, vals):
        check_computed_fields(self, vals)
        parent = self.env[self._fields[self._gov_parent_field].comodel_name]
        if isinstance(vals.get(self._gov_parent_field), int):
            self._gov_check_parent_editable(
                parent.browse(vals[self._gov_parent_field]).exists()
            )
        record = super().create(vals)
        self._gov_check_parent_editable(record[self._gov_parent_field])
        return record

    @api.multi
    def write(self, vals):
        check_computed_fields(self, vals)
        parents = self.mapped(self._gov_parent_field)
        self._gov_check_parent_editable(parents)
        result = super().write(vals)
        if self._gov_parent_field in vals:
            self._gov_check_parent_editable(self.mapped(self._gov_parent_field))
        return result

    @api.multi
    def unlink(self):
        self._gov_check_parent_editable(self.mapped(self._gov_parent_field))
        return super().unlink()

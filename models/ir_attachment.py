from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

# The model whose files are evidence (gov.plan.report.line.attachment_ids).
EVIDENCE_MODEL = "gov.plan.report.line"
# The fields that say which record a file belongs to.
LINK_FIELDS = ("res_model", "res_id", "res_field")


def _link(res_model, res_id, res_field):
    """The record a file belongs to, empty values made alike."""
    return (res_model or False, res_id or 0, res_field or False)


class IrAttachment(models.Model):
    """The evidence of a report line is attached to the line
    (GovPlanReportLine._gov_attach_evidence): Odoo's check then reads it with
    the line's record rules and changes or deletes it only where the user may
    write the line, i.e. in their unit's draft or returned reports (and
    leadership's rule on lines allows no other state either). What Odoo's
    check leaves open is where a file goes: an evidence file must stay with
    its line, and a file may go onto a line only for someone who may write
    that line."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        super(IrAttachment, self).check(mode, values=values)
        self._gov_check_pending_evidence()
        if (
            mode in ("write", "create")
            and values
            and set(values) & set(LINK_FIELDS)
            and self.env.uid != SUPERUSER_ID
        ):
            self._gov_check_evidence_link(values)

    def _gov_check_pending_evidence(self):
        """An evidence file uploaded but not yet saved on its line
        (res_id 0: the widget uploads before the report is saved) is its
        uploader's alone; Odoo lets every employee read, replace and delete
        files attached to no record."""
        if self.env.uid == SUPERUSER_ID or not self.ids:
            return
        # Raw SQL: the rows as stored, whatever the user may read.
        self.env.cr.execute(
            "SELECT id FROM ir_attachment WHERE id IN %s AND res_model = %s "
            "AND COALESCE(res_id, 0) = 0 AND create_uid != %s",
            (tuple(self.ids), EVIDENCE_MODEL, self.env.uid),
        )
        if self.env.cr.fetchall():
            raise AccessError(
                _(
                    "This evidence file is not yet saved on its report line: only "
                    "the person who uploaded it may use it."
                )
            )

    def _gov_check_evidence_link(self, values):
        """Refuse moving an evidence file to another record, and putting a
        file on a line the user may not write: Odoo asks for write access on
        the new record only when res_model and res_id are both written, and
        not at all when that record does not exist (yet)."""
        current = [
            _link(att.res_model, att.res_id, att.res_field) for att in self.sudo()
        ] or [
            _link(False, 0, False)
        ]  # create: no file yet
        for old in current:
            new = _link(
                *(values.get(name, old[i]) for i, name in enumerate(LINK_FIELDS))
            )
            if new == old:
                continue
            if old[0] == EVIDENCE_MODEL and old[1]:
                raise AccessError(
                    _(
                        "An evidence file stays on the report line it was "
                        "attached to: to use it elsewhere, upload it again there."
                    )
                )
            if new[0] == EVIDENCE_MODEL and new[1]:
                line = self.env[EVIDENCE_MODEL].browse(new[1])
                if not line.exists():
                    raise AccessError(
                        _("A file can only be attached to an existing report line.")
                    )
                line.check_access_rights("write")
                line.check_access_rule("write")

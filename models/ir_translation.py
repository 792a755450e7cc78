import logging
import re

from odoo import api, models
from odoo.modules.module import get_module_resource
from odoo.tools.translate import PoFile

_logger = logging.getLogger(__name__)

# Odoo 11's Vietnamese translation of the subject of mail's notification
# template drops the "%s" of "'Re: %s' % object.record_name": rendering it
# fails ("not all arguments converted during string formatting"), so no
# notification e-mail reaches a user who works in Vietnamese (reminders
# included). The term is corrected each time translations are loaded.
_BROKEN_RE = re.compile(r"'(Trả lời|Re): ' %")


class IrTranslation(models.Model):
    _inherit = "ir.translation"

    @api.model_cr_context
    def load_module_terms(self, modules, langs):
        res = super().load_module_terms(modules, langs)
        self._gov_fix_platform_terms()
        self._gov_fix_field_labels()
        return res

    @api.model
    def _gov_fix_field_labels(self):
        """Translate the labels that Odoo 11 cannot match with vi.po.

        Odoo 11 names a field's XML id field_<model>_<field>: gov.plan's
        agency_id meets the id field of gov.plan.agency (and two more such
        pairs), so Odoo appends the field's database id, which differs from one
        database to the next, and the vi.po entry for that label is dropped.
        Those labels are taken from vi.po by their English text instead.
        """
        if not self.env["res.lang"].sudo().search([("code", "=", "vi_VN")]):
            return 0
        path = get_module_resource("gov_plan", "i18n", "vi.po")
        with open(path, "rb") as handle:
            labels = {
                src: value
                for kind, name, ref, src, value, _comments in PoFile(handle)
                if name == "ir.model.fields,field_description"
                and re.search(r"_\d+$", ref or "")
                and value
            }
        fields = (
            self.env["ir.model.fields"]
            .sudo()
            .search(
                [("model", "=like", "gov.%"), ("field_description", "in", list(labels))]
            )
        )
        name = "ir.model.fields,field_description"
        existing = self.sudo().search(
            [("name", "=", name), ("lang", "=", "vi_VN"), ("res_id", "in", fields.ids)]
        )
        translated = {t.res_id: t for t in existing}
        done = 0
        for field in fields:
            value = labels[field.field_description]
            term = translated.get(field.id)
            if term and term.value == value:
                continue
            if term:
                term.write({"value": value, "state": "translated"})
            else:
                self.sudo().create(
                    {
                        "name": name,
                        "type": "model",
                        "lang": "vi_VN",
                        "res_id": field.id,
                        "src": field.field_description,
                        "value": value,
                        "module": "gov_plan",
                        "state": "translated",
                    }
                )
            done += 1
        return done

    @api.model
    def _gov_fix_platform_terms(self):
        broken = self.sudo().search(
            [
                ("lang", "=", "vi_VN"),
                ("name", "=", "mail.template,subject"),
                ("value", "like", "' %"),
            ]
        )
        for term in broken.filtered(lambda t: _BROKEN_RE.search(t.value or "")):
            term.value = _BROKEN_RE.sub(
                lambda m: "'%s: %%s' %%" % m.group(1), term.value
            )
            _logger.info(
                "gov_plan: corrected the Vietnamese term %s #%s", term.name, term.id
            )
        return len(broken)

import logging
import re

from odoo import api, models

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
        return res

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

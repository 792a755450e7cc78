import logging

from odoo.addons.gov_plan.upgrade import v11_0_1_1_0

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    plans, bases = v11_0_1_1_0.post_migrate(cr)
    _logger.info("gov_plan 11.0.1.1.0: %s plan bodies and %s bases moved", plans, bases)

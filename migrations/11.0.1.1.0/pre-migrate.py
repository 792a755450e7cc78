from odoo.addons.gov_plan.upgrade import v11_0_1_1_0


def migrate(cr, version):
    if version:
        v11_0_1_1_0.pre_migrate(cr)

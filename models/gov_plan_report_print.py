"""What the unit and consolidated reports print: plain values for QWeb."""

import datetime

from odoo import _, models

from ..lib import print_rules, vn_rules, workflow
from .gov_plan_print import _date, _lower_first, _signature, _title_lines


class GovPlanReportPrint(models.Model):
    _inherit = "gov.plan.report"

    def _print_is_draft(self):
        return self.state != "approved"

    def _print_header(self):
        self.ensure_one()
        agency = self.plan_id.agency_id
        if self.report_type == "consolidated":
            supervising = agency.parent_id._gov_supervising_header_text()
            issuing, code = agency._gov_header_text(), agency.code
        else:
            supervising = agency._gov_supervising_header_text()
            issuing = self.unit_id.name
            code = self.unit_id.gov_code or agency.code
        date = _date(self.date_approved)
        place = agency.place
        return {
            "supervising": vn_rules.split_heading((supervising or "").upper()),
            "agency": vn_rules.split_heading((issuing or "").upper(), bold=True),
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

    def _print_title_lines(self):
        """The title, wrapping by itself, never inside a word."""
        self.ensure_one()
        return _title_lines(self._print_title())

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
                    # the lead as the plan names it: an outside agency a
                    # unit follows up is printed as the lead
                    "unit": line.duty_id._print_lead_label(),
                    "result": line.result or "",
                    "progress": line.progress,
                    "bucket": bucket,
                    "status": labels[bucket],
                }
            )
        return rows

    def _print_grid(self):
        """The table of results, in pieces that fit on a page (see
        ``print_rules.grid``), with what must start on the page of its
        first row: the heading and the header."""
        rows = []
        for row in self._print_lines():
            result = row["result"]
            if row["progress"] and row["bucket"] in ("in_progress", "overdue"):
                result = ("%s (%s%%)" % (result, row["progress"])).strip()
            rows.append(
                [str(row["index"]), row["content"], row["unit"], result, row["status"]]
            )
        return print_rules.grid(
            rows,
            REPORT_COLUMNS,
            header=[REPORT_HEADER],
            before=REPORT_SECTION_HEIGHT,
        )

    def _print_split_tail(self, markup):
        return print_rules.split_tail(markup)

    def _print_signature(self):
        self.ensure_one()
        # The plan's signer signs the consolidated report, the unit's head the
        # unit report. Names and titles are printed whoever prints; job
        # positions are not readable by plain employees, hence sudo().
        if self.report_type == "consolidated":
            plan = self.plan_id.sudo()
            return {
                "lines": plan._print_signature_lines(),
                "name": plan.signer_id.name or "",
            }
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
        # filed at the office (VT) and the unit that drafts, by its abbreviation
        return vn_rules.recipient_lines(
            names, vn_rules.default_archive(self.unit_id.gov_code)
        )


# The table of results: columns (percent of the page's width), header labels,
# and the height of the section heading above it (px, margins included).
REPORT_COLUMNS = (7, 29, 18, 28, 18)
REPORT_HEADER = (
    "STT",
    "Nội dung nhiệm vụ",
    "Đơn vị chủ trì",
    "Kết quả thực hiện",
    "Tình trạng",
)
REPORT_SECTION_HEIGHT = 60

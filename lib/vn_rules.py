"""Rules of Decree 30/2020/NĐ-CP and Decree 09/2019/NĐ-CP that need no database.

Plain functions on ``datetime.date`` and plain values, so that they can be
tested in milliseconds and moved unchanged to another Odoo version.
"""

import datetime
import unicodedata

from . import print_rules, signature_rules

PERIOD_TYPES = ("monthly", "quarterly", "half_yearly", "yearly")
CUTOFF_DAY = 15  # Decree 09: a period runs from the 15th to the 14th.


def vn_date(day, place=None):
    """Date as Decree 30 writes it: "ngày 05 tháng 02 năm 2024".

    Days below 10 and the months 1 and 2 take a leading zero; other months
    do not ("ngày 18 tháng 9 năm 2023"). With ``place``, the place leads:
    "Quảng Trị, ngày 05 tháng 02 năm 2024".
    """
    month = "%02d" % day.month if day.month < 3 else "%d" % day.month
    text = "ngày %02d tháng %s năm %d" % (day.day, month, day.year)
    return "%s, %s" % (place, text) if place else text


def vn_date_blank(month=None, year=None, place=None):
    """The date line of a draft: day (and month) left blank for the signer."""
    text = "ngày     tháng %s năm %s" % (
        ("%02d" % month if month < 3 else "%d" % month) if month else "    ",
        year or "    ",
    )
    return "%s, %s" % (place, text) if place else text


def format_number(number):
    """Document number: below 10 with a leading zero (Decree 30)."""
    if not isinstance(number, int) or number < 1:
        raise ValueError("a document number is a positive integer: %r" % (number,))
    return "%02d" % number


def document_symbol(type_code, agency_code):
    """Symbol: type abbreviation + issuing agency abbreviation: "KH-SKHCN"."""
    return "%s-%s" % (type_code or "", agency_code or "")


def number_and_symbol(number, type_code, agency_code):
    """ "05/KH-SKHCN" once issued; "…/KH-SKHCN" while the number is not given."""
    symbol = document_symbol(type_code, agency_code)
    if not number:
        return "\u2026/%s" % symbol
    return "%s/%s" % (format_number(number), symbol)


def _shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def period_bounds(period_type, year, index=1):
    """Data cut-off of a periodic report (Decree 09, art. 12).

    ``index`` is the month (1-12), the quarter (1-4) or the half (1-2); it is
    ignored for yearly reports. Returns ``(first_day, last_day)``: from the
    15th of the month before the period to the 14th of its last month.
    """
    if period_type == "monthly":
        if not 1 <= index <= 12:
            raise ValueError("month must be 1-12: %r" % (index,))
        last_month = index
        months = 1
    elif period_type == "quarterly":
        if not 1 <= index <= 4:
            raise ValueError("quarter must be 1-4: %r" % (index,))
        last_month = index * 3
        months = 3
    elif period_type == "half_yearly":
        if index not in (1, 2):
            raise ValueError("half must be 1 or 2: %r" % (index,))
        last_month = index * 6
        months = 6
    elif period_type == "yearly":
        last_month = 12
        months = 12
    else:
        raise ValueError("unknown period type: %r" % (period_type,))
    start_year, start_month = _shift_month(year, last_month, -months)
    return (
        datetime.date(start_year, start_month, CUTOFF_DAY),
        datetime.date(year, last_month, CUTOFF_DAY - 1),
    )


def period_of(period_type, day):
    """The period whose cut-off contains ``day``: ``(year, index)``.

    From the 15th on, a day belongs to the next month's report: 20/12/2024 is
    in the monthly report of January 2025 and in the yearly report of 2025.
    """
    year, month = day.year, day.month
    if day.day >= CUTOFF_DAY:
        year, month = _shift_month(year, month, 1)
    if period_type == "monthly":
        return year, month
    if period_type == "quarterly":
        return year, (month - 1) // 3 + 1
    if period_type == "half_yearly":
        return year, 1 if month <= 6 else 2
    if period_type == "yearly":
        return year, 1
    raise ValueError("unknown period type: %r" % (period_type,))


def period_label(period_type, year, index=1):
    """Vietnamese name of a period: "Tháng 3/2024", "Quý I/2024" ..."""
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    if period_type == "monthly":
        return "Tháng %d/%d" % (index, year)
    if period_type == "quarterly":
        return "Quý %s/%d" % (roman[index], year)
    if period_type == "half_yearly":
        return "%s tháng %s năm %d" % (6, "đầu" if index == 1 else "cuối", year)
    if period_type == "yearly":
        return "Năm %d" % year
    raise ValueError("unknown period type: %r" % (period_type,))


def _fold(text):
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.replace("đ", "d").replace("Đ", "D").strip().lower()


def is_deputy_title(title):
    """A deputy's title starts with "Phó" (Phó Giám đốc, Phó Chánh Văn phòng)."""
    return signature_rules.is_deputy_title(title)


def is_archive_line(text):
    """The last recipient line of Decree 30: "Lưu: VT" (and the drafting unit)."""
    return _fold(text).replace(" ", "").lstrip("-").startswith("luu:")


def issue_problems(doc):
    """Everything that stops a document from being issued, as a list of codes.

    ``doc`` is a mapping with: ``title``, ``duty_count``, ``recipient_count``,
    ``date`` (the document's date, a date or None), ``issue_date`` (the day
    it is issued: its number is taken from the register of that year),
    ``basis`` (a list of ``(label, date or None)``), ``basis_keys`` (a list
    of ``(label, identity of the cited document)``), ``duties`` (a list of
    ``(name, deadline or None)``), and the signature's values of
    ``signature_rules.signature_problems`` (``signer``, ``authority``,
    ``signer_title`` ...). Returns pairs ``(code, detail)``; the caller
    turns them into one translated message.
    """
    problems = []
    if not (doc.get("title") or "").strip():
        problems.append(("title", None))
    if not doc.get("signer"):
        problems.append(("signer", None))
    problems += signature_rules.signature_problems(doc)
    if not doc.get("duty_count"):
        problems.append(("duty", None))
    if not doc.get("recipient_count"):
        problems.append(("recipient", None))
    if not doc.get("date"):
        problems.append(("date", None))
    else:
        issued = doc.get("issue_date")
        if issued and issued.year != doc["date"].year:
            problems.append(
                ("year", {"year": doc["date"].year, "register": issued.year})
            )
        for label, basis_date in doc.get("basis") or ():
            if basis_date and basis_date > doc["date"]:
                problems.append(("basis_date", (label, basis_date)))
        for name, deadline in doc.get("duties") or ():
            if deadline and deadline < doc["date"]:
                problems.append(
                    (
                        "duty_date",
                        {"duty": name, "deadline": deadline, "date": doc["date"]},
                    )
                )
    problems += repeated_basis(doc.get("basis_keys") or ())
    return problems


def repeated_basis(keyed):
    """The documents cited more than once, in the order of their first
    citation: ``("basis_twice", {"basis": label, "count": n})``."""
    counts, labels = {}, {}
    for label, key in keyed:
        counts[key] = counts.get(key, 0) + 1
        labels.setdefault(key, label)
    return [
        ("basis_twice", {"basis": labels[key], "count": count})
        for key, count in counts.items()
        if count > 1
    ]


def recipient_lines(names, archive):
    """The "Nơi nhận" list of Decree 30: one "- name;" a line, then "- Lưu: VT."."""
    lines = [
        "- %s;" % name.strip().rstrip(";.") for name in names if name and name.strip()
    ]
    lines.append("- Lưu: %s." % ((archive or "VT").strip().rstrip(".")))
    return lines


def default_archive(unit_code):
    """What a new plan files at: the office (VT) and the drafting unit, by its
    abbreviation: "VT, VP" (Decree 30, Annex I: "Lưu: VT, <unit>, <copies>")."""
    code = (unit_code or "").strip()
    return "VT, %s" % code if code else "VT"


def is_default_archive(note, unit_codes):
    """Whether ``note`` is what a plan files at by default (for one of the
    units ``unit_codes``): a drafter's own text is never replaced."""
    note = " ".join((note or "").replace(",", ", ").split()).rstrip(".")
    return note in {"", "VT"} | {default_archive(c) for c in unit_codes if c}


def archive_text(note, copies=0):
    """The text after "Lưu:": as the drafter wrote it, then the number of
    copies filed, if given: "VT, VP, 02b"."""
    text = (note or "VT").strip().rstrip(".").strip() or "VT"
    if copies:
        text += ", %02db" % copies
    return text


def archive_of_line(line):
    """The text after "Lưu:" of a printed "- Lưu: VT, VP." line."""
    text = (line or "").strip().lstrip("-").strip()
    if is_archive_line(text):
        text = text.split(":", 1)[1]
    return text.strip().rstrip(".").strip()


def register_title(type_name, title):
    """Column 3 of the outgoing register (Decree 30, Annex IV): the type and
    the title as the drafter wrote it, on one line: "Kế hoạch Tổ chức thực
    hiện ...". Nothing is lower-cased ("THỰC HIỆN ..." stays as typed); a
    title that starts with its type is not given it twice."""
    title = " ".join((title or "").split())
    type_name = " ".join((type_name or "").split())
    if not type_name or _fold(title).startswith(_fold(type_name) + " "):
        return title
    return ("%s %s" % (type_name, title)).strip()


def roman(number):
    """Section numbers of Decree 30: I, II, III ..."""
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    result = ""
    for value, letters in values:
        while number >= value:
            result += letters
            number -= value
    return result


def split_heading(text, bold=False):
    """Agency names in the header, in lines as agencies write them:
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ" -> ["SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"]; lines typed
    in ``text`` are kept. The rules are in ``print_rules.split_heading``."""
    return print_rules.split_heading(text, bold=bold)


def end_sentence(text, last=False):
    """A paragraph of the plan ends with "." and the last one with "./."."""
    text = (text or "").strip()
    while text.endswith(("./.", ".", ";")):
        text = text[:-3] if text.endswith("./.") else text[:-1]
        text = text.rstrip()
    return text + ("./." if last else ".")


def add_working_days(day, count, holidays=()):
    """The day ``count`` working days after ``day`` (Monday to Friday, public
    holidays excluded). Decree 09: a report is due at least one working day
    after its data cut-off."""
    holidays = set(holidays)
    if count < 0:
        raise ValueError("a number of working days is not negative: %r" % (count,))
    current = day
    while count:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            count -= 1
    return current


AGE_BANDS = (30, 60, 120)


def overdue_band(days_late, bands=AGE_BANDS):
    """The escalation band of an overdue item: the largest band reached, or 0."""
    reached = [band for band in sorted(bands) if days_late >= band]
    return reached[-1] if reached else 0


def reminder_kind(deadline, today, days_before):
    """Which reminder a deadline calls for today, or None.

    "before": ``days_before`` days ahead (or less, if the job did not run on
    that day); "due": on the day; "overdue": once past.
    """
    if deadline is None:
        return None
    delta = (deadline - today).days
    if delta < 0:
        return "overdue"
    if delta == 0:
        return "due"
    if delta <= days_before:
        return "before"
    return None

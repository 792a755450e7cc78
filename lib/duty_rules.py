"""How a plan prints its duties in "Tổ chức thực hiện": plain functions.

A duty prints as one paragraph: its text as the drafter wrote it, then, when
the drafter lets them print, who coordinates, the expected product and the
time, each as a sentence of its own, in the order of the duty tables of real
plans (lead, coordination, product, time):

    Tuyên truyền, phổ biến … đại chúng. Đơn vị phối hợp: Văn phòng Sở.
    Sản phẩm: tin, bài tuyên truyền. Thời hạn: trước ngày 30/6/2024.

A duty with no time ("none") says nothing about time, so a plan that writes
everything in the duty's own text (the seed) prints as written. Every
paragraph ends with "."; the caller turns the plan's last one into "./.".
"""

from . import workflow

# The label of the lead "all units of the agency" when the agency sets none.
ALL_UNITS_LABEL = "Các phòng, đơn vị thuộc Sở"

# How a plan names each reporting period after "báo cáo định kỳ".
PERIOD_PHRASES = {
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half_yearly": "6 tháng",
    "yearly": "hằng năm",
}
PERIOD_ORDER = ("monthly", "quarterly", "half_yearly", "yearly")


def short_date(day):
    """A date in running text: "30/6/2024", "05/02/2024". As in the date
    line of Decree 30, days below 10 and the months 1 and 2 take a zero."""
    month = "%02d" % day.month if day.month < 3 else "%d" % day.month
    return "%02d/%s/%d" % (day.day, month, day.year)


def _clause(text):
    """A text as the body of a sentence: spaces trimmed, no final "." or ";"
    (a "./." the drafter typed included)."""
    text = (text or "").strip()
    while text.endswith(("./.", ".", ";")):
        text = text[:-3] if text.endswith("./.") else text[:-1]
        text = text.rstrip()
    return text


def periods_phrase(periods):
    """ "báo cáo định kỳ 6 tháng, hằng năm": the periods from the shortest."""
    known = [p for p in PERIOD_ORDER if p in set(periods or ())]
    if not known:
        return ""
    return "báo cáo định kỳ %s" % ", ".join(PERIOD_PHRASES[p] for p in known)


def time_phrase(deadline_type, date=None, periods=()):
    """The sentence about time, without its final ".", or "" for none."""
    if deadline_type == workflow.DEADLINE_DATE and date:
        return "Thời hạn: trước ngày %s" % short_date(date)
    if deadline_type == workflow.DEADLINE_REGULAR:
        return "Thời gian thực hiện: thường xuyên"
    if deadline_type == workflow.DEADLINE_PERIOD:
        phrase = periods_phrase(periods)
        return phrase[:1].upper() + phrase[1:]
    return ""


def coordination_phrase(units=(), agencies=()):
    """ "Đơn vị phối hợp: …" (units of ours), "Cơ quan phối hợp: …" (outside
    agencies), "Cơ quan, đơn vị phối hợp: …" (both: the agencies first)."""
    units = [u.strip() for u in units if u and u.strip()]
    agencies = [a.strip() for a in agencies if a and a.strip()]
    if not units and not agencies:
        return ""
    if units and agencies:
        head = "Cơ quan, đơn vị phối hợp"
    elif agencies:
        head = "Cơ quan phối hợp"
    else:
        head = "Đơn vị phối hợp"
    return "%s: %s" % (head, ", ".join(agencies + units))


def product_phrase(product):
    """ "Sản phẩm: …"; the lines of a product typed on several lines are
    joined by "; "."""
    lines = [_clause(line) for line in (product or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""
    return "Sản phẩm: %s" % "; ".join(lines)


def duty_paragraph(
    text,
    details=True,
    coordinating_units=(),
    coordinating_agencies=(),
    product=None,
    deadline_type=workflow.DEADLINE_NONE,
    date=None,
    periods=(),
):
    """One duty as the plan prints it, ending with ".".

    ``text`` is the duty's text as written (its line breaks kept); with
    ``details`` false only the text prints, whatever else the duty says.
    """
    sentences = [_clause(text)]
    if details:
        sentences += [
            coordination_phrase(coordinating_units, coordinating_agencies),
            product_phrase(product),
            time_phrase(deadline_type, date, periods),
        ]
    return ". ".join(s for s in sentences if s) + "."


def group_duties(duties, key, label):
    """The leads in the order of their first duty, each with its duties.

    ``duties`` are in print order; ``key(duty)`` says which lead a duty
    belongs to and ``label(duty)`` how it is printed. Returns a list of
    ``(label, [duty, ...])``.
    """
    groups = []
    index = {}
    for duty in duties:
        k = key(duty)
        if k not in index:
            index[k] = len(groups)
            groups.append((label(duty), []))
        groups[index[k]][1].append(duty)
    return groups

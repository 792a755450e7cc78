"""How a Decree 30 document writes its legal basis and numbers its body.

Plain functions, no database: the models hand them plain values (dicts and
lists), the QWeb templates lay out what they return.

The body of a document is a tree (Decree 30, Annex I, part II.5.c): part
("Phần I" or "Phần thứ nhất"), section ("I."), clause ("1."), sub-clause
("1.1."), point ("a)"), then the bullets "-" and "+" the drafter chose, and
plain paragraphs with no label. A decision numbers its articles "Điều 1.".
Labels come from the position of a node among its siblings of the same level,
so they renumber when nodes move; a node may carry a label of its own (a
document entered as it was printed, even when irregular).
"""

import re

LEVELS = (
    "part",
    "section",
    "clause",
    "subclause",
    "point",
    "dash",
    "plus",
    "paragraph",
    "article",
)

# the level of the units printed under a node that holds the duties
CHILD_LEVEL = {
    "part": "section",
    "section": "clause",
    "clause": "point",
    "subclause": "point",
    "point": "dash",
    "dash": "plus",
    "plus": "plus",
    "paragraph": "clause",
    "article": "clause",
}

# Decree 30, Annex I: points are lettered in the Vietnamese alphabet
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
PART_ORDINALS = (
    "nhất",
    "hai",
    "ba",
    "tư",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
)

VERBS = {
    "can_cu": "Căn cứ",
    "thuc_hien": "Thực hiện",
    "theo_de_nghi": "Theo đề nghị",
    "xet_de_nghi": "Xét đề nghị",
    "theo": "Theo",
    "de": "Để",
}
# "Theo đề nghị của <issuer> tại <document>": the proposer comes first
PROPOSAL_VERBS = ("theo_de_nghi", "xet_de_nghi")

DATE_STYLES = ("decree30", "padded", "plain", "long")


def roman(number):
    values = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    result = ""
    for value, letters in values:
        while number >= value:
            result += letters
            number -= value
    return result


def point_letter(index):
    """a, b, c, d, đ, e, g ... (index from 1); past y: aa, bb ..."""
    count = len(POINT_LETTERS)
    letter = POINT_LETTERS[(index - 1) % count]
    return letter * ((index - 1) // count + 1)


def part_label(index, style="roman"):
    """ "Phần I" or "Phần thứ nhất" (the ordinal style stops at ten)."""
    if style == "ordinal" and index <= len(PART_ORDINALS):
        return "Phần thứ %s" % PART_ORDINALS[index - 1]
    return "Phần %s" % roman(index)


def _pad(value, below):
    """Decree 30, art. 8: a day below 10 and a month below 3 take a 0."""
    return "%02d" % value if value < below else "%d" % value


def cite_date(day, style="decree30"):
    """A cited document's date as documents write it.

    decree30: 14/5/2018, 08/02/2012 (the padding of Decree 30, art. 8);
    padded: 19/04/2019; plain: 7/8/2019; long: 24 tháng 01 năm 2018.
    The word "ngày" is the caller's.
    """
    if not day:
        return ""
    if style == "padded":
        return "%02d/%02d/%d" % (day.day, day.month, day.year)
    if style == "plain":
        return "%d/%d/%d" % (day.day, day.month, day.year)
    if style == "long":
        return "%s tháng %s năm %d" % (_pad(day.day, 10), _pad(day.month, 3), day.year)
    return "%s/%s/%d" % (_pad(day.day, 10), _pad(day.month, 3), day.year)


def _clean(text):
    """A typed piece of a citation, without the separator the print adds."""
    text = " ".join((text or "").split())
    while text and text[-1] in ";,":
        text = text[:-1].rstrip()
    if text.endswith(".") and not text.endswith("./."):
        text = text[:-1].rstrip()
    return text


def verb_text(basis):
    """The verb as printed: one of VERBS or the drafter's own words."""
    if basis.get("verb") == "other":
        return _clean(basis.get("verb_other"))
    return VERBS.get(basis.get("verb") or "can_cu", "")


def cite(basis):
    """One cited document, without its verb, as the drafter typed it.

    ``basis``: ``verb``, ``type_name`` (how the type is written in a citation,
    e.g. "Quyết định", "văn bản"), ``number`` (may be empty: a law cited by
    name), ``date`` (a date or None), ``date_style``, ``issuer`` and
    ``summary`` (both printed exactly as typed; either may be empty).
    """
    type_name = _clean(basis.get("type_name"))
    number = _clean(basis.get("number"))
    issuer = _clean(basis.get("issuer"))
    summary = _clean(basis.get("summary"))
    day = basis.get("date")
    date = "ngày %s" % cite_date(day, basis.get("date_style")) if day else ""
    if number:
        document = " ".join(p for p in (type_name, "số", number) if p)
    else:
        document = ""
    if basis.get("verb") in PROPOSAL_VERBS:
        # Theo đề nghị của Sở Y tế tại Tờ trình số 496/TTr-SYT ngày 01/02/2024
        parts = ["của %s" % issuer if issuer else ""]
        if document or date:
            parts.append(
                "tại " + " ".join(p for p in (document or type_name, date) if p)
            )
        parts.append(summary)
        return " ".join(p for p in parts if p)
    if not document:
        # cited by name: "Luật Dược ngày 06 tháng 4 năm 2016"
        document = summary or type_name
        summary = ""
    parts = [document, date, "của %s" % issuer if issuer else "", summary]
    return " ".join(p for p in parts if p)


def basis_paragraphs(bases, layout="lines", intro="", intro_inline=False, end="."):
    """The opening of a document: its legal basis, then the introduction.

    ``bases`` in order, each as for ``cite`` plus ``join``: "line" (a new
    paragraph), "semicolon" or "and" (continues the previous basis in the
    same paragraph; the verb is not repeated when it is the same).
    ``layout``: "lines" (Decree 30: each "Căn cứ …;" on its own line, in
    italics, ";" after each, ``end`` after the last) or "sentence" (one
    opening sentence, as the seed writes: "Thực hiện …, <intro>").
    ``intro_inline``: in "lines", the introduction continues the last
    paragraph after a comma (a plan whose "Xét đề nghị …" ends with the
    intro). Returns ``[(text, italic)]``.
    """
    intro = " ".join((intro or "").split())
    groups = []
    for basis in bases:
        join = basis.get("join") or "line"
        if layout == "sentence" and groups:
            join = "semicolon" if join == "line" else join
        if join == "line" or not groups:
            groups.append([basis])
        else:
            groups[-1].append(basis)
    paragraphs = []
    for group in groups:
        text, verb = "", None
        for basis in group:
            this_verb = verb_text(basis)
            piece = cite(basis)
            if this_verb and this_verb != verb:
                piece = "%s %s" % (this_verb, piece) if piece else this_verb
            verb = this_verb or verb
            if text:
                separator = " và " if basis.get("join") == "and" else "; "
                text += separator + piece
            else:
                text = piece
        paragraphs.append(text)
    italic = layout == "lines"
    if not paragraphs:
        return [(intro, False)] if intro else []
    inline = layout == "sentence" or intro_inline
    result = [(p + ";", italic) for p in paragraphs[:-1]]
    last = paragraphs[-1]
    if intro and inline:
        result.append(("%s, %s" % (last, intro), False))
        return result
    if intro:
        result.append((last + ";", italic))
        result.append((intro, False))
        return result
    result.append((last + end, italic))
    return result


# a number and symbol (1400/QĐ-TTg), a date (19/6/2015) or a range
# (2018-2025): a person never breaks them at the end of a line
UNBREAKABLE = re.compile(r"\S*\w[-/–]\w\S*")


def keep_together(text):
    """``text`` cut into ``[(piece, unbreakable)]`` for the print: document
    numbers, dates and ranges are kept on one line (wkhtmltopdf would break
    "695/QĐ-" / "TTg" after the hyphen)."""
    pieces, position = [], 0
    for match in UNBREAKABLE.finditer(text or ""):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    if position < len(text or ""):
        pieces.append((text[position:], False))
    return pieces


def node_labels(nodes, part_style="roman"):
    """Labels of a body tree. ``nodes``: dicts with ``id``, ``level``,
    ``label`` (the drafter's own, or empty) and ``children`` (same dicts), in
    order. Returns ``{id: label}``.

    Each level is counted among the siblings of that level under the same
    parent; sub-clauses take their parent clause's number ("1.1."); articles
    are counted through the whole document (a decision's "Điều 1" to
    "Điều n" run across its chapters).
    """
    labels = {}
    articles = [0]

    def walk(children, parent_number):
        counters = {}
        for node in children:
            level = node.get("level") or "paragraph"
            counters[level] = counters.get(level, 0) + 1
            index = counters[level]
            number = None
            if level == "part":
                label = part_label(index, part_style)
            elif level == "section":
                label = "%s." % roman(index)
            elif level == "clause":
                label = "%d." % index
                number = str(index)
            elif level == "subclause":
                number = (
                    "%s.%d" % (parent_number, index) if parent_number else str(index)
                )
                label = number + "."
            elif level == "point":
                label = "%s)" % point_letter(index)
            elif level == "dash":
                label = "-"
            elif level == "plus":
                label = "+"
            elif level == "article":
                articles[0] += 1
                label = "Điều %d." % articles[0]
            else:
                label = ""
            own = " ".join((node.get("label") or "").split())
            labels[node["id"]] = own or label
            walk(node.get("children") or (), number or parent_number)

    walk(nodes, None)
    return labels


def _paragraphs(text):
    return [
        " ".join(line.split()) for line in (text or "").splitlines() if line.strip()
    ]


def _heading_join(heading, text):
    return heading + (" " if heading.endswith((":", ".")) else ": ") + text


def body_blocks(nodes, part_style="roman"):
    """The printed paragraphs of a body tree, in order.

    Each paragraph is a dict: ``cls`` (part, section, clause, point, text,
    article: the layout class), ``runs``: ``[(text, style)]`` with style ""
    (plain), "b" (bold) or "i" (italic). A heading is bold (italic for a
    point or a bullet); a node's text keeps its line breaks (one paragraph a
    line); nothing is added that the drafter did not choose, but the label.
    The last paragraph of the body ends with "./." (Decree 30).
    """
    labels = node_labels(nodes, part_style)
    blocks = []

    def add(cls, runs):
        runs = [(text, style) for text, style in runs if text]
        if runs:
            blocks.append({"cls": cls, "runs": runs})

    def walk(children):
        for node in children:
            level = node.get("level") or "paragraph"
            label = labels[node["id"]]
            heading = " ".join((node.get("heading") or "").split())
            paragraphs = _paragraphs(node.get("text"))
            inline = bool(node.get("inline")) and heading and paragraphs
            heading_style = "i" if level in ("point", "dash", "plus") else "b"
            if level == "part":
                add("part", [(label, "b")])
                if heading:
                    add("part", [(heading, "b")])
                for para in paragraphs:
                    add("text", [(para, "")])
            elif level == "article":
                first = paragraphs[:1] if not heading else []
                runs = [(label, "b")]
                if heading:
                    runs.append((" " + heading, "b"))
                if first:
                    runs.append((" " + first[0], ""))
                add("article", runs)
                for para in paragraphs[len(first) :]:
                    add("text", [(para, "")])
            else:
                cls = level if level in ("section", "clause", "subclause") else "text"
                prefix = label + " " if label else ""
                if heading and inline:
                    joined = _heading_join(heading, "")
                    add(cls, [(prefix + joined, heading_style), (paragraphs[0], "")])
                    rest = paragraphs[1:]
                elif heading:
                    add(cls, [(prefix + heading, heading_style)])
                    rest = paragraphs
                elif paragraphs:
                    add("text", [(prefix + paragraphs[0], "")])
                    rest = paragraphs[1:]
                else:
                    rest = []
                for para in rest:
                    add("text", [(para, "")])
            walk(node.get("children") or ())

    walk(nodes)
    if blocks:
        last = blocks[-1]["runs"]
        text, style = last[-1]
        if not text.rstrip().endswith(":"):
            last[-1] = (end_document(text), style)
    return blocks


def end_document(text):
    """ "./." after the last paragraph of a document."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    while text.endswith((".", ";", ",")):
        text = text[:-1].rstrip()
    return text + "./."


def document_problems(doc):
    """What the body, the basis and the issuing decision lack to be issued,
    as ``(code, detail)``. ``doc``: ``issue_form``, ``decision_title``,
    ``decision_authority``, ``article_count``, ``node_count`` and
    ``bases``: ``[(label, number, type_name)]``."""
    problems = []
    if not doc.get("node_count"):
        problems.append(("body_empty", None))
    for label, number, type_name in doc.get("bases") or ():
        if (number or "").strip() and not (type_name or "").strip():
            problems.append(("basis_type", {"basis": label}))
    if doc.get("issue_form") == "decision":
        if not (doc.get("decision_title") or "").strip():
            problems.append(("decision_title", None))
        if not (doc.get("decision_authority") or "").strip():
            problems.append(("decision_authority", None))
        if not doc.get("article_count"):
            problems.append(("decision_articles", None))
    return problems

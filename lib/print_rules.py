"""How the Decree 30 documents lay out text: plain functions, no database.

wkhtmltopdf (QtWebKit) breaks lines at any space and pages anywhere it can;
Vietnamese words are made of syllables separated by spaces, so it breaks
"địa / bàn", leaves "và" or "của" at the end of a line and splits a table row
across pages, where it then prints the repeated table header over the rest
of the row. What is decided here, in Python, so that it can be tested:

- the width of a text in the document's font (Liberation Serif, metrically
  Times New Roman), to know how many lines a text takes;
- the spaces a line must not break at (inside a word, after a function word,
  before a number), made non-breaking (``bind``);
- agency names in the header, broken as a person breaks them
  (``split_heading``);
- table rows cut into pieces that each fit on a page (``split_row``), so that
  no row is split by the browser;
- the end of a document body that stays with the signature (``split_tail``).
"""

import html
import math
import unicodedata

NBSP = "\u00a0"

# Advance widths (1/1000 em) of Liberation Serif, characters 32 to 126; read
# from LiberationSerif-Regular.ttf and -Bold.ttf (the metrics of Times New
# Roman). A Vietnamese letter is as wide as its letter without tone marks.
_REGULAR = (
    (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278)
    + (500,) * 10
    + (278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722)
    + (333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944)
    + (722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333)
    + (500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500)
    + (500, 722, 500, 500, 444, 480, 200, 480, 541)
)
_BOLD = (
    (250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278)
    + (500,) * 10
    + (333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778)
    + (389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000)
    + (722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333)
    + (500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556)
    + (500, 722, 500, 500, 444, 394, 220, 394, 520)
)
_EXTRA = {
    # character: (regular, bold)
    "ơ": (529, 554),
    "ư": (542, 600),
    "Ơ": (722, 778),
    "Ư": (776, 796),
    "đ": (500, 556),
    "Đ": (722, 722),
    "–": (500, 500),
    "—": (1000, 1000),
    "“": (444, 500),
    "”": (444, 500),
    "‘": (333, 333),
    "’": (333, 333),
    "…": (1000, 1000),
    NBSP: (250, 250),
}
_HORN = "\u031b"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _glyph(char, bold):
    extra = _EXTRA.get(char)
    if extra:
        return extra[bold]
    code = ord(char)
    if 32 <= code < 127:
        return (_BOLD if bold else _REGULAR)[code - 32]
    base = unicodedata.normalize(
        "NFC",
        "".join(
            c
            for c in unicodedata.normalize("NFD", char)
            if not unicodedata.combining(c) or c == _HORN
        ),
    )
    if base and base != char:
        return _glyph(base[0], bold)
    return 500


def text_width(text, size, bold=False):
    """Width in px of ``text`` on one line, at ``size`` px."""
    return sum(_glyph(c, bool(bold)) for c in text or "") * size / 1000.0


# ------------------------------------------------------------------ words
def _key(word):
    """A syllable as the rules compare it: lower case, without the tone marks
    (so that "hóa" and "hoá", "ủy" and "uỷ" are the same) and without the
    punctuation around it."""
    word = unicodedata.normalize("NFD", (word or "").lower())
    word = "".join(c for c in word if c not in _TONES)
    return unicodedata.normalize("NFC", word).strip(",;:.!?()[]\"'“”‘’")


def _low(word):
    """A word in lower case, without the punctuation around it."""
    return unicodedata.normalize("NFC", (word or "").lower()).strip(",;:.!?()[]\"'“”‘’")


# Words of more than one syllable that names and titles of administrative
# documents use most; a line never breaks inside them.
PHRASES = """
ủy ban; nhân dân; hội đồng; mặt trận; tổ quốc; việt nam; chính phủ; thủ tướng;
bộ trưởng; chủ tịch; giám đốc; phó giám đốc; trưởng phòng; chánh văn phòng;
văn phòng; thanh tra; thường trực; ban chỉ đạo; chỉ đạo; thành phố; thị xã;
thị trấn; tỉnh ủy; thành ủy; huyện ủy; đảng ủy; trung ương; địa phương; địa bàn;
khoa học; công nghệ; quản lý; kế hoạch; tài chính; đầu tư; văn hóa; thể thao;
du lịch; giáo dục; đào tạo; y tế; nông nghiệp; phát triển; nông thôn;
tài nguyên; môi trường; xây dựng; giao thông; vận tải; công thương; nội vụ;
tư pháp; lao động; thương binh; xã hội; thông tin; truyền thông; ngoại vụ;
dân tộc; tôn giáo; nghiên cứu; chuyển giao; đổi mới; sáng tạo; trung tâm;
tiêu chuẩn; đo lường; chất lượng; sở hữu; trí tuệ; ứng dụng; tiến bộ;
kỹ thuật; kĩ thuật; hành chính; tổng hợp; tổ chức; cán bộ; công chức;
viên chức; kinh tế; hạ tầng; đô thị; dự án; chi cục; khu công nghiệp;
khu kinh tế; ban quản lý; cơ quan; đơn vị;
doanh nghiệp; công tác; nhiệm vụ; chương trình; đề án; quyết định; nghị định;
nghị quyết; chỉ thị; thông tư; thông báo; hướng dẫn; công văn; báo cáo;
tờ trình; kết luận; triển khai; thực hiện; tuyên truyền; phổ biến; phong trào;
toàn dân; đoàn kết; đời sống; gia đình; giai đoạn; chuyển đổi; chuyển đổi số;
kinh tế số; xã hội số; chính quyền số; chính quyền điện tử; chính phủ số;
phòng, chống; phòng chống; bảo vệ; an ninh; quốc phòng; trật tự; an toàn;
cải cách; hiện đại; hiện đại hóa; điện tử; dữ liệu; cơ sở; hệ thống;
nâng cao; hiệu quả; hiệu lực; năng lực; cạnh tranh; nguồn nhân lực;
nhân lực; thủ tục; dịch vụ; công cộng; sự nghiệp; ngân sách; nhà nước;
kinh phí; học sinh; sinh viên; phổ thông; ngoại ngữ; quốc dân; hướng nghiệp;
định hướng; phân luồng; bệnh truyền nhiễm; truyền nhiễm; dịch bệnh;
mục tiêu; quốc gia; giảm nghèo; bền vững; nông thôn mới; xuất khẩu;
thương mại; hội nhập; quốc tế; biến đổi; khí hậu; thiên tai; cứu nạn;
cứu hộ; tìm kiếm; phụ nữ; thanh niên; trẻ em; người cao tuổi; cựu chiến binh;
liên quan; phối hợp; chủ trì; lồng ghép; kết quả; tình hình; tiến độ;
tổng kết; đánh giá; giám sát; kiểm tra; khó khăn; vướng mắc; đề xuất; kiến nghị;
thường xuyên; hằng năm; hàng năm; định kỳ;
đột xuất; chuyên đề; trực thuộc; quảng trị; thừa thiên huế; hà nội;
hồ chí minh; quảng ninh; thái nguyên; hà tĩnh; vĩnh phúc; cao bằng;
nghệ an; cà mau; ninh bình; thanh hóa; đà nẵng; quảng bình; điện biên
"""
PHRASE_KEYS = frozenset(
    tuple(_key(w) for w in p.split()) for p in PHRASES.split(";") if p.strip()
)
_PHRASE_LENGTHS = sorted({len(p) for p in PHRASE_KEYS}, reverse=True)

# Words a line must not end with: they belong to what follows.
FUNCTION_WORDS = frozenset(
    _key(w)
    for w in (
        "và của về với cho tại các những trong theo để do từ đến trên dưới "
        "thuộc bằng mọi là"
    ).split()
)
# Words a heading line may start with: the level of a place, "và".
LEVEL_WORDS = (
    ("thành", "phố"),
    ("thị", "xã"),
    ("thị", "trấn"),
    ("tỉnh",),
    ("huyện",),
    ("quận",),
    ("xã",),
    ("phường",),
)
_LEVEL_KEYS = tuple(tuple(_low(w) for w in level) for level in LEVEL_WORDS)
# Words that name a body by what follows: "Sở / Khoa học" is not broken.
ORGANS = frozenset(_key(w) for w in "sở bộ cục phòng ban viện ubnd hđnd".split())
_DASHES = {"-", "–", "—", "/"}

BAD, WEAK, GOOD, PLAIN = "bad", "weak", "good", "plain"


def _level_at(lows, index):
    """The length of the place level word starting at ``index``, or 0."""
    for level in _LEVEL_KEYS:
        if tuple(lows[index : index + len(level)]) == level:
            return len(level)
    return 0


def breaks(words):
    """What each space between ``words`` is for a line break: ``BAD`` (inside
    a word, after a function word or a one-letter word, inside a place
    name, before a number ("số 75", "năm 2024", "2021 - 2025") or a dash,
    between "Sở", "Bộ", "Phòng" ... and the name that follows), ``WEAK``
    (between a place level and its name: "TỈNH / QUẢNG TRỊ"), ``GOOD``
    (after a comma, before "và" or a place level) or ``PLAIN``. Returns a
    list of ``len(words) - 1``: item ``i`` is the space before
    ``words[i + 1]``."""
    keys = [_key(w) for w in words]
    lows = [_low(w) for w in words]
    kinds = [PLAIN] * max(len(words) - 1, 0)
    for i in range(len(words) - 1):
        before, after = words[i], words[i + 1]
        if before.endswith((",", ";", ":")):
            kinds[i] = GOOD
        elif (
            keys[i] in FUNCTION_WORDS
            or len(keys[i]) == 1
            and keys[i].isalpha()
            or after in _DASHES
            or after[:1].isdigit()
        ):
            kinds[i] = BAD
        elif keys[i] in ORGANS and after[:1].isupper():
            kinds[i] = BAD
        elif lows[i + 1] == "và" or _level_at(lows, i + 1):
            kinds[i] = GOOD
    # inside a word of several syllables
    i = 0
    while i < len(words):
        for length in _PHRASE_LENGTHS:
            if i + length > len(words):
                continue
            if tuple(keys[i : i + length]) in PHRASE_KEYS and not any(
                words[j].endswith((",", ";", ":")) for j in range(i, i + length - 1)
            ):
                for j in range(i, i + length - 1):
                    kinds[j] = BAD
                break
        i += 1
    # a place name: the level word and up to four capitalised words after it
    for i in range(len(words)):
        level = _level_at(lows, i)
        if not level:
            continue
        end = i + level
        while (
            end < len(words)
            and end - i - level < 4
            and (words[end][:1].isupper() or words[end] in _DASHES)
            and not words[end - 1].endswith((",", ";", ":"))
        ):
            end += 1
        if end > i + level:
            for j in range(i, end - 1):
                kinds[j] = WEAK if j == i + level - 1 else BAD
    return kinds


def bind(text, width=None, size=24, bold=False):
    """``text`` with a non-breaking space wherever a line must not break, as
    long as the words bound together fit in ``width`` px (a table column);
    line breaks typed in the text are kept."""
    return "\n".join(
        " ".join(_groups(line, width, size, bold)) for line in (text or "").split("\n")
    )


def _groups(line, width=None, size=24, bold=False):
    """The unbreakable groups of one line of text (words joined by NBSP)."""
    words = line.split()
    if not words:
        return []
    kinds = breaks(words)
    groups = [words[0]]
    for word, kind in zip(words[1:], kinds):
        joined = groups[-1] + NBSP + word
        if kind in (BAD, WEAK) and (
            width is None or text_width(joined, size, bold) <= width
        ):
            groups[-1] = joined
        else:
            groups.append(word)
    return groups


def wrap(text, width, size=24, bold=False, indent=0):
    """The lines ``text`` takes in a box ``width`` px wide, as the browser
    fills them (greedily, at the spaces ``bind`` leaves breakable). Returns
    ``(line, ends_paragraph)`` pairs; ``indent`` is the first line's indent
    of each paragraph. A word wider than the box takes the lines it needs."""
    space = text_width(" ", size, bold)
    lines = []
    for paragraph in (text or "").split("\n"):
        current, used = [], indent
        for group in _groups(paragraph, width, size, bold):
            group_width = text_width(group, size, bold)
            if current and used + space + group_width > width:
                lines.append((" ".join(current), False))
                current, used = [], 0
            if not current and group_width > width:
                extra = int(math.ceil(group_width / float(width))) - 1
                lines.extend([("", False)] * extra)
            used += (space if current else 0) + group_width
            current.append(group)
        lines.append((" ".join(current), True))
    return lines


# --------------------------------------------------------------- headings
HEADING_WIDTH = 373  # the left column of the header: 40 % of 933 px
HEADING_SIZE = 26  # 13 pt
# the browser's text is a little wider or narrower than the metrics say:
# a heading line is given this part of the column to be sure it fits
HEADING_SAFETY = 0.97
HEADING_MAX_WORDS = 16  # beyond, the lines are filled one after the other


def split_heading(text, width=HEADING_WIDTH, size=HEADING_SIZE, bold=False):
    """An agency's name in the header, in lines as a person breaks them.

    Lines typed in ``text`` are kept as they are. Otherwise a name that fits
    stays on one line; a longer one takes the fewest lines that fit, never
    breaking inside a word or a place name, nor after "VÀ", "CỦA" or a
    one-letter word, preferring to break before "VÀ", before the place
    ("ỦY BAN NHÂN DÂN / TỈNH THỪA THIÊN HUẾ") or after a comma, and then the
    most balanced lines ("SỞ KHOA HỌC / VÀ CÔNG NGHỆ").
    """
    typed = [" ".join(line.split()) for line in (text or "").splitlines()]
    typed = [line for line in typed if line]
    if len(typed) != 1:
        return typed
    words = typed[0].split()
    width *= HEADING_SAFETY
    if text_width(typed[0], size, bold) <= width or len(words) < 2:
        return typed
    if len(words) > HEADING_MAX_WORDS:  # no name is that long: fill the lines
        return [
            line.replace(NBSP, " ") for line, _end in wrap(typed[0], width, size, bold)
        ]
    kinds = breaks(words)
    best = None
    for count in range(2, min(len(words), 5) + 1):
        for cuts in _cut_sets(len(words), count):
            lines = [
                " ".join(words[a:b]) for a, b in zip((0,) + cuts, cuts + (len(words),))
            ]
            widths = [text_width(line, size, bold) for line in lines]
            score = (
                # first: every line fits, no bad break, then the fewest lines
                sum(max(0.0, w - width) for w in widths) > 0,
                sum(kinds[c - 1] == BAD for c in cuts),
                count,
                # then balance, good breaks and weak ones
                (max(widths) - min(widths)) / width
                + 0.3 * sum(kinds[c - 1] == WEAK for c in cuts)
                - 0.3 * sum(kinds[c - 1] == GOOD for c in cuts),
            )
            if best is None or score < best[0]:
                best = (score, lines)
        if best and not best[0][0] and not best[0][1]:
            break
    return best[1]


def _cut_sets(length, count):
    """All the ways to cut ``length`` words into ``count`` lines: the index
    of the first word of each line after the first."""

    def cuts(start, left):
        if left == 0:
            yield ()
            return
        for cut in range(start, length - left + 1):
            for rest in cuts(cut + 1, left - 1):
                yield (cut,) + rest

    return list(cuts(1, count - 1))


TITLE_WIDTH = 853  # px: the title is centred with 40 px on each side


def title_lines(title):
    """The lines of a title (trích yếu) as the drafter typed them: each line
    break typed is kept; spaces inside a line are normalised."""
    lines = [" ".join(line.split()) for line in (title or "").splitlines()]
    return [line for line in lines if line]


def one_line(text):
    """A text typed on several lines, on one line (a register's column, a
    name in a list)."""
    return " ".join((text or "").split())


# ------------------------------------------------------------------ tables
GRID_SIZE = 24  # px: 12 pt in the tables
GRID_LINE = 30  # px: line height in the tables
GRID_PADDING = 16  # px: left and right padding of a cell, with the border
GRID_ROW_EXTRA = 9  # px: top and bottom padding and the border of a row
ROW_MAX_LINES = 12  # a row up to this many lines is kept whole on a page
PIECE_LINES = 4  # a longer row is printed in pieces of this many lines


def column_widths(table_width, percents):
    """The widths of the text in each column of a table laid out with
    ``table-layout: fixed``: the column less its padding and border."""
    return [table_width * p / 100.0 - GRID_PADDING for p in percents]


def split_row(
    cells,
    widths,
    size=GRID_SIZE,
    bold=False,
    max_lines=ROW_MAX_LINES,
    piece_lines=PIECE_LINES,
):
    """One table row as the pieces it prints in.

    A row that takes up to ``max_lines`` lines is one piece, kept whole on a
    page. A longer one is cut into pieces of ``piece_lines`` lines (the last
    one may take a few more, never one or two lines alone), each printed as a
    table row of its own without the rule between them: the browser never
    has to split a row, and the header it repeats on the next page stands
    above the row's next piece instead of over its text.

    Returns a list of dicts: ``cells`` (the texts of the piece, spaces that
    must not break made non-breaking, typed line breaks kept), ``lines``
    (the lines it takes), ``first`` and ``last``.
    """
    wrapped = [
        wrap(str(cell) if cell is not None else "", width, size, bold)
        for cell, width in zip(cells, widths)
    ]
    total = max([len(lines) for lines in wrapped] or [1])
    if total <= max_lines:
        bounds = [(0, total)]
    else:
        starts = list(range(0, total, piece_lines))
        if total - starts[-1] < 3 and len(starts) > 1:
            starts.pop()
        bounds = list(zip(starts, starts[1:] + [total]))
    pieces = []
    for index, (start, end) in enumerate(bounds):
        texts = []
        for lines in wrapped:
            part = lines[start:end]
            text = ""
            for position, (line, ends) in enumerate(part):
                text += line
                if position < len(part) - 1:
                    text += "\n" if ends else " "
            texts.append(text.strip(" "))
        pieces.append(
            {
                "cells": texts,
                "lines": max(end - start, 1),
                "first": index == 0,
                "last": index == len(bounds) - 1,
            }
        )
    return pieces


def grid(rows, percents, table_width=None, header=(), before=None):
    """The rows of a table as they print: ``{"rows": [pieces of each row],
    "keep": px}``. Each piece (see ``split_row``) also has ``class``, the
    CSS classes that join the pieces of a row. With ``before`` (the height
    of the heading above the table) and ``header`` (the labels of each
    header row), ``keep`` is the height of what must start on one page
    (``keep_height``); otherwise 0."""
    widths = column_widths(table_width or BODY_WIDTH, percents)
    pieces = [split_row(cells, widths) for cells in rows]
    for row in pieces:
        for piece in row:
            piece["class"] = " ".join(
                name
                for name, on in (
                    ("gp-piece-cont", not piece["first"]),
                    ("gp-piece-more", not piece["last"]),
                )
                if on
            )
    keep = 0
    if pieces and before is not None:
        header_lines = [
            max(
                len(wrap(label, width, GRID_SIZE, bold=True))
                for label, width in zip(labels, widths)
            )
            for labels in header
        ]
        keep = keep_height(before, header_lines, pieces[0][0]["lines"])
    return {"rows": pieces, "keep": keep}


def row_height(lines):
    """Height in px of a table row of ``lines`` lines."""
    return lines * GRID_LINE + GRID_ROW_EXTRA


def keep_height(before, header_lines, first_lines):
    """Height in px of what must start on the same page as a table: the
    heading before it (``before`` px), its header rows (lines of each) and
    its first row (or first piece). A block as tall, printed just before the
    heading and unbreakable, carries them to the next page together when they
    do not fit: a page never ends with a heading or a table header alone."""
    return int(
        before
        + sum(row_height(lines) for lines in header_lines)
        + row_height(first_lines)
        + GRID_LINE
    )


# ---------------------------------------------------- the end of the text
BODY_WIDTH = 933  # px: the text width of the portrait page
BODY_SIZE = 28  # px: 14 pt
BODY_INDENT = 72  # px: first-line indent of a paragraph
TAIL_MIN_LINES = 3  # at least this much text stays with the signature
TAIL_MAX_LINES = 30  # never more than this (the page takes about 40)
HEADING_CLASSES = frozenset(
    ("gp-section", "gp-sub", "gp-heading", "gp-part", "gp-clause", "gp-subclause")
)


def _is_heading(element):
    classes = set((element.get("class") or "").split())
    return bool(classes & HEADING_CLASSES) or element.tag in (
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    )


def _lines_of(element):
    text = " ".join(element.text_content().split())
    return len(wrap(text, BODY_WIDTH, BODY_SIZE, indent=BODY_INDENT)) if text else 0


def _is_container(element):
    return (
        element.tag in ("div", "section")
        and not _is_heading(element)
        and len(element)
        and not (element.text or "").strip()
    )


def split_tail(markup):
    """Cut the markup of a document body into ``(head, tail)``: the tail is
    what is printed with the signature in one unbreakable block, so that the
    signature and "Nơi nhận" never stand alone on a page.

    The tail is the last paragraph, with the paragraphs before it until it
    makes ``TAIL_MIN_LINES`` lines, and the heading just above it, if any:
    a heading never ends a page either. A tail would make more than
    ``TAIL_MAX_LINES`` lines is given up (the block would not fit a page):
    the tail is then empty. Paragraphs nested in containers (a section of
    the body) keep their containers: the tail is wrapped in copies of them.
    Tables are never moved. Both parts are markup, escaped as the input was.
    """
    import lxml.html  # Odoo's dependency; imported here to keep lib light

    if not (markup or "").strip():
        return "", ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    # the containers that end the body, outermost first
    path = [root]
    while (
        len(path[-1])
        and _is_container(path[-1][-1])
        and not (path[-1][-1].tail or "").strip()
    ):
        path.append(path[-1][-1])
    depth, end, carry, lines = len(path) - 1, len(path[-1]) - 1, [], 0
    while True:
        taken, lines, how = _take(path[depth], end, lines)
        taken += carry
        if how != "exhausted" or depth == 0:
            break
        # the whole container is taken and the tail needs more: go up
        container = path[depth]
        depth -= 1
        carry, end = [container], path[depth].index(container) - 1
    # a container whose every child is taken goes whole
    while depth and len(taken) == len(path[depth]):
        taken, depth = [path[depth]], depth - 1
    if not taken or lines > TAIL_MAX_LINES:
        return markup, ""
    tail_root = holder = lxml.html.Element("div")
    for container in path[1 : depth + 1]:
        copy = lxml.html.Element(container.tag, dict(container.attrib))
        holder.append(copy)
        holder = copy
    for element in taken:
        element.getparent().remove(element)
        holder.append(element)
    return _inner(root), _inner(tail_root)


def _take(level, end, lines):
    """The elements of ``level`` up to index ``end`` that the tail takes,
    from the last: ``(elements, lines, how)``, ``how`` being "enough",
    "heading" (a heading was taken: it starts what the tail holds), "stop"
    (a table or loose text comes before) or "exhausted"."""
    taken = []
    index = end
    while index >= 0:
        child = level[index]
        if child.tag == "table" or (child.tail or "").strip():
            return taken, lines, "stop"
        taken.insert(0, child)
        lines += _lines_of(child)
        index -= 1
        if _is_heading(child):
            return taken, lines, "heading"
        if lines >= TAIL_MIN_LINES:
            previous = level[index] if index >= 0 else None
            if (
                previous is not None
                and _is_heading(previous)
                and not (previous.tail or "").strip()
            ):
                taken.insert(0, previous)
                lines += _lines_of(previous)
            return taken, lines, "enough"
    return taken, lines, "exhausted"


def _inner(element):
    import lxml.html

    return html.escape(element.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in element
    )

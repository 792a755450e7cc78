"""Who signs a document, and how its signature block reads (Decree 30, art. 13
and Annex I, II.8). Plain functions on plain values: no database.

A form (``authority`` of a plan) says who signs for whom:

- ``none``: the head of a head-run agency signs in their own name
  ("GIÁM ĐỐC");
- ``KT``: a deputy signs for the head ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC");
- ``Q``: the acting head signs ("Q. GIÁM ĐỐC");
- ``TM``: the head signs on behalf of a collective body
  ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH");
- ``TM_KT``: a deputy signs for the head, on behalf of the collective body
  ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH");
- ``TM_Q``: the acting head, on behalf of the collective body
  ("TM. ỦY BAN NHÂN DÂN" / "Q. CHỦ TỊCH");
- ``TL``: by order, a unit head signs ("TL. GIÁM ĐỐC" / "CHÁNH VĂN PHÒNG");
- ``TUQ``: by authorisation, a unit head signs
  ("TUQ. GIÁM ĐỐC" / "TRƯỞNG PHÒNG TỔ CHỨC").

The lines come from three texts of the document, which the drafter may
correct: the collective body's name (after TM.), the head's title (after
KT./Q./TL./TUQ.) and the signer's title.
"""

import unicodedata

FORMS = ("none", "KT", "Q", "TM", "TM_KT", "TM_Q", "TL", "TUQ")
REGIMES = ("head", "collective")

COLLECTIVE_FORMS = ("TM", "TM_KT", "TM_Q")  # a "TM." line first
DEPUTY_FORMS = ("KT", "TM_KT")  # "KT. <head>" over a deputy's title
ACTING_FORMS = ("Q", "TM_Q")  # "Q. <head>", no title under it
HEAD_FORMS = ("none", "TM")  # the head signs, with their own title
UNIT_FORMS = ("TL", "TUQ")  # a unit head signs for the head
# the forms signed by the agency's leadership (its head or a deputy)
LEADER_FORMS = tuple(f for f in FORMS if f not in UNIT_FORMS)


def fold(text):
    """Compare titles as people read them: no accents, case or extra spaces."""
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(text.replace("đ", "d").replace("Đ", "D").lower().split())


def upper(text):
    """A title as the signature block prints it: capitals, single spaces."""
    return " ".join((text or "").split()).upper()


def deputy_title(head_title):
    """The title of a deputy of the head: "PHÓ GIÁM ĐỐC"."""
    return "PHÓ %s" % upper(head_title) if (head_title or "").strip() else ""


def is_deputy_title(title):
    """A deputy's title starts with "Phó" (Phó Giám đốc, Phó Chánh Văn phòng)."""
    return fold(title).startswith("pho ")


def is_deputy_of(title, head_title):
    """Whether ``title`` is a deputy's of that head: "PHÓ CHỦ TỊCH" (or
    "PHÓ CHỦ TỊCH THƯỜNG TRỰC") of "CHỦ TỊCH", not of "GIÁM ĐỐC"."""
    head = fold(head_title).split()
    words = fold(title).split()
    return bool(head) and words[: len(head) + 1] == ["pho"] + head


def is_head_title(title, head_title):
    return bool(fold(head_title)) and fold(title) == fold(head_title)


def signature_lines(form, collective_title, authority_title, signer_title):
    """The lines above the signature, in capitals; empty parts are left out
    (the check before issuing says what is missing)."""
    head = upper(authority_title)
    title = upper(signer_title)
    lines = []
    if form in COLLECTIVE_FORMS:
        lines.append("TM. %s" % upper(collective_title))
    if form in HEAD_FORMS:
        lines.append(title or head)
    elif form in DEPUTY_FORMS:
        lines += ["KT. %s" % head, title]
    elif form in ACTING_FORMS:
        lines.append("Q. %s" % head)
    elif form in UNIT_FORMS:
        lines += ["%s. %s" % (form, head), title]
    return [line for line in lines if line and not line.endswith(". ")]


def parse_signature_lines(lines):
    """The form and texts of a signature block as printed (the inverse of
    ``signature_lines``): ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ
    TỊCH"] gives ``TM_KT``, "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    For entering a real document's signature; ValueError if it is none of
    the forms."""
    rest = [upper(line) for line in lines if (line or "").strip()]
    values = {"collective_title": "", "authority_title": "", "signer_title": ""}
    tm = bool(rest) and rest[0].startswith("TM. ")
    if tm:
        values["collective_title"] = rest.pop(0)[4:].strip()
    prefix, _dot, head = rest[0].partition(". ") if rest else ("", "", "")
    if prefix in ("KT", "TL", "TUQ") and len(rest) == 2 and (prefix == "KT" or not tm):
        form = "TM_KT" if tm else prefix
        values.update(authority_title=head.strip(), signer_title=rest[1])
    elif prefix == "Q" and len(rest) == 1:
        form = "TM_Q" if tm else "Q"
        values["authority_title"] = head.strip()
    elif len(rest) == 1 and not rest[0].startswith(("KT. ", "TL. ", "TUQ. ", "Q. ")):
        form = "TM" if tm else "none"
        values.update(authority_title=rest[0], signer_title=rest[0])
    else:
        raise ValueError("not a signature block of Decree 30: %r" % (lines,))
    values["authority"] = form
    return values


def form_for_regime(form, regime):
    """The form kept when the issuing agency changes: an agency that is not a
    collective body signs without the TM. line."""
    if regime != "collective" and form in COLLECTIVE_FORMS:
        return {"TM": "none", "TM_KT": "KT", "TM_Q": "Q"}[form]
    return form


def signature_defaults(form, collective_name, head_title, signer_job=None):
    """The texts a form gives from the agency (and the signer's job), for
    the drafter to correct if the document needs it. ``signer_title`` is
    None when the form leaves it as the drafter wrote it."""
    head = upper(head_title)
    if form in HEAD_FORMS:
        title = head
    elif form in DEPUTY_FORMS:
        title = deputy_title(head)
    elif form in ACTING_FORMS:
        title = ""  # "Q. GIÁM ĐỐC" is the whole title
    elif form in UNIT_FORMS and signer_job:
        title = upper(signer_job)
    else:
        title = None
    return {
        "collective_title": upper(collective_name) if form in COLLECTIVE_FORMS else "",
        "authority_title": head,
        "signer_title": title,
    }


def signature_problems(sig):
    """What is wrong with the signature of a document, as ``(code, detail)``
    pairs, ``detail`` a dict of the texts a message needs (or None).

    ``sig`` holds: ``authority`` (the form), ``signer`` (whether one is
    chosen), ``signer_name``, ``collective_title``, ``authority_title``,
    ``signer_title`` (as printed); of the agency ``regime`` ("head" or
    "collective"), ``agency`` (its name) and ``agency_head_title``; of the
    signer ``signer_is_leader`` (the agency's leadership: its head or a
    deputy) and ``signer_heads_unit`` (the manager of a unit of the agency).
    """
    form = sig.get("authority")
    if not form or form not in FORMS:
        return [("authority", None)]
    problems = []
    head = sig.get("authority_title") or ""
    title = sig.get("signer_title") or ""
    name = sig.get("signer_name") or ""
    agency = sig.get("agency") or ""
    if form in COLLECTIVE_FORMS:
        if sig.get("regime") != "collective":
            problems.append(("tm_collective", {"agency": agency}))
        elif not (sig.get("collective_title") or "").strip():
            problems.append(("collective_title", None))
    if form != "none" or not title.strip():
        # every form prints the head's title, but the head's own signature
        # with a title of its own
        if not head.strip():
            problems.append(("head_title", None))
        elif sig.get("agency_head_title") and not is_head_title(
            head, sig["agency_head_title"]
        ):
            problems.append(
                (
                    "head_title_agency",
                    {
                        "title": upper(head),
                        "agency": agency,
                        "head": upper(sig["agency_head_title"]),
                    },
                )
            )
    if form in DEPUTY_FORMS + UNIT_FORMS and not title.strip():
        problems.append(("signer_title", None))
    elif form in DEPUTY_FORMS and head.strip() and not is_deputy_of(title, head):
        problems.append(
            (
                "kt_deputy",
                {
                    "title": upper(title),
                    "head": upper(head),
                    "deputy": deputy_title(head),
                },
            )
        )
    elif form in HEAD_FORMS and is_deputy_title(title):
        problems.append(("deputy_direct", {"title": upper(title)}))
    if not sig.get("signer"):
        return problems
    if form in LEADER_FORMS and not sig.get("signer_is_leader"):
        problems.append(("not_leader", {"name": name}))
    if form in UNIT_FORMS:
        if sig.get("signer_is_leader") or (
            head.strip() and (is_head_title(title, head) or is_deputy_of(title, head))
        ):
            problems.append(
                ("unit_not_leader", {"form": form, "name": name, "title": upper(title)})
            )
        elif not sig.get("signer_heads_unit"):
            problems.append(("unit_head", {"form": form, "name": name}))
    return problems

"""Publication year of an undated article, inferred from its body (issue 9, family 6).

A scraped page often loses its header: no date line, no dateline. The body still tells when it
was written: the newest year it reports as past data is a lower bound of the publication year,
and how it speaks of that year says whether the text is from that year or the next:

- a full year of data (`in 2023, output reached ...`, `by the end of 2023, ... had been built`,
  `for the whole of 2023`, `2023 ... last year`): the year is over, the text is from the next
  year (`2024`);
- part of a year (`in the first half of 2024`, `January-October 2024`, `as of the end of June
  2024`, `in October 2024`, `so far in 2024`): the text is from that year (`2024`).

Years that never date a text: forecast and target years (a sentence with `will`, `expected`,
`aims`, `target`, `plan`, `forecast`, `by 2025`, `to 2025`), plan periods (`2021-2025`,
`(2024-2026)`), years inside names (`Made in China 2025`, `Vision 2030`, `Report 2019`) and
founding or history years (`founded in 1998`, `since 2015`). When the newest past year is only
named for events (`in 2023, the company launched ...`) nothing is inferred: an abstention is
better than a wrong year. The result carries the evidence (the sentence part naming the year);
the caller stores it with the basis `body` and the precision `year` (July 1st). When the text
also reports data up to a month without a year (`as of the end of October`, `in the first ten
months`), the text is from the month after: precision `month` (stored as the 1st).

Plain Python, no Dagster; nothing here reads the header (the header parser calls this last).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

DATE_PRECISIONS = ("day", "month", "year")


# a year-only date is stored as this day of the year (the claims layer reads the year and, for
# `in the first quarter` or January reports of last year, the month: mid-year is neutral),
# with `date_precision` = `year`
YEAR_ONLY_MONTH_DAY = (7, 1)


def year_date(year: int, today: dt.date) -> dt.date:
    """The stored date of a year-only publication date (never after today)."""
    return min(dt.date(year, *YEAR_ONLY_MONTH_DAY), today)


@dataclass(frozen=True, slots=True)
class BodyDate:
    year: int
    month: int | None  # the month after the newest year-less data month, or None
    evidence: str  # the text naming the year, e.g. "In 2023, the added value reached"
    evidence_start: int  # its offset in the text
    detail: str  # which rule gave the year and what else was seen


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_LATE = r"(?:December|Dec\.?)"
# a year standing alone: not a part of a range (`2021-2025`, `2024/25`), a number (`2,025`,
# `2025.5`), a code (`GB/T 2023`), nor followed by a unit-like letter (`2025年`)
_YEAR_RE = regex.compile(
    r"(?<![\d.,/\-–—~]|\d\s)(?P<y>(?:19|20)\d{2})(?![\d%]|[.,]\d|\s*[-–—~/]\s*(?:19|20)?\d{2}\b)"
)
# a sentence (a decimal point, `U.S.` and `e.g.` do not end one)
_SENT_RE = regex.compile(r"(?:[^.!?。\n]|[.](?=\d|\p{L}))+(?:[.!?。]|$)", regex.MULTILINE)
# a sentence about the future or about goals: its years are no evidence
_FUTURE_RE = regex.compile(
    r"\b(?:will|shall|would|aims?|aimed\s+(?:to|at)|aiming|targets?|targeted|goals?|"
    r"plans?\s+to|planning\s+to|expects?|expected|expectation|forecasts?|forecasted|"
    r"projects?\s+that|projected|projections?|predicts?|predicted|outlook|vision|strive|"
    r"striving|envisage[sd]?|intends?|is\s+set\s+to|are\s+set\s+to|"
    r"to\s+be\s+(?:built|completed|held|reached)|scheduled|upcoming|forthcoming|roadmap|"
    r"next\s+year|next\s+(?!to\b|day\b)(?:\w+\s+){0,2}?(?:meeting|session|review|round|edition|"
    r"conference|forum|summit|expo|fair|event|issue|phase|stage|batch)s?|"
    r"to\s+(?:hit|reach|top|exceed|surpass|achieve|grow|rise|increase)|"
    r"(?:19|20)\d{2}\s*[-–—~]\s*(?:19|20)?\d{2})\b",
    regex.IGNORECASE,
)
# weaker words (a plan, an estimate, a modal verb): they make a year no evidence only near it
_NEAR_FUTURE_RE = regex.compile(
    r"\b(?:plans?|planned|should|could|(?-i:may)|might|estimates?|estimated|likely|"
    r"anticipated?)\b",
    regex.IGNORECASE,
)
_NEAR = 50
# the year is a deadline or a plan's horizon: `by 2025`, `to 2030`, `until 2027`, `before 2026`
_DEADLINE_BEFORE_RE = regex.compile(
    r"\b(?:by|to|until|till|before|through|towards?)\s+(?:the\s+(?:end|close)\s+of\s+)?$",
    regex.IGNORECASE | regex.REVERSE,
)
# what was done by a past year's end: `had built`, `had been connected`, `reached`
_DONE_RE = regex.compile(
    r"\b(?:had|has|have|was|were|reached|exceeded|surpassed|totaled|totalled|stood|hit|topped)\b",
    regex.IGNORECASE,
)
# a year inside a name: `Made in China 2025`, `Vision 2030`, `Report 2019`, `Expo 2023`
_NAME_BEFORE_RE = regex.compile(
    r"(?:\b(?!(?:In|On|At|By|Of|For|Since|From|During|Through|Until|Between|And|The|A|An|This|"
    r"That|Its|Their|His|Her|Our|Last|Early|Late|Mid|End|Full|Fiscal|FY|Q[1-4]|H[12])\b)"
    r"\p{Lu}[\p{L}+]*\s+)$",
    regex.REVERSE,
)
# the starting point of a change: `up from 11 per cent in 2021`, `fell from 3.2 per cent in
# 2020 to 0.9 per cent`, `up from roughly 9.4 billion at the end of 2020`
_FROM_BEFORE_RE = regex.compile(
    r"\bfrom\s+(?:\p{L}+\s+){0,2}?[\d.,]+\s*(?:%|[\p{L}€$¥]+)?(?:\s+[\p{L}-]+){0,3}?\s+"
    r"(?:in|at\s+the\s+end\s+of|by\s+the\s+end\s+of|as\s+of|at\s+end-?)\s+(?:" + _MONTH + r"\s+)?$",
    regex.IGNORECASE | regex.REVERSE,
)
# a fiscal year: `the fiscal year to September 2024`, `the year ended 31 March 2024`
_FISCAL_BEFORE_RE = regex.compile(
    r"\b(?:fiscal|financial|full)?\s*year\s+(?:to|ended|ending)\s+(?:\d{1,2}\s+)?"
    + _MONTH
    + r"(?:\s+\d{1,2})?,?\s*$",
    regex.IGNORECASE | regex.REVERSE,
)
_MONTH_BEFORE_RE = regex.compile(
    r"\b" + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s*$", regex.IGNORECASE | regex.REVERSE
)
# founding and history years, and a start of a period: lower bounds only, never the newest
_HISTORY_BEFORE_RE = regex.compile(
    r"\b(?:founded|established|set\s+up|created|born|built|since|from|starting|started|"
    r"began|beginning|dating\s+back\s+to|back\s+in|as\s+early\s+as|in\s+the\s+year|"
    r"compared\s+(?:with|to)|than|level\s+of|up\s+from|down\s+from|versus|vs\.?)"
    r"\s+(?:in\s+)?(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?(?:" + _MONTH + r"\s+)?$",
    regex.IGNORECASE | regex.REVERSE,
)
# part of a year (the text is from that year): `first half of`, `January-October`, `as of the
# end of June`, `in October`, `Q3`, `so far in`
_PART_BEFORE_RE = regex.compile(
    r"(?:\bfirst\s+(?:half|quarter|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})"
    r"\s+(?:months|quarters))|\b(?:second|third)\s+quarter|\b(?:H1|H2|Q[1-4]|1H|2H|[1-3]Q)"
    r"|\b" + _MONTH + r"\s*(?:-|–|—|to|through)\s*" + _MONTH
    + r"|\b(?!" + _LATE + r")" + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"|\bso\s+far\s+(?:in|this\s+year)|\bearly|\bmid-?|\bspring|\bsummer)"
    r"(?:\s+of)?(?:\s+the\s+year)?,?\s*$",
    regex.IGNORECASE | regex.REVERSE,
)  # fmt: skip
_PART_AFTER_RE = regex.compile(
    r"^\s*(?:so\s+far|to\s+date|year[\s-]to[\s-]date|\(?(?:H1|Q[1-3]|1H)\b|first\s+half)",
    regex.IGNORECASE,
)
# a complete year (the text is from a later year): `for the whole of 2023`, `by the end of
# 2023` (in a past sentence), `December 2023`, `in 2023 as a whole`, `full-year 2023`
_FULL_BEFORE_RE = regex.compile(
    r"(?:\b(?:whole|all|entire(?:ty)?|full(?:\s+|-)year|fiscal\s+year|FY|throughout|"
    r"end\s+of|end-|year-end|close\s+of)(?:\s+of)?|\b" + _LATE + r"(?:\s+\d{1,2})?,?)\s*$",
    regex.IGNORECASE | regex.REVERSE,
)
_FULL_AFTER_RE = regex.compile(
    r"^\s*(?:as\s+a\s+whole|annual|full[\s-]year|year[\s-]end|\(?last\s+year\)?)", regex.IGNORECASE
)
# `in 2023` / `In 2023,` / `for 2023` / `between 2018 and 2023` in a statement of data
_PLAIN_BEFORE_RE = regex.compile(
    r"(?:\b(?:in|for|during|of)|\b(?:between|from)\s+(?:19|20)\d{2}\s+(?:and|to))\s+$",
    regex.IGNORECASE | regex.REVERSE,
)
# a figure for the year: `4.69 trillion yuan in 2023`, `216.6 billion kWh of electricity in 2021`
_FIGURE_IN_BEFORE_RE = regex.compile(
    r"(?<![\d.,])\d[\d,.]*\s*(?:%|percent|per\s+cent|[\p{L}$€¥]+)(?:\s+[\p{L}-]+){0,3}?\s+in\s+$",
    regex.IGNORECASE | regex.REVERSE,
)
# an event of the year the text reports on as it happens: `said Tuesday at the 2023 Global
# Industrial Internet Conference`, `Speaking at the 2022 ... Conference`, `the Opening Ceremony
# of the 2018 Industrial Internet Summit`
_EVENT_NAME_AFTER_RE = regex.compile(
    r"^(?:\s+[\p{Lu}\d][\p{L}\d+&-]*|\s+of|\s+and|\s+\+|\s+\(\p{Lu}+\)){0,10}?\s+"
    r"(?:Conference|Summit|Expo|Forum|Fair|Congress|Convention|Exhibition|Ceremony|Week|"
    r"Festival|Meeting)\b"
)
_AT_EVENT_BEFORE_RE = regex.compile(r"\bthe\s+$", regex.IGNORECASE | regex.REVERSE)
_NEWS_VERB_RE = regex.compile(
    r"\b(?:said|says|speaking|spoke|told|held|opened|kicked\s+off|closed|unveiled|announced|"
    r"released|launched|signed|speech|address)\b",
    regex.IGNORECASE,
)
# a Chinese official document number: `MIIT Informatization [2025] No. 142`, `〔2020〕8号`
_DOC_NUMBER_RE = regex.compile(r"^\s*[\]〕）)]\s*(?:No\.|第|\d+\s*号)", regex.IGNORECASE)
# a statement of data: a number other than years, and a past or result verb
_FIGURE_RE = regex.compile(
    r"(?<![\d.,])(?!(?:19|20)\d{2}(?![\d.,%]))\d[\d,.]*\s*(?:%|percent|per\s+cent|"
    r"(?:trillion|billion|million|thousand|hundred|yuan|units?|sets?|enterprises|companies|"
    r"platforms|base\s+stations|[a-z]+))",
    regex.IGNORECASE,
)
_PAST_VERB_RE = regex.compile(
    r"\b(?:reached|totaled|totalled|amounted|grew|rose|increased|decreased|fell|dropped|exceeded|"
    r"surpassed|passed|hit|topped|recorded|registered|posted|achieved|climbed|jumped|expanded|"
    r"declined|stood|accounted|generated|realized|realised|shipped|sold|produced|consumed|"
    r"invested|installed|added|(?:up|down)\s+(?:by\s+)?\d|"
    r"(?:was|were)\s+(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?"
    r"(?:RMB\s*|US\$|\$|€|¥)?\d)",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Mention:
    year: int
    kind: str  # part | full | data | event
    start: int
    sentence: str
    sent_start: int


def _mentions(text: str, today: dt.date) -> list[_Mention]:
    """The years the text reports as past (not forecasts, names, deadlines or history)."""
    out: list[_Mention] = []
    for sm in _SENT_RE.finditer(text):
        sent = sm.group(0)
        if not _YEAR_RE.search(sent) or _FUTURE_RE.search(sent):
            continue
        lead = len(sent) - len(sent.lstrip())  # a year opening the sentence
        for m in _YEAR_RE.finditer(sent):
            y = int(m.group("y"))
            if not 1990 <= y <= today.year:
                continue
            if _NEAR_FUTURE_RE.search(sent, max(0, m.start() - _NEAR), m.end() + _NEAR):
                continue
            before = sent[max(0, m.start() - 60) : m.start()]
            after = sent[m.end() : m.end() + 30]
            if (
                (
                    (dl := _DEADLINE_BEFORE_RE.search(before)) is not None
                    # `by the end of 2023, the province had built ...`: a past year's end
                    and not (
                        regex.match(r"by\s+the\s+end", dl.group(0), regex.IGNORECASE)
                        and _DONE_RE.search(sent)
                    )
                )
                or _HISTORY_BEFORE_RE.search(before)
                or _FROM_BEFORE_RE.search(before)
            ):
                continue
            if _NAME_BEFORE_RE.search(before) and not _MONTH_BEFORE_RE.search(before):
                continue
            if _DOC_NUMBER_RE.match(after) and sent[max(0, m.start() - 1) : m.start()] in "[〔（(":
                kind = "part"  # a document numbered in its year of issue
            elif (
                _AT_EVENT_BEFORE_RE.search(before)
                and _EVENT_NAME_AFTER_RE.match(sent[m.end() : m.end() + 160])
                and _NEWS_VERB_RE.search(sent)
            ):
                kind = "part"  # an event of the year, reported as it happens
            elif (fm := _FISCAL_BEFORE_RE.search(before)) is not None:
                # `the fiscal year ended March 2023`: over in April 2023
                kind = "full" if regex.search(_LATE, fm.group(0), regex.IGNORECASE) else "part"
            elif _PART_BEFORE_RE.search(before) or _PART_AFTER_RE.match(after):
                kind = "part"
            elif _FULL_BEFORE_RE.search(before) or _FULL_AFTER_RE.match(after):
                kind = "full"
            elif (
                (_PLAIN_BEFORE_RE.search(before) or m.start() == lead)
                and _FIGURE_RE.search(sent)
                and _PAST_VERB_RE.search(sent)
            ):
                kind = "data"  # `In 2023, output reached 1.2 trillion yuan`: a year's data
            else:
                kind = "event"
            out.append(_Mention(y, kind, sm.start() + m.start(), sent, sm.start()))
    return out


def infer_year(text: str, today: dt.date) -> BodyDate | None:
    """The publication year the body gives, or None (see the module docstring)."""
    found = _mentions(text, today)
    if not found:
        return None
    # every past mention is a lower bound: an event or a part of a year Y -> Y; a complete
    # year of data Y -> Y + 1 (it is over)
    bound = max(m.year + (m.kind in ("full", "data")) for m in found)
    at_bound = [m for m in found if m.year == bound and m.kind == "part"]
    before = [m for m in found if m.year == bound - 1 and m.kind in ("full", "data")]
    # the bound is the year only when it is confirmed: data of part of that year, or the
    # previous year reported complete (what a text writes the next year); an event alone
    # (`in 2023, the company launched ...`) can be reported years later
    if at_bound:
        year, ev, basis = bound, at_bound[0], "part"
    elif before:
        year = bound
        ev = next((m for m in before if m.kind == "full"), before[0])
        basis = ev.kind
    else:
        return None
    newest = ev.year
    of_newest = [m for m in found if m.year == newest]
    kinds = {m.kind for m in of_newest}
    if year > today.year:
        return None
    a = max(ev.sent_start, ev.start - 60)
    a = text.rfind(" ", ev.sent_start, a) + 1 if a > ev.sent_start else a
    b = min(ev.sent_start + len(ev.sentence), ev.start + 44)
    evidence = text[a:b].strip()
    what = {
        "part": f"{newest} is reported in part (the text is from that year)",
        "full": f"{newest} is reported as a complete year (the text is from the next year)",
        "data": f"{newest} is reported as a year's data (the text is from the next year)",
    }[basis]
    counts = ", ".join(f"{k} {sum(m.kind == k for m in of_newest)}" for k in sorted(kinds))
    detail = f"year {year} from the body: {what}; mentions of {newest}: {counts}"
    month = None
    data_month = _data_month(text)
    if data_month is not None:
        month = data_month[0] + 1
        if dt.date(year, month, 1) > today:
            month = None
        else:
            detail += f"; month {month} after the data month of {data_month[1]!r}"
    return BodyDate(year, month, evidence, text.find(evidence, a), detail)


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november",
)  # fmt: skip
_COUNTS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}  # fmt: skip
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November)"
# data up to a month of the current year, without a year (`as of the end of October`, `in the
# first ten months`, `January-October`, `in the first three quarters`); not `of last year`,
# not followed by a year or a day
_YEARLESS_DATA_MONTH_RE = regex.compile(
    r"(?:\b(?i:as\s+of|as\s+at|by|at|through|until)\s+(?i:the\s+)?(?i:end\s+of\s+|late\s+)?"
    r"(?P<m>" + _FULL_MONTH + r")"
    r"|\b(?i:first)\s+(?P<n>(?i:two|three|four|five|six|seven|eight|nine|ten|eleven)|[2-9]|1[01])\s+months"
    r"|\b(?i:first)\s+(?P<q>(?i:three))\s+quarters"
    r"|\bJan(?:uary)?\.?\s*(?:-|–|to|through)\s*(?P<m2>" + _FULL_MONTH + r"|"
    r"Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov)\b)"
    r"(?!\s*\d|,?\s*(?:of\s+)?(?:19|20)\d{2}|\s+(?:of\s+)?(?:last|the\s+previous|next)\s+year"
    r"|\s+of\s+(?:the\s+)?(?:last|previous)|\s+(?:each|every)\s+year)",
)


def _data_month(text: str) -> tuple[int, str] | None:
    """The newest month (1-11) that year-less data of a past sentence run to, and its phrase."""
    best: tuple[int, str] | None = None
    for sm in _SENT_RE.finditer(text):
        sent = sm.group(0)
        if _FUTURE_RE.search(sent):
            continue
        for m in _YEARLESS_DATA_MONTH_RE.finditer(sent):
            if m.group("m") or m.group("m2"):
                name = (m.group("m") or m.group("m2")).lower()
                month = next(i for i, n in enumerate(_MONTH_NAMES, 1) if n.startswith(name[:3]))
            elif m.group("q"):
                month = 9
            else:
                n = m.group("n").lower()
                month = _COUNTS[n] if n in _COUNTS else int(n)
            if best is None or month > best[0]:
                best = (month, m.group(0))
    return best

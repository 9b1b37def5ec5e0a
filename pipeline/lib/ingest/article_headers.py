"""Layer 2 ("articles"): header metadata of one English news text.

What belongs here: title, publication date (with the rule that produced it and the evidence),
outlet, byline and editor, parsed from the text of one article. Nothing about files or decoding.

Publication-date rules, highest priority first; the first rule that yields a plausible date wins
(a date before 1990-01-01 or after `today` is rejected and noted in `detail`):

1. `header_line`: a full date (with year) on a metadata line of the header (the lines before
   the lead paragraph) or of the footer (last three lines): a line made only of dates, times,
   labels (`date`, `Published:`, `Updated`, `Source:`, `Editor:`, `By` ...) and short name-like
   fragments (`Seetao 2021.01.27`, `Xinhua | Updated: 2022-09-11 09:12`), or a line whose date
   is introduced by a date label (` date 2022-09-10 News on ...`) or starts the line in numeric
   form (`2022-09-11 Beijing ...`), or a subtitle saying when the text was delivered or issued
   (`Delivered at the ... Congress on March 5, 2024`). A `Published` date is preferred to an
   `Updated` one, and both to a manuscript's `Received:` / `Revised:` / `Accepted:` dates
   (`Received: 14 March 2022 / Accepted: 29 April 2022 / Published: 6 May 2022`);
   `First published` over `Last updated` too (the majority of the benchmark sets with both).
   A digest's or a mail's `Sent Fri 22 May 2015` line is a date line (next to `No. 20/2015 |
   Week of 18-22 May 2015`, a week's range, which is no publication date). Below a first
   paragraph taken for the lead (a standfirst, an author block), a short metadata line with a date
   still counts (`Kelly Huang | Feb 10, 2026`, `Last published date: 2019-07-30`, a broadcast or
   post date with its length, `Aired Jul 11, 2023 · 47 min`, `Nov 3, 2020 · 7 min read`; an issue
   line, `Issue No. 18 · 2018.06.12`), unless it is an
   all-capitals heading or names the end of a reporting period (`FOR THE SIX MONTHS ENDED 30 JUNE
   2019`, `as at`).
   Labels are any `<word> date` (`AIR DATE:`, `Issue date:`, `Date of publication:`), a live
   blog's `Started:`, `Created:`, a weekday between label and date (`Posted on Tuesday, 3 June
   2014 at 8:47`); a numeric date with a two-digit year is read only right after such a label
   (`AIR DATE: 08-21-14`). A forum thread is dated by its first post's line (`by NAME » Tue Jun
   03, 2014 8:47 am`, `Posted by NAME on ...`); replies come later. An `Event date:` (of a
   transcript) counts only when no other line dates the text; a `Deadline:`, an expiry date or a
   member's `Joined:` never; nor the `Date:` / `Time:` of an event's block next to a `Venue:` /
   `Place:` line (an agenda or an invitation is written before its event, a meeting record
   after it: its closing `Date:` dates it).
   An ambiguous numeric date (`10/09/2018`, both parts <= 12) is read by the writer's
   convention: an unambiguous numeric date with the same separator elsewhere in the text decides;
   else month first for a US writer (a US time zone on the date line, a US outlet in the header),
   day first otherwise (British, Hong Kong, Singapore, Indian, Australian outlets); a reading
   after `today` gives way to the other. The reading is noted in `detail`.
2. `dateline`: the lead paragraph opens with a dateline that carries a year
   (`BEIJING, Sept. 11, 2022 (Xinhua) --`; a place in title case when the full date is followed
   by a dash: `Hong Kong, 20 August 2024 -- ...`, `Taicang, Jan. 15th, 2026 - ...`). Without a year (`BEIJING, Sept. 11 (Xinhua) --`) the
   year is inferred: first from the weekday the lead names (`... the ministry said Wednesday`):
   the one year among those the text mentions (and the year after each) in which the month/day
   falls on that weekday (a January article on last year's figures is dated the next year);
   else the year of the title/header; otherwise no date. The basis is `inferred`.
2b. closing lines, when the header has no date: a completion verb (`finalized on`, a page's
   `last edited on 14 May 2025`) or a reporting credit
   followed by a date in the last three lines (`This note was ... finalized on April 2, 2019`:
   `text_date`; `(Reporting by ...; Editing by ..., March 3)` with the one header year:
   `inferred`).
3. `text_date`: the first sentence of the lead reports an event on a full date
   (`On September 11, 2022, the forum was held ...`): the event date is the recorded basis.
4. `inferred`: the lead reports a past event on a month/day without year (`on November 7th,
   the 2022 ... conference was held`); the year comes from the title, else from a year used as
   an event name in the same sentence (`the 2022 Global ... Conference`). One unambiguous year
   is required; the event must not lie after `today`.

5. `inferred`: an undated text naming an event of a known year as held `this year` (`The 2023
   ... Expo, held this year in Tianjin`) and reporting data `as of` a month without a year (`as
   of mid-December`): that year, no earlier than the data date (15th for mid-, 10th for early,
   else the month's last day); both phrases are the evidence.

6. `body` (only with `body_dates=True` / PIPELINE_BODY_DATES=1): the year the body's past data
   give (`pipeline.lib.ingest.body_dates`: part of a year -> that year, a complete year -> the
   next), stored as July 1st with `date_precision` = `year` (every other basis: `day`).

Years in titles and headers that are forecasts or targets (`China to connect 50 million devices
by 2025`, `2030 goals`) and the years of an `Original title:` line are no evidence of the year.

Never a date: bare years (`in 2020`), year ranges and plan names (`(2021-2023)`), relative
words (`Recently`, `yesterday`), future events
(`will be held on ...`). When nothing applies, `published_date` is None.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from pipeline import settings
from pipeline.lib.ingest.body_dates import DATE_PRECISIONS, infer_year, year_date

DATE_BASES = ("header_line", "dateline", "text_date", "inferred", "body")
__all__ = ["DATE_BASES", "DATE_PRECISIONS", "ArticleHeader", "parse_header"]


@dataclass(frozen=True, slots=True)
class ArticleHeader:
    title: str | None
    published_date: dt.date | None
    date_basis: str | None  # header_line | dateline | text_date | inferred | body | None
    date_evidence: str | None  # the text that dated it, e.g. "date 2022-09-11", "on November 7th"
    date_evidence_start: int | None  # char offset of date_evidence in the text
    outlet: str | None
    byline: str | None  # author(s) / reporter(s)
    editor: str | None = None
    detail: str = ""  # how the date was obtained, rejected candidates
    # day | month | year (a year-only date is stored as July 1st, see body_dates) | None
    date_precision: str | None = None


def parse_header(
    text: str, today: dt.date | None = None, body_dates: bool | None = None
) -> ArticleHeader:
    """Parse title, publication date (with basis and evidence), outlet, byline, editor.
    `body_dates`: when nothing else dates the text, infer the year from its body (rule 6);
    None = the PIPELINE_BODY_DATES setting (default off)."""
    today = today or dt.date.today()
    if body_dates is None:
        body_dates = settings.body_dates()
    p = _Parser(text, today, body_dates)
    return p.run()


# ---------------------------------------------------------------------------------------------
# Date expressions

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?"
    r"|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)(?![a-z])\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d{2})"

_FULL_DATE_RES = (
    # 2022-09-11, 2022/09/11, 2022.09.11 (also 2022-09-11T10:32)
    ("ymd", regex.compile(r"(?<![\d.])" + _YEAR + r"(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)"
                          r"(?P<d>\d{1,2})(?![\d])")),
    # 2022年9月11日
    ("cjk", regex.compile(_YEAR + r"\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")),
    # Sept 11, 2022 / September 11th 2022 / Sept. 11, 2022
    ("mdy", regex.compile(r"\b" + _MON + r"\s*(?P<d>\d{1,2})" + _ORD + r"(?:\s*,\s*|\s+)"
                          + _YEAR + r"\b")),
    # 11 September 2022 / 11-Sep-2022 / 11th of September, 2022
    ("dmy", regex.compile(r"\b(?P<d>\d{1,2})" + _ORD + r"(?:\s+of)?[\s-]+" + _MON
                          + r"(?:\s*,\s*|[\s-]+)" + _YEAR + r"\b")),
    # 11/09/2022, 09.11.2022: only when unambiguous (one part > 12)
    ("num", regex.compile(r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
                          + _YEAR + r"(?![\d])")),
)  # fmt: skip

_MONTH_DAY_RES = (
    ("md", regex.compile(r"\b" + _MON + r"\s*(?P<d>\d{1,2})" + _ORD + r"\b")),
    ("dm", regex.compile(r"\b(?P<d>\d{1,2})" + _ORD + r"(?:\s+of)?\s+" + _MON)),
    ("cjk", regex.compile(r"(?<![年\d])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")),
)

_TIME_RE = regex.compile(
    r"(?:T|(?<![\d:]))\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"  # 10:32, T08:00:00.000
    r"(?:Z|[+-]\d{2}:?\d{2}(?![\d:]))?"  # Z, +08:00
    r"(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:GMT|UTC|BJT|CST|CET|EST|EDT|PST|PDT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?"
    r"(?:\s+(?:local|[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+)?)\s+time\b)?"  # 08:55 Beijing time
    r"(?![\d:])",
    regex.IGNORECASE,
)

_YEAR_ALONE_RE = regex.compile(
    r"(?<![\d./\-–—~])(?P<y>(?:19|20)\d{2})(?![\d]|\s*[-–—~至到]\s*(?:19|20)?\d{2})"
)


@dataclass(frozen=True, slots=True)
class _DateMatch:
    start: int  # offset in the string searched
    end: int
    text: str
    date: dt.date | None  # None: invalid or ambiguous
    month: int | None = None
    day: int | None = None
    note: str = ""


_AMBIGUOUS = "ambiguous day/month order"
_NUM_DATE_RE = regex.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d])"
)
# `08-21-14`, `21.08.14`: a two-digit year, read only after a date label
_SHORT_NUM_DATE_RE = regex.compile(
    r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2})(?![\d.:/-])"
)
# month-first writers: a US time zone on the date line, or a US outlet
_US_ZONE_RE = regex.compile(r"\b(?:EDT|EST|PDT|PST|CDT|MDT|ET|PT)\b")
# patterns of the helpers below, compiled once (a call with a pattern string pays the
# module's cache lookup every time)
_DOTTED_NAME_RE = regex.compile(r"[\w-]+(?:\.[\w-]+)+")
_IN_PLACE_RE = regex.compile(r"\s+in\s+[A-Z][\w ]*$")
_SPACES_RE = regex.compile(r"\s+")
_SEP_SPACES_RE = regex.compile(r"\s+([:：/])\s*")
_NO_WORD_RE = regex.compile(r"[\W_]+")
_DIGIT_RE = regex.compile(r"\d")
_LINE_RE = regex.compile(r"[^\n\r]+")
_ON_BEFORE_RE = regex.compile(r"\b[Oo]n\s+(?:the\s+)?$")
_NEWS_OPENING_RE = regex.compile(r"\W*(?:News\s*[:,]?\s*)?")
_RANGE_FOLLOWS_RE = regex.compile(r"\s*(?:-|–|—|to|and|through|till|until)\s*\d")
_EVENT_YEAR_RE = regex.compile(r"(?<![\d\-–(])\b((?:19|20)\d{2})(?:\s+[\p{Lu}]|['’]s\b)")
_EVIDENCE_LABEL_RE = regex.compile(
    r"(?:(?:last\s+)?updated|published|posted|released|release\s+time|(?:\b\p{L}+ )?date"
    r"|date\s+of\s+\p{L}+|dated|time|started|created)"
    r"(?:\s+on)?\s*[:：]?\s*(?:\d{1,2}:\d{2}\s*,?\s*|\p{L}+day\s*,?\s*)?$",
    regex.IGNORECASE,
)
_GLUED_FOOTER_RE = regex.compile(
    r"(?<=[.!?。”\"])\s*(?=(?:responsible\s+)?(?:editor|source|author|reporter|"
    r"published|updated)s?\s*[:：/])",
    regex.IGNORECASE,
)
_US_OUTLET_RE = regex.compile(
    r"\b(?:CNBC|CNN|Bloomberg|Forbes|Fortune|Wall\s+Street\s+Journal|WSJ|New\s+York\s+Times|"
    r"Washington\s+Post|Associated\s+Press|AP\s+News|Business\s+Insider|TechCrunch|Axios|"
    r"Los\s+Angeles\s+Times|USA\s+Today|Fox\s+Business|NPR|Voice\s+of\s+America|VOA|"
    r"Barron'?s|MarketWatch|The\s+Verge|Wired)\b"
)


def _month_of(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _mk_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_full_dates(s: str) -> list[_DateMatch]:
    """Full dates (with year) in s, in order, non-overlapping (earlier, longer wins)."""
    found: list[_DateMatch] = []
    for kind, rx in _FULL_DATE_RES:
        for m in rx.finditer(s):
            y = int(m.group("y"))
            note = ""
            if kind in ("ymd", "cjk"):
                date = _mk_date(y, int(m.group("m")), int(m.group("d")))
            elif kind in ("mdy", "dmy"):
                date = _mk_date(y, _month_of(m.group("mon")), int(m.group("d")))
            else:
                a, b = int(m.group("a")), int(m.group("b"))
                if a > 12 >= b:
                    date = _mk_date(y, b, a)
                elif b > 12 >= a:
                    date = _mk_date(y, a, b)
                elif a == b:
                    date = _mk_date(y, a, b)
                else:
                    date, note = None, _AMBIGUOUS
            if date is None and not note:
                note = "not a calendar date"
            found.append(_DateMatch(m.start(), m.end(), m.group(0), date, note=note))
    return _non_overlapping(found)


def find_month_days(s: str) -> list[_DateMatch]:
    """Month/day expressions without a year (`November 7th`, `7 Nov`, `9月11日`) in s."""
    full = find_full_dates(s)
    found = []
    for kind, rx in _MONTH_DAY_RES:
        for m in rx.finditer(s):
            if any(f.start < m.end() and m.start() < f.end for f in full):
                continue
            month = int(m.group("m")) if kind == "cjk" else _month_of(m.group("mon"))
            day = int(m.group("d"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            found.append(_DateMatch(m.start(), m.end(), m.group(0), None, month, day))
    return _non_overlapping(found)


def _non_overlapping(found: list[_DateMatch]) -> list[_DateMatch]:
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[_DateMatch] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------
# Metadata lines

# the date of an event (`Event date:` of a transcript: the text's date when nothing else dates
# it) and dates that never date the text (`Deadline:`, `Expiry date:`, a member's `Joined:`)
# (a bare `Meeting:` / `Event:` / `Session:` label with a colon names the event's date too)
_EVENT_DATE_LABEL = (
    r"(?:event|meeting|session|conference|forum|visit|call)\s+date"
    r"|(?:meeting|event|session)(?=\s*[:：])"
)
_OTHER_DATE_LABEL = (
    r"(?:closing|opening|due|expiry|expiration|effective|registration|application|submission|"
    r"delivery|start|end|birth)\s+date|deadline|joined|member\s+since|registered(?:\s+(?:on|since))?"
)
_EVENT_LABEL = _EVENT_DATE_LABEL + "|" + _OTHER_DATE_LABEL
# a notice's writing or signing date (`Date of writing: ...  Date of publication: ...`): ranked
# with a manuscript's received date, after the publication date
_WRITING_DATE_LABEL = r"date\s+of\s+(?:writing|drafting|signing|signature)"
_LABEL_ROLES = (
    # (regex of the label, role)
    (r"last\s+update[ds]?|updated(?:\s+(?:on|at))?", "updated"),
    # a date of an event, not of the text: `Event date:`, `Deadline:`; a member's `Joined:`
    (_EVENT_DATE_LABEL, "event"),
    (_OTHER_DATE_LABEL, "never"),
    (r"(?:(?:first|last)\s+)?published(?:\s+(?:on|at|date|time|online))?"
     r"|publication\s+(?:date|time)", "date"),
    # a journal's history line: `Received: 14 March 2022 / Accepted: ... / Published: ...`
    (r"received|accepted|revised|submitted|" + _WRITING_DATE_LABEL, "received"),
    # a digest's or a mail's dispatch line: `Sent Fri 22 May 2015`
    (r"(?:posted|sent)(?:\s+(?:on|at))?|release\s+(?:date|time)|released(?:\s+on)?"
     r"|issued(?:\s+on)?", "date"),
    # a programme's broadcast date: `Aired Jul 11, 2023`, `First broadcast on 3 May 2021`
    (r"(?:first\s+)?(?:aired|broadcast(?:ed)?|streamed)(?:\s+(?:on|at))?", "date"),
    # a live blog's or a page's start: `Started: 5 March 2015, 08:55`, `Created on`
    (r"(?:started|created|uploaded)(?:\s+(?:on|at))?|filed\s+(?:on|at)", "date"),
    # any label naming a date (`Date:`, `AIR DATE:`, `Issue date:`, `Date of publication`)
    (r"date\s+of\s+(?:publication|issue|release)|(?:[\p{L}]+\s+){0,2}?date(?:d)?|time", "date"),
    (r"source|from|via|outlet|media", "outlet"),
    (r"responsible\s+editors?|editors?(?:-in-charge|\s+in\s+charge)?|edited\s+by|web\s+editor",
     "editor"),
    (r"by|authors?|written\s+by|writers?|reporters?|correspondents?|journalists?|"
     r"staff\s+reporters?|text", "byline"),
    (r"translators?|translated\s+by|photos?|photographers?|views?|clicks?|font\s+size|print|"
     r"share(?:\s+to)?|original\s+title|original|title|comments?|tags?|tagged|categor(?:y|ies)|"
     r"filed\s+under|keywords?|topics?|(?:post\s+)?subject", "other"),
)  # fmt: skip
_LABEL_RE = regex.compile(
    r"^\s*(?:" + "|".join(f"(?P<r{i}>{rx})" for i, (rx, _) in enumerate(_LABEL_ROLES)) + r")"
    r"(?=\s|[:：/]|$)\s*[:：/]?\s*",
    regex.IGNORECASE,
)
_DATE_LABEL_END_RE = regex.compile(
    r"(?:^|[\s|:：,(\[])(?:last\s+update[ds]?|updated(?:\s+(?:on|at))?|" + _EVENT_LABEL + r"|"
    r"(?:started|created|uploaded)(?:\s+(?:on|at))?|filed\s+(?:on|at)"
    r"|date\s+of\s+(?:publication|issue|release)|" + _WRITING_DATE_LABEL + r"|"
    r"(?:(?:first|last)\s+)?published(?:\s+(?:on|at|date))?"
    r"|publication\s+date|(?:posted|sent)(?:\s+(?:on|at))?|release\s+(?:date|time)|released(?:\s+on)?"
    r"|(?:first\s+)?(?:aired|broadcast(?:ed)?|streamed)(?:\s+(?:on|at))?"
    r"|date(?:d)?|time)\s*[:：]?\s*"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\s*,?\s*)?$",
    regex.IGNORECASE,
)
# labels followed by a colon in the middle of a line start a new segment
# (not inside a compound date label: `AIR DATE:`, `Release date:`, `Event date:`)
_INNER_LABEL_RE = regex.compile(
    r"(?<=\S\s+)(?<!\b(?:air|issue|report|release|publication|publishing|broadcast|posting|"
    r"event|meeting|session|call|due|expiry|effective|closing|start|end)\s+)(?=(?:source|editors?|responsible\s+editors?|authors?|reporters?|published|"
    r"updated|date|time|photo)\s*[:：])",
    regex.IGNORECASE,
)
_SEGMENT_SPLIT_RE = regex.compile(r"\s*(?:[|•·■◆;；]|\s{2,}|\s[-–—]+\s|\t)\s*")
_REPORTER_RE = regex.compile(
    r"^(?P<pre>.*?)\s*\b(?:staff\s+)?(?:reporters?|correspondents?|journalists?)\b\s*[:：]?\s*"
    r"(?P<name>.+)$",
    regex.IGNORECASE,
)
_NAME_PARTICLES = frozenset(
    "of the and & de la le du di da van von der den al el bin y in for".split()
)  # fmt: skip
_CJK_RE = regex.compile(r"\p{Han}")


def _name_like(s: str, max_tokens: int = 6) -> bool:
    """Short proper-name-ish text: `Wang Qun`, `China Daily`, `zhonggong.com`, `Worker's Daily`."""
    s = s.strip(" \t()[]\"'“”‘’.,:：")
    if not s:
        return False
    toks = s.split()
    if len(toks) > max_tokens:
        return False
    for t in toks:
        t = t.strip('()[]"“”,')
        if not t:
            continue
        if t.lower() in _NAME_PARTICLES:
            continue
        if t[0].isupper() or _CJK_RE.match(t) or _DOTTED_NAME_RE.fullmatch(t):
            continue
        return False
    return True


@dataclass(slots=True)
class _Meta:
    outlet: str | None = None
    byline: str | None = None
    editor: str | None = None
    anchors: int = 0  # labels, dates, times, reporter patterns seen


def _clean_value(v: str) -> str:
    v = v.strip(" \t()[]\"'“”‘’,:：/|-–—")
    v = _IN_PLACE_RE.sub("", v)  # "Wang Qun in Beijing"
    return _SPACES_RE.sub(" ", v)


def _parse_segments(s: str, meta: _Meta) -> bool:
    """True when s (dates/times already blanked) is made only of metadata segments."""
    ok = True
    s = _SEP_SPACES_RE.sub(r"\1 ", s)  # "Editor  / Liu Lu" -> "Editor/ Liu Lu"
    s = _INNER_LABEL_RE.sub("|", s)
    for seg in _SEGMENT_SPLIT_RE.split(s):
        seg = seg.strip(" \t,:：()[]【】/")
        if not seg or _NO_WORD_RE.fullmatch(seg):
            continue
        m = _LABEL_RE.match(seg)
        if m:
            role = next(_LABEL_ROLES[i][1] for i in range(len(_LABEL_ROLES)) if m.group(f"r{i}"))
            value = _clean_value(seg[m.end() :])
            meta.anchors += 1
            if not value:
                continue
            if role == "byline" and m.group(0).strip().lower() == "by" and not _name_like(value):
                ok = False
                continue
            if role == "other" and len(value.split()) <= 6:  # "Translated by the editors"
                continue
            check = value
            if role == "outlet":  # "Source: MIIT website", "Source: Xinhua official WeChat account"
                check = _OUTLET_KIND_RE.sub("", value) or value
            if not _name_like(check, 8):
                ok = False
                continue
            if role == "outlet" and meta.outlet is None:
                meta.outlet = value
            elif role == "editor" and meta.editor is None:
                meta.editor = value
            elif role == "byline" and meta.byline is None:
                meta.byline = value
            continue
        # (the reporter pattern scans the whole segment: only when one of its words is there)
        low = seg.lower()
        has_reporter = "reporter" in low or "correspondent" in low or "journalist" in low
        rm = _REPORTER_RE.match(seg) if has_reporter else None
        if rm and _name_like(rm.group("name"), 4):
            meta.anchors += 1
            if meta.byline is None:
                meta.byline = _clean_value(rm.group("name"))
            pre = _clean_value(rm.group("pre"))
            if pre and pre.lower() not in ("our", "the", "by", "staff") and _name_like(pre):
                if meta.outlet is None:
                    meta.outlet = pre
            continue
        if seg.lower() in _LEFTOVER_LABEL_WORDS:  # "Release" of "Release time: <date>"
            continue
        if _ISSUE_RE.fullmatch(seg):  # "Issue 3, 2025", "Vol. 12 No. 4" of a bulletin
            meta.anchors += 1
            continue
        if _DURATION_RE.fullmatch(seg):  # "47 min" of a podcast, "7 min read" of a blog post
            continue
        if _WEEKDAY_NAME_RE.fullmatch(seg):  # "Tue" of "Tue Jun 03, 2014 8:47 am"
            meta.anchors += 1
            continue
        if _name_like(seg):
            if meta.outlet is None:
                meta.outlet = _clean_value(seg)
            continue
        ok = False
    return ok


_OUTLET_KIND_RE = regex.compile(
    r"\s+(?:official\s+)?(?:website|web\s*site|site|portal|wechat(?:\s+account)?|weibo|app|"
    r"account|newspaper)$",
    regex.IGNORECASE,
)
_ISSUE_RE = regex.compile(
    r"(?:(?:issue|no\.?|number|vol\.?|volume)(?:\s*no\.)?\s*#?\d{1,4}\s*,?\s*)+(?:(?:19|20)\d{2})?"
    # a digest's number in its year and its week: "No. 20/2015", "Week of 18-" (of "18-22 May")
    r"|(?:issue|no\.?|number)\s*#?\d{1,4}\s*/\s*(?:19|20)\d{2}"
    r"|week\s+(?:of|ending|to)(?:\s+\d{1,2}\s*[-–])?"
    # a magazine's season or month issue: "Spring/Summer issue", "Autumn 2021 issue"
    r"|(?:(?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s*[/&-]?\s*)+(?:(?:19|20)\d{2}\s+)?"
    r"(?:issue|edition)",
    regex.IGNORECASE,
)
# the length of a programme or the reading time of a post, next to its date
_DURATION_RE = regex.compile(
    r"\d{1,3}\s*-?\s*(?:min(?:ute)?s?|hrs?|hours?|h|sec(?:ond)?s?)\.?"
    r"(?:\s*\d{1,2}\s*(?:min(?:ute)?s?|sec(?:ond)?s?)\.?)?(?:\s+(?:read|listen|watch))?",
    regex.IGNORECASE,
)
_WEEKDAY_NAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_WEEKDAY_NAME_RE = regex.compile(_WEEKDAY_NAME, regex.IGNORECASE)
_LEFTOVER_LABEL_WORDS = frozenset(
    {"release", "released", "publish", "published", "posted", "updated", "update", "issued"}
    | {"at", "on"}  # `Posted on Tuesday, 3 June 2014 at 8:47`
)


def _blank(s: str, spans: list[tuple[int, int]]) -> str:
    """s with each span (clipped to s: a span may run past a prefix of its line) blanked, its
    first character replaced by a separator."""
    chars = list(s)
    n = len(chars)
    for a, b in spans:
        a, b = max(0, a), min(b, n)
        for i in range(a, b):
            chars[i] = " "
        if b > a:
            chars[a] = "|"
    return "".join(chars)


@dataclass(slots=True)
class _LineInfo:
    meta: _Meta
    is_metadata: bool  # the whole line (or its prefix before a labelled date) is metadata
    dates: list[tuple[_DateMatch, str]] = field(default_factory=list)  # (date, label role)
    body_start: int | None = None  # where body text starts after a labelled date


# a label ending a date's prefix lies in its last characters: the end-anchored label patterns
# are searched there only (a search from the line's start tries every position)
_LABEL_SPAN = 80


def _label_ends(prefix: str) -> bool:
    """A date label (`Published:`, `AIR DATE:`, `Posted on Tuesday,`) ends the prefix."""
    return _DATE_LABEL_END_RE.search(prefix, max(0, len(prefix) - _LABEL_SPAN)) is not None


def _short_year_dates(line: str, times: list[tuple[int, int]]) -> list[_DateMatch]:
    """Numeric dates with a two-digit year right after a date label (`AIR DATE: 08-21-14`,
    `Date: 21.08.14`): day and month as a numeric date with its year (an ambiguous order is
    left to the writer's convention), the year 19yy from 90, else 20yy. Never without a label:
    `08-21-14` alone may be a code or a score."""
    out = []
    for m in _SHORT_NUM_DATE_RE.finditer(line):
        prefix = _blank(line[: m.start()], [t for t in times if t[1] <= m.start()])
        if not _label_ends(prefix.replace("|", " ")):
            continue
        a, b, y = int(m.group("a")), int(m.group("b")), _full_year(int(m.group("y")))
        date, note = None, ""
        if a > 12 >= b or a == b:
            date = _mk_date(y, b, a)
        elif b > 12 >= a:
            date = _mk_date(y, a, b)
        elif a <= 12 and b <= 12:
            note = _AMBIGUOUS
        if date is None and not note:
            note = "not a calendar date"
        out.append(_DateMatch(m.start(), m.end(), m.group(0), date, note=note))
    return out


def _full_year(y: int) -> int:
    return y if y >= 100 else 1900 + y if y >= 90 else 2000 + y


def _analyse_line(line: str) -> _LineInfo:
    fm = _FORUM_POST_RE.match(line)
    if fm:  # a forum post's line: `by mk_servo » Tue Jun 03, 2014 8:47 am`
        info = _analyse_line(" " * fm.end() + line[fm.end() :])
        if info.is_metadata and info.dates:
            info.meta.byline = info.meta.byline or fm.group("user")
            return info
    meta = _Meta()
    dates = find_full_dates(line)
    times = [(m.start(), m.end()) for m in _TIME_RE.finditer(line)]
    if _SHORT_NUM_DATE_RE.search(line):
        dates = sorted(dates + _short_year_dates(line, times), key=lambda d: d.start)
    meta.anchors += len(dates) + len(times)
    # a date introduced by a date label (or a numeric date opening the line): body may follow
    for d in dates:
        prefix = line[: d.start]
        prefix_no_time = _blank(prefix, [t for t in times if t[1] <= d.start]).replace("|", " ")
        labelled = _label_ends(prefix_no_time)
        opens_line = not prefix.strip() and _DIGIT_RE.match(d.text) is not None
        if labelled or opens_line:
            pm = _Meta()
            spans = [(x.start, x.end) for x in dates if x.end <= d.start]
            spans += [t for t in times if t[1] <= d.start]
            if _parse_segments(_blank(prefix, spans), pm):
                role = _date_role(prefix_no_time)
                rest = line[d.end :]
                rm = _Meta()
                rest_dates = [(x.start - d.end, x.end - d.end) for x in dates if x.start >= d.end]
                rest_times = [(a - d.end, b - d.end) for a, b in times if a >= d.end]
                if _parse_segments(_blank(rest, rest_dates + rest_times), rm):
                    _merge(pm, rm)
                    body = None
                else:
                    body = d.end
                info = _LineInfo(pm, True, [(d, role)], body)
                if body is None:
                    info.dates += [(x, "date") for x in dates if x.start >= d.end]
                return info
            break
    spans = [(d.start, d.end) for d in dates] + times
    ok = _parse_segments(_blank(line, spans), meta)
    roles = []
    for d in dates:
        roles.append((d, _date_role(_blank(line[: d.start], times).replace("|", " "))))
    return _LineInfo(meta, ok and meta.anchors > 0, roles if ok else [])


_EVENT_LABEL_END_RE = regex.compile(
    r"\b(?:(?P<event>" + _EVENT_DATE_LABEL + r")|" + _OTHER_DATE_LABEL + r")\s*[:：]?\s*"
    r"(?:" + _WEEKDAY_NAME + r"\s*,?\s*)?$",
    regex.IGNORECASE,
)


# a forum (bulletin board) post's author and date: `by NAME » Tue Jun 03, 2014 8:47 am`,
# `Post by NAME » ...`; the first post's date is the thread's
_FORUM_POST_RE = regex.compile(
    r"^\s*(?:(?:(?:post(?:ed)?\s+)?by\s+)?(?:(?P<user>[^\s»]{2,40})\s*)?»"
    r"|(?:post(?:ed)?|submitted|written)\s+by\s+(?P<user>[^\s»]{2,40})\s+on\b)\s*",
    regex.IGNORECASE,
)


def _date_role(prefix: str) -> str:
    """'updated' when the nearest label before a date is an update label, 'received' when it
    is a manuscript-history label (`Received:`, `Accepted:`, `Revised:`), 'event' when it names
    the date of an event (`Event date:`), 'never' for a date that is never the text's
    (`Deadline:`, `Expiry date:`, a member's `Joined:`), else 'date'."""
    em = _EVENT_LABEL_END_RE.search(prefix, max(0, len(prefix) - _LABEL_SPAN))
    if em:
        return "event" if em.group("event") else "never"
    tail = prefix[-40:].lower()
    upd = tail.rfind("updated")
    tail = tail.replace("updated", "       ")
    pub = max(tail.rfind(w) for w in ("publish", "posted", "date", "release"))
    rec = max(
        tail.rfind(w)
        for w in ("received", "accepted", "revised", "submitted", "writing", "drafting", "signing",
                  "signature")
    )  # fmt: skip
    if rec > max(upd, pub):
        return "received"
    return "updated" if upd > pub else "date"


def _merge(a: _Meta, b: _Meta) -> None:
    a.outlet = a.outlet or b.outlet
    a.byline = a.byline or b.byline
    a.editor = a.editor or b.editor
    a.anchors += b.anchors


# ---------------------------------------------------------------------------------------------
# The parser


_SENTENCE_END_RE = regex.compile(r"(?<=[.!?。！？][”\"’)]?)\s+(?=[\p{Lu}“\"‘(])")
_INTERNAL_SENTENCE_RE = regex.compile(r"[.!?。！？][”\"’)]?\s+[\p{Lu}“\"‘]")
_ABBREV_END_RE = regex.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|No|St|Co|Ltd|Inc|"
    r"U\.S|U\.K|Gov|Prof|Vol|vs)\.$"
)
_BULLET_RE = regex.compile(r"^\s*[•·■◆▪●○◇\-*–—]\s")
_EVENT_VERB_RE = regex.compile(
    r"\b(?:held|opened|closed|launched|released|issued|announced|unveiled|signed|said|says|"
    r"stated|reported|published|presided|hosted|convened|concluded|took\s+place|kicked\s+off|"
    r"debuted|introduced|revealed|disclosed|pointed\s+out|inaugurated|established|started|began|"
    r"ended|met|visited|attended|delivered|approved|passed|adopted|awarded|completed|was|were)\b",
    regex.IGNORECASE,
)
_FUTURE_RE = regex.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|to\s+be\s+held|scheduled|planned|expected\s+to|due\s+to|"
    r"upcoming|deadline|until|by\s+the\s+end)\b",
    regex.IGNORECASE,
)
_DATELINE_RE = regex.compile(
    r"^\s*(?P<place>[\p{Lu}][\p{L}.'’\- ]{1,40}?)(?:,\s*[\p{Lu}][\p{L}. ]{1,30}?)?,\s*"
    r"(?P<date>(?:" + _MON + r"\s*\d{1,2}" + _ORD + r"|\d{1,2}" + _ORD + r"(?:\s+of)?\s+"
    + _MON.replace("(?P<mon>", "(?P<mon2>") + r")(?:\s*,?\s*(?:19|20)\d{2})?)\s*"
    r"(?:\((?P<outlet>[^)]{2,60})\)\s*)?(?P<dash>--|—|–|-(?=\s)|-|:)?"
)  # fmt: skip
# `Fitch Ratings-Hong Kong-05 December 2024:`, `Agency-London/Shanghai-5 May 2023 -`
_WIRE_DATELINE_RE = regex.compile(
    r"^\s*(?P<outlet>[\p{Lu}][\p{L}&.'’ ]{1,40}?)-(?P<place>[\p{Lu}][\p{L}.'’/ ]{1,40}?)-(?=\d)"
)
_WIRE_END_RE = regex.compile(r"\s*(?::|--|—|–|-\s)")
_CJK_DATELINE_RE = regex.compile(
    r"^\s*(?P<outlet>新华社|中新社|人民网|中新网)?(?P<place>\p{Han}{2,8}?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)电"
)


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str


# a stand-alone time stamp line of a thread: `2017-09-21 16:45:02`, `2017/09/21, 16:45`
_STAMP_LINE_RE = regex.compile(
    r"\s*(?P<date>(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})[\sT,]+\d{1,2}:\d{2}(?::\d{2})?\s*"
)
# a post's date line below its body: `Edited on 2025-04-07 21:14 · IP location: Jiangsu`
_POST_DATE_LINE_RE = regex.compile(
    r"\s*(?:(?:(?:last\s+)?edited|posted|published|answered|written|updated)\s+(?:on|at)|"
    r"编辑于|发布于)\s*",
    regex.IGNORECASE,
)
# a dateline of a subtitle line: `Hannover, 16.03.2015, 11:30 - 12:00 | Partner country: China`
_SUBTITLE_DATELINE_RE = regex.compile(
    r"\s*[\p{Lu}][\p{L}.'’\- ]{1,40}?(?:,\s*[\p{Lu}][\p{L}. ]{1,30}?)?,\s*(?=\d)"
)
_SUBTITLE_DATE_END_RE = regex.compile(r"\s*(?:$|[,|(]|--|—|–|-\s)")


def _subtitle_dateline(line: str) -> _DateMatch | None:
    """A short header line opening with a place and a full date (`Hannover, 16.03.2015, 11:30
    - 12:00 | ...`: a transcript's or a release's dateline above the lead); an ambiguous
    numeric date is kept for the writer's convention."""
    if len(line) > 160:
        return None
    m = _SUBTITLE_DATELINE_RE.match(line)
    if m is None:
        return None
    found = find_full_dates(line[m.end() : m.end() + 40])
    if not found or found[0].start != 0:
        return None
    d = found[0]
    if d.date is None and d.note != _AMBIGUOUS:
        return None
    if _SUBTITLE_DATE_END_RE.match(line, m.end() + d.end) is None:
        return None
    return _DateMatch(m.end() + d.start, m.end() + d.end, d.text, d.date, note=d.note)


# the lead's weekday of the news (`said on Thursday`): the text after the date line searched
_WEEKDAY_SPAN = 600


def _order_by_weekday(text: str, line: str, line_end: int, a: int, b: int, y: int):
    """('mdy' | 'dmy', why) for an ambiguous numeric date a/b/y when a weekday decides it: a
    weekday on the date's own line (`Thu 07/12/2018`) or, else, the first weekday the text
    names after it (`Gearlink said on Thursday ...`: a news story names the weekday of its
    news, the day of publication or the day before). The reading falling on that weekday wins;
    else the one falling on the day after; ('', '') when both or neither fit."""
    wm = _WEEKDAY_RE.search(line)
    where = "on the date line"
    if wm is None and line_end >= 0:
        wm = _WEEKDAY_RE.search(text, line_end, line_end + _WEEKDAY_SPAN)
        where = "named after the date"
    if wm is None:
        return "", ""
    weekday = _WEEKDAYS[wm.group(1).lower()]
    mdy, dmy = _mk_date(y, a, b), _mk_date(y, b, a)
    for shift, how in ((0, "falls on"), (1, "is the day after")):
        fit = [
            (o, d) for o, d in (("mdy", mdy), ("dmy", dmy))
            if d is not None and d.weekday() == (weekday + shift) % 7
        ]  # fmt: skip
        if len(fit) == 1:
            return fit[0][0], f"{fit[0][1]} {how} the weekday {wm.group(1)} {where}"
    return "", ""


class _Parser:
    def __init__(self, text: str, today: dt.date, body_dates: bool = False) -> None:
        self.text = text
        self.today = today
        self.body_dates = body_dates
        self.notes: list[str] = []
        self.lines = [
            _Line(m.start(), m.end(), m.group(0))
            for m in _LINE_RE.finditer(text)
            if m.group(0).strip()
        ]

    # -- helpers ----------------------------------------------------------------------------
    def _plausible(self, d: dt.date | None, what: str) -> bool:
        if d is None:
            return False
        if d < dt.date(1990, 1, 1):
            self.notes.append(f"rejected {what} {d}: before 1990")
            return False
        if d > self.today:
            self.notes.append(f"rejected {what} {d}: after today ({self.today})")
            return False
        return True

    def run(self) -> ArticleHeader:
        meta = _Meta()
        title: str | None = None
        header_dates: list[tuple[_DateMatch, str, int]] = []  # (date, role, abs offset)
        lead: tuple[int, str] | None = None  # (abs offset, text) of the lead paragraph
        header_years_text: list[str] = []
        sub_datelines: list[tuple[_DateMatch, str, int]] = []  # `Hannover, 16.03.2015, 11:30`

        self.header_end = -1  # index of the last title/metadata line of the header
        for idx, ln in enumerate(self.lines[:15]):
            info = _analyse_line(ln.text)
            if info.is_metadata:
                self.header_end = idx
                _merge(meta, info.meta)
                for d, role in info.dates:
                    header_dates.append((d, role, ln.start + d.start))
                if info.body_start is not None:
                    rest = ln.text[info.body_start :]
                    skip = len(rest) - len(rest.lstrip(" \t,:;-–—|"))
                    lead = (ln.start + info.body_start + skip, rest[skip:])
                    break
                header_years_text.append(ln.text)
                continue
            stripped = ln.text.strip()
            paragraph = len(stripped) > 250 or (
                _INTERNAL_SENTENCE_RE.search(stripped) is not None
                # a first line of a question or a colon headline that does not end like a
                # sentence is a title: `Will X hit Y by 2030? Five numbers to watch`
                and (idx > 0 or title is not None or len(stripped) > 200
                     or stripped.endswith((".", "。", "”", '"')))
            )  # fmt: skip
            if title is None and not paragraph and not _BULLET_RE.match(ln.text):
                title = stripped
                self.header_end = idx
                continue
            # (a company name's `Co., Ltd.` does not end a sentence)
            if not paragraph and (
                _BULLET_RE.match(ln.text)
                or (
                    len(stripped) <= 200
                    and (not stripped.endswith(".") or _ABBREV_END_RE.search(stripped))
                )
            ):
                # a subtitle that says when the text was delivered or issued:
                # `Delivered at the Second Session of the ... Congress on March 5, 2024`
                # or `..., Zhengzhou, January 20, 2019` (a place and the date end the line)
                if _ISSUED_RE.search(ln.text):
                    for d in find_full_dates(ln.text):
                        if d.date is None:
                            continue
                        before = ln.text[: d.start].rstrip()
                        at_end = not ln.text[d.end :].strip(" \t.,;)")
                        if before.endswith(" on") or (at_end and before.endswith(",")):
                            header_dates.append((d, "issued", ln.start + d.start))
                if not sub_datelines and (d := _subtitle_dateline(ln.text)) is not None:
                    sub_datelines.append((d, "date", ln.start + d.start))
                continue  # subtitle / summary bullet
            lead = (ln.start, ln.text)
            break

        if not header_dates and lead is not None:
            # a labelled date line just below a first line taken for the lead (`Published: 8 July
            # 2021` under a headline that reads like two sentences)
            # or a short metadata line with a date under a standfirst or an author block
            # (`Kelly Huang | Feb 10, 2026`, `Received: ... / Published: 6 May 2022`)
            for ln in self.lines[:10]:
                if ln.start <= lead[0]:
                    continue
                labelled = _LABELLED_DATE_LINE_RE.match(ln.text) is not None
                if not labelled and (
                    len(ln.text) > 120
                    or not _DIGIT_RE.search(ln.text)
                    or ln.text.upper() == ln.text  # `FOR THE SIX MONTHS ENDED 30 JUNE 2019`
                    or _PERIOD_END_RE.search(ln.text)
                ):
                    continue
                info = _analyse_line(ln.text)
                if info.is_metadata and (labelled or info.dates):
                    found = [(d, r, ln.start + d.start) for d, r in info.dates]
                    header_dates += found[:1] if labelled else found
                    break

        if not header_dates:
            header_dates = sub_datelines
        footer_dates = self._footer(meta)
        stamps, newest = self._thread_stamps()
        if stamps:
            # a time-stamped reply thread: its newest stamp, not the first or the last one
            header_dates = [x for x in header_dates if x[2] not in stamps]
            if not header_dates:
                footer_dates = newest + footer_dates

        title_years = _years(title or "", self.today)
        header_years = title_years or sorted(
            {y for t in header_years_text for y in _years(t, self.today)}
        )

        date = basis = evidence = None
        evidence_start: int | None = None

        # 1. header_line: top metadata lines first (published before updated), then the footer
        # (a manuscript's received/accepted dates come last: the article appeared later)
        # an `Event date:` (a transcript's) last; a deadline never; nor the `Date:` of an
        # event's fact block (`Date: ...` next to `Venue: ...`: an agenda or an invitation is
        # written before the event, a meeting record after it)
        rank = {"updated": 1, "received": 2}
        ordered = sorted(header_dates, key=lambda x: rank.get(x[1], 0)) + footer_dates
        ordered = [x for x in ordered if x[1] != "event"] + [x for x in ordered if x[1] == "event"]
        for d, role, off in ordered:
            if role == "event" and (r := self._self_dated()) is not None:
                # the text states its own date (`issued 8 October 2024` under `Meeting: ...`)
                date, basis, evidence, evidence_start = r
                break
            if role == "never" or self._event_block(off):
                self.notes.append(f"ignored header date {d.text!r}: not the date of the text")
                continue
            if d.date is None and d.note == _AMBIGUOUS:
                d = self._day_month_order(d, off, meta)
            if d.date is None:
                self.notes.append(f"ignored header date {d.text!r}: {d.note}")
                continue
            if self._plausible(d.date, "header date"):
                date, basis = d.date, "header_line"
                evidence, evidence_start = self._evidence_line(off, d)
                break

        if date is None and lead is not None:
            date, basis, evidence, evidence_start, dl_outlet = self._dateline(lead, header_years)
            if dl_outlet and meta.outlet is None:
                meta.outlet = dl_outlet
        if date is None:
            r = self._post_date_line()
            if r is not None:
                date, basis, evidence, evidence_start = r
        if date is None:
            r = self._self_dated()
            if r is not None:
                date, basis, evidence, evidence_start = r
        if date is None:
            r = self._closing_date(header_years)
            if r is not None:
                date, basis, evidence, evidence_start = r
        if date is None and lead is not None:
            r = self._text_dates(lead, header_years)
            if r is not None:
                date, basis, evidence, evidence_start = r
            else:
                r = self._this_year_and_month()
                if r is not None:
                    date, basis, evidence, evidence_start = r
        elif lead is not None and meta.outlet is None:
            m = _DATELINE_RE.match(lead[1])
            if m and m.group("outlet") and _name_like(m.group("outlet"), 4):
                meta.outlet = m.group("outlet").strip()

        precision = "day" if date is not None else None
        if date is None and self.body_dates:
            # 6. body: the year the body's past data give (pipeline.lib.ingest.body_dates)
            r = infer_year(self.text, self.today)
            if r is not None:
                if r.month is None:
                    date, precision = year_date(r.year, self.today), "year"
                else:
                    date, precision = dt.date(r.year, r.month, 1), "month"
                basis = "body"
                evidence, evidence_start = r.evidence, r.evidence_start
                self.notes.append(r.detail)
        if date is None:
            self.notes.append("no publication date found")
        return ArticleHeader(
            title=title,
            published_date=date,
            date_basis=basis,
            date_evidence=evidence,
            date_evidence_start=evidence_start,
            outlet=meta.outlet,
            byline=meta.byline,
            editor=meta.editor,
            detail="; ".join(self.notes),
            date_precision=precision,
        )

    def _thread_stamps(self) -> tuple[set[int], list[tuple[_DateMatch, str, int]]]:
        """The stamps (offsets) and the newest stamp of a time-stamped thread (an exchange's
        investor Q&A page, a comment thread): at least three lines made only of a full date
        and a time (`2017-09-21 16:45:02`); the page shows the thread as of its newest post."""
        stamps = []
        for ln in self.lines:
            if len(ln.text) > 40:
                continue
            m = _STAMP_LINE_RE.fullmatch(ln.text)
            if m is None:
                continue
            d = _date_at(ln.text, m.start("date"))
            if d is not None and d.date <= self.today:
                stamps.append((d.date, ln.start + m.start("date"), d))
        if len(stamps) < 3:
            return set(), []
        when, off, d = max(stamps, key=lambda x: (x[0], x[1]))
        self.notes.append(f"newest of {len(stamps)} time stamps of a reply thread")
        return {x[1] for x in stamps}, [(d, "date", off)]

    def _post_date_line(self):
        """An undated header, and the post says its date on a line of its own below the body
        (`Edited on 2025-04-07 21:14 · IP location: Jiangsu` under a Q&A community answer,
        `Posted on 2017/11/20`): a short line opening with an edit or post label and a full
        date; the first one (comments below it have their own, later dates)."""
        for ln in self.lines[self.header_end + 1 :]:
            if len(ln.text) > 100:
                continue
            m = _POST_DATE_LINE_RE.match(ln.text)
            if m is None:
                continue
            d = _date_at(ln.text, m.end())
            if d is not None and self._plausible(d.date, "post date line"):
                self.notes.append("the post's own date line below the body")
                return d.date, "header_line", ln.text[m.start() : m.end() + d.end], ln.start
        return None

    def _event_block(self, off: int) -> bool:
        """The date at `off` is the `Date:` / `Time:` of an event's fact block (an agenda, an
        invitation, a meeting record): its line starts with that label and a line next to it
        starts with `Venue:` / `Place:` / `Location:`."""
        for i, ln in enumerate(self.lines):
            if ln.start <= off < ln.end:
                if not _WHEN_LINE_RE.match(ln.text):
                    return False
                return any(_WHERE_LINE_RE.match(x.text) for x in self.lines[max(0, i - 2) : i + 3])
        return False

    def _day_month_order(self, d: _DateMatch, off: int, meta: _Meta) -> _DateMatch:
        """An ambiguous numeric date (`10/09/2018`: both parts <= 12) read by the writer's
        convention: an unambiguous numeric date elsewhere in the text with the same separator
        (`25/09/2018` -> day first); else month first for a US writer (a US time zone on the
        date line, a US outlet in the header) and day first otherwise (the order of British,
        Hong Kong, Singapore, Indian and Australian outlets, which are the ones writing numeric
        dates in English about China; Chinese outlets write year-month-day). A reading after
        `today` is dropped for the other one. The reading is recorded in `detail`."""
        m = _NUM_DATE_RE.fullmatch(d.text) or _SHORT_NUM_DATE_RE.fullmatch(d.text)
        if m is None:
            return d
        a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
        y = _full_year(int(m.group("y")))
        order, why = "", ""
        for o in _NUM_DATE_RE.finditer(self.text):
            oa, ob = int(o.group("a")), int(o.group("b"))
            if o.group("sep") == sep and oa > 12 >= ob:
                order, why = "dmy", f"as {o.group(0)!r} in the text"
                break
            if o.group("sep") == sep and ob > 12 >= oa:
                order, why = "mdy", f"as {o.group(0)!r} in the text"
                break
        if not order:
            line_start = self.text.rfind("\n", 0, off) + 1
            line_end = self.text.find("\n", off)
            line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
            head = "\n".join(ln.text for ln in self.lines[: self.header_end + 2])
            order, why = _order_by_weekday(self.text, line, line_end, a, b, y)
            if order:
                pass
            elif sep == ".":
                order, why = "dmy", "a dotted date: the day-first convention (US dates use slashes)"
            elif (
                _US_ZONE_RE.search(line)
                or _US_OUTLET_RE.search(head)
                or (meta.outlet and _US_OUTLET_RE.search(meta.outlet))
            ):
                order, why = "mdy", "a US writer (time zone or outlet)"
            else:
                order, why = "dmy", "no US writer: the day-first convention"
        first = _mk_date(y, b, a) if order == "dmy" else _mk_date(y, a, b)
        other = _mk_date(y, a, b) if order == "dmy" else _mk_date(y, b, a)
        date = first
        if first is not None and first > self.today and other is not None and other <= self.today:
            date, why = other, why + "; the other reading, the first is after today"
        self.notes.append(f"ambiguous numeric date {d.text!r} read as {date} ({why})")
        return _DateMatch(d.start, d.end, d.text, date, note="")

    def _self_dated(self):
        """2a. An undated header, but the text states its own date: a self-dating sentence
        (`This prospectus is dated 29 June 2021.`: `text_date`), a labelled publication date
        in the header lines or in an `About this report` block (`Reporting period: ...
        Publication date: 29 April 2022`: `header_line`), or a short line of the header
        region ending with `issued 8 October 2024` (a record's status line; a `Meeting:` date
        on another line is the meeting's, never taken). A future `to be issued` never counts."""
        m = _SELF_DATED_RE.search(self.text)
        if m is not None:
            d = _date_at(self.text, m.end())
            if d is not None and self._plausible(d.date, "self-dating sentence"):
                self.notes.append("the text states its own date")
                return d.date, "text_date", self.text[m.start() : m.end() + d.end], m.start()
        about: set[int] = set()
        for i, ln in enumerate(self.lines):
            if _ABOUT_HEADING_RE.match(ln.text):
                about.update(range(i, i + 4))
        for i, ln in enumerate(self.lines):
            if i >= 15 and i not in about:
                continue
            for lm in _PUBLICATION_LABEL_RE.finditer(ln.text):
                d = _date_at(ln.text, lm.end())
                if d is not None and self._plausible(d.date, "labelled publication date"):
                    self.notes.append("labelled publication date below the header")
                    ev = ln.text[lm.start() : lm.end() + d.end]
                    return d.date, "header_line", ev, ln.start + lm.start()
        for ln in self.lines[:15]:
            if len(ln.text) > 160 or _FUTURE_RE.search(ln.text):
                continue
            for vm in _ISSUED_AT_END_RE.finditer(ln.text):
                d = _date_at(ln.text, vm.end())
                if d is None or ln.text[vm.end() + d.end :].strip(" \t.;,)"):
                    continue
                if self._plausible(d.date, "issued date"):
                    self.notes.append("issue date of the record on a header line")
                    ev = ln.text[vm.start() : vm.end() + d.end]
                    return d.date, "header_line", ev, ln.start + vm.start()
        return None

    def _closing_date(self, header_years: list[int]):
        """2b. An undated header, but the closing lines say when the text was finished
        (`This note was ... finalized on April 2, 2019.`, `(Reporting by ...; Editing by ...,
        March 3)`): a completion verb (or a reporting/editing credit) followed within a few
        words by a full date; a month/day without year takes the one title/header year. The
        basis is `text_date` (full date) or `inferred` (year from the header)."""
        first = max(len(self.lines) - 3, self.header_end + 1)
        for ln in reversed(self.lines[first:]):
            s = ln.text
            for d in find_full_dates(s) + find_month_days(s):
                vm = _CLOSING_VERB_RE.search(s[max(0, d.start - 80) : d.start])
                if vm is None:
                    continue
                ev_start = max(0, d.start - 80) + vm.start()
                if d.date is not None:
                    if self._plausible(d.date, "closing-line date"):
                        self.notes.append("date from the closing lines (no header date)")
                        return d.date, "text_date", s[ev_start : d.end], ln.start + ev_start
                elif d.month is not None:
                    got = self._with_year(d, header_years, "closing-line month/day")
                    if got is not None:
                        self.notes.append("date from the closing lines (no header date)")
                        return got, "inferred", s[ev_start : d.end], ln.start + ev_start
        return None

    def _evidence_line(self, off: int, d: _DateMatch) -> tuple[str, int]:
        """The date with the label just before it (`date 2022-09-11`, `Updated 11:32, ...`), or
        with the whole line prefix when that is a short name (`Seetao 2021.01.27`)."""
        line_start = self.text.rfind("\n", 0, off) + 1
        prefix = self.text[line_start:off]
        lm = _EVIDENCE_LABEL_RE.search(prefix)
        if lm:
            start = line_start + lm.start()
        elif _FORUM_POST_RE.match(prefix):  # `by mk_servo » Tue Jun 03, 2014`
            start = line_start + len(prefix) - len(prefix.lstrip())
        elif prefix.strip() and len(prefix) < 40 and _name_like(prefix, 4):
            start = line_start + len(prefix) - len(prefix.lstrip())
        else:
            start = off
        return self.text[start : off + len(d.text)], start

    def _footer(self, meta: _Meta) -> list[tuple[_DateMatch, str, int]]:
        out: list[tuple[_DateMatch, str, int]] = []
        first = max(len(self.lines) - 3, self.header_end + 1)
        tail_lines = self.lines[first:]
        for ln in tail_lines:
            candidates = [(ln.start, ln.text)]
            # a footer glued to the last sentence: "... Thank you.Editor  / Liu Lu"
            gm = _GLUED_FOOTER_RE.search(ln.text[-160:])
            if gm:
                cut = len(ln.text) - len(ln.text[-160:]) + gm.end()
                candidates.append((ln.start + cut, ln.text[cut:]))
            for start, s in candidates:
                if len(s) > 200:
                    continue
                info = _analyse_line(s)
                if info.is_metadata and info.body_start is None:
                    _merge(meta, info.meta)
                    out += [(d, role, start + d.start) for d, role in info.dates]
                    break
        return out

    def _dateline(self, lead: tuple[int, str], years: list[int]):
        off, s = lead
        m = _DATELINE_RE.match(s)
        outlet = None
        if m:
            place = m.group("place").strip()
            caps_place = place.upper() == place and any(c.isalpha() for c in place)
            has_outlet = m.group("outlet") is not None
            # a place in title case is a dateline when an outlet or a full date with its year
            # is followed by the dash (`Hong Kong, 20 August 2024 -- China Telecom ...`)
            # (a single hyphen too when spaced and every word of the place is capitalised:
            # `Taicang, Jan. 15th, 2026 - Hessler ...`, not `By then, Sept. 11th, 2022 - ...`)
            dash = m.group("dash") in ("--", "—", "–") or (
                m.group("dash") == "-"
                and s[m.start("dash") - 1 : m.end("dash") + 1] == " - "
                and all(w[:1].isupper() for w in place.split())
            )
            full_dash = dash and _YEAR_ALONE_RE.search(m.group("date"))
            if caps_place or (has_outlet and m.group("dash")) or full_dash:
                if has_outlet and _name_like(m.group("outlet"), 4):
                    outlet = m.group("outlet").strip()
                dtext = m.group("date")
                full = find_full_dates(dtext)
                ev_start = off + m.start("place")
                evidence = s[m.start("place") : m.end()].rstrip(" -–—:")
                if full and full[0].date is not None:
                    if self._plausible(full[0].date, "dateline date"):
                        return full[0].date, "dateline", evidence, ev_start, outlet
                    return None, None, None, None, outlet
                md = find_month_days(dtext)
                if md:
                    d = self._by_weekday(md[0], s) or self._with_year(md[0], years, "dateline")
                    if d is not None:
                        return d, "inferred", evidence, ev_start, outlet
                return None, None, None, None, outlet
        # a wire dateline of an agency: `Lanford Ratings-Hong Kong-05 December 2024:`
        wm = _WIRE_DATELINE_RE.match(s)
        if wm and _name_like(wm.group("outlet"), 4):
            d = _date_at(s, wm.end())
            if d is not None and _WIRE_END_RE.match(s, wm.end() + d.end):
                if self._plausible(d.date, "wire dateline date"):
                    ev_start = off + wm.start("outlet")
                    evidence = s[wm.start("outlet") : wm.end() + d.end]
                    return d.date, "dateline", evidence, ev_start, wm.group("outlet").strip()
                return None, None, None, None, outlet
        cm = _CJK_DATELINE_RE.match(s)
        if cm:
            md = find_month_days(cm.group("date"))
            if md:
                d = self._with_year(md[0], years, "dateline")
                if d is not None:
                    ev = s[cm.start() : cm.end()].strip()
                    return d, "inferred", ev, off + s.index(ev), cm.group("outlet")
        return None, None, None, None, outlet

    def _with_year(self, md: _DateMatch, years: list[int], what: str) -> dt.date | None:
        if len(years) != 1:
            self.notes.append(
                f"{what} {md.text!r} has no year and the header gives "
                + ("none" if not years else f"several ({', '.join(map(str, years))})")
            )
            return None
        assert md.month is not None and md.day is not None
        d = _mk_date(years[0], md.month, md.day)
        if d is not None and self._plausible(d, f"{what} with header year"):
            self.notes.append(f"year {years[0]} from the title/header")
            return d
        return None

    def _by_weekday(self, md: _DateMatch, lead: str) -> dt.date | None:
        """A dateline without a year (`BEIJING, Jan. 18 (Xinhua) --`) whose lead names the
        weekday (`... the ministry said Wednesday`): the one year, among the years the text
        mentions and the year after each, in which that month/day falls on that weekday."""
        wm = _WEEKDAY_RE.search(lead)
        if wm is None or md.month is None or md.day is None:
            return None
        weekday = _WEEKDAYS[wm.group(1).lower()]
        mentioned = set(_years(self.text, self.today))
        candidates = {y + k for y in mentioned for k in (0, 1)}
        fits = sorted(
            y
            for y in candidates
            if (d := _mk_date(y, md.month, md.day)) is not None
            and d.weekday() == weekday
            and dt.date(1990, 1, 1) <= d <= self.today
        )
        if len(fits) > 1 and mentioned:
            # a report is not older than the latest year it speaks of (target and forecast
            # years are not in `mentioned`): `Jan. 21 ... Tuesday` fits 2020 and 2025, and
            # the text reports `for the whole of 2024` -> 2025
            later = [y for y in fits if y >= max(mentioned)]
            if len(later) == 1:
                self.notes.append(
                    f"dateline {md.text!r}: the weekday {wm.group(1)} fits years {fits}; "
                    f"{later[0]} is the one not before the latest year the text reports on"
                )
                fits = later
        if len(fits) != 1:
            self.notes.append(
                f"dateline {md.text!r}: the weekday {wm.group(1)} fits "
                + (f"years {fits}" if fits else "no year the text mentions")
            )
            return None
        self.notes.append(f"year {fits[0]} from the weekday {wm.group(1)} in the lead")
        return _mk_date(fits[0], md.month, md.day)

    def _this_year_and_month(self):
        """5. An undated text that names an event of a known year as happening `this year`
        (`The 2023 World Intelligence Expo, held this year in Tianjin, ...`) and reports data
        `as of` a month without a year (`as of mid-December`): the article is from that year,
        no earlier than the data date (mid-month: the 15th; early: the 10th; else the month's
        last day). Both are required; the basis is `inferred` with both phrases as evidence."""
        years: set[int] = set()
        ev_year = None
        for m in _THIS_YEAR_RE.finditer(self.text):
            a = max(self.text.rfind(".", 0, m.start()), self.text.rfind("\n", 0, m.start())) + 1
            ends = [
                i for i in (self.text.find(". ", m.end()), self.text.find("\n", m.end())) if i >= 0
            ]
            sent = self.text[a : min(ends) if ends else len(self.text)]
            found = _event_name_years(sent, self.today)
            if found:
                years.update(found)
                ev_year = ev_year or (a, sent.strip()[:120])
        if len(years) != 1 or ev_year is None:
            return None
        year = years.pop()
        months = [m for m in _AS_OF_MONTH_RE.finditer(self.text)]
        if not months:
            return None
        m = max(months, key=lambda x: _month_of(x.group("month")))
        month = _month_of(m.group("month"))
        when = (m.group("when") or "").lower()
        day = 15 if when.startswith("mid") else 10 if when.startswith("early") else 0
        if day == 0:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            d = nxt - dt.timedelta(days=1)
        else:
            d = _mk_date(year, month, day)
        if d is None or not self._plausible(d, "text year and month"):
            return None
        self.notes.append(f"year {year} from an event held this year; month from {m.group(0)!r}")
        return d, "inferred", f"{ev_year[1]} | {m.group(0)}", ev_year[0]

    def _text_dates(self, lead: tuple[int, str], title_years: list[int]):
        off, para = lead
        sentences = []
        pos = 0
        for part in _split_sentences(para)[:1]:
            i = para.index(part, pos)
            sentences.append((i, part))
            pos = i + len(part)
        for s_off, sent in sentences:
            events = _EVENT_VERB_RE.search(sent) is not None
            future = _FUTURE_RE.search(sent) is not None
            for d in find_full_dates(sent):
                if d.date is None or not _introduced(sent, d.start):
                    continue
                if not events or future:
                    continue
                if self._plausible(d.date, "text date"):
                    ev_start = _with_on(sent, d.start)
                    return d.date, "text_date", sent[ev_start : d.end], off + s_off + ev_start
            for md in find_month_days(sent):
                if not _introduced(sent, md.start) or not events or future:
                    continue
                if _range_follows(sent, md.end):
                    continue
                years = title_years or _event_name_years(sent, self.today)
                d = self._with_year(md, years, "text month/day")
                if d is not None:
                    ev_start = _with_on(sent, md.start)
                    return d, "inferred", sent[ev_start : md.end], off + s_off + ev_start
                return None
        return None


_DOC_NOUN = (
    r"(?:prospectus|report|document|circular|notice|announcement|letter|statement|paper|"
    r"memorandum|supplement|note|release|brief(?:ing)?|bulletin|submission|response|reply|"
    r"filing|presentation|study|guide|booklet|minutes|edition|version|update|proposal)"
)
# `This prospectus is dated 29 June 2021.`, `This Offering Circular is dated ...`
_SELF_DATED_RE = regex.compile(
    r"\b[Tt]his\s+(?:[\p{L}-]+\s+){0,3}?" + _DOC_NOUN + r"\s+(?:is|was)\s+dated\s+(?:as\s+of\s+)?",
    regex.IGNORECASE,
)
# `About this Report`, `About this document` (a report's front-matter block)
_ABOUT_HEADING_RE = regex.compile(
    r"^\s*about\s+(?:this|the)\s+(?:[\p{L}-]+\s+){0,2}?" + _DOC_NOUN + r"s?\s*[:：]?\s*$",
    regex.IGNORECASE,
)
_PUBLICATION_LABEL_RE = regex.compile(
    r"\b(?:publication\s+date|date\s+of\s+(?:publication|issue)|issue\s+date)\s*[:：]\s*",
    regex.IGNORECASE,
)
# a status line of a record: `Approved by written procedure; issued 8 October 2024`
_ISSUED_AT_END_RE = regex.compile(
    r"(?<!\bto\s+be\s)(?<!\bbe\s)\b(?:issued|published|released|circulated)\s+(?:on\s+)?",
    regex.IGNORECASE,
)


def _date_at(s: str, pos: int) -> _DateMatch | None:
    """The full date (with year) starting at s[pos] (rebased to pos), or None."""
    found = find_full_dates(s[pos : pos + 40])
    if found and found[0].start == 0 and found[0].date is not None:
        return found[0]
    return None


# the closing line says when the text was finished: `finalized on`, `completed in`, a
# `(Reporting by X; Editing by Y` credit; the date must follow within a few words
_CLOSING_VERB_RE = regex.compile(
    r"(?:\b(?:finali[sz]ed|completed|prepared|written|drafted|revised|compiled|dated|"
    r"last\s+(?:updated|edited|modified|reviewed))\s+(?:on\s+|as\s+of\s+)?(?:\p{L}+\s+){0,2}?|"
    r"\b(?:reporting|editing|edited)\s+by\b[^()\n]{0,60}?[,;]\s*)$",
    regex.IGNORECASE,
)
_THIS_YEAR_RE = regex.compile(r"\bthis\s+year\b", regex.IGNORECASE)
# `as of mid-December`, `by the end of November`: a data date without a year
_AS_OF_MONTH_RE = regex.compile(
    r"\b(?:as\s+of|as\s+at|by|until|through)\s+(?:the\s+)?(?P<when>mid-?|early\s+|late\s+|"
    r"end\s+of\s+)?(?P<month>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b(?!,?\s*(?:\d{1,2},?\s*)?(?:19|20)\d{2})",
    regex.IGNORECASE,
)
# the participle of a subtitle that dates the text (`Delivered at ... on March 5, 2024`)
_ISSUED_RE = regex.compile(
    r"^[\s\-–—•·*]*(?:delivered|issued|released|published|adopted|promulgated|presented|given|signed|"
    r"made)\b",
    regex.IGNORECASE,
)

# a date that ends a reporting period, not the date of the text
_PERIOD_END_RE = regex.compile(r"\b(?:ended|ending|as\s+(?:at|of))\b", regex.IGNORECASE)
_LABELLED_DATE_LINE_RE = regex.compile(
    r"^\s*(?:published|posted|date[d]?|release\s+date|issued)(?:\s+on)?\s*[:：]?\s*(?:\d|\p{Lu}\p{Ll}{2})",
    regex.IGNORECASE,
)

# an event's fact block: `Date: Friday, 17 October 2025` next to `Venue: Hall B2`
_WHEN_LINE_RE = regex.compile(r"\s*(?:date|time|when)\s*[:：]", regex.IGNORECASE)
_WHERE_LINE_RE = regex.compile(
    r"\s*(?:venue|place|location|address|where)\s*[:：]", regex.IGNORECASE
)

_WEEKDAYS = {
    name: i
    for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
# `said Wednesday`, `showed Thursday`, `on Monday` (not `last Monday`: that is another day)
_WEEKDAY_RE = regex.compile(
    r"(?<!\blast\s)(?<!\bnext\s)\b(" + "|".join(_WEEKDAYS) + r")\b", regex.IGNORECASE
)


def _split_sentences(para: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(para):
        piece = para[start : m.start()]
        if _ABBREV_END_RE.search(piece):
            continue
        out.append(piece)
        start = m.end()
    out.append(para[start:])
    return [p for p in out if p.strip()]


def _introduced(sent: str, start: int) -> bool:
    """The date is introduced by `on` or opens the sentence (possibly after `News`)."""
    before = sent[:start]
    if _ON_BEFORE_RE.search(before):
        return True
    return _NEWS_OPENING_RE.fullmatch(before) is not None


def _with_on(sent: str, start: int) -> int:
    m = _ON_BEFORE_RE.search(sent[:start])
    return m.start() if m else start


def _range_follows(sent: str, end: int) -> bool:
    return _RANGE_FOLLOWS_RE.match(sent[end:]) is not None


# a forecast or target year (`to connect 50 million devices by 2025`, `goals for 2030`, `the
# 2025 target`): not the year the text was written in
_TARGET_YEAR_BEFORE = regex.compile(
    r"(?:\b(?:by|until|till|before|through|for|in|to)\s+(?:the\s+end\s+of\s+)?|"
    r"\b(?:end|year)\s+of\s+)$",
    regex.IGNORECASE,
)
_TARGET_WORDS_RE = regex.compile(
    r"\b(?:will|to\s+(?:reach|hit|top|exceed|connect|build|have|cut|double)|aims?|aiming|"
    r"target|targets|goals?|plans?|expected|forecast|projected|vision|outlook)\b",
    regex.IGNORECASE,
)
_TARGET_YEAR_AFTER = regex.compile(r"\s*(?:targets?|goals?|vision|outlook)\b", regex.IGNORECASE)
# `Original title: ...`: the title of the source text, not of this one
_ORIGINAL_TITLE_RE = regex.compile(r"^\W*original\s+(?:title|headline)\s*:", regex.IGNORECASE)


def _target_year(s: str, start: int, end: int) -> bool:
    """The year at s[start:end] is a forecast or target year: `by 2025`, `2030 goals`, or
    `in 2025` in a text speaking of plans or expectations (`will`, `aims`, `expected`)."""
    if _TARGET_YEAR_AFTER.match(s, end):
        return True
    if _TARGET_YEAR_BEFORE.search(s[max(0, start - 24) : start]) is None:
        return False
    # the sentence around the year speaks of plans or expectations (`by the end of 2022` in a
    # report of what was built is a past year)
    a = max(s.rfind(".", 0, start), s.rfind("\n", 0, start)) + 1
    ends = [i for i in (s.find(". ", end), s.find("\n", end)) if i >= 0]
    return _TARGET_WORDS_RE.search(s, a, min(ends) if ends else len(s)) is not None


def _years(s: str, today: dt.date) -> list[int]:
    """Distinct plausible years in s that are not part of a year range, nor forecast or target
    years (`China to connect 50 million devices by 2025` is no evidence of when it was written),
    nor those of an `Original title:` line."""
    if _ORIGINAL_TITLE_RE.match(s):
        return []
    ys = set()
    for m in _YEAR_ALONE_RE.finditer(s):
        if _target_year(s, m.start("y"), m.end("y")):
            continue
        y = int(m.group("y"))
        if 1990 <= y <= today.year:
            ys.add(y)
    return sorted(ys)


def _event_name_years(sent: str, today: dt.date) -> list[int]:
    """Years used as part of an event name: `the 2022 Global ... Conference`, `2022's`."""
    ys = set()
    for m in _EVENT_YEAR_RE.finditer(sent):
        y = int(m.group(1))
        if 1990 <= y <= today.year:
            ys.add(y)
    return sorted(ys)

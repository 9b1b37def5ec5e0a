"""Plain-text tables: the cells of figures laid out in rows and columns.

`find_cells(text)` finds table blocks in a text and returns one `Cell` per figure, with its row
label, column head, unit and scale, period and status. A block is a header row followed by data
rows (at most MAX_ROWS lines, each at most MAX_LINE_CHARS characters), in one of four layouts:

- aligned columns: cells separated by two or more spaces (`Total Imports   31,260   33,870`);
- tab-separated lines;
- Markdown pipe tables (`| Item | 2019 | 2020 |`, the `|---|` line skipped);
- CSV previews: comma-separated fields without spaces after the commas, every row as wide as
  the header (`district,year,invest_amt` / `Kunshan,2025,236.7`); a snake_case head takes its
  description from a data dictionary line above (`6  invest_amt  Decimal  Project investment,
  100 million yuan`), and a CSV's unmarked years are records (actual).

The time axis is either the header row (`2017  2018  2019 (estimated)`, `2019A 2020E 2021F`,
`Q1 2021`, `1H20`) with a label in each data row's first cell, or the first cell of each data row
(a year or a quarter) with the measure in the column heads, or a time column that is not the
first (`Period` / `Jan-Jun`, `year` / `2025`: each row's own time, months without a year in the
caption's or the publication year). Numbers in the first column and in
the header row are never cells. The status comes from the time head: `E`, `est.`, `estimated` =
estimate; `F`, `forecast`, `projected` = forecast; `target`, `plan`, `goal` = target; `A`,
`actual` or nothing = actual (a bare year after the publication year = forecast).

The unit of a cell is, first found: a `%` in the cell; the unit in its column head (`YoY %`,
`Revenue (RMB bn)`); the unit in its row label (`Revenue (RMB mn)`, `5G base stations ('000)`,
`Output (10,000 tonnes)`); its row's cell in a `Unit` column (`RMB 100 million`, `tce`); a
unit line or caption just above the table (`Unit: USD millions`, `(in 100 million yuan)`, `RMB
bn`). A cell without any unit is a count when its label holds a plural noun (its last one
before a preposition or an `of`: `Platforms of national influence` counts platforms), or the
unit cell does (`10,000 units`), or the label names an index (`PMI`, without a noun), else it is
not read (the extractor's reading stands). `Table.title` is the caption's subject (`Table 3-1
Added value of ..., 2019-2022`), for the indicator of bare labels.

Cost: one regex search over the text (`_HINT`: a number, a wide gap or a tab or a pipe, another
number; or a word cell between wide gaps before the number; or a CSV pair) decides whether a text can hold a table at all; only then are its lines split, once each.
Longer blocks than MAX_ROWS are not tables (a data dump: prose.py sets those aside).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.metadata.units import UNITS, normalise

from .casefold import fold

MAX_ROWS = 60
MAX_COLS = 16
MAX_CELLS = 400  # cells read per text: the rest of a data dump is left to the extractor
MAX_LINE_CHARS = 240
CAPTION_LINES = 3  # non-blank lines above the header searched for a unit line

# a number, then a wide gap, a tab or a pipe, then another number (or a year head): a row of a
# table; a number, a short word cell between wide gaps and a number (`59,000    Jan-Jun    +52.2%`);
# or a number, a comma and a number that is not three digits (`2025,2987`, `1318,236.7`: a CSV
# row, never a thousands separator), or a year field before a comma and a number (`2022,988.0`)
_HINT = re.compile(
    r"\d(?:%?\)?[*_]*(?: {2,}|[ ]*[\t|][ \t|]*)[*_]*[-+\u2212(]?\d"
    r"|%?(?: {2,}|\t)[A-Za-z][\w./-]{0,15}(?: {2,}|\t)[-+\u2212(]?\d"
    r"|,(?:(?!\d{3}(?!\d))|(?<=(?<![\d.])(?:19|20)\d\d,))[-+]?\d)"
)
# a cell: non-blank characters with single spaces inside; two spaces, a tab or a pipe end it
_CELL = re.compile(r"[^\s|](?:[^\S\n\t|]?[^\s|])*")
_NUMBER = re.compile(
    r"(?P<sign>[-+\u2212])?(?P<paren>\()?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?(paren)\))(?P<pct>\s?%)?"
)
_PLACEHOLDER = re.compile(r"(?:-+|\u2013|\u2014|n/?a|N/?A|\.\.+|\*|/|x)")
_SEPARATOR_ROW = re.compile(r"[\s|:+=-]+")

_STATUS_WORDS = (
    (re.compile(r"\b(?:est(?:imated?|\.)?|estimates?|prelim(?:inary)?|e)\b", re.I), "estimate"),
    (
        re.compile(r"\b(?:forecasts?|projected|projections?|expected|outlook|f|p)\b", re.I),
        "forecast",
    ),
    (re.compile(r"\b(?:targets?|plan(?:ned)?|goals?|t)\b", re.I), "target"),
    (re.compile(r"\b(?:actual|a)\b", re.I), "actual"),
)
_YEAR = re.compile(
    r"(?<![\d.])(?:FY|CY)?\s?'?(?P<y>(?:19|20)\d\d)(?P<suf>[AEFPTB]|[AEF]\b)?(?![\d.,])"
)
_YEAR2 = re.compile(
    r"(?<![\d.])(?:FY|CY)'?(?P<y>\d\d)(?P<suf>[AEFPT])?\b|(?<![\d.])(?P<y2>\d\d)(?P<suf2>[AEF])\b"
)
_QUARTER = re.compile(
    r"\b(?:Q(?P<q1>[1-4])\s*(?:FY)?'?(?P<y1>(?:19|20)?\d\d)|(?P<y2>(?:19|20)\d\d)\s*-?Q(?P<q2>[1-4])"
    r"|(?P<h1>[12])H\s*'?(?P<y3>(?:19|20)?\d\d)|H(?P<h2>[12])\s*'?(?P<y4>(?:19|20)?\d\d))"
    r"(?P<suf>[AEF])?\b",
    re.I,
)

_SCALES = (
    (re.compile(r"100\s*million|hundred[\s-]million|100m\b", re.I), 1e8),
    (re.compile(r"10,?000|ten[\s-]thousand|10\s*thousand|10k\b", re.I), 1e4),
    (re.compile(r"\btrillions?\b|\btn\b|\btrn\b", re.I), 1e12),
    (re.compile(r"\bbillions?\b|\bbn\b|\bbln\b", re.I), 1e9),
    (re.compile(r"\bmillions?\b|\bmn\b|\bmln\b|\bmil\b|\bm\b", re.I), 1e6),
    (re.compile(r"\bthousands?\b|'000s?|\(000s?\)|\bk\b", re.I), 1e3),
)
_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent(?:age)?\b", re.I)
_POINTS = re.compile(r"\bpp\b|\bppts?\b|percentage points?", re.I)
_UNIT_LINE = re.compile(r"^\s*[(\[]?\s*(?:units?|currency|in)\b\s*[:：]?", re.I)
# a unit label at the right of a caption line, after a wide gap or a separator
_UNIT_TAIL = re.compile(
    r"(?:[ \t]{2,}|\t|[;|][ \t]*)(?:units?|currency)[ \t]*[:：][ \t]*(.{1,40})$", re.I
)
_BRACKET = re.compile(r"\(([^()]{1,40})\)|\[([^\[\]]{1,40})\]")
_CAPTION = re.compile(r"(?:Table|Figure|Fig\.|Chart|Exhibit|Source)\b", re.I)
_SENTENCE = re.compile(r"[.!?]\s|[.!?]$|\d\s+[a-z]")
_WORDISH = re.compile(r"[A-Za-z]{3,}")
_PLURAL = re.compile(r"\b([A-Za-z][a-z-]*[a-rt-z]s)\b")


def _surface_literals() -> list[tuple[str, str, bool]]:
    """(surface form, unit code, case-sensitive) of every unit, longest first."""
    forms: list[tuple[str, str, bool]] = []
    for u in UNITS:
        if u.kind in ("ratio", "multiplier", "count", "temperature"):
            continue
        forms += [(s, u.code, False) for s in u.suffixes]
        forms += [(s, u.code, True) for s in u.suffix_cs + u.prefixes]
    forms.sort(key=lambda f: -len(f[0]))
    return forms


def _form_re(s: str, cs: bool) -> re.Pattern[str]:
    lead = r"(?<![A-Za-z])" if s[0].isalpha() else ""
    tail = r"(?![A-Za-z])" if s[-1].isalpha() else ""
    return re.compile(lead + re.escape(s) + tail, 0 if cs else re.I)


def _surface_forms() -> list[tuple[re.Pattern[str], str]]:
    """Every form's pattern, in the order they are tried (the plain form of `parse_unit`'s
    loop, kept for tests/test_speed_equivalence.py)."""
    return [(_form_re(s, cs), code) for s, code, cs in _surface_literals()]


# Per form, in order: [pattern (None until first needed), unit code, literal every match contains
# (None: no pre-test), folds (the literal is looked for in `casefold.fold` of the text, as `re.I`
# sees it), form, case-sensitive]. Most forms' literal is absent from a label, so their pattern
# is neither compiled (about 300 patterns: a quarter of a second) nor run.
_FORMS: list[list] | None = None


def _forms() -> list[list]:
    out = []
    for s, code, cs in _surface_literals():
        if cs:
            out.append([None, code, s, False, s, cs])
        elif s.isascii():
            out.append([None, code, s.lower(), True, s, cs])
        else:  # a non-ASCII form under re.I: always searched
            out.append([None, code, None, False, s, cs])
    return out


def _form_code(rest: str) -> str | None:
    """The unit code of the first surface form (longest first) found in `rest`, or None."""
    global _FORMS
    if _FORMS is None:
        _FORMS = _forms()
    low = None
    for form in _FORMS:
        pat, code, literal, folds, s, cs = form
        if literal is not None:
            if folds:
                if low is None:
                    low = fold(rest)
                if literal not in low:
                    continue
            elif literal not in rest:
                continue
        if pat is None:
            pat = form[0] = _form_re(s, cs)
        if pat.search(rest):
            return code
    return None


@dataclass(frozen=True, slots=True)
class UnitSpec:
    code: str  # a unit code of units.py (before normalisation), `percent`, or `count`
    scale: float


@lru_cache(maxsize=4096)  # a pure function of a short label: tables repeat their unit lines
def parse_unit(s: str) -> UnitSpec | None:
    """The unit and scale a table label, head or unit line names: `USD millions` -> (USD, 1e6),
    `(in 100 million yuan)` -> (CNY, 1e8), `('000)` -> (count, 1e3), `YoY %` -> (percent, 1)."""
    if _POINTS.search(s):
        return UnitSpec("percentage_point", 1.0)
    if _PERCENT.search(s):
        return UnitSpec("percent", 1.0)
    scale = 1.0
    rest = s
    for pat, factor in _SCALES:
        m = pat.search(rest)
        if m:
            scale = factor
            rest = rest[: m.start()] + " " + rest[m.end() :]
            break
    code = _form_code(rest)
    if code is not None:
        return UnitSpec(code, scale)
    if scale != 1.0:
        return UnitSpec("count", scale)
    return None


def _label_unit(label: str) -> UnitSpec | None:
    """The unit in brackets in a row label or head (`Revenue (RMB mn)`), or after a comma."""
    for m in _BRACKET.finditer(label):
        u = parse_unit(m.group(1) or m.group(2))
        if u is not None:
            return u
    if "%" in label:
        return UnitSpec("percent", 1.0)
    if "," in label:  # the last comma before a space, not one inside `10,000 yuan`
        return parse_unit(label.rsplit(", " if ", " in label else ",", 1)[1])
    return None


@dataclass(frozen=True, slots=True)
class Time:
    year: int
    part: str | None
    status: str | None  # None: not said


def _status(s: str) -> str | None:
    for pat, status in _STATUS_WORDS:
        if pat.search(s):
            return status
    return None


_SUFFIX = {"A": "actual", "E": "estimate", "F": "forecast", "P": "forecast", "T": "target"}


def parse_time(s: str) -> Time | None:
    """A column or row head that names a time: `2019`, `2019 (estimated)`, `2020E`, `FY21F`,
    `Q1 2021`, `2021Q1`, `1H20`. None otherwise."""
    s = s.strip()
    if len(s) > 30:
        return None
    m = _QUARTER.search(s)
    if m:
        y = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if m.group("q1") or m.group("q2"):
            part = "Q" + (m.group("q1") or m.group("q2"))
        else:
            part = "H" + (m.group("h1") or m.group("h2"))
        suf = m.group("suf")
        rest = s[: m.start()] + s[m.end() :]
        return Time(year, part, _SUFFIX.get(suf.upper()) if suf else _status(rest))
    m = _YEAR.search(s)
    if m:
        year, suf = int(m.group("y")), m.group("suf")
    else:
        m = _YEAR2.search(s)
        if not m:
            return None
        year = 2000 + int(m.group("y") or m.group("y2"))
        suf = m.group("suf") or m.group("suf2")
    rest = s[: m.start()] + s[m.end() :]
    if _WORDISH.search(rest) and _status(rest) is None:
        return None  # a label that holds a year (`2019 revenue`), not a time head
    return Time(year, None, _SUFFIX.get(suf.upper()) if suf else _status(rest))


@dataclass(frozen=True, slots=True)
class Cell:
    start: int  # span of the figure as written (sign, number, `%`)
    end: int
    quote: str
    value: float  # scaled, in the base unit of `unit`
    unit: str  # a stored unit code (`USD`, `t`, `percent`, `count`)
    counted: str | None
    row_label: str
    col_head: str
    measure: (
        str  # what the figure is of: the row label (with a head that is not a time), or the head
    )
    year: int
    part: str | None
    status: str  # actual | estimate | forecast | target


@dataclass(frozen=True, slots=True)
class Table:
    start: int  # first header line to the end of the last data row
    end: int
    # what the table's reading replaces: the header line, the unit line read for it, the label
    # and the cells of the rows read (other cells of the block are left to the extractor)
    spans: tuple[tuple[int, int], ...]
    cells: tuple[Cell, ...]
    # what the caption line above says the table is of (`Added value of China's industrial
    # internet industry` from `Table 3-1  Added value of ..., 2019-2022`), or ""
    title: str = ""


_QUOTED = re.compile(r'"[^"\n]*"')
# a CSV field: quoted (`"Suzhou, Jiangsu"`, `"1,234"`) or plain, up to the next comma
_CSV_FIELD = re.compile(r'[ ]*"(?P<q>[^"\n]*)"[ ]*(?=,|$)|(?P<p>[^,]*)')


def _is_csv(line: str) -> bool:
    """A line of comma-separated fields (no pipe, tab or wide gap; no space after a comma
    outside a quoted field)."""
    if '"' in line:
        line = _QUOTED.sub("Q", line)
    return (
        "|" not in line
        and "\t" not in line
        and "  " not in line.strip()
        and line.count(",") >= 2
        and ", " not in line
        and " ," not in line
        and '"' not in line
    )


def _split_csv(line: str, base: int) -> list[tuple[int, int, str]] | None:
    """The fields of a CSV line as cells (an empty field is an empty cell, so that fields stay
    under their heads), or None when it has too many fields or a field is prose."""
    cells = []
    line = line.rstrip()
    pos = 0
    while pos <= len(line):
        m = _CSV_FIELD.match(line, pos)
        if m.group("q") is not None:  # the quoted text, without its quotes
            a, b = m.span("q")
        else:
            field = m.group("p")
            a = pos + len(field) - len(field.lstrip())
            b = pos + len(field.rstrip())
            b = max(a, b)
        if b - a > 60 or len(cells) > MAX_COLS + 1:
            return None
        cells.append((base + a, base + b, line[a:b]))
        pos = m.end() + 1  # past the comma
    if len(cells) < 3 or len(cells) > MAX_COLS + 1:
        return None
    return cells


def _split(line: str, base: int) -> list[tuple[int, int, str]] | None:
    """The cells of one line as (start, end, text), or None when it is not a table line."""
    if "|" in line:
        if line.count("|") < 2:
            return None
    elif "\t" not in line and "  " not in line.strip():
        return _split_csv(line, base) if _is_csv(line) else None
    cells = []
    for m in _CELL.finditer(line):
        cell = m.group(0)
        bare = cell.strip("*_")  # Markdown emphasis: `**2020**`, `_1,250_`
        if not bare:
            continue
        a = base + m.start() + (len(cell) - len(cell.lstrip("*_")))
        cells.append((a, a + len(bare), bare))
    if len(cells) < 2 or len(cells) > MAX_COLS + 1:
        return None
    return cells


def _number(cell: str) -> re.Match[str] | None:
    m = _NUMBER.fullmatch(cell)
    return m


def _is_value(cell: str) -> bool:
    return _NUMBER.fullmatch(cell) is not None or _PLACEHOLDER.fullmatch(cell) is not None


def find_tables(text: str, published_year: int | None = None) -> list[Table]:
    """The tables of `text` (see the module docstring); [] at the cost of one regex search when
    the text has no row of figures."""
    if not _HINT.search(text):
        return []
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        e = text.find("\n", pos)
        if e < 0:
            e = n
        spans.append((pos, e))
        pos = e + 1
    tables: list[Table] = []
    split: dict[int, list[tuple[int, int, str]] | None] = {}  # each line is split once

    def row_at(k: int) -> list[tuple[int, int, str]] | None:
        if k not in split:
            c, d = spans[k]
            split[k] = _split(text[c:d], c) if d - c <= MAX_LINE_CHARS else None
        return split[k]

    n_cells = 0
    notes_budget = [NOTES_TABLES]
    i = 0
    while i < len(spans) and n_cells < MAX_CELLS:
        row = row_at(i)
        split.pop(i - 1, None)
        if row is None or not _header_like(row):
            i += 1
            continue
        j = i + 1
        data: list[list[tuple[int, int, str]]] = []
        csv = _is_csv(text[spans[i][0] : spans[i][1]])
        while j < len(spans) and len(data) <= MAX_ROWS:
            c, d = spans[j]
            if d - c > MAX_LINE_CHARS:
                break
            ln = text[c:d]
            if not ln.strip():
                if data:
                    break
                j += 1
                continue
            if _SEPARATOR_ROW.fullmatch(ln) and ("|" in ln or "-" in ln or "=" in ln):
                j += 1
                continue
            r = row_at(j)
            if r is None or not any(_number(x[2]) for x in r[1:]):
                break
            if csv != _is_csv(ln) or (csv and len(r) != len(row)):
                break
            data.append(r)
            j += 1
        if not data or len(data) > MAX_ROWS:
            i = max(j, i + 1)
            continue
        table = _read(text, spans, i, row, data, published_year, csv, notes_budget)
        if table is not None:
            tables.append(table)
            n_cells += len(table.cells)
            i = j
        else:
            i += 1
    return tables


_E_SUFFIX = re.compile(r"\d[Ee]\b")


def _unlabelled(header: list[tuple[int, int, str]], data: list[list[tuple[int, int, str]]]) -> bool:
    """A header of time heads only and rows of figures only, one under each head."""
    if len(header) < 3 or len(data) > 2 or any(parse_time(h[2]) is None for h in header):
        return False
    return all(len(r) == len(header) and all(_is_value(x[2]) for x in r) for r in data)


def _header_like(row: list[tuple[int, int, str]]) -> bool:
    """A header row: no figure after its first cell other than time heads."""
    heads = row[1:] if parse_time(row[0][2]) is None else row
    return all(_number(h[2]) is None or parse_time(h[2]) is not None for h in heads)


def _by_position(
    text: str,
    head_start: int,
    header: list[tuple[int, int, str]],
    data: list[list[tuple[int, int, str]]],
) -> list[list[tuple[int, int, str]]] | None:
    """The rows of a table laid out in spaces, each figure put under the head its columns overlap
    (else the head whose right edge is nearest; empty cells are allowed); None when that is not
    one-to-one or the table is a pipe or tab table."""
    if any("|" in h[2] or "\t" in text[h[0] : h[1]] for h in header):
        return None
    line = text[head_start : header[-1][1]]
    if "\t" in line or "|" in line:
        return None
    heads = [(a - head_start, b - head_start) for a, b, _ in header]
    label_end = min(r[0][1] - text.rfind("\n", 0, r[0][0]) - 1 for r in data)
    if heads[0][0] < label_end:
        heads = heads[1:]  # the head over the label column (`Item`, `Quarter`)
    if not heads:
        return None
    out = []
    for r in data:
        base = text.rfind("\n", 0, r[0][0]) + 1
        row: list[tuple[int, int, str] | None] = [None] * len(heads)
        for a, b, cell in r[1:]:
            x0, x1 = a - base, b - base
            best = min(
                range(len(heads)),
                key=lambda k: (
                    -(min(x1, heads[k][1]) - max(x0, heads[k][0])),
                    abs(x1 - heads[k][1]),
                ),
            )
            if row[best] is not None or abs(x1 - heads[best][1]) > 12:
                return None
            row[best] = (a, b, cell)
        out.append([r[0]] + [c if c is not None else (r[0][1], r[0][1], "") for c in row])
    return out


def _caption_lines(text: str, spans: list[tuple[int, int]], i: int):
    """The non-blank lines above line i, nearest first, at most CAPTION_LINES of them: (start,
    end, stripped text)."""
    seen = 0
    for k in range(i - 1, -1, -1):
        if seen >= CAPTION_LINES:
            return
        a, b = spans[k]
        line = text[a:b].strip()
        if line:
            seen += 1
            yield a, b, line


def _caption_unit(
    text: str, spans: list[tuple[int, int]], i: int
) -> tuple[UnitSpec | None, tuple[tuple[int, int], ...]]:
    """The unit named in the few lines just above the header (a unit line or a caption)."""
    for a, b, line in _caption_lines(text, spans, i):
        if len(line) > 120:
            break
        if _UNIT_LINE.match(line):
            u = parse_unit(_UNIT_LINE.sub("", line))
            if u is not None:
                return u, ((a, b),)
        tail = _UNIT_TAIL.search(line)
        if tail is not None:  # `Main accounting data          Unit: RMB 10,000`
            u = parse_unit(tail.group(1))
            if u is not None:
                return u, ((a, b),)
        if _CAPTION.match(line) or line.endswith(":"):
            u = _label_unit(line.rstrip(":"))
            if u is not None:
                return u, ()
        elif len(line) <= 30 and not _SENTENCE.search(line):
            u = parse_unit(line)
            if u is not None:
                return u, ((a, b),)
        elif _WHOLE_BRACKET.match(line) and not _SENTENCE.search(line):
            u = _bracket_line_unit(line)  # `(RMB in millions, except percentages)`
            if u is not None:
                return u, ((a, b),)
        elif line.endswith(")") and not _SENTENCE.search(line):
            # `Industrial AI market sizing (RMB bn)`: a title line ending in its unit
            m = _TAIL_BRACKET.search(line)
            u = parse_unit(m.group(1)) if m else None
            if u is not None:
                return u, ()
        if len(line) > 60:
            break  # prose: no caption above it
    return None, ()


_CAPTION_LEAD = re.compile(
    r"(?:Table|Figure|Fig\.|Chart|Exhibit)\s*[\w.-]*\d[\w.-]*\s*[:.\u2014\u2013-]?\s*", re.I
)
# the years, units and status words a caption ends with: `, 2019-2022`, `(RMB bn)`, `2021E`
_CAPTION_TAIL = re.compile(
    r"(?:[\s,;:]+(?:\([^()]*\)|(?:in\s+)?(?:19|20)\d\d[AEF]?(?:\s*[-\u2013/]\s*(?:19|20)?\d\d[AEF]?)?))+\s*$"
)


_BREAKDOWN = re.compile(r"\bby\s+[a-z]", re.I)


def _caption_title(text: str, spans: list[tuple[int, int]], i: int) -> str:
    """What a `Table N ...` caption line in the few lines above the header names, without its
    number, years and units; "" without such a caption."""
    for _, _, line in _caption_lines(text, spans, i):
        if len(line) > 120:
            return ""
        m = _CAPTION_LEAD.match(line)
        if m is not None:
            title = _UNIT_TAIL.sub("", line[m.end() :])  # `...  Unit: RMB 10,000`
            title = _CAPTION_TAIL.sub("", title).strip(" :.")
            if _BREAKDOWN.search(title):
                return ""  # `Revenue by segment`: the rows are parts, not the caption's measure
            return title if _WORDISH.search(title) else ""
    return ""


_TAIL_BRACKET = re.compile(r"\(([^()]{1,30})\)$")
# a caption line that is all one bracket: `(RMB in millions, except percentages and per share
# data)`, `[In thousands of US dollars]`
_WHOLE_BRACKET = re.compile(r"^[(\[][^()\[\]]{1,80}[)\]]$")
_EXCEPT = re.compile(r"[,;]?\s*\b(?:except|other\s+than|unless)\b.*$", re.I)


def _bracket_line_unit(line: str) -> UnitSpec | None:
    """The unit of a caption line in brackets, less its exceptions (the cells with a `%` of
    their own keep it: a cell's own unit comes first)."""
    u = parse_unit(_EXCEPT.sub("", line[1:-1]))
    return u if u is not None and u.code != "percent" else None


_CAPTION_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?![\d.,])")
_BUDGET_HEAD = re.compile(r"\b(?:budget(?:ed)?|plan(?:ned)?|targets?|appropriations?)\b", re.I)


def _caption_year(text: str, spans: list[tuple[int, int]], i: int) -> int | None:
    """The one year of a caption line (`Table 3 ... on selected items, 2021`) in the few
    non-blank lines above the header; None when there is none or more than one."""
    for _, _, line in _caption_lines(text, spans, i):
        if _UNIT_LINE.match(line):
            continue
        if len(line) > 120 or _SENTENCE.search(line):
            return None
        if _CAPTION.match(line):
            years = set(_CAPTION_YEAR.findall(line))
            return int(years.pop()) if len(years) == 1 else None
    return None


_MONTH_NAMES = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTH_ROW = re.compile(rf"{_MONTH}(?:\s*(?:-|–|to)\s*{_MONTH})?", re.I)


_HEAD_YEAR = re.compile(r"\(\s*((?:19|20)\d\d)\s*\)")


def _heads_year(heads: list[str]) -> int | None:
    """The one year the heads name in brackets (`Enterprises transformed (2025)`), or None."""
    years = {m.group(1) for h in heads for m in _HEAD_YEAR.finditer(h)}
    return int(years.pop()) if len(years) == 1 else None


def _month_part(label: str) -> str | None:
    """`Jan.-Feb.` -> `M1-M2`, `Mar.` -> `M3`, `January to June` -> `M1-M6`; None otherwise."""
    m = _MONTH_ROW.fullmatch(label.strip())
    if m is None:
        return None
    a = _MONTH_NAMES.index(m.group(1).lower()) + 1
    if m.group(2) is None:
        return f"M{a}"
    b = _MONTH_NAMES.index(m.group(2).lower()) + 1
    return f"M{a}-M{b}" if b > a else None


_MONTH_TIME = re.compile(
    rf"(?P<m>{_MONTH}(?:\s*(?:-|–|to)\s*{_MONTH})?)(?:[\s,/'-]*(?P<y>(?:19|20)\d\d))?", re.I
)
_TIME_HEAD = re.compile(
    r"(?:(?:reference |statistical |fiscal )?(?:period|year|date|month|quarter)|time|as (?:of|at)|fy)s?",
    re.I,
)
_UNIT_HEAD = re.compile(r"units?(?: of measure(?:ment)?)?|uom", re.I)
# a head over the figure itself: the row label says what it measures
_GENERIC_HEAD = re.compile(
    r"(?:latest|current|value|amount|figure|number|level|reading|data)(?: (?:value|figure|reading))?s?",
    re.I,
)
_IDENT = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_NOTE_SPLIT = re.compile(r"[ \t]{2,}|\t|[ \t]*\|[ \t]*|:[ \t]+|[ \t]+[-\u2013\u2014=][ \t]+")
_INDEX = re.compile(r"\b(?:index|indices|PMI)\b", re.I)
# the head noun of a label ends before a preposition: `Enterprises onboarded to ... platforms`
_PREP = re.compile(r"\s(?:to|in|on|at|by|with|for|from|above|below|over|under)\s")
NOTES_CHARS = 4000  # how far above a table a data dictionary is looked for
NOTES_TABLES = 8  # tables of a text whose data dictionary is looked for


def _cell_time(cell: str, year: int | None) -> Time | None:
    """The time a cell of a time column names: a year or a quarter (`2025`, `Q3 2021`), or months
    (`Aug`, `Jan-Jun`, `Jan-Jun 2017`) of their own year, else of `year`."""
    m = _MONTH_TIME.fullmatch(cell.strip())
    if m is not None:
        part = _month_part(m.group("m"))
        y = int(m.group("y")) if m.group("y") else year
        return Time(y, part, None) if part is not None and y is not None else None
    return parse_time(cell)


def _time_column(heads: list[str], data: list[list[tuple[int, int, str]]]) -> int | None:
    """The column (not the first) that gives each row its time: its head says so (`Period`,
    `Year`, `Date`, `As of`) or every cell of it is months (`Jan-Jun`, `Aug`); None otherwise."""
    for k in range(1, len(heads)):
        if _TIME_HEAD.fullmatch(heads[k].strip("*_: ")) or all(
            _MONTH_TIME.fullmatch(r[k][2]) for r in data
        ):
            return k
    return None


def _unit_column(heads: list[str], data: list[list[tuple[int, int, str]]]) -> int | None:
    """The column headed `Unit` whose cells name each row's unit (`RMB 100 million`, `tce`)."""
    for k in range(1, len(heads)):
        if _UNIT_HEAD.fullmatch(heads[k].strip("*_: ")) and all(
            r[k][2] and _number(r[k][2]) is None for r in data
        ):
            return k
    return None


def _field_notes(text: str, start: int, heads: list[str]) -> dict[int, str]:
    """A data dictionary above a table: for each snake_case head (`invest_amt`), the text of the
    nearest line above that names it, its last cell (`6  invest_amt  Decimal  Project investment,
    100 million yuan`, `invest_amt: Project investment (100 million yuan)`)."""
    notes: dict[int, str] = {}
    window = None
    for k, h in enumerate(heads):
        if not _IDENT.fullmatch(h):
            continue
        if window is None:
            window = text[max(0, start - NOTES_CHARS) : start]
        found = list(re.finditer(rf"(?<![\w]){re.escape(h)}(?![\w])", window))
        if not found:
            continue
        m = found[-1]  # the nearest line above that names the head
        a = window.rfind("\n", 0, m.start()) + 1
        b = window.find("\n", m.end())
        line = window[a : b if b >= 0 else len(window)]
        tail = [c for c in _NOTE_SPLIT.split(line[m.end() - a :]) if c.strip()]
        if tail and _WORDISH.search(tail[-1]):
            notes[k] = tail[-1].strip()
    return notes


def _head_status(head: str) -> str | None:
    """`Budget` / `Plan` columns are targets, `Actual` actual; a `%` column follows `Actual`."""
    if _BUDGET_HEAD.search(head) and not re.search(r"%|\bactual\b", head, re.I):
        return "target"
    return _status(head)


def _read(
    text: str,
    spans: list[tuple[int, int]],
    i: int,
    header: list[tuple[int, int, str]],
    data: list[list[tuple[int, int, str]]],
    published_year: int | None,
    csv: bool = False,
    notes_budget: list[int] | None = None,
) -> Table | None:
    caption, unit_lines = _caption_unit(text, spans, i)
    unlabelled = caption is not None and _unlabelled(header, data)
    if unlabelled:
        # `(RMB billion)` / `2016  2017 ... 2025E` / `13.7  18.9 ... 167.5`: one row of figures
        # under a header of years, what it measures named by the caption: an empty label
        data = [[(r[0][0], r[0][0], "")] + r for r in data]
    elif not csv:
        data = _by_position(text, spans[i][0], header, data) or data
    width = len(data[0])
    if any(len(r) != width for r in data):
        return None
    heads = [h[2] for h in header]
    if len(heads) == width - 1:
        heads = [""] + heads  # no head over the label column
    if len(heads) != width:
        return None
    col_times = [parse_time(h) for h in heads]
    row_times = [parse_time(r[0][2]) for r in data]
    by_column = sum(t is not None for t in col_times[1:]) >= 1 and col_times[0] is None
    by_row = all(t is not None for t in row_times) and not by_column
    measured_heads = False  # the heads name what the cells measure (`_heads_year`)
    if not (by_column or by_row):
        months = [_month_part(r[0][2]) for r in data]
        year = _caption_year(text, spans, i) if all(months) else None
        if year is not None:
            # `Table 1  Exports of industrial robots, 2023` / `Month  Units  y/y (%)` / `Jan.-Feb.
            # 9,412  +18.4`: rows by months of the caption's year
            by_row = True
            row_times = [Time(year, m, None) for m in months]
    kt = None  # a time column: `Period` / `Jan-Jun`, `year` / `2025`: each row's own time
    if not (by_column or by_row):
        kt = _time_column(heads, data)
        if kt is not None:
            year = _caption_year(text, spans, i) or published_year
            times = [_cell_time(r[kt][2], year) for r in data]
            if all(times):
                by_row = True
                row_times = times
            else:
                kt = None
    if not (by_column or by_row):
        # `Table 3  Expenditure on selected items, 2021` / `Unit: 100 million yuan` / `Item
        # Budget  Actual  Actual as % of budget`: no time head, the caption's one year for
        # every column, the status from the head (`Budget` a target, `Actual` actual)
        year = _caption_year(text, spans, i) if caption is not None else None
        if year is None:
            # `City  Enterprises transformed (2025)  Output (billion yuan)`: the one year in
            # brackets of the heads, for every column; the heads name what the cells measure
            year = _heads_year(heads[1:])
            measured_heads = year is not None
        if year is None:
            return None
        by_column = True
        col_times = [None] + [Time(year, None, _head_status(h)) for h in heads[1:]]
    years = [t for t in col_times if t is not None]
    latest = max(years, key=lambda t: (t.year, t.part or "")) if years else None
    labelled = by_column or kt is not None  # a label in each row's first cell
    notes_budget = notes_budget or [NOTES_TABLES]
    ku = _unit_column(heads, data) if labelled else None
    notes: dict[int, str] = {}
    if notes_budget[0] > 0 and any(_IDENT.fullmatch(h) for h in heads):
        notes_budget[0] -= 1  # a text of many such headers: a bounded cost
        notes = _field_notes(text, spans[i][0], heads)
    cells: list[Cell] = []
    taken: list[tuple[int, int]] = [spans[i], *unit_lines]
    for ri, r in enumerate(data):
        label = r[0][2]
        if labelled and (_number(label) or parse_time(label)):
            return None  # figures in the first column: not a labelled table
        row_unit = _label_unit(label) if labelled else None
        cell_unit, unit_noun = None, None
        if ku is not None:  # `RMB 100 million`, `10,000 units`, `tce`, `persons`
            cell_unit = parse_unit(r[ku][2])
            nouns = _PLURAL.findall(r[ku][2])
            unit_noun = nouns[-1].lower() if nouns else None
            if cell_unit is None and unit_noun is not None:
                cell_unit = UnitSpec("count", 1.0)
        n_read = len(cells)
        for k in range(1, width):
            if k == kt or k == ku:
                continue
            head = notes.get(k) or heads[k]
            # a column without a time in a table by years (`YoY %`, `Change`): the latest year
            t = (col_times[k] or latest) if by_column else row_times[ri]
            if t is None:
                continue
            s, e, raw = r[k]
            m = _number(raw)
            if m is None:
                continue
            what = label if by_column else head
            if by_column and (col_times[k] is None or measured_heads) and head:
                what = f"{label} {head}"
            if kt is not None and not _GENERIC_HEAD.fullmatch(head):
                what = f"{label} {head}"
            elif kt is not None:
                what = label
            spec = None
            if m.group("pct"):
                spec = UnitSpec("percent", 1.0)
            if spec is None:
                spec = _label_unit(head) if labelled else _label_unit(head) or parse_unit(head)
            if spec is None:
                spec = cell_unit or row_unit or caption
            counted = None
            if spec is None or spec.code == "count":
                bare = _BRACKET.sub("", what)
                plurals = (
                    _PLURAL.findall(_PREP.split(bare, 1)[0])
                    or _PLURAL.findall(bare.split(" of ")[0])
                    or _PLURAL.findall(bare)
                )
                if plurals:
                    counted = plurals[-1].lower()
                elif unit_noun is not None:
                    counted = unit_noun  # `Equipment connected  10,000 units  21.6`
                elif not _INDEX.search(bare):
                    continue
                spec = spec or UnitSpec("count", 1.0)
            number = float(m.group("num").replace(",", ""))
            if m.group("sign") in ("-", "\u2212") or m.group("paren"):
                number = -number
            number *= spec.scale
            if spec.code in ("count", "percent", "percentage_point"):
                value, code = number, spec.code
            else:
                value, code = normalise(number, spec.code)
            status = t.status
            if (
                status == "estimate"
                and published_year is not None
                and t.year > published_year
                and _E_SUFFIX.search(head if by_column else r[kt][2] if kt is not None else label)
            ):
                status = "forecast"  # `2025E` in a text of 2021: a year to come is not estimated
            if status is None:
                # a CSV preview is an extract of a data file: its rows are records, actual unless
                # marked (`2025E`); elsewhere an unmarked year after publication is a forecast
                status = (
                    "forecast"
                    if published_year is not None and t.year > published_year and not csv
                    else "actual"
                )
            cells.append(
                Cell(
                    s,
                    e,
                    raw,
                    float(f"{value:.15g}"),
                    code,
                    counted,
                    label,
                    head,
                    what,
                    t.year,
                    t.part,
                    status,
                )
            )
            taken.append((s, e))
        if len(cells) > n_read:
            taken.append(r[0][:2])
            taken.extend(r[k][:2] for k in (kt, ku) if k is not None)
    if not cells:
        return None
    title = _caption_title(text, spans, i)
    return Table(spans[i][0], data[-1][-1][1], tuple(taken), tuple(cells), title)


def find_cells(text: str, published_year: int | None = None) -> list[Cell]:
    """The cells of every table of `text`, in text order."""
    return [c for t in find_tables(text, published_year) for c in t.cells]

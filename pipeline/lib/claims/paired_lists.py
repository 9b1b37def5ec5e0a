"""Lists of figures whose subjects are named elsewhere (issue 9, seventh round).

- `The penetration of digital R&D tools and the numerical control rate of key processes.` /
  `In 2022 they were 77.0 and 58.6%, respectively.`: a `respectively` list with a pronoun
  subject takes its subjects, in order, from the sentence before when that sentence names
  exactly as many noun phrases and no figure (`previous_subjects`);
- `..., reached 80.4% and 51.1% respectively, both higher than the national average of 68.7%
  and 46.4%`: a second list of as many figures of the same unit after a `respectively` list,
  introduced by a comparison (`than`, `from`, `compared with`, `against`), pairs up with it in
  order: each takes the indicator of the member of the same rank (`paired_base_indicator`);
- `... is to rise from 58% to 72%. The numerical control rate of key processes is to go from 33%
  to 50%. In 2013 the two rates stood at 52% and 27% respectively.`: a `respectively` list of N
  figures whose subject is a pronoun (`the two rates`, `those rates`, `they`) takes, in order,
  the last N different measures given to figures of its unit earlier in the paragraph
  (`earlier_measures`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.metadata.indicators import UNCLASSIFIED

from .periods import respective_groups

if TYPE_CHECKING:
    from .context import Doc, QCtx
    from .model import Claim

_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[\s,])(?:they|these|those|the\s+two|both|the\s+(?:two\s+)?(?:figures|rates|ratios|"
    r"shares))(?:\s+\w+)?\s*$",
    re.I,
)
_PHRASE_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=the\b|its\b|their\b)", re.I)
_COMPARISON = re.compile(r"\b(?:than|from|compared\s+(?:with|to)|against|versus|vs\.?)\b", re.I)
_SAME_LIST_GAP = re.compile(r"\s*(?:%|percent|per\s+cent)?\s*(?:,\s*(?:and\s+)?|and\s+)\s*$", re.I)


def list_pieces(sep: re.Pattern[str], text: str, end: int) -> list[tuple[int, int]]:
    """The stretches of `text[:end]` between the matches of `sep` (the members of a list, as
    offsets into `text`); one stretch when `sep` does not match."""
    pieces, a = [], 0
    for m in sep.finditer(text, 0, end):
        pieces.append((a, m.start()))
        a = m.end()
    pieces.append((a, end))
    return pieces


def previous_subjects(doc: Doc, c: QCtx, members: list[int], verb_start: int) -> QCtx | None:
    """The context of a member of a `respectively` list whose subject (the words before its
    verb, ending at `verb_start`) is a pronoun, its own region being the noun phrase of the same
    rank in the sentence before (see the module docstring); None when that does not apply."""
    s0 = c.sentence[0]
    if not _PRONOUN_SUBJECT.search(doc.text, s0, verb_start) or s0 <= c.paragraph[0]:
        return None
    p0, p1 = doc.seg.sentence_at(s0 - 1)
    if p0 < c.paragraph[0] or p1 > s0 or doc.quantities_in(p0, p1):
        return None
    body = doc.text[p0:p1].rstrip(" .:;")
    pieces = list_pieces(_PHRASE_SEP, body, len(body))
    if len(pieces) != len(members):
        return None
    a, b = pieces[members.index(c.index)]
    if b - a < 3:
        return None
    region = (p0 + a, p0 + b)
    # the two sentences read as one, as in `extract._respective_previous`
    return replace(
        c, sentence=(p0, c.sentence[1]), own=region, backward=region, forward=(c.q.end, c.q.end)
    )


_POINTING_SUBJECT = re.compile(
    r"\b(?:they|these|those|the\s+two|both)\b(?:\s+(?:figures|rates|ratios|shares|numbers))?", re.I
)


def earlier_measures(doc: Doc, c: QCtx, unit: str, claims: list[Claim]) -> str | None:
    """The indicator of rank k among the last N different indicators of `unit` given earlier in
    the paragraph, for the k-th of the N members of a `respectively` list whose subject points
    back (see the module docstring); None when that does not apply."""
    s0 = c.sentence[0]
    if s0 <= c.paragraph[0] or doc.norm.find("respectively", c.q.end, c.sentence[1]) < 0:
        return None
    for group in respective_groups(doc, c.sentence):
        if c.index not in group:
            continue
        first = doc.quantities[group[0]]
        m = _POINTING_SUBJECT.search(doc.text, s0, first.start)
        if m is None or any(  # (`the two rates` is a count of its own: not another figure)
            not m.start() <= x.start < m.end() for x in doc.quantities_in(s0, first.start)
        ):
            return None
        found: list[str] = []
        for claim in reversed(claims):
            if claim.char_start >= s0:
                continue
            if claim.char_start < c.paragraph[0]:
                break
            if claim.unit == unit and claim.indicator != UNCLASSIFIED:
                if claim.indicator not in found:
                    found.append(claim.indicator)
                if len(found) == len(group):
                    break
        if len(found) != len(group):
            return None
        return found[::-1][group.index(c.index)]
    return None


def paired_base_indicator(doc: Doc, c: QCtx, unit: str, claims: list[Claim]) -> str | None:
    """The indicator of the member of the same rank of the `respectively` list this figure's
    list is compared with (see the module docstring); None when that does not apply (a member
    left unclassified, as a region's figure compared with `the national average of`, gives
    nothing: the figures compared may be of another scope)."""
    s0, s1 = c.sentence
    if doc.norm.find("respectively", s0, c.q.start) < 0:
        return None
    for group in respective_groups(doc, c.sentence):
        last = doc.quantities[group[-1]]
        if last.end > c.q.start or c.index in group:
            continue
        # (the quantities are sorted by start: those of the sentence end before the first one
        # starting at `s1`, not at the end of the text)
        after = [
            i
            for i in range(group[-1] + 1, bisect_left(doc.q_starts, s1))
            if doc.quantities[i].converts is None
        ]
        if len(after) != len(group) or c.index not in after:
            continue
        first = doc.quantities[after[0]]
        if not _COMPARISON.search(doc.text, last.end, first.start):
            return None
        text = doc.text
        for i, j in zip(after, after[1:], strict=False):
            if not _SAME_LIST_GAP.match(text, doc.quantities[i].end, doc.quantities[j].start):
                return None
        k = after.index(c.index)
        ref = doc.quantities[group[k]]
        for claim in reversed(claims[-2 * len(group) - 4 :]):
            if claim.char_start == ref.start and claim.char_end == ref.end:
                if claim.unit != unit or claim.indicator == UNCLASSIFIED:
                    return None
                return claim.indicator
        return None
    return None

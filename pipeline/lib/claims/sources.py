"""Cited sources: who the text says a figure comes from.

Recognised forms (the source is cleaned of a leading `the` and trailing punctuation):
- `according to CCTV statistics` / `according to the data of the Ministry of ...` /
  `according to survey data from the Industrial Internet Industry Alliance` / `according to
  the Ministry of ...,`;
- `data from the Ministry of ... shows`, `statistics released by X show`, `the data from the
  meeting shows` (-> `the meeting`), `X data show`;
- a quoted document followed by a reporting verb: `the "White Paper on ... (2022)" pointed out`;
- an organisation followed by a reporting verb: `the Ministry of ... said/announced that`, or
  behind one: `said an official with the Ministry of ...`;
- a headline `Ministry of Industry and Information Technology: Over 80% of ...`.

Scope: a source named in a sentence applies to the figures of that sentence and, in the same
paragraph, to those of the following sentences until another source is named (news paragraphs
open with "According to X, ..." and continue with the figures). It does not cross paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .casefold import _folded_text, fold
from .context import Doc

_ORG_WORDS = (
    r"Ministry|Bureau|Institute|Academy|Alliance|Association|Administration|Commission|Council|"
    r"Office|Agency|Center|Centre|Department|Federation|Committee|Corporation|Group|University|"
    r"Bank|Fund|Organization|Organisation|Society|Chamber|Union|Authority|Government|Xinhua|CCTV|"
    r"CAICT|MIIT|NBS|NDRC|IDC|Gartner|McKinsey|Statistics"
)
_DATA = (
    r"(?:latest\s+|survey\s+|statistical\s+|official\s+|monitoring\s+|preliminary\s+)?"
    r"(?:data|statistics|figures|estimates?|survey|report|calculations?|research|monitoring)"
)
_NAME = r"(?P<src>[^,;:.\n\u201c\u201d\"]{2,90}?)"
_QUOTED = r"(?P<src>[\u201c\"\u300a][^\u201d\"\u300b\n]{3,200}[\u201d\"\u300b])"
_REPORT_VERB = (
    r"(?:pointed out|points out|shows?|showed|shown|said|says|states?|stated|noted|notes|"
    r"indicates?|indicated|revealed|reveals|predicts?|predicted|estimates?|estimated|found|finds|"
    r"announced|reported|reports|disclosed|released)"
)

# a capitalised name: `Ministry of Industry and Information Technology`, `CCTV`
_CAPS = r"[A-Z][\w&'\u2019.-]*(?:\s+(?:of|and|for|on|the|[A-Z][\w&'\u2019.-]*)){0,12}"
_ORG_VERB = r"(?:said|announced|reported|released|disclosed|stated|estimates?|predicts?)"
_ORG_RE = re.compile(rf"\b(?:{_ORG_WORDS})\b")

_PATTERNS = [
    # according to (the) data/statistics of|from|released by X
    re.compile(
        rf"\baccording to (?:the |an? )?{_DATA} (?:of|from|released by|published by|issued by|by) "
        rf"(?:the )?{_NAME}(?=,|\s+(?:show|in|on|at)\b|\.?[\s\"\u201d']*$)",
        re.I,
    ),
    # according to (the) X statistics/data
    re.compile(rf"\baccording to (?:the )?{_NAME}\s+{_DATA}\b", re.I),
    # data from X shows
    re.compile(
        rf"\b(?:the )?{_DATA} (?:released |published |issued |compiled )?(?:from|by|of) "
        rf"(?P<the>the )?{_NAME}\s+(?:show|shows|showed|indicate|indicates|indicated|reveal|"
        rf"reveals|revealed|suggest|suggests)\b",
        re.I,
    ),
    # X data show
    re.compile(rf"(?:^|[,.]\s+|\bthat\s+)(?:the )?{_NAME}\s+{_DATA}\s+(?:show|shows|showed)\b"),
    # the "Report ..." pointed out
    re.compile(rf"{_QUOTED}\s*(?:\([^)]{{1,40}}\)\s*)?(?:,\s*)?{_REPORT_VERB}\b"),
    # according to the "Report"
    re.compile(rf"\b[Aa]ccording to (?:the )?{_QUOTED}"),
    # according to the Ministry of ..., / according to Xinhua, / sentence-final `..., according
    # to CAICT.`
    re.compile(rf"\b[Aa]ccording to (?:the )?(?P<src>{_CAPS}?)(?=,|\.?[\s\"\u201d']*$)"),
    # the Ministry of ... said that
    re.compile(rf"(?:^|[,.]\s+|\bthe\s+)(?P<src>{_CAPS})\s+{_ORG_VERB}\b"),
    # said an official with the Ministry of ...
    re.compile(
        rf"\b(?:said|says|according to|told [\w ]{{1,30}}?)\s+(?:an?|the|one)\s+(?:senior\s+)?"
        rf"(?:official|spokes(?:person|man|woman)|director|head|expert|researcher|analyst)s?\s+"
        rf"(?:with|of|from|at)\s+(?:the\s+)?(?P<src>{_CAPS})"
    ),
]
_ORG_SAID = 7  # index of the `X said` pattern: X must look like an organisation
_HEADLINE = re.compile(rf"^(?P<src>[^:\n]{{0,80}}(?:{_ORG_WORDS})[^:\n]{{0,40}}):\s")


_TRAILING_TIME = re.compile(
    r"\s+(?:on|in|at|the)(?:\s+(?:the|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"\d{1,2}(?:st|nd|rd|th)?))+$"
)


def _clean(src: str) -> str | None:
    s = src.strip(" ,.;:'\u2019\"\u201c\u201d\u300a\u300b")
    s = re.sub(r"^(?:the|a|an)\s+", "", s, flags=re.I)
    s = re.sub(r"['\u2019]s$", "", s)
    s = _TRAILING_TIME.sub("", s)
    if not s or len(s) < 2:
        return None
    low = s.lower()
    if low in {"it", "this", "that", "them", "data", "statistics", "report", "survey"}:
        return None
    if re.match(r"^(?:the )?meeting|conference|forum|press conference", low):
        return "the " + low if not low.startswith("the ") else low
    return s


_CUT_NAME = re.compile(r"\s(?:of|and|for|on|the)$", re.I)

# Per pattern, words one of which every match contains: a sentence without any of them is not
# searched (the search of a pattern is the costly part, a substring test is not). Patterns
# compiled with re.I are tested on the folded sentence (`casefold.fold`: exactly as re.I sees it).
_NEEDS: tuple[tuple[bool, tuple[str, ...]], ...] = (
    (True, ("according to ",)),
    (True, ("according to ",)),
    (True, ("show", "indicat", "reveal", "suggest")),
    (False, ("show",)),
    (False, ("\u201c", '"', "\u300a")),
    (False, ("ccording to ",)),
    (False, ("ccording to ",)),
    (False, ("said", "announced", "reported", "released", "disclosed", "stated", "estimate",
             "predict")),
    (False, ("official", "spokes", "director", "head", "expert", "researcher", "analyst")),
)  # fmt: skip
assert len(_NEEDS) == len(_PATTERNS)
assert all(
    bool(pat.flags & re.I) == folds for pat, (folds, _) in zip(_PATTERNS, _NEEDS, strict=True)
)


def source_in(text: str) -> str | None:
    """The source a sentence names, or None."""
    low = None
    tries = []
    for i in range(len(_PATTERNS)):
        folds, words = _NEEDS[i]
        if folds and low is None:
            low = fold(text)
        where = low if folds else text
        if any(w in where for w in words):
            tries.append(i)
    return _source_in(text, tries)


def _source_in(text: str, tries) -> str | None:
    """`source_in` trying only the patterns `tries` (in order): those whose needed words occur
    in the sentence (the others cannot match)."""
    for i in tries:
        pat = _PATTERNS[i]
        for m in pat.finditer(text):
            src = _clean(m.group("src"))
            if src and _CUT_NAME.search(src):
                continue  # `according to the National Bureau of Statistics`: a name cut at a
                # data word it ends with
            if src and (i != _ORG_SAID or _ORG_RE.search(src)):
                return src
    return None


class _NeedIndex:
    """Where the needed words of each pattern occur in a whole text (found once, by `str.find`
    over the text and its fold), read off per sentence instead of testing every word in every
    sentence. A word counts for a sentence only when it lies inside it, as `w in sentence` sees
    it; the fold of the whole text has the ASCII letters of the fold of each sentence at the same
    offsets (the words are ASCII). With sorted, non-overlapping `sentences` each occurrence is
    put in the one sentence that can hold it; otherwise a span is asked by bisection."""

    __slots__ = ("_starts", "_min_end", "_by_sentence")

    def __init__(self, text: str, sentences: list[tuple[int, int]] | None = None) -> None:
        low = None
        self._starts: list[list[int]] = []
        self._min_end: list[list[int]] = []
        ordered = sentences is not None and all(
            a[1] <= b[0] for a, b in zip(sentences, sentences[1:], strict=False)
        )
        s_starts = [a for a, _ in sentences] if ordered else []
        by: dict[tuple[int, int], list[int]] = {}
        for i, (folds, words) in enumerate(_NEEDS):
            if folds and low is None:
                low = _folded_text(text)
            where = low if folds else text
            hits = []
            for w in words:
                n = len(w)
                j = where.find(w)
                while j >= 0:
                    hits.append((j, j + n))
                    j = where.find(w, j + 1)
            hits.sort()
            ends = [e for _, e in hits]
            for k in range(len(ends) - 2, -1, -1):  # the least end from each occurrence on
                if ends[k + 1] < ends[k]:
                    ends[k] = ends[k + 1]
            self._starts.append([a for a, _ in hits])
            self._min_end.append(ends)
            if ordered:
                for a, e in hits:
                    k = bisect_right(s_starts, a) - 1
                    if k >= 0 and e <= sentences[k][1]:  # (the only sentence that can hold it)
                        got = by.setdefault(sentences[k], [])
                        if not got or got[-1] != i:
                            got.append(i)
        self._by_sentence = by if ordered else None

    def _fits(self, i: int, s0: int, s1: int) -> bool:
        starts = self._starts[i]
        k = bisect_left(starts, s0)
        return k < len(starts) and self._min_end[i][k] <= s1

    def tries(self, s0: int, s1: int) -> list[int]:
        """The patterns with a needed word inside [s0, s1), in order (with `sentences`: [s0,
        s1) is one of them)."""
        if self._by_sentence is not None:
            return self._by_sentence.get((s0, s1), [])
        return [i for i in range(len(self._starts)) if self._fits(i, s0, s1)]


class SourceResolver:
    """Sources per sentence of a document, carried forward within a paragraph."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._carried: dict[tuple[int, int], dict[tuple[int, int], str | None]] = {}
        self._needs: _NeedIndex | None = None

    def _paragraph(self, paragraph: tuple[int, int]) -> dict[tuple[int, int], str | None]:
        carried = self._carried.get(paragraph)
        if carried is None:
            carried = {}
            current = None
            if self._needs is None:
                self._needs = _NeedIndex(self.doc.text, self.doc.seg.sentences)
            for i, sent in enumerate(self.doc.seg.sentences_of_paragraph(paragraph)):
                text = self.doc.text[sent[0] : sent[1]]
                src = _source_in(text, self._needs.tries(sent[0], sent[1]))
                if src is None and i == 0:
                    # (every match holds a colon: a sentence without one is not tried)
                    m = _HEADLINE.match(text) if ":" in text else None
                    src = _clean(m.group("src")) if m else None
                if src is not None:
                    current = src
                carried[sent] = current
            self._carried[paragraph] = carried
        return carried

    def source_for(self, sentence: tuple[int, int], paragraph: tuple[int, int]) -> str | None:
        return self._paragraph(paragraph).get(sentence)

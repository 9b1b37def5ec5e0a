"""Fractions in words read as a percent: `one-fifth of`, `a third of`, `almost half of`,
`fallen by a third`.

Only two safe frames are read (a debatable convention: the gold stores them as percent,
`a third` = 33.33 percent):
- a fraction after a bound word or a share verb, followed by `of` + something that is not a
  period (`almost half of the national total`, `accounts for a third of sales`; not `the first
  half of 2023`, `about a quarter of the year`, `half of a percentage point`; a bare `a third
  of revenue` is not read);
- a fraction after a change verb and `by` (`inventory has fallen by a third`, `cut by half`)
  that ends the clause.
A fraction other than `half` needs its numerator (`a`, `one`, `two` ... `nine`): `third of`,
`quarter of` alone are ordinals or periods. `half` after `first`, `second`, `the`, `other` ... is
a part, not a figure.
"""

from __future__ import annotations

import regex as re

from .periods import MONTHS

NUMERATORS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
# `doubled`, `could double by 2018`, `roughly tripled`: a multiplier verb (unit `times`)
MULTIPLY_WORDS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}
_MULTIPLY_FORMS = [w + e for w in MULTIPLY_WORDS for e in ("", "d", "s")] + [
    w[:-1] + "ing" for w in MULTIPLY_WORDS
]
# the trigger words at which a fraction can start (numerator words and denominators)
TRIGGERS = frozenset(
    [
        *(w for w in (*NUMERATORS, *DENOMINATORS) if w not in ("a", "an")),
        "twice",
        "thrice",
        *_MULTIPLY_FORMS,
    ]
)
# `twice as much as`, `thrice as many as`: a multiplier (unit `times`) only in the comparison
TWICE_AT = re.compile(r"\b(?P<w>twice|thrice)[ \t]+as[ \t]+[a-z]+[ \t]+as\b", re.IGNORECASE)

FRACTION_AT = re.compile(
    r"(?:\b(?P<fn>an?|one|two|three|four|five|six|seven|eight|nine)(?:[ \t]+|[ \t]*-[ \t]*))?"
    rf"(?P<fd>{'|'.join(sorted(DENOMINATORS, key=len, reverse=True))})\b",
    re.IGNORECASE,
)
_PERIOD_NOUN = (
    r"(?:years?|months?|centur(?:y|ies)|decades?|days?|weeks?|quarters?|fiscal|season|\d{4}\b"
    rf"|(?:{'|'.join(MONTHS)})\b|an?\b)"
)
OF_AFTER = re.compile(
    rf"[ \t]+of[ \t]+(?!(?:(?:the|this|last|next|that|its|a)[ \t]+)?{_PERIOD_NOUN}(?![’']s))",
    re.IGNORECASE,
)
BY_CHANGE = re.compile(
    r"(?r)\b(?:fallen|fell|falls?|dropped|drops?|declined|declines?|decreased|decreases?|reduced"
    r"|reduces?|cut|cuts|shrunk|shrank|shrinks?|grown|grew|grows?|rose|risen|rises?|increased"
    r"|increases?|jumped|climbed|slashed|expanded|lowered|raised|shortened|shortens?|narrowed"
    r"|narrows?|trimmed|improved|improves?|boosted|lengthened|widened|contracted|shrunk"
    r"|slipped|lifted|sped[ \t]+up|speeded[ \t]+up|up|down)"
    # the object between the verb and `by` (`shortened delivery times by a quarter`), and a
    # bound word after it (`is up by around a fifth`)
    r"(?:[ \t]+(?!by\b)[a-z][\w'’-]*){0,3}[ \t]+by[ \t]+"
    r"(?:(?:about|around|roughly|nearly|almost|some|more[ \t]+than|over)[ \t]+)?$",
    re.IGNORECASE,
)
BY_WINDOW = 56
CLAUSE_END = re.compile(
    r"[ \t]*(?:[.,;:)!?\n]|$|(?:in|from|since|compared|over|during|last|this|year-on-year"
    r"|and)\b)",
    re.IGNORECASE,
)
# `one in five`, `roughly one in three racks`, `two out of ten`: a share read as a percent, approx
# unless a bound word says otherwise (a rounded ratio); `one in 2024`, `one in ten thousand` no
_DEN_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty": 20, "hundred": 100, "a hundred": 100, "a thousand": 1000,
}  # fmt: skip
_DEN_ALT = "|".join(w.replace(" ", r"[ \t]+") for w in sorted(_DEN_WORDS, key=len, reverse=True))
ONE_IN_AT = re.compile(
    r"\b(?P<fn>one|two|three|four|five|six|seven|eight|nine)[ \t]+(?:out[ \t]+of|in(?:[ \t]+every)?)"
    r"[ \t]+"
    rf"(?P<fd>{_DEN_ALT}|[1-9]\d{{0,2}}(?![\d,.]))\b"
    r"(?![ \t]*-?[ \t]*(?:hundred|thousand|million|billion|trillion|percent|per[ \t]+cent|%)\b)",
    re.IGNORECASE,
)
# `fewer than half have`, `about a third are`: a fraction after a bound word as the subject
SUBJECT_AFTER = re.compile(
    r"[ \t]+(?:have|has|had|are|were|is|was|do|did|does|say|said|use|used|report|reported"
    r"|plan|plans|planned|lack|lacked|expect|expects|expected|believe|believes|believed|see"
    r"|sees|saw|think|thinks|thought)\b",
    re.IGNORECASE,
)
# `half` as a part: `the first half`, `the other half`, `one half of the team` is fine
HALF_PART = re.compile(
    r"(?r)\b(?:first|second|latter|former|other|the|this|that|each|every|its|their)[ \t-]+$",
    re.IGNORECASE,
)


# the `of` frame is read only after a bound word (`about`, `almost`, `more than`: checked by the
# caller) or a share verb (`accounts for a third of`); a bare `a third of revenue` stays unread
SHARE_VERB = re.compile(
    r"(?r)\b(?:accounts?[ \t]+for|accounted[ \t]+for|accounting[ \t]+for|makes?[ \t]+up"
    r"|made[ \t]+up|making[ \t]+up|represents?|represented|representing|comprises?|comprised"
    r"|constitutes?|constituted|lost|loses?|losing|shed|sheds|shedding|gained|wiped[ \t]+out"
    r"|cut|cuts|slashed|now|is|was|are|were|already|equal[ \t]+to|equivalent[ \t]+to)[ \t]+$",
    re.IGNORECASE,
)
# `Europe for roughly 30 per cent, and Asia for about a quarter.`: a share in the elliptic
# second part of an `accounted for` list, after `for` and a bound word, ending the clause
ELLIPTIC_FOR = re.compile(r"(?r)\bfor[ \t]+$", re.IGNORECASE)
ELLIPTIC_END = re.compile(r"[ \t]*(?:[.,;)]|$)")
# a bound word right after a comma, the fraction ending the sentence: `..., maybe a third.`
HEDGE_BEFORE = re.compile(r"(?r),[ \t]*$")
SENTENCE_END = re.compile(r"[ \t]*(?:[.;!?]|$)")
ACCOUNTED = re.compile(r"\baccount(?:s|ed|ing)?[ \t]+for\b", re.IGNORECASE)
# `Two-thirds of the firms`, `A third of orders` opening a sentence: a share without a cue word
# (a numerator above one, or the fraction starting the sentence)
SENTENCE_START = re.compile(r"(?r)(?:^|[.!?:;\n][ \t\"“]*)$")


# a fraction after a bound word needs no other cue (`That's more than a third.`, `many are less
# than half full`, `... and nearly a third for process optimisation`), unless a period or an
# amount of time follows (`more than half a century`, `nearly half the year`, `over half-year`,
# `about a quarter of 2023`) or `over/under/within a quarter` may be a span of three months
_NOT_ALONE_AFTER = re.compile(
    rf"[ \t]*-|[ \t]+(?:of[ \t]+)?(?:(?:the|this|last|next|that|its|a|an|each|every)[ \t]+)?"
    rf"{_PERIOD_NOUN}|[ \t]+(?:of|to)\b",
    re.IGNORECASE,
)
_SPAN_BOUND = re.compile(r"(?:over|under|within|in|for|after|by)\b", re.IGNORECASE)


def bounded_alone(text: str, start: int, end: int, lead: int, fd: str) -> bool:
    """A fraction right after its bound word (at `lead`) with no `of` frame, read as a share."""
    if _NOT_ALONE_AFTER.match(text, end):
        return False
    if fd.startswith(("quarter", "fourth")) and _SPAN_BOUND.match(text, lead, start):
        return False
    return True


MULTIPLY_AT = re.compile(
    r"\b(?P<w>double|triple|quadruple)(?P<e>d|s|)(?![\w-])"
    r"|\b(?P<w>doubl|tripl|quadrupl)(?P<e>ing)(?![\w-])",
    re.IGNORECASE,
)
# the base form and `-ing` are a verb only after a modal, `to`, a bound or an adverb (`could
# double`, `set to double`, `nearly double`); never an adjective (`a double shift`, `double-digit`)
_VERB_BEFORE = re.compile(
    r"(?r)\b(?:will|would|could|can|may|might|should|must|to|roughly|nearly|almost|about|around"
    r"|more[ \t]+than|at[ \t]+least|approximately|close[ \t]+to|expected|set|aims?|plans?|is|are"
    r"|was|were|been|be)[ \t]+$",
    re.IGNORECASE,
)
# `doubled down`, `doubles as`, `double up`, `tripled-headed` are no multipliers
_NOT_MULTIPLY_AFTER = re.compile(r"[ \t]+(?:down|up|back|as|over|check|click)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?r)\b(?:a|an|the|its|their|his|her)[ \t]+$", re.IGNORECASE)


def multiple_at(text: str, start: int) -> tuple[float, int, int] | None:
    """(value, start, end) of `twice as much as` (2 times) or of a multiplier verb (`doubled`,
    `could double`, `more than tripled`) at `start`."""
    m = TWICE_AT.match(text, start)
    if m is not None:
        return (2.0 if m.group("w").lower() == "twice" else 3.0), m.start(), m.end()
    m = MULTIPLY_AT.match(text, start)
    if m is None or _NOT_MULTIPLY_AFTER.match(text, m.end()):
        return None
    if _ARTICLE_BEFORE.match(text, max(0, start - 8), start):
        return None
    e = m.group("e").lower()
    if e in ("", "ing") and not _VERB_BEFORE.match(text, max(0, start - 24), start):
        return None
    w = m.group("w").lower()
    return MULTIPLY_WORDS[w if e != "ing" else w + "e"], m.start(), m.end()


# `Perhaps only one in five of them`: a hedge before a ratio without a bound word (thirteenth
# round: a bare `nine out of 10`, `seven in ten`, `Two out of three` is exact, as the sets read it)
_RATIO_HEDGE = re.compile(
    r"(?r)\b(?:perhaps|maybe|probably|possibly|likely|estimated|roughly|around|about|some)"
    r"(?:[ \t]+(?:only|just|even))?[ \t]+$",
    re.IGNORECASE,
)


def ratio_bound(text: str, start: int) -> str:
    """The bound of a ratio (`one in five`) at `start` that has no bound word: `approx` after a
    hedge (`Perhaps only one in five`), else `exact`."""
    return "approx" if _RATIO_HEDGE.search(text, max(0, start - 24), start) else "exact"


def one_in_at(text: str, start: int) -> tuple[float, int, int] | None:
    """(percent value, start, end) of `one in five` at `start`."""
    m = ONE_IN_AT.match(text, start)
    if m is None:
        return None
    fd = m.group("fd").lower()
    den = int(fd) if fd[0].isdigit() else _DEN_WORDS[" ".join(fd.split())]
    num = NUMERATORS[m.group("fn").lower()]
    if num >= den:
        return None
    return num / den * 100, m.start(), m.end()


def fraction_at(
    text: str, start: int, bounded: bool = False, bound_at: int | None = None
) -> tuple[float, int, int] | None:
    """(percent value, start, end) of a fraction in a safe frame starting at `start`
    (`bound_at`: where its bound word starts, when there is one)."""
    m = FRACTION_AT.match(text, start)
    if m is None:
        return None
    fd = m.group("fd").lower()
    fn = m.group("fn")
    if fn is None:
        if fd != "half" or HALF_PART.match(text, max(0, start - 12), start):
            return None
        num = 1
    else:
        num = NUMERATORS[fn.lower()]
    lead = m.start() if bound_at is None else bound_at
    cue = (
        bounded
        or SHARE_VERB.match(text, max(0, m.start() - 24), m.start()) is not None
        or (m.group("fd").lower() != "half" and num >= 2)
        or SENTENCE_START.match(text, max(0, lead - 4), lead) is not None
    )
    if bounded and ELLIPTIC_FOR.match(text, max(0, lead - 8), lead):
        if ELLIPTIC_END.match(text, m.end()) and ACCOUNTED.search(text, max(0, lead - 160), lead):
            value = num / DENOMINATORS[fd] * 100
            return (value, m.start(), m.end()) if value <= 100 else None
    if (
        bounded
        and HEDGE_BEFORE.match(text, max(0, lead - 4), lead)
        and SENTENCE_END.match(text, m.end())
    ):  # `Nationally, it will be lower, maybe a third.`: a hedged figure closing the sentence
        value = num / DENOMINATORS[fd] * 100
        return (value, m.start(), m.end()) if value <= 100 else None
    if bounded and bounded_alone(text, m.start(), m.end(), lead, fd):
        value = num / DENOMINATORS[fd] * 100
        return (value, m.start(), m.end()) if value <= 100 else None
    if (
        OF_AFTER.match(text, m.end()) is None
        and not (bounded and SUBJECT_AFTER.match(text, m.end()))
        or not cue
    ) and (
        BY_CHANGE.match(text, max(0, m.start() - BY_WINDOW), m.start()) is None
        or CLAUSE_END.match(text, m.end()) is None
    ):
        return None
    value = num / DENOMINATORS[fd] * 100
    if value > 100:
        return None
    return value, m.start(), m.end()

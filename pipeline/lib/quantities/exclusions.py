"""Exclusions: numbers that are not statistics, and the reason each is set aside.

Dates and years (see periods.py), plan and programme names (`14th Five-Year Plan`, `(2021-2023)`
after a name, `Made in China 2025`, `long-term goals for the year 2035`), ordinals and ranks
(`4th`, `sixth`, `ranks second`, `the first place`), list numbering (`First,`, `The third is`),
technology and product names (`5G`, `Industry 4.0`, `Web 3.0`, `IPv6`, `C919`), compound
modifiers (`three-level`, `first-level inspector`), durations (`for three years`), times and phone
numbers, and small rhetorical counts (`two outstanding advantages`, `the two countries`): a number
word below ten counting an abstract noun (challenges, advantages, factors, countries, experts...).
"""

from __future__ import annotations

import regex as re

_ORD_UNITS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
)
_ORD_TENS = r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
ORDINAL_WORD_LIST = (_ORD_UNITS + "|" + _ORD_TENS + "|hundredth").split("|")
ORDINAL_WORD = rf"(?:(?:{_TENS})[\s-](?:{_ORD_UNITS})|{_ORD_TENS}|{_ORD_UNITS}|hundredth)"
ORDINAL = rf"(?P<ord>\b\d+(?:st|nd|rd|th)\b|\b{ORDINAL_WORD}\b)"

PLAN = (
    r"(?P<plan>(?:\b(?:\d{1,2}(?:st|nd|rd|th)|" + ORDINAL_WORD + r")\s+)?"
    r"\b(?:five|5|three|3|ten|10)[\s-]+year\s+(?:(?:action|development|work|special)\s+)?"
    r"(?:plans?|programmes?|programs?)\b"
    r"|\b(?:Made\s+in\s+China|Vision|Agenda|Healthy\s+China|China\s+Standards)\s+20\d\d\b"
    r"|\blong[\s-]+term\s+(?:goals?|objectives?|targets?|vision)\s+(?:for\s+)?(?:the\s+year\s+)?"
    r"(?:through\s+|to\s+)?20\d\d\b"
    r"|(?<=[\w\"'”’)]\s?)\(\s*(?:19|20)\d\d\s*[-–—~]\s*(?:(?:19|20)\d\d|\d\d)\s*\))"
)
TECH = (
    r"(?P<tech>\b\d{1,2}(?:\.\d)?G\b(?:\s*-\s*A(?:dvanced)?\b)?"
    r"|\b(?:Industry|Web|Wi-?Fi|Bluetooth|IPv|HTML|USB|Windows|Android|iOS|Version|version|v)"
    r"\s?\d+(?:\.\d+)*\b"
    r"|\b(?!(?:US|USD|CNY|RMB|Rmb|EUR|HK|HKD|GBP|JPY|NT|TWD|AU|CA|NZ|SGD|CHF|INR|KRW|Rs|MXN|Mex"
    r"|US\$|CAD|AUD|NZD|BRL|RUB|VND)\$?\d"
    # `mid-2021`, `early-2020`, `pre-2019`: a time of a year, not a technology name
    r"|(?:mid|early|late|pre|post)-(?:19|20)\d\d\b)(?:[A-Za-z]+-?\d+[A-Za-z\d]*(?:[-.]\d+)*)\b"
    r"|\b\d+D\b|\b\d+(?:\.\d+){2,}\b)"
)
TIME = (
    r"(?P<time>\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:[ap]\.m\.|[ap]m)(?!\w))?"
    r"|\b(?:1[0-2]|0?[1-9])\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)|\b(?:1[0-2]|0?[1-9])\s+o'clock\b)"
)
PHONE = (
    r"(?P<phone>(?<![\w-])\+\d{1,3}[-\s]\d{1,4}(?:[-\s/]\d{2,5}){1,4}(?![\w-])"
    r"|\(\d{3,4}\)\s*\d{3,4}-?\d{4}\b|(?<![\w-])\d{3,4}-\d{7,8}(?![\w-])"
    r"|(?<![\w-])\d{3}-\d{3}-\d{4}(?![\w-])|(?<![\w.])1[3-9]\d{9}(?!\d))"
)

# modifiers glued to a number that make it an attribute, not a count
COMPOUND = re.compile(
    r"-(?:level|tier|grade|class|star|stop|way|pronged|dimensional|layer|party|sided|round|in-one"
    r"|point|pillar|phase|step|wheel|storey|story|lane|seat|digit|character)\b",
    re.IGNORECASE,
)
DURATION_HYPHEN = re.compile(
    r"-(?:years?|months?|weeks?|days?|hours?|minutes?)\b(?!-old)", re.IGNORECASE
)
TIME_UNITS = frozenset(
    "year years month months week weeks day days hour hours minute minutes second seconds "
    "decade decades quarter quarters century centuries".split()
)

# abstract / rhetorical nouns: `six key technical challenges`, `two outstanding advantages`
RHETORICAL_NOUNS = frozenset(
    """challenges advantages disadvantages difficulties factors countries experts aspects ways
    areas fields tasks goals principles measures problems issues questions priorities pillars
    dimensions sides parties stages steps things reasons suggestions directions characteristics
    features trends opportunities risks elements kinds respects focuses points guests speakers
    leaders scholars academicians members sessions links roles functions bottlenecks obstacles
    shortcomings weaknesses strengths lessons themes topics modes paths approaches methods
    requirements conditions changes breakthroughs highlights tracks systems concepts models
    characteristics forces engines parts categories types levels words sentences meanings
    things cases examples highlights missions objectives initiatives drivers dynamics
    contradictions relationships combinations integrations transformations""".split()
)
SMALL_NUMBER_WORDS = frozenset("one two three four five six seven eight nine".split())

# ordinal context
LIST_BEFORE = re.compile(r"(?r)(?:^|[\n\r.;:!?•·]\s*|\b(?:and|then)\s+)(?:the\s+)?", re.IGNORECASE)
LIST_AFTER = re.compile(r"\s*(?:,|:|\s+is\b|\s+are\b|\s+was\b)", re.IGNORECASE)
RANK_AFTER = re.compile(
    r"\s+(?:place|position|largest|biggest|highest|in\s+the\s+world|"
    r"globally|nationwide|in\s+the\s+country)\b",
    re.IGNORECASE,
)
# `the one you mentioned`, `which one`: a pronoun, not a number
ONE_DETERMINER = re.compile(
    r"(?r)\b(?:the|this|that|which|each|every|any|no|some|another|"
    r"every|only|last|first|next|little|big|new|old)\s+",
    re.IGNORECASE,
)
# `one` before a singular noun phrase (`one leading company`, `one platform`): no count
ONE_SINGULAR = re.compile(
    r"[ \t]+(?!(?:in|out|of|or|and|to|per|by|from|than|as|at|on|for|is|was|were|are|has|had"
    r"|have|will|would|can|could|may|might|should|must|that|which|who|with|after|before)\b)"
    r"[A-Za-z]",
    re.IGNORECASE,
)
# list numbering in brackets at the start of a line or after a sentence/clause end: `(2) Network
# infrastructure.`, `...; (3) ...`, `2) ...` (reverse pattern anchored at the number, and after it)
LIST_PAREN_BEFORE = re.compile(r"(?r)(?:^|[\n\r.;:!?]|\u3002)[ \t]*[(（]?[ \t]*")
LIST_PAREN_AFTER = re.compile(r"[ \t]*[)）](?=[ \t]*[A-Za-z\u4e00-\u9fff])")
# `Top 500 enterprises`, `the top 10 companies`: the size of a ranking list, not a count
TOP_RANK = re.compile(r"(?r)\btop\s+", re.IGNORECASE)
# the base of a ratio: `per 10,000 people`, `every 1 yuan`, `for each 100 households`
DENOMINATOR = re.compile(r"(?r)\b(?:per|every|each)\s+", re.IGNORECASE)
ONE_PRONOUN = re.compile(
    r"\s+(?:of|another|by\s+one|side|hand|day)\b|-(?:stop|off|third)\b", re.IGNORECASE
)


def ordinal_reason(text: str, start: int, end: int) -> str:
    """`list_number`, `rank`, `compound_modifier` or `ordinal` for an ordinal at [start, end)."""
    if COMPOUND.match(text, end):
        return "compound_modifier"
    if RANK_AFTER.match(text, end) or _rank_verb(text, start):
        return "rank"
    if LIST_BEFORE.match(text, max(0, start - 8), start) and LIST_AFTER.match(text, end):
        return "list_number"
    return "ordinal"


_RANK_VERB = re.compile(r"(?r)\b(?:rank(?:s|ed|ing)?|placed|came|comes)\s+", re.IGNORECASE)


def _rank_verb(text: str, start: int) -> bool:
    return _RANK_VERB.match(text, max(0, start - 12), start) is not None

"""Reference period of a claim: which years a figure refers to, and how that was found.

Candidates are the extractor's period expressions (years, year ranges, dated "as of" days,
relative periods, "at present"), minus years that name things rather than time: years inside
quotation marks or brackets of a title (`"White Paper ... (2022)"`), years used as adjectives of
names (`the 2022 Global ... Conference`), and bare calendar dates of events (`On January 21, 2021,
the premier presided ...`; a date counts only after `as of` / `by` / `until` / `end of` /
`year ended`), comparison bases (`up 5% from the same period last year`, `faster than in the
fourth quarter of last year`) and event dates of named things (`a plan released in October
2023`). Added: `by the end of June` / `by the end of the year` / `year-end` without a year (a
part of the year) and fiscal years (`FY2023`). A part of the year without a year that had not
ended at publication, in a sentence that does not look ahead, is last year's.

Order of rules, first hit wins:
1. a period in the quantity's own clause (nearest);
2. a period earlier in the sentence, nearest first, preferring one not attached to another
   quantity (`In 2021, revenue was 5 billion yuan, up from 4 billion yuan in 2020, and profits
   reached 1 billion yuan`: profits -> 2021);
3. a period later in the sentence that is not attached to another quantity (`4.45 trillion in
   2022` belongs to 4.45 trillion, not to the 4 trillion before it);
4. the first year of the paragraph's opening sentence (`In 2021, ... . The scale ... 4.10
   trillion yuan`);
5. no time words: the publication year for statements of the present (`has exceeded`, `have
   been established`, `is nearly`), None for future-looking ones (`will`, `expected`, `aims`) or
   when the publication date is unknown.
A year range split over a `from X to Y` pair gives X the first year and Y the last (`From 2012
to 2021, ... grew from 1.5 trillion yuan to 4.1 trillion yuan`).
Ends of a change `from X to Y` without years take the first and last year of the change stated
before them (`_change_years`); a list heading ending with a colon gives its period to the list
lines under it (`heading_lists`); a possessive year owns the figure (`last year's 960 million
yuan`); a period after publication is not carried into a past-tense sentence. See
docs/claims.md.
Also (issue 9, fifth round): author-year citations (`(Smith and Hitt, 2003; Bloom et al., 2012)`)
are no periods; `now` / `today` in the figure's own clause is the publication year, whatever year
another clause names; a holding in the simple present (`Foreign vendors hold 90 percent`, not
`still holds`, not a copula) is the publication year's, not the year of the sentence before; a
bracketed comparative (`(six months ended 30 June 2018: 48.9%)`, `(31 December 2018: RMB1.0
billion)`) dates the figure after its colon only; a total over a span named after the figure
(`Total investment will reach 1.2 trillion yuan between 2020 and 2025`) is the span; a past-tense
statement takes the year the article reports on only once that year has been named before it.
Relative periods are resolved against the publication year (`the past two years` -> (pub-2,
pub)); "at present" is the publication year.
A part of a year is its year: `in the first half of 2023`, `Q3 2022`, `in the first three quarters
of last year` (relative); without a year (`in the first quarter`, `from January to October`) it
is the publication year (basis `publication_year`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import accumulate

from pipeline.lib.quantities.extractor import trie_pattern
from pipeline.lib.quantities.guards import guarded, required_literals
from pipeline.lib.quantities.model import Period

from .aside_years import multiple_base, start_aside
from .average_span import average_years
from .casefold import FoldedPattern, fold, folded
from .clock_words import estimate_of_now, news_now_year, reporting_verb
from .context import Doc, QCtx, quantity_context
from .conversion_years import conversion_in_clause
from .plan_spans import plan_goal_year, span_before, the_n_years
from .present_state import (
    comparison_base_skipped,
    in_survey_section,
    since_year_opening,
    states_present,
    survey_result,
)
from .set_size import set_size_before_goal
from .since_follow import since_before
from .stamps import batch_year, edition_year, exam_page, stamp_year, year_of_span
from .year_review import last_year_before, review_floor, review_season, year_end

_DATE_LEAD = re.compile(
    r"(?:as of|as at|by|until|till|up to|end of|ending|through|"
    r"(?:year|period|quarter|months?)\s+end(?:ed|ing))\s+(?:the\s+)?$",
    re.I,
)
# a state at a date: `at end-October 2024`, `by end-June`, `Orders on hand at 28 February 2014`
_STATE_DATE_LEAD = re.compile(r"(?:\bat\s+(?:the\s+)?|\bend-)$", re.I)
# a comparison base: `up 5% from last year`, `than in the fourth quarter of last year`, `compared
# with the end of last year`, `over 2022`: the period of the other term, not of the figure
_COMPARE_BEFORE = re.compile(
    guarded(
        r"\b(?:(?:times|double|triple|twice|half)\s+(?:the\s+(?:level|figure|amount|total|number|volume)|"
        r"that|those)\s+(?:of|in|for)\s+(?:the\s+)?$|"
        # `more than double last year's amount`: a multiplier of another year's level
        r"(?:times|(?:more\s+than|nearly|almost|about|roughly|less\s+than|at\s+least)\s+"
        r"(?:double|triple|twice|half))\s+$|"
        r"(?:from|than|compared (?:with|to)|comparing with|over|versus|vs\.?|against|relative to|"
        r"(?:higher|lower|more|less|up|down) on|"
        # `an increase of 25% on 2020`, `a rise of 8 percent on last year`
        r"(?:%|per\s*cent|percent|points?)\s+on|"
        # `about 3x what it reported in 2017`: the level compared against
        r"(?:times|\dx|double|twice|half)\s+what\s+(?:it|they|we|the\s+\w+)\s+(?:reported|had|"
        r"recorded|posted|made|earned|did|was|were))\s+(?:(?:in|at|during)\s+)?(?:the\s+)?"
        r"(?:(?:same|corresponding) period (?:of\s+|in\s+)?(?:the\s+)?|end(?:\s+of)?\s+(?:the\s+)?)?$)",
        ignorecase=True,
    ),
    re.I,
)
# Every match of _COMPARE_BEFORE ends with spaces, after a word that ends with one of
# _COMPARE_LAST (`in`, `at`, `during` right after one ending with one of _COMPARE_BEFORE_IN):
# `_may_compare` looks at the last two words first (keep the three in step with the pattern;
# tests/test_speed_equivalence.py checks them on every year of the corpora).
_COMPARE_LAST = (
    *("of", "in", "for", "the", "times", "double", "triple", "twice", "half", "period", "end"),
    *("at", "during", "from", "than", "with", "to", "over", "versus", "vs", "vs.", "against"),
    *("on", "reported", "had", "recorded", "posted", "made", "earned", "did", "was", "were"),
)
_COMPARE_BEFORE_IN = (
    *("that", "those", "level", "figure", "amount", "total", "number", "volume", "period"),
    *("from", "than", "with", "to", "over", "versus", "vs", "vs.", "against", "on", "reported"),
    *("had", "recorded", "posted", "made", "earned", "did", "was", "were"),
)


def _may_compare(before: str) -> bool:
    """False when `_COMPARE_BEFORE.search(before)` surely finds nothing (see above)."""
    if not before[-1:].isspace():
        return False
    words = fold(before).split()
    if not words or not words[-1].endswith(_COMPARE_LAST):
        return False
    if words[-1] in ("in", "at", "during"):
        return len(words) > 1 and words[-2].endswith(_COMPARE_BEFORE_IN)
    return True


# the date of an event named by a participle after a noun (`an action plan released by six
# departments in October 2023`, `the project launched last year`), not of the figures around it;
# `50 factories were established in 2023` (a verb of the figure) is not one
_EVENT_BEFORE = folded(
    r"\b(?!(?:was|were|been|be|being|is|are|am|has|have|had|not|and|or)\b)[a-z]+\s+"
    r"(?:(?:jointly|officially|formally|first)\s+)?(?:released|issued|launched|published|"
    r"unveiled|adopted|introduced|held|founded|promulgated|announced|approved|signed)\s+"
    r"(?:by\s+[^,.;:()]{1,60}?\s+)?(?:in|on|at)?\s*$"
)
_EACH_YEAR = re.compile(r"\b(?:each|every|per)\s+year\b|\bannually\b", re.I)
_NOW = re.compile(
    r"\b(?:now|currently|stands?|is|are|has|have|remains?|so far|to date|at present)\b", re.I
)
_CLAUSE_END = re.compile(r"[,;:()]")
# a multiplier and its base: `doubled since then`, `nearly double the 17.8 billion yuan of 2020`
_MULTIPLIER_TEXT = re.compile(r"doubl|tripl|quadrupl|fold\b", re.I)
_SINCE_THEN = re.compile(r"\s+since\s+then\b", re.I)
_DOUBLE_THE = re.compile(r"\s+(?:the|that\s+of|its|their)\b", re.I)
_SHALL = re.compile(r"\b(?:shall|should|must)\b", re.I)
# a comparison base figure and the `a year earlier` after it
_BASE_LEAD = re.compile(
    r"\b(?:from|than|compared (?:with|to)|versus|vs\.?|against)\s+(?:the\s+)?(?:about\s+|around\s+)?$",
    re.I,
)
_YEAR_EARLIER_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+(?=a\s+year|the\s+year|the\s+pre|the\s+prior))?(?:(?:in|over)\s+)?(?:(?P<n>a|one|two|three|four|five)\s+years?\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|prior|"
    r"preceding)\s+year|the\s+year\s+before)\b",
    re.I,
)
_YEARS_BACK = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_FROM_TEXT = re.compile(r"from\s", re.I)
# a span `From 2012 to 2021` and a level reached in it: `grew to over 45 trillion yuan`
_SPAN_TEXT = re.compile(r"(?:from|between)\s.*?(?:to|and|until|till|through|-|\u2013)\s*", re.I)
_LEVEL_LEAD = re.compile(
    r"\b(?:to|into|reach(?:ed|es|ing)?|hit|hitting|(?:stood|stands?|standing) at|"
    r"totall?(?:ed|ing)|amount(?:ed|ing) to)\s+$",
    re.I,
)
_LEVEL_QUOTE = re.compile(r"(?:exceed|surpass|top|pass|cross|break)\w*\s", re.I)
_ACCUMULATION = re.compile(
    r"\b(?:total|cumulative(?:ly)?|accumulated|combined|in\s+total|altogether|aggregate)\b", re.I
)
_RANGE_AFTER = re.compile(r"^\s*(?:to|until|till|through|-|\u2013)\s", re.I)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# periods the extractor does not give: the end of a month or of the year without a year (`by the
# end of June`, `by year-end`, `at the end of the year`) and fiscal years (`FY2023`, `fiscal 2023`)
# (case-insensitive: run over the folded text, `casefold`; offsets are the text's; behind a
# lookahead of its first letters, `guards`, scanned twice as fast with the same matches)
_END_OF = folded(
    guarded(
        r"\b(?:(?:by|at|as of|as at|until|till|up to|through)\s+)?(?:the\s+)?(?:"
        r"end\s+of\s+(?:the\s+year\b|"
        + _MONTH_RE
        + r"(?![\w.])(?!,?\s*(?:\d{1,2},?\s*)?(?:19|20)\d{2}))"
        r"|year[- ]end\b(?!\s*(?:of\s+)?(?:19|20)\d{2}))",
        ignorecase=False,
    )
)
_CARRY_PARAGRAPHS = 4  # a paragraph's opening year carries over at most 3 paragraphs
_OPENING_YEAR = 12  # `In 2021, ...`, `By the end of 2022, ...`: a paragraph opening with its year
_CURRENT_BEFORE = re.compile(r"\b(?:the|its|their|our)\s+(?:current|present|existing)\s+$", re.I)
_NOW_LEAD = folded(r"\b(?:now|today|currently|nowadays|at present)\b")
_ORIGINAL_TITLE = re.compile(r"\W*original\s+(?:title|headline)\s*:", re.I)
_BY_LEAD = re.compile(r"(?:by|until|till|before)\b", re.I)
# (searched in every sentence of a text holding the word: folded, the word looked up first)
_RESPECTIVELY = folded(r"\brespectively\b")
_LIST_GAP = re.compile(r"[ \t]*(?:,|;|,?[ \t]+and|,?[ \t]+or)?[ \t]*,?[ \t]*$", re.I)
_YEAR_LIST_GAP = re.compile(r"[ \t]*(?:,|,?[ \t]+and|,?[ \t]+as well as)[ \t]+(?:in[ \t]+)?$", re.I)
_TAIL_GAP = re.compile(r"[^.;:!?]{0,50}$")
_YEAR_DIGITS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_END_OF_LEAD = re.compile(r"\bend\s+of\s+(?:the\s+)?$", re.I)
# a part of the year as an adjective: `first-quarter GDP growth`, `first-half revenue`,
# `full-year growth` (the year is the publication year's, or last year's for a part not over)
_HYPHEN_WORD = re.compile(r"\b(first|second|third|fourth|full|whole)$", re.I)
_LOOK_AHEAD = folded(
    r"\b(?:expect|anticipate|forecast|predict|project|estimate|guide)[sd]?\b|guidance"
)
# an actor's intention or a requirement: `they want more than 600,000 by the end of the year`
_INTENT_AHEAD = re.compile(r"\b(?:wants?|hopes?|intends?|should|must|needs? to)\b", re.I)
_HYPHEN_HINT = re.compile(r"-(quarter|half|year|Quarter|Half|Year)\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# (`\b` before `F`/`f` written as `(?<!\w)` after it: the pattern then starts with a literal,
# which the engine looks for before trying it; the same matches as `_FISCAL_PLAIN`)
_FISCAL_PLAIN = r"\b(?:FY\s?'?((?:19|20)\d{2}|\d{2})|fiscal(?:\s+year)?\s+((?:19|20)\d{2}))\b"
_FISCAL = re.compile(
    r"(?:F(?<!\w.)Y\s?'?((?:19|20)\d{2}|\d{2})|f(?<!\w.)iscal(?:\s+year)?\s+((?:19|20)\d{2}))\b"
)
# a subordinate clause opening the sentence (`Since the project was launched in 2022, ...`):
# its verb does not tell the tense of the main clause
_SUBORDINATE = folded(r"^\s*(?:since|after|when|once|following|before|while|as)\b[^,;]{0,160},")
_SINCE = re.compile(r"since\b", re.I)
# `since 2015`, `since the launch of the project in February 2022`: a start, not a reference
_SINCE_BEFORE = folded(guarded(r"\bsince\b[^,;.:()]{0,80}$", ignorecase=False))
# `in the next three years` said in 2023: 2023-2025 (the publication year counts as the first)
_NEXT_N_YEARS = re.compile(
    r"\b(?:next|coming|following|future)\s+(?:\w+\s+)?(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|\d{1,2})\s+years\b",
    re.I,
)
_NAME_AFTER = re.compile(r"^\s+(?!In\b|On\b|At\b|By\b)[A-Z][a-z]")
_THE_BEFORE = re.compile(r"(?:\bthe|\bThe|\ba|\bits|'s)\s+$")
_GOAL_HEADING = re.compile(r"\b(?:goals?|targets?|objectives?|priorities|tasks)\b", re.I)
_TITLE_PAREN = re.compile(
    r"(?:plan|paper|report|edition|outlook|index|version|draft|survey)\W*$", re.I
)
_FROM_LEAD = re.compile(r"\bfrom\s+$")
# `from 45 days in 2021 to 28 days this year`: the text around the two periods of a change
_FROM_GAP = re.compile(r"\bfrom\s+[^,;:()]{1,40}?\s+$", re.I)
_TO_GAP = re.compile(r"^\s+to\s+[^,;:()]{1,40}?\s+(?:in\s+)?$", re.I)
# `last year's 960 million yuan`, `2022's 50.2 trillion yuan`: the year owns the figure
# an author-year citation: `(Smith and Hitt, 2003; Bloom et al., 2012a)`, `[Li, 2019]`
_CITATION_BEFORE = re.compile(
    r"[(\[;][^()\[\];]{0,60}\b(?:et\s+al\.?|(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
    r"|Dec)[a-z]*\b)[A-Z][a-z][\w'\u2019-]*"
    r"(?:\s+(?:and|&)\s+[A-Z][a-z][\w'\u2019-]*)?),\s*$"
)
_CITED_AFTER = re.compile(r"[a-z]?\s*[;)\],]")
# a period labelling the figure after it, in a bracket: `(six months ended 30 June 2018: 48.9%)`
_LABEL_COLON = re.compile(r"\s*:\s*(?=[\w$\u00a3\u20ac\u00a5])")
_LABEL_GAP = re.compile(r"\s*:\s*(?:(?:approximately|about|around|some|nearly|over)\s+)?")
# a bracketed comparative of the prior year after a figure: `31.2% (2012: 33.5%)`
_COMPARATIVE_AFTER = re.compile(r"\s*\(\s*((?:19|20)\d{2})\s*:\s*[^()]{0,40}?\d[^()]{0,40}\)")
_COMPARATIVE_LABEL = re.compile(r"\s*:\s*[^()]{0,40}?\d[^()]{0,40}\)")


def _comparative_label(text: str, p, q) -> bool:
    """The year p labels a bracketed comparative (`(2012: 33.5%)`) that does not hold q."""
    if p.kind != "year" or text[p.start - 1 : p.start] != "(":
        return False
    m = _COMPARATIVE_LABEL.match(text, p.end)
    return m is not None and not (p.start <= q.start < m.end())


_POSSESSIVE = re.compile(r"['\u2019]s\s+(?:(?:about|around|roughly|nearly|some)\s+)?$")
# a line of a list under a heading: `Guangdong: 2.57 trillion yuan, up 8.1%`, `- Jiangsu 235,000`
_LIST_LINE = re.compile(r"[^\n:.!?]{1,60}:\s*\S|[-\u2013\u2014\u2022\u00b7*]\s", re.I)
_LIST_LINE_MAX = 120
# a bullet line (`- 55 national demonstration factories, ranking first ..., and 12 ...;`) may be
# longer: the marker alone shows it is an item of the list
_BULLET_LINE = re.compile(r"[-\u2013\u2014\u2022\u00b7\u25cf\u25aa\u25a0*]\s")
_BULLET_LINE_MAX = 260
_TO_LEAD = re.compile(r"\b(?:to|into)\s+$")
FUTURE_WORDS = folded(
    guarded(
        r"\b(?:will|expected|expects|forecast|projected|predicted|anticipated|estimated that|"
        r"aims?|aiming|strive|striving|goal|target|plans? to|(?<!been )planned|by the end of the)\b",
        ignorecase=False,
    )
)


# plan language (shared with status.py)
TARGET_WORDS = folded(
    guarded(
        r"\b(?:aims? to|aiming to|aimed at|strives? to|striving to|strive for|goal|goals|target|"
        r"targets|targeted|plans? to|planned to|is planned|are planned|quotas?|according to the plan|"
        r"(?:plan|programme|program|roadmap|strategy|notice|guideline)(?:'s)?\s+(?:proposes|calls|"
        r"requires|sets(?!\s+out)|stipulates)|proposes? that|it is required that|"
        r"should reach|shall reach|will strive|endeavou?r to|commit(?:s|ted)? to|aims? for|"
        r"budgeted (?:at|for)|will pursue|(?:is|are|was|were) set at|(?:has|have|had)(?: \w+)? set aside|"
        r"(?:has|have|had) earmarked|"
        r"(?:is|are) to (?:rise|reach|increase|grow|go|climb|fall|drop|exceed|top|be raised|"
        r"be increased|be cut|be reduced)|"
        r"we (?:have|has) set|we plan|we will|we aim|"
        r"by the end of the (?:\w+ )?five.year plan|during the (?:\w+ )?five.year plan period)\b",
        ignorecase=False,
    )
)
# an actor committing to do something (shared with status.py): `the ministry will build 600,000
# base stations`, `3,000 firms will be helped to go digital`
PLAN_ACTION = folded(
    r"\b(?:will|shall|(?<=it )would|(?<=they )would|(?:is|are) (?:expected|planned|scheduled|set) to)\s+(?:(?:\w+ly|also|further|jointly)\s+)?(?:be\s+)?"
    r"(?:build|built|construct|constructed|cultivate|cultivated|create|created|establish|"
    r"established|set up|launch|launched|deploy|deployed|foster|fostered|carry out|carried out|"
    r"implement|implemented|select|selected|train|trained|add|added|complete|completed|"
    r"form|formed|support|supported|open|opened|roll out|rolled out|issue|issued|keep|kept|"
    r"receive|maintain|help|helped|upgrade|upgraded|name|named|certify|certified|"
    r"set aside|allocate|allocated|earmark|earmarked|invest|invested)\b|"
    r"\b(?:may|can) (?:also )?(?:receive|apply for)\b"
)
# a sentence of a plan written as an order: `Build 10 pilot zones, and promote 5G in ...`
# (an opening time phrase may come first: `Each year, provide ...`, `By 2027, bring ...`)
IMPERATIVE = re.compile(
    r"(?:\(?\d{1,2}[.)]\s*|\(\d{1,2}\)\s*|(?:First|Second|Third|Fourth|Fifth|Finally|"
    r"Also|Meanwhile|Each year|Every year|Annually|By (?:the end of )?(?:19|20)\d\d|"
    r"In (?:19|20)\d\d),\s*(?=[a-z]))?(?i:Subsidi[sz]e|Reward|Provide|Offer|Build|Cultivate|Form|Create|Establish|Set up|"
    r"Select|Cover|Train|Foster|Launch|Deploy|Construct|Complete|Achieve|Strive|Implement|"
    r"Carry out|Add|Develop|Promote|Support|Guide|Encourage|Reali[sz]e|Strengthen|Deepen|"
    r"Increase|Raise|Expand|Upgrade|Improve|Enhance|Boost|Double|Ensure|Accelerate|Organi[sz]e|"
    r"Bring|Reduce|Cut|Lower|Connect|Equip|Attract|Nurture|Incubate|Allocate|Arrange|Serve|"
    r"Speed up|Step up|Push|Advance|Drive|Make|Keep|Maintain|Help|Enable|Grant|Recruit|Open)"
    r"\b(?!\s+(?:by|in|of|to|from|for|is|are|was|were|has|have|rose|grew|fell)\b)(?!')"
)
# tense of a sentence without time words (see `_resolve`)
# any word of a time to come or of an intention, anywhere in a sentence
_FUTURE_ANY = re.compile(
    # (`projects` as a verb only: `the ministry projects growth`, not `3,700 projects`; `plan`
    # words, not `plants`)
    r"\b(?:will|would|could|may|might|shall|expect\w*|forecast\w*|project(?:ed|ions?)|"
    r"(?<![\d,]\s)(?<!\d\s)projects\s+(?=that|a|an|the|its|their|growth|\d)|"
    r"predict\w*|anticipat\w*|plan(?:s|ned|ning)?|aim\w*|target\w*|goals?|next|coming|future|"
    r"(?:by|until|in)\s+(?:19|20)\d\d)\b",
    re.I,
)
_BY_TEXT = re.compile(r"by\b", re.I)
_AND_GAP = re.compile(r"\s*,?\s*and\s+(?:(?:about|around|some|nearly|over|more\s+than)\s+)?", re.I)
_SAME_YEARS = re.compile(
    r"\b(?:over|in|for|during)\s+the\s+same\s+(?:(?:two|three|four|five|six|[2-9])\s+)?years\b",
    re.I,
)
# `_SAME_YEARS` asked once of a whole text: folded, and written to start with the first letters of
# its words (a letter, then the `\b` before it as a look-behind), so the engine skips to them
# instead of trying the pattern at every character; the same matches (a test compares them)
_SAME_YEARS_TEXT = folded(
    r"(?:o(?<!\w.)ver|i(?<!\w.)n|f(?<!\w.)or|d(?<!\w.)uring)\s+the\s+same\s+"
    r"(?:(?:two|three|four|five|six|[2-9])\s+)?years\b"
)
# the link between two members of a series: `from 52 percent to 58 percent, 72 percent and 84`
_SERIES_LINK = re.compile(r"\s*(?:,|,?\s+and|\s+to)\s*", re.I)
_UNDATED_VOTES = 5  # see `_clear_article_year`
_HEAD_CHARS = 120
_UNDATED_REPORT = re.compile(r"\b(?:report|results|review|yearbook|communiqu[eé]|bulletin)\b", re.I)
_PRESENT = folded(
    r"\b(?:has|have|is|are|now|currently|remains?|so far|to date|at present|still|nowadays)\b"
)
_PAST = folded(
    guarded(
        r"\b(?:was|were|had|reached|exceeded|hit|rose|grew|increased|decreased|fell|dropped|"
        r"declined|amounted|totall?ed|stood|accounted|posted|recorded|generated|registered|achieved|reported|"
        r"topped|surpassed|made up|climbed|expanded|jumped|added|attracted|contributed|outpaced|"
        r"employed|saw|realized|realised|completed|shipped|sold|produced|surged|soared|doubled|"
        r"tripled|invested|earned|delivered|handled|plunged|slid|gained|came in|logged|"
        r"exported|imported|received|processed|signed|connected|served|supported|helped|trained|"
        r"installed|deployed|launched|cultivated|built|upgraded|migrated)\b",
        ignorecase=False,
    )
)
# a simple present of a holding (`Foreign vendors hold 90 percent of the market`, `Yonyou and
# Kingdee together hold a share of`): the present, not the year of the sentence before; not
# `still holds` (the state of the time just described) nor a copula (`accounts for 45 per cent`,
# `is stable` report the year in question)
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are)\s+$", re.I)  # `is built around`: not the past
_STATE_PRESENT = folded(
    guarded(
        r"(?<!\bstill\s)\b(?:holds?|controls?(?!\s+(?:rate|rates|system|systems)\b)|commands?|dominates?|owns?|employs?|hosts?|"
        r"coordinates?|comprises?|consists\s+of|claims?|counts|lists|supplies)\b",
        ignorecase=False,
    )
)
# a breakdown of the figure before (`Of the total, the direct industry contributed 1.35 trillion
# yuan`): the period of that figure
_BREAKDOWN = re.compile(
    r"\s*(?:of|among)\s+(?:the|this|that|these|those|which|them|it)(?:\s+(?:total|sum|figure|"
    r"amount|number))?\s*,",
    re.I,
)
# a later year behind another clause's subject or a subordinate clause is that clause's: `grew 2.7
# percent, and in 2024 we will ...`, `bringing the total to 66 after the first batch was named in
# 2024`
_OTHER_CLAUSE = re.compile(
    r",\s*(?:and|but|while|whereas)\b|\b(?:after|before|when|because|whereas)\b|;", re.I
)
# what every match of _OTHER_CLAUSE holds (lower-cased; `because` and `whereas` without their
# `s`, which `re.IGNORECASE` also matches as the long s)
_OTHER_CLAUSE_NEEDS = (",", ";", "after", "before", "when", "becau", "wherea")


def _other_clause(text: str, a: int, b: int) -> re.Match | None:
    """`_OTHER_CLAUSE.search(text, a, b)`, not run over a stretch without any of its words."""
    w = text[a:b].lower()
    if not any(map(w.__contains__, _OTHER_CLAUSE_NEEDS)):
        return None
    return _OTHER_CLAUSE.search(text, a, b)


# a day near publication: `announced on Thursday`, `said yesterday`
_NEWS_DAY = folded(
    r"\b(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|"
    r"this week)\b"
)
_FOR_THE_YEAR = folded(r"\b(?:for the year|the reporting period)\b")
_SAME_YEAR = folded(
    guarded(
        r"\b(?:the same year|that year|the same period|by then|by that time)\b", ignorecase=False
    )
)
# a numbered section heading on its own line: `I. A Review of Our Work in 2023`, `IV. Operating
# targets for 2024`; its year (if any) governs the paragraphs up to the next heading
_SECTION_HEAD = re.compile(r"(?:[IVX]{1,5}|\d{1,2})[.)\u3001]\s+[A-Z]")
_SECTION_HEAD_MAX = 90
_PLAIN_HEAD_MAX = 60  # an unnumbered heading: `Provincial indicators (end of 2020)`
# a statement of the present in an undated text: no year can be told
_COORDINATED_VERB = folded(r",?\s+and\s+(?:will|shall|is|are|was|were|has|have)\b")
_WILL_SHALL = folded(r"\b(?:shall|will)\b")
_PLAN_TITLE = re.compile(
    r"\b(?:notice|circular|(?:action|work|implementation|development) plan|guidelines?|"
    r"guiding opinions|opinions on|measures for|measures on)\b",
    re.I,
)
_PERFECT = re.compile(
    r"\b(?:has|have)\s+[\"\u201c]?(?:\w+ly\s+)?(?!been\b)(?:\w+ed|built|grown|won|set up|made|become)\b",
    re.I,
)
_NOT_PERFECT = re.compile(
    r"\b(?:now|currently|so far|to date|at present|still|is|are|will|since|this year)\b", re.I
)
_APPOSITION_GAP = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:\s*\w+){0,3}\s*,\s*or\s+")
_NOW_BRACKETED = re.compile(r"\([^()]*\)")
_NOW_CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:and|but|while|up|down|compared|from)\b")
_NOW_WORD = folded(guarded(r"\b(?:now|today|currently|at present|nowadays)\b", ignorecase=False))
# the year of an event, not of figures: `the 2023 annual general meeting`, `at its 2024 meeting`
_EVENT_AFTER = re.compile(
    r"\s+(?:annual\s+|general\s+|extraordinary\s+|plenary\s+)*(?:general\s+)?"
    r"(?:meeting|session|conference|summit|forum|congress|assembly|AGM)\b",
    re.I,
)
# words that keep a statement in the present of a report year's document (`so far this year`)
_NOT_REPORT_YEAR = re.compile(
    r"\b(?:so far|to date|this year|up to now|as of now|recently|still|will|shall|expects?|"
    r"plans?)\b",
    re.I,
)
_REPORT_TITLE = re.compile(
    r"\b(?:results|outcomes|achievements|communiqu[eé]|annual report|year in review|in review|review of|yearbook|"
    r"statistical (?:bulletin|report)|work report|report on the work)\b",
    re.I,
)
_STATISTICAL_TITLE = re.compile(
    r"\bstatistical\s+(?:bulletin|communiqu[eé]|report)\b|\byearbook\b", re.I
)
_THE_YEAR = re.compile(r"\bthe\s+year\b(?!\s+(?:before|after|earlier|ago))", re.I)
_REPORT_HEAD = 400  # the heading lines of a report under its company's name
_REPORT_LINE = 80
_REPORT_SEASON_END = 4  # annual results and communiques on last year come out by April
_SHORT_HEAD = 40  # `Specifically:`, `The main targets are:`
_WILL = re.compile(r"\b(?:will|shall)\b", re.I)
# a heading that introduces a list of goals: `By 2025, strive to achieve the following goals:`
_GOAL_HEAD = re.compile(r"\b(?:goals?|targets?|objectives?|strive|aims?|aiming|plans? to)\b", re.I)
_LIST_ITEM = re.compile(
    r"(?:\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)|(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)\u3001]\s|"
    r"[\u2460-\u2473\u2022\u00b7\u25cf\u25aa\u25a0*]|[-\u2013\u2014]\s)",
    re.I,
)
# a plan named with its period: `the action plan for the industrial internet (2021-2023)`
_OWN_AND_VERB = re.compile(r"\W*(?:and|but)\s+(?:then\s+)?(?:\w+ed|topped|hit)\b", re.I)
_CONSEQUENCE = re.compile(
    r"\s*(?:That|This|Which|Such\s+\w+)\s+(?:would|will|could|should|might|may)\b"
)
# a yearly growth rate up to a year (`_growth_span`)
_THROUGH_LEAD = re.compile(r"(?:through|to|until|till)\s", re.I)
_PER_YEAR = re.compile(r"\b(?:a|per|each)\s+year\b|\bannually\b", re.I)
_ANNUAL_RATE = re.compile(
    r"\b(?:compound annual|average annual|annual(?:i[sz]ed)? (?:average )?(?:growth )?rate|"
    r"CAGR)\b",
    re.I,
)
# a base level introduced by `from` (within a few words before its year) and the `to` after it
_FROM_BEFORE = re.compile(r"\bfrom\s+[^,;]{0,40}$", re.I)
_TO_AFTER = re.compile(r"\bto\b", re.I)
_COMPOUND_RATE = re.compile(r"\b(?:compound annual|CAGR)\b", re.I)
_NEW_SUBJECT = re.compile(r",\s*(?:and|but|while|whereas)\s+[A-Z]|;")
_COORD_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)")
_BY_YEAR_TITLE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b", re.I)
_PERFECT_ACTIVE = re.compile(
    r"\b(?:has|have)\s+[\"\u201c]?(?:\w+ly\s+)?(?!been\b)(?:\w+ed|built|grown|won|set up|made|become|paid|"
    r"spent|put|sold|brought|taken|given|seen|drawn|held|run|led|written|begun|done|sent|laid|"
    r"met|bought|won|shown|grown|thrown|struck|kept|found|got|gotten)\b",
    re.I,
)
_REPORT_METHOD = re.compile(
    r"\W*(?:the|this|its)\s+(?:[\w-]+\s+){0,3}?(?:white\s+paper|paper|report|survey|study|"
    r"alliance|authors|researchers)\s+(?:\w+ly\s+)?(?:counts|counted|was\s+compiled|"
    r"were\s+compiled|surveyed|polled|interviewed|sampled|covers|covered|tracks|tracked|"
    r"analy[sz]es|analy[sz]ed|examined|reviewed|draws\s+on|drew\s+on)\b",
    re.I,
)
_NOTICE_TITLE = re.compile(r"\b(?:notice|circular)\b", re.I)
_PLAN_PERIOD = re.compile(r"\b(?:in|during|over|within)\s+the\s+plan\s+period\b", re.I)
_INTENT_WORD = folded(  # (searched over a whole text: folded, not `re.I`, see casefold)
    r"(?:%|per\s*cent|thirds|quarters|half|fifths?|in\s+(?:two|three|four|five|ten))\)?\s+"
    r"(?:of\s+(?:the\s+)?\w+\s+)?(?:said\s+they\s+)?(?:plan|intend|expect|aim)"
)
# the surveyed and their intention verb, left open (status.py adds `would|will`, this `to`)
INTENT_AFTER_SHARE = (
    r"\)?\s+(?:of\s+(?:them|those\s+surveyed|(?:the\s+)?respondents)\s+)?(?:said\s+they\s+)?"
    r"(?:plan|plans|"
    r"planned|intend|intends|intended|expect|expects|expected|aim|aims"
)
_INTENDING = re.compile(
    INTENT_AFTER_SHARE + r")\s+(?:to\b|(?:the\s+)?(?:\w+\s+){1,2}to\b|their\b|it\b|them\b)"
    r"|\)?\s+of\s+(?:the\s+)?(?:respondents|those\s+surveyed)\s+(?:said\s+they\s+)?"
    r"(?:plan|intend|expect|anticipate|aim)",
    re.I,
)
INTENDING_SHARE = _INTENDING  # a share of the surveyed, followed by their intention
_FOR_LEAD = re.compile(r"\W*for\s+", re.I)
_PERIOD_PAREN = re.compile(r"\bperiod\s*\(", re.I)
_PLAN_RANGE = re.compile(
    r"\b(?:plan|program(?:me)?|outline|strategy|scheme|roadmap|guidelines?|opinions)\b"
    r"[^.()\n]{0,120}?\(\s*((?:19|20)\d{2})\s*[-\u2013\u2014~]\s*((?:19|20)\d{2})\s*\)",
    re.I,
)


# per pattern, by `id` (a compiled pattern hashes its whole program at every dict look-up: about
# 3 microseconds for the longest), with the pattern itself (kept alive, so its id stays its own):
# [pattern, its needed strings (`_needs`), their trie-shaped pattern or None (False: not yet)]
_NEEDS: dict[int, list] = {}
# a long list of needed strings as one trie-shaped pattern (`trie_pattern`): in a short sentence,
# one scan of it finds any of them (`absent`) quicker than one `in` test per string; in a longer
# one the tests are quicker
_TRIE_FROM = 12  # strings; shorter lists are looked up one by one (as quick)
_TRIE_SPAN = 64  # characters


def _needs_entry(pattern: FoldedPattern | re.Pattern) -> list:
    e = _NEEDS.get(id(pattern))
    if e is None or e[0] is not pattern:
        needs = required_literals(pattern.pattern)
        ok = needs is not None and all(n.isascii() for n in needs)
        e = _NEEDS[id(pattern)] = [pattern, tuple(n.lower() for n in needs) if ok else None, False]
    return e


def _needs(pattern: FoldedPattern | re.Pattern) -> tuple[str, ...] | None:
    """The strings one of which every match of `pattern` consumes (`required_literals`), lower
    case, to be looked for in the folded text (`fold` folds an ASCII letter as `re.IGNORECASE`
    matches it; a case-sensitive literal is then looked for in more places, never fewer); None
    when unknown or not all ASCII."""
    return _needs_entry(pattern)[1]


def _search_needed(pattern: re.Pattern, text: str, a: int, b: int) -> re.Match | None:
    """`pattern.search(text, a, b)`, not run when the folded stretch holds none of the strings
    one of which every match consumes (`_needs`)."""
    needs = _needs(pattern)
    if needs is not None:
        f = fold(text[a:b])
        if not any(map(f.__contains__, needs)):
            return None
    return pattern.search(text, a, b)


def absent(
    doc: Doc, pattern: FoldedPattern | re.Pattern, sentence: tuple[int, int], a: int, b: int
) -> bool:
    """Whether `pattern` surely has no match in `doc.text[a:b]` (a stretch of `sentence`, searched
    as a string of its own or as `pattern.search(doc.text, a, b)`): the folded sentence holds
    none of the strings one of which every match consumes (`_needs`; `fold` folds ASCII the same
    in a stretch as in its sentence). Asked once per pattern and sentence, for all its figures
    (`Doc._absent`: the answers for the sentence asked last, by the pattern's id, which stays its
    own as `_NEEDS` keeps every pattern asked about); False when nothing is known (then the
    pattern is searched)."""
    s0, s1 = sentence
    if a < s0 or b > s1:
        return False
    cur = doc._absent
    if cur[0] != s0 or cur[1] != s1:
        cur = doc._absent = [s0, s1, None, {}]
    hit = cur[3].get(id(pattern))
    if hit is None:
        e = _needs_entry(pattern)
        needs = e[1]
        if needs is None:
            hit = False
        else:
            f = cur[2]
            if f is None:
                f = cur[2] = fold(doc.text[s0:s1])
            if len(f) <= _TRIE_SPAN and len(needs) >= _TRIE_FROM:
                r = e[2]
                if r is False:
                    r = e[2] = re.compile(trie_pattern(sorted(set(needs))))
                hit = r.search(f) is None
            else:
                hit = not any(map(f.__contains__, needs))  # (no Python frame per string)
        cur[3][id(pattern)] = hit
    return hit


def imperative(doc: Doc, s0: int):
    """`IMPERATIVE.match(doc.text, s0)`, once per sentence start (its figures all ask)."""
    key = ("imperative", s0)
    m = doc._par_cache.get(key, key)
    if m is key:
        m = doc._par_cache[key] = IMPERATIVE.match(doc.text, s0)
    return m


@dataclass(frozen=True, slots=True)
class ResolvedPeriod:
    start: int | None
    end: int | None
    # explicit_year | paragraph_year | article_year | plan_year | publication_year | relative | none
    basis: str
    period: Period | None = None
    goal: bool = False  # the figure sits in a list of goals (`... the following goals:`)
    base: bool = False  # a past figure named as a base (`up 30% from last year's 960 million`)


NONE = ResolvedPeriod(None, None, "none")


_SMALL_WORDS = frozenset(
    "a an and at by for from in into of on or the to with under over per via".split()
)


def _is_title(inner: str) -> bool:
    """A quoted name (`White Paper on ... (2022)`, `East Data West Computing`) rather than quoted
    speech (`In the next three years, 5G investment will shift ...`): most of its words are
    capitalised, or it ends with a bracketed year."""
    if re.search(r"\((?:19|20)\d{2}(?:\s*[-\u2013]\s*(?:19|20)\d{2})?\)\W*$", inner):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", inner) if w.lower() not in _SMALL_WORDS]
    if not words:
        return True
    caps = sum(1 for w in words if w[0].isupper())
    return caps * 2 >= len(words) or len(words) <= 3


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quoted names and titles (not quoted speech)."""
    spans = []
    for m in re.finditer(
        r"\u201c[^\u201d\n]{1,300}\u201d|\"[^\"\n]{1,300}\"|\u300a[^\u300b\n]{1,300}\u300b", text
    ):
        if m.group(0)[0] == "\u300a" or _is_title(m.group(0)[1:-1]):
            spans.append((m.start(), m.end()))
    return spans


def usable_periods(doc: Doc) -> list[Period]:
    """The periods that may be reference periods (see module docstring)."""
    text = doc.text
    quoted = _quoted_spans(text)
    quoted_starts = [a for a, _ in quoted]
    out = []
    for p in doc.periods:
        if p.kind not in ("year", "date", "relative", "present"):
            continue
        if p.kind in ("year", "date") and p.year_start is None and p.part is None:
            continue
        if p.kind == "relative" and p.offset_start is None:
            continue
        k = bisect.bisect_right(quoted_starts, p.start) - 1  # the spans are sorted and disjoint
        if k >= 0 and p.end <= quoted[k][1]:
            continue
        before = text[max(0, p.start - 40) : p.start]
        after = text[p.end : p.end + 20]
        if _SINCE.match(p.text) or _SINCE_BEFORE.search(text, max(0, p.start - 90), p.start):
            continue  # `since 2015`: the start of an accumulation, not the reference period
        if _EVENT_BEFORE.search(text, max(0, p.start - 90), p.start):
            continue  # `a plan released in October 2023`: the date of an event
        if p.kind == "year" and start_aside(text, p.start, p.end):
            continue  # `The terminal, which began operating in 2017, set a record`
        if p.kind in ("year", "date") and multiple_base(text, p.start, p.end):
            continue  # `three times the amount in 2019`: the base of a multiple
        if p.kind == "year" and _EVENT_AFTER.match(text, p.end, p.end + 60):
            continue  # `the 2023 annual general meeting`: the year of an event
        if p.kind == "year" and p.year_start == p.year_end and _FROM_TEXT.match(p.text):
            continue  # `up 4 points from 2022`: a comparison base
        if (
            _may_compare(before)
            and _COMPARE_BEFORE.search(before)
            and not _RANGE_AFTER.match(after)
        ):
            single = (p.kind == "relative" and p.offset_start == p.offset_end) or (
                p.kind in ("year", "date") and p.year_start == p.year_end
            )
            if single or not before.rstrip().lower().endswith("over"):
                continue  # `up 5% from last year`: a comparison base
        if p.kind == "year" and _CITED_AFTER.match(after) and _CITATION_BEFORE.search(before):
            continue  # `(Brynjolfsson and Hitt, 2003; Bloom et al., 2012)`: a cited work's year
        if (
            p.kind in ("year", "date")
            and (p.text[:1].isdigit() or p.text[:1] == "(")
            and (stamp_year(text, p.start, p.end) or edition_year(text, p.start, p.end))
        ):
            continue  # a post's stamp line, a report's edition (`stamps.py`)
        if p.kind == "relative" and year_of_span(text, p.start, p.end):
            continue  # `the last year of the 12th Five-Year Plan`: not `last year`
        if p.kind == "year":
            if text[p.start : p.start + 1] == "(" or before.endswith("("):
                if _TITLE_PAREN.search(before.rstrip(" (")):
                    continue
            if p.text[:1].isdigit() and _NAME_AFTER.match(after) and _THE_BEFORE.search(before):
                continue
        if (
            p.kind == "date"
            and not _DATE_LEAD.search(before + p.text[:0])
            and not _STATE_DATE_LEAD.search(before[-9:])
        ):
            lead = p.text.lower()
            if not lead.startswith(("as of", "by", "until", "end of", "the end of")):
                if not (before.endswith("(") and _LABEL_COLON.match(text, p.end)):
                    continue  # (`(31 December 2018: RMB1.0 billion)` labels its figure)
        out.append(p)
    extra = _extra_periods(text, out)
    if extra:
        out = sorted(out + extra, key=lambda p: (p.start, p.end))
    return out


def _extra_periods(text: str, found: list[Period]) -> list[Period]:
    """End-of-month / end-of-year phrases without a year and fiscal years (one pass per text);
    a phrase overlapping a period already found is left to it."""
    spans = [(p.start, p.end) for p in found]
    out = []
    for m in _END_OF.finditer(text):  # a match of the folded text: its offsets, not its text
        month = 12
        if m.group(1):
            key = text[m.start(1) : m.end(1)].lower()[:3]
            month = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(key))
        part = "M1-M12" if month == 12 else f"M1-M{month}"
        out.append(Period(m.start(), m.end(), text[m.start() : m.end()], "year", part=part))
    for h in _HYPHEN_HINT.finditer(text):  # a literal scan; the word before is checked after
        w = _HYPHEN_WORD.search(text, max(0, h.start() - 7), h.start())
        if w is None:
            continue
        word, kind = w.group(1).lower(), h.group(1).lower()
        if kind == "quarter" and word in _ORDINALS:
            part = f"Q{_ORDINALS[word]}"
        elif kind == "half" and word in ("first", "second"):
            part = f"H{_ORDINALS[word]}"
        elif kind == "year" and word in ("full", "whole"):
            part = "M1-M12"
        else:
            continue
        out.append(Period(w.start(), h.end(), text[w.start() : h.end()], "year", part=part))
    for m in _FISCAL.finditer(text) if "FY" in text or "fiscal" in text else ():
        y = m.group(1) or m.group(2)
        year = int(y) if len(y) == 4 else 2000 + int(y)
        out.append(Period(m.start(), m.end(), m.group(0), "year", year, year))
    # overlap test by bisection: `found` is sorted by start; reach[k] = max end of spans[: k + 1]
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    kept = []
    for p in out:
        k = bisect.bisect_left(starts, p.end) - 1
        if k < 0 or reach[k] <= p.start:
            kept.append(p)
    return kept


def _part_end_month(part: str | None) -> int | None:
    """The last month of a part of the year: H1 -> 6, Q3 -> 9, Q1-Q3 -> 9, M1-M11 -> 11."""
    if not part:
        return None
    m = re.search(r"([HQM])(\d{1,2})$", part)
    if not m:
        return None
    n = int(m.group(2))
    return {"H": 6 * n, "Q": 3 * n, "M": n}[m.group(1)]


def _years(p: Period, pub: int | None) -> tuple[int | None, int | None, str]:
    if p.kind == "year" and p.year_start is None:  # `in the first quarter`: this year
        return (pub, pub, "publication_year") if pub is not None else (None, None, "none")
    if p.kind in ("year", "date"):
        return (
            p.year_start,
            (p.year_end if p.year_end is not None else p.year_start),
            "explicit_year",
        )
    if pub is None:
        return None, None, "none"
    if p.kind == "present":
        return pub, pub, "publication_year"
    a, b = p.offset_start, p.offset_end
    if a == 1 and b >= 2 and _NEXT_N_YEARS.search(p.text):
        a, b = 0, b - 1  # the next N years: the publication year and the N-1 after it
    return pub + a, pub + b, "relative"


def attached_to_other(doc: Doc, p: Period, c: QCtx) -> bool:
    """True when `p` directly follows another quantity of the sentence (`4.45 trillion in 2022`)."""
    lo = bisect.bisect_left(doc.q_starts, c.sentence[0])
    hi = bisect.bisect_left(doc.q_starts, p.start)
    for q in doc.quantities[lo:hi]:
        if q is c.q or (
            q.converts is not None
            and 0 <= q.converts < len(doc.quantities)
            and doc.quantities[q.converts].start == c.q.start
        ):
            continue  # the figure itself, or its conversion in brackets
        if conversion_in_clause(doc.quantities, q, c.clause):
            continue  # `rose 14.3% to 240.7 billion yuan ($35 billion) in 2022`: as without it
        # (`41.6 billion yuan (about 5.9 billion U.S. dollars) in 2025`: the bracket closing a
        # conversion)
        if q.end <= p.start and p.start - q.end <= 4 and not doc.text[q.end : p.start].strip(" ,)"):
            return True
        if q.end <= p.start <= q.end + 5 and doc.text[q.end : p.start].strip() in ("", "in", "of"):
            return True
    return False


# a comparison base figure: `up from roughly 9.4 billion at the end of 2020`
_BASE_FIG_LEAD = re.compile(
    r"\b(?:from|(?<!more )(?<!less )(?<!fewer )than|compared (?:with|to)|versus|vs\.?|against)\s+"
    r"(?:(?:about|around|roughly|nearly|some|approximately|just)\s+)?$",
    re.I,
)
# `about 5% below the CNY353 billion spent in 2023` (tried only when `below` / `above` is there)
_TO_AFTER_BASE = re.compile(r"\s*,?\s*to\b")
_BELOW_FIG_LEAD = re.compile(
    r"(?:%|per\s?cent|percent)\s+(?:below|above)(?:\s+the)?\s+"
    r"(?:(?:about|around|roughly|nearly|some|approximately|just)\s+)?$",
    re.I,
)
_BASE_GAP = re.compile(
    r"^[\s,]*(?:(?:in|of|at|as of|by)(?:\s+the)?)?\s*"
    r"(?:(?:end|close|beginning|start)\s+of(?:\s+the)?\s*)?(?:fiscal(?:\s+year)?\s*)?"
    # `from RMB314.0 million in the same period of 2024`
    r"(?:same\s+(?:period|quarter|month|half|time)\s*)?$",
    re.I,
)
# a participle of the base before its period: `the CNY353 billion spent in 2023`
_BASE_PARTICIPLE_GAP = re.compile(
    r"^[\s,]*(?:spent|paid|seen|[a-z]{3,}ed)\s+(?:(?:in|at|by)(?:\s+the)?)?\s*$", re.I
)


# the occasion of the base before its period: `up from just two in the first batch in 2018`
_BASE_OCCASION_GAP = re.compile(r"^[ \t]+(?:in|at)[ \t]+the[ \t]+(?:[a-z]+[ \t]+){1,2}$")


def base_period(doc: Doc, p: Period) -> bool:
    """True when `p` is the period of a comparison base figure (`up from roughly 9.4 billion at
    the end of 2020`): it dates that base only, not the other figures of the sentence or of the
    sentences after it. Depends on the span only: cached per span."""
    key = ("base_period", p.start, p.end)
    hit = doc._par_cache.get(key)
    if hit is None:
        hit = doc._par_cache[key] = _base_period(doc, p)
    return hit


def _base_period(doc: Doc, p: Period) -> bool:
    text = doc.text
    s0 = doc.seg.sentence_at(p.start)[0]
    i = bisect.bisect_left(doc.q_starts, p.start) - 1
    while i >= 0 and doc.quantities[i].start >= s0:
        q = doc.quantities[i]
        if q.end <= p.start:
            if p.start - q.end > 24:
                return False
            gap = text[q.end : p.start]
            participle = False
            if not _BASE_GAP.match(gap):
                if _BASE_OCCASION_GAP.match(gap):
                    pass  # `up from just two in the first batch in 2018`
                elif not _BASE_PARTICIPLE_GAP.match(gap):
                    return False
                else:
                    participle = True
            if _TO_AFTER_BASE.match(text[p.end : p.end + 8]):
                return False  # `from 11.2 trillion yuan in 2012 to ...`: a change, not a base
            a = q.number_start if q.number_end > q.number_start else q.start
            # the lead before the number, or before a currency prefix (`from RMB1,535.4 million`)
            b = q.start if q.start < a else a
            if _search_needed(_BASE_FIG_LEAD, text, max(s0, a - 40), a) or (
                q.start < a and _search_needed(_BASE_FIG_LEAD, text, max(s0, q.start - 40), q.start)
            ):
                return True
            if (
                participle
                or text.find("below", max(s0, b - 24), b) >= 0
                or text.find("above", max(s0, b - 24), b) >= 0
            ):
                return bool(_BELOW_FIG_LEAD.search(text, max(s0, b - 40), b))
            return False
        i -= 1
    return False


def respective_members(doc: Doc, sentence: tuple[int, int]) -> list[int]:
    """Indices of the figures listed right before `respectively` in the sentence (`2.1%, 2.4%
    and 2.9%, respectively`; the last one may be followed by its years or a short phrase), or
    [] when there is no such list of at least two (cached per sentence). With several
    `respectively` in the sentence, the first list (see `respective_groups`)."""
    groups = respective_groups(doc, sentence)
    return groups[0] if groups else []


def respective_groups(doc: Doc, sentence: tuple[int, int]) -> list[list[int]]:
    """The lists of figures closed by each `respectively` of the sentence (`... 1.42 trillion
    yuan and 1.76 trillion yuan respectively, with growth of 23.3 percent and 23.9 percent,
    respectively`: two lists); cached per sentence."""
    key = ("resp_groups", sentence)
    hit = doc._par_cache.get(key)
    if hit is not None:
        return hit
    text = doc.text
    s0, s1 = sentence
    groups: list[list[int]] = []
    lo = s0
    for m in _RESPECTIVELY.finditer(text, s0, s1):
        members: list[int] = []
        qs = doc.quantities
        j = bisect.bisect_left(doc.q_starts, m.start()) - 1
        while j >= 0 and qs[j].start >= lo:
            nxt = qs[members[-1]].start if members else m.start()
            if qs[j].converts is None:
                gap = text[qs[j].end : nxt]
                # the last figure may be followed by the years (`... in 2020 and 2021, resp.`)
                if not (_LIST_GAP.match(gap) or (not members and _TAIL_GAP.match(gap))):
                    break
                members.append(j)
            j -= 1
        members.reverse()
        if len(members) >= 2:
            groups.append(members)
        lo = m.end()
    doc._par_cache[key] = groups
    return groups


def _list_line_fits(text: str, a: int, b: int) -> bool:
    """A paragraph short enough to be a line of a list (a bullet line may be longer)."""
    n = b - a
    return n <= _LIST_LINE_MAX or (
        n <= _BULLET_LINE_MAX and _BULLET_LINE.match(text, a) is not None
    )


def heading_lists(doc: Doc) -> list[tuple[int, int, int, tuple[int, int]]]:
    """Lists under a heading: a paragraph ending with a colon that does not speak of goals
    (`5G base stations at the end of 2023:`) followed by short list lines (`Guangdong: 325,000`,
    bullets). (start, end, number of lines, heading span) per list; the heading is its last
    sentence."""
    cached = doc._par_cache.get("heading_lists")
    if cached is not None:
        return cached
    text = doc.text
    pars = doc.seg.paragraphs
    out = []
    i = 0
    while i < len(pars) - 1:
        a, b = pars[i]
        if text[b - 1] not in ":\uff1a":
            i += 1
            continue
        h0 = doc.seg.sentence_at(b - 1)[0]
        if _GOAL_HEAD.search(text, h0, b):
            i += 1
            continue
        j = i + 1
        while (
            j < len(pars)
            and _list_line_fits(text, *pars[j])
            and (_LIST_LINE.match(text, pars[j][0]) or _LIST_ITEM.match(text, pars[j][0]))
            and text[pars[j][1] - 1] not in ":\uff1a"
        ):
            j += 1
        if j > i + 1:
            out.append((pars[i + 1][0], pars[j - 1][1], j - i - 1, (h0, b)))
        i = max(j, i + 1)
    doc._par_cache["heading_lists"] = out
    return out


class PeriodResolver:
    """Resolves periods for the quantities of one document (periods indexed once)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.periods = usable_periods(doc)
        self._starts = [p.start for p in self.periods]
        self._in_cache: dict[tuple[int, int], tuple[Period, ...]] = {}
        self.pub = doc.pub_year
        self._article_year: int | None | bool = False  # False: not computed yet
        self._title_plan: tuple[int, int] | None | bool = False
        self._doc_plan: tuple[int, int] | None | bool = False
        self._brackets: int | None | bool = False
        self._carry: dict[tuple[int, int], dict[tuple[int, int], list[Period]]] = {}
        self._has_since = "ince " in doc.text  # once per text: `since 2015` spans
        # `over the same years` series (once per text)
        self._has_same_years = "same" in doc.text and _SAME_YEARS_TEXT.search(doc.text) is not None
        self._intents: dict[int, bool] = {}  # period start -> dates a surveyed intention
        self._may_intend = _INTENT_WORD.search(doc.text) is not None  # once per text
        self._blocks = self._goal_blocks()
        self._block_starts = [b[0] for b in self._blocks]
        self.lists = heading_lists(doc)
        self._list_starts = [b[0] for b in self.lists]
        self._list_periods = [self._heading_period(b[3]) for b in self.lists]
        self._sections = self._section_heads()
        self.has_respectively = "espectively" in doc.text
        self._section_starts = [h[0] for h in self._sections]

    def _section_heads(self) -> list[tuple[int, Period | None]]:
        """Section headings (a short line without final punctuation) and their year: numbered
        ones (`II. Main targets`), and unnumbered ones that name a year (`Provincial indicators
        (end of 2020)`), whose scope also ends at the next unnumbered heading. A heading without
        a year whose first paragraph opens with one (`II. Main targets` / `By 2025, ...`, `1.
        Overall scale` / `In 2024, ...`) takes that year (see `_opened`)."""
        text = self.doc.text
        out: list[tuple[int, Period | None]] = []
        pars = self.doc.seg.paragraphs
        self._opened: set[int] = set()
        numbered_last = True
        for k, (a, b) in enumerate(pars):
            line = text[a:b].strip()
            if len(line) > _SECTION_HEAD_MAX or "\n" in line or line[-1:] in ".:;!?,":
                continue
            numbered = _SECTION_HEAD.match(line) is not None
            if not numbered and (
                k == 0
                or len(line) > _PLAIN_HEAD_MAX
                or not line[:1].isupper()
                or _LIST_LINE.match(line)
                or _LIST_ITEM.match(line)
                or k + 1 >= len(pars)
            ):
                continue
            found = [
                p
                for p in self._in(a, b)
                if p.kind in ("year", "relative") and _years(p, self.pub)[1] is not None
            ]
            period = found[-1] if found else None
            if len(found) > 1 and period.kind == "relative":
                # `Review of Our Work in 2011 and over the Past Five Years`: the year reviewed
                # dates the section's figures, the span its summary sentences (which say so)
                period = next((p for p in found if p.kind == "year"), period)
            if period is None and k + 1 < len(pars):
                n0, n1 = pars[k + 1]
                first = [
                    p
                    for p in self._in(n0, n1)
                    if p.start - n0 <= _OPENING_YEAR
                    and p.kind == "year"
                    and p.year_end is not None
                    and p.year_start == p.year_end
                ]
                if first and text[first[0].end : first[0].end + 2].startswith(","):
                    period = first[0]  # `By 2025, ...` / `In 2024, ...` opening the section
                    self._opened.add(a)
            if not numbered and period is None:
                if not numbered_last and out and out[-1][1] is not None:
                    out.append((a, None))  # ends the scope of an unnumbered dated heading
                continue
            numbered_last = numbered
            out.append((a, period))
        return out

    def section_fits(self, pos: int, res: ResolvedPeriod, lead: str) -> bool:
        """A section year taken from the section's opening sentence (`By 2025, ...`) dates the
        section's later sentences of the same kind only: a year after publication the ones
        that look ahead (`will`, `plans to`), a year before it the ones that do not."""
        i = bisect.bisect_right(self._section_starts, pos) - 1
        if i < 0 or self._sections[i][0] not in self._opened or self.pub is None:
            return True
        if res.end is None:
            return False
        ahead = bool(FUTURE_WORDS.search(lead) or TARGET_WORDS.search(lead) or _WILL.search(lead))
        return ahead if res.end > self.pub else not ahead

    def section_period(self, pos: int) -> Period | None:
        """The year of the section heading above `pos` (None without one, or a heading without
        a year)."""
        i = bisect.bisect_right(self._section_starts, pos) - 1
        return self._sections[i][1] if i >= 0 else None

    def _in(self, a: int, b: int) -> tuple[Period, ...]:
        """The usable periods inside [a, b), in order (cached per span: the rules of every
        figure of a sentence ask for its sentence's, clause's and paragraph's)."""
        key = (a, b)
        hit = self._in_cache.get(key)
        if hit is None:
            i = bisect.bisect_left(self._starts, a)
            j = bisect.bisect_left(self._starts, b)
            hit = self._in_cache[key] = tuple([p for p in self.periods[i:j] if p.end <= b])
        return hit

    # ---- document-level context, computed once --------------------------------------------
    def article_year(self) -> int | None:
        """The year the article reports on: the year named most often (explicit years and
        resolved relative years, not after publication; ties go to the later year)."""
        if self._article_year is False:
            counts: dict[int, int] = {}
            text = self.doc.text
            # event years (`the 2023 annual general meeting`) are not reference periods of
            # figures, but still tell what year the article is about
            events = [
                p
                for p in self.doc.periods
                if p.kind == "year"
                and p.year_start is not None
                and _EVENT_AFTER.match(text, p.end, p.end + 60)
            ]
            for p in self.periods + events:
                if p.kind == "present":
                    continue
                if p.kind == "year" and p.year_start is None:
                    # `in the first quarter` published in April: a vote for the publication year
                    end = _part_end_month(p.part)
                    pub_d = self.doc.published
                    if pub_d is not None and end is not None and end <= pub_d.month:
                        counts[pub_d.year] = counts.get(pub_d.year, 0) + 1
                    continue
                a, b, _ = _years(p, self.pub)
                if b is None or a != b or (self.pub is not None and b > self.pub):
                    continue
                if self.pub is None and self._target_year(p):
                    continue  # `by 2025` in an undated text: a goal, not the year reported on
                if _ORIGINAL_TITLE.match(text, self.doc.seg.paragraph_at(p.start)[0]):
                    continue  # `Original title: ...`: the source text's title, not this one
                if p.kind == "date" and b == self.pub:
                    continue  # the release date (`Date of disclosure: 2024-04-26`)
                if p.kind == "date" and _LABEL_COLON.match(text, p.end):
                    continue  # `(31 December 2018: RMB1.0 billion)`: a comparative's date
                if b == self.pub and p.kind == "year":
                    s0, s1 = self.doc.seg.sentence_at(p.start)
                    if FUTURE_WORDS.search(text, s0, s1):
                        continue  # `will reach 5.67 trillion yuan in 2025`: a forecast
                counts[b] = counts.get(b, 0) + 1
            self._article_year = max(counts, key=lambda y: (counts[y], y)) if counts else None
            self._year_votes = counts
        return self._article_year  # type: ignore[return-value]

    def _survey_section(self, p0: int) -> bool:
        """`present_state.in_survey_section`, once per paragraph."""
        key = ("survey_section", p0)
        hit = self.doc._par_cache.get(key)
        if hit is None:
            text = self.doc.text
            low = self.doc._par_cache.get("lowered")
            if low is None:  # (once per text; "" when lowering changes the length)
                low = self.doc._par_cache["lowered"] = text.lower()
                if len(low) != len(text):
                    low = self.doc._par_cache["lowered"] = ""
            hit = self.doc._par_cache[key] = in_survey_section(text, p0, low or None)
        return hit

    def _clear_article_year(self) -> int | None:
        """The article year, in an undated text only when it is clearly what the text is about:
        named at least `_UNDATED_VOTES` times, or in the heading lines with a report word (`2024
        ESG Report`, `Annual Review 2023`), not a founding year, a copyright range or one of a few milestones of
        a facts page or a speaker's bio."""
        y = self.article_year()
        if y is None or self.pub is not None:
            return y
        if self._year_votes.get(y, 0) >= _UNDATED_VOTES:
            return y
        head = self.doc.text[: self.doc.title[1] + _HEAD_CHARS]
        m = _UNDATED_REPORT.search(head)
        return y if m is not None and str(y) in head else None

    def _named_by(self, y: int, pos: int) -> bool:
        """The year `y` has been named (an explicit or relative period ending in it) before
        `pos`: until then a news text speaks of its own time (`The expo closed on Friday. 86
        projects were signed` before any paragraph on last year's figures); computed once per
        year."""
        key = ("first_named", y)
        first = self.doc._par_cache.get(key)
        if first is None:
            first = next(
                (
                    p.start
                    for p in self.periods
                    if p.kind != "present" and _years(p, self.pub)[1] == y
                ),
                len(self.doc.text),
            )
            self.doc._par_cache[key] = first
        return first < pos

    def _target_year(self, p: Period) -> bool:
        """A year named as a deadline or goal (`by 2025`, `aims ... in 2025`)."""
        if _BY_LEAD.match(p.text):
            return True
        s0, s1 = self.doc.seg.sentence_at(p.start)
        return bool(TARGET_WORDS.search(self.doc.text, s0, s1))

    def title_plan(self) -> tuple[int, int] | None:
        """The period of a plan named in the title (`Action Plan for ... (2023-2025)`)."""
        if self._title_plan is False:
            t0, t1 = self.doc.title
            m = _PLAN_RANGE.search(self.doc.text, t0, t1)
            self._title_plan = (int(m.group(1)), int(m.group(2))) if m else None
        return self._title_plan  # type: ignore[return-value]

    def title_target(self) -> int | None:
        """The deadline a title names (`Zhejiang unveils plan to build ... by 2027`), when not
        before publication; computed once."""
        hit = self.doc._par_cache.get("title_target", False)
        if hit is False:
            t0, t1 = self.doc.title
            m = _BY_YEAR_TITLE.search(self.doc.text, t0, t1)
            hit = int(m.group(1)) if m else None
            if hit is not None and self.pub is not None and hit < self.pub:
                hit = None
            self.doc._par_cache["title_target"] = hit
        return hit

    def _bracket_years(self) -> int | None:
        """Offset of the first `(19..`/`(20..` of the text (a plan named with its years needs
        one), None without; computed once."""
        if self._brackets is False:
            text = self.doc.text
            found = [i for i in (text.find("(20"), text.find("(19"), text.find("( 20")) if i >= 0]
            self._brackets = min(found) if found else None
        return self._brackets  # type: ignore[return-value]

    def doc_plan(self) -> tuple[int, int] | None:
        """The period of the first plan the text names with its years (`the action plan
        (2023-2025)`): the plan a notice's commitments belong to."""
        if self._doc_plan is False:
            text = self.doc.text
            k = self._bracket_years()  # cheap scan first: `(2023-2025)`
            m = _PLAN_RANGE.search(text, max(0, k - 200)) if k is not None else None
            self._doc_plan = (int(m.group(1)), int(m.group(2))) if m else None
        return self._doc_plan  # type: ignore[return-value]

    def _goal_blocks(self) -> list[tuple[int, int, int | None]]:
        """Lists of goals: a paragraph ending with a colon that speaks of goals/targets opens a
        block; the block runs over the following list-item paragraphs (`(1)`, `1.`, bullets).
        A colon inside a paragraph opens a block to the paragraph's end. The block's year is
        the first year of the heading (`By 2025, strive to achieve the following goals:`), else
        the last year of a plan named in the title."""
        text = self.doc.text
        pars = self.doc.seg.paragraphs
        blocks: list[tuple[int, int, int | None]] = []
        i = 0
        while i < len(pars):
            a, b = pars[i]
            colon = text.rfind(":", a, b)
            if colon < 0:
                i += 1
                continue
            head0 = self.doc.seg.sentence_at(colon)[0]
            heads = [(head0, colon)]
            if colon - head0 <= _SHORT_HEAD:
                # `By 2023, ... will be achieved. Specifically:` / `The main targets are:`: the
                # sentence before a short heading (same paragraph, else the previous one) speaks
                # for it
                k = self.doc.seg.sentence_index(head0) - 1
                if k >= 0 and self.doc.seg.paragraph_index(self.doc.seg.sentences[k][0]) >= i - 1:
                    heads.append(self.doc.seg.sentences[k])
            if not any(self._goal_head(*h) for h in heads):
                i += 1
                continue
            year = None
            for h in heads:
                for p in self._in(*h):
                    if p.kind == "year" and p.year_end is not None:
                        year = p.year_end
                        break
                if year is not None:
                    break
            if year is None and self.title_plan() is not None:
                year = self.title_plan()[1]  # type: ignore[index]
            if year is None:
                year = self.title_target()  # `... clusters by 2027` in the title
            end = b
            j = i + 1
            if not text[colon + 1 : b].strip():
                while j < len(pars) and _LIST_ITEM.match(text, pars[j][0]):
                    end = pars[j][1]
                    j += 1
            if end > colon + 1:
                blocks.append((colon + 1, end, year))
            i = j
        return blocks

    def _goal_head(self, a: int, b: int) -> bool:
        """A heading that speaks of goals (`strive to achieve the following goals`), or says
        what will be done by a year not yet over (`By 2023, the country will have built ...`)."""
        text = self.doc.text
        if _GOAL_HEAD.search(text, a, b):
            return True
        if not _WILL.search(text, a, b) or self.pub is None:
            return False
        return any(
            p.kind == "year" and p.year_end is not None and p.year_end >= self.pub
            for p in self._in(a, b)
        )

    def _heading_period(self, head: tuple[int, int]) -> Period | None:
        """The last period of a list heading (`Value added by province, 2023 (preliminary):`)."""
        found = [
            p
            for p in self._in(*head)
            if (p.kind in ("year", "date") and p.year_start is not None) or p.kind == "relative"
        ]
        return found[-1] if found else None

    def list_heading(self, pos: int) -> tuple[tuple[int, int], Period | None] | None:
        """(heading span, heading period) of the list line holding `pos`, if any."""
        i = bisect.bisect_right(self._list_starts, pos) - 1
        if i >= 0 and self.lists[i][0] <= pos < self.lists[i][1]:
            return self.lists[i][3], self._list_periods[i]
        return None

    def goal_block(self, pos: int) -> tuple[int, int, int | None] | None:
        i = bisect.bisect_right(self._block_starts, pos) - 1
        if i >= 0 and self._blocks[i][0] <= pos < self._blocks[i][1]:
            return self._blocks[i]
        return None

    # ---- per quantity ---------------------------------------------------------------------
    def _make(self, p: Period, basis: str | None = None, c: QCtx | None = None) -> ResolvedPeriod:
        a, b, kind_basis = _years(p, self.pub)
        if a is None:
            return NONE
        if c is not None and kind_basis == "publication_year" and p.kind == "year":
            y = self._report_year()
            if y is not None and _THE_YEAR.search(self.doc.text, p.start, p.end + 4):
                # `At the end of the year, ...` in a statistical bulletin on 2023: its year
                return ResolvedPeriod(y, y, "article_year", p)
            if self._previous_year_part(p, c):
                return ResolvedPeriod(a - 1, b - 1, "relative", p)
        if p.kind == "date" and p.part is None and p.month is not None and p.day is None:
            # `by the end of June 2023`: the months up to June, as `by the end of June` without
            # the year
            if _END_OF_LEAD.search(self.doc.text, max(0, p.start - 16), p.start):
                p = replace(p, part="M1-M12" if p.month == 12 else f"M1-M{p.month}")
        return ResolvedPeriod(a, b, basis or kind_basis, p)

    def _previous_year_part(self, p: Period, c: QCtx) -> bool:
        """A part of `the year` without a year that had not ended at publication, in a sentence
        that does not look ahead, is last year's: `connected 1.2 million devices by the end of
        the year` published in March, `in the first three quarters` published in January."""
        pub = self.doc.published
        end = _part_end_month(p.part)
        if pub is None or end is None or end <= pub.month:
            return False
        text, (s0, s1) = self.doc.text, c.sentence
        return not (
            FUTURE_WORDS.search(text[s0 : p.start])
            or FUTURE_WORDS.search(text[p.end : s1])
            or _LOOK_AHEAD.search(text, s0, s1)
            or _INTENT_AHEAD.search(text, s0, s1)
            or self._goal_heading(c.q.start)
        )

    def _goal_heading(self, pos: int) -> bool:
        """`pos` lies in a section whose heading names goals (`Our three goals for 2023`): its
        `by the end of the year` looks ahead."""
        i = bisect.bisect_right(self._section_starts, pos) - 1
        if i < 0:
            return False
        a = self._sections[i][0]
        b = self.doc.text.find("\n", a)
        return (
            _GOAL_HEADING.search(self.doc.text, a, b if b >= 0 else len(self.doc.text)) is not None
        )

    def _respectively(self, c: QCtx) -> ResolvedPeriod | None:
        """`In 2017, 2018 and 2019 its share was 2.1%, 2.4% and 2.9%, respectively`: a list of
        figures closed by `respectively` and a list of as many years in the sentence pair up in
        order (computed once per sentence)."""
        key = ("resp", c.sentence)
        table = self.doc._par_cache.get(key)
        if table is None:
            table = self.doc._par_cache[key] = self._respective_years(c.sentence)
        return table.get(c.index)

    def _respective_years(self, sentence: tuple[int, int]) -> dict[int, ResolvedPeriod]:
        out: dict[int, ResolvedPeriod] = {}
        for members in respective_groups(self.doc, sentence):
            out.update(self._respective_group_years(sentence, members))
        return out

    def _respective_group_years(
        self, sentence: tuple[int, int], members: list[int]
    ) -> dict[int, ResolvedPeriod]:
        text = self.doc.text
        s0, s1 = sentence
        # a list of as many years elsewhere in the sentence, else in the heading of the list
        # line it is (`Indicators in 2024 and 2023 are as follows:` / `Energy: 41,200 tce and
        # 44,800 tce respectively.`)
        ys = [p for p in self._in(s0, s1) if p.kind in ("year", "date") and p.year_start]
        if not ys and self.lists:
            lh = self.list_heading(s0)
            if lh is not None:
                ys = [p for p in self._in(*lh[0]) if p.kind in ("year", "date") and p.year_start]
        for k in range(len(ys)):
            run = [ys[k]]
            for p in ys[k + 1 :]:
                if not _YEAR_LIST_GAP.match(text[run[-1].end : p.start]):
                    break
                run.append(p)
            years = [(int(y.group(0)), p) for p in run for y in _YEAR_DIGITS.finditer(p.text)]
            if len(years) == len(members):
                return {
                    i: ResolvedPeriod(y, y, "explicit_year", p)
                    for i, (y, p) in zip(members, years, strict=True)
                }
        return self._series_years(ys, members)

    def _series_years(self, ys: list[Period], members: list[int]) -> dict[int, ResolvedPeriod]:
        """`... was 3.41 trillion yuan in 2019, 3.57 trillion yuan in 2020 and 4.10 trillion
        yuan in 2021, equal to 3.44%, 3.51% and 3.58% of GDP respectively`: a list without years
        of its own takes those of an earlier series of the sentence, each year right after a
        figure, when they are as many."""
        qs = self.doc.quantities
        first = qs[members[0]].start
        text = self.doc.text
        before = [p for p in ys if p.end <= first]
        if len(before) != len(members) or any(p.year_start != p.year_end for p in before):
            return {}
        for p in before:
            j = bisect.bisect_left(self.doc.q_starts, p.start) - 1
            if j < 0 or text[qs[j].end : p.start].strip():
                return {}  # not a year right after a figure
        return {
            i: ResolvedPeriod(p.year_start, p.year_start, "explicit_year", p)
            for i, p in zip(members, before, strict=True)
        }

    def _apposition(self, c: QCtx, depth: int) -> ResolvedPeriod | None:
        """`the total grew to 5.28 trillion yuan last year, or about 3.9 percent of GDP`: a
        figure set after another one by `, or` restates it and takes its period (unless a
        period follows it in its clause)."""
        i = c.index
        if depth > 2 or i == 0:
            return None
        prev = self.doc.quantities[i - 1]
        if prev.start < c.sentence[0] or prev.converts is not None:
            return None
        text = self.doc.text  # (every gap it matches holds `,` and `or`: looked up first)
        if (
            text.find("or", prev.end, c.q.start) < 0
            or text.find(",", prev.end, c.q.start) < 0
            or not _APPOSITION_GAP.fullmatch(text, prev.end, c.q.start)
        ):
            return None
        if self._in(c.q.end, max(c.own[1], c.q.end)):
            return None
        return self.resolve(quantity_context(self.doc, i - 1), depth + 1)

    def _distinct_years(self, a: int, b: int) -> list[int]:
        """The years named in [a, b), in order, once each (`2022 and 2023`: both)."""
        years: list[int] = []
        for p in self._in(a, b):
            if p.kind != "year" or p.year_start is None or p.year_end is None:
                continue
            if p.year_start == p.year_end:
                found = [p.year_start]
            elif " and " in p.text:
                found = [p.year_start, p.year_end]
            else:
                continue
            years.extend(y for y in found if y not in years)
        return years

    def _plan_goal(self, c: QCtx, own: list[Period]) -> int | None:
        """The last year of a plan named by a year range before the figure in its clause, the
        subject of a goal verb (`plan_spans.plan_goal_year`)."""
        q = c.q
        num0 = q.number_start if q.number_end > q.number_start else q.start
        for p in own:
            if p.end <= num0 and p.year_end != p.year_start:
                y = plan_goal_year(self.doc.text, c.sentence[0], p, num0)
                if y is not None:
                    return y
        return None

    def _same_years(self, c: QCtx) -> ResolvedPeriod | None:
        """`... is to rise from 37 percent in 2013 to 50 percent in 2015, 70 percent in 2020
        and 82 percent in 2025. The rate of X is to go from 52 percent to 58 percent, 72
        percent and 84 percent over the same years`: the members of a series (figures of one
        unit joined by `to`, `,`, `and`) take, in order, the years of the sentence before,
        when they are as many."""
        s0, s1 = c.sentence
        text = self.doc.text
        if absent(self.doc, _SAME_YEARS, c.sentence, s0, s1):
            return None  # (the sentence has none of the words: asked once per sentence)
        if _SAME_YEARS.search(text, s0, s1) is None:
            return None
        qs = self.doc.quantities
        lo = hi = c.index
        while (
            lo > 0
            and qs[lo - 1].start >= s0
            and qs[lo - 1].unit == c.q.unit
            and _SERIES_LINK.fullmatch(text, qs[lo - 1].end, qs[lo].start)
        ):
            lo -= 1
        while (
            hi + 1 < len(qs)
            and qs[hi + 1].start < s1
            and qs[hi + 1].unit == c.q.unit
            and _SERIES_LINK.fullmatch(text, qs[hi].end, qs[hi + 1].start)
        ):
            hi += 1
        if hi == lo:
            return None
        # `In 2021, 2022 and 2023, X reached ..., and Y stood at 150, 240 and 340 in the same
        # three years`: the years of the sentence before the series, else of the sentence before
        years = self._distinct_years(s0, qs[lo].start)
        if len(years) != hi - lo + 1:
            p0, p1 = self.doc.seg.sentence_at(s0 - 1)
            if s0 <= c.paragraph[0] or p0 < c.paragraph[0]:
                return None
            years = self._distinct_years(p0, p1)
        if len(years) != hi - lo + 1:
            return None
        y = years[c.index - lo]
        return ResolvedPeriod(y, y, "explicit_year")

    def resolve(self, c: QCtx, depth: int = 0) -> ResolvedPeriod:
        if c.index > 0:
            res = self._apposition(c, depth)
            if res is not None and res.start is not None:
                return res
        if self._has_same_years:  # before a `respectively` list of an earlier clause
            res = self._same_years(c)
            if res is not None:
                return res
        if self.has_respectively:
            res = self._respectively(c)
            if res is not None:
                return res
        res = self._each_year(c)
        if res is not None:
            return res
        res = self._possessive(c)
        if res is not None:
            return res
        a = c.q.number_start if c.q.number_end > c.q.number_start else c.q.start
        lead24 = self.doc.text[max(c.sentence[0], a - 24) : a]
        if ("rrent" in lead24 or "esent" in lead24 or "xisting" in lead24) and (
            _CURRENT_BEFORE.search(lead24)
        ):
            # `to 10 from the current four`: the level now, whatever the plan around it
            if self.pub is None:
                return replace(NONE, base=True)
            return ResolvedPeriod(self.pub, self.pub, "publication_year", base=True)
        res = self._resolve(c)
        if self._has_since and res.basis == "publication_year":
            res = self._after_since(c, res)
        back = (
            self._year_earlier_base(c, res) if res.start is not None and res.end is not None else 0
        )
        if back:
            res = ResolvedPeriod(res.start - back, res.end - back, "relative", res.period)
        if res.period is not None and res.start is not None and res.end is not None:
            if res.start < res.end and res.basis == "explicit_year":
                res = self._from_to(c, res)
        if c.q.unit == "percent" and res.period is not None and res.start == res.end:
            res = self._growth_span(c, res)
        if c.q.unit == "percent" and res.end is not None and res.start == res.end:
            n = average_years(self.doc.text, c.sentence[0], c.q.start, c.q.end, self.doc.norm)
            if n is not None:  # `the average growth over the two years was 7 percent`
                res = replace(res, start=res.end - n + 1)
        elif c.q.unit not in ("percent", "percentage_point", "times") and self._has_since:
            res = self._since_span(c, res)
        if c.q.unit == "times" and _MULTIPLIER_TEXT.search(c.q.text):
            res = self._multiplier_span(c, res)
        if self._blocks and self.goal_block(c.q.start) is not None:
            res = replace(res, goal=True)
        return res

    def _after_since(self, c: QCtx, res: ResolvedPeriod) -> ResolvedPeriod:
        """`Since 2015, the ministry has selected 305 projects. After the upgrade, their
        efficiency rose by 37.6 percent`: the `since` span of the sentence before
        (`since_follow.since_before`)."""
        if self.pub is None or self._in(*c.sentence):
            return res
        sentences = self.doc.seg.sentences_of_paragraph(c.paragraph)
        y = since_before(self.doc.text, sentences, c.sentence[0], c.q.start)
        if y is None or y >= self.pub:
            return res
        return ResolvedPeriod(y, self.pub, "explicit_year")

    def _multiplier_span(self, c: QCtx, res: ResolvedPeriod) -> ResolvedPeriod:
        """A multiplier (`doubled`, `more than 60-fold`) spans from its base year to the year of
        the figure: `has more than doubled since 2013` (2013 to the figure's year; `since then`:
        the year of the sentence before, to publication), `nearly double the 17.8 billion yuan
        raised in all of 2020` (2020 to the year of the figure compared), `reached 10 billion
        yuan in 2016 and could double by 2018` / `from 9.4 billion at the end of 2020 to more
        than 600 billion last year, a more than 60-fold increase` (the earliest year stated
        before it in the sentence to the figure's year)."""
        text, q = self.doc.text, c.q
        s0, s1 = c.sentence
        after = [p for p in self._in(q.end, min(s1, q.end + 90)) if p.kind in ("year", "relative")]
        ps = self.doc.periods
        i = bisect.bisect_left(ps, q.end, key=lambda p: p.start)
        since = ps[i] if i < len(ps) and ps[i].start - q.end <= 12 else None
        if since is not None and not since.text.lower().startswith("since"):
            since = None
        end = res.end
        base: int | None = None
        if since is not None:
            b = self._make(since, c=c)
            base = b.start
            if res.period is since or res.start == base:
                end = self.pub
        elif _SINCE_THEN.match(text, q.end):
            carried = self._carried(c)
            if carried is not None:
                base = self._make(carried, c=c).start
                if res.period is carried or res.start == base:
                    end = self.pub
        elif _DOUBLE_THE.match(text, q.end) and after:
            gap = text[q.end : after[0].start]
            if not _CLAUSE_END.search(gap):
                base = self._make(after[0], c=c).start
                if res.period is after[0]:
                    before = [p for p in self._in(s0, q.start) if p.kind in ("year", "relative")]
                    end = self._make(before[-1], c=c).end if before else self.pub
        else:
            before = [p for p in self._in(s0, q.start) if p.kind in ("year", "relative")]
            starts = [r.start for r in (self._make(p, c=c) for p in before) if r.start]
            base = min(starts) if starts else None
        if base is None or end is None or base >= end:
            return res
        return ResolvedPeriod(base, end, res.basis, res.period, res.goal, res.base)

    def _since_span(self, c: QCtx, res: ResolvedPeriod) -> ResolvedPeriod:
        """A total built up `since` a year, in the present perfect active, spans from that year
        to the figure's (else the publication) year: `has paid out 1.8 billion yuan in subsidies
        since 2019`, `Since 2015, China has issued at least 12 policy documents, and about 20
        provinces have set up funds`, `Since the province launched its plan in 2021, more than
        22,000 firms have moved onto the cloud`. A passive (`207 cities have been designated
        since 2021`) or a figure of another clause keeps its year."""
        text, q = self.doc.text, c.q
        s0, s1 = c.sentence
        c0, c1 = c.clause
        if text.find("ince ", s0, s1) < 0 or not _PERFECT_ACTIVE.search(text, c0, max(c1, q.end)):
            return res
        ps = self.doc.periods
        i = bisect.bisect_left(ps, s0, key=lambda p: p.start)
        since = None
        while i < len(ps) and ps[i].start < s1:
            p = ps[i]
            i += 1
            if p.kind != "year" or p.year_start is None or p.year_start != p.year_end:
                continue
            if p.start >= q.end:
                if _SINCE.match(p.text) and not _CLAUSE_END.search(text, q.end, p.start):
                    since = p
                break
            k = s0 + len(text[s0 : s0 + 12]) - len(text[s0 : s0 + 12].lstrip(" \t\n\"'\u201c"))
            if text[k : k + 6].lower().startswith("since"):
                m = _SUBORDINATE.match(text[k : q.start])  # `"Since 2021, we have arranged`
                if (m is not None and p.end <= k + m.end()) or since_year_opening(
                    text, k, p.start, p.end
                ):
                    # `Since the fund was set up in 2019, it has supported 612 projects`: the
                    # founding starts the total as `Since 2019,` does (sets 18 and 21)
                    since = p
        if since is None:
            return res
        end = res.end if res.end is not None else self.pub
        if res.basis == "paragraph_year" and self.pub is not None:
            end = self.pub  # a year of another sentence does not end a total built up till now
        if end is None or since.year_start is None or since.year_start >= end:
            return res
        return ResolvedPeriod(since.year_start, end, "explicit_year", since, res.goal, res.base)

    def _growth_span(self, c: QCtx, res: ResolvedPeriod) -> ResolvedPeriod:
        """A yearly growth rate up to a year spans the years it grows over: `will grow 12 to 15
        per cent a year through 2025` (from the publication year), `worth 280 billion yuan in
        2023 and expected to grow at a compound annual rate of 12 percent through 2030` (from the
        year after the base level's), `US$2.57 billion in 2016 ... US$13.81 billion in 2021, a
        compound annual growth rate of 33.4 per cent` (2017 to 2021). A year behind a new
        subject (`..., and Huatai Securities estimates ...`) is not the base."""
        p, q, text = res.period, c.q, self.doc.text
        s0 = c.sentence[0]
        if p is None or res.end is None or res.basis != "explicit_year":
            return res
        lead = text[max(s0, q.start - 50) : q.start]
        if p.start >= q.end:
            if p.start - q.end > 60 or not _THROUGH_LEAD.match(p.text):
                return res
            if not (_PER_YEAR.search(text, q.end, p.start) or _ANNUAL_RATE.search(lead)):
                return res
            if _CLAUSE_END.search(text, q.end, p.start):
                return res
        elif not _COMPOUND_RATE.search(lead):
            return res
        base = [
            b
            for b in self._in(s0, min(q.start, p.start))
            if b.kind in ("year", "relative", "date") and not base_period(self.doc, b)
        ]
        start = None
        if base and not _NEW_SUBJECT.search(text, base[-1].end, q.start):
            b_end = self._make(base[-1], c=c).end
            if b_end is not None and b_end < res.end:
                # `from 13.7 billion in 2016 to 45.3 billion in 2020, a CAGR of 34.9%`: the years
                # of a from-to change (sets 16, 21, 23); else the years after the base level's
                from_to = _FROM_BEFORE.search(text, max(s0, base[-1].start - 50), base[-1].start)
                start = (
                    b_end
                    if from_to and _TO_AFTER.search(text, base[-1].end, q.start)
                    else b_end + 1
                )
        elif p.start >= q.end and self.pub is not None and self.pub < res.end:
            start = self.pub
        if start is None:
            return res
        return ResolvedPeriod(start, res.end, res.basis, res.period, res.goal, res.base)

    def _possessive(self, c: QCtx) -> ResolvedPeriod | None:
        """`up 30% from last year's 960 million yuan`, `2022's 50.2 trillion yuan`: a year in the
        possessive right before the figure is its period (a base named in the past)."""
        a = c.q.start
        m = _POSSESSIVE.search(self.doc.text, max(c.sentence[0], a - 24), a)
        if m is None:
            return None
        ps = self.doc.periods
        i = bisect.bisect_left(ps, m.start(), key=lambda p: p.end)
        if i >= len(ps) or ps[i].end != m.start() or ps[i].kind not in ("year", "relative"):
            return None
        res = self._make(ps[i], c=c)
        if res.start is None:
            return None
        return replace(
            res, base=res.end is not None and self.pub is not None and res.end < self.pub
        )

    def _pair_role(self, c: QCtx) -> tuple[str, int] | None:
        """('from', index of the `to` end) / ('to', index of the `from` end) when the quantity is
        an end of a change `from X to Y` in its sentence."""
        text, qs = self.doc.text, self.doc.quantities
        s0, s1 = c.sentence
        q = c.q
        if _FROM_LEAD.search(text, max(s0, q.start - 8), q.start):
            for j in range(c.index + 1, min(c.index + 3, len(qs))):
                n = qs[j]
                if n.start >= s1:
                    break
                if n.start >= q.end and _TO_LEAD.search(text, max(q.end, n.start - 8), n.start):
                    gap = text[q.end : n.start]
                    if len(gap) <= 40 and not re.search(r"[,;:()]", gap):
                        return "from", j
        if _TO_LEAD.search(text, max(s0, q.start - 8), q.start):
            for j in range(c.index - 1, max(c.index - 3, -1), -1):
                p = qs[j]
                if p.start < s0:
                    break
                if p.end <= q.start and _FROM_LEAD.search(text, max(s0, p.start - 8), p.start):
                    gap = text[p.end : q.start]
                    if len(gap) <= 40 and not re.search(r"[,;:()]", gap):
                        return "to", j
        return None

    def _change_years(self, c: QCtx) -> ResolvedPeriod | None:
        """`rose from 24.6 percent in 2012 to 58.6 percent in 2022, and the penetration of design
        tools from 48.8 percent to 77 percent`; `... in 2022. Its share of GDP rose from 21.6
        percent to 41.5 percent.`: the ends of a change without years of their own take the
        first and last year of the change stated before them (same sentence, else the nearest
        earlier sentence of the paragraph)."""
        role = self._pair_role(c)
        if role is None:
            return None
        s0, s1 = c.sentence
        other = self.doc.quantities[role[1]]
        lo, hi = (c.q.start, other.end) if role[0] == "from" else (other.start, c.q.end)
        if self._in(lo, min(s1, hi + 12)):
            return None  # the pair has years of its own
        found = [p for p in self._in(s0, lo) if p.kind in ("year", "relative")]
        basis = "explicit_year"
        if len(found) < 2 and not self._in(s0, s1):
            found = [p for p in self._carried_all(c) if p.kind in ("year", "relative")]
            basis = "paragraph_year"
        if len(found) < 2:
            return None
        first, last = self._make(found[0], c=c), self._make(found[-1], c=c)
        if first.start is None or last.end is None or first.start >= last.end:
            return None
        pick = first if role[0] == "from" else last
        return ResolvedPeriod(pick.start, pick.end, basis, pick.period)

    def _reports_on(self, y: int) -> bool:
        """The title or the lead paragraph names the year `y` (`Results for 2019`, `in the
        fourth quarter of last year`): the article reports on it (computed once per year)."""
        key = ("reports_on", y)
        hit = self.doc._par_cache.get(key)
        if hit is None:
            t0, t1 = self.doc.title
            spans = [(t0, t1)]
            for a, b in self.doc.seg.paragraphs:
                if a >= t1 and b - a > 120:
                    spans.append((a, b))
                    break
            hit = any(
                self._make(p).end == y
                for a, b in spans
                for p in self._in(a, b)
                if p.kind in ("year", "relative", "date")
            )
            self.doc._par_cache[key] = hit
        return hit

    def _report_year(self) -> int | None:
        """The past year a report is about: the title names a report (`results`, `communique`,
        `year in review`) and one year, the year before publication, that is also the year the
        text names most often, and it came out in the reporting season (by April; a June
        release speaks in the present of its own time); computed once."""
        hit = self.doc._par_cache.get("report_year", False)
        if hit is False:
            hit = None
            t0, t1 = self.doc.title
            if self.pub is not None and not _REPORT_TITLE.search(self.doc.text, t0, t1):
                # a company's name first, then the report's own heading line (`Annual Report
                # 2013` under `Huaxin ... Holdings Limited`): that short line is the title
                t0, t1 = self._report_heading()
            found = {
                p.year_end
                for p in self._in(t0, t1)
                if p.kind in ("year", "date") and p.year_end is not None
            }
            if (
                len(found) == 1
                and self.pub is not None
                and _REPORT_TITLE.search(self.doc.text, t0, t1)
            ):
                y = found.pop()
                pub_d = self.doc.published
                if (
                    y == self.pub - 1
                    and pub_d is not None
                    and (
                        pub_d.month <= _REPORT_SEASON_END
                        # a statistical bulletin or yearbook is on its year whenever it appears
                        or _STATISTICAL_TITLE.search(self.doc.text, t0, t1) is not None
                    )
                    and self.article_year() == y
                ):
                    hit = y
            self.doc._par_cache["report_year"] = hit
        return hit

    def _exam_year(self) -> tuple[int, int] | None:
        """(article year, -1) of an exam practice page whose material is of a past year."""
        hit = self.doc._par_cache.get("exam_year", False)
        if hit is False:
            hit = None
            if self.pub is not None and exam_page(self.doc.text):
                y = self.article_year()
                hit = (y, -1) if y is not None and y < self.pub else None
            self.doc._par_cache["exam_year"] = hit
        return hit

    def _batch_year(self) -> tuple[int, int] | None:
        """(year, -1) of a title naming a past batch (`... 5G Factories (2025 Batch)`)."""
        hit = self.doc._par_cache.get("batch_year", False)
        if hit is False:
            hit = None
            if self.pub is not None:
                y = batch_year(self.doc.text, self.pub)
                hit = (y, -1) if y is not None else None
            self.doc._par_cache["batch_year"] = hit
        return hit

    def _edition_data_year(self) -> tuple[int, int] | None:
        """(data year, offset of the edition's year) of a text on a report's edition of the
        publication year (`CAICT has just put out its 2017 white paper`, `the White Paper ...
        (2020)`) whose article year is the year before, and which is not a news story of the
        release (`released on Wednesday`: its figures without a year are the news day's); the
        report's data year then dates figures without a time word (computed once)."""
        hit = self.doc._par_cache.get("edition_data_year", False)
        if hit is False:
            hit = None
            if self.pub is not None and self.article_year() == self.pub - 1:
                text = self.doc.text
                first = next(
                    (
                        p.start
                        for p in self.doc.periods
                        if p.kind == "year"
                        and p.year_end == self.pub
                        and edition_year(text, p.start, p.end)
                    ),
                    None,
                )
                if first is not None and not _NEWS_DAY.search(text, 0, len(text)):
                    hit = (self.pub - 1, first)
            self.doc._par_cache["edition_data_year"] = hit
        return hit

    def _report_heading(self) -> tuple[int, int]:
        """The first short heading line (at most `_REPORT_LINE` characters) of the lines before
        the first long paragraph or the first sentence (within `_REPORT_HEAD` characters) that
        names a report; an empty span when there is none."""
        text = self.doc.text
        pos = 0
        limit = min(len(text), _REPORT_HEAD)
        while pos < limit:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if len(line) > _REPORT_LINE or line.rstrip().endswith((".", "!", "?", "。")):
                break  # a sentence: the prose has begun
            if _REPORT_TITLE.search(line):
                return pos, end
            pos = end + 1
        return 0, 0

    def _plan_document(self) -> bool:
        """The title names an official plan or notice (`Notice of the Ministry ... on ...`,
        `Action Plan for ...`, `Guidelines on ...`); computed once."""
        hit = self.doc._par_cache.get("plan_document")
        if hit is None:
            t0, t1 = self.doc.title
            hit = self.doc._par_cache["plan_document"] = bool(
                _PLAN_TITLE.search(self.doc.text, t0, t1)
            )
        return hit

    def _issuing_notice(self) -> bool:
        """The title names a notice or circular (`Notice ... on Issuing the Implementation Plan
        ... (2025-2027)`): its tasks without a year are the year of issue's; computed once."""
        hit = self.doc._par_cache.get("issuing_notice")
        if hit is None:
            t0, t1 = self.doc.title
            hit = self.doc._par_cache["issuing_notice"] = bool(
                _NOTICE_TITLE.search(self.doc.text, t0, t1)
            )
        return hit

    def _now_after(self, c: QCtx) -> bool:
        """`now` / `today` / `currently` right after the figure, in its clause (brackets
        skipped): `... at about 120 billion yuan ($16.5 billion) now`."""
        text = self.doc.text
        tail = text[c.q.end : min(c.sentence[1], c.q.end + 60)]
        if "now" not in tail and "today" not in tail and "current" not in tail:
            return False
        tail = _NOW_BRACKETED.sub(" ", tail)
        tail = _NOW_CLAUSE_END.split(tail, 1)[0]
        return bool(_NOW_WORD.search(tail))

    def _present_vs_future(self, c: QCtx, res: ResolvedPeriod) -> bool:
        """A statement of the present (`Our platform now connects 1.5 million devices`, `Net
        cash stands at`) does not take a future year from another clause or sentence (`..., and
        we want Europe to be a third of revenue by 2026`, `We expect revenue to grow next year`)."""
        if self.pub is None or res.end is None or res.end <= self.pub:
            return False
        lead = self.doc.text[c.sentence[0] : c.q.start]
        if FUTURE_WORDS.search(lead):
            return False
        # `He put the number at over 340 today.`
        return bool(_NOW.search(lead) or _NOW_WORD.search(self.doc.text, c.q.end, c.own[1]))

    def _each_year(self, c: QCtx) -> ResolvedPeriod | None:
        """A planned quota per year (`to build 100 green factories each year`, `No fewer than
        200 factories shall be built each year`): the years of the plan named in the title, else
        none (a year named elsewhere in the sentence is another figure's)."""
        text = self.doc.text
        s0, s1 = c.sentence
        hi = min(s1, c.q.end + 60)
        if absent(self.doc, _EACH_YEAR, c.sentence, c.q.end, hi):
            return None  # (the sentence has none of the words: asked once per sentence)
        cut = _CLAUSE_END.search(text, c.q.end, hi)
        m = _EACH_YEAR.search(text, c.q.end, cut.start() if cut else hi)
        if m is None:
            return None
        lead = text[s0 : m.start()]
        goal = self._blocks and self.goal_block(c.q.start) is not None
        if not (goal or TARGET_WORDS.search(lead) or _SHALL.search(lead)):
            return None
        plan = self.title_plan()
        if plan is not None:
            return ResolvedPeriod(plan[0], plan[1], "plan_year", goal=True)
        return replace(NONE, goal=True)

    def _year_earlier_base(self, c: QCtx, res: ResolvedPeriod) -> int:
        """`reached 53.9 trillion yuan in 2023, up from 50.2 trillion yuan a year earlier`: a
        comparison base followed by `a year earlier` is the year before the main figure's (two
        years before after `two years earlier`). The number of years back, 0 when none."""
        text = self.doc.text
        # (it starts with `\s+` and holds `year` or `before`: looked up first, lower-cased)
        w = text[c.q.end : c.q.end + 40]
        if not w[:1].isspace() or ("year" not in w.lower() and "before" not in w.lower()):
            return 0
        m = _YEAR_EARLIER_AFTER.match(text, c.q.end, c.q.end + 40)
        if not m:
            return 0
        if not _BASE_LEAD.search(text, max(c.sentence[0], c.q.start - 30), c.q.start):
            return 0
        p = res.period
        if p is not None and c.q.end <= p.start <= c.q.end + 40:
            return 0
        n = (m.group("n") or "a").lower()
        return 1 if n == "a" else _YEARS_BACK[n]

    def _from_to(self, c: QCtx, res: ResolvedPeriod) -> ResolvedPeriod:
        """`From 2012 to 2021, X grew from 1.5 trillion yuan to 4.1 trillion yuan`: the `from`
        figure is the first year's level, the `to` figure the last year's."""
        before = self.doc.text[max(c.sentence[0], c.q.start - 12) : c.q.start].lower()
        if _FROM_LEAD.search(before):
            return ResolvedPeriod(res.start, res.start, res.basis, res.period)
        p = res.period
        if (
            p is not None
            and _SPAN_TEXT.match(p.text)
            and (_LEVEL_LEAD.search(before) or _LEVEL_QUOTE.match(c.q.text))
            and c.q.unit not in ("percent", "percentage_point", "times")
            # `Total investment ... will reach 1.2 trillion yuan between 2020 and 2025`: a sum
            # over the span after it, not the level of its last year (`From 2017 to 2019, ...
            # cumulative investment rose to 70 billion yuan` is the level reached)
            and not (
                p.start >= c.q.end and _ACCUMULATION.search(self.doc.text, c.sentence[0], c.q.start)
            )
        ):
            # `From 2012 to 2021 the digital economy grew to over 45 trillion yuan`: the level
            # reached is the last year's
            return ResolvedPeriod(res.end, res.end, res.basis, res.period)
        if _TO_LEAD.search(before) and c.index > 0:
            prev = self.doc.quantities[c.index - 1]
            gap = self.doc.text[max(c.sentence[0], prev.start - 12) : prev.start].lower()
            if prev.start >= c.sentence[0] and _FROM_LEAD.search(gap):
                return ResolvedPeriod(res.end, res.end, res.basis, res.period)
        return res

    def _state_now(self, c: QCtx, a: int, p: Period) -> bool:
        """The words from `a` to the figure state the present in the simple present (no past
        verb, no forecast) and the period `p` is over before the publication year."""
        if self.pub is None:
            return False
        text = self.doc.text
        q0 = c.q.start
        if not _STATE_PRESENT.search(text, a, q0):
            return False
        if any(
            not _PASSIVE_BEFORE.search(text, max(a, m.start() - 8), m.start())
            for m in _PAST.finditer(text, a, q0)
        ):
            return False
        if FUTURE_WORDS.search(text, a, c.sentence[1]) or TARGET_WORDS.search(text, a, q0):
            return False
        end = self._make(p, c=c).end
        return end is not None and end < self.pub

    def _present_over(self, c: QCtx, p: Period | None) -> bool:
        """`... were selected in 2019. The system is built around five top-level nodes; more
        than 70 secondary nodes are in operation`: a sentence stating the present
        (`present_state.states_present`) does not take a year over before publication."""
        if p is None or self.pub is None:
            return False
        if not states_present(self.doc.text, c.sentence[0], c.q.start, c.q.end, c.clause[1]):
            return False
        if FUTURE_WORDS.search(self.doc.text, c.sentence[0], c.sentence[1]):
            return False
        end = self._make(p, c=c).end
        if end == self.pub - 1 and self.doc.published is not None and self.doc.published.month <= 2:
            return False  # a review of last year in January (`94 secondary nodes are online`)
        return end is not None and end < self.pub

    def _carried(self, c: QCtx) -> Period | None:
        """The first period of the nearest earlier sentence of the paragraph that has one
        (computed once per paragraph, in one pass over its sentences)."""
        found = self._carried_all(c)
        if not found:
            return None
        to = self._to_end_period(found)
        if to is not None:
            return to
        if len(found) > 1 and _CONSEQUENCE.match(self.doc.text, c.sentence[0]):
            # `... 5.8 trillion yuan in 2025 and top 7 trillion yuan by 2030. That would lift
            # its share of GDP to around 4.5 percent.`: the consequence of the state reached last
            return found[-1]
        return found[0]

    def _to_end_period(self, found: list[Period]) -> Period | None:
        """In `grew from 8 trillion yuan in 2012 to 43.8 trillion yuan in 2022`, the period of
        the `to` end (the state the sentence arrives at)."""
        text = self.doc.text
        for k in range(len(found) - 1, 0, -1):
            p, prev = found[k], found[k - 1]
            if not _TO_GAP.match(text[prev.end : p.start]):
                continue
            if _FROM_GAP.search(text, max(0, prev.start - 60), prev.start):
                return p
        return None

    def _carried_all(self, c: QCtx) -> list[Period]:
        """The periods of the nearest earlier sentence of the paragraph that has one (computed
        once per paragraph, in one pass over its sentences)."""
        table = self._carry.get(c.paragraph)
        if table is None:
            table = {}
            current: list[Period] = []
            for s in self.doc.seg.sentences_of_paragraph(c.paragraph):
                table[s] = current
                found = [
                    p
                    for p in self._in(*s)
                    if not base_period(self.doc, p)
                    # `(six months ended 30 June 2018: 48.9%)`: the label of a comparative
                    and not _LABEL_COLON.match(self.doc.text, p.end)
                ]
                if found:
                    current = found
            self._carry[c.paragraph] = table
        return table.get(c.sentence) or []

    def _future_into_past(self, c: QCtx, p: Period, lead: str) -> bool:
        """`... is set to start production next year. Naura reported first-half revenue of 6.4
        billion yuan`: a period after publication does not carry into a sentence reporting the
        past."""
        res = self._make(p, c=c)
        if self.pub is None or res.start is None or res.start <= self.pub:
            return False
        if FUTURE_WORDS.search(lead):
            return False
        if self._past_tense(lead, max(c.own[1], c.q.end), c.sentence[1]):
            return True
        # `... planned to rise to EUR 4.2 million in 2017. At the same time, 62 percent name the
        # lack of staff as the biggest obstacle`: a statement of the present, without plan
        # words, is not of the year to come either
        s0, s1 = c.sentence
        return not (
            TARGET_WORDS.search(self.doc.text, s0, s1)
            or PLAN_ACTION.search(self.doc.text, s0, s1)
            or _FUTURE_ANY.search(self.doc.text, s0, s1)
        )

    def _previous_paragraph_year(self, c: QCtx, lead: str) -> int | None:
        """`In 2021, the sector boomed. ...` / (next paragraph, no time words) `Software revenue
        rose 17 percent.`: a paragraph without a period of its own, reporting the past, continues
        the one year of the paragraph before it when that paragraph opens with it or is a
        heading (not the title, not a goal or forecast year)."""
        key = ("prev_par_year", c.paragraph)
        year = self.doc._par_cache.get(key, False)
        if year is False:
            year = self.doc._par_cache[key] = self._paragraph_year_before(c.paragraph)
        if year is None or FUTURE_WORDS.search(lead) or TARGET_WORDS.search(lead):
            return None
        if not self._past_tense(lead, max(c.own[1], c.q.end), c.sentence[1]):
            return None  # a statement of the present is the publication year's
        return year

    def _paragraph_year_before(self, paragraph: tuple[int, int]) -> int | None:
        seg = self.doc.seg
        k = seg.paragraph_index(paragraph[0])
        if k < 2 or self._in(*paragraph):  # paragraph 0 is the title
            return None
        text = self.doc.text
        j = k - 1
        # paragraphs without periods in between (`2021 in review` / `Revenue rose ...` / `Exports
        # fell ...`) pass the year on; a heading without a year stops it
        while j > 1 and k - j < _CARRY_PARAGRAPHS and not self._in(*seg.paragraphs[j]):
            a, b = seg.paragraphs[j]
            if b - a <= _SECTION_HEAD_MAX and text[b - 1 : b] not in ".:;!?":
                return None
            j -= 1
        a, b = seg.paragraphs[j]
        heading = b - a <= _SECTION_HEAD_MAX and text[b - 1 : b] not in ".:;!?"
        found = self._in(a, b)
        if not found or not (heading or found[0].start - a <= _OPENING_YEAR):
            return None  # the paragraph before does not open with its year
        years = set()
        for p in found:
            if p.kind not in ("year", "date", "relative") or base_period(self.doc, p):
                continue
            y0, y1, kind_basis = _years(p, self.pub)
            if kind_basis == "publication_year" and p.kind == "year":
                ry = self._report_year()  # `At the end of the year` in a bulletin on 2023
                if ry is not None and _THE_YEAR.search(text, p.start, p.end + 4):
                    y0 = y1 = ry
            if y0 is None or y0 != y1 or (self.pub is not None and y1 > self.pub):
                return None
            s0, s1 = seg.sentence_at(p.start)
            if FUTURE_WORDS.search(text, s0, s1):
                return None
            years.add(y1)
        return years.pop() if len(years) == 1 else None

    def _undated_target(self, c: QCtx, p: Period, lead: str) -> bool:
        """In an undated text, a year named with plan or forecast words (`aims to reach 50
        million users by 2025`) is not carried into a sentence without them (`As of November, it
        had 3,200 factories`): nothing says it is not in the future."""
        if FUTURE_WORDS.search(lead) or TARGET_WORDS.search(lead):
            return False
        s0, s1 = self.doc.seg.sentence_at(p.start)
        text = self.doc.text
        return bool(FUTURE_WORDS.search(text, s0, s1) or TARGET_WORDS.search(text, s0, s1)) or bool(
            _BY_LEAD.match(p.text)
        )

    def _past_tense(self, lead: str, tail0: int, s1: int) -> bool:
        """The sentence reports the past (`reached`, `had`, `accounted for`) rather than the
        present (`has exceeded`, `is`, `now`, `so far`): the words before the end of the
        quantity's clause decide, present first; without a verb there, the first verb after."""
        m = _SUBORDINATE.match(lead)
        if m:
            lead = lead[m.end() :]
        if _PRESENT.search(lead):
            return False
        ml = _PAST.search(lead)
        if ml is not None and reporting_verb(lead, ml.start(), ml.end()):
            ml = _PAST.search(lead, ml.end())  # `..., he added, against ...`
        if ml is not None:
            return True
        mp = _PRESENT.search(self.doc.text, tail0, s1)
        ma = _PAST.search(self.doc.text, tail0, s1)
        if ma is not None and reporting_verb(self.doc.text, ma.start(), ma.end()):
            ma = _PAST.search(self.doc.text, ma.end(), s1)  # `..., he added, ...`
        if ma is None:
            return False
        return mp is None or ma.start() < mp.start()

    def _breakdown(self, c: QCtx, depth: int = 0) -> ResolvedPeriod | None:
        """`In 2022, the added value stood at 4.46 trillion yuan ... .` / `Of the total, the
        direct industry contributed 1.35 trillion yuan`: a sentence opening with `Of the total,`
        (`Of this,`, `Of which,`) breaks down the last figure before it (same or previous
        paragraph) and takes its period."""
        if depth > 3 or not _BREAKDOWN.match(self.doc.text, c.sentence[0]):
            return None
        s0 = c.sentence[0]
        i = bisect.bisect_left(self.doc.q_starts, s0) - 1
        if i < 0:
            return None
        i = comparison_base_skipped(self.doc, i)
        prev = self.doc.quantities[i]
        par = self.doc.seg.paragraph_index(prev.start)
        if par < self.doc.seg.paragraph_index(s0) - 1 or prev.start < self.doc.title[1]:
            return None
        pc = quantity_context(self.doc, i)
        res = self._breakdown(pc, depth + 1) or self._resolve(pc)
        if res.start is None:
            return None
        return replace(res, basis="paragraph_year" if res.basis == "explicit_year" else res.basis)

    def _last_year_before(self, pos: int) -> Period | None:
        """The last explicit year written before `pos` (for `in the same year`)."""
        i = bisect.bisect_left(self._starts, pos)
        for k in range(i - 1, -1, -1):  # no copy of the periods before `pos` (O(text) a call)
            p = self.periods[k]
            if p.kind in ("year", "date") and p.year_start is not None:
                return p
        return None

    def _later_base(self, c: QCtx, p: Period) -> bool:
        """`p` follows another figure of the sentence after this one and dates it as a
        comparison base (`6,000, up from about 4,000 at the end of last year`)."""
        if p.start < c.q.end:
            return False
        i = bisect.bisect_left(self.doc.q_starts, p.start) - 1
        if i <= c.index or self.doc.quantities[i].start < c.q.end:
            return False
        return base_period(self.doc, p)

    def _list_period(self, c: QCtx, p: Period) -> bool:
        """`p` closes a list of figures that starts with this one (`cultivate 100 future
        factories, 1,000 smart factories and 5,000 digital workshops by the end of 2027`): it
        dates every member, not only the last."""
        qs, text = self.doc.quantities, self.doc.text
        j = c.index
        while j + 1 < len(qs) and qs[j + 1].end <= p.start:
            if not _COORD_GAP.fullmatch(text, qs[j].end, qs[j + 1].start):
                return False
            j += 1
        return j > c.index

    def _coordinated_goal(self, c: QCtx, own: list[Period]) -> Period | None:
        """`about 10 platforms by 2020 and three to five platforms with international
        competitiveness by 2025`: after `and`, a figure whose own `by` year follows it belongs
        to that year, not to the one closing the goal before it."""
        q, text = c.q, self.doc.text
        start = q.start
        qs = self.doc.quantities
        if q.range_id is not None and c.index > 0 and qs[c.index - 1].range_id == q.range_id:
            start = qs[c.index - 1].start  # the upper end of `three to five platforms`
        before = [p for p in own if p.end <= start]
        after = [p for p in own if p.start >= q.end and _BY_TEXT.match(p.text)]
        if not before or not after or not _BY_TEXT.match(before[-1].text):
            return None
        if not _AND_GAP.fullmatch(text, before[-1].end, start):
            return None
        p = after[0]
        between = [x for x in self.doc.quantities_in(q.end, p.start) if x.range_id != q.range_id]
        if between or q.range_id is None and self.doc.quantities_in(q.end, p.start):
            return None  # another figure between them takes that year
        return p

    def _survey_sentence(self, c: QCtx) -> bool:
        """Does the sentence hold a share of the surveyed followed by their intention (`Our
        survey of 46 firms found that nearly two-thirds expect ...`)? Once per sentence."""
        key = ("survey_sentence", c.sentence)
        hit = self.doc._par_cache.get(key)
        if hit is None:
            s0, s1 = c.sentence
            text = self.doc.text
            hit = any(
                s0 <= q.start < s1 and q.unit == "percent" and _INTENDING.match(text, q.end)
                for q in self.doc.quantities[
                    bisect.bisect_left(self.doc.q_starts, s0) : bisect.bisect_left(
                        self.doc.q_starts, s1
                    )
                ]
            )
            self.doc._par_cache[key] = hit
        return hit

    def _horizon_lead(self, c: QCtx, p: Period) -> bool:
        """`For 2017, 45 percent of the respondents expect conditions to improve`: the year
        leading the sentence is the horizon of the surveyed share's expectation, not the
        share's period (measured at the survey)."""
        text = self.doc.text
        if c.q.unit != "percent" or _INTENDING.match(text, c.q.end) is None:
            return False
        lead = text[c.sentence[0] : p.start]
        return _FOR_LEAD.fullmatch(lead) is not None or (
            text.startswith(("For ", "for "), p.start) and not lead.strip(" \"'(")
        )

    def _intended(self, c: QCtx, p: Period) -> bool:
        """`p` dates the intention of a surveyed share (this one or a later one of the sentence:
        `Of the 1,024 firms surveyed, 63.5% plan to raise investment in 2026`), not the share,
        which is measured at the survey."""
        hit = self._intents.get(p.start)
        if hit is None:
            i = bisect.bisect_left(self.doc.q_starts, p.start) - 1
            q = self.doc.quantities[i] if i >= 0 else None
            hit = self._intents[p.start] = (
                q is not None
                and q.unit == "percent"
                and q.start >= c.sentence[0]
                and _INTENDING.match(self.doc.text, q.end) is not None
            )
        return hit

    def _resolve(self, c: QCtx) -> ResolvedPeriod:
        q = c.q
        text = self.doc.text
        s0, s1 = c.sentence
        in_sentence = self._in(s0, s1)
        c0, c1 = c.clause
        # the years from a surveyed share's intention on are not the figure's (`_intended`)
        cut = s1
        if self._may_intend:
            cut = next(
                (p.start for p in in_sentence if p.start >= q.end and self._intended(c, p)), s1
            )
        for p in in_sentence:
            if (
                p.end <= q.start
                and p.end + 24 >= q.start
                and _LABEL_GAP.fullmatch(text, p.end, q.start)
            ):
                # `(six months ended 30 June 2018: 48.9%)`, `(31 December 2018: approximately
                # RMB1,012.5 million)`: the period labelling a comparative figure is its own
                return self._make(p, c=c)
        if text.find("(", q.end, q.end + 4) >= 0:
            cm = _COMPARATIVE_AFTER.match(text, q.end)
            if cm is not None:
                # `the gross margin fell to 31.2% (2012: 33.5%)`: the bracket gives the prior
                # year's comparative, the figure is of the year after it
                y = int(cm.group(1)) + 1
                if self.pub is None or y <= self.pub:
                    return ResolvedPeriod(y, y, "relative")
        if text.find("(", s0, s1) >= 0:
            # the year labelling a bracketed comparative dates that comparative only (`31.2%
            # (2012: 33.5%), a decline of 2.3 percentage points`: not the 2.3 points)
            in_sentence = tuple(p for p in in_sentence if not _comparative_label(text, p, q))
        own = [
            p
            for p in in_sentence
            if c0 <= p.start
            and p.end <= max(c1, q.end + 1)
            and not (p.start >= q.end and _other_clause(text, q.end, p.start))
        ]
        if own:
            # `has exceeded 6,000, up from about 4,000 at the end of last year`: the period of
            # a comparison base figure after this one dates that base only
            own = [p for p in own if not self._later_base(c, p) and p.start < cut]
        if (
            (not own or own[0].start >= q.end)
            and self.pub is not None
            and (set_size_before_goal(self.doc, c))
        ):
            # `the region's 12 LDCs would require ... by 2025`: a set's size, now (its own
            # clause's later year is the goal's)
            return ResolvedPeriod(self.pub, self.pub, "publication_year", base=True)
        if own and self.pub is not None and own[0].start >= q.end and self._now_after(c):
            # `hold about 15 percent today and could reach 40 percent by 2030`: `today` right
            # after the figure dates it before any later year of its clause
            return ResolvedPeriod(self.pub, self.pub, "publication_year")
        if own:
            if len(own) > 1:
                # a period that directly follows another figure dates that one (`add 50
                # factories in 2025 and will allocate 1.5 billion yuan over the next three years`)
                own = [
                    p
                    for p in own
                    if p.end <= q.start
                    and not attached_to_other(self.doc, p, c)
                    or p.start >= q.end
                ] or own
            goal = self._coordinated_goal(c, own)
            if goal is not None:
                return self._make(goal, c=c)
            y = self._plan_goal(c, own)
            if y is not None:
                return ResolvedPeriod(y, y, "plan_year")
            best = min(own, key=lambda p: min(abs(p.start - q.end), abs(q.start - p.end)))
            return self._make(best, c=c)
        if self.pub is not None and (
            self._now_after(c) or _NOW_WORD.search(text, c0, q.start) is not None
        ):
            # `..., and the country now has more than 340 platforms`: the clause of the figure
            # speaks of the present, whatever year an earlier clause names
            # `the market is estimated at about 120 billion yuan ($16.5 billion) now`: the
            # present, whatever years other clauses of the sentence speak of
            return ResolvedPeriod(self.pub, self.pub, "publication_year")
        pair = self._change_years(c)
        if pair is not None:
            return pair
        before = [
            p
            for p in in_sentence
            if p.end <= c0
            and not base_period(self.doc, p)
            and not (self._may_intend and self._intended(c, p))
            and not (self._may_intend and self._horizon_lead(c, p))
        ]
        if before and _PAST.search(text, s0, c0) and self._state_now(c, c0, before[-1]):
            # `... was worth 300 billion yuan in 2024, although China accounts for close to 30
            # percent of ...`: another clause's past verb and year; this one is of the present
            return ResolvedPeriod(self.pub, self.pub, "publication_year")
        if before:
            free = [p for p in before if not attached_to_other(self.doc, p, c)]
            if free or not _OWN_AND_VERB.match(text, c0, q.end):
                y = self._plan_goal(c, (free or before)[-1:])
                if y is not None:  # `The plan for 2018-2020 sets out to build ..., develop N`
                    return ResolvedPeriod(y, y, "plan_year")
                return self._make((free or before)[-1], c=c)
            # `Registrations stood at 1 billion at the end of 2019, and crossed 5 billion in
            # August`: the year of the other figure stays with it; the clause of its own verb
            # falls through to the rules without time words
        after = [
            p
            for p in in_sentence
            if p.start >= c1
            and (not attached_to_other(self.doc, p, c) or self._list_period(c, p))
            and not _other_clause(text, q.end, p.start)
            and not self._later_base(c, p)
            and not _LABEL_COLON.match(text, p.end)
        ]
        after = [p for p in after if p.start < cut]
        if after:
            res = self._make(after[0], c=c)
            if not self._present_vs_future(c, res):
                return res
        # no time words in the sentence
        n = the_n_years(text, s0, s1)
        if n is not None:
            span = span_before(self.periods, s0, n)
            if span is not None:  # `... plans to add 100 smart factories in the three years`
                return ResolvedPeriod(span[0], span[1], "paragraph_year")
        block = self.goal_block(q.start) if self._blocks else None
        if block is not None:
            y = block[2]
            if y is None:
                sp = self.section_period(q.start)
                if sp is not None:
                    y = self._make(sp, c=c).end
            return ResolvedPeriod(y, y, "plan_year") if y is not None else NONE
        head = self.list_heading(q.start) if self.lists else None
        if head is not None and head[1] is not None:
            return replace(self._make(head[1], c=c), basis="paragraph_year")
        res = self._breakdown(c)
        if res is not None:
            return res
        la = s0
        lead = text[s0 : max(c.own[1], q.end)]
        if q.unit == "percent" and _INTENDING.match(text, q.end):
            # `..., while 8.2% plan to cut it`: not the share's plan
            la, lead = c0, text[c0 : q.end]
        # `sets out 54 measures under eight headings and will be implemented in ...`: a clause
        # coordinated after the figure, with a verb of its own, does not introduce it
        cm = _COORDINATED_VERB.search(lead, q.end - s0)
        if cm is not None:
            lead = lead[: cm.start()]

        def found(pattern):  # pattern.search(lead), not run when the sentence lacks its words
            if absent(self.doc, pattern, c.sentence, la, la + len(lead)):
                return None
            return pattern.search(lead)

        planned = bool(TARGET_WORDS.search(lead) or imperative(self.doc, s0))
        m = None
        if self._bracket_years() and not absent(self.doc, _PLAN_RANGE, c.sentence, s0, s1):
            m = _PLAN_RANGE.search(text, s0, s1)
        if (
            m
            and self.pub is not None
            and int(m.group(2)) <= self.pub
            and _PERIOD_PAREN.search(text, m.start(), m.end())
            and not found(FUTURE_WORDS)
            and self._past_tense(lead, max(c.own[1], q.end), s1)
        ):
            # `During the 14th Five-Year Plan period (2021-2025), the country cultivated more
            # than 35,000 smart factories`: a plan period over at publication, reported in the
            # past tense, is the span the figure accumulates over
            return ResolvedPeriod(int(m.group(1)), int(m.group(2)), "explicit_year")
        if m and (planned or found(PLAN_ACTION)):
            y = int(m.group(2))
            return ResolvedPeriod(y, y, "plan_year")
        if _SAME_YEAR.search(text, s0, s1):
            p = self._last_year_before(s0)
            if p is not None:
                return self._make(p, "paragraph_year")
        if self.pub is None and _NOW_WORD.search(text, s0, s1):
            return NONE  # `nodes now cover 29 provinces` in an undated interview
        if self.pub is not None and (
            survey_result(text, s0, q.start, q.end) or self._survey_section(c.paragraph[0])
        ):
            # `According to a survey of 300 firms ..., delivery time fell by 27 percent`: a
            # survey's result without a year is the publication year's, not an earlier one's
            return ResolvedPeriod(self.pub, self.pub, "publication_year")
        p = self._carried(c)
        if p is not None and self._present_vs_future(c, self._make(p, c=c)):
            p = None
        if p is not None and self._may_intend and self._survey_sentence(c):
            p = None  # a share of the surveyed is measured at the survey, not in an earlier year
        if p is not None and self.pub is not None and found(_NOW_LEAD):
            end = self._make(p, c=c).end
            if end is not None and end < self.pub:
                p = None  # `... 42 workers three years ago. Now it needs six`: the present
        if p is not None and self._future_into_past(c, p, lead):
            p = None
        if p is not None and self._perfect_now(c, p, lead):
            return ResolvedPeriod(self.pub, self.pub, "publication_year")
        if p is not None and self._state_now(c, s0, p) or self._present_over(c, p):
            # `... worth 160 billion yuan in 2018. Foreign vendors hold more than 90 percent of
            # the market`: a state in the present tense is the publication year's
            return ResolvedPeriod(self.pub, self.pub, "publication_year")
        if p is not None and self.pub is None and self._undated_target(c, p, lead):
            p = None
        if p is not None:
            res = self._make(p, c=c)
            if res.basis == "relative" and _years(p, self.pub)[2] == "publication_year":
                return res  # a part of last year (`by the end of the year`, see `_make`)
            return replace(res, basis="paragraph_year")
        if _FOR_THE_YEAR.search(text, s0, s1) and self.pub is not None:
            y = self.article_year()  # `30.27% of net profit for the year` in an annual report
            if y is not None and y < self.pub:
                return ResolvedPeriod(y, y, "article_year")
        ny = news_now_year(text, s0, s1, self.doc.published, self.doc.norm)
        if ny is not None and not found(FUTURE_WORDS):
            # `said last month that ...`, `rose 2.1 percent ... today`: the time of writing, not
            # an earlier paragraph's or the article's year
            return ResolvedPeriod(ny, ny, "relative")
        sp = self.section_period(q.start) if self._sections else None
        if sp is not None:
            res = self._make(sp, c=c)
            if self.section_fits(q.start, res, lead):
                return replace(res, basis="paragraph_year")
        py = self._previous_paragraph_year(c, lead)
        if py is not None:
            return ResolvedPeriod(py, py, "paragraph_year")
        plan = self.title_plan() or self.doc_plan()
        if plan is not None and (planned or found(PLAN_ACTION)):
            if _PLAN_PERIOD.search(text, s0, s1):
                # `no fewer than 10,000 5G factories completed in the plan period`
                return ResolvedPeriod(plan[0], plan[1], "plan_year")
            if (
                self.pub is not None
                and plan[0] <= self.pub < plan[1]
                and self._issuing_notice()
                and imperative(self.doc, s0)
            ):
                # a task of a notice written as an order, with no year (`Develop no fewer than
                # 20 industry models`): the year of issue, not the plan's horizon
                return ResolvedPeriod(self.pub, self.pub, "plan_year")
            return ResolvedPeriod(plan[1], plan[1], "plan_year")  # the plan's target year
        if (
            self.pub is not None
            and (planned or found(PLAN_ACTION) or found(_WILL_SHALL))
            and self._plan_document()
        ):
            # a measure of a notice / action plan whose title gives no years (`The central
            # budget will arrange special funds, ... up to 30 million yuan`): the year of issue
            # is its target year
            return ResolvedPeriod(self.pub, self.pub, "plan_year")
        if found(FUTURE_WORDS):
            if self.pub is not None and estimate_of_now(lead):
                # `estimated that automation can cut costs by about 30 percent`: now
                return ResolvedPeriod(self.pub, self.pub, "publication_year")
            return NONE
        if self.pub is not None and _NEWS_DAY.search(text, s0, s1):
            return ResolvedPeriod(self.pub, self.pub, "publication_year")
        if (
            c.paragraph != self.doc.title
            and self._past_tense(lead, max(c.own[1], q.end), s1)
            and not _REPORT_METHOD.match(text, s0, q.start)
        ):
            # (`The white paper was compiled by 60 researchers`, `The alliance surveyed 83
            # platforms`: the making of the report, at publication, not the year it is about)
            y = self._clear_article_year()
            if y is not None and (self.pub is None or y < self.pub) and self._named_by(y, s0):
                return ResolvedPeriod(y, y, "article_year")
        if (
            c.paragraph != self.doc.title
            and self.doc.published is not None
            and self.doc.published.month <= 2
            and _PERFECT.search(lead)
            and not _NOT_PERFECT.search(lead)
        ):
            # results of last year published in January/February, in the present perfect
            # (`The province has cultivated 72 platforms` in a January report on last year)
            y = self.article_year()
            if y is not None and y == self.pub - 1 and self._reports_on(y):
                return ResolvedPeriod(y, y, "article_year")
        y = self._report_year()
        if (
            y is not None
            and c.paragraph != self.doc.title
            and not _NOT_REPORT_YEAR.search(lead)
            and not _NOW_WORD.search(text, s0, s1)
        ):
            # a report on a past year (`... Announces 2020 Annual Results`, `Statistical
            # Communique ... on the 2022 National Economic ...`): its statements of the present
            # (`The Company has undertaken more than 1,000 projects`, `The Board recommends a
            # dividend of RMB0.135`) speak of the report year
            return ResolvedPeriod(y, y, "article_year")
        ed = self._edition_data_year() or self._batch_year() or self._exam_year()
        if (
            ed is not None
            and ed[1] < s0
            and not _NOW_WORD.search(text, s0, s1)
            and not _REPORT_METHOD.match(text, s0, q.start)
        ):
            # (after the text has named the edition; not the making of the report)
            return ResolvedPeriod(ed[0], ed[0], "article_year")
        if self.pub is None:
            return NONE
        if review_season(self.doc.published) and self._review_year(c, lead):
            # `By the end of last year, China had 4.83 million 5G base stations. ... The number
            # of platforms has exceeded 350`: a January review of last year, in the present
            return ResolvedPeriod(self.pub - 1, self.pub - 1, "article_year")
        return ResolvedPeriod(self.pub, self.pub, "publication_year")

    def _perfect_now(self, c: QCtx, p: Period, lead: str) -> bool:
        """`... 30 percent of the global total last year. The country has built 421 demonstration
        factories`: a total in the present perfect, outside the January review season, is the
        publication year's, not the year of the sentence before."""
        if self.pub is None or review_season(self.doc.published):
            return False
        if p.kind != "relative" or "last year" not in p.text.lower():
            return False  # (an explicit year of the sentence before may be the total's date)
        if not _PERFECT_ACTIVE.search(lead) or _NOT_PERFECT.search(lead):
            return False
        if FUTURE_WORDS.search(lead) or TARGET_WORDS.search(lead):
            return False
        end = self._make(p, c=c).end
        return end is not None and end < self.pub

    def _review_year(self, c: QCtx, lead: str) -> bool:
        """The last period the text names before the figure (a few paragraphs back) is last
        year, the year the article reports on, and the figure is no plan or forecast."""
        if self.pub is None or c.paragraph == self.doc.title or self.article_year() != self.pub - 1:
            return False
        if FUTURE_WORDS.search(lead) or TARGET_WORDS.search(lead):
            return False
        if self._in(*c.sentence):
            return False  # (a base year of its own: `up from 20 percent in 2022`)
        floor = review_floor(self.doc.seg, c.paragraph[0])

        def year_of(p: Period) -> int | None:
            if p.kind == "present" or base_period(self.doc, p):
                return None
            a, b, _ = _years(p, self.pub)
            return -1 if a is None or a != b else b

        found = last_year_before(self.periods, self._starts, c.sentence[0], floor, year_of)
        # a year-end stock (`By the end of last year`, not `Last year alone, 887,000 were
        # added`), and no `now` in the figure's paragraph since (`The hubs now host 38% of the
        # racks. But utilization there is around 52%`)
        if found is None or found[1] != self.pub - 1:
            return False
        text = self.doc.text
        return year_end(text, found[0]) and (
            _NOW_WORD.search(text, max(found[0].end, c.paragraph[0]), c.q.start) is None
        )

"""extract_claims: text -> statistical claims (the claims layer's entry point).

For each quantity the extractor found: drop currency conversions in brackets (`1.2 trillion yuan
($168 billion)`: the analyst wants the figure as reported, the dollar amount is the outlet's
arithmetic), infer the unit of a bare number, match the indicator, drop what is not a statistic,
then resolve the reference period, the status and the cited source.
Boundaries and periods are indexed once per text; each quantity costs a few bisections and
phrase look-ups within its sentence and paragraph.
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline.lib.mentions import Extraction
from pipeline.metadata.indicators import UNCLASSIFIED, get

from .context import Doc, QCtx, quantity_context
from .filters import is_statistic
from .indicators import match_indicator
from .model import Claim
from .periods import PeriodResolver
from .sources import SourceResolver
from .status import resolve_status
from .units import currency_before, has_scale_word

_VERBISH = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|be|been|reached|reach|reaches|exceeded|"
    r"exceeds|exceed|stood|stands|totall?ed|amounted|hit|rose|grew|increased|fell|dropped|"
    r"accounting|accounted|accounts|driving|drive|drives|covered|covers|connected|with|of|to)\b",
    re.I,
)


def _extract(text: str) -> Extraction:
    from pipeline.lib.quantities import extract  # the quantity extractor (layer 3)

    return extract(text)


def _noun_phrase(doc: Doc, c: QCtx) -> str | None:
    """What the quantity is of: the extractor's noun phrase for counts, else the subject before
    the quantity in its clause (`the number of industrial equipment connections`)."""
    if c.q.noun_phrase:
        return c.q.noun_phrase
    before = doc.text[c.own[0] : c.q.start]
    parts = _VERBISH.split(before)
    subject = parts[0].strip(" ,;:") if parts else ""
    if len(subject) < 3:
        after = doc.text[c.q.end : c.own[1]].strip(" ,;:.")
        return after[:80] or None
    subject = re.sub(r"^(?:and|but|while|that|the|its|their)\s+", "", subject, flags=re.I)
    return subject[-120:] or None


def _resolve_unit(doc: Doc, c: QCtx) -> tuple[str | None, str, str | None]:
    """(unit, indicator, counted) for the quantity; unit None when it cannot be resolved."""
    q = c.q
    if q.unit is not None:
        ind, _ = match_indicator(doc, c, q.unit)
        return q.unit, ind, q.counted
    scale = has_scale_word(doc.text, q)
    ind, _ = match_indicator(doc, c, None, has_scale=scale)
    if ind != UNCLASSIFIED:
        meta = get(ind)
        counted = q.counted or (meta.counted[0] if meta.counted else None)
        return meta.unit, ind, (counted if meta.unit == "count" else None)
    if scale:
        cur = currency_before(doc, c)
        if cur:
            ind, _ = match_indicator(doc, c, cur)
            return cur, ind, None
    return None, UNCLASSIFIED, None


def claims_from_extraction(
    text: str,
    extraction: Extraction,
    published: dt.date | None,
    article_file: str = "-",
) -> list[Claim]:
    """The claims of a text whose quantities were already extracted."""
    if not extraction.quantities:
        return []
    doc = Doc.build(text, extraction.quantities, extraction.periods, published)
    periods = PeriodResolver(doc)
    sources = SourceResolver(doc)
    claims: list[Claim] = []
    for i, q in enumerate(doc.quantities):
        if q.converts is not None:
            continue  # a conversion of the amount before it (see module docstring)
        c = quantity_context(doc, i)
        unit, indicator, counted = _resolve_unit(doc, c)
        if unit is None or not is_statistic(q, unit, indicator, counted):
            continue
        period = periods.resolve(c)
        status = resolve_status(doc, c, period)
        s0, s1 = c.sentence
        claims.append(
            Claim(
                article_file=article_file,
                char_start=q.start,
                char_end=q.end,
                quote=text[q.start : q.end],
                value=float(q.value),
                unit=unit,
                counted=counted if unit == "count" else None,
                bound=q.bound,
                period_start=period.start,
                period_end=period.end,
                status=status,
                indicator=indicator,
                source=sources.source_for(c.sentence, c.paragraph),
                sentence=text[s0:s1],
                noun_phrase=_noun_phrase(doc, c) if indicator == UNCLASSIFIED else None,
                period_basis=period.basis,
            )
        )
    return claims


def extract_claims(text: str, published: dt.date | None, article_file: str = "-") -> list[Claim]:
    """The statistical claims of one article text (offsets are indices into `text`)."""
    return claims_from_extraction(text, _extract(text), published, article_file)

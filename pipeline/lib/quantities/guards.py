"""First-character guards for the alternatives of an anchored alternation.

`MASTER.match(text, p)` tries its alternatives in order at `p`; each one that fails costs its own
attempt (a date, a phone number, a relative period ... before the number that usually matches).
`guarded(alternative)` puts a lookahead of the characters the alternative can start with in front
of it (`(?=[0-9A-Za-z])...`), so an alternative that cannot start at `p` fails at once. The
lookahead only restates a condition of the alternative: the matches are the same.

The set is read from the pattern's parse tree (the standard library's parser, which reads the
subset of the `regex` syntax these patterns use). Zero-width items (`\\b`, lookarounds) are
skipped; an alternative that can match the empty string, or whose start the parser cannot bound
(`.`, a negated class, a back-reference, syntax it does not read), is left unguarded.
"""

from __future__ import annotations

import re

try:  # the standard library's parser (private modules of Python 3.11+)
    from re import _constants as _c
    from re import _parser as _parser
except ImportError:  # pragma: no cover - another Python: no guards, same matches
    _c = _parser = None

_ANY = None  # no bound on the first character


def _char(c: int) -> str:
    ch = chr(c)
    return ch if ch.isascii() and ch.isalnum() else f"\\U{c:08x}"


def _first(items, c) -> tuple[set[str] | None, bool]:
    """(class items the sequence can start with, or _ANY; whether it can match empty)."""
    out: set[str] = set()
    for op, av in items:
        f, nullable = _first_item(op, av, c)
        if f is _ANY:
            return _ANY, False
        out |= f
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av, c) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {_char(av)}, False
    if op is c.IN:
        cats = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s"}
        s = set()
        for o, a in av:
            if o is c.LITERAL:
                s.add(_char(a))
            elif o is c.RANGE:
                s.add(_char(a[0]) + "-" + _char(a[1]))
            elif o is c.CATEGORY and a in cats:
                s.add(cats[a])
            else:  # a negated class or another category
                return _ANY, False
        return s, False
    if op is c.ASSERT_NOT and not av[1]:
        return set(), False  # `(?!)`: never matches, so it starts with nothing
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero-width
    if op is c.SUBPATTERN:
        return _first(av[-1], c)
    if op is c.ATOMIC_GROUP:
        return _first(av, c)
    if op is c.BRANCH:
        s: set[str] = set()
        nullable = False
        for alt in av[1]:
            f, n = _first(alt, c)
            if f is _ANY:
                return _ANY, False
            s |= f
            nullable = nullable or n
        return s, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        f, n = _first(sub, c)
        if f is _ANY:
            return _ANY, False
        return f, n or lo == 0
    return _ANY, False


def guarded(alternative: str, ignorecase: bool = True) -> str:
    """`alternative` behind a lookahead of its possible first characters (same matches), or
    unchanged when they cannot be bounded. The lookahead takes the pattern's flags: compiled with
    IGNORECASE, a letter of the set admits its other case, as the literal does."""
    if _parser is None:
        return alternative
    try:
        tree = _parser.parse(alternative, re.IGNORECASE if ignorecase else 0)
        first, nullable = _first(list(tree), _c)
    except Exception:  # a syntax the standard parser does not read: no guard
        return alternative
    if first is _ANY or nullable or not first:
        return alternative
    return "(?=[" + "".join(sorted(first)) + "])" + alternative


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` (case-sensitive) contains as consumed text,
    or None when the parse tree does not give such a set (or gives one with a string shorter
    than two characters). A search over a stretch holding none of them cannot match."""
    if _parser is None:
        return None
    try:
        found = _required(list(_parser.parse(pattern)), _c)
    except Exception:  # a syntax the standard parser does not read
        return None
    if not found or any(len(s) < 2 for s in found):
        return None
    return tuple(sorted(found))


def _required(items, c) -> set[str] | None:
    """A set of strings one of which every match of the sequence `items` contains, or None."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if not candidate:
            return
        if best is None or min(map(len, candidate)) > min(map(len, best)):
            best = candidate

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider({"".join(run)})
            run = []
        if op is c.BRANCH:
            alts = [_required(alt, c) for alt in av[1]]
            if all(alts):
                consider(set().union(*alts))
        elif op is c.SUBPATTERN:
            consider(_required(av[-1], c))
        elif op is c.ATOMIC_GROUP:
            consider(_required(av, c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(av[2], c))
        # anything else (a class, a zero-width item, an optional part) requires nothing
    if run:
        consider({"".join(run)})
    return best

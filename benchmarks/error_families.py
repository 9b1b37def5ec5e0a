"""Families of the first-contact errors of blind sets 12-23, and how many each set still shows.

    .venv/bin/python benchmarks/error_families.py [--sets heldout12 ... heldout23] [--list FAMILY]

Every error the rules made on a set at first contact (`first_contact.py`: the claims of the code
before the set's gold was added) is listed against the gold with the shared scorer's matching: a
missed claim, an extra claim, a wrong bound, period, status or indicator. Each error is put in a
family by its cause, read from the gold's `note`, the quote and the text around it (a heuristic
first sort, checked by hand for the families worked on). The table gives, for each family, the
sets it occurs in, its errors at first contact and how many of those the current code still
makes (`benchmarks/out/claims_<SET>.json`, written by `score.py --all`: run that first).
`--list FAMILY` prints the open errors of the families whose name starts with FAMILY; `--claims
FILE` compares with the claims of a JSON `{set: [claims]}` instead (another commit's).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from first_contact import first_contact_claims  # noqa: E402
from score import OUT, locate  # noqa: E402
from score_claims import ATTRS, overlaps, same_attr, same_value  # noqa: E402

_NUM_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|point|dozen)\b"
)


def errors(gold_doc: dict, preds: list[dict]) -> dict[tuple, tuple[str, dict]]:
    """{(article, start, quote, kind): (kind, {attribute: (want, got)})} of one set."""
    gold, neutral = gold_doc["claims"], gold_doc.get("neutral", [])
    matched, used = {}, set()
    for gi, g in enumerate(gold):
        best = None
        for i, p in enumerate(preds):
            if i in used or p["article_file"] != g["article_file"]:
                continue
            if overlaps(g, p) and p.get("unit") == g["unit"] and same_value(g, p):
                size = min(g["char_end"], p["char_end"]) - max(g["char_start"], p["char_start"])
                if best is None or size > best[0]:
                    best = (size, i)
        if best:
            used.add(best[1])
            matched[gi] = preds[best[1]]
    out = {}
    for gi, g in enumerate(gold):
        key = (g["article_file"], g["char_start"], g["quote"])
        if gi not in matched:
            out[(*key, "MISS")] = ("MISS", {})
            continue
        p = matched[gi]
        bad = {
            a: (g.get(a), p.get(a))
            for a in ATTRS
            if not (a == "indicator" and not g.get(a)) and not same_attr(a, g.get(a), p.get(a))
        }
        if bad:
            out[(*key, "WRONG")] = ("WRONG", bad)
    for i, p in enumerate(preds):
        if i in used or any(
            n["article_file"] == p["article_file"] and overlaps(n, p) for n in neutral
        ):
            continue
        out[(p["article_file"], p["char_start"], p.get("quote"), "EXTRA")] = ("EXTRA", {})
    return out


def families(kind: str, diff: dict, quote: str, note: str, ctx: str, pub: int | None) -> list[str]:
    """The families of one error (a wrong claim may be wrong in several attributes)."""
    q, n = quote or "", (note or "").lower()
    if kind == "EXTRA":
        return ["X extra claim (not a statistic / wrong unit)"]
    if kind == "MISS":
        ql = q.lower()
        if "table" in n or re.search(r"\S {3,}\S", ctx[150:]):
            return ["M table cells (aligned, label: value rows)"]
        if re.search(r"half|third|quarter|fifth|\d+ in \d+|/\d|\bin (?:four|five|ten)\b", ql):
            return ["M fractions (a third, 3 in 4, 1/6, less than half)"]
        if _NUM_WORDS.search(ql) and not re.search(r"\d", q):
            return ["M spelled-out numbers (transcripts)"]
        if re.search(r"[+~><]|^-", q):
            return ["M symbol bounds and signs (340+, ~50, >18,000, +18.4)"]
        if re.search(r"\d \d{3}", q):
            return ["M space thousands separators (300 000)"]
        if re.search(r"\dx\b|tripl|doubl|fold", ql):
            return ["M multipliers (28x, near-tripling)"]
        if "range" in n:
            return ["M range ends (600,000 to 650,000: lower end)"]
        if re.search(r"ten thousand|100 million|cents|10,000", ql + n):
            return ["M Chinese-style units (ten thousand yuan, (100 million yuan))"]
        if (
            re.fullmatch(r"(?:[A-Za-z -]+ )?[\d.,]+", q)
            or "counted noun from" in n
            or "from the figure before" in n
        ):
            return ["M bare figure: unit/noun in the figure before (comparison bases, ellipsis)"]
        return ["M other missed mention"]
    out = []
    if "period_start" in diff or "period_end" in diff:
        want, got = diff.get("period_start", diff.get("period_end"))
        ps = diff.get("period_start", (None, None))
        pe = diff.get("period_end", (None, None))
        if pub is None:
            out.append("P undated text: years from founding/copyright/milestones")
        elif "since" in n or (
            re.search(r"\bsince\b", ctx[60:200], re.I) and want and got and want < got
        ):
            out.append("P cumulative since YEAR (span start)")
        elif "respectively" in n or "respectively" in ctx[150:]:
            out.append("P respectively lists / series")
        elif "base" in n or "earlier" in n or "ago" in n:
            out.append('P comparison bases and "N years ago"')
        elif "fiscal" in n or re.search(
            r"end-\d{4}|\(\w{3}-\d{4}\)|end of (?:may|june|september|the year)", ctx[150:], re.I
        ):
            out.append("P fiscal years and month-ends")
        elif "cagr" in n or "compound" in n or (ps[0] and pe[0] and ps[0] != pe[0]):
            out.append("P spans (CAGR, over N years, from-to)")
        elif got is not None and got > pub and (want is None or want <= pub):
            out.append("P goal/forecast year leaking into a present/past figure")
        elif want is not None and want > pub:
            out.append("P future year missed (plans, forecasts, 2030F)")
        elif want == pub and got is not None and got < pub:
            out.append("P present tense after an earlier year")
        elif got == pub and want is not None and want < pub:
            out.append("P past figure given the publication year (no year carried)")
        elif got is None:
            out.append("P no period found (summary lines, headers)")
        else:
            out.append("P other period")
    if "status" in diff:
        want, got = diff["status"]
        if want == "target" and "baseline" not in n:
            out.append("S target missed (plan/goal wording)")
        elif want == "forecast":
            out.append("S forecast missed / read as target")
        elif want in ("actual", "estimate") and got in ("forecast", "target"):
            out.append("S actual read as forecast/target (baselines, present facts)")
        else:
            out.append("S other status")
    if "indicator" in diff:
        want, got = diff["indicator"]
        if got == "unclassified":
            out.append("I indicator missed")
        elif want == "unclassified":
            local = re.search(r"compan|provinc|region|city|local|firm|one platform|not ", n)
            out.append(
                "I indicator given to a local/company/other figure"
                if local
                else "I indicator given wrongly (other)"
            )
        else:
            out.append("I indicators confused")
    if "bound" in diff:
        sym = re.search(r"[+~><\u2248]", q)
        out.append("B symbol bounds (>, <, +, ~)" if sym else "B bound words (about, or so, up to)")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sets", nargs="*", default=[f"heldout{i}" for i in range(12, 24)])
    ap.add_argument("--list", default=None, help="print the open errors of these families")
    ap.add_argument(
        "--claims", default=None, help="a JSON {set: [claims]} to compare with instead of out/"
    )
    args = ap.parse_args(argv)
    table: dict[str, dict] = defaultdict(lambda: {"sets": set(), "n": 0, "open": 0})
    for name in args.sets:
        articles, gold_path = locate(name)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if args.claims:
            current = json.loads(Path(args.claims).read_text(encoding="utf-8"))[name]
        else:
            now_path = OUT / f"claims_{name}.json"
            if not now_path.exists():
                ap.error(f"{now_path} is missing: run benchmarks/score.py --all first")
            current = json.loads(now_path.read_text(encoding="utf-8"))
        first = errors(gold, first_contact_claims(name, articles, gold_path))
        now = errors(gold, current)
        notes = {(g["article_file"], g["char_start"], g["quote"]): g for g in gold["claims"]}
        texts: dict[str, str] = {}
        for key, (kind, diff) in first.items():
            art, start, quote, _ = key
            if art not in texts:
                texts[art] = (articles / art).read_text(encoding="utf-8", errors="replace")
            ctx = texts[art][max(0, start - 160) : start + 80].replace("\n", " | ")
            pub = gold.get("published", {}).get(art)
            note = notes.get((art, start, quote), {}).get("note")
            still = key in now
            for fam in families(kind, diff, quote, note, ctx, int(pub[:4]) if pub else None):
                row = table[fam]
                row["sets"].add(int(name.removeprefix("heldout") or 1))
                row["n"] += 1
                row["open"] += still
                if args.list and fam.startswith(args.list) and still:
                    print(f"{name} {art}:{start} {quote!r} {diff} | {ctx[100:230]}")
    if args.list:
        return 0
    print("| family | sets (first contact) | errors at first contact | still open |")
    print("| --- | --- | --- | --- |")
    for fam, row in sorted(table.items(), key=lambda kv: (-len(kv[1]["sets"]), -kv[1]["n"])):
        sets = ",".join(str(s) for s in sorted(row["sets"]))
        print(f"| {fam} | {len(row['sets'])} ({sets}) | {row['n']} | {row['open']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

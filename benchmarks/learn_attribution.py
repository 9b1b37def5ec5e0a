"""Does a learned chooser of the reference period and the status beat the rules on unseen sets?

    .venv/bin/python benchmarks/learn_attribution.py [--rules current|first|both] [--sets A B ...]
        [--margin M ...] [--dump rows.json]

For every claim the rules extract, `attribution_features.period_candidates` lists the periods
it could refer to, with features, and `status_features` describes the status decision. Claims
that match a gold claim (the shared scorer's matching: same article, overlapping span, same
value and unit) are the training rows: label = the candidate equals the gold period; the gold
status (estimate counted as actual, as the scorer does).

Two small linear models (numpy, full-batch gradient descent with L2):
- periods: a conditional logit over the candidates of a claim (softmax of w.x);
- status: a multinomial logit over actual / forecast / target.
Leave-one-set-out: for each set, train on all the other sets, then re-decide the period and
status of the held-out set's claims and score them with ../shared/tools/score_claims.py
(strict F1), next to the rules alone. `--margin M` overrides the rules only when the model's
best candidate beats the rules' pick by M in log-odds (rules first, the model as a tie-breaker).

Rules: `current` is the code of this checkout (which was tuned on every set: the rules have seen
the held-out set, so this is in-sample for them); `first` is, for each set, the rules as they were
before the set was added (benchmarks/first_contact.py: the honest measure of what happens on
articles never seen, which is the problem the model should solve). The features are computed
with the current code in both cases.

The seeds are always in the training folds, never scored (the rules were written on them). A
set not in benchmarks/ (heldout9 ...) is named by its folder: `--sets heldout9 path/to/set`.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import math
import re
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "benchmarks"))

from attribution_features import Context, period_candidates, status_features  # noqa: E402
from first_contact import first_contact_claims  # noqa: E402
from score import SCORER, SETS, locate  # noqa: E402

from pipeline.cli_extract import header_date, read_text  # noqa: E402
from pipeline.lib.claims.context import Doc, quantity_context  # noqa: E402
from pipeline.lib.claims.extract import _extract, claims_from_extraction  # noqa: E402
from pipeline.lib.claims.periods import PeriodResolver  # noqa: E402

_spec = importlib.util.spec_from_file_location("score_claims", SCORER)
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)

CLASSES = ("actual", "forecast", "target")


# ---- data -------------------------------------------------------------------------------------
def _match(gold: list[dict], preds: list[dict]) -> dict[int, dict]:
    """pred index -> gold claim, with the scorer's greedy matching (largest overlap first)."""
    out, used = {}, set()
    for g in gold:
        best = None
        for i, p in enumerate(preds):
            if i in used or p["article_file"] != g["article_file"]:
                continue
            if (
                scorer.overlaps(g, p)
                and p.get("unit") == g["unit"]
                and scorer.same_value(g, p)
            ):
                size = min(g["char_end"], p["char_end"]) - max(g["char_start"], p["char_start"])
                if best is None or size > best[0]:
                    best = (size, i)
        if best:
            used.add(best[1])
            out[best[1]] = g
    return out


def load_set(name: str, rules: str) -> dict:
    """Claims of a set (rules `current` or `first`), with candidates and features per claim."""
    articles, gold_path = locate(name)
    gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
    first = first_contact_claims(name, articles, gold_path) if rules == "first" else None
    items = []
    preds: list[dict] = []
    for path in sorted(articles.glob("*.txt")):
        text = read_text(path.read_bytes())
        day = header_date(text)
        extraction = _extract(text)
        if rules == "current":
            rows = [asdict(c) for c in claims_from_extraction(text, extraction, day, path.name)]
        else:
            rows = [dict(r) for r in first if r["article_file"] == path.name]
        if not extraction.quantities:
            preds.extend(rows)
            items.extend({"claim": r} for r in rows)
            continue
        doc = Doc.build(text, extraction.quantities, extraction.periods, day)
        ctx = Context(doc, PeriodResolver(doc))
        spans = {(q.start, q.end): i for i, q in enumerate(doc.quantities)}
        for r in rows:
            item = {"claim": r}
            i = spans.get((r["char_start"], r["char_end"]))
            if i is None:  # an older extractor's span: the overlapping quantity of that value
                for j, q in enumerate(doc.quantities):
                    if q.start < r["char_end"] and r["char_start"] < q.end:
                        if math.isclose(q.value, r["value"], rel_tol=1e-6):
                            i = j
                            break
            if i is not None:
                c = quantity_context(doc, i)
                rule = (r["period_start"], r["period_end"])
                item["cands"] = period_candidates(ctx, c, rule, r.get("period_basis") or "none")
                item["ctx"], item["c"] = ctx, c
                item["conv"] = doc.quantities[i].converts is not None
            preds.append(r)
            items.append(item)
    matched = _match(gold_doc["claims"], preds)
    for k, item in enumerate(items):
        g = matched.get(k)
        if g is not None:
            item["gold_period"] = (g.get("period_start"), g.get("period_end"))
            item["gold_status"] = "actual" if g["status"] == "estimate" else g["status"]
        if "cands" in item:
            r = item["claim"]
            item["status_x"] = status_features(
                item["ctx"], item["c"], (r["period_start"], r["period_end"]), r["status"]
            )
    return {"name": name, "gold": gold_doc, "items": items}


# ---- models -----------------------------------------------------------------------------------
class Vocab:
    def __init__(self, dicts, min_count: int = 3):
        counts: dict[str, int] = {}
        for d in dicts:
            for k in d:
                counts[k] = counts.get(k, 0) + 1
        self.names = sorted(k for k, n in counts.items() if n >= min_count)
        self.index = {k: i for i, k in enumerate(self.names)}

    def matrix(self, dicts) -> np.ndarray:
        x = np.zeros((len(dicts), len(self.names)))
        for r, d in enumerate(dicts):
            for k, v in d.items():
                j = self.index.get(k)
                if j is not None:
                    x[r, j] = v
        return x


def train_ranker(groups, l2: float = 0.3, steps: int = 600, lr: float = 0.5):
    """Conditional logit: groups = [(feature dicts, labels)], at least one label 1 per group."""
    vocab = Vocab(d for feats, _ in groups for d in feats)
    x = vocab.matrix([d for feats, _ in groups for d in feats])
    y = np.array([v for _, labels in groups for v in labels], dtype=float)
    sizes = [len(feats) for feats, _ in groups]
    gid = np.repeat(np.arange(len(groups)), sizes)
    # target distribution: uniform over the correct candidates of the group
    ysum = np.bincount(gid, weights=y)
    t = y / ysum[gid]
    w = np.zeros(x.shape[1])
    n = len(groups)
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        s = x @ w
        s -= np.repeat(np.maximum.reduceat(s, np.r_[0, np.cumsum(sizes)[:-1]]), sizes)
        e = np.exp(s)
        z = np.bincount(gid, weights=e)
        p = e / z[gid]
        grad = x.T @ (p - t) / n + l2 * w / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= lr * 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {"names": vocab.names, "w": w.tolist()}


def train_softmax(rows, labels, l2: float = 0.3, steps: int = 600, lr: float = 0.5):
    vocab = Vocab(rows)
    x = vocab.matrix(rows)
    y = np.array([CLASSES.index(k) for k in labels])
    w = np.zeros((x.shape[1], len(CLASSES)))
    onehot = np.eye(len(CLASSES))[y]
    n = len(rows)
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        s = x @ w
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - onehot) / n + l2 * w / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= lr * 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {"names": vocab.names, "w": w.tolist()}


def score_ranker(model, feats) -> list[float]:
    w = dict(zip(model["names"], model["w"], strict=True))
    return [sum(w.get(k, 0.0) * v for k, v in f.items()) for f in feats]


def score_softmax(model, f) -> list[float]:
    idx = {k: i for i, k in enumerate(model["names"])}
    out = [0.0] * len(CLASSES)
    for k, v in f.items():
        j = idx.get(k)
        if j is not None:
            for c in range(len(CLASSES)):
                out[c] += model["w"][j][c] * v
    return out


def training_rows(sets):
    groups, srows, slabels = [], [], []
    for s in sets:
        for item in s["items"]:
            if "cands" not in item or "gold_period" not in item:
                continue
            labels = [1.0 if v == item["gold_period"] else 0.0 for v, _ in item["cands"]]
            if any(labels):
                groups.append(([f for _, f in item["cands"]], labels))
            srows.append(item["status_x"])
            slabels.append(item["gold_status"])
    return groups, srows, slabels


# ---- applying and scoring ---------------------------------------------------------------------
def apply(s, pmodel, smodel, margin: float) -> list[dict]:
    """The set's claims with period (pmodel) and status (smodel) re-decided (None: the rules')."""
    out = []
    spans = {}
    for item in s["items"]:
        r = dict(item["claim"])
        if "cands" in item and not item.get("conv"):
            period = (r["period_start"], r["period_end"])
            if pmodel is not None:
                feats = [f for _, f in item["cands"]]
                sc = score_ranker(pmodel, feats)
                best = max(range(len(sc)), key=sc.__getitem__)
                rule_sc = max(
                    (x for x, (v, _) in zip(sc, item["cands"], strict=True) if v == period),
                    default=-1e9,
                )
                if sc[best] - rule_sc > margin:
                    period = item["cands"][best][0]
                    r["period_start"], r["period_end"] = period
            if smodel is not None:
                f = status_features(item["ctx"], item["c"], period, item["claim"]["status"])
                sc = score_softmax(smodel, f)
                rule_k = "actual" if r["status"] == "estimate" else r["status"]
                best = max(range(len(CLASSES)), key=sc.__getitem__)
                if CLASSES[best] != rule_k and sc[best] - sc[CLASSES.index(rule_k)] > margin:
                    r["status"] = CLASSES[best]
        spans[(r["article_file"], r["char_start"])] = r
        out.append(r)
    return out


def strict_f1(gold_doc, preds) -> tuple[float, float, float]:
    """(strict F1, period accuracy, status accuracy on matched claims) by the shared scorer."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        f1 = scorer.score(gold_doc, [dict(p) for p in preds], None, False)
    text = buf.getvalue()
    ps = re.search(r"period_start\s+correct on (\d+)/(\d+)", text)
    pe = re.search(r"period_end\s+correct on (\d+)/(\d+)", text)
    st = re.search(r"status\s+correct on (\d+)/(\d+)", text)
    # period accuracy: both ends right
    matched = _match(gold_doc["claims"], preds)
    ok = sum(
        1
        for i, g in matched.items()
        if scorer.same_attr("period_start", g.get("period_start"), preds[i]["period_start"])
        and scorer.same_attr("period_end", g.get("period_end"), preds[i]["period_end"])
    )
    del ps, pe
    n = max(1, len(matched))
    return f1, ok / n, int(st.group(1)) / max(1, int(st.group(2))) if st else 0.0


def loso(data, seeds, margins, only_period=False):
    rows = []
    for k, test in enumerate(data):
        train = [seeds, *[d for j, d in enumerate(data) if j != k]]
        groups, srows, slabels = training_rows(train)
        pm = train_ranker(groups)
        sm = train_softmax(srows, slabels)
        base = strict_f1(test["gold"], [dict(i["claim"]) for i in test["items"]])
        res = {"set": test["name"], "rules": base}
        for m in margins:
            res[f"period m={m:g}"] = strict_f1(test["gold"], apply(test, pm, None, m))
            res[f"status m={m:g}"] = strict_f1(test["gold"], apply(test, None, sm, m))
            res[f"both m={m:g}"] = strict_f1(test["gold"], apply(test, pm, sm, m))
        rows.append(res)
    return rows


def print_table(title: str, rows) -> None:
    cols = [k for k in rows[0] if k != "set"]
    print(f"\n{title}\nstrict F1 / period accuracy / status accuracy (matched claims)")
    print(f"{'set':<10}" + "".join(f"{c:>22}" for c in cols))
    for r in rows:
        print(f"{r['set']:<10}" + "".join(f"{'%.3f %.3f %.3f' % r[c]:>22}" for c in cols))
    mean = [tuple(sum(r[c][i] for r in rows) / len(rows) for i in range(3)) for c in cols]
    print(f"{'mean':<10}" + "".join(f"{'%.3f %.3f %.3f' % m:>22}" for m in mean))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rules", choices=("current", "first", "both"), default="both")
    ap.add_argument("--sets", nargs="+", default=[s for s in SETS if s != "seeds"])
    ap.add_argument("--margin", nargs="+", type=float, default=[0.0, 1.0, 2.0])
    args = ap.parse_args(argv)
    seeds_cur = load_set("seeds", "current")
    for rules in ("current", "first") if args.rules == "both" else (args.rules,):
        data = [load_set(name, rules) for name in args.sets]
        cov = [
            (sum(1 for i in d["items"] if "gold_period" in i and "cands" in i),
             sum(1 for i in d["items"] if "gold_period" in i and "cands" in i
                 and any(v == i["gold_period"] for v, _ in i["cands"])))
            for d in data
        ]
        print(f"\nrules={rules}: matched claims with candidates {sum(a for a, _ in cov)}, "
              f"gold period among the candidates {sum(b for _, b in cov)}")
        print_table(f"leave-one-set-out, rules = {rules}", loso(data, seeds_cur, args.margin))
    return 0


if __name__ == "__main__":
    sys.exit(main())

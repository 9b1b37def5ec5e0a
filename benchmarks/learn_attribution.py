"""Does a learned chooser of the reference period and the status beat the rules on unseen sets?

    .venv/bin/python benchmarks/learn_attribution.py [--rules current|first|both] [--sets A B ...]
        [--margin M ...]
    .venv/bin/python benchmarks/learn_attribution.py --train [--margin M]   # retrain the shipped model

For every claim the rules extract, `attribution_model.period_candidates` lists the periods
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

`--train` fits both models on every set (first-contact rules; the seeds with the current rules)
and writes benchmarks/out/attribution_model.json with the margin (default 1.0). The pipeline does
not use it (docs/attribution_model.md says why); `--shipped SET ...` scores the current rules with
and without that model on the sets named (e.g. new sets heldout9 heldout10 after training).
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

from attribution_model import (  # noqa: E402
    CLASSES,
    MODEL_PATH,
    Context,
    Model,
    choose_period,
    choose_status,
    period_candidates,
    status_features,
)
from first_contact import first_contact_claims  # noqa: E402
from score import SCORER, SETS, locate  # noqa: E402

from pipeline.cli_extract import header_date, read_text  # noqa: E402
from pipeline.lib.claims.context import Doc, quantity_context  # noqa: E402
from pipeline.lib.claims.extract import _extract, claims_from_extraction  # noqa: E402
from pipeline.lib.claims.periods import PeriodResolver  # noqa: E402

_spec = importlib.util.spec_from_file_location("score_claims", SCORER)
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)


# ---- data -------------------------------------------------------------------------------------
def _match(gold: list[dict], preds: list[dict]) -> dict[int, dict]:
    """pred index -> gold claim, with the scorer's greedy matching (largest overlap first)."""
    out, used = {}, set()
    for g in gold:
        best = None
        for i, p in enumerate(preds):
            if i in used or p["article_file"] != g["article_file"]:
                continue
            if scorer.overlaps(g, p) and p.get("unit") == g["unit"] and scorer.same_value(g, p):
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
            claims = claims_from_extraction(text, extraction, day, path.name)
            rows = [asdict(c) for c in claims]
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
                o = doc.quantities[i].converts
                if o is not None and 0 <= o < len(extraction.quantities):
                    item["conv"] = (extraction.quantities[o].start, extraction.quantities[o].end)
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
            labels = [1.0 if cd[0] == item["gold_period"] else 0.0 for cd in item["cands"]]
            if any(labels):
                groups.append(([cd[1] for cd in item["cands"]], labels))
            srows.append(item["status_x"])
            slabels.append(item["gold_status"])
    return groups, srows, slabels


# ---- applying and scoring ---------------------------------------------------------------------
def to_model(pmodel, smodel, margin: float) -> Model:
    """A runtime Model from trained weights (None: that part left to the rules)."""
    period = dict(zip(pmodel["names"], pmodel["w"], strict=True)) if pmodel else {}
    status = (
        {k: tuple(w) for k, w in zip(smodel["names"], smodel["w"], strict=True)} if smodel else {}
    )
    return Model(period, status, margin)


def apply(s, model: Model) -> list[dict]:
    """The set's claims with period and status re-decided as attribution_model does;
    a currency conversion takes them from the amount it converts."""
    out = []
    by_span = {}
    for item in s["items"]:
        r = dict(item["claim"])
        if "cands" in item and "conv" not in item:
            rule = (r["period_start"], r["period_end"])
            pick = choose_period(model, item["cands"], rule)
            if pick is not None:
                r["period_start"], r["period_end"] = pick[0]
            f = status_features(
                item["ctx"], item["c"], (r["period_start"], r["period_end"]), r["status"]
            )
            r["status"] = choose_status(model, f, r["status"])
        by_span[(r["article_file"], r["char_start"], r["char_end"])] = r
        out.append(r)
    for item, r in zip(s["items"], out, strict=True):
        if "conv" in item:
            o = by_span.get((r["article_file"], *item["conv"]))
            if o is not None:
                r["period_start"], r["period_end"], r["status"] = (
                    o["period_start"],
                    o["period_end"],
                    o["status"],
                )
    return out


def strict_f1(gold_doc, preds) -> tuple[float, float, float]:
    """(strict F1, period accuracy, status accuracy on matched claims) by the shared scorer."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        f1 = scorer.score(gold_doc, [dict(p) for p in preds], None, False)
    text = buf.getvalue()
    st = re.search(r"status\s+correct on (\d+)/(\d+)", text)
    # period accuracy: both ends right
    matched = _match(gold_doc["claims"], preds)
    ok = sum(
        1
        for i, g in matched.items()
        if scorer.same_attr("period_start", g.get("period_start"), preds[i]["period_start"])
        and scorer.same_attr("period_end", g.get("period_end"), preds[i]["period_end"])
    )
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
            res[f"period m={m:g}"] = strict_f1(test["gold"], apply(test, to_model(pm, None, m)))
            res[f"status m={m:g}"] = strict_f1(test["gold"], apply(test, to_model(None, sm, m)))
            res[f"both m={m:g}"] = strict_f1(test["gold"], apply(test, to_model(pm, sm, m)))
        rows.append(res)
    return rows


def _fmt(t) -> str:
    return " ".join(f"{x:.3f}" for x in t)


def print_table(title: str, rows) -> None:
    cols = [k for k in rows[0] if k != "set"]
    print(f"\n{title}\nstrict F1 / period accuracy / status accuracy (matched claims)")
    print(f"{'set':<10}" + "".join(f"{c:>22}" for c in cols))
    for r in rows:
        print(f"{r['set']:<10}" + "".join(f"{_fmt(r[c]):>22}" for c in cols))
    mean = [tuple(sum(r[c][i] for r in rows) / len(rows) for i in range(3)) for c in cols]
    print(f"{'mean':<10}" + "".join(f"{_fmt(m):>22}" for m in mean))


def train(seeds, names: list[str], margin: float) -> int:
    """Fit on every set (first-contact rules) and the seeds; write MODEL_PATH."""
    data = [seeds, *[load_set(name, "first") for name in names]]
    groups, srows, slabels = training_rows(data)
    pm = train_ranker(groups)
    sm = train_softmax(srows, slabels)
    period = {k: round(w, 4) for k, w in zip(pm["names"], pm["w"], strict=True) if abs(w) >= 1e-4}
    status = {
        k: [round(x, 4) for x in w]
        for k, w in zip(sm["names"], sm["w"], strict=True)
        if max(abs(x) for x in w) >= 1e-4
    }
    doc = {
        "about": "pipeline/lib/claims/learned.py; trained by benchmarks/learn_attribution.py "
        f"--train on seeds + {', '.join(names)} ({len(groups)} period groups, "
        f"{len(srows)} status rows)",
        "margin": margin,
        "classes": list(CLASSES),
        "period": period,
        "status": status,
    }
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"wrote {MODEL_PATH.relative_to(ROOT)}: {len(period)} period weights, "
        f"{len(status)} status features, margin {margin:g}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--rules", choices=("current", "first", "both"), default="both")
    ap.add_argument("--sets", nargs="+", default=[s for s in SETS if s != "seeds"])
    ap.add_argument("--margin", nargs="+", type=float, default=[0.0, 1.0, 2.0])
    ap.add_argument("--train", action="store_true", help="write the trained model")
    ap.add_argument("--shipped", nargs="+", help="score current rules +/- the trained model")
    args = ap.parse_args(argv)
    seeds_cur = load_set("seeds", "current")
    if args.train:
        return train(seeds_cur, args.sets, args.margin[0] if len(args.margin) == 1 else 1.0)
    if args.shipped:
        model = Model.from_dict(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
        rows = []
        for name in args.shipped:
            s = load_set(name, "current")
            base = strict_f1(s["gold"], [dict(i["claim"]) for i in s["items"]])
            rows.append(
                {"set": name, "rules": base, "rules+model": strict_f1(s["gold"], apply(s, model))}
            )
        print_table(f"current rules with the model of {MODEL_PATH.name}", rows)
        return 0
    for rules in ("current", "first") if args.rules == "both" else (args.rules,):
        data = [load_set(name, rules) for name in args.sets]
        cov = [
            (
                sum(1 for i in d["items"] if "gold_period" in i and "cands" in i),
                sum(
                    1
                    for i in d["items"]
                    if "gold_period" in i
                    and "cands" in i
                    and any(cd[0] == i["gold_period"] for cd in i["cands"])
                ),
            )
            for d in data
        ]
        print(
            f"\nrules={rules}: matched claims with candidates {sum(a for a, _ in cov)}, "
            f"gold period among the candidates {sum(b for _, b in cov)}"
        )
        print_table(f"leave-one-set-out, rules = {rules}", loso(data, seeds_cur, args.margin))
    return 0


if __name__ == "__main__":
    sys.exit(main())

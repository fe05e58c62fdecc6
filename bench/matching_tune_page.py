"""Eighth round: the first-page rule retuned with the label model on, on the same scores.

    python bench/matching_tune_page.py [--esco PATH] [--people 3000] [--vacancies 60000]
        [--seeds 1 2 ... 12] [--quality-sample 1000]

For each seed: generate the market and build the index as `matching_national.py` does (the
engine's default weights, the same sampled people), score each sampled person once with
`MatchIndex.score_person` and rank the candidates (`rank_person`'s: active vacancies with a
skill in common) with every page setting of the grid (`page_margin` × `page_labels` × the
order in which labels in doubt get a place, and the rule off) through the engine's own
`rank_candidates`. The default setting is checked against
`rank_person` for the first 50 people of each seed. Prints R-precision / MRR / strict
recall@20 / hit@20 per setting and seed, and for the default setting why the people with no
own vacancy on the first page have none (bench/README.md, "Eighth round").
"""

import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_data import index_build, market_generate, timed_seeds, tuning_setup
from matching_national import quality

from kohtaanto.matching.engine.diversity import rank_candidates
from kohtaanto.matching.engine.weights import Weights

# (margin, cap, order): labels in doubt promoted by their best score, or by the person's
# typicality gap of each label (the engine's default since this round).
GRID = [(0.20, 0, "score")] + [
    (m, c, order)
    for order in ("score", "typicality")
    for m in (0.20, 0.25, 0.30, 0.35)
    for c in (4, 6, 8)
]


def why_missed(total, cand, own, label, w: Weights) -> str:
    """Why a person's first page holds no own vacancy (default setting)."""
    scores = total[cand]
    best = float(scores.max())
    own_c = cand[np.isin(cand, own)]
    if len(own_c) == 0:
        return "no own vacancy with a skill in common"
    own_best = float(total[own_c].max())
    own_labels = set(label[own_c[total[own_c] >= own_best - 1e-9]].tolist())
    if own_labels == {-1}:
        return "best own vacancy unlabelled"
    if own_best < best * (1 - w.page_margin):
        return f"own best below the margin ({own_best / best:.2f} of the top)"
    near = cand[scores >= best * (1 - w.page_margin)]
    n_labels = len({int(x) for x in label[near] if x >= 0})
    return f"within the margin, {n_labels} labels there"


def run_seed(graph, esco, args, seed: int):
    market = market_generate(esco, people=args.people, vacancies=args.vacancies, seed=seed)
    base = Weights()
    index = index_build(graph, market, base)
    rng = np.random.default_rng(seed + 1000)
    sample = rng.choice(args.people, size=min(args.quality_sample, args.people), replace=False)
    by_occ = {
        int(o): np.flatnonzero(market.vacancy_occupation == o)
        for o in np.unique(market.vacancy_occupation)
    }
    weights = {s: replace(base, page_margin=s[0], page_labels=s[1]) for s in GRID}
    current = (base.page_margin, int(base.page_labels), "typicality")
    results: dict[tuple, list] = {s: [] for s in GRID}
    reasons: Counter = Counter()
    for k, p in enumerate(sample):
        s = index.score_person(int(p))
        cand = np.flatnonzero(~s.excluded & (s.components["skills"] > 0))
        own = by_occ[int(market.person_occupation[p])]
        for setting in GRID:
            priority = s.label_gaps if setting[2] == "typicality" else None
            ranked, _ = rank_candidates(
                cand, s.total[cand], index.label_raw, weights[setting], len(cand), priority
            )
            q = quality(ranked, own)
            results[setting].append(q)
            if setting == current:
                if k < 50:
                    engine, _ = index.rank_person(s, 20)
                    assert np.array_equal(engine, ranked[: len(engine)]), f"person {p}"
                if not q[3]:
                    reasons[why_missed(s.total, cand, own, index.label_raw, base)] += 1
    return {s: np.array(v).mean(axis=0) for s, v in results.items()}, reasons


def name(s: tuple) -> str:
    return "off" if s[1] == 0 else f"{s[0]:.2f}/{s[1]} {s[2]}"


def main() -> None:
    args, esco, graph = tuning_setup(__doc__.split("\n")[0], list(range(1, 13)))
    res = {}
    for seed, result in timed_seeds(args.seeds, lambda seed: run_seed(graph, esco, args, seed)):
        res[seed], reasons = result
        for s, q in res[seed].items():
            print(f"  {name(s):20s} " + " / ".join(f"{x:.4f}" for x in q), flush=True)
        for why, n in reasons.most_common():
            print(f"  missed (default setting): {n} × {why}", flush=True)
    print("summary: min R-prec, min MRR, min strict recall@20, mean strict recall@20, min hit@20")
    for s in GRID:
        qs = np.array([res[seed][s] for seed in args.seeds])
        print(
            f"  {name(s):20s} {qs[:, 0].min():.4f} {qs[:, 1].min():.4f} {qs[:, 2].min():.4f} "
            f"{qs[:, 2].mean():.4f} {qs[:, 3].min():.4f}"
        )
        print(
            "    per seed recall@20 / hit@20: "
            + "  ".join(
                f"{seed}:{res[seed][s][2]:.4f}/{res[seed][s][3]:.3f}" for seed in args.seeds
            )
        )


if __name__ == "__main__":
    main()

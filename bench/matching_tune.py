"""Tuning grid for the matching score: label-mean shrink × first-page rule, on the same scores.

    python bench/matching_tune.py [--esco PATH] [--people 3000] [--vacancies 60000]
        [--seeds 1 2 6 7] [--quality-sample 1000]

For each seed: generate the market and build the index exactly as `matching_national.py` does
(same sampled people), compute each sampled person's skills, profile and occupation components
once, and rank every candidate setting from them with the engine's own `rank_candidates`:

- shrink: a per-vacancy component c becomes (1 − a)·c[v] + a·(mean of c over the active
  vacancies with v's label); a vacancy without a label is a label of its own (unchanged).
  "skills" shrinks the skills coverage only, "skills+profile" both per-vacancy components;
- page rule: `page_margin` × `page_labels` (0 labels = rule off).

The candidates are the person's vacancies with a skill in common (raw skills coverage > 0), as
in `MatchIndex.rank_person`. Prints R-precision / MRR / strict recall@20 / hit@20 per setting
and seed, and applies the sixth round's criterion (bench/README.md, "Sixth round").
"""

import os
import sys
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

SHRINKS = [("none", 0.0)] + [(k, a) for k in ("skills", "skills+profile") for a in (0.25, 0.5)]
PAGES = [(m, c) for m in (0.20, 0.22, 0.25) for c in (4, 5)]
CURRENT = ("none", 0.0, 0.20, 4)
OFF = ("none", 0.0, 0.20, 0)


def settings() -> list[tuple[str, float, float, int]]:
    out = [OFF, CURRENT]
    for kind, a in SHRINKS[1:]:
        out += [(kind, a, m, c) for m, c in PAGES]
    return out


def label_mean(values: np.ndarray, label: np.ndarray, active: np.ndarray, n: int) -> np.ndarray:
    sums = np.bincount(label, weights=values * active, minlength=n)
    counts = np.bincount(label, weights=active.astype(np.float64), minlength=n)
    return (sums / np.maximum(counts, 1.0))[label]


def run_seed(graph, esco, args, seed: int) -> dict[tuple, np.ndarray]:
    market = market_generate(esco, people=args.people, vacancies=args.vacancies, seed=seed)
    # Round 6's engine: no label model, the page rule by score (round 7 and 8 came later).
    base = Weights(typicality=0.0, page_margin=0.20, page_labels=4, page_by_typicality=0.0)
    index = index_build(graph, market, base)
    rng = np.random.default_rng(seed + 1000)
    sample = rng.choice(args.people, size=min(args.quality_sample, args.people), replace=False)
    by_occ = {
        int(o): np.flatnonzero(market.vacancy_occupation == o)
        for o in np.unique(market.vacancy_occupation)
    }
    share = {c: w / index.weight_sum for c, w in index.component_weights.items()}
    n_labels = int(index.label.max()) + 1
    active = index.v_active
    weights = {(m, c): replace(base, page_margin=m, page_labels=c) for _, _, m, c in settings()}
    results: dict[tuple, list] = {s: [] for s in settings()}
    checked = 0
    for p in sample:
        skills, profile, occupation = (x[0] for x in index._person_skill_components(int(p)))
        cand = np.flatnonzero(active & (skills > 0))
        own = by_occ[int(market.person_occupation[p])]
        totals = {}
        for kind, a in SHRINKS:
            s, pr = skills, profile
            if a:
                s = (1 - a) * s + a * label_mean(s, index.label, active, n_labels)
                if kind == "skills+profile":
                    pr = (1 - a) * pr + a * label_mean(pr, index.label, active, n_labels)
            # Summed as the engine's `_combine` sums (float32, in this order).
            total = np.zeros(len(skills), dtype=np.float32)
            for comp, part in (("skills", s), ("profile", pr), ("occupation", occupation)):
                total += np.float32(share[comp]) * part.astype(np.float32)
            totals[(kind, a)] = total
        for setting in settings():
            kind, a, m, c = setting
            total = totals[(kind, a)]
            ranked, _ = rank_candidates(
                cand, total[cand], index.label_raw, weights[(m, c)], len(cand)
            )
            results[setting].append(quality(ranked, own))
            if setting == CURRENT and checked < 50:
                # The reference is the engine's own ranking, position for position.
                engine, _ = index.rank_person(index.score_person(int(p)), len(cand))
                assert np.array_equal(engine, ranked), f"person {p}: not the engine's ranking"
                checked += 1
    return {s: np.array(v).mean(axis=0) for s, v in results.items()}


def name(s: tuple) -> str:
    kind, a, m, c = s
    page = "off" if c == 0 else f"{m:.2f}/{c}"
    return f"{kind} {a:.2f}, page {page}"


def choose(res: dict[int, dict[tuple, np.ndarray]]) -> tuple:
    seeds = sorted(res)

    def per(s, k):
        return np.array([res[seed][s][k] for seed in seeds])

    cur_min_hit = per(CURRENT, 3).min()
    eligible = []
    for s in settings():
        if s == OFF:
            continue
        ok = (
            (per(s, 0) >= 0.85).all()
            and (per(s, 2) >= per(OFF, 2) - 0.015).all()
            and (per(s, 1) >= per(CURRENT, 1) - 0.002).all()
            and per(s, 3).min() >= cur_min_hit
        )
        print(f"  {name(s):40s} eligible {ok}")
        if ok:
            eligible.append(s)
    if not eligible:
        print("choice: none eligible; the current setting stays")
        return CURRENT
    kind_rank = {"none": 0, "skills": 1, "skills+profile": 2}
    best_mrr = max(per(s, 1).mean() for s in eligible)
    tied = [s for s in eligible if per(s, 1).mean() >= best_mrr - 0.0005]
    tied.sort(
        key=lambda s: (
            -per(s, 3).min(),
            -per(s, 2).mean(),
            kind_rank[s[0]],
            s[1],
            s[2],
            s[3],
        )
    )
    choice = tied[0]
    gain = per(choice, 1).mean() - per(CURRENT, 1).mean()
    print(f"choice: {name(choice)}; mean MRR gain over the current setting {gain:+.4f}")
    return choice if gain >= 0.001 else CURRENT


def main() -> None:
    args, esco, graph = tuning_setup(__doc__.split("\n")[0], [1, 2, 6, 7])
    res = {}
    for seed, result in timed_seeds(args.seeds, lambda seed: run_seed(graph, esco, args, seed)):
        res[seed] = result
        for s, q in res[seed].items():
            print(f"  {name(s):40s} " + " / ".join(f"{x:.4f}" for x in q), flush=True)
    print("summary (min hit@20, mean MRR, mean strict recall@20):")
    for s in settings():
        qs = np.array([res[seed][s] for seed in args.seeds])
        print(
            f"  {name(s):40s} min R-prec {qs[:, 0].min():.4f}  min hit {qs[:, 3].min():.4f}  "
            f"mean MRR {qs[:, 1].mean():.4f}  min MRR {qs[:, 1].min():.4f}  "
            f"mean rec {qs[:, 2].mean():.4f}"
        )
    adopted = choose(res)
    print(f"adopted: {name(adopted)}")


if __name__ == "__main__":
    main()

"""Seventh round: the label model's weight (`Weights.typicality`), on the same scores.

    python bench/matching_tune_typicality.py [--esco PATH] [--people 3000] [--vacancies 60000]
        [--seeds 1 2 6 7] [--quality-sample 1000]

For each seed: generate the market and build the index as `matching_national.py` does, with
the model off (`typicality` 0), and the same sampled people. For each sampled person the
skills, profile and occupation components are computed once; each candidate adds
g · (gap of the vacancy's label) to the occupation component, never below 0
(`engine/typicality.py`), with unlabelled vacancies either unchanged ("lab") or read as the
label their own skills are most likely under ("pred", what the engine does). Ranked with the
engine's own `rank_candidates` (page rule 0.20 / 4). The "pred" candidate with the engine's
default g is checked, for the first 50 people of each seed, against the engine's own ranking
position for position. Prints R-precision / MRR / strict recall@20 / hit@20 per candidate and
seed (bench/README.md, "Seventh round").
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_data import index_build, market_generate, timed_seeds, tuning_setup
from matching_national import quality

from kohtaanto.matching.engine.diversity import rank_candidates
from kohtaanto.matching.engine.typicality import LabelModel
from kohtaanto.matching.engine.weights import Weights

GRID = [(0.0, "")] + [(g, u) for g in (0.002, 0.003, 0.004, 0.006) for u in ("lab", "pred")]


def run_seed(graph, esco, args, seed: int) -> dict[tuple, np.ndarray]:
    market = market_generate(esco, people=args.people, vacancies=args.vacancies, seed=seed)
    # Round 7's settings: its page rule (0.20 / 4, by score); the label model off for the
    # components, on (its default weight) for the engine the chosen candidate is checked against.
    page = {"page_margin": 0.20, "page_labels": 4, "page_by_typicality": 0.0}
    base = Weights(typicality=0.0, **page)
    index = index_build(graph, market, base)
    engine = index_build(graph, market, Weights(**page))
    rng = np.random.default_rng(seed + 1000)
    sample = rng.choice(args.people, size=min(args.quality_sample, args.people), replace=False)
    by_occ = {
        int(o): np.flatnonzero(market.vacancy_occupation == o)
        for o in np.unique(market.vacancy_occupation)
    }
    share = {c: w / index.weight_sum for c, w in index.component_weights.items()}
    active, label = index.v_active, index.label_raw
    model = LabelModel.build(index.r, label, active, Weights().typicality_background)
    read = {"lab": label, "pred": model.read_labels(index.r, label)}
    results: dict[tuple, list] = {c: [] for c in GRID}
    checked = 0
    assert index.x is not None
    for p in sample:
        skills, profile, occupation = (x[0] for x in index._person_skill_components(int(p)))
        gaps = model.gaps(index.x[[int(p)]])[0]
        cand = np.flatnonzero(active & (skills > 0))
        own = by_occ[int(market.person_occupation[p])]
        for g, kind in GRID:
            occ = occupation
            if g:
                lab = read[kind]
                gap = np.where(lab >= 0, gaps[np.maximum(lab, 0)], 0.0)
                gap = np.where(np.isfinite(gap), gap, 0.0).astype(np.float32)
                occ = np.maximum(occupation + np.float32(g) * gap, np.float32(0.0))
            total = np.zeros(len(skills), dtype=np.float32)
            for comp, part in (("skills", skills), ("profile", profile), ("occupation", occ)):
                total += np.float32(share[comp]) * part.astype(np.float32)
            ranked, _ = rank_candidates(cand, total[cand], label, base, len(cand))
            results[(g, kind)].append(quality(ranked, own))
            if (g, kind) == (Weights().typicality, "pred") and checked < 50:
                mine, _ = engine.rank_person(engine.score_person(int(p)), 20)
                assert np.array_equal(mine, ranked[: len(mine)]), f"person {p}: not the engine's"
                checked += 1
    return {c: np.array(v).mean(axis=0) for c, v in results.items()}


def main() -> None:
    args, esco, graph = tuning_setup(__doc__.split("\n")[0], [1, 2, 6, 7])
    res = {}
    for seed, result in timed_seeds(args.seeds, lambda seed: run_seed(graph, esco, args, seed)):
        res[seed] = result
        for (g, kind), q in res[seed].items():
            print(f"  g {g:.3f} {kind or '-':4s} " + " / ".join(f"{x:.4f}" for x in q), flush=True)
    print("summary (min R-prec, min hit@20, mean MRR, min MRR, mean strict recall@20):")
    for g, kind in GRID:
        qs = np.array([res[seed][(g, kind)] for seed in args.seeds])
        print(
            f"  g {g:.3f} {kind or '-':4s} {qs[:, 0].min():.4f} {qs[:, 3].min():.4f} "
            f"{qs[:, 1].mean():.4f} {qs[:, 1].min():.4f} {qs[:, 2].mean():.4f}"
        )


if __name__ == "__main__":
    main()

"""National-scale matching benchmark: speed, memory and ranking quality on synthetic ESCO data.

    python bench/matching_national.py [--esco PATH] [--people 300000] [--vacancies 60000]
        [--seeds 1 2 3] [--quality-sample 3000] [--match-all] [--through-importers]

For each seed: generate a market (bench/matching_data.py), build the index from plain arrays
(no database), time one person against all vacancies and one vacancy against all people on
one core, and measure quality on a sample of people where the truth is the person's source
occupation: R-precision (own vacancies in the top |own|), MRR (first own vacancy) and
recall@20 (own vacancies in the top 20 / min(|own|, 20)), on the ranking the application shows
(`MatchIndex.rank_person`: the first page with its near-tied occupations, then score order).
The same figures are printed for plain cosine on exact skills. `--match-all` (first seed
only) runs the whole top-20 in blocks and reports wall time and the process's peak memory.
The engine sees only the two sides' skills, the taxonomy and each vacancy's occupation label.
`--through-importers` instead loads the first seed's market through the project's importers
and the database, and checks that the application gives every person the same top 20 as the
arrays (bench/matching_e2e.py).
"""

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_data import Market, esco_dir, esco_load, index_build, market_generate

from kohtaanto.matching.engine.graph import SkillGraph
from kohtaanto.matching.engine.index import MatchIndex
from kohtaanto.matching.engine.weights import Weights


def peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def quality(order: np.ndarray, own: np.ndarray) -> tuple[float, float, float, float]:
    """(R-precision, reciprocal rank, recall@20, hit@20) of one ranking (vacancy positions,
    best first); `own`: the true vacancies. recall@20 = own in the top 20 / min(|own|, 20);
    hit@20 = 1 when at least one own vacancy is in the top 20."""
    hit = np.isin(order, own)
    n_own = len(own)
    r_prec = hit[:n_own].sum() / n_own
    first = int(np.argmax(hit))
    rr = 1.0 / (first + 1) if hit.any() else 0.0
    rec = hit[:20].sum() / min(n_own, 20)
    return r_prec, rr, rec, float(hit[:20].any())


def evaluate(index: MatchIndex, market: Market, sample: np.ndarray) -> dict[str, float]:
    by_occ: dict[int, np.ndarray] = {}
    for o in np.unique(market.vacancy_occupation):
        by_occ[int(o)] = np.flatnonzero(market.vacancy_occupation == o)
    ours, base = [], []
    p_bin = market.person_skills.copy()
    p_bin.data[:] = 1.0
    v_bin = market.vacancy_skills.copy()
    v_bin.data[:] = 1.0

    def l2(m: sp.csr_matrix) -> sp.csr_matrix:
        norm = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        return (sp.diags(1.0 / np.maximum(norm, 1e-9)) @ m).tocsr()

    v_cos_t = l2(v_bin).T.tocsr()
    for start in range(0, len(sample), 200):
        chunk = sample[start : start + 200]
        cos = (l2(p_bin[chunk]) @ v_cos_t).toarray()
        for k, p in enumerate(chunk):
            own = by_occ[int(market.person_occupation[p])]
            # The ranking the application shows (first page diversified), to the end.
            ranked, _ = index.rank_person(index.score_person(int(p)), len(index.vacancy_ids))
            ours.append(quality(ranked, own))
            base.append(quality(np.argsort(-cos[k], kind="stable"), own))
    a, b = np.array(ours).mean(axis=0), np.array(base).mean(axis=0)
    sizes = np.array([len(by_occ[int(market.person_occupation[p])]) for p in sample])
    print(
        f"  own vacancies per sampled person: median {np.median(sizes):.0f}, "
        f"more than 20 for {np.mean(sizes > 20):.0%}"
    )
    return {
        "r_precision": a[0],
        "mrr": a[1],
        "recall20": a[2],
        "hit20": a[3],
        "cos_r_precision": b[0],
        "cos_mrr": b[1],
        "cos_recall20": b[2],
        "cos_hit20": b[3],
    }


def timings(index: MatchIndex, rng: np.random.Generator) -> tuple[float, float, float, float]:
    """p50 in ms of one person against all vacancies and one vacancy against all people:
    (person wall, person CPU, vacancy wall, vacancy CPU). CPU time is the process's own time
    on its one core: on a shared machine the wall time also counts the waits for a core."""
    people = rng.choice(len(index.person_ids), size=300, replace=False)
    vacs = rng.choice(len(index.vacancy_ids), size=60, replace=False)
    index.score_person(int(people[0]))
    index.score_vacancy(int(vacs[0]))

    def p50(calls) -> tuple[float, float]:
        wall, cpu = [], []
        for call in calls:
            t, c = time.perf_counter(), time.process_time()
            call()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        return float(np.median(wall) * 1000), float(np.median(cpu) * 1000)

    pw, pc = p50([lambda p=int(p): index.score_person(p) for p in people])
    vw, vc = p50([lambda v=int(v): index.score_vacancy(v) for v in vacs])
    return pw, pc, vw, vc


def match_all(index: MatchIndex, top: int, block: int, people: int) -> tuple[float, float, int]:
    """Top-`top` for the first `people` people (0 = all) in blocks: (wall s, CPU s, people)."""
    from tqdm import tqdm

    chosen = index.person_ids[:people] if people else None
    n = people or len(index.person_ids)
    t, c = time.perf_counter(), time.process_time()
    n_blocks = (n + block - 1) // block
    for _ in tqdm(
        index.top_all(top=top, block_size=block, people=chosen), total=n_blocks, file=sys.stderr
    ):
        pass
    return time.perf_counter() - t, time.process_time() - c, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--esco")
    ap.add_argument("--people", type=int, default=300_000)
    ap.add_argument("--vacancies", type=int, default=60_000)
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--quality-sample", type=int, default=3000)
    ap.add_argument("--match-all", action="store_true")
    ap.add_argument("--block", type=int, default=256)
    ap.add_argument(
        "--match-all-people",
        type=int,
        default=0,
        help="run match-all for this many people only and extrapolate (0 = everyone)",
    )
    ap.add_argument("--no-timings", action="store_true")
    ap.add_argument(
        "--through-importers",
        action="store_true",
        help="write the market (first seed; use a small --people/--vacancies) in the importers' "
        "formats, load it with import-esco, import-companies, import-vacancies and "
        "import-job-seekers into a throw-away database (DATABASE_URL or SQLite), and check "
        "that the database path gives every person the same top 20 as the arrays",
    )
    args = ap.parse_args()
    folder = esco_dir(args.esco)
    if args.through_importers:
        from matching_e2e import through_importers

        esco = esco_load(folder)
        seed = args.seeds[0]
        market = market_generate(esco, people=args.people, vacancies=args.vacancies, seed=seed)
        print(f"seed {seed}: {args.people:,} people, {args.vacancies:,} vacancies")
        same, n = through_importers(folder, esco, market)
        sys.exit(0 if same == n else 1)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores (shared)")
    print(f"people {args.people:,}, vacancies {args.vacancies:,}, seeds {args.seeds}")
    esco = esco_load(folder)
    weights = Weights()
    t = time.perf_counter()
    graph = SkillGraph.from_edges(len(esco.skill_uris), esco.broader, esco.related)
    print(f"taxonomy graph: {time.perf_counter() - t:.1f} s")
    rows = []
    for i, seed in enumerate(args.seeds):
        t = time.perf_counter()
        market = market_generate(esco, people=args.people, vacancies=args.vacancies, seed=seed)
        gen = time.perf_counter() - t
        t = time.perf_counter()
        index = index_build(graph, market, weights)
        build = time.perf_counter() - t
        rng = np.random.default_rng(seed + 1000)
        sample = rng.choice(args.people, size=min(args.quality_sample, args.people), replace=False)
        q = evaluate(index, market, sample)
        pw, pc, vw, vc = (0.0,) * 4 if args.no_timings else timings(index, rng)
        print(
            f"seed {seed}: generate {gen:.0f} s, index build {build:.1f} s, "
            f"person→vacancies p50 {pw:.2f} ms wall / {pc:.2f} ms CPU, "
            f"vacancy→people p50 {vw:.1f} ms wall / {vc:.1f} ms CPU"
        )
        print(
            f"  engine: R-precision {q['r_precision']:.3f}, MRR {q['mrr']:.3f}, "
            f"recall@20 {q['recall20']:.3f}, hit@20 {q['hit20']:.3f}"
        )
        print(
            f"  cosine: R-precision {q['cos_r_precision']:.3f}, MRR {q['cos_mrr']:.3f}, "
            f"recall@20 {q['cos_recall20']:.3f}, hit@20 {q['cos_hit20']:.3f}"
        )
        rows.append(q)
        if args.match_all and i == 0:
            wall, cpu, n = match_all(index, 20, args.block, args.match_all_people)
            scale = len(index.person_ids) / n
            print(
                f"  match-all top-20 for {n:,} people: {wall / 60:.1f} min wall, "
                f"{cpu / 60:.1f} min CPU; for all {len(index.person_ids):,}: "
                f"{wall * scale / 60:.1f} min wall, {cpu * scale / 60:.1f} min CPU "
                f"(linear in people); peak memory {peak_gib():.2f} GiB"
            )
        del index, market
    mean = {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}
    print(
        f"mean over seeds: engine {mean['r_precision']:.3f} / {mean['mrr']:.3f} / "
        f"{mean['recall20']:.3f}; cosine {mean['cos_r_precision']:.3f} / {mean['cos_mrr']:.3f} / "
        f"{mean['cos_recall20']:.3f}; peak memory {peak_gib():.2f} GiB"
    )


if __name__ == "__main__":
    main()

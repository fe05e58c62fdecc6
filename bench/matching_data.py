"""ESCO as arrays, and a seeded synthetic labour market drawn from it (matching benchmarks).

The generator may read ESCO's occupation→skill profiles (that is how the people and vacancies
are made); the engine never does: it gets only the two sides' skill matrices, the skill
taxonomy (hierarchy, skill–skill relations) and each vacancy's occupation label.
"""

import csv
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

if TYPE_CHECKING:
    from kohtaanto.matching.engine.graph import SkillGraph
    from kohtaanto.matching.engine.index import MatchIndex
    from kohtaanto.matching.engine.weights import Weights

# ../shared/data/esco-en next to the repository, as for the taxonomy benchmarks.
DEFAULT_ESCO = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "esco-en"
if os.environ.get("KOHTAANTO_ESCO_DIR"):  # the same variable the vocabulary check reads
    DEFAULT_ESCO = Path(os.environ["KOHTAANTO_ESCO_DIR"])


def esco_dir(path: str | None) -> Path:
    folder = Path(path) if path else DEFAULT_ESCO
    if not (folder / "skills_en.csv").exists():
        sys.exit(f"ESCO CSV files not found in {folder} (give --esco PATH); nothing measured.")
    return folder


def _rows(path: Path):
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


@dataclass
class Esco:
    skill_uris: list[str]  # skills, knowledge and skill groups: the graph's nodes
    n_skills: int  # the first n_skills nodes are skills and knowledge, the rest groups
    skill_index: dict[str, int]
    broader: tuple[np.ndarray, np.ndarray]  # (child, parent)
    related: tuple[np.ndarray, np.ndarray]
    occupation_uris: list[str]
    isco: list[str]  # ISCO unit group code per occupation
    essential: list[np.ndarray]  # per occupation: skill indices
    optional: list[np.ndarray]


def esco_load(folder: Path) -> Esco:
    uris: list[str] = []
    for row in _rows(folder / "skills_en.csv"):
        uris.append(row["conceptUri"])
    n_skills = len(uris)
    for row in _rows(folder / "skillGroups_en.csv"):
        uris.append(row["conceptUri"])
    index = {u: i for i, u in enumerate(uris)}
    bc, bp = [], []
    for row in _rows(folder / "broaderRelationsSkillPillar.csv"):
        a, b = index.get(row["conceptUri"]), index.get(row["broaderUri"])
        if a is not None and b is not None:
            bc.append(a)
            bp.append(b)
    ra, rb = [], []
    for row in _rows(folder / "skillSkillRelations.csv"):
        a, b = index.get(row["originalSkillUri"]), index.get(row["relatedSkillUri"])
        if a is not None and b is not None:
            ra.append(a)
            rb.append(b)
    occ_uris, isco = [], []
    for row in _rows(folder / "occupations_en.csv"):
        occ_uris.append(row["conceptUri"])
        isco.append(row["iscoGroup"])
    occ_index = {u: i for i, u in enumerate(occ_uris)}
    ess: dict[int, list[int]] = defaultdict(list)
    opt: dict[int, list[int]] = defaultdict(list)
    for row in _rows(folder / "occupationSkillRelations.csv"):
        o, s = occ_index.get(row["occupationUri"]), index.get(row["skillUri"])
        if o is None or s is None:
            continue
        (ess if row["relationType"] == "essential" else opt)[o].append(s)
    return Esco(
        skill_uris=uris,
        n_skills=n_skills,
        skill_index=index,
        broader=(np.array(bc), np.array(bp)),
        related=(np.array(ra), np.array(rb)),
        occupation_uris=occ_uris,
        isco=isco,
        essential=[np.array(sorted(set(ess[i])), dtype=np.int64) for i in range(len(occ_uris))],
        optional=[np.array(sorted(set(opt[i])), dtype=np.int64) for i in range(len(occ_uris))],
    )


@dataclass
class Market:
    """People and vacancies as the engine sees them, plus the truth it must not see."""

    person_skills: sp.csr_matrix  # people × skills, 1 = has
    person_occupation: np.ndarray  # truth: source occupation
    vacancy_skills: sp.csr_matrix  # vacancies × skills, weight (essential 1, optional 0.5)
    vacancy_essential: sp.csr_matrix  # vacancies × skills, 1 = essential
    vacancy_occupation: np.ndarray  # truth
    vacancy_label: np.ndarray  # what the employer wrote: -1 none, else an occupation


def _neighbours(esco: Esco) -> list[np.ndarray]:
    """Taxonomy neighbours of each skill (broader, narrower, related), for describing a skill
    the way a person might: by a more general, more specific or related term. Skill groups
    are left out: a profile holds skills and knowledge (the importer refuses groups)."""
    n = len(esco.skill_uris)
    a = np.concatenate([esco.broader[0], esco.broader[1], esco.related[0], esco.related[1]])
    b = np.concatenate([esco.broader[1], esco.broader[0], esco.related[1], esco.related[0]])
    m = sp.csr_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    rows = [m.indices[m.indptr[i] : m.indptr[i + 1]] for i in range(n)]
    return [r[r < esco.n_skills] for r in rows]


def market_generate(
    esco: Esco,
    *,
    people: int,
    vacancies: int,
    seed: int,
    neighbour_rate: float = 0.25,
    earlier_job_rate: float = 0.5,
    off_profile: tuple[int, int] = (1, 4),
    unlabelled_rate: float = 0.1,
    mislabelled_rate: float = 0.05,
    person_essential: tuple[float, float] = (0.5, 0.9),
    earlier_skills: tuple[int, int] = (1, 5),
    popularity_sigma: float = 1.0,
    occupations: int = 0,
) -> Market:
    """A seeded market: vacancies and people drawn from occupations' skill profiles.

    Vacancy: 50–90 % of the occupation's essential skills (at least 2), 0–30 % of its optional
    ones, and 1–3 off-profile skills from anywhere; 10 % carry no occupation label and 5 % the
    label of another occupation of the same ISCO group (an employer's rough pick).
    Person: 50–90 % of the source occupation's essential and 0–30 % of its optional skills;
    each skill described by a taxonomy neighbour with probability 0.25; with probability 0.5
    1–4 essential skills of an earlier job (half of the time in the same ISCO group).
    Occupation popularity is log-normal, shared by both sides (more vacancies where more
    people work); people come only from occupations that have vacancies.
    """
    rng = np.random.default_rng(seed)
    n_skills = len(esco.skill_uris)
    usable = np.array([i for i, e in enumerate(esco.essential) if len(e) >= 3])
    if occupations:
        usable = np.sort(rng.choice(usable, size=min(occupations, len(usable)), replace=False))
    popularity = rng.lognormal(0.0, popularity_sigma, len(usable))
    popularity /= popularity.sum()
    by_isco: dict[str, list[int]] = defaultdict(list)
    for o in usable:
        by_isco[esco.isco[o]].append(int(o))
    # Off-profile skills: drawn by how often occupations ask for them.
    freq = np.zeros(n_skills)
    for o in usable:
        freq[esco.essential[o]] += 1
        freq[esco.optional[o]] += 0.5
    freq /= freq.sum()
    neighbours = _neighbours(esco)

    def pick(pool: np.ndarray, lo: float, hi: float, at_least: int = 0) -> np.ndarray:
        if len(pool) == 0:
            return pool
        k = max(at_least, round(len(pool) * rng.uniform(lo, hi)))
        return rng.choice(pool, size=min(k, len(pool)), replace=False)

    v_occ = usable[rng.choice(len(usable), size=vacancies, p=popularity)]
    n_off = rng.integers(*off_profile, size=vacancies)
    off_all = rng.choice(n_skills, size=int(n_off.sum()), p=freq)
    off_start = np.concatenate([[0], np.cumsum(n_off)])
    vr, vc, vw, ve = [], [], [], []
    labels = np.empty(vacancies, dtype=np.int64)
    for i, o in enumerate(v_occ):
        ess = pick(esco.essential[o], 0.5, 0.9, 2)
        opt = pick(esco.optional[o], 0.0, 0.3)
        off = off_all[off_start[i] : off_start[i + 1]]
        row: dict[int, float] = {}
        for s in off:
            row[int(s)] = 1.0 if rng.random() < 0.5 else 0.5
        for s in opt:
            row[int(s)] = 0.5
        for s in ess:
            row[int(s)] = 1.0
        for s, w in row.items():
            vr.append(i)
            vc.append(s)
            vw.append(w)
            ve.append(1.0 if w == 1.0 else 0.0)
        u = rng.random()
        if u < unlabelled_rate:
            labels[i] = -1
        elif u < unlabelled_rate + mislabelled_rate and len(by_isco[esco.isco[o]]) > 1:
            labels[i] = rng.choice([x for x in by_isco[esco.isco[o]] if x != o])
        else:
            labels[i] = o
    has_vacancy = np.isin(usable, np.unique(v_occ))
    p_pool, p_pop = usable[has_vacancy], popularity[has_vacancy] / popularity[has_vacancy].sum()
    p_occ = p_pool[rng.choice(len(p_pool), size=people, p=p_pop)]
    pr, pc = [], []
    for i, o in enumerate(p_occ):
        skills = set(pick(esco.essential[o], *person_essential, 2).tolist())
        skills |= set(pick(esco.optional[o], 0.0, 0.3).tolist())
        if rng.random() < earlier_job_rate:
            group = by_isco[esco.isco[o]]
            if rng.random() < 0.5 and len(group) > 1:
                earlier = group[rng.integers(len(group))]
            else:
                earlier = int(usable[rng.integers(len(usable))])
            if earlier != o:
                pool = esco.essential[earlier]
                k = min(len(pool), int(rng.integers(*earlier_skills)))
                skills |= set(rng.choice(pool, size=k, replace=False).tolist())
        described = set()
        for s in skills:
            near = neighbours[s]
            if len(near) and rng.random() < neighbour_rate:
                described.add(int(near[rng.integers(len(near))]))
            else:
                described.add(int(s))
        for s in described:
            pr.append(i)
            pc.append(s)
    person = sp.csr_matrix((np.ones(len(pr), dtype=np.float32), (pr, pc)), shape=(people, n_skills))
    vac = sp.csr_matrix((np.array(vw, dtype=np.float32), (vr, vc)), shape=(vacancies, n_skills))
    vess = sp.csr_matrix((np.array(ve, dtype=np.float32), (vr, vc)), shape=(vacancies, n_skills))
    vess.eliminate_zeros()
    return Market(
        person_skills=person,
        person_occupation=p_occ,
        vacancy_skills=vac,
        vacancy_essential=vess,
        vacancy_occupation=v_occ,
        vacancy_label=labels,
    )


def index_build(graph: "SkillGraph", market: Market, weights: "Weights") -> "MatchIndex":
    """The engine's index over a generated market (people in blocks of 50 000)."""
    from kohtaanto.matching.engine.index import MatchIndex, PersonRows, VacancyRows

    index = MatchIndex(graph=graph, weights=weights)
    n_v = market.vacancy_skills.shape[0]
    index.upsert_vacancies(
        VacancyRows(ids=range(n_v), skills=market.vacancy_skills, label=market.vacancy_label)
    )
    n_p = market.person_skills.shape[0]
    step = 50_000
    for start in range(0, n_p, step):
        stop = min(start + step, n_p)
        index.upsert_people(
            PersonRows(ids=range(start, stop), skills=market.person_skills[start:stop])
        )
    index._refresh()
    return index


def tuning_setup(description: str, seeds: list[int]):
    """The tuning scripts' common start: their arguments, ESCO and the taxonomy graph."""
    import argparse

    from kohtaanto.matching.engine.graph import SkillGraph

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--esco")
    ap.add_argument("--people", type=int, default=3000)
    ap.add_argument("--vacancies", type=int, default=60_000)
    ap.add_argument("--seeds", type=int, nargs="+", default=seeds)
    ap.add_argument("--quality-sample", type=int, default=1000)
    args = ap.parse_args()
    esco = esco_load(esco_dir(args.esco))
    graph = SkillGraph.from_edges(len(esco.skill_uris), esco.broader, esco.related)
    return args, esco, graph


def timed_seeds(seeds, run):
    """(seed, run(seed)) for each seed, printing each seed's wall and CPU time and the load."""
    import time

    for seed in seeds:
        t, c = time.perf_counter(), time.process_time()
        result = run(seed)
        print(
            f"seed {seed}: {time.perf_counter() - t:.0f} s wall, "
            f"{time.process_time() - c:.0f} s CPU; load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        yield seed, result

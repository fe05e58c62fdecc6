"""Builds a `MatchIndex` for one employment area from the database and keeps it current.

Each row carries a version (the latest change of the person or vacancy and of its skill,
card, target and language rows, with their counts). `area_index` compares the versions with
the cached index on every call and rebuilds only the rows that changed; a change in the skill
taxonomy rebuilds the whole index. The versions are one grouped query per table, so a
request pays a few cheap queries, not a rebuild.
"""

import csv
import datetime
import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.db import connection
from django.db.models import Count, Max
from django.utils import timezone

from kohtaanto.accounts.models import Municipality
from kohtaanto.employers.models import Vacancy, VacancyRequirement, VacancySkill, VacancyState
from kohtaanto.jobseekers.models import (
    JobSeeker,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    TargetOccupation,
)
from kohtaanto.matching.engine.graph import SkillGraph
from kohtaanto.matching.engine.index import MatchIndex, PersonRows, VacancyRows
from kohtaanto.matching.engine.weights import Weights, weights_from_settings
from kohtaanto.taxonomy.models import (
    Concept,
    ConceptRelation,
    ConceptType,
    RelationKind,
    TaxonomyVersion,
)

SKILL_TYPES = (ConceptType.SKILL, ConceptType.KNOWLEDGE, ConceptType.SKILL_GROUP)
CENTRES_CSV = Path(__file__).resolve().parent.parent / "data" / "municipality_centres.csv"
# Roads are longer than the straight line; 1.3 is the usual detour factor for rural Finland
# (straight-line × 1.3 ≈ road distance between municipal centres in Keski-Pohjanmaa).
ROAD_FACTOR = 1.3
# CEFR level → how well the person can work in the language (B2 is independent use).
CEFR_CREDIT = {"A1": 0.2, "A2": 0.4, "B1": 0.75, "B2": 1.0, "C1": 1.0, "C2": 1.0}


def level_credit(level: int | None, w: Weights) -> float:
    """A skill at basic level counts `level_shortfall_credit`; good or better counts fully."""
    return w.level_shortfall_credit if level == 1 else 1.0


def vacancy_skill_weight(essential: bool, level: int | None, w: Weights) -> float:
    base = w.essential if essential else w.optional
    return base * (1.0 + w.level_weight_step * max((level or 1) - 1, 0))


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def municipality_distances(codes: list[str]) -> np.ndarray:
    """Road-distance estimate between municipal centres (km); inf where a centre is unknown."""
    centres: dict[str, tuple[float, float]] = {}
    with CENTRES_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            centres[row["code"]] = (float(row["lat"]), float(row["lon"]))
    n = len(codes)
    out = np.full((n, n), np.inf, dtype=np.float32)
    for i, a in enumerate(codes):
        out[i, i] = 0.0
        for j, b in enumerate(codes):
            if i != j and a in centres and b in centres:
                out[i, j] = _haversine_km(centres[a], centres[b]) * ROAD_FACTOR
    return out


@dataclass
class Vocabulary:
    """Concept id ↔ matrix index for skills, occupations and requirement concepts."""

    skill_index: dict[int, int]
    skill_ids: list[int]
    graph: SkillGraph
    version: tuple
    occupation_label: dict[int, int] = field(default_factory=dict)
    requirement_index: dict[int, int] = field(default_factory=dict)
    isco_group: dict[int, int | None] = field(default_factory=dict)


def _taxonomy_version() -> tuple:
    """The newest concept and relation and the newest import stamp, in one cheap query.

    Counting the relations (all of ESCO: ~150 000 rows) took longer than a whole ranking;
    the newest ids are index look-ups. Rows are added with new ids, and the import services
    stamp `TaxonomyVersion.loaded_at` whenever they change or delete anything.
    """
    return (
        ConceptRelation.objects.aggregate(m=Max("id"))["m"],
        Concept.objects.aggregate(m=Max("id"))["m"],
        TaxonomyVersion.objects.aggregate(m=Max("loaded_at"))["m"],
    )


def vocabulary_build() -> Vocabulary:
    skill_ids = list(
        Concept.objects.filter(type__in=SKILL_TYPES).order_by("id").values_list("id", flat=True)
    )
    index = {cid: i for i, cid in enumerate(skill_ids)}
    broader: tuple[list[int], list[int]] = ([], [])
    related: tuple[list[int], list[int]] = ([], [])
    kinds = (RelationKind.BROADER, RelationKind.SKILL_ESSENTIAL, RelationKind.SKILL_OPTIONAL)
    for source, target, kind in ConceptRelation.objects.filter(kind__in=kinds).values_list(
        "source_id", "target_id", "kind"
    ):
        if source in index and target in index:
            pair = broader if kind == RelationKind.BROADER else related
            pair[0].append(index[source])
            pair[1].append(index[target])
    graph = SkillGraph.from_edges(
        len(skill_ids),
        (np.array(broader[0], dtype=np.int64), np.array(broader[1], dtype=np.int64)),
        (np.array(related[0], dtype=np.int64), np.array(related[1], dtype=np.int64)),
    )
    occupations = Concept.objects.filter(type=ConceptType.OCCUPATION).order_by("id")
    labels: dict[int, int] = {}
    isco: dict[int, int | None] = {}
    for cid, group in occupations.values_list("id", "isco_group_id"):
        labels[cid] = len(labels)
        isco[cid] = group
    requirements = Concept.objects.filter(type=ConceptType.REQUIREMENT).order_by("id")
    req_index = {cid: i for i, cid in enumerate(requirements.values_list("id", flat=True))}
    return Vocabulary(
        skill_index=index,
        skill_ids=skill_ids,
        graph=graph,
        version=_taxonomy_version(),
        occupation_label=labels,
        requirement_index=req_index,
        isco_group=isco,
    )


def _grouped_versions(model: Any, key: str, ids: Any) -> dict[int, tuple]:
    rows = (
        model.objects.filter(**{f"{key}__in": ids})
        .values(key)
        .annotate(n=Count("id"), m=Max("updated_at") if hasattr(model, "updated_at") else Max("id"))
        .values_list(key, "n", "m")
    )
    return {k: (n, m) for k, n, m in rows}


PERSON_PARTS = (ProfileSkill, RequirementCard, TargetOccupation, LanguageSkill)
VACANCY_PARTS = (VacancySkill, VacancyRequirement)


def _area_people(area_id: int) -> Any:
    return JobSeeker.objects.filter(
        employment_area_id=area_id,
        status=JobSeeker.Status.ACTIVE,
        pseudonymised_at__isnull=True,
    )


def _area_vacancies(area_id: int) -> Any:
    return Vacancy.objects.filter(employment_area_id=area_id, state=VacancyState.OPEN)


def person_versions(area_id: int) -> dict[int, tuple]:
    people = _area_people(area_id)
    base = dict(people.values_list("id", "updated_at"))
    ids = people.values("id")
    parts = [_grouped_versions(m, "job_seeker_id", ids) for m in PERSON_PARTS]
    return {pid: (stamp, *(p.get(pid) for p in parts)) for pid, stamp in base.items()}


def vacancy_versions(area_id: int) -> dict[int, tuple]:
    vacancies = _area_vacancies(area_id)
    base = dict(vacancies.values_list("id", "updated_at"))
    ids = vacancies.values("id")
    parts = [_grouped_versions(m, "vacancy_id", ids) for m in VACANCY_PARTS]
    return {vid: (stamp, *(p.get(vid) for p in parts)) for vid, stamp in base.items()}


def area_stamp(area_id: int) -> tuple:
    """One summary of every row `person_versions` and `vacancy_versions` read: per table the
    number of rows, the sum of their ids and the newest change. Any row added, removed, changed
    or swapped for another changes it, as it changes the rows' versions; when it is unchanged
    since the last sync the per-row comparison is skipped. One query, no row per person."""
    people, vacancies = _area_people(area_id), _area_vacancies(area_id)
    tables: list[tuple[Any, bool]] = [(people, True), (vacancies, True)]
    for models, key, rows in (
        (PERSON_PARTS, "job_seeker", people),
        (VACANCY_PARTS, "vacancy", vacancies),
    ):
        for model in models:
            part = model.objects.filter(**{f"{key}__in": rows.values("id")})
            tables.append((part, hasattr(model, "updated_at")))
    selects, params = [], []
    for i, (queryset, stamped) in enumerate(tables):
        columns = ("id", "updated_at") if stamped else ("id",)
        sql, p = queryset.order_by().values_list(*columns).query.sql_with_params()
        newest = "updated_at" if stamped else "id"
        # Compiled by Django from the querysets above: no input reaches the SQL text.
        selects.append(
            f"(SELECT COUNT(*) AS n{i}, SUM(id) AS s{i}, MAX({newest}) AS m{i} FROM ({sql}) r{i})"  # noqa: S608
            f" t{i}"
        )
        params.extend(p)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM " + " CROSS JOIN ".join(selects), params)  # noqa: S608
        return tuple(cursor.fetchone() or ())


def _work_languages() -> list[str]:
    return list(getattr(settings, "MATCHING_WORK_LANGUAGES", ["fi"]))


def people_rows(
    ids: list[int], vocab: Vocabulary, mun_index: dict[int, int], w: Weights
) -> PersonRows:
    """The rows of `ids` (job seeker pks) as the index takes them."""
    pos = {pid: i for i, pid in enumerate(ids)}
    today = timezone.localdate()
    r, c, v = [], [], []
    for pid, concept, level in ProfileSkill.objects.filter(job_seeker_id__in=ids).values_list(
        "job_seeker_id", "concept_id", "level"
    ):
        if concept in vocab.skill_index:
            r.append(pos[pid])
            c.append(vocab.skill_index[concept])
            v.append(level_credit(level, w))
    skills = sp.csr_matrix((v, (r, c)), shape=(len(ids), vocab.graph.n), dtype=np.float32)
    tr, tc, tv = [], [], []
    by_group: dict[int, list[int]] = defaultdict(list)
    for occ, group in vocab.isco_group.items():
        if group is not None:
            by_group[group].append(occ)
    for pid, occ in TargetOccupation.objects.filter(job_seeker_id__in=ids).values_list(
        "job_seeker_id", "concept_id"
    ):
        group = vocab.isco_group.get(occ)
        for other in by_group.get(group, []) if group is not None else []:
            if other != occ:
                tr.append(pos[pid])
                tc.append(vocab.occupation_label[other])
                tv.append(0.5)
        if occ in vocab.occupation_label:
            tr.append(pos[pid])
            tc.append(vocab.occupation_label[occ])
            tv.append(1.0)
    targets = sp.csr_matrix(
        (tv, (tr, tc)), shape=(len(ids), max(len(vocab.occupation_label), 1)), dtype=np.float32
    )
    targets.sum_duplicates()
    np.minimum(targets.data, 1.0, out=targets.data)
    cr, cc = [], []
    cards = RequirementCard.objects.filter(job_seeker_id__in=ids).values_list(
        "job_seeker_id", "concept_id", "expires_on"
    )
    for pid, concept, expires in cards:
        if concept in vocab.requirement_index and (expires is None or expires >= today):
            cr.append(pos[pid])
            cc.append(vocab.requirement_index[concept])
    card_m = sp.csr_matrix(
        (np.ones(len(cr), dtype=np.float32), (cr, cc)),
        shape=(len(ids), max(len(vocab.requirement_index), 1)),
    )
    work = set(_work_languages())
    language = np.zeros(len(ids), dtype=np.float32)
    known = np.zeros(len(ids), dtype=bool)
    languages = LanguageSkill.objects.filter(job_seeker_id__in=ids).values_list(
        "job_seeker_id", "language", "level", "is_native"
    )
    for pid, lang, cefr, native in languages:
        known[pos[pid]] = True
        if lang in work:
            credit = 1.0 if native else CEFR_CREDIT.get(str(cefr), 0.0)
            language[pos[pid]] = max(language[pos[pid]], credit)
    municipality = np.full(len(ids), -1, dtype=np.int64)
    for pid, mun, preferred in JobSeeker.objects.filter(id__in=ids).values_list(
        "id", "municipality_id", "preferred_language"
    ):
        municipality[pos[pid]] = mun_index.get(mun, -1) if mun else -1
        if preferred in work:
            known[pos[pid]] = True
            language[pos[pid]] = 1.0
    # Nothing recorded about languages: neither a bonus nor a penalty.
    language[~known] = 0.5
    return PersonRows(
        ids=ids,
        skills=skills,
        municipality=municipality,
        language=language,
        targets=targets,
        cards=card_m,
    )


def vacancy_rows(
    ids: list[int], vocab: Vocabulary, mun_index: dict[int, int], w: Weights
) -> VacancyRows:
    pos = {vid: i for i, vid in enumerate(ids)}
    r, c, v = [], [], []
    for vid, concept, essential, level in VacancySkill.objects.filter(
        vacancy_id__in=ids
    ).values_list("vacancy_id", "concept_id", "essential", "level"):
        if concept in vocab.skill_index:
            r.append(pos[vid])
            c.append(vocab.skill_index[concept])
            v.append(vacancy_skill_weight(essential, level, w))
    skills = sp.csr_matrix((v, (r, c)), shape=(len(ids), vocab.graph.n), dtype=np.float32)
    label = np.full(len(ids), -1, dtype=np.int64)
    municipality = np.full(len(ids), -1, dtype=np.int64)
    remote = np.zeros(len(ids), dtype=bool)
    commuting = np.zeros(len(ids), dtype=bool)
    for vid, occ, mun, rem, com in Vacancy.objects.filter(id__in=ids).values_list(
        "id", "occupation_id", "municipality_id", "remote_possible", "commuting_possible"
    ):
        i = pos[vid]
        label[i] = vocab.occupation_label.get(occ, -1) if occ else -1
        municipality[i] = mun_index.get(mun, -1) if mun else -1
        remote[i], commuting[i] = rem, com
    rr, rc = [], []
    for vid, concept in VacancyRequirement.objects.filter(vacancy_id__in=ids).values_list(
        "vacancy_id", "concept_id"
    ):
        if concept in vocab.requirement_index:
            rr.append(pos[vid])
            rc.append(vocab.requirement_index[concept])
    requirements = sp.csr_matrix(
        (np.ones(len(rr), dtype=np.float32), (rr, rc)),
        shape=(len(ids), max(len(vocab.requirement_index), 1)),
    )
    return VacancyRows(
        ids=ids,
        skills=skills,
        label=label,
        municipality=municipality,
        remote=remote,
        commuting=commuting,
        requirements=requirements,
    )


@dataclass
class AreaIndex:
    index: MatchIndex
    vocab: Vocabulary
    mun_index: dict[int, int]
    built_on: datetime.date
    stamp: tuple = ()
    concepts: dict[int, Concept] = field(default_factory=dict)  # explain.named_concepts


_CACHE: dict[int, AreaIndex] = {}
_LOCK = threading.Lock()


def _fresh(area_id: int, w: Weights) -> AreaIndex:
    vocab = vocabulary_build()
    muns = list(Municipality.objects.order_by("id").values_list("id", "code"))
    mun_index = {mid: i for i, (mid, _) in enumerate(muns)}
    index = MatchIndex(
        graph=vocab.graph, weights=w, distance_km=municipality_distances([c for _, c in muns])
    )
    return AreaIndex(index=index, vocab=vocab, mun_index=mun_index, built_on=timezone.localdate())


def _sync(area: AreaIndex, area_id: int) -> None:
    """Bring the index up to date: only changed, new or removed rows are rebuilt."""
    stamp = area_stamp(area_id)
    if stamp == area.stamp:
        return
    index, w = area.index, area.index.weights
    v_versions = vacancy_versions(area_id)
    gone, dirty = _changes(v_versions, index.vacancy_versions)
    index.deactivate_vacancies(gone)
    if dirty:
        index.upsert_vacancies(vacancy_rows(dirty, area.vocab, area.mun_index, w))
    index.vacancy_versions = v_versions
    p_versions = person_versions(area_id)
    gone, dirty = _changes(p_versions, index.person_versions)
    index.deactivate_people(gone)
    if dirty:
        index.upsert_people(people_rows(dirty, area.vocab, area.mun_index, w))
    index.person_versions = p_versions
    area.stamp = stamp


def _changes(current: dict[int, tuple], known: dict[int, tuple]) -> tuple[list[int], list[int]]:
    """(ids no longer there, ids new or changed) between the database and the index."""
    gone = [k for k in known if k not in current]
    dirty = [k for k, v in current.items() if known.get(k) != v]
    return gone, dirty


def area_index(area_id: int) -> AreaIndex:
    """The current index of the area's open vacancies and active job seekers.

    A new day rebuilds it too: card validity (expired or not) depends on today's date.
    """
    w = weights_from_settings()
    with _LOCK:
        area = _CACHE.get(area_id)
        if (
            area is None
            or area.vocab.version != _taxonomy_version()
            or area.index.weights != w
            or area.built_on != timezone.localdate()
            or area.mun_index
            != dict(
                (mid, i)
                for i, mid in enumerate(
                    Municipality.objects.order_by("id").values_list("id", flat=True)
                )
            )
        ):
            area = _fresh(area_id, w)
            _CACHE[area_id] = area
        _sync(area, area_id)
        return area

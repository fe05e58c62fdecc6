"""The matching index: people × skills and vacancies × skills as scipy sparse matrices.

Plain arrays in (row ids, CSR matrices, label and municipality codes), so that the application
(`engine/loader.py`, from the database) and the national benchmark (`bench/`, straight from
generated arrays) run the same code. Nothing here reads identifiers, titles or row order: a
row's score depends only on its skills, the taxonomy, the vacancy's occupation label and the
optional context (municipalities, languages, targets, hard requirements).

Score of person p for vacancy v, a weighted mean of components in 0..1 (README "Matching"):

- skills: Σ_t w[v,t]·e[p,t] / Σ_t w[v,t], where w is the vacancy's weight of skill t
  (essential/optional × level × idf) and e the person's best credit for t (exact, or through
  the taxonomy: `SkillGraph.expand`);
- profile: cosine of the idf-weighted expanded person vector and the vacancy's weights;
- occupation: cosine of the person's vector and the mean of all vacancies that carry the same
  occupation label (what employers ask of that occupation, learned from the vacancies, never
  from ESCO's occupation profiles); a vacancy without a label is its own mean; less
  `Weights.typicality` per nat by which the person's skills are less typical of the label
  than of the label they are most typical of (`typicality.py`), never below 0;
- target: the vacancy's occupation is one of the person's targets (or in the same ISCO group);
- location: same municipality or remote 1, then linear decay over the commuting distance;
- language: the person can work in the area's working language.

Hard requirements are filters: a person without a valid card the vacancy requires is
excluded (score 0, never ranked).

Incremental upkeep: `upsert_people` / `upsert_vacancies` replace or add rows (the expansion is
recomputed only for the changed people); `_refresh` redoes the cheap, global parts (idf,
normalisation, occupation means) in O(non-zeros).
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from kohtaanto.matching.engine.diversity import rank_candidates
from kohtaanto.matching.engine.graph import SkillGraph
from kohtaanto.matching.engine.rows import (
    PersonRows,
    VacancyRows,
    replace_rows,
    replace_values,
    row_normalise,
)
from kohtaanto.matching.engine.typicality import LabelModel
from kohtaanto.matching.engine.weights import Weights

__all__ = ["COMPONENTS", "MatchIndex", "PersonRows", "Scores", "VacancyRows"]

COMPONENTS = ("skills", "profile", "occupation", "target", "location", "language")


@dataclass
class Scores:
    """Scores of one person or one vacancy against all rows of the other side."""

    total: np.ndarray
    components: dict[str, np.ndarray]
    excluded: np.ndarray
    # One person's typicality gap of every occupation label (`typicality.py`): the order in
    # which labels in doubt get a place on the first page. None without the label model.
    label_gaps: np.ndarray | None = None


@dataclass
class MatchIndex:
    graph: SkillGraph
    weights: Weights
    distance_km: np.ndarray | None = None  # municipality × municipality, inf = unknown
    person_ids: list[int] = field(default_factory=list)
    vacancy_ids: list[int] = field(default_factory=list)
    # versions: the loader's change marks, compared to find dirty rows
    person_versions: dict[int, tuple] = field(default_factory=dict)
    vacancy_versions: dict[int, tuple] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._person_pos: dict[int, int] = {}
        self._vacancy_pos: dict[int, int] = {}
        self.x: sp.csr_matrix | None = None
        self.e: sp.csr_matrix | None = None
        self.p_mun: np.ndarray | None = None
        self.p_lang: np.ndarray | None = None
        self.p_active = np.zeros(0, dtype=bool)
        self.targets: sp.csr_matrix | None = None
        self.cards: sp.csr_matrix | None = None
        self.r: sp.csr_matrix | None = None
        self.label_raw = np.zeros(0, dtype=np.int64)
        self.v_mun: np.ndarray | None = None
        self.v_remote: np.ndarray | None = None
        self.v_commuting: np.ndarray | None = None
        self.v_active = np.zeros(0, dtype=bool)
        self.requirements: sp.csr_matrix | None = None
        self._has_targets = False
        self._has_location = False
        self._has_language = False
        self._stale = True
        self.model: LabelModel | None = None
        self.read_label = np.zeros(0, dtype=np.int64)
        # Per person: the best log-likelihood over labels (NaN = not yet computed).
        self._p_best = np.zeros(0, dtype=np.float64)
        self._vacancies_changed = True

    # --- upkeep -----------------------------------------------------------------------------

    def _positions(self, ids: Sequence[int], pos: dict[int, int], order: list[int]) -> np.ndarray:
        out = np.empty(len(ids), dtype=np.int64)
        for i, key in enumerate(ids):
            if key not in pos:
                pos[key] = len(order)
                order.append(key)
            out[i] = pos[key]
        return out

    def upsert_people(self, rows: PersonRows) -> None:
        """Add or replace people; only their expansion through the taxonomy is recomputed."""
        positions = self._positions(rows.ids, self._person_pos, self.person_ids)
        n = len(self.person_ids)
        skills = rows.skills.tocsr().astype(np.float32)
        self.x = replace_rows(self.x, positions, skills, n)
        self.e = replace_rows(self.e, positions, self.graph.expand(skills, self.weights), n)
        self.p_active = replace_values(self.p_active, positions, None, n, True)
        self.p_mun = replace_values(self.p_mun, positions, rows.municipality, n, -1)
        self.p_lang = replace_values(self.p_lang, positions, rows.language, n, 1.0)
        self._has_location |= rows.municipality is not None
        self._has_language |= rows.language is not None
        if rows.targets is not None:
            self._has_targets = True
            self.targets = replace_rows(self.targets, positions, rows.targets, n)
        if rows.cards is not None:
            self.cards = replace_rows(self.cards, positions, rows.cards, n)
        self._p_best = replace_values(self._p_best, positions, None, n, np.nan)
        self._stale = True

    def upsert_vacancies(self, rows: VacancyRows) -> None:
        positions = self._positions(rows.ids, self._vacancy_pos, self.vacancy_ids)
        n = len(self.vacancy_ids)
        self.r = replace_rows(self.r, positions, rows.skills.tocsr().astype(np.float32), n)
        self.label_raw = replace_values(self.label_raw, positions, rows.label, n, -1)
        self.v_active = replace_values(self.v_active, positions, None, n, True)
        self.v_mun = replace_values(self.v_mun, positions, rows.municipality, n, -1)
        self.v_remote = replace_values(self.v_remote, positions, rows.remote, n, False)
        self.v_commuting = replace_values(self.v_commuting, positions, rows.commuting, n, False)
        if rows.requirements is not None:
            self.requirements = replace_rows(self.requirements, positions, rows.requirements, n)
        self._vacancies_changed = True
        self._stale = True

    def deactivate_people(self, ids: Sequence[int]) -> None:
        for key in ids:
            if key in self._person_pos:
                self.p_active[self._person_pos[key]] = False

    def deactivate_vacancies(self, ids: Sequence[int]) -> None:
        for key in ids:
            if key in self._vacancy_pos:
                self.v_active[self._vacancy_pos[key]] = False
                self._vacancies_changed = True
                self._stale = True

    def person_position(self, person_id: int) -> int | None:
        pos = self._person_pos.get(person_id)
        return pos if pos is not None and self.p_active[pos] else None

    def vacancy_position(self, vacancy_id: int) -> int | None:
        pos = self._vacancy_pos.get(vacancy_id)
        return pos if pos is not None and self.v_active[pos] else None

    def _refresh(self) -> None:
        """Redo the global parts: idf, normalised vacancy rows, occupation means."""
        if not self._stale:
            return
        w = self.weights
        n_skills = self.graph.n
        if self.r is None:
            self.r = sp.csr_matrix((0, n_skills), dtype=np.float32)
        if self.e is None:
            self.x = self.e = sp.csr_matrix((0, n_skills), dtype=np.float32)
        active = sp.diags(self.v_active.astype(np.float32))
        r = (active @ self.r).tocsr()
        r.eliminate_zeros()
        df = np.bincount(r.indices, minlength=n_skills).astype(np.float64)
        n_vac = max(int(self.v_active.sum()), 1)
        idf = np.log1p(n_vac / np.maximum(df, 1.0))
        self.idf = (idf**w.idf_power).astype(np.float32)
        weighted = (r @ sp.diags(self.idf)).tocsr()
        self.wn = row_normalise(weighted, "sum")
        self.vn = row_normalise(weighted, "l2")
        self.wn_t = self.wn.T.tocsr()
        self.vn_t = self.vn.T.tocsr()
        # Labels: a vacancy without an occupation is a label of its own.
        label = self.label_raw.copy()
        missing = np.flatnonzero(label < 0)
        top = int(label.max()) + 1 if len(label) and label.max() >= 0 else 0
        label[missing] = top + np.arange(len(missing))
        self.label = label
        n_labels = top + len(missing)
        member = sp.csr_matrix(
            (self.v_active.astype(np.float32), (label, np.arange(len(label)))),
            shape=(n_labels, len(label)),
        )
        self.centroid = row_normalise((member @ self.vn).tocsr(), "l2")
        self.centroid_t = self.centroid.T.tocsr()
        self.en = row_normalise((self.e @ sp.diags(self.idf)).tocsr(), "l2")
        self._e_t: sp.csr_matrix | None = None
        self._en_t: sp.csr_matrix | None = None
        self._x_t: sp.csr_matrix | None = None
        self.active_components = ["skills", "profile", "occupation"]
        if self._has_targets:
            self.active_components.append("target")
        if self._has_location and self.distance_km is not None:
            self.active_components.append("location")
        if self._has_language:
            self.active_components.append("language")
        self.component_weights = {c: getattr(w, f"w_{c}") for c in self.active_components}
        self.weight_sum = sum(self.component_weights.values()) or 1.0
        self._refresh_typicality()
        self._stale = False

    def _refresh_typicality(self) -> None:
        """The label model (when vacancies changed) and every person's best log-likelihood
        not yet known (all of them after a vacancy change, else the changed people)."""
        assert self.r is not None and self.x is not None
        if self.weights.typicality <= 0:
            self.model = None
            return
        if self._vacancies_changed or self.model is None:
            self.model = LabelModel.build(
                self.r, self.label_raw, self.v_active, self.weights.typicality_background
            )
            self.read_label = self.model.read_labels(self.r, self.label_raw)
            self._p_best = np.full(len(self.person_ids), np.nan)
            self._vacancies_changed = False
        if len(self._p_best) < len(self.person_ids):
            extra = len(self.person_ids) - len(self._p_best)
            self._p_best = np.concatenate([self._p_best, np.full(extra, np.nan)])
        todo = np.flatnonzero(np.isnan(self._p_best))
        for start in range(0, len(todo), 4096):
            rows = todo[start : start + 4096]
            ll = self.model.log_likelihood(self.x[rows])
            self._p_best[rows] = ll.max(axis=1) if ll.shape[1] else -np.inf

    def _lowered(self, occupation: np.ndarray, gap: np.ndarray, read: np.ndarray) -> np.ndarray:
        """The occupation component less `typicality` per nat of `gap` (the gap of each
        vacancy's read label, `read`; −1 = none, no change), never below 0."""
        gap = np.where((read >= 0) & np.isfinite(gap), gap, 0.0).astype(np.float32)
        out = occupation + np.float32(self.weights.typicality) * gap
        return np.maximum(out, np.float32(0.0))

    def _binary_x_t(self) -> sp.csr_matrix:
        """skills × people, 1 where the person has the skill (for the label model)."""
        if self._x_t is None:
            assert self.x is not None
            x = self.x.tocsr().copy()
            x.data = (x.data > 0).astype(np.float32)
            self._x_t = x.T.tocsr()
        return self._x_t

    def _transposed(self) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """skills × people, for one vacancy against everyone (built on first use)."""
        if self._e_t is None or self._en_t is None:
            assert self.e is not None
            self._e_t = self.e.T.tocsr()
            self._en_t = self.en.T.tocsr()
        return self._e_t, self._en_t

    # --- scoring ----------------------------------------------------------------------------

    def _location(self, p_mun: np.ndarray, v_rows: np.ndarray) -> np.ndarray:
        """Location credit, people (rows) × vacancies (columns)."""
        assert self.distance_km is not None and self.v_mun is not None
        assert self.v_commuting is not None and self.v_remote is not None
        w = self.weights
        v_mun = self.v_mun[v_rows]
        known = (p_mun[:, None] >= 0) & (v_mun[None, :] >= 0)
        dist = self.distance_km[np.maximum(p_mun, 0)][:, np.maximum(v_mun, 0)]
        factor = np.where(self.v_commuting[v_rows], w.commute_possible_factor, 1.0)[None, :]
        full, far = w.commute_full_km * factor, w.commute_max_km * factor
        credit = np.clip((far - dist) / np.maximum(far - full, 1e-6), 0.0, 1.0)
        credit = np.where(known, credit, 0.5)
        return np.where(self.v_remote[v_rows][None, :], 1.0, credit).astype(np.float32)

    def _combine(self, comps: dict[str, np.ndarray], excluded: np.ndarray) -> Scores:
        # In place: a match-all block is 256 × all vacancies, and every temporary array of
        # that size costs as much as a sparse product.
        shape = np.broadcast_shapes(*(np.shape(comps[c]) for c in self.active_components))
        total = np.zeros(shape, dtype=np.float32)
        for c in self.active_components:
            total += np.float32(self.component_weights[c] / self.weight_sum) * comps[c]
        np.copyto(total, np.float32(0.0), where=excluded)
        return Scores(total=total, components=comps, excluded=excluded)

    def _person_skill_components(self, pos: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """skills, profile and occupation of one person against every vacancy, as 1 × n rows.

        The same sums as the sparse products in `_block`, gathered straight from the
        skills × vacancies arrays: the columns of the person's (expanded) skills are read
        once and summed with `np.bincount`, without building sparse intermediates per call.
        """
        assert self.e is not None
        n_v = len(self.vacancy_ids)
        lo, hi = self.e.indptr[pos], self.e.indptr[pos + 1]
        skill_cols, credit = self.e.indices[lo:hi], self.e.data[lo:hi]
        lo, hi = self.en.indptr[pos], self.en.indptr[pos + 1]
        en_cols, en_vals = self.en.indices[lo:hi], self.en.data[lo:hi]

        def gather(m: sp.csr_matrix, rows: np.ndarray, vals: np.ndarray, n: int) -> np.ndarray:
            starts, stops = m.indptr[rows], m.indptr[rows + 1]
            lengths = stops - starts
            total = int(lengths.sum())
            if total == 0:
                return np.zeros(n, dtype=np.float32)
            offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
            at = offsets + np.arange(total)
            weights = m.data[at] * np.repeat(vals, lengths)
            return np.bincount(m.indices[at], weights=weights, minlength=n).astype(np.float32)

        skills = gather(self.wn_t, skill_cols, credit, n_v)
        profile = gather(self.vn_t, en_cols, en_vals, n_v)
        per_label = gather(self.centroid_t, en_cols, en_vals, self.centroid.shape[0])
        return skills[None, :], profile[None, :], per_label[self.label][None, :]

    def _block(self, p_rows: np.ndarray, v_rows: np.ndarray | None = None) -> Scores:
        """Scores of people `p_rows` (rows) against vacancies `v_rows` (columns, default all)."""
        self._refresh()
        assert self.e is not None
        all_v = np.arange(len(self.vacancy_ids)) if v_rows is None else v_rows
        labels = self.label[all_v]
        if v_rows is None and len(p_rows) == 1:
            skills, profile, occupation = self._person_skill_components(int(p_rows[0]))
        elif v_rows is None:
            e, en = self.e[p_rows], self.en[p_rows]
            skills = (e @ self.wn_t).toarray()
            profile = (en @ self.vn_t).toarray()
            occupation = (en @ self.centroid_t).toarray()[:, labels]
        else:
            e, en = self.e[p_rows], self.en[p_rows]
            skills = (e @ self.wn[v_rows].T).toarray()
            profile = (en @ self.vn[v_rows].T).toarray()
            needed, inverse = np.unique(labels, return_inverse=True)
            occupation = (en @ self.centroid[needed].T).toarray()[:, inverse]
        gaps = None
        if self.model is not None and self.model.n_labels:
            gaps = self._label_gaps(p_rows)
            read = self.read_label[all_v]
            occupation = self._lowered(occupation, gaps[:, np.maximum(read, 0)], read[None, :])
        comps: dict[str, np.ndarray] = {
            "skills": skills,
            "profile": profile,
            "occupation": occupation,
        }
        if "target" in self.active_components:
            assert self.targets is not None
            t = self.targets[p_rows].toarray()
            known = labels < t.shape[1]
            comps["target"] = np.where(known[None, :], t[:, np.minimum(labels, t.shape[1] - 1)], 0)
        if "location" in self.active_components:
            assert self.p_mun is not None
            comps["location"] = self._location(self.p_mun[p_rows], all_v)
        if "language" in self.active_components:
            assert self.p_lang is not None
            comps["language"] = np.repeat(self.p_lang[p_rows][:, None], len(all_v), axis=1)
        # Without requirements the exclusions are one row (closed vacancies), broadcast to the
        # block without copying.
        excluded = np.broadcast_to(~self.v_active[all_v][None, :], skills.shape)
        if self.requirements is not None:
            req = self.requirements[all_v]
            needed_n = np.asarray(req.sum(axis=1)).ravel()
            if self.cards is not None and self.cards.shape[1] == req.shape[1]:
                held = (self.cards[p_rows] @ req.T).toarray()
            else:
                held = np.zeros(skills.shape)
            excluded = (held < needed_n[None, :] - 1e-6) | excluded
        s = self._combine(comps, excluded)
        s.label_gaps = gaps
        return s

    def score_person(self, person_id: int) -> Scores:
        """One person against every vacancy (columns in `vacancy_ids` order)."""
        pos = self._person_pos[person_id]
        s = self._block(np.array([pos]))
        return Scores(
            total=s.total[0],
            components={k: v[0] for k, v in s.components.items()},
            excluded=s.excluded[0],
            label_gaps=s.label_gaps[0]
            if self._page_by_model() and s.label_gaps is not None
            else None,
        )

    def _page_by_model(self) -> bool:
        return self.model is not None and self.weights.page_by_typicality > 0

    def _label_gaps(self, rows: np.ndarray) -> np.ndarray:
        """people `rows` × labels: the typicality gap of each label (≤ 0, −inf unknown)."""
        assert self.model is not None and self.x is not None
        return self.model.log_likelihood(self.x[rows]) - self._p_best[rows][:, None]

    def rank_person(self, s: Scores, top: int) -> tuple[np.ndarray, np.ndarray]:
        """The person's best `top` vacancies from their `score_person` scores: (positions,
        scores), best first, with the first page diversified (`diversity.py`). Excluded
        vacancies and those without a skill in common are never listed."""
        candidates = np.flatnonzero(~s.excluded & (s.components["skills"] > 0))
        return rank_candidates(
            candidates, s.total[candidates], self.label_raw, self.weights, top, s.label_gaps
        )

    def score_vacancy(self, vacancy_id: int) -> Scores:
        """One vacancy against every person (in `person_ids` order); inactive people excluded.

        Works on skills × people, so the cost follows the people who hold the vacancy's
        skills, not the number of people.
        """
        self._refresh()
        v = self._vacancy_pos[vacancy_id]
        e_t, en_t = self._transposed()
        n_people = len(self.person_ids)

        def through(matrix: sp.csr_matrix, row: sp.csr_matrix) -> np.ndarray:
            if row.nnz == 0:
                return np.zeros(n_people, dtype=np.float32)
            return np.asarray(matrix[row.indices].T @ row.data, dtype=np.float32).ravel()

        label = int(self.label[v])
        occupation = through(en_t, self.centroid[label])
        read = int(self.read_label[v]) if self.model is not None else -1
        if self.model is not None and read >= 0 and self.model.known[read]:
            x_t = self._binary_x_t()
            ll = through(x_t, self.model.delta[read]) + self.model.k[read]
            occupation = self._lowered(occupation, ll - self._p_best, np.array(read))
        comps: dict[str, np.ndarray] = {
            "skills": through(e_t, self.wn[v]),
            "profile": through(en_t, self.vn[v]),
            "occupation": occupation.astype(np.float32),
        }
        if "target" in self.active_components:
            assert self.targets is not None
            if label < self.targets.shape[1]:
                comps["target"] = self.targets[:, [label]].toarray().ravel()
            else:
                comps["target"] = np.zeros(n_people, dtype=np.float32)
        if "location" in self.active_components:
            assert self.p_mun is not None
            comps["location"] = self._location(self.p_mun, np.array([v]))[:, 0]
        if "language" in self.active_components:
            assert self.p_lang is not None
            comps["language"] = self.p_lang.astype(np.float32)
        excluded = ~self.p_active.copy()
        if self.requirements is not None:
            req = self.requirements[v]
            if req.nnz:
                if self.cards is not None and self.cards.shape[1] == req.shape[1]:
                    held = np.asarray(self.cards @ req.T.toarray()).ravel()
                else:
                    held = np.zeros(n_people)
                excluded |= held < req.nnz - 1e-6
        if not self.v_active[v]:
            excluded[:] = True
        return self._combine(comps, excluded)

    def score_pair(self, person_id: int, vacancy_id: int) -> tuple[float, dict[str, float], bool]:
        s = self._block(
            np.array([self._person_pos[person_id]]), np.array([self._vacancy_pos[vacancy_id]])
        )
        comps = {k: float(v[0, 0]) for k, v in s.components.items()}
        return float(s.total[0, 0]), comps, bool(s.excluded[0, 0])

    def top_all(
        self, *, top: int, block_size: int = 512, people: Sequence[int] | None = None
    ) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        """Match-all in blocks of people: yields (person ids, vacancy positions, scores).

        Memory is bounded by block_size × vacancies floats, whatever the number of people;
        blocks are independent, so a range of them can run on another worker.
        """
        self._refresh()
        active_people = np.flatnonzero(self.p_active)
        if people is not None:
            wanted = {self._person_pos[p] for p in people if p in self._person_pos}
            active_people = np.array([r for r in active_people if r in wanted], dtype=np.int64)
        for start in range(0, len(active_people), block_size):
            rows = active_people[start : start + block_size]
            yield self.top_block(rows, top=top)

    def top_block(self, rows: np.ndarray, *, top: int) -> tuple[list[int], np.ndarray, np.ndarray]:
        """Top-`top` vacancies of people `rows`: (person ids, vacancy positions, scores).

        Excluded pairs and vacancies without a single skill in common never make a list;
        a row with fewer candidates is padded with position -1 and score -1. When the score
        has only the skill components (no targets, location, language or requirements), the
        block is scored on the candidate pairs alone: the skills and profile products share
        one sparsity pattern (the pairs with a skill in common), the occupation part is added
        on that pattern by label, and each row's candidates are ranked as `rank_person` ranks
        one person (first page diversified). Nothing of size people × vacancies is built.
        """
        self._refresh()
        simple = set(self.active_components) == {"skills", "profile", "occupation"}
        if not simple or self.requirements is not None:
            s = self._block(rows)
            total = s.total
            np.copyto(total, np.float32(-1.0), where=s.excluded)
            np.copyto(total, np.float32(-1.0), where=s.components["skills"] <= 0)
            candidates = (np.flatnonzero(row > 0) for row in total)
            gaps = s.label_gaps if self._page_by_model() else None
            cols, vals = self._rank_rows(
                (
                    (c, total[i, c], None if gaps is None else gaps[i])
                    for i, c in enumerate(candidates)
                ),
                top,
            )
            return [self.person_ids[r] for r in rows], cols, vals
        assert self.e is not None
        e, en = self.e[rows], self.en[rows]
        share = {c: np.float32(w / self.weight_sum) for c, w in self.component_weights.items()}
        skills = (e @ self.wn_t).tocsr()
        profile = (en @ self.vn_t).tocsr()
        if np.array_equal(skills.indptr, profile.indptr) and np.array_equal(
            skills.indices, profile.indices
        ):
            both = skills
            both.data = share["skills"] * skills.data + share["profile"] * profile.data
        else:
            both = (skills * share["skills"] + profile * share["profile"]).tocsr()
        per_label = (en @ self.centroid_t).toarray()
        row_of = np.repeat(np.arange(len(rows)), np.diff(both.indptr))
        occupation = per_label[row_of, self.label[both.indices]]
        gaps = None
        if self.model is not None and self.model.n_labels:
            gaps = self._label_gaps(rows)
            read = self.read_label[both.indices]
            occupation = self._lowered(occupation, gaps[row_of, np.maximum(read, 0)], read)
        if not self._page_by_model():
            gaps = None
        both.data += share["occupation"] * occupation
        both.data[~self.v_active[both.indices]] = -1.0
        spans = zip(both.indptr[:-1], both.indptr[1:], strict=True)
        cols, vals = self._rank_rows(
            (
                (both.indices[lo:hi], both.data[lo:hi], None if gaps is None else gaps[i])
                for i, (lo, hi) in enumerate(spans)
            ),
            top,
        )
        return [self.person_ids[r] for r in rows], cols, vals

    def _rank_rows(
        self, rows: Iterator[tuple[np.ndarray, np.ndarray, np.ndarray | None]], top: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Each row's ranking from its candidates (positions, scores, label gaps), as
        `rank_person` ranks one person: (positions, scores), padded with position -1 and
        score -1."""
        ranked = [
            rank_candidates(positions, scores, self.label_raw, self.weights, top, gaps)
            for positions, scores, gaps in rows
        ]
        k = min(top, len(self.vacancy_ids))
        cols = np.full((len(ranked), k), -1, dtype=np.int64)
        vals = np.full((len(ranked), k), -1.0, dtype=np.float32)
        for i, (positions, scores) in enumerate(ranked):
            cols[i, : len(positions)] = positions
            vals[i, : len(positions)] = scores
        return cols, vals

"""The index on plain arrays: taxonomy credit, components, filters, incremental upkeep, blocks."""

import numpy as np
import pytest
import scipy.sparse as sp

from kohtaanto.matching.engine.graph import SkillGraph
from kohtaanto.matching.engine.index import MatchIndex, PersonRows, VacancyRows
from kohtaanto.matching.engine.weights import Weights

# Skills: 0 welding ⊃ 1 MIG, 2 TIG; 1 related to 3 drawings; 4 CNC; 5 baking; 6 dough
N = 7


def graph() -> SkillGraph:
    return SkillGraph.from_edges(
        N, (np.array([1, 2]), np.array([0, 0])), (np.array([1]), np.array([3]))
    )


def rows(*sets: dict[int, float]) -> sp.csr_matrix:
    r, c, v = [], [], []
    for i, s in enumerate(sets):
        for k, val in s.items():
            r.append(i)
            c.append(k)
            v.append(val)
    return sp.csr_matrix((v, (r, c)), shape=(len(sets), N), dtype=np.float32)


def make_index(w: Weights | None = None) -> MatchIndex:
    index = MatchIndex(graph=graph(), weights=w or Weights())
    index.upsert_vacancies(
        VacancyRows(
            ids=[10, 11, 12],
            skills=rows({0: 1.0, 4: 1.0, 3: 0.5}, {5: 1.0, 6: 1.0}, {2: 1.0}),
            label=np.array([0, 1, -1]),
        )
    )
    index.upsert_people(
        PersonRows(ids=[1, 2], skills=rows({1: 1.0, 3: 1.0, 4: 1.0}, {5: 1.0, 6: 0.75}))
    )
    return index


def test_expand_gives_the_best_route_never_a_sum() -> None:
    w = Weights()
    # MIG and TIG are both narrower than welding: welding gets credit_broader once, not twice.
    e = graph().expand(rows({1: 1.0, 2: 1.0}), w).toarray()[0]
    assert e[0] == pytest.approx(w.credit_broader)
    assert e[3] == pytest.approx(w.credit_related)  # MIG related to drawings
    assert e[5] == 0


def test_route_agrees_with_expand_for_every_cell() -> None:
    w = Weights()
    g = graph()
    have = {1: 1.0, 6: 0.75}
    e = g.expand(rows(have), w).toarray()[0]
    for want in range(N):
        assert g.route(have, want, w)[0] == pytest.approx(e[want], abs=1e-6)


def test_route_names_the_relation_and_the_source_skill() -> None:
    credit, source, via = graph().route({1: 1.0}, 0, Weights())
    assert (source, via) == (1, "narrower")
    siblings_on = Weights(credit_sibling=0.1)
    credit, source, via = graph().route({1: 1.0}, 2, siblings_on)
    assert (source, via) == (1, "sibling")
    assert credit == pytest.approx(siblings_on.credit_sibling)


def test_sibling_route_is_off_by_default() -> None:
    assert graph().route({1: 1.0}, 2, Weights()) == (0.0, -1, None)
    assert graph().expand(rows({1: 1.0}), Weights()).toarray()[0][2] == 0


def test_person_ranks_own_kind_of_vacancy_first_and_unrelated_one_at_zero_skills() -> None:
    index = make_index()
    s = index.score_person(1)
    assert int(np.argmax(s.total)) == 0  # the CNC/welding vacancy
    assert s.components["skills"][1] == 0  # the bakery
    assert s.total.min() >= 0 and s.total.max() <= 1


def test_score_is_the_weighted_mean_of_its_components() -> None:
    index = make_index()
    s = index.score_person(2)
    w = Weights()
    expected = (
        w.w_skills * s.components["skills"]
        + w.w_profile * s.components["profile"]
        + w.w_occupation * s.components["occupation"]
    ) / (w.w_skills + w.w_profile + w.w_occupation)
    np.testing.assert_allclose(s.total, expected, rtol=1e-5)


def test_vacancy_side_agrees_with_person_side() -> None:
    index = make_index()
    by_vacancy = index.score_vacancy(10).total
    assert by_vacancy[0] == pytest.approx(index.score_person(1).total[0], rel=1e-5)
    assert by_vacancy[1] == pytest.approx(index.score_person(2).total[0], rel=1e-5)


def test_missing_requirement_excludes_and_held_card_does_not() -> None:
    index = MatchIndex(graph=graph(), weights=Weights())
    index.upsert_vacancies(
        VacancyRows(
            ids=[10],
            skills=rows({4: 1.0}),
            label=np.array([0]),
            requirements=sp.csr_matrix(np.array([[1.0, 0.0]], dtype=np.float32)),
        )
    )
    index.upsert_people(
        PersonRows(
            ids=[1, 2],
            skills=rows({4: 1.0}, {4: 1.0}),
            cards=sp.csr_matrix(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)),
        )
    )
    s = index.score_vacancy(10)
    assert list(s.excluded) == [False, True]
    assert s.total[1] == 0


def test_location_decays_with_distance_and_remote_work_ignores_it() -> None:
    w = Weights()
    dist = np.array([[0, 10, 50, 200]], dtype=np.float32)
    dist = np.vstack([dist, dist, dist, dist])
    index = MatchIndex(graph=graph(), weights=w, distance_km=dist)
    index.upsert_vacancies(
        VacancyRows(
            ids=[1, 2, 3, 4],
            skills=rows({4: 1.0}, {4: 1.0}, {4: 1.0}, {4: 1.0}),
            label=np.array([0, 0, 0, 0]),
            municipality=np.array([1, 2, 3, 3]),
            remote=np.array([False, False, False, True]),
            commuting=np.array([False, False, False, False]),
        )
    )
    index.upsert_people(PersonRows(ids=[7], skills=rows({4: 1.0}), municipality=np.array([0])))
    loc = index.score_person(7).components["location"]
    assert loc[0] == 1.0  # 10 km: within the full-credit distance
    assert 0 < loc[1] < 1  # 50 km
    assert loc[2] == 0  # 200 km
    assert loc[3] == 1.0  # remote


def test_changed_person_is_rescored_without_touching_the_others() -> None:
    index = make_index()
    before = index.score_person(1).total.copy()
    index.upsert_people(PersonRows(ids=[2], skills=rows({2: 1.0})))
    np.testing.assert_allclose(index.score_person(1).total, before, rtol=1e-6)
    assert int(np.argmax(index.score_person(2).total)) == 2  # now the TIG vacancy


def test_new_and_removed_vacancies_change_the_ranking() -> None:
    index = make_index()
    index.upsert_vacancies(VacancyRows(ids=[13], skills=rows({5: 1.0}), label=np.array([1])))
    assert len(index.score_person(2).total) == 4
    index.deactivate_vacancies([11])
    s = index.score_person(2)
    assert s.excluded[1] and s.total[1] == 0


def test_match_all_in_blocks_equals_one_by_one() -> None:
    index = make_index()
    got = {}
    for ids, positions, scores in index.top_all(top=2, block_size=1):
        for k, pid in enumerate(ids):
            got[pid] = [int(p) for p, s in zip(positions[k], scores[k], strict=True) if s > 0]
    for pid in (1, 2):
        s = index.score_person(pid)
        allowed = np.where(s.components["skills"] > 0, s.total, -1)
        expected = [int(i) for i in np.argsort(-allowed, kind="stable")[:2] if allowed[i] > 0]
        assert got[pid] == expected


def test_weights_overrides_refuse_unknown_names() -> None:
    assert Weights().with_overrides({"w_location": "0.3"}).w_location == 0.3
    with pytest.raises(ValueError, match="w_nonsense"):
        Weights().with_overrides({"w_nonsense": 1})


def random_index(seed: int, *, context: bool, weights: Weights | None = None) -> MatchIndex:
    """A few hundred random people and vacancies; with `context`, targets, places, languages
    and card requirements too (the block path that builds every component)."""
    rng = np.random.default_rng(seed)
    n_skills, n_p, n_v = 60, 40, 300
    g = SkillGraph.from_edges(
        n_skills,
        (rng.integers(0, n_skills, 30), rng.integers(0, n_skills, 30)),
        (rng.integers(0, n_skills, 30), rng.integers(0, n_skills, 30)),
    )

    def sparse(n: int, density: float, values: list[float]) -> sp.csr_matrix:
        m = sp.random(n, n_skills, density=density, random_state=seed, format="csr")
        m.data = rng.choice(values, size=m.nnz).astype(np.float32)
        return m.astype(np.float32)

    index = MatchIndex(
        graph=g, weights=weights or Weights(), distance_km=np.array([[0, 30], [30, 0]])
    )
    vac = VacancyRows(
        ids=range(100, 100 + n_v),
        skills=sparse(n_v, 0.08, [1.0, 0.5, 1.15]),
        label=rng.integers(-1, 12, n_v),
    )
    people = PersonRows(ids=range(n_p), skills=sparse(n_p, 0.1, [1.0, 0.75]))
    if context:
        vac.municipality = rng.integers(0, 2, n_v)
        vac.remote = rng.random(n_v) < 0.1
        vac.commuting = rng.random(n_v) < 0.2
        vac.requirements = sp.csr_matrix((rng.random((n_v, 3)) < 0.1).astype(np.float32))
        people.municipality = rng.integers(-1, 2, n_p)
        people.language = rng.choice([0.4, 1.0], n_p)
        people.targets = sp.csr_matrix((rng.random((n_p, 12)) < 0.2).astype(np.float32))
        people.cards = sp.csr_matrix((rng.random((n_p, 3)) < 0.7).astype(np.float32))
    index.upsert_vacancies(vac)
    index.upsert_people(people)
    index.deactivate_vacancies([100, 101, 102])
    return index


@pytest.mark.parametrize("context", [False, True])
def test_one_person_and_match_all_blocks_agree_with_the_block_scores(context: bool) -> None:
    index = random_index(5, context=context)
    index._refresh()
    assert ("location" in index.active_components) is context
    got: dict[int, list[tuple[int, float]]] = {}
    for ids, positions, scores in index.top_all(top=7, block_size=16):
        for k, pid in enumerate(ids):
            got[pid] = [
                (int(p), float(s)) for p, s in zip(positions[k], scores[k], strict=True) if s > 0
            ]
    people = np.arange(len(index.person_ids))
    block = index._block(people)
    compared = 0
    for row, pid in enumerate(index.person_ids):
        one = index.score_person(pid)
        # The one-person path (gathered sums) equals the block's sparse products.
        np.testing.assert_allclose(one.total, block.total[row], atol=1e-6)
        for name, values in one.components.items():
            np.testing.assert_allclose(values, block.components[name][row], atol=1e-6)
        allowed = np.where((one.components["skills"] > 0) & ~one.excluded, one.total, -1)
        expected = [int(i) for i in np.argsort(-allowed, kind="stable")[:7] if allowed[i] > 0]
        assert [p for p, _ in got[pid]] == expected
        np.testing.assert_allclose([s for _, s in got[pid]], allowed[expected], atol=1e-6)
        compared += len(expected)
    assert compared > 100  # the lists are not empty


@pytest.mark.parametrize("context", [False, True])
def test_diversified_first_page_is_the_same_one_by_one_and_in_match_all_blocks(
    context: bool,
) -> None:
    # A page of 8 and a wide margin, so that the rule fires for most people.
    w = Weights(page_size=8, page_margin=0.5, page_labels=3)
    index = random_index(5, context=context, weights=w)
    plain = random_index(5, context=context, weights=Weights(page_labels=0))
    fired = 0
    for ids, positions, scores in index.top_all(top=12, block_size=16):
        for k, pid in enumerate(ids):
            listed = [int(p) for p, s in zip(positions[k], scores[k], strict=True) if s > 0]
            one, one_scores = index.rank_person(index.score_person(pid), 12)
            assert listed == [int(p) for p in one]
            np.testing.assert_allclose(scores[k][: len(listed)], one_scores, atol=1e-6)
            before, _ = plain.rank_person(plain.score_person(pid), 12)
            fired += listed != [int(p) for p in before]
    assert fired > 5

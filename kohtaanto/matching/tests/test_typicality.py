"""The label model: how typical a person's skills are of each occupation label."""

import numpy as np
import pytest
import scipy.sparse as sp

from kohtaanto.matching.engine.graph import SkillGraph
from kohtaanto.matching.engine.index import MatchIndex, PersonRows, VacancyRows
from kohtaanto.matching.engine.typicality import LabelModel
from kohtaanto.matching.engine.weights import Weights
from kohtaanto.matching.tests.test_engine import random_index


def dense_log_likelihood(
    r: np.ndarray, label: np.ndarray, active: np.ndarray, x: np.ndarray, lam: float
) -> np.ndarray:
    """The Bernoulli model written out in full (every label, every skill)."""
    asked = (r > 0).astype(float)
    n_labels = label.max() + 1
    q = (asked[active].sum(axis=0) + 1) / (active.sum() + 2)
    out = np.full((len(x), n_labels), -np.inf)
    present = (x > 0).astype(float)
    for lab in range(n_labels):
        mine = active & (label == lab)
        if not mine.any():
            continue
        theta = (1 - lam) * asked[mine].mean(axis=0) + lam * q
        out[:, lab] = present @ np.log(theta) + (1 - present) @ np.log1p(-theta)
    return out


def test_sparse_model_equals_the_bernoulli_model_up_to_a_constant_per_person() -> None:
    rng = np.random.default_rng(3)
    r = (rng.random((80, 25)) < 0.2) * rng.choice([1.0, 0.5], (80, 25))
    label = rng.integers(-1, 6, 80)
    label[:6] = np.arange(6)  # every label has a vacancy
    active = rng.random(80) < 0.9
    active[:6] = True
    x = (rng.random((10, 25)) < 0.3) * rng.choice([1.0, 0.75], (10, 25))
    model = LabelModel.build(sp.csr_matrix(r), label, active, 0.1)
    got = model.log_likelihood(sp.csr_matrix(x))
    want = dense_log_likelihood(r, label, active, x, 0.1)
    known = np.isfinite(want[0])
    assert known.sum() >= 5
    np.testing.assert_array_equal(np.isfinite(got), np.isfinite(want))
    # Differences between labels are the model's (the constant per person cancels).
    diff_got = got[:, known] - got[:, known][:, :1]
    diff_want = want[:, known] - want[:, known][:, :1]
    np.testing.assert_allclose(diff_got, diff_want, rtol=1e-4, atol=1e-3)
    gaps = model.gaps(sp.csr_matrix(x))
    assert np.allclose(gaps[:, known].max(axis=1), 0.0)
    assert (gaps[:, known] <= 0).all()


# Skills: 0–3 shared by both occupations, 4 asked now and then by B's vacancies only,
# 5 asked now and then by A's only.
N = 6


def near_duplicates(typicality: float) -> MatchIndex:
    a = [{0: 1, 1: 1, 2: 1, 3: 1, 5: 0.5}] + [{0: 1, 1: 1, 2: 1, 3: 1}] * 3
    b = [{0: 1, 1: 1, 2: 1, 3: 1, 4: 0.5}] * 2 + [{0: 1, 1: 1, 2: 1, 3: 1}] * 2
    unlabelled = [{0: 1, 1: 1, 2: 1, 4: 1}]
    sets = a + b + unlabelled
    r, c, v = zip(*((i, k, val) for i, s in enumerate(sets) for k, val in s.items()), strict=True)
    skills = sp.csr_matrix((v, (r, c)), shape=(len(sets), N), dtype=np.float32)
    index = MatchIndex(
        graph=SkillGraph.from_edges(
            N, (np.array([], int), np.array([], int)), (np.array([], int), np.array([], int))
        ),
        weights=Weights(typicality=typicality, page_labels=0),
    )
    index.upsert_vacancies(
        VacancyRows(ids=range(len(sets)), skills=skills, label=np.array([0] * 4 + [1] * 4 + [-1]))
    )
    person = sp.csr_matrix(np.array([[1, 1, 1, 0, 1, 0]], dtype=np.float32))
    index.upsert_people(PersonRows(ids=[1], skills=person))
    return index


def test_a_skill_only_one_occupations_vacancies_ask_for_decides_between_near_duplicates() -> None:
    on, off = near_duplicates(0.05), near_duplicates(0.0)
    s_on, s_off = on.score_person(1), off.score_person(1)
    occ_on, occ_off = s_on.components["occupation"], s_off.components["occupation"]
    # The label means alone tell A from B only a little (skill 4 is one of five in B's mean).
    margin_off = occ_off[5] - occ_off[1]
    # With it, B (whose vacancies ask for skill 4, as the person has it) is the typical label:
    # its vacancies keep their occupation credit, A's lose some.
    assert occ_on[5] == pytest.approx(occ_off[5], abs=1e-6)
    assert occ_on[1] < occ_off[1] - 0.01
    assert occ_on[5] - occ_on[1] > margin_off + 0.01
    assert (occ_on <= occ_off + 1e-6).all() and (occ_on >= 0).all()
    # The unlabelled vacancy (asks for skill 4) is read as B for this purpose.
    assert on.read_label[8] == 1
    assert occ_on[8] == pytest.approx(occ_off[8], abs=1e-6)


@pytest.mark.parametrize("context", [False, True])
def test_vacancy_side_equals_the_person_side_with_the_model(context: bool) -> None:
    index = random_index(7, context=context, weights=Weights(typicality=0.05))
    index._refresh()
    assert index.model is not None
    block = index._block(np.arange(len(index.person_ids)))
    changed = 0
    plain = random_index(7, context=context, weights=Weights(typicality=0.0))
    plain_block = plain._block(np.arange(len(plain.person_ids)))
    for col, vid in enumerate(index.vacancy_ids):
        by_vacancy = index.score_vacancy(vid)
        np.testing.assert_allclose(
            by_vacancy.components["occupation"], block.components["occupation"][:, col], atol=1e-5
        )
        np.testing.assert_allclose(by_vacancy.total, block.total[:, col], atol=1e-5)
        changed += int(
            (
                np.abs(
                    block.components["occupation"][:, col]
                    - plain_block.components["occupation"][:, col]
                )
                > 1e-4
            ).sum()
        )
    assert changed > 100  # the model moves many scores


def test_changed_person_gets_the_same_scores_as_a_fresh_index() -> None:
    index = random_index(9, context=False, weights=Weights(typicality=0.05))
    index._refresh()
    new_skills = sp.csr_matrix(np.eye(1, 60, 7, dtype=np.float32) + np.eye(1, 60, 9))
    index.upsert_people(PersonRows(ids=[3], skills=new_skills))
    fresh = random_index(9, context=False, weights=Weights(typicality=0.05))
    fresh.upsert_people(PersonRows(ids=[3], skills=new_skills))
    np.testing.assert_allclose(index.score_person(3).total, fresh.score_person(3).total, atol=1e-6)
    # A vacancy closed: the model is rebuilt without it.
    index.deactivate_vacancies([150])
    fresh.deactivate_vacancies([150])
    np.testing.assert_allclose(index.score_person(4).total, fresh.score_person(4).total, atol=1e-6)


def test_zero_turns_the_model_off() -> None:
    index = random_index(5, context=False, weights=Weights(typicality=0.0))
    index._refresh()
    assert index.model is None

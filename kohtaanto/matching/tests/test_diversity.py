"""The first page of a person's vacancies: near-tied occupations get a place, clear wins stay."""

import numpy as np

from kohtaanto.matching.engine.diversity import rank_candidates
from kohtaanto.matching.engine.weights import Weights

PAGE = Weights(page_size=4, page_margin=0.2, page_labels=2)


def ranked(scores: list[float], labels: list[int], w: Weights = PAGE, top: int = 10) -> list[int]:
    positions = np.arange(len(scores))
    got, _ = rank_candidates(
        positions, np.array(scores, dtype=np.float32), np.array(labels), w, top
    )
    return [int(p) for p in got]


def test_near_tied_label_without_a_place_takes_the_last_place_of_a_crowded_label() -> None:
    # Label 0 fills the page; label 1's best (position 5) is within 20 % of the top score.
    scores = [1.0, 0.99, 0.98, 0.97, 0.96, 0.95, 0.5]
    labels = [0, 0, 0, 0, 0, 1, 2]
    assert ranked(scores, labels) == [0, 1, 2, 5, 3, 4, 6]
    # Without the rule: plain score order.
    assert ranked(scores, labels, Weights(page_size=4, page_labels=0)) == [0, 1, 2, 3, 4, 5, 6]


def test_clear_winner_keeps_the_plain_ranking() -> None:
    scores = [1.0, 0.99, 0.98, 0.97, 0.96, 0.7]
    labels = [0, 0, 0, 0, 0, 1]
    assert ranked(scores, labels) == [0, 1, 2, 3, 4, 5]


def test_a_label_never_loses_its_last_place_on_the_page() -> None:
    # Every label on the page holds one place: nothing can give way.
    scores = [1.0, 0.99, 0.98, 0.97, 0.96]
    labels = [0, 1, 2, 3, 4]
    assert ranked(scores, labels) == [0, 1, 2, 3, 4]
    # Label 0 holds two places, so only one of the two near labels gets a place: the better one.
    scores = [1.0, 0.99, 0.98, 0.97, 0.96, 0.95]
    labels = [0, 1, 0, 2, 3, 4]
    assert ranked(scores, labels) == [0, 1, 3, 4, 2, 5]


def test_at_most_page_labels_labels_are_promoted_and_vacancies_without_a_label_never() -> None:
    scores = [1.0, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93]
    labels = [0, 0, 0, 0, -1, 5, 6, 7]
    assert ranked(scores, labels) == [0, 1, 5, 6, 2, 3, 4, 7]


def test_a_shorter_list_is_the_start_of_a_longer_one() -> None:
    rng = np.random.default_rng(3)
    scores = list(rng.random(60))
    labels = list(rng.integers(-1, 4, 60))
    full = ranked(scores, labels, top=60)
    plain = Weights(page_size=4, page_labels=0)
    assert full != ranked(scores, labels, plain, top=60)  # the rule fired
    for top in (1, 3, 4, 5, 9, 20):
        assert ranked(scores, labels, top=top) == full[:top]
    assert sorted(full) == list(range(60))


def test_labels_in_doubt_take_places_in_the_order_of_the_persons_typicality() -> None:
    # Labels 5, 6 and 7 are all within the margin; one place can be given (cap 1).
    scores = [1.0, 0.99, 0.98, 0.97, 0.96, 0.95, 0.94]
    labels = [0, 0, 0, 0, 5, 6, 7]
    one = Weights(page_size=4, page_margin=0.2, page_labels=1)
    positions = np.arange(len(scores))
    s = np.array(scores, dtype=np.float32)
    by_score, _ = rank_candidates(positions, s, np.array(labels), one, 10)
    assert [int(p) for p in by_score] == [0, 1, 2, 4, 3, 5, 6]  # label 5: the best score
    # The person's skills are most typical of label 7, then 6 (gaps in nats, 0 = most typical).
    gaps = np.full(8, -np.inf)
    gaps[[0, 5, 6, 7]] = [-1.0, -9.0, -4.0, 0.0]
    by_model, _ = rank_candidates(positions, s, np.array(labels), one, 10, gaps)
    assert [int(p) for p in by_model] == [0, 1, 2, 6, 3, 4, 5]

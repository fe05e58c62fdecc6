"""The first page of a person's vacancies: one place for each occupation that is nearly as good.

A person's ranking is by score, except on the first page (`Weights.page_size` places), where
an occupation label that is genuinely in doubt gets one place. Labels are the vacancies'
occupation fields (a vacancy without one is no label). A label is *in doubt* when its best
vacancy scores within `page_margin` (a share of the top score) of the best vacancy of all and
none of its vacancies is on the page; at most `page_labels` such labels, best first, get a
place each. The places come from the end of the page: the lowest-ranked entries whose label
holds at least two places give way, so no label on the page loses its last place. Where the
top label clearly wins (no other label within the margin), the page is the plain ranking.

Why: the share of own vacancies in the top |own| (R-precision) grows with the places given to
the right label, while "at least one own vacancy on the first page" needs one place for each
plausible label. Giving the tail places to near-tied labels only buys the second without
spending much of the first (README "Matching", bench/README.md).

The promoted entries score below every entry of the page (they were not on it), and the
entries that give way score above everything after the page, so the page stays in score order
and the ranking after it is the plain ranking without the promoted entries.
"""

from collections import Counter

import numpy as np

from kohtaanto.matching.engine.weights import Weights


def rank_candidates(
    positions: np.ndarray,
    scores: np.ndarray,
    labels: np.ndarray,
    weights: Weights,
    top: int,
    priority: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The best `top` of the candidates (positions, scores), best first: (positions, scores).

    Only scores above 0 are ranked; ties go to the lower position. `labels[position]` is the
    vacancy's occupation label (-1 none). The first page is diversified (`first_page`); the
    ranking for any `top` is a prefix of the ranking for a larger one. `priority[label]`
    (optional): the order in which labels in doubt get a place, highest first (the person's
    typicality gap of each label, `typicality.py`); without it, by their best score.
    """
    keep = scores > 0
    positions, scores = positions[keep], scores[keep]
    n = len(scores)
    if n == 0 or top <= 0:
        return positions[:0], scores[:0]
    cap = max(int(weights.page_labels), 0)
    k = min(n, max(top, int(weights.page_size)) + cap)
    chosen = np.arange(n)
    if k < n:
        kth = np.partition(scores, n - k)[n - k]
        chosen = np.flatnonzero(scores >= kth)
    ranked = chosen[np.lexsort((positions[chosen], -scores[chosen]))][:k]
    if cap:
        near = np.flatnonzero(scores >= near_threshold(float(scores[ranked[0]]), weights))
        ranked = first_page(ranked, near, positions, scores, labels[positions], weights, priority)
    ranked = ranked[:top]
    return positions[ranked], scores[ranked]


def near_threshold(best: float, weights: Weights) -> float:
    """Lowest score a label's best vacancy may have to count as in doubt."""
    return best * (1.0 - weights.page_margin)


def first_page(
    ranked: np.ndarray,
    near: np.ndarray,
    positions: np.ndarray,
    scores: np.ndarray,
    labels: np.ndarray,
    weights: Weights,
    priority: np.ndarray | None = None,
) -> np.ndarray:
    """`ranked` (indices into the candidates, best first) with its first page diversified.

    `ranked` holds at least the page plus `page_labels` entries when there are that many
    candidates; `near` every candidate scoring at least `near_threshold` of the top score.
    `positions`, `scores`, `labels`: per candidate. Returns indices, as many as `ranked`.
    """
    page = int(weights.page_size)
    cap = int(weights.page_labels)
    if len(ranked) <= page:
        return ranked  # every candidate is on the page
    on_page = ranked[:page]
    page_labels = labels[on_page]
    near_labels = labels[near]
    keep = (near_labels >= 0) & ~np.isin(near_labels, page_labels)
    if not keep.any():
        return ranked
    cand = near[keep]
    # Best vacancy of each label: score descending, then position (the ranking's tie order);
    # labels in the order of `priority` when given, else of their best vacancy.
    keys: tuple[np.ndarray, ...] = (positions[cand], -scores[cand])
    if priority is not None:
        label_priority = np.nan_to_num(priority[labels[cand]], nan=-np.inf)
        keys = (*keys, -label_priority)
    order = cand[np.lexsort(keys)]
    _, first = np.unique(labels[order], return_index=True)
    promoted = order[np.sort(first)][:cap]
    # Places from the end of the page, only from labels that hold at least two.
    held = Counter(int(label) for label in page_labels if label >= 0)
    give_way: list[int] = []
    for i in range(page - 1, -1, -1):
        if len(give_way) == len(promoted):
            break
        label = int(page_labels[i])
        if label >= 0 and held[label] >= 2:
            held[label] -= 1
            give_way.append(i)
    if not give_way:
        return ranked
    promoted = promoted[: len(give_way)]
    kept = np.delete(on_page, give_way)
    displaced = on_page[sorted(give_way)]
    rest = ranked[page:]
    rest = rest[~np.isin(rest, promoted)]
    # The entries that gave way outrank everything after the page.
    return np.concatenate([kept, promoted, displaced, rest])[: len(ranked)]

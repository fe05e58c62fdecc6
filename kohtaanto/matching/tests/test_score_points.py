"""The points shown for a match add up to the score shown (largest-remainder rounding)."""

import random

from kohtaanto.matching.explanations import score_points
from kohtaanto.matching.results import MatchResult


def _result(components: dict[str, float]) -> MatchResult:
    return MatchResult(
        job_seeker_id=1,
        vacancy_id=2,
        score=round(sum(components.values()), 4),
        components=components,
        matched=[],
        partial=[],
        missing=[],
        requirements=[],
        excluded=False,
    )


def test_parts_that_round_one_point_over_the_total_are_brought_back_to_it():
    # Each part rounded alone: 6 + 11 + 18 + 6 + 5 + 3 = 49, the score 0.4818 rounds to 48.
    result = _result(
        {
            "skills": 0.0640,
            "profile": 0.1060,
            "occupation": 0.1760,
            "target": 0.0560,
            "location": 0.0500,
            "language": 0.0298,
        }
    )
    assert sum(round(v * 100) for v in result.components.values()) == 49
    total, parts = score_points(result)
    assert total == 48
    assert sum(points for _label, points in parts) == 48
    assert str(parts[0][0]) == "Osaamisvaatimukset"
    points = dict(zip(result.components, (p for _l, p in parts), strict=True))
    assert points["language"] == 3 and points["location"] == 5  # 2.98 up, 5.00 unchanged
    assert all(abs(points[k] - v * 100) < 1 for k, v in result.components.items())


def test_random_scores_always_add_up_and_stay_within_a_point_of_each_part():
    rng = random.Random(7)
    for _ in range(2000):
        weights = [rng.random() for _ in range(6)]
        scale = rng.random() / sum(weights)
        keys = ["skills", "profile", "occupation", "target", "location", "language"]
        result = _result({k: round(w * scale, 4) for k, w in zip(keys, weights, strict=True)})
        total, parts = score_points(result)
        assert total == round(result.score * 100)
        assert sum(p for _l, p in parts) == total
        for key, (_label, points) in zip(keys, parts, strict=True):
            assert abs(points - result.components[key] * 100) < 1

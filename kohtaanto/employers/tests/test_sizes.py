"""The EU SME definition (Recommendation 2003/361/EC, Annex Art. 2) at its edges."""

from decimal import Decimal

import pytest

from kohtaanto.employers.sizes import SizeClassConflictError, size_class_from, size_class_resolve

M = Decimal(1_000_000)


@pytest.mark.parametrize(
    ("employees", "turnover", "balance", "expected"),
    [
        (9, 2 * M, 2 * M, "micro"),
        (10, 2 * M, 2 * M, "small"),  # "fewer than 10": exactly 10 is not micro
        (49, 10 * M, 10 * M, "small"),
        (50, 10 * M, 10 * M, "medium"),  # exactly 50 is not small
        (249, 50 * M, 43 * M, "medium"),
        (250, 1 * M, 1 * M, "large"),  # exactly 250 is large whatever the money
        (9, 2 * M + Decimal("0.01"), 2 * M + Decimal("0.01"), "small"),  # a cent over both
        (9, 2 * M + Decimal("0.01"), 2 * M, "micro"),  # balance sheet alone is enough
        (49, 10 * M + 1, 10 * M + 1, "medium"),
        (249, 50 * M + 1, 43 * M, "medium"),  # turnover over, balance sheet at the ceiling
        (249, 50 * M, 43 * M + 1, "medium"),  # balance sheet over, turnover at the ceiling
        (249, 50 * M + 1, 43 * M + 1, "large"),
        (5, 60 * M, 50 * M, "large"),  # few people but a large turnover and balance sheet
        (5, 60 * M, 1 * M, "micro"),  # a large turnover with a small balance sheet stays micro
        (5, 60 * M, None, "large"),  # only turnover known and too large
        (30, None, None, "small"),  # no figures: headcount decides
        (0, None, None, "micro"),
        (None, 1 * M, 1 * M, None),  # headcount unknown: no class
    ],
)
def test_size_class_from_follows_the_eu_sme_definition(employees, turnover, balance, expected):
    assert size_class_from(employees, turnover, balance) == expected


def test_size_class_resolve_prefers_figures_and_refuses_contradiction():
    assert size_class_resolve("", 12, None, None) == "small"
    assert size_class_resolve("medium", None, None, None) == "medium"
    assert size_class_resolve("small", 12, 3 * M, None) == "small"
    with pytest.raises(SizeClassConflictError) as exc:
        size_class_resolve("micro", 300, None, None)
    assert (exc.value.declared, exc.value.computed) == ("micro", "large")

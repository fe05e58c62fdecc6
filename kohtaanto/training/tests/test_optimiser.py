import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.training import selectors, services
from kohtaanto.training.models import Order
from kohtaanto.training.optimiser import Candidate, solve


def _c(key, cost, seats, skills, *, provider=1, min_group=1, rate=0.5):
    return Candidate(
        key=key,
        provider=provider,
        cost_per_seat=Decimal(cost),
        max_seats=seats,
        min_group=min_group,
        concept_ids=tuple(skills),
        placement_rate=rate,
    )


def test_solver_buys_the_programmes_that_close_the_gaps_within_budget():
    candidates = [
        _c(1, "1000", 10, [100], rate=0.5),  # 10 seats → 5 placements for 10 000 €
        _c(2, "1000", 10, [200], rate=0.8),  # 10 seats → 8 placements for 10 000 €
        _c(3, "500", 10, [300]),  # teaches no gap skill
    ]
    solution = solve(
        candidates=candidates, shortfalls={100: 5.0, 200: 4.0}, budget=Decimal("15000")
    )
    assert solution.status == "optimal"
    bought = {p.key: p.seats for p in solution.purchases}
    # Gap 200 closes with 5 seats (4 placements); the other 10 000 € buy gap 100's 5 placements.
    assert bought == {2: 5, 1: 10}
    assert solution.expected_placements == pytest.approx(9.0)
    assert solution.cost == Decimal("15000.00")
    assert solution.purchases[0].gaps_closed == {100: 5.0}


def test_solver_respects_minimum_group_and_provider_ceiling():
    candidates = [
        _c(1, "1000", 10, [100], min_group=8, rate=1.0, provider=1),
        _c(2, "2000", 10, [100], rate=1.0, provider=2),
    ]
    # The gap needs 3 people; programme 1 is cheaper but must run with at least 8.
    solution = solve(candidates=candidates, shortfalls={100: 3.0}, budget=Decimal("100000"))
    assert {p.key: p.seats for p in solution.purchases} == {2: 3}
    limited = solve(
        candidates=candidates,
        shortfalls={100: 20.0},
        budget=Decimal("100000"),
        provider_limits={1: Decimal("7999"), 2: Decimal("4000")},
    )
    assert {p.key: p.seats for p in limited.purchases} == {2: 2}


def test_solver_with_nothing_useful_is_empty():
    assert (
        solve(candidates=[_c(1, "10", 5, [1])], shortfalls={2: 3.0}, budget=Decimal(100)).status
        == "empty"
    )


pytestmark = pytest.mark.django_db


def _setup(coordinator, agreement, make_programme, skills):
    welding = make_programme(
        name_fi="Hitsaus",
        skills=[(skills[0], 3)],
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 5, 28),
    )
    cnc = make_programme(
        name_fi="CNC",
        skills=[(skills[1], 3)],
        price="20000.00",
        starts_on=date(2027, 3, 1),
        ends_on=date(2027, 5, 28),
    )
    return welding, cnc


def test_plan_without_gap_source_says_no_data(coordinator, agreement, no_gap_source):
    plan = selectors.training_plan(actor=coordinator, budget="100000")
    assert plan.status == "no_gaps"
    assert "osaamisvajeista ei ole tietoa" in plan.message
    assert plan.purchases == []


def test_plan_buys_for_the_gaps_and_drafts_orders(
    coordinator, agreement, appropriations, make_programme, skills, gap_source
):
    welding, _cnc = _setup(coordinator, agreement, make_programme, skills)
    gap_source([(skills[0].pk, 12, 2), (skills[1].pk, 5, 5), (skills[2].pk, 3, 0)])
    plan = selectors.training_plan(actor=coordinator, budget="50000", on=date(2027, 1, 1))
    assert [p.programme for p in plan.purchases] == [welding]
    purchase = plan.purchases[0]
    assert purchase.seats == 10 and purchase.cost == Decimal("30000.00")
    assert purchase.gaps[0][0] == skills[0]
    # Labour-market training: 45 % expected in work (data/rules.json) → 4.5 placements.
    assert plan.expected_placements == pytest.approx(4.5)
    orders = services.plan_orders_draft(actor=coordinator, plan=plan)
    assert [(o.programme, o.seats, o.status) for o in orders] == [(welding, 10, Order.Status.DRAFT)]
    again = selectors.training_plan(actor=coordinator, budget="50000", on=date(2027, 1, 1))
    assert again.purchases == []


def test_plan_refuses_a_bad_budget_and_other_roles(coordinator, counsellor, gap_source):
    gap_source([])
    with pytest.raises(DomainError, match="Budjetti"):
        selectors.training_plan(actor=coordinator, budget="paljon")
    with pytest.raises(NotFoundError):
        selectors.training_plan(actor=counsellor, budget="1000")


def test_training_plan_command_prints_json(
    coordinator, agreement, make_programme, skills, gap_source
):
    _setup(coordinator, agreement, make_programme, skills)
    gap_source([(skills[1].pk, 10, 0)])
    out = StringIO()
    call_command(
        "training_plan", "--budget", "25000", "--format", "json", "--on", "2027-01-01", stdout=out
    )
    data = json.loads(out.getvalue())
    assert set(data) == {"budget", "cost", "expected_placements", "purchases"}
    assert data["budget"] == "25000.00"
    assert data["purchases"] == [{"programme": "CNC", "seats": 10, "cost": "20000.00"}]


def test_training_plan_command_without_gaps_fails_clearly(area, no_gap_source):
    with pytest.raises(CommandError, match="osaamisvajeista ei ole tietoa"):
        call_command("training_plan", "--budget", "1000")

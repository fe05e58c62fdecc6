"""The purchase plan (and its draft orders) and the training report."""

from typing import Any

from ninja import Schema, Status

from kohtaanto.common.money import api_amount
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import selectors, services
from kohtaanto.training.api.common import router
from kohtaanto.training.api.orders import OrderOut, order_out


class PlanPurchaseOut(Schema):
    programme: str
    programme_id: int
    seats: int
    cost: str
    expected_placements: float
    gaps: dict[int, float]


class PlanOut(Schema):
    budget: str
    status: str
    message: str
    cost: str
    expected_placements: float
    purchases: list[PlanPurchaseOut]


def _plan_out(plan: selectors.Plan) -> dict[str, Any]:
    return {
        "budget": api_amount(plan.budget),
        "status": plan.status,
        "message": plan.message,
        "cost": api_amount(plan.cost),
        "expected_placements": plan.expected_placements,
        "purchases": [
            {
                "programme": p.programme.name_fi,
                "programme_id": p.programme.pk,
                "seats": p.seats,
                "cost": api_amount(p.cost),
                "expected_placements": p.expected_placements,
                "gaps": {c.pk: placed for c, placed in p.gaps},
            }
            for p in plan.purchases
        ],
    }


@router.get("/plan", response=PlanOut)
def plan(request: AuthenticatedHttpRequest, budget: str) -> Any:
    return _plan_out(selectors.training_plan(actor=request.user, budget=budget))


@router.post("/plan/orders", response={201: list[OrderOut]})
def plan_orders(request: AuthenticatedHttpRequest, budget: str) -> Any:
    result = selectors.training_plan(actor=request.user, budget=budget)
    created = services.plan_orders_draft(actor=request.user, plan=result)
    return Status(201, [order_out(o) for o in created])


class ReportRowOut(Schema):
    name: str
    provider: str
    enrolled: int
    completed: int
    interrupted: int
    outcomes: int
    employed: int
    cost: str
    completion_rate: float | None
    placement_rate: float | None
    cost_per_placement: str | None


class ReportOut(Schema):
    programmes: list[ReportRowOut]
    providers: list[ReportRowOut]
    total: ReportRowOut


def _row_out(row: selectors.ReportRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "provider": row.provider,
        "enrolled": row.enrolled,
        "completed": row.completed,
        "interrupted": row.interrupted,
        "outcomes": row.outcomes,
        "employed": row.employed,
        "cost": api_amount(row.cost),
        "completion_rate": row.completion_rate,
        "placement_rate": row.placement_rate,
        "cost_per_placement": (
            None if row.cost_per_placement is None else api_amount(row.cost_per_placement)
        ),
    }


@router.get("/report", response=ReportOut)
def report(request: AuthenticatedHttpRequest) -> Any:
    """Volume, completion and placement rates per programme and provider, cost per placement."""
    data = selectors.training_report(actor=request.user)
    return {
        "programmes": [_row_out(r) for r in data.programmes],
        "providers": [_row_out(r) for r in data.providers],
        "total": _row_out(data.total),
    }

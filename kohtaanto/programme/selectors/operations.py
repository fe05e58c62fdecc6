"""Operations, the programme, implementers, staff posts and the planned budget."""

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.programme import budget as money
from kohtaanto.programme.models import (
    Implementer,
    Operation,
    OperationCompany,
    PaymentPeriod,
    Programme,
    StaffMember,
    StaffPosition,
)
from kohtaanto.programme.selectors.rules import RulesBook, rules_book

# --- Operations and the programme ---------------------------------------------------------


def operation_list(*, actor: User) -> QuerySet[Operation]:
    return (
        Operation.objects.filter(employment_area_id=actor.employment_area_id)
        .select_related("programme")
        .order_by("-is_default", "code")
    )


def operation_get_for_actor(*, actor: User, id: int | str) -> Operation:
    try:
        return operation_list(actor=actor).get(pk=id)
    except (Operation.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("operation not found") from None


def operation_get_by_code(*, actor: User, code: str) -> Operation:
    try:
        return operation_list(actor=actor).get(code=code)
    except Operation.DoesNotExist:
        raise NotFoundError("operation not found") from None


def operation_default_for_actor(*, actor: User) -> Operation:
    """The actor's area's default operation, or else its first administered one."""
    operation = (
        operation_list(actor=actor).filter(administered_here=True).order_by("-is_default", "code")
    ).first()
    if operation is None:
        raise NotFoundError("no operation")
    return operation


def operation_default() -> Operation:
    """The default operation when there is exactly one (commands without --operation)."""
    defaults = list(Operation.objects.filter(is_default=True)[:2])
    if len(defaults) != 1:
        raise DomainError(
            _("Oletushankkeita ei ole tasan yksi; anna hankkeen tunnus (--operation)."),
            code="operation_required",
        )
    return defaults[0]


@dataclass
class ImplementerShare:
    implementer: Implementer
    share_percent: Decimal | None


def programme_overview(*, actor: User) -> list[Programme]:
    """The area's programmes with their operations, implementers and linked companies."""
    operations = (
        Operation.objects.filter(employment_area_id=actor.employment_area_id)
        .order_by("-is_default", "code")
        .prefetch_related(
            Prefetch(
                "implementers",
                queryset=Implementer.objects.select_related(
                    "partner_organisation", "employment_area"
                ).order_by("-role", "id"),  # the lead partner first
            ),
            Prefetch(
                "company_links",
                queryset=OperationCompany.objects.select_related("company").order_by(
                    "company__name"
                ),
            ),
        )
    )
    return list(
        Programme.objects.filter(employment_area_id=actor.employment_area_id)
        .select_related("lead_partner")
        .prefetch_related(Prefetch("operations", queryset=operations))
        .order_by("start_date", "code")
    )


def implementer_shares(operation: Operation) -> list[ImplementerShare]:
    """Each implementer with its share of the operation's budget (its budget over the sum of
    all implementers' budgets, when every implementer has one)."""
    implementers = list(operation.implementers.all())
    budgets = [i.budget_eur for i in implementers]
    total = sum((b for b in budgets if b is not None), money.ZERO)
    complete = all(b is not None for b in budgets) and total > 0
    return [
        ImplementerShare(
            i,
            money.to_cents(i.budget_eur / total * money.HUNDRED)
            if complete and i.budget_eur is not None
            else None,
        )
        for i in implementers
    ]


def implementer_get_for_actor(*, actor: User, id: int) -> Implementer:
    try:
        return Implementer.objects.get(
            pk=id, operation__employment_area_id=actor.employment_area_id
        )
    except (Implementer.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("implementer not found") from None


def operation_company_get_for_actor(*, actor: User, id: int) -> OperationCompany:
    try:
        return OperationCompany.objects.select_related("company", "operation").get(
            pk=id, operation__employment_area_id=actor.employment_area_id
        )
    except (OperationCompany.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("company link not found") from None


def payment_period_list(*, operation: Operation) -> QuerySet[PaymentPeriod]:
    return operation.payment_periods.order_by("number")


def staff_position_list(*, operation: Operation) -> QuerySet[StaffPosition]:
    return operation.staff_positions.select_related("staff_member").order_by(
        "staff_member__name", "start_date"
    )


def staff_position_get_for_actor(*, actor: User, id: int) -> StaffPosition:
    try:
        return StaffPosition.objects.select_related("operation", "staff_member").get(
            pk=id, operation__employment_area_id=actor.employment_area_id
        )
    except (StaffPosition.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("position not found") from None


def staff_member_list(*, actor: User) -> QuerySet[StaffMember]:
    return StaffMember.objects.filter(employment_area_id=actor.employment_area_id).order_by("name")


def _staff_lines(positions: Iterable[StaffPosition]) -> list[money.StaffLine]:
    return [
        money.StaffLine(
            label=str(p),
            annual_cost=p.annual_gross_cost,
            person_years=p.person_years,
            start=p.start_date,
            end=p.end_date,
        )
        for p in positions
    ]


def budget_for_operation(
    *, operation: Operation, by: str = "year", book: RulesBook | None = None
) -> money.Budget:
    """The operation's budget from its staff positions, per calendar year or per payment
    period (`by="period"`). The same computation as `budget_plan` (the esf-budget command)."""
    book = book or rules_book()
    if by == "period":
        spans = [
            money.Span(str(p.number), p.start_date, p.end_date)
            for p in payment_period_list(operation=operation)
        ]
    else:
        spans = money.year_spans(operation.start_date, operation.end_date)
    budget = money.budget_compute(
        _staff_lines(staff_position_list(operation=operation)), spans, book.rates
    )
    return dataclasses.replace(budget, operation_total=operation_total(operation))


def operation_total(operation: Operation) -> Decimal | None:
    """The whole operation's budget: the sum of every implementer's budget in the funding
    decision, when each implementer has one (CPR Art. 53(2) looks at the operation)."""
    budgets = [i.budget_eur for i in operation.implementers.all()]
    if not budgets or any(b is None for b in budgets):
        return None
    return sum((b for b in budgets if b is not None), money.ZERO)


def budget_plan(
    *, annual_cost: Decimal, person_years: Decimal, start_year: int, years: int
) -> money.Budget:
    """A budget for one staff post over whole calendar years (the esf-budget command)."""
    if years < 1:
        raise DomainError(_("Vuosia on oltava vähintään yksi."), code="invalid")
    start, end = date(start_year, 1, 1), date(start_year + years - 1, 12, 31)
    line = money.StaffLine("", annual_cost, person_years, start, end)
    return money.budget_compute([line], money.year_spans(start, end), rules_book().rates)

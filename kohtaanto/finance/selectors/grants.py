"""Grant schemes and rules, de minimis, delegations and four eyes, applications, public
links, decisions and payment claims."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from kohtaanto.common.errors import NotFoundError
from kohtaanto.finance.models import (
    ApplicationLink,
    CommitmentYearPart,
    DecisionDelegation,
    DeMinimisCeiling,
    FinancePolicy,
    GrantApplication,
    GrantDecision,
    GrantPaymentClaim,
    GrantScheme,
    SchemeRule,
)
from kohtaanto.finance.selectors.scope import ZERO, _area_id, _get


def grant_scheme_list(*, actor: Any, active_only: bool = False) -> QuerySet[GrantScheme]:
    qs = GrantScheme.objects.filter(employment_area_id=_area_id(actor)).select_related("line")
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("name")


def grant_scheme_get_for_actor(*, actor: Any, id: Any) -> GrantScheme:
    return _get(grant_scheme_list(actor=actor), id)


def scheme_rule_list(*, scheme: GrantScheme) -> QuerySet[SchemeRule]:
    return scheme.rules.order_by("category", "valid_from")


def scheme_rule_for(*, scheme: GrantScheme, category: str, on: date) -> SchemeRule | None:
    """The rule of `category` in force on `on` (the employment's first day)."""
    return (
        scheme.rules.filter(category=category, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from")
        .first()
    )


def scheme_categories(*, scheme: GrantScheme) -> list[tuple[str, str]]:
    """(category, label) of the scheme, the latest label of each."""
    labels: dict[str, str] = {}
    for rule in scheme.rules.order_by("valid_from"):
        labels[rule.category] = rule.label
    return sorted(labels.items(), key=lambda item: item[1])


def de_minimis_ceiling_on(day: date) -> DeMinimisCeiling | None:
    return (
        DeMinimisCeiling.objects.filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-valid_from")
        .first()
    )


def de_minimis_own_aid(
    *, business_id: str, linked_business_ids: list[str] | tuple[str, ...] = ()
) -> list[tuple[date, Decimal]]:
    """De minimis aid that employment areas granted to the single undertaking: the business id
    and the enterprises linked with it (Regulation (EU) 2023/2831, Art. 2(2): the ceiling is
    per single undertaking, not per grantor or per company)."""
    ids = {business_id, *linked_business_ids}
    return list(
        GrantDecision.objects.filter(
            outcome=GrantDecision.Outcome.APPROVED,
            application__scheme__de_minimis=True,
            application__company__business_id__in=ids,
        ).values_list("granted_on", "amount")
    )


def scheme_waiting_parts(scheme: GrantScheme) -> Decimal:
    """Later years' parts of the scheme's decisions not yet booked: they keep their envelope."""
    total = CommitmentYearPart.objects.filter(
        commitment__scheme=scheme, booked__isnull=True
    ).aggregate(s=Sum("amount"))["s"]
    return total or ZERO


def decision_delegation_on(*, official: Any, area_id: int | None, on: date) -> Any:
    """The delegation in force on `on` on which `official` decides grants, or None."""
    return (
        DecisionDelegation.objects.filter(
            official=official, employment_area_id=area_id, valid_from__lte=on
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from")
        .first()
    )


def may_decide_grants(*, actor: Any, area_id: int | None, on: date) -> bool:
    """Whether `actor` may decide the area's grant applications on `on`: the role's right and
    a delegation in force, as grant_application_approve and _reject require. A page offers the
    decision buttons only then."""
    return (
        actor.permissions.can_decide_grant()
        and decision_delegation_on(official=actor, area_id=area_id, on=on) is not None
    )


def four_eyes_required(*, area_id: int | None) -> bool:
    """The area's four-eyes setting for payments (on unless the area has turned it off)."""
    policy = FinancePolicy.objects.filter(employment_area_id=area_id).first()
    return True if policy is None else policy.four_eyes


@dataclass
class CompanyDeMinimis:
    """A company's de minimis aid today: the area's own grants, the latest declaration of
    other aid, and the rolling-period position (None when no ceiling is configured)."""

    decisions: list[GrantDecision]
    declared: list[dict[str, Any]]
    declared_on: Any
    position: Any


def company_de_minimis(*, actor: Any, company: Any) -> CompanyDeMinimis:
    from django.utils import timezone

    from kohtaanto.finance.eligibility import de_minimis_position

    if company.employment_area_id != _area_id(actor):
        raise NotFoundError(_("Ei löytynyt."))
    decisions = list(
        GrantDecision.objects.filter(
            outcome=GrantDecision.Outcome.APPROVED,
            application__scheme__de_minimis=True,
            application__company=company,
        )
        .select_related("application__scheme")
        .order_by("-granted_on", "-id")
    )
    latest = (
        GrantApplication.objects.filter(company=company, scheme__de_minimis=True)
        .order_by("-received_at", "-id")
        .first()
    )
    declared = [
        {
            "granted_on": date.fromisoformat(row["granted_on"]),
            "amount": Decimal(row["amount"]),
            "grantor": row.get("grantor", ""),
        }
        for row in (latest.other_de_minimis if latest else [])
    ]
    today = timezone.localdate()
    ceiling = de_minimis_ceiling_on(today)
    position = None
    if ceiling is not None:
        position = de_minimis_position(
            ceiling=ceiling.ceiling,
            period_years=ceiling.period_years,
            grant_date=today,
            own_aid=de_minimis_own_aid(business_id=company.business_id),
            declared_aid=[(row["granted_on"], row["amount"]) for row in declared],
            requested=ZERO,
        )
    return CompanyDeMinimis(
        decisions=decisions,
        declared=declared,
        declared_on=latest.received_at if latest else None,
        position=position,
    )


def grant_application_list(
    *, actor: Any, scheme: GrantScheme | None = None, status: str | None = None
) -> QuerySet[GrantApplication]:
    qs = GrantApplication.objects.filter(employment_area_id=_area_id(actor)).select_related(
        "scheme", "company", "entered_by"
    )
    if scheme is not None:
        qs = qs.filter(scheme=scheme)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("received_at", "id")


def grant_application_get_for_actor(*, actor: Any, id: Any) -> GrantApplication:
    return _get(grant_application_list(actor=actor).select_related("scheme__line"), id)


def application_link_list(*, actor: Any) -> QuerySet[ApplicationLink]:
    return (
        ApplicationLink.objects.filter(scheme__employment_area_id=_area_id(actor))
        .select_related("scheme", "company", "created_by", "revoked_by")
        .order_by("-created_at", "-id")
    )


def application_link_get_for_actor(*, actor: Any, id: Any) -> ApplicationLink:
    return _get(application_link_list(actor=actor), id)


def _earlier_pending(application: GrantApplication) -> QuerySet[GrantApplication]:
    return GrantApplication.objects.filter(
        scheme_id=application.scheme_id,
        status=GrantApplication.Status.RECEIVED,
        eligible=True,
        # An application from a public link claims nothing until staff have checked it.
        checked_at__isnull=False,
    ).filter(
        Q(received_at__lt=application.received_at)
        | Q(received_at=application.received_at, pk__lt=application.pk)
    )


def first_come_priority(application: GrantApplication) -> Decimal:
    """The maximum amounts of eligible, checked applications that arrived earlier and still
    wait (first-come rule, SECURITY.md)."""
    if not application.scheme.first_come:
        return ZERO
    total = _earlier_pending(application).aggregate(s=Sum("maximum_amount"))["s"]
    return total or ZERO


def queue_position(application: GrantApplication) -> int:
    """1 = the first of the waiting eligible applications of the scheme."""
    return _earlier_pending(application).count() + 1


def grant_decision_get_for_actor(*, actor: Any, id: Any) -> GrantDecision:
    return _get(
        GrantDecision.objects.filter(
            application__employment_area_id=_area_id(actor)
        ).select_related("application__scheme", "application__company", "commitment", "decided_by"),
        id,
    )


def grant_claim_list(*, decision: GrantDecision) -> QuerySet[GrantPaymentClaim]:
    return decision.claims.select_related("payment", "handled_by").order_by("period_start", "id")


def grant_claim_get_for_actor(*, actor: Any, id: Any) -> GrantPaymentClaim:
    return _get(
        GrantPaymentClaim.objects.filter(
            decision__application__employment_area_id=_area_id(actor)
        ).select_related("decision__application__scheme", "decision__commitment"),
        id,
    )

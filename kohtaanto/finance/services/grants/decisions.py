"""Grant decisions: approving (with the commitment) or refusing an application.

Invariants:

* Only a waiting application can be decided. Approval freezes the inputs, the rule terms and
  the computation in the decision's snapshot and creates the commitment in the same
  transaction — or refuses, naming the shortfall, when the envelope (after earlier waiting
  applications of a first-come scheme) or the appropriation cannot cover it.
* A decision is a document: a running number per area and year, its real date (never in the
  future), the official and the delegation the decision rests on, the reasons, the rule
  version, and a letter in the applicant's language sent by e-mail after the commit. A
  refusal is a decision too.
* A decision whose subsidised period spans the year end commits the appropriation's year now
  and leaves each later year's share waiting for that year's appropriation (split by the
  months of each year); the envelope keeps the waiting shares."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.dates import period_months
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.formats import format_date
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.employers.models import Company
from kohtaanto.finance import selectors
from kohtaanto.finance.eligibility import reason_message
from kohtaanto.finance.letters import decision_letter_send
from kohtaanto.finance.models import (
    Appropriation,
    CommitmentSource,
    DecisionNumber,
    GrantApplication,
    GrantDecision,
)
from kohtaanto.finance.services.grants.applications import (
    Assessment,
    _require_waiting,
    grant_application_assess,
)
from kohtaanto.finance.services.ledger import (
    ZERO,
    AmountInput,
    check_not_future,
    commitment_open,
    envelope_message,
    lock_rows,
    require_area,
    year_parts_open,
)

_NOT_FROZEN = {"evaluation", "maximum_amount", "eligible", "status", "updated_at"}


def _snapshot(
    application: GrantApplication,
    assessment: Assessment,
    *,
    appropriation: Appropriation,
    amount: Decimal,
) -> dict[str, Any]:
    application_json: dict[str, Any] = {}
    for model_field in GrantApplication._meta.concrete_fields:
        if model_field.name in _NOT_FROZEN:
            continue
        value = getattr(application, model_field.attname)
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        application_json[model_field.attname] = value
    assert assessment.terms is not None
    return {
        "application": application_json,
        "company": {
            "business_id": application.company.business_id,
            "name": application.company.name,
        },
        "scheme": {
            "code": application.scheme.code,
            "name": application.scheme.name,
            "legal_basis": application.scheme.legal_basis,
            "envelope": str(application.scheme.envelope),
        },
        "rule": assessment.terms.to_json(),
        "evaluation": assessment.evaluation.to_json(),
        "de_minimis": assessment.de_minimis,
        "appropriation": {
            "id": appropriation.pk,
            "year": appropriation.year,
            "line": appropriation.line.code,
            "name": appropriation.name,
        },
        "amount": str(amount),
    }


def _decision_date(decided_on: date | None) -> date:
    return check_not_future(
        decided_on or timezone.localdate(), what=_("Päätöspäivä"), field="decided_on"
    )


def _delegation(actor: User, *, area_id: int, on: date) -> Any:
    """The delegated authority the decision rests on; without one nobody decides."""
    delegation = selectors.decision_delegation_on(official=actor, area_id=area_id, on=on)
    if delegation is None:
        raise ConflictError(
            _(
                "Sinulla ei ole päätösvaltaa avustuspäätöksiin %(date)s: päätösvallan siirto "
                "(hallintosäännön delegointi) puuttuu."
            )
            % {"date": format_date(on)}
        )
    return delegation


def _decision_record(
    *,
    actor: User,
    app: GrantApplication,
    outcome: str,
    amount: Decimal,
    reasons: str,
    snapshot: dict[str, Any],
    decided_on: date,
    delegation: Any,
    commitment: Any = None,
    changes: Callable[[GrantDecision], dict[str, Any]] | None = None,
) -> GrantDecision:
    """Write the decision on the locked, waiting `app`: numbered in the area's year, dated,
    resting on the official's `delegation`, in the application's language. The application
    takes the outcome's status; the audit event has the status, `changes(decision)`, the
    number and the delegation; the letter goes out after the commit."""
    decision = GrantDecision.objects.create(
        application=app,
        outcome=outcome,
        amount=amount,
        reasons=reasons,
        snapshot=snapshot,
        commitment=commitment,
        granted_on=decided_on,
        decided_by=actor,
        number=_draw_number(area_id=app.employment_area_id, year=decided_on.year),
        official_title=delegation.title,
        delegation=delegation.basis,
        language=app.language,
    )
    approved = outcome == GrantDecision.Outcome.APPROVED
    app.status = GrantApplication.Status.APPROVED if approved else GrantApplication.Status.REJECTED
    app.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="grant_application.approve" if approved else "grant_application.reject",
        target=app,
        target_repr=f"{app.scheme.code} {app.company.business_id}",
        changes={
            "status": [GrantApplication.Status.RECEIVED, app.status],
            **(changes(decision) if changes else {}),
            "number": [None, decision.number],
            "delegation": [None, decision.delegation],
        },
    )
    decision_letter_send(decision_id=decision.pk)
    return decision


def _draw_number(*, area_id: int, year: int) -> str:
    """The next running decision number of the area's year ("7/2026"), drawn under a lock."""
    DecisionNumber.objects.get_or_create(employment_area_id=area_id, year=year)
    counter = DecisionNumber.objects.select_for_update().get(employment_area_id=area_id, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{counter.last}/{year}"


def decision_year_parts(
    *, start: date, end: date, amount: Decimal, first_year: int
) -> list[tuple[int, Decimal]]:
    """Split a decision's amount over the calendar years of its subsidised period.

    Each year's share is in proportion to the months of the period that fall in it (the
    subsidy is paid per month of wages). Months before `first_year` (a decision made after
    the employment began) belong to the first year: the obligation arises on the decision.
    The last share takes the rounding cents, so the shares add up to `amount` exactly.
    """
    months = period_months(start, end)
    shares: list[tuple[int, Decimal]] = []
    for year in range(first_year, end.year + 1):
        first_day = start if year == first_year else date(year, 1, 1)
        last_day = min(end, date(year, 12, 31))
        share = (amount * period_months(first_day, last_day) / months).quantize(Decimal("0.01"))
        shares.append((year, share))
    if not shares:
        return [(first_year, amount)]
    earlier = sum((share for _year, share in shares[:-1]), ZERO)
    shares[-1] = (shares[-1][0], amount - earlier)
    return shares


@transaction.atomic
def grant_application_approve(
    *,
    actor: User,
    application: GrantApplication,
    appropriation: Appropriation,
    reasons: str,
    amount: AmountInput | None = None,
    decided_on: date | None = None,
) -> GrantDecision:
    """Grant the application: freeze it and commit the money, or refuse with the reason.

    Locks the appropriation, the scheme, the company (de minimis) and the application, in
    that order. The amount defaults to the computed maximum and may not exceed it. In a
    first-come scheme, eligible applications that arrived earlier and still wait keep their
    share of the envelope. `decided_on` (default today) is the decision's date; the actor
    needs a delegation in force on it. A subsidised period that runs past the appropriation's
    year is split by year: later years' shares wait for their appropriations.
    """
    require_area(actor, application.employment_area_id)
    require_area(actor, appropriation.employment_area_id)
    reasons = (reasons or "").strip()
    if not reasons:
        raise DomainError(_("Kirjoita päätöksen perustelut."))
    decided_on = _decision_date(decided_on)
    delegation = _delegation(actor, area_id=application.employment_area_id, on=decided_on)
    locked = lock_rows(appropriation_id=appropriation.pk, scheme_id=application.scheme_id)
    scheme = locked.scheme
    assert scheme is not None
    Company.objects.select_for_update().get(pk=application.company_id)
    app = (
        GrantApplication.objects.select_for_update()
        .select_related("scheme", "company")
        .get(pk=application.pk)
    )
    _require_waiting(app)
    app.scheme = scheme
    if locked.appropriation.line_id != scheme.line_id:
        raise DomainError(
            _("Määrärahan on oltava avustusohjelman budjettiriviltä %(line)s.")
            % {"line": scheme.line.name}
        )
    if app.start_date.year > locked.appropriation.year:
        raise DomainError(
            _(
                "Tuettu jakso alkaa vuonna %(start)s: päätös tehdään vuoden %(start)s "
                "määrärahasta, ei vuoden %(year)s."
            )
            % {"start": app.start_date.year, "year": locked.appropriation.year}
        )
    maximum = grant_application_assess(app).evaluation.maximum
    requested = maximum if amount is None else parse_money(amount, field="amount", allow_zero=False)
    if requested > maximum:
        raise DomainError(
            _("Myönnettävä summa %(amount)s ylittää enimmäistuen %(maximum)s.")
            % {"amount": format_eur(requested), "maximum": format_eur(maximum)}
        )
    assessment = grant_application_assess(app, requested=requested)
    if not assessment.evaluation.eligible:
        raise ConflictError(
            _("Hakemus ei täytä ehtoja: %(reasons)s")
            % {"reasons": " ".join(reason_message(r) for r in assessment.evaluation.reasons)}
        )
    # Waiting later-year shares of earlier decisions keep their part of the envelope.
    priority = selectors.first_come_priority(app) + selectors.scheme_waiting_parts(scheme)
    if requested > scheme.envelope - scheme.committed - priority:
        raise ConflictError(envelope_message(scheme=scheme, priority=priority, requested=requested))
    parts = decision_year_parts(
        start=app.start_date,
        end=app.end_date,
        amount=requested,
        first_year=locked.appropriation.year,
    )
    commitment = commitment_open(
        actor=actor,
        locked=locked,
        amount=parts[0][1],
        description=_("%(scheme)s: %(company)s")
        % {"scheme": scheme.name, "company": app.company.name},
        source_type=CommitmentSource.GRANT_DECISION,
        source_id=str(app.pk),
        booked_on=decided_on,
    )
    year_parts_open(actor=actor, commitment=commitment, parts=parts[1:])
    snapshot = _snapshot(app, assessment, appropriation=locked.appropriation, amount=requested)
    snapshot["year_parts"] = [[year, str(share)] for year, share in parts]
    return _decision_record(
        actor=actor,
        app=app,
        outcome=GrantDecision.Outcome.APPROVED,
        amount=requested,
        reasons=reasons,
        snapshot=snapshot,
        commitment=commitment,
        decided_on=decided_on,
        delegation=delegation,
        changes=lambda decision: {
            "amount": [None, str(requested)],
            "decision": [None, decision.pk],
        },
    )


@transaction.atomic
def grant_application_reject(
    *, actor: User, application: GrantApplication, reasons: str, decided_on: date | None = None
) -> GrantDecision:
    """Refuse the application with written reasons; nothing is committed.

    A refusal is a decision like a grant: numbered, dated, resting on the official's
    delegation, with appeal instructions in its letter.
    """
    require_area(actor, application.employment_area_id)
    reasons = (reasons or "").strip()
    if not reasons:
        raise DomainError(_("Kirjoita päätöksen perustelut."))
    decided_on = _decision_date(decided_on)
    delegation = _delegation(actor, area_id=application.employment_area_id, on=decided_on)
    app = (
        GrantApplication.objects.select_for_update()
        .select_related("scheme", "company")
        .get(pk=application.pk)
    )
    _require_waiting(app)
    assessment = grant_application_assess(app)
    return _decision_record(
        actor=actor,
        app=app,
        outcome=GrantDecision.Outcome.REJECTED,
        amount=ZERO,
        reasons=reasons,
        snapshot={
            "evaluation": assessment.evaluation.to_json(),
            "rule": assessment.terms.to_json() if assessment.terms else None,
            "de_minimis": assessment.de_minimis,
            "scheme": {"name": app.scheme.name, "legal_basis": app.scheme.legal_basis},
            "company": {"business_id": app.company.business_id, "name": app.company.name},
        },
        decided_on=decided_on,
        delegation=delegation,
    )

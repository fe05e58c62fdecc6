"""Payment claims on a grant decision: the claim link, receiving, paying and rejecting
claims, recovering an overpayment and closing the decision.

Invariants:

* Payments on a decision never exceed the decided amount; an overpayment is recovered with a
  negative payment entry. A claim covers wages already paid (its period has ended), lies in
  one calendar year within the decided period, and never asks more than the decision still
  owes. Four eyes (per area): the approver of a payment neither decided the grant nor entered
  the claim."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.finance import links, selectors
from kohtaanto.finance.eligibility import RuleTerms, claim_eligible_amount
from kohtaanto.finance.models import (
    Appropriation,
    Commitment,
    GrantDecision,
    GrantPaymentClaim,
    LedgerEntry,
)
from kohtaanto.finance.services.ledger import (
    ZERO,
    AmountInput,
    commitment_release,
    payment_record,
    payment_recover,
    require_area,
)


def grant_claim_link_make(*, actor: User, decision: GrantDecision) -> str:
    require_area(actor, decision.application.employment_area_id)
    token = links.claim_token(decision=decision)
    audit_event_record(actor=actor, action="grant_claim.link", target=decision)
    return token


def _require_approved(decision: GrantDecision) -> None:
    if decision.outcome != GrantDecision.Outcome.APPROVED or decision.commitment_id is None:
        raise ConflictError(_("Hylättyyn hakemukseen ei voi hakea maksua."))


@transaction.atomic
def grant_claim_submit(
    *,
    actor: User | None,
    decision: GrantDecision,
    period_start: date,
    period_end: date,
    pay_costs: AmountInput,
    claimed_amount: AmountInput,
    channel: str,
) -> GrantPaymentClaim:
    """Receive a payment claim for a period of the subsidised employment.

    The period must lie within the decided employment, have ended (the claim covers wages
    already paid), lie within one calendar year (each year's wages are paid from that year's
    share) and not overlap another claim that is not rejected. The claimed amount may not
    exceed what the decision still owes. The eligible amount is computed from the decision's
    frozen rule terms.
    """
    require_area(actor, decision.application.employment_area_id)
    _require_approved(decision)
    pay_costs = parse_money(pay_costs, field="pay_costs", allow_zero=False)
    claimed_amount = parse_money(claimed_amount, field="claimed_amount", allow_zero=False)
    if period_end < period_start:
        raise DomainError(_("Päättymispäivä on ennen alkamispäivää."))
    if period_start.year != period_end.year:
        raise DomainError(
            _(
                "Maksatusjakso ylittää vuodenvaihteen: hae joulukuun ja tammikuun palkat "
                "erikseen, koska kunkin vuoden palkat maksetaan sen vuoden osuudesta."
            )
        )
    today = timezone.localdate()
    if period_end > today:
        raise DomainError(
            _(
                "Maksatusjakso päättyy %(end)s, mikä on tulevaisuudessa: tukea haetaan jo "
                "maksetuista palkoista."
            )
            % {"end": period_end.strftime("%d.%m.%Y")}
        )
    frozen = decision.snapshot["application"]
    start, end = date.fromisoformat(frozen["start_date"]), date.fromisoformat(frozen["end_date"])
    if period_start < start or period_end > end:
        raise DomainError(
            _("Maksatusjakson on oltava tuetun jakson %(start)s–%(end)s sisällä.")
            % {"start": start.strftime("%d.%m.%Y"), "end": end.strftime("%d.%m.%Y")}
        )
    overlapping = (
        GrantPaymentClaim.objects.select_for_update()
        .filter(decision=decision, period_start__lte=period_end, period_end__gte=period_start)
        .exclude(status=GrantPaymentClaim.Status.REJECTED)
    )
    if overlapping.exists():
        raise ConflictError(_("Jakso menee päällekkäin aiemman maksatushakemuksen kanssa."))
    pending = (
        GrantPaymentClaim.objects.filter(
            decision=decision, status=GrantPaymentClaim.Status.RECEIVED
        ).aggregate(s=Sum("claimed_amount"))["s"]
        or ZERO
    )
    paid = _decision_paid(decision)
    still_owed = decision.amount - paid - pending
    if claimed_amount > still_owed:
        raise DomainError(
            _(
                "Haettu summa %(claimed)s ylittää päätöksen %(amount)s: maksettu %(paid)s, "
                "käsittelyssä %(pending)s, jäljellä %(left)s."
            )
            % {
                "claimed": format_eur(claimed_amount),
                "amount": format_eur(decision.amount),
                "paid": format_eur(paid),
                "pending": format_eur(pending),
                "left": format_eur(max(still_owed, ZERO)),
            }
        )
    terms = RuleTerms.from_json(decision.snapshot["rule"])
    eligible = claim_eligible_amount(
        terms, first_day=period_start, last_day=period_end, pay_costs=pay_costs
    )
    claim = GrantPaymentClaim.objects.create(
        decision=decision,
        period_start=period_start,
        period_end=period_end,
        pay_costs=pay_costs,
        claimed_amount=claimed_amount,
        eligible_amount=eligible,
        channel=channel,
        received_at=timezone.now(),
        entered_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_event_record(
        actor=actor,
        action="grant_claim.submit",
        target=claim,
        changes={"claimed": [None, str(claimed_amount)], "eligible": [None, str(eligible)]},
    )
    return claim


def _decision_commitments(decision: GrantDecision) -> list[Commitment]:
    """The decision's commitment and the booked later-year ones."""
    assert decision.commitment is not None
    booked = Commitment.objects.filter(booked_from_part__commitment=decision.commitment)
    return [decision.commitment, *booked.order_by("appropriation__year")]


def _decision_paid(decision: GrantDecision) -> Decimal:
    return sum(
        (Commitment.objects.get(pk=c.pk).paid for c in _decision_commitments(decision)), ZERO
    )


def _commitment_for_year(decision: GrantDecision, year: int) -> Commitment:
    """Where a claim for `year`'s wages is paid from: the first year's commitment (also for
    months before it) or the later year's booked part, which must exist by then."""
    assert decision.commitment is not None
    first = decision.commitment
    first_year = Appropriation.objects.values_list("year", flat=True).get(pk=first.appropriation_id)
    if year <= first_year:
        return first
    part = first.year_parts.filter(year=year).select_related("booked").first()
    if part is None:
        return first
    if part.booked is None:
        raise ConflictError(
            _(
                "Vuoden %(year)s palkat maksetaan päätöksen vuoden %(year)s osuudesta, jota ei "
                "ole vielä kirjattu vuoden %(year)s määrärahalle."
            )
            % {"year": year}
        )
    return part.booked


def _require_claim_waiting(claim: GrantPaymentClaim) -> None:
    if claim.status != GrantPaymentClaim.Status.RECEIVED:
        raise ConflictError(_("Maksatushakemus on jo käsitelty."))


@transaction.atomic
def grant_claim_pay(
    *,
    actor: User,
    claim: GrantPaymentClaim,
    amount: AmountInput | None = None,
    booked_on: date | None = None,
    reference: str = "",
) -> LedgerEntry:
    """Pay a claim: at most the claimed and the eligible amount, and never more than what is
    left unpaid of the decision (refused with the excess).

    The payment comes from the share of the year the wages were paid in. Paid in January for
    December's wages, it is a documented carry-over of the previous year's obligation. With
    four eyes on (per area), the approver may be neither the decision-maker nor the person who
    entered the claim; the audit event names both.
    """
    decision = claim.decision
    require_area(actor, decision.application.employment_area_id)
    locked_claim = GrantPaymentClaim.objects.select_for_update().get(pk=claim.pk)
    _require_claim_waiting(locked_claim)
    if selectors.four_eyes_required(area_id=decision.application.employment_area_id):
        if actor.pk == decision.decided_by_id:
            raise ConflictError(
                _(
                    "Neljän silmän periaate: avustuksesta päättänyt ei voi hyväksyä sen maksua. "
                    "Pyydä toista hyväksyjää."
                )
            )
        if actor.pk == locked_claim.entered_by_id:
            raise ConflictError(
                _(
                    "Neljän silmän periaate: maksatushakemuksen kirjannut ei voi hyväksyä sen "
                    "maksua. Pyydä toista hyväksyjää."
                )
            )
    ceiling = min(locked_claim.claimed_amount, locked_claim.eligible_amount)
    value = ceiling if amount is None else parse_money(amount, field="amount", allow_zero=False)
    if value > ceiling:
        raise DomainError(
            _("Maksu %(amount)s ylittää hyväksyttävän määrän %(ceiling)s.")
            % {"amount": format_eur(value), "ceiling": format_eur(ceiling)}
        )
    commitment = _commitment_for_year(decision, locked_claim.period_end.year)
    booked_on = booked_on or timezone.localdate()
    period = _("%(start)s–%(end)s") % {
        "start": locked_claim.period_start.strftime("%d.%m.%Y"),
        "end": locked_claim.period_end.strftime("%d.%m.%Y"),
    }
    carry_over = ""
    if booked_on.year > locked_claim.period_end.year:
        carry_over = _("vuoden %(year)s palkat (jakso %(period)s) maksetaan siirtona") % {
            "year": locked_claim.period_end.year,
            "period": period,
        }
    entry = payment_record(
        actor=actor,
        commitment=commitment,
        amount=value,
        booked_on=booked_on,
        reference=reference,
        description=_("Maksatus %(period)s") % {"period": period},
        carry_over_reason=carry_over,
    )
    locked_claim.status = GrantPaymentClaim.Status.PAID
    locked_claim.payment = entry
    locked_claim.handled_by = actor
    locked_claim.save(update_fields=["status", "payment", "handled_by", "updated_at"])
    audit_event_record(
        actor=actor,
        action="grant_claim.pay",
        target=locked_claim,
        changes={
            "status": ["received", "paid"],
            "amount": [None, str(value)],
            "decided_by": [None, decision.decided_by_id],
            "entered_by": [None, locked_claim.entered_by_id],
            "approved_by": [None, actor.pk],
        },
    )
    return entry


@transaction.atomic
def grant_claim_reject(*, actor: User, claim: GrantPaymentClaim, reason: str) -> GrantPaymentClaim:
    require_area(actor, claim.decision.application.employment_area_id)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Kirjoita hylkäämisen peruste."))
    locked = GrantPaymentClaim.objects.select_for_update().get(pk=claim.pk)
    _require_claim_waiting(locked)
    locked.status = GrantPaymentClaim.Status.REJECTED
    locked.rejection_reason = reason
    locked.handled_by = actor
    locked.save(update_fields=["status", "rejection_reason", "handled_by", "updated_at"])
    audit_event_record(
        actor=actor,
        action="grant_claim.reject",
        target=locked,
        changes={"status": ["received", "rejected"]},
    )
    return locked


def grant_overpayment_recover(
    *, actor: User, decision: GrantDecision, amount: AmountInput, description: str
) -> LedgerEntry:
    """Recover an overpaid subsidy: a negative payment on the decision's commitment."""
    require_area(actor, decision.application.employment_area_id)
    _require_approved(decision)
    assert decision.commitment is not None
    return payment_recover(
        actor=actor,
        commitment=decision.commitment,
        amount=amount,
        description=description or _("Liikaa maksetun tuen takaisinperintä"),
    )


def grant_decision_close(*, actor: User, decision: GrantDecision) -> LedgerEntry:
    """Release what is left unpaid of a decision when the subsidised period is over."""
    require_area(actor, decision.application.employment_area_id)
    _require_approved(decision)
    assert decision.commitment is not None
    return commitment_release(
        actor=actor,
        commitment=decision.commitment,
        reason=LedgerEntry.Reason.COMPLETED,
        description=_("Päätöksen käyttämätön osa"),
    )

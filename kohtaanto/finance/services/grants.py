"""Grant schemes, applications, decisions and payment claims.

Invariants:

* An application is checked against the scheme's rule in force on the employment's first day
  and, for de minimis schemes, against the company's aid over the rolling period.
* Only a waiting application can be changed or decided. Approval freezes the inputs, the rule
  terms and the computation in the decision's snapshot and creates the commitment in the same
  transaction — or refuses, naming the shortfall, when the envelope (after earlier waiting
  applications of a first-come scheme) or the appropriation cannot cover it.
* A decision is a document: a running number per area and year, its real date (never in the
  future), the official and the delegation the decision rests on, the reasons, the rule
  version, and a letter in the applicant's language sent by e-mail after the commit. A
  refusal is a decision too.
* A decision whose subsidised period spans the year end commits the appropriation's year now
  and leaves each later year's share waiting for that year's appropriation (split by the
  months of each year); the envelope keeps the waiting shares.
* Payments on a decision never exceed the decided amount; an overpayment is recovered with a
  negative payment entry. A claim covers wages already paid (its period has ended), lies in
  one calendar year within the decided period, and never asks more than the decision still
  owes. Four eyes (per area): the approver of a payment neither decided the grant nor entered
  the claim.
"""

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record, diff
from kohtaanto.common.dates import period_months
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.employers.models import Company
from kohtaanto.finance import links, selectors
from kohtaanto.finance.eligibility import (
    Evaluation,
    Inputs,
    RuleTerms,
    claim_eligible_amount,
    de_minimis_position,
    evaluate,
    reason_message,
)
from kohtaanto.finance.letters import decision_letter_send
from kohtaanto.finance.models import (
    ApplicationLink,
    Appropriation,
    BudgetLine,
    Commitment,
    CommitmentSource,
    DecisionNumber,
    GrantApplication,
    GrantDecision,
    GrantPaymentClaim,
    GrantScheme,
    LedgerEntry,
    SchemeRule,
)
from kohtaanto.finance.services.ledger import (
    AmountInput,
    check_not_future,
    commitment_open,
    commitment_release,
    envelope_message,
    lock_rows,
    payment_record,
    payment_recover,
    require_area,
    year_parts_open,
)

ZERO = Decimal("0.00")


# --- schemes and rules ---------------------------------------------------------------------


@transaction.atomic
def grant_scheme_create(
    *,
    actor: User,
    code: str,
    name: str,
    kind: str,
    line: BudgetLine,
    envelope: AmountInput,
    starts_on: date,
    ends_on: date | None,
    legal_basis: str,
    first_come: bool = False,
    de_minimis: bool = False,
    description: str = "",
) -> GrantScheme:
    """Add a scheme to the actor's area; it takes applications once it has rules."""
    require_area(actor, line.employment_area_id)
    if GrantScheme.objects.filter(employment_area_id=line.employment_area_id, code=code).exists():
        raise ConflictError(_("Avustusohjelma %(code)s on jo olemassa.") % {"code": code})
    if ends_on is not None and ends_on < starts_on:
        raise DomainError(_("Päättymispäivä on ennen alkamispäivää."))
    scheme = GrantScheme.objects.create(
        employment_area_id=line.employment_area_id,
        code=code,
        name=name,
        kind=kind,
        line=line,
        envelope=parse_money(envelope, field="envelope", allow_zero=True),
        starts_on=starts_on,
        ends_on=ends_on,
        legal_basis=legal_basis,
        first_come=first_come,
        de_minimis=de_minimis,
        description=description,
    )
    audit_event_record(
        actor=actor,
        action="grant_scheme.create",
        target=scheme,
        changes={"code": [None, code], "envelope": [None, str(scheme.envelope)]},
    )
    return scheme


GRANT_SCHEME_FIELDS = [
    "name",
    "envelope",
    "starts_on",
    "ends_on",
    "first_come",
    "de_minimis",
    "is_active",
    "legal_basis",
    "description",
]


@transaction.atomic
def grant_scheme_update(*, actor: User, scheme: GrantScheme, **values: Any) -> GrantScheme:
    """Change a scheme's terms; the envelope can never go below what it has committed."""
    require_area(actor, scheme.employment_area_id)
    unknown = set(values) - set(GRANT_SCHEME_FIELDS)
    if unknown:
        raise DomainError(_("Tuntemattomat kentät: %(f)s") % {"f": ", ".join(sorted(unknown))})
    locked = GrantScheme.objects.select_for_update().get(pk=scheme.pk)
    if "envelope" in values:
        values["envelope"] = parse_money(values["envelope"], field="envelope", allow_zero=True)
        if values["envelope"] < locked.committed:
            raise ConflictError(
                _("Kehys ei voi olla pienempi kuin siitä sidottu %(committed)s.")
                % {"committed": format_eur(locked.committed)}
            )
    ends_on = values.get("ends_on", locked.ends_on)
    if ends_on is not None and ends_on < values.get("starts_on", locked.starts_on):
        raise DomainError(_("Päättymispäivä on ennen alkamispäivää."))
    before = {f: getattr(locked, f) for f in values}
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*values, "updated_at"])
    audit_event_record(
        actor=actor, action="grant_scheme.update", target=locked, changes=diff(before, values)
    )
    return locked


@transaction.atomic
def scheme_rule_create(*, actor: User, scheme: GrantScheme, **values: Any) -> SchemeRule:
    """Add a dated rule. A rule of the same category still open when the new one starts is
    closed the day before; overlapping closed periods are refused."""
    require_area(actor, scheme.employment_area_id)
    rule = SchemeRule(scheme=scheme, **values)
    if rule.valid_to is not None and rule.valid_to < rule.valid_from:
        raise DomainError(_("Päättymispäivä on ennen alkamispäivää."))
    others = SchemeRule.objects.select_for_update().filter(scheme=scheme, category=rule.category)
    for other in others:
        if other.valid_to is None and other.valid_from < rule.valid_from:
            old_end = other.valid_to
            other.valid_to = rule.valid_from - timedelta(days=1)
            other.save(update_fields=["valid_to"])
            audit_event_record(
                actor=actor,
                action="scheme_rule.close",
                target=other,
                changes={"valid_to": [old_end, other.valid_to]},
            )
            continue
        other_end = other.valid_to or date.max
        new_end = rule.valid_to or date.max
        if other.valid_from <= new_end and rule.valid_from <= other_end:
            raise ConflictError(
                _("Sääntö menee päällekkäin voimassaolon %(start)s alkaen kanssa.")
                % {"start": other.valid_from.isoformat()}
            )
    rule.save()
    audit_event_record(
        actor=actor,
        action="scheme_rule.create",
        target=rule,
        changes={k: [None, v] for k, v in values.items()},
    )
    return rule


# --- signed links ----------------------------------------------------------------------------


def grant_claim_link_make(*, actor: User, decision: GrantDecision) -> str:
    require_area(actor, decision.application.employment_area_id)
    token = links.claim_token(decision=decision)
    audit_event_record(actor=actor, action="grant_claim.link", target=decision)
    return token


# --- applications ----------------------------------------------------------------------------


@dataclass
class ApplicationData:
    """The inputs an employer or an advisor gives in an application."""

    category: str
    employee_first_name: str
    employee_last_name: str
    employee_birth_date: date
    job_title: str
    start_date: date
    end_date: date
    weekly_hours: Decimal
    monthly_pay_costs: Decimal
    contact_name: str
    contact_email: str
    contact_phone: str = ""
    reduced_work_capacity: bool = False
    non_business_association: bool = False
    unemployment_periods: list[tuple[date, date | None]] = field(default_factory=list)
    # (granted_on, amount, grantor)
    other_de_minimis: list[tuple[date, Decimal, str]] = field(default_factory=list)
    de_minimis_declared: bool = False
    full_time_weekly_hours: Decimal | None = None
    basic_education_only: bool = False
    employer_kind: str = "company"
    linked_business_ids: list[str] = field(default_factory=list)
    language: str = "fi"

    def model_values(self) -> dict[str, Any]:
        values = asdict(self)
        values["unemployment_periods"] = [
            [start.isoformat(), end.isoformat() if end else None]
            for start, end in self.unemployment_periods
        ]
        values["other_de_minimis"] = [
            {"granted_on": d.isoformat(), "amount": f"{a:.2f}", "grantor": g}
            for d, a, g in self.other_de_minimis
        ]
        return values


def _inputs(application: GrantApplication) -> Inputs:
    return Inputs(
        birth_date=application.employee_birth_date,
        start_date=application.start_date,
        end_date=application.end_date,
        weekly_hours=Decimal(application.weekly_hours),
        monthly_pay_costs=Decimal(application.monthly_pay_costs),
        reduced_work_capacity=application.reduced_work_capacity,
        non_business_association=application.non_business_association,
        unemployment_periods=tuple(
            (date.fromisoformat(s), date.fromisoformat(e) if e else None)
            for s, e in application.unemployment_periods
        ),
        full_time_weekly_hours=(
            Decimal(application.full_time_weekly_hours)
            if application.full_time_weekly_hours is not None
            else None
        ),
        basic_education_only=application.basic_education_only,
        employer_kind=application.employer_kind,
    )


def _declared_aid(application: GrantApplication) -> list[tuple[date, Decimal]]:
    return [
        (date.fromisoformat(row["granted_on"]), Decimal(row["amount"]))
        for row in application.other_de_minimis
    ]


@dataclass
class Assessment:
    """An application checked today: the rule terms, the evaluation and the de minimis
    position (for de minimis schemes)."""

    terms: RuleTerms | None
    evaluation: Evaluation
    de_minimis: dict[str, Any] | None


def grant_application_assess(
    application: GrantApplication, *, requested: Decimal | None = None, on: date | None = None
) -> Assessment:
    """Check an application against the rules in force; `requested` defaults to the maximum."""
    scheme = application.scheme
    rule = selectors.scheme_rule_for(
        scheme=scheme, category=application.category, on=application.start_date
    )
    terms = RuleTerms.from_rule(rule) if rule else None
    evaluation = evaluate(
        terms,
        _inputs(application),
        scheme_starts_on=scheme.starts_on,
        scheme_ends_on=scheme.ends_on,
    )
    position_json = None
    if scheme.de_minimis:
        grant_date = on or timezone.localdate()
        amount = evaluation.maximum if requested is None else requested
        if not application.de_minimis_declared:
            evaluation.reasons.append({"code": "de_minimis_declaration_missing", "params": {}})
        ceiling = selectors.de_minimis_ceiling_on(grant_date)
        if ceiling is None:
            evaluation.reasons.append(
                {
                    "code": "de_minimis_ceiling_missing",
                    "params": {"grant_date": grant_date.isoformat()},
                }
            )
        else:
            position = de_minimis_position(
                ceiling=ceiling.ceiling,
                period_years=ceiling.period_years,
                grant_date=grant_date,
                own_aid=selectors.de_minimis_own_aid(
                    business_id=application.company.business_id,
                    linked_business_ids=application.linked_business_ids,
                ),
                declared_aid=_declared_aid(application),
                requested=amount,
            )
            position_json = {**position.to_json(), "source": ceiling.source}
            if position.exceeds:
                evaluation.reasons.append(
                    {
                        "code": "de_minimis_ceiling_exceeded",
                        "params": {
                            "ceiling_eur": str(position.ceiling),
                            "years": position.period_years,
                            "window_start_date": position.window_start.isoformat(),
                            "grant_date": grant_date.isoformat(),
                            "earlier_eur": str(position.own_aid + position.declared_aid),
                            "requested_eur": str(amount),
                            "room_eur": str(position.room),
                        },
                    }
                )
        evaluation.eligible = not evaluation.reasons
    return Assessment(terms=terms, evaluation=evaluation, de_minimis=position_json)


def _store_assessment(application: GrantApplication) -> Assessment:
    assessment = grant_application_assess(application)
    application.eligible = assessment.evaluation.eligible
    application.maximum_amount = assessment.evaluation.maximum
    application.evaluation = {
        **assessment.evaluation.to_json(),
        "rule": assessment.terms.to_json() if assessment.terms else None,
        "de_minimis": assessment.de_minimis,
    }
    return assessment


def _check_category(scheme: GrantScheme, category: str) -> None:
    if category not in dict(selectors.scheme_categories(scheme=scheme)):
        raise DomainError(
            _("Tukiperuste %(category)s ei kuulu avustusohjelmaan %(scheme)s.")
            % {"category": category, "scheme": scheme.name}
        )


@transaction.atomic
def grant_application_submit(
    *,
    actor: User | None,
    scheme: GrantScheme,
    company: Company,
    data: ApplicationData,
    channel: str,
    application_link: ApplicationLink | None = None,
) -> GrantApplication:
    """Receive an application (from the employer's link, actor None, or an advisor).

    Its received time sets its place in a first-come scheme. One entered by staff is checked
    at once; one from a link claims nothing of the envelope until staff have checked it
    (services.links.grant_application_check). The eligibility check and the maximum are
    stored for the lists; the decision checks again.
    """
    require_area(actor, scheme.employment_area_id)
    if company.employment_area_id != scheme.employment_area_id:
        raise DomainError(_("Yritys ei kuulu avustusohjelman työllisyysalueelle."))
    if not scheme.is_active:
        raise ConflictError(_("Avustusohjelma ei ota vastaan hakemuksia."))
    _check_category(scheme, data.category)
    staff = actor if actor is not None and actor.is_authenticated else None
    application = GrantApplication(
        employment_area_id=scheme.employment_area_id,
        scheme=scheme,
        company=company,
        channel=channel,
        received_at=timezone.now(),
        entered_by=staff,
        checked_at=timezone.now() if staff is not None else None,
        checked_by=staff,
        application_link=application_link,
        **data.model_values(),
    )
    _store_assessment(application)
    application.save()
    audit_event_record(
        actor=actor,
        action="grant_application.submit",
        target=application,
        target_repr=f"{scheme.code} {company.business_id}",
        changes={
            "channel": [None, channel],
            "eligible": [None, application.eligible],
            "maximum_amount": [None, str(application.maximum_amount)],
        },
    )
    return application


def _require_waiting(application: GrantApplication) -> None:
    if application.status != GrantApplication.Status.RECEIVED:
        raise ConflictError(_("Hakemuksesta on jo tehty päätös; sen tiedot on lukittu."))


@transaction.atomic
def grant_application_update(
    *, actor: User, application: GrantApplication, data: ApplicationData
) -> GrantApplication:
    """Complete or correct a waiting application; its place in the queue is kept."""
    require_area(actor, application.employment_area_id)
    locked = (
        GrantApplication.objects.select_for_update()
        .select_related("scheme", "company")
        .get(pk=application.pk)
    )
    _require_waiting(locked)
    _check_category(locked.scheme, data.category)
    values = data.model_values()
    before = {k: getattr(locked, k) for k in values}
    for name, value in values.items():
        setattr(locked, name, value)
    _store_assessment(locked)
    locked.save()
    audit_event_record(
        actor=actor,
        action="grant_application.update",
        target=locked,
        target_repr=f"{locked.scheme.code} {locked.company.business_id}",
        changes=diff(before, values),
    )
    return locked


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
            % {"date": on.strftime("%d.%m.%Y")}
        )
    return delegation


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
    decision = GrantDecision.objects.create(
        application=app,
        outcome=GrantDecision.Outcome.APPROVED,
        amount=requested,
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
    app.status = GrantApplication.Status.APPROVED
    app.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="grant_application.approve",
        target=app,
        target_repr=f"{scheme.code} {app.company.business_id}",
        changes={
            "status": [GrantApplication.Status.RECEIVED, app.status],
            "amount": [None, str(requested)],
            "decision": [None, decision.pk],
            "number": [None, decision.number],
            "delegation": [None, decision.delegation],
        },
    )
    decision_letter_send(decision_id=decision.pk)
    return decision


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
    decision = GrantDecision.objects.create(
        application=app,
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
        granted_on=decided_on,
        decided_by=actor,
        number=_draw_number(area_id=app.employment_area_id, year=decided_on.year),
        official_title=delegation.title,
        delegation=delegation.basis,
        language=app.language,
    )
    app.status = GrantApplication.Status.REJECTED
    app.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="grant_application.reject",
        target=app,
        target_repr=f"{app.scheme.code} {app.company.business_id}",
        changes={
            "status": [GrantApplication.Status.RECEIVED, app.status],
            "number": [None, decision.number],
            "delegation": [None, decision.delegation],
        },
    )
    decision_letter_send(decision_id=decision.pk)
    return decision


# --- payment claims --------------------------------------------------------------------------


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

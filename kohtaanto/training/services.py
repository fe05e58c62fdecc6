"""Every write of training procurement: providers, agreements, programmes, orders, invoices
and enrolments.

Invariants kept here (and by the database where it can):

* An agreement's `ordered` never exceeds its ceiling and `invoiced` never exceeds `ordered`;
  both change only while the agreement row is locked (SELECT … FOR UPDATE), in the same
  transaction as the order or invoice that explains them.
* Agreements of one provider never overlap in time (ended ones aside).
* A confirmed order lies within its agreement's period and binds its amount through
  finance's `commitment_create_split`: the first year's share on that year's appropriation,
  each later year's share (by the training days in it) as a year part that waits for that
  year's appropriation and is booked there from 1 January on (`order_year_part_book`, also
  done by the first invoice of that year). Shares of years before the order date belong to
  the order's own year: money is bound when the obligation is entered into.
* A programme's enrolments (not interrupted) never exceed its seats; the programme row is
  locked while counting.
* A joint-purchase programme carries the employer's share from the rule in force on its
  start date, with the rule's source.
* Every service writes its audit event in the same transaction; a refusal changes nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import PartnerOrganisation, Role, User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.dates import add_months
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.common.money import cents, format_eur, parse_decimal, parse_money
from kohtaanto.employers.identifiers import InvalidBusinessIdError, business_id_normalise
from kohtaanto.employers.models import Company
from kohtaanto.finance.models import (
    Appropriation,
    CommitmentSource,
    CommitmentYearPart,
    LedgerEntry,
)
from kohtaanto.finance.services import (
    commitment_create_split,
    commitment_release,
    commitment_year_part_book,
    payment_record,
)
from kohtaanto.jobseekers.models import ConsentPurpose, JobSeeker, ProfileSkill, SkillSource
from kohtaanto.jobseekers.selectors import consent_is_valid
from kohtaanto.jobseekers.services.profile import profile_skill_set
from kohtaanto.taxonomy.models import Concept, ConceptType
from kohtaanto.training.models import (
    Agreement,
    ContractType,
    EmployerInvoice,
    Enrolment,
    EnterpriseLink,
    Invoice,
    LegalBasis,
    Order,
    OrderCommitment,
    Programme,
    ProgrammeSkill,
    ProgrammeType,
    Provider,
    ProviderMembership,
)
from kohtaanto.training.rules import employer_share

ZERO = Decimal("0.00")
# What services accept as an amount: a Decimal, an int or the text a user typed.
AmountInput = Decimal | int | str
# The budget line that training orders draw on (finance's default lines are data too).
TRAINING_BUDGET_LINE = "services"


def _area_id(actor: User) -> int:
    if actor.employment_area_id is None:
        raise DomainError(_("Käyttäjälle ei ole määritetty työllisyysaluetta."))
    return actor.employment_area_id


def _require(actor: User, name: str, *objects: Any) -> None:
    actor.permissions.require(name, *objects)


def _text(value: str, *, field: str, max_length: int, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(_("%(field)s puuttuu.") % {"field": field})
    if len(text) > max_length:
        raise DomainError(
            _("%(field)s on liian pitkä (enintään %(max)s merkkiä).")
            % {"field": field, "max": max_length}
        )
    return text


def amount_parse(value: object, *, label: str, field: str) -> Decimal:
    """A positive euro amount (common.money rules); the refusal names the field."""
    try:
        return parse_money(value, field=field, allow_zero=False)
    except DomainError as exc:
        raise DomainError(f"{label}: {exc.message}", field=field) from exc


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


# --- providers -------------------------------------------------------------------------------


@transaction.atomic
def provider_create(
    *,
    actor: User,
    name: str,
    business_id: str,
    partner_organisation: PartnerOrganisation | None = None,
    in_house: bool = False,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
) -> Provider:
    """Add a training provider; the business id is validated (python-stdnum) and unique."""
    _require(actor, "manage_training")
    area_id = _area_id(actor)
    try:
        normalised = business_id_normalise(business_id)
    except InvalidBusinessIdError as exc:
        raise DomainError(str(exc), code="business_id") from exc
    if Provider.objects.filter(employment_area_id=area_id, business_id=normalised).exists():
        raise ConflictError(
            _("Järjestäjä Y-tunnuksella %(id)s on jo rekisterissä.") % {"id": normalised}
        )
    provider = Provider.objects.create(
        employment_area_id=area_id,
        name=_text(name, field=_("Nimi"), max_length=200),
        business_id=normalised,
        partner_organisation=partner_organisation,
        in_house=in_house,
        contact_name=_text(contact_name, field=_("Yhteyshenkilö"), max_length=200, required=False),
        contact_email=_text(contact_email, field=_("Sähköposti"), max_length=254, required=False),
        contact_phone=_text(contact_phone, field=_("Puhelin"), max_length=40, required=False),
    )
    audit_event_record(
        actor=actor,
        action="training_provider.create",
        target=provider,
        changes={"name": [None, provider.name], "business_id": [None, normalised]},
    )
    return provider


@transaction.atomic
def provider_member_add(*, actor: User, provider: Provider, user: User) -> ProviderMembership:
    """Let a partner user of the same area see the provider's programmes, orders and people."""
    _require(actor, "manage_training")
    _require(actor, "view_provider", provider)
    if user.role != Role.PARTNER or user.employment_area_id != provider.employment_area_id:
        raise DomainError(
            _("Vain saman työllisyysalueen kumppanikäyttäjä voi kuulua järjestäjään.")
        )
    membership, created = ProviderMembership.objects.get_or_create(provider=provider, user=user)
    if created:
        audit_event_record(
            actor=actor,
            action="training_provider.member_add",
            target=provider,
            changes={"member": [None, user.get_username()]},
        )
    return membership


@transaction.atomic
def provider_member_remove(*, actor: User, provider: Provider, user: User) -> None:
    """End a partner user's membership: from now on they no longer see the provider's data."""
    _require(actor, "manage_training")
    _require(actor, "view_provider", provider)
    deleted, _rows = ProviderMembership.objects.filter(provider=provider, user=user).delete()
    if not deleted:
        raise NotFoundError(_("Ei löytynyt."))
    audit_event_record(
        actor=actor,
        action="training_provider.member_remove",
        target=provider,
        changes={"member": [user.get_username(), None]},
    )


@transaction.atomic
def enterprise_link_add(
    *,
    actor: User,
    company: Company,
    name: str,
    relation: str,
    holding_percent: Decimal | str,
    employees: int,
    turnover_eur: AmountInput | None = None,
    balance_sheet_eur: AmountInput | None = None,
) -> EnterpriseLink:
    """Record a partner (25–50 %) or linked (over 50 %) enterprise whose figures count towards
    the company's size class (Recommendation 2003/361/EC, Annex Art. 3 and 6)."""
    _require(actor, "manage_training")
    if company.employment_area_id != actor.employment_area_id:
        raise NotFoundError(_("Ei löytynyt."))
    if relation not in EnterpriseLink.Relation.values:
        raise DomainError(_("Tuntematon yritysten välinen suhde: %(r)s.") % {"r": relation})
    # typed as a user writes it ("33,5"); "1e2" or other digits than 0-9 are refused
    holding = parse_decimal(holding_percent, places=2, field="holding_percent")
    low, high = (
        (Decimal("25"), Decimal("50"))
        if relation == EnterpriseLink.Relation.PARTNER
        else (Decimal("50.01"), Decimal("100"))
    )
    if not low <= holding <= high:
        raise DomainError(
            _(
                "Omistusosuus %(holding)s %% ei sovi suhteeseen %(relation)s: sallittu "
                "%(low)s–%(high)s %% (suositus 2003/361/EY, liite, 3 artikla)."
            )
            % {
                "holding": holding,
                "relation": EnterpriseLink.Relation(relation).label,
                "low": low,
                "high": high,
            }
        )
    if employees < 0:
        raise DomainError(_("Henkilöstömäärä ei voi olla negatiivinen."))

    def figure(value: AmountInput | None, label: str, key: str) -> Decimal | None:
        return None if value in (None, "") else amount_parse(value, label=label, field=key)

    turnover_eur = figure(turnover_eur, _("Liikevaihto"), "turnover_eur")
    balance_sheet_eur = figure(balance_sheet_eur, _("Taseen loppusumma"), "balance_sheet_eur")
    link = EnterpriseLink.objects.create(
        company=company,
        name=_text(name, field=_("Nimi"), max_length=300),
        relation=relation,
        holding_percent=holding,
        employees=employees,
        turnover_eur=turnover_eur,
        balance_sheet_eur=balance_sheet_eur,
    )
    audit_event_record(
        actor=actor,
        action="enterprise_link.create",
        target=company,
        changes={"link": [None, f"{link.name} {relation} {holding} %"]},
    )
    return link


@transaction.atomic
def enterprise_link_remove(*, actor: User, link: EnterpriseLink) -> None:
    """Remove a partner or linked enterprise; programmes priced earlier keep their share."""
    _require(actor, "manage_training")
    if link.company.employment_area_id != actor.employment_area_id:
        raise NotFoundError(_("Ei löytynyt."))
    audit_event_record(
        actor=actor,
        action="enterprise_link.delete",
        target=link.company,
        changes={"link": [f"{link.name} {link.relation} {link.holding_percent} %", None]},
    )
    link.delete()


# --- agreements ------------------------------------------------------------------------------


def _check_no_overlap(
    provider: Provider, starts_on: date, ends_on: date, *, exclude: int | None = None
) -> None:
    """Agreements of one provider that have not ended never overlap (the provider row is
    locked while checking, so two overlapping agreements cannot be saved side by side)."""
    Provider.objects.select_for_update().get(pk=provider.pk)
    others = Agreement.objects.filter(
        provider=provider, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).exclude(status=Agreement.Status.ENDED)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    overlapping = others.first()
    if overlapping is not None:
        raise ConflictError(
            _(
                "Sopimus menisi päällekkäin järjestäjän %(provider)s sopimuksen "
                "”%(other)s” (%(start)s–%(end)s) kanssa."
            )
            % {
                "provider": provider.name,
                "other": overlapping.title,
                "start": _day(overlapping.starts_on),
                "end": _day(overlapping.ends_on),
            },
            code="overlap",
        )


@transaction.atomic
def agreement_create(
    *,
    actor: User,
    provider: Provider,
    title: str,
    legal_basis: str,
    starts_on: date,
    ends_on: date,
    ceiling: AmountInput,
    contract_type: str = ContractType.SPECIFIC_SERVICES,
    direct_award_ground: str = "",
    reference: str = "",
    price_per_student_day: AmountInput | None = None,
    price_per_group: AmountInput | None = None,
    price_per_service_hour: AmountInput | None = None,
    options: str = "",
) -> Agreement:
    """Record a procurement agreement with its legal basis under the Procurement Act 1397/2016.

    Refuses: an unknown basis; a direct award without its ground; an in-house award to a
    provider not marked as an in-house entity (§ 15); a period that ends before it starts; an
    agreement overlapping another of the same provider that has not ended.
    """
    _require(actor, "manage_training")
    _require(actor, "view_provider", provider)
    if legal_basis not in LegalBasis.values:
        raise DomainError(
            _("Tuntematon hankintaperuste %(basis)s. Sallitut: %(allowed)s.")
            % {"basis": legal_basis, "allowed": ", ".join(LegalBasis.values)}
        )
    if contract_type not in ContractType.values:
        raise DomainError(_("Tuntematon hankintalaji %(type)s.") % {"type": contract_type})
    ground = _text(
        direct_award_ground, field=_("Suorahankinnan peruste"), max_length=300, required=False
    )
    if legal_basis == LegalBasis.DIRECT_AWARD and not ground:
        raise DomainError(
            _(
                "Suorahankinnalle on kirjattava peruste (hankintalaki 1397/2016, 40–41 § tai "
                "110 §)."
            ),
            code="direct_award_ground",
        )
    if legal_basis == LegalBasis.IN_HOUSE and not provider.in_house:
        raise DomainError(
            _(
                "Sidosyksikköhankinta (hankintalaki 1397/2016, 15 §) on mahdollinen vain "
                "sidosyksiköltä; %(provider)s ei ole merkitty sidosyksiköksi."
            )
            % {"provider": provider.name},
            code="not_in_house",
        )
    if ends_on < starts_on:
        raise DomainError(
            _("Sopimuskausi päättyy (%(end)s) ennen alkamistaan (%(start)s).")
            % {"end": _day(ends_on), "start": _day(starts_on)}
        )
    _check_no_overlap(provider, starts_on, ends_on)

    def price(value: AmountInput | None, name: str, key: str) -> Decimal | None:
        return None if value in (None, "") else amount_parse(value, label=name, field=key)

    agreement = Agreement.objects.create(
        provider=provider,
        title=_text(title, field=_("Nimi"), max_length=200),
        reference=_text(reference, field=_("Diaarinumero"), max_length=100, required=False),
        legal_basis=legal_basis,
        direct_award_ground=ground,
        contract_type=contract_type,
        starts_on=starts_on,
        ends_on=ends_on,
        ceiling=amount_parse(ceiling, label=_("Enimmäismäärä"), field="ceiling"),
        price_per_student_day=price(
            price_per_student_day, _("Hinta / opiskelijapäivä"), "price_per_student_day"
        ),
        price_per_group=price(price_per_group, _("Hinta / ryhmä"), "price_per_group"),
        price_per_service_hour=price(
            price_per_service_hour, _("Hinta / palvelutunti"), "price_per_service_hour"
        ),
        options=options.strip(),
    )
    audit_event_record(
        actor=actor,
        action="training_agreement.create",
        target=agreement,
        changes={
            "provider": [None, provider.name],
            "legal_basis": [None, legal_basis],
            "ceiling": [None, str(agreement.ceiling)],
            "period": [None, f"{starts_on}–{ends_on}"],
        },
    )
    return agreement


@transaction.atomic
def agreement_status_set(*, actor: User, agreement: Agreement, status: str) -> Agreement:
    """Draft, active or ended. Only an active agreement takes orders; an ended one may be
    reopened only if it overlaps no other agreement of the provider that has not ended."""
    _require(actor, "manage_training")
    _require(actor, "view_provider", agreement.provider)
    if status not in Agreement.Status.values:
        raise DomainError(_("Tuntematon tila %(status)s.") % {"status": status})
    agreement = (
        Agreement.objects.select_for_update().select_related("provider").get(pk=agreement.pk)
    )
    if status != Agreement.Status.ENDED and agreement.status == Agreement.Status.ENDED:
        _check_no_overlap(
            agreement.provider, agreement.starts_on, agreement.ends_on, exclude=agreement.pk
        )
    old = agreement.status
    agreement.status = status
    agreement.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_agreement.status",
        target=agreement,
        changes={"status": [old, status]},
    )
    return agreement


# --- programmes ------------------------------------------------------------------------------


@dataclass
class ProgrammeData:
    """What a programme is made of; validated by `programme_create`."""

    name_fi: str
    type: str
    days: int
    seats: int
    starts_on: date
    ends_on: date
    price: AmountInput
    name_sv: str = ""
    name_en: str = ""
    description: str = ""
    min_group: int = 1
    place: str = ""
    mode: str = Programme.Mode.CONTACT
    leads_to_degree: bool = False
    company: Company | None = None
    skills: list[tuple[Concept, int]] = field(default_factory=list)


def _check_programme(data: ProgrammeData) -> Decimal:
    if data.type not in ProgrammeType.values:
        raise DomainError(_("Tuntematon koulutustyyppi %(type)s.") % {"type": data.type})
    if data.mode not in Programme.Mode.values:
        raise DomainError(_("Tuntematon toteutustapa %(mode)s.") % {"mode": data.mode})
    if not 1 <= int(data.days) <= 1000:
        raise DomainError(_("Koulutuspäiviä on oltava 1–1000; annettu %(d)s.") % {"d": data.days})
    if not 1 <= int(data.seats) <= 1000:
        raise DomainError(_("Paikkoja on oltava 1–1000; annettu %(s)s.") % {"s": data.seats})
    if not 1 <= int(data.min_group) <= int(data.seats):
        raise DomainError(
            _("Vähimmäisryhmän on oltava 1–%(seats)s (paikkojen määrä); annettu %(min)s.")
            % {"seats": data.seats, "min": data.min_group}
        )
    if data.ends_on < data.starts_on:
        raise DomainError(
            _("Koulutus päättyy (%(end)s) ennen alkamistaan (%(start)s).")
            % {"end": _day(data.ends_on), "start": _day(data.starts_on)}
        )
    for concept, level in data.skills:
        if concept.type not in (ConceptType.SKILL, ConceptType.KNOWLEDGE):
            raise DomainError(
                _("%(concept)s ei ole taito tai tietämys, joten koulutus ei voi opettaa sitä.")
                % {"concept": concept.label()}
            )
        if not 1 <= int(level) <= 4:
            raise DomainError(
                _("Taidon %(concept)s tason on oltava 1–4; annettu %(level)s.")
                % {"concept": concept.label(), "level": level}
            )
    return amount_parse(data.price, label=_("Hinta"), field="price")


@transaction.atomic
def programme_create(*, actor: User, provider: Provider, data: ProgrammeData) -> Programme:
    """Add a programme with its taught skills; joint-purchase types get the employer's share.

    Refuses (nothing saved) bad figures, non-skill concepts, and everything `employer_share`
    refuses: a joint-purchase type without a company, a company without a size class, too few
    days, a degree, a missing share rule.
    """
    _require(actor, "manage_training")
    _require(actor, "view_provider", provider)
    price = _check_programme(data)
    if data.company is not None and data.company.employment_area_id != provider.employment_area_id:
        raise NotFoundError(_("Ei löytynyt."))
    share = employer_share(
        programme_type=data.type,
        company=data.company,
        price=price,
        days=int(data.days),
        leads_to_degree=data.leads_to_degree,
        on=data.starts_on,
    )
    programme = Programme.objects.create(
        provider=provider,
        name_fi=_text(data.name_fi, field=_("Nimi (suomi)"), max_length=200),
        name_sv=_text(data.name_sv, field=_("Nimi (ruotsi)"), max_length=200, required=False),
        name_en=_text(data.name_en, field=_("Nimi (englanti)"), max_length=200, required=False),
        type=data.type,
        description=data.description.strip(),
        days=int(data.days),
        seats=int(data.seats),
        min_group=int(data.min_group),
        place=_text(data.place, field=_("Paikka"), max_length=200, required=False),
        mode=data.mode,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        price=price,
        leads_to_degree=data.leads_to_degree,
        company=data.company if share else None,
        size_class=share.size_class if share else "",
        employer_share_percent=share.percentage if share else ZERO,
        employer_share=share.amount if share else ZERO,
        share_source=share.source if share else "",
    )
    seen: set[int] = set()
    for concept, level in data.skills:
        if concept.pk in seen:
            continue
        seen.add(concept.pk)
        ProgrammeSkill.objects.create(programme=programme, concept=concept, level=int(level))
    audit_event_record(
        actor=actor,
        action="training_programme.create",
        target=programme,
        changes={
            "type": [None, data.type],
            "price": [None, str(price)],
            "employer_share": [None, str(programme.employer_share)],
            "skills": [None, sorted(seen)],
        },
    )
    return programme


# --- a pasted course description --------------------------------------------------------------

_DAYS = re.compile(r"(\d{1,3})\s*(?:koulutus|opetus|lähi)?(?:päivää|päivä|pv|dagar|days)", re.I)
_SEATS = re.compile(r"(\d{1,3})\s*(?:opiskelija|osallistuja|paikka|aloituspaikka|platser|seats)")
_PRICE = re.compile(
    r"(\d{1,3}(?:[ \xa0.]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*(?:€|euroa\b|eur\b)", re.I
)
_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_PLACE = re.compile(r"(?:paikka|toteutuspaikka|ort|place)\s*:\s*([^\n,.;]+)", re.I)
_MODES = [
    (re.compile(r"monimuoto|blended|flerform", re.I), Programme.Mode.BLENDED),
    (re.compile(r"\betä|remote|distans", re.I), Programme.Mode.REMOTE),
    (re.compile(r"lähiopetus|contact|närundervisning", re.I), Programme.Mode.CONTACT),
]


@dataclass
class DescriptionSuggestion:
    """What a pasted course description suggests; the user confirms or corrects every field."""

    skills: list[dict[str, Any]]
    days: int | None = None
    seats: int | None = None
    place: str = ""
    mode: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    price: Decimal | None = None


def programme_description_parse(*, actor: User, text: str) -> DescriptionSuggestion:
    """Suggest skills (through the extraction engine) and figures from a course description.

    Nothing is saved: the user confirms the suggestions and `programme_create` stores them.
    """
    _require(actor, "manage_training")
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Liitä koulutuksen kuvaus."))
    if len(text) > 20000:
        raise DomainError(_("Kuvaus on liian pitkä (enintään 20 000 merkkiä)."))
    from kohtaanto.extraction.engine import extract

    result = extract(text, lang="auto")
    negated = {m.concept_id for m in result.negated}
    best: dict[int, Any] = {}
    for mention in result.concepts:
        if mention.type not in ("skill", "knowledge") or mention.concept_id in negated:
            continue
        if mention.concept_id not in best or mention.score > best[mention.concept_id].score:
            best[mention.concept_id] = mention
    skills = [
        {"concept_id": m.concept_id, "uri": m.uri, "label": m.label, "score": round(m.score, 3)}
        for m in sorted(best.values(), key=lambda m: (-m.score, m.label))
    ]
    suggestion = DescriptionSuggestion(skills=skills)
    if match := _DAYS.search(text):
        suggestion.days = int(match.group(1))
    if match := _SEATS.search(text):
        suggestion.seats = int(match.group(1))
    if match := _PRICE.search(text):
        raw = re.sub(r"[ \xa0.]", "", match.group(1)).replace(",", ".")
        suggestion.price = Decimal(raw)
    dates = []
    for d, m, y in _DATE.findall(text):
        try:
            dates.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    if dates:
        suggestion.starts_on, suggestion.ends_on = min(dates), max(dates)
    if match := _PLACE.search(text):
        suggestion.place = match.group(1).strip()[:200]
    for pattern, mode in _MODES:
        if pattern.search(text):
            suggestion.mode = mode
            break
    return suggestion


# --- orders ----------------------------------------------------------------------------------


def year_shares(*, starts_on: date, ends_on: date, amount: Decimal) -> list[tuple[int, Decimal]]:
    """Split `amount` over the calendar years of [starts_on, ends_on] by days in each year.

    Cents are rounded half up per year and the last year takes the remainder, so the parts
    always add up to the amount.
    """
    total_days = (ends_on - starts_on).days + 1
    parts: list[tuple[int, Decimal]] = []
    left = amount
    for year in range(starts_on.year, ends_on.year + 1):
        first = max(starts_on, date(year, 1, 1))
        last = min(ends_on, date(year, 12, 31))
        if year == ends_on.year:
            parts.append((year, left))
        else:
            part = cents(amount * Decimal((last - first).days + 1) / Decimal(total_days))
            parts.append((year, part))
            left -= part
    return [(year, part) for year, part in parts if part > 0]


def order_amount(programme: Programme, seats: int) -> Decimal:
    """The price of `seats` seats: the whole price for a full group, pro rata otherwise."""
    if seats == programme.seats:
        return programme.price
    return cents(programme.price * Decimal(seats) / Decimal(programme.seats))


def _check_order(agreement: Agreement, programme: Programme, seats: int, ordered_on: date) -> None:
    if programme.provider_id != agreement.provider_id:
        raise DomainError(
            _("Koulutus %(programme)s ei kuulu sopimuksen %(agreement)s järjestäjälle.")
            % {"programme": programme.name_fi, "agreement": agreement.title}
        )
    if agreement.status != Agreement.Status.ACTIVE:
        raise ConflictError(
            _("Sopimus %(agreement)s ei ole voimassa (tila: %(status)s).")
            % {"agreement": agreement.title, "status": agreement.get_status_display()}
        )
    if not programme.min_group <= seats <= programme.seats:
        raise DomainError(
            _("Tilattavia paikkoja on oltava %(min)s–%(max)s; annettu %(seats)s.")
            % {"min": programme.min_group, "max": programme.seats, "seats": seats}
        )
    outside = [
        (label, day)
        for label, day in (
            (_("tilauspäivä"), ordered_on),
            (_("koulutuksen alku"), programme.starts_on),
            (_("koulutuksen loppu"), programme.ends_on),
        )
        if not agreement.starts_on <= day <= agreement.ends_on
    ]
    if outside:
        label, day = outside[0]
        raise ConflictError(
            _(
                "Tilaus on sopimuskauden ulkopuolella: %(what)s %(day)s, sopimuskausi "
                "%(start)s–%(end)s."
            )
            % {
                "what": label,
                "day": _day(day),
                "start": _day(agreement.starts_on),
                "end": _day(agreement.ends_on),
            },
            code="outside_period",
        )


def _ceiling_check(agreement: Agreement, amount: Decimal) -> None:
    if agreement.ordered + amount > agreement.ceiling:
        raise ConflictError(
            _(
                "Tilaus ylittäisi sopimuksen enimmäismäärän: enimmäismäärä %(ceiling)s, "
                "tilattu %(ordered)s, tämä tilaus %(amount)s, ylitys %(excess)s."
            )
            % {
                "ceiling": format_eur(agreement.ceiling),
                "ordered": format_eur(agreement.ordered),
                "amount": format_eur(amount),
                "excess": format_eur(agreement.ordered + amount - agreement.ceiling),
            },
            code="over_ceiling",
        )


@transaction.atomic
def order_create(
    *,
    actor: User,
    agreement: Agreement,
    programme: Programme,
    seats: int | None = None,
    ordered_on: date | None = None,
    confirm: bool = True,
    note: str = "",
) -> Order:
    """Order seats of a programme under an agreement (a draft, or confirmed at once).

    The same checks as `order_confirm` run for a draft, so that a draft that cannot be
    confirmed is refused when it is made.
    """
    _require(actor, "order_training")
    _require(actor, "view_provider", agreement.provider)
    seats = programme.seats if seats is None else int(seats)
    ordered_on = ordered_on or timezone.localdate()
    _check_order(agreement, programme, seats, ordered_on)
    amount = order_amount(programme, seats)
    _ceiling_check(agreement, amount)
    order = Order.objects.create(
        agreement=agreement,
        programme=programme,
        seats=seats,
        amount=amount,
        ordered_on=ordered_on,
        note=note.strip(),
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="training_order.create",
        target=order,
        changes={"amount": [None, str(amount)], "seats": [None, seats]},
    )
    if confirm:
        return order_confirm(actor=actor, order=order)
    return order


def _appropriation_for(area_id: int, year: int) -> Appropriation:
    appropriation = (
        Appropriation.objects.filter(
            employment_area_id=area_id, year=year, line__code=TRAINING_BUDGET_LINE
        )
        .order_by("-available", "id")
        .first()
    )
    if appropriation is None:
        raise ConflictError(
            _(
                "Vuodelle %(year)s ei ole palveluhankintojen määrärahaa (budjettirivi "
                "%(line)s); tilausta ei voi sitoa."
            )
            % {"year": year, "line": TRAINING_BUDGET_LINE},
            code="no_appropriation",
        )
    return appropriation


def order_year_parts(
    *, starts_on: date, ends_on: date, ordered_on: date, amount: Decimal
) -> list[tuple[int, Decimal]]:
    """The order's amount by year: `year_shares` of the training period, with the shares of
    years before the order's own year added to that year (they cannot be bound on a closed
    year's appropriation)."""
    parts: dict[int, Decimal] = {}
    for year, part in year_shares(starts_on=starts_on, ends_on=ends_on, amount=amount):
        key = max(year, ordered_on.year)
        parts[key] = parts.get(key, ZERO) + part
    return sorted(parts.items())


def _order_description(order: Order) -> str:
    return _("Koulutustilaus: %(programme)s, %(seats)s paikkaa") % {
        "programme": order.programme.name_fi[:200],
        "seats": order.seats,
    }


def order_waiting_parts(order: Order) -> list[CommitmentYearPart]:
    """Later years' shares of the order that still wait for their year's appropriation."""
    return list(
        CommitmentYearPart.objects.filter(
            commitment__in=order.commitments.values("commitment"), booked__isnull=True
        ).order_by("year")
    )


@transaction.atomic
def order_year_part_book(
    *, actor: User, order: Order, year: int, booked_on: date | None = None
) -> OrderCommitment:
    """Book the order's waiting share of `year` on that year's appropriation (finance's
    `commitment_year_part_book`: not before 1 January of the year, same budget line).

    Refuses, changing nothing: an order not confirmed, a year without a waiting share, a
    year without an appropriation, a date before the year has begun.
    """
    _require(actor, "order_training")
    _require(actor, "view_provider", order.agreement.provider)
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != Order.Status.CONFIRMED:
        raise ConflictError(_("Vuoden osuuden voi kirjata vain vahvistetulle tilaukselle."))
    part = next((p for p in order_waiting_parts(order) if p.year == year), None)
    if part is None:
        raise ConflictError(
            _("Tilauksella ei ole kirjaamatonta vuoden %(year)s osuutta.") % {"year": year},
            code="no_waiting_part",
        )
    area_id = Provider.objects.values_list("employment_area_id", flat=True).get(
        pk=order.agreement.provider_id
    )
    booked = commitment_year_part_book(
        actor=actor,
        part=part,
        appropriation=_appropriation_for(area_id, year),
        booked_on=booked_on,
    )
    link = OrderCommitment.objects.create(order=order, year=year, commitment=booked)
    audit_event_record(
        actor=actor,
        action="training_order.year_part_book",
        target=order,
        changes={"year": [None, year], "amount": [None, str(part.amount)]},
    )
    return link


@transaction.atomic
def order_confirm(*, actor: User, order: Order) -> Order:
    """Confirm a draft order: check period and ceiling under lock, add it to the agreement's
    ordered sum and bind its amount on each year's appropriation (one commitment per year)."""
    _require(actor, "order_training")
    agreement = Agreement.objects.select_for_update().get(pk=order.agreement_id)
    _require(actor, "view_provider", agreement.provider)
    order = Order.objects.select_for_update().select_related("programme").get(pk=order.pk)
    if order.status != Order.Status.DRAFT:
        raise ConflictError(
            _("Vain luonnoksen voi vahvistaa; tilauksen tila on %(status)s.")
            % {"status": order.get_status_display()}
        )
    programme = order.programme
    _check_order(agreement, programme, order.seats, order.ordered_on)
    _ceiling_check(agreement, order.amount)
    area_id = agreement.provider.employment_area_id
    parts = order_year_parts(
        starts_on=programme.starts_on,
        ends_on=programme.ends_on,
        ordered_on=order.ordered_on,
        amount=order.amount,
    )
    first_year = parts[0][0]
    commitment = commitment_create_split(
        actor=actor,
        appropriation=_appropriation_for(area_id, first_year),
        parts=parts,
        description=_order_description(order),
        source_type=CommitmentSource.TRAINING_ORDER,
        source_id=str(order.pk),
        booked_on=order.ordered_on,
    )
    OrderCommitment.objects.create(order=order, year=first_year, commitment=commitment)
    agreement.ordered += order.amount
    agreement.save(update_fields=["ordered", "updated_at"])
    order.status = Order.Status.CONFIRMED
    order.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_order.confirm",
        target=order,
        changes={"status": [Order.Status.DRAFT, Order.Status.CONFIRMED]},
    )
    return order


def _invoice_commitment(actor: User, order: Order, invoiced_on: date) -> OrderCommitment:
    year = invoiced_on.year
    link = (
        OrderCommitment.objects.select_related("commitment").filter(order=order, year=year).first()
    )
    if link is not None:
        return link
    if any(part.year == year for part in order_waiting_parts(order)):
        return order_year_part_book(actor=actor, order=order, year=year, booked_on=invoiced_on)
    link = (
        OrderCommitment.objects.select_related("commitment")
        .filter(order=order, year__lt=year)
        .order_by("-year")
        .first()
    )
    if link is None:
        raise ConflictError(_("Tilauksella ei ole sitoumusta vuodelle %(year)s.") % {"year": year})
    return link


@transaction.atomic
def order_cancel(*, actor: User, order: Order) -> Order:
    """Cancel an order: a draft simply; a confirmed one that nothing has been invoiced on also
    frees its commitments (finance's `commitment_release`, reason cancellation) and its amount
    under the agreement's ceiling.

    Refused, changing nothing: an order already cancelled, an order with invoices, and a
    confirmed order whose later year's share still waits for its appropriation (finance keeps
    that share as an open obligation until it is booked; book it first, then cancel).
    """
    _require(actor, "order_training")
    agreement = Agreement.objects.select_for_update().get(pk=order.agreement_id)
    _require(actor, "view_provider", agreement.provider)
    order = Order.objects.select_for_update().get(pk=order.pk)
    old = order.status
    if old == Order.Status.CANCELLED:
        raise ConflictError(_("Tilaus on jo peruttu."))
    if order.invoiced > 0:
        raise ConflictError(
            _("Tilausta ei voi perua: siitä on laskutettu %(invoiced)s.")
            % {"invoiced": format_eur(order.invoiced)},
            code="invoiced",
        )
    if old == Order.Status.CONFIRMED:
        waiting = order_waiting_parts(order)
        if waiting:
            raise ConflictError(
                _(
                    "Tilausta ei voi perua, ennen kuin vuoden %(year)s osuus on kirjattu "
                    "määrärahalle; kirjaa osuus ja peru sitten tilaus."
                )
                % {"year": waiting[0].year},
                code="waiting_part",
            )
        for link in order.commitments.select_related("commitment").order_by("year"):
            if link.commitment.unpaid > 0:
                commitment_release(
                    actor=actor,
                    commitment=link.commitment,
                    reason=LedgerEntry.Reason.CANCELLATION,
                    description=_("Koulutustilaus peruttu"),
                )
        agreement.ordered -= order.amount
        agreement.save(update_fields=["ordered", "updated_at"])
    order.status = Order.Status.CANCELLED
    order.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_order.cancel",
        target=order,
        changes={"status": [old, Order.Status.CANCELLED]},
    )
    return order


@transaction.atomic
def invoice_record(
    *,
    actor: User,
    order: Order,
    number: str,
    amount: AmountInput,
    invoiced_on: date,
    carry_over_reason: str = "",
) -> Invoice:
    """Record the provider's invoice and pay it on the order's commitment of that year.

    The year's share of an order that spans the year end is booked on that year's
    appropriation by its first invoice if it still waits. A January invoice for the previous
    year's training is paid on that year's commitment as a carry-over with its reason
    (finance's rule). Refuses an unconfirmed order, a duplicate number, more than is left to
    invoice on the order, or more than the year's commitment has unpaid.
    """
    _require(actor, "order_training")
    agreement = Agreement.objects.select_for_update().get(pk=order.agreement_id)
    _require(actor, "view_provider", agreement.provider)
    order = Order.objects.select_for_update().get(pk=order.pk)
    value = amount_parse(amount, label=_("Summa"), field="amount")
    number = _text(number, field=_("Laskun numero"), max_length=60)
    if order.status != Order.Status.CONFIRMED:
        raise ConflictError(_("Laskun voi kirjata vain vahvistetulle tilaukselle."))
    if Invoice.objects.filter(order=order, number=number).exists():
        raise ConflictError(_("Lasku %(number)s on jo kirjattu.") % {"number": number})
    if order.invoiced + value > order.amount:
        raise ConflictError(
            _(
                "Lasku ylittää tilauksen: tilattu %(amount)s, laskutettu %(invoiced)s, "
                "tämä lasku %(value)s, ylitys %(excess)s."
            )
            % {
                "amount": format_eur(order.amount),
                "invoiced": format_eur(order.invoiced),
                "value": format_eur(value),
                "excess": format_eur(order.invoiced + value - order.amount),
            },
            code="over_order",
        )
    link = _invoice_commitment(actor, order, invoiced_on)
    invoice = Invoice.objects.create(
        order=order, number=number, amount=value, invoiced_on=invoiced_on
    )
    payment_record(
        actor=actor,
        commitment=link.commitment,
        amount=value,
        booked_on=invoiced_on,
        reference=number,
        description=_("Koulutuksen lasku %(number)s") % {"number": number},
        carry_over_reason=carry_over_reason,
    )
    order.invoiced += value
    order.save(update_fields=["invoiced", "updated_at"])
    agreement.invoiced += value
    agreement.save(update_fields=["invoiced", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_invoice.create",
        target=order,
        changes={"invoice": [None, number], "amount": [None, str(value)]},
    )
    return invoice


@transaction.atomic
def employer_invoice_record(
    *, actor: User, programme: Programme, invoiced_on: date, reference: str
) -> EmployerInvoice:
    """Record that the employer's share of a joint-purchase training was invoiced to it."""
    _require(actor, "order_training")
    _require(actor, "view_provider", programme.provider)
    if programme.company_id is None or programme.employer_share <= 0:
        raise DomainError(
            _("Koulutuksella %(programme)s ei ole työnantajan omarahoitusosuutta laskutettavaksi.")
            % {"programme": programme.name_fi}
        )
    if EmployerInvoice.objects.filter(programme=programme).exists():
        raise ConflictError(_("Työnantajan osuus on jo laskutettu."))
    assert programme.company is not None
    invoice = EmployerInvoice.objects.create(
        programme=programme,
        company=programme.company,
        amount=programme.employer_share,
        invoiced_on=invoiced_on,
        reference=_text(reference, field=_("Viite"), max_length=60),
    )
    audit_event_record(
        actor=actor,
        action="training_employer_invoice.create",
        target=programme,
        changes={"amount": [None, str(invoice.amount)], "company": [None, programme.company.name]},
    )
    return invoice


# --- enrolments ------------------------------------------------------------------------------


@transaction.atomic
def enrolment_create(
    *,
    actor: User,
    programme: Programme,
    job_seeker: JobSeeker | None = None,
    employee_name: str = "",
) -> Enrolment:
    """Enrol a job seeker (with a valid consent to processing) or a company's employee.

    Refuses: both or neither person; a person of another area; a person without consent; an
    employee in a programme without a company; a person already enrolled; a full programme.
    """
    _require(actor, "enrol_training", programme)
    employee_name = employee_name.strip()
    if (job_seeker is None) == (not employee_name):
        raise DomainError(_("Valitse joko työnhakija tai yrityksen työntekijä."))
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    if job_seeker is not None:
        if job_seeker.employment_area_id != locked.provider.employment_area_id:
            raise NotFoundError(_("Ei löytynyt."))
        if not consent_is_valid(job_seeker=job_seeker, purpose=ConsentPurpose.PROCESSING):
            raise ConflictError(
                _("Työnhakijalla ei ole voimassa olevaa suostumusta tietojen käsittelyyn."),
                code="no_consent",
            )
        if Enrolment.objects.filter(programme=locked, job_seeker=job_seeker).exists():
            raise ConflictError(_("Henkilö on jo ilmoittautunut tähän koulutukseen."))
    elif locked.company_id is None:
        raise DomainError(_("Yrityksen työntekijän voi ilmoittaa vain yhteishankintakoulutukseen."))
    taken = locked.enrolments.exclude(status=Enrolment.Status.INTERRUPTED).count()
    if taken >= locked.seats:
        raise ConflictError(
            _("Koulutus on täynnä: paikkoja %(seats)s, ilmoittautuneita %(taken)s.")
            % {"seats": locked.seats, "taken": taken},
            code="full",
        )
    enrolment = Enrolment.objects.create(
        programme=locked, job_seeker=job_seeker, employee_name=employee_name[:200]
    )
    audit_event_record(
        actor=actor,
        action="training_enrolment.create",
        target=enrolment,
        target_repr=f"{locked.pk}: {enrolment.pk}",
        changes={"programme": [None, locked.pk]},
    )
    return enrolment


def _lock_enrolment(actor: User, enrolment: Enrolment) -> Enrolment:
    _require(actor, "record_training_progress", enrolment)
    return (
        Enrolment.objects.select_for_update()
        .select_related("programme__provider")
        .get(pk=enrolment.pk)
    )


def _record(actor: User, enrolment: Enrolment, action: str, changes: dict[str, Any]) -> None:
    audit_event_record(
        actor=actor,
        action=action,
        target=enrolment,
        target_repr=f"{enrolment.programme_id}: {enrolment.pk}",
        changes=changes,
    )


@transaction.atomic
def attendance_record(*, actor: User, enrolment: Enrolment, days: int) -> Enrolment:
    """Set the days the person has attended (0 … the programme's days)."""
    locked = _lock_enrolment(actor, enrolment)
    if not 0 <= int(days) <= locked.programme.days:
        raise DomainError(
            _("Läsnäolopäiviä voi olla 0–%(max)s (koulutuksen pituus); annettu %(days)s.")
            % {"max": locked.programme.days, "days": days}
        )
    old = locked.attended_days
    locked.attended_days = int(days)
    locked.save(update_fields=["attended_days", "updated_at"])
    _record(actor, locked, "training_enrolment.attendance", {"attended_days": [old, int(days)]})
    return locked


def _require_open(enrolment: Enrolment) -> None:
    if enrolment.status != Enrolment.Status.ENROLLED:
        raise ConflictError(
            _("Osallistuminen on jo päättynyt (%(status)s).")
            % {"status": enrolment.get_status_display()}
        )


@transaction.atomic
def enrolment_complete(
    *, actor: User, enrolment: Enrolment, completed_on: date, certificate: str = ""
) -> Enrolment:
    """Mark the training completed; a job seeker's profile gains the taught skills.

    Each taught skill is set with source "training completed" at the programme's level, or
    kept at the person's higher level (through the jobseekers profile service).
    """
    locked = _lock_enrolment(actor, enrolment)
    _require_open(locked)
    programme = locked.programme
    if completed_on < programme.starts_on:
        raise DomainError(
            _("Suorituspäivä %(day)s on ennen koulutuksen alkua %(start)s.")
            % {"day": _day(completed_on), "start": _day(programme.starts_on)}
        )
    locked.status = Enrolment.Status.COMPLETED
    locked.completed_on = completed_on
    locked.certificate = _text(certificate, field=_("Todistus"), max_length=300, required=False)
    locked.save(update_fields=["status", "completed_on", "certificate", "updated_at"])
    if locked.job_seeker is not None:
        held = dict(
            ProfileSkill.objects.filter(job_seeker=locked.job_seeker).values_list(
                "concept_id", "level"
            )
        )
        for skill in programme.skills.select_related("concept"):
            if held.get(skill.concept_id, 0) > skill.level:
                continue
            profile_skill_set(
                actor=actor,
                job_seeker=locked.job_seeker,
                concept=skill.concept,
                level=skill.level,
                source=SkillSource.TRAINING_COMPLETED,
                evidence=programme.name_fi,
                assessed_on=completed_on,
            )
    _record(
        actor,
        locked,
        "training_enrolment.complete",
        {
            "status": [Enrolment.Status.ENROLLED, locked.status],
            "completed_on": [None, completed_on],
        },
    )
    return locked


@transaction.atomic
def enrolment_interrupt(
    *, actor: User, enrolment: Enrolment, interrupted_on: date, reason: str
) -> Enrolment:
    """Record an interruption with its reason; the seat is free again."""
    locked = _lock_enrolment(actor, enrolment)
    _require_open(locked)
    locked.interruption_reason = _text(reason, field=_("Keskeytyksen syy"), max_length=300)
    locked.status = Enrolment.Status.INTERRUPTED
    locked.interrupted_on = interrupted_on
    locked.save(update_fields=["status", "interrupted_on", "interruption_reason", "updated_at"])
    _record(
        actor,
        locked,
        "training_enrolment.interrupt",
        {"status": [Enrolment.Status.ENROLLED, locked.status], "reason": [None, reason]},
    )
    return locked


@transaction.atomic
def enrolment_outcome_record(
    *, actor: User, enrolment: Enrolment, outcome: str, recorded_on: date
) -> Enrolment:
    """Record the person's situation six months after the training ended (ESF+ longer-term
    results are counted six months after leaving, Regulation (EU) 2021/1057 Annex I)."""
    locked = _lock_enrolment(actor, enrolment)
    if outcome not in Enrolment.Outcome.values:
        raise DomainError(_("Tuntematon tilanne %(outcome)s.") % {"outcome": outcome})
    ended = locked.completed_on or locked.interrupted_on
    if ended is None:
        raise ConflictError(_("Tilanteen voi kirjata vasta koulutuksen päätyttyä."))
    due = add_months(ended, 6)
    if recorded_on < due:
        raise ConflictError(
            _(
                "Tilanne kirjataan kuusi kuukautta koulutuksen päättymisen jälkeen: päättyi "
                "%(ended)s, aikaisintaan %(due)s."
            )
            % {"ended": _day(ended), "due": _day(due)},
            code="too_early",
        )
    old = locked.outcome
    locked.outcome = outcome
    locked.outcome_on = recorded_on
    locked.save(update_fields=["outcome", "outcome_on", "updated_at"])
    _record(actor, locked, "training_enrolment.outcome", {"outcome": [old or None, outcome]})
    return locked


@transaction.atomic
def plan_orders_draft(*, actor: User, plan: Any) -> list[Order]:
    """Turn every purchase of a plan (selectors.training_plan) into a draft order under the
    agreement the plan chose; all or nothing."""
    _require(actor, "order_training")
    return [
        order_create(
            actor=actor,
            agreement=purchase.agreement,
            programme=purchase.programme,
            seats=purchase.seats,
            confirm=False,
            note=_("Ostosuunnitelmasta: %(placements)s odotettua työllistymistä.")
            % {"placements": purchase.expected_placements},
        )
        for purchase in plan.purchases
    ]

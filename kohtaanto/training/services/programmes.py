"""Training programmes with their taught skills; a joint-purchase programme carries the
employer's share from the rule in force on its start date, with the rule's source."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.validators import service_text
from kohtaanto.employers.models import Company
from kohtaanto.taxonomy.models import Concept, ConceptType
from kohtaanto.training.models import Programme, ProgrammeSkill, ProgrammeType, Provider
from kohtaanto.training.rules import employer_share
from kohtaanto.training.services.common import (
    ZERO,
    AmountInput,
    amount_parse,
    day_text,
)


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
            % {"end": day_text(data.ends_on), "start": day_text(data.starts_on)}
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


def _skills_add(programme: Programme, skills: list[tuple[Concept, int]]) -> set[int]:
    """The taught skills, each concept once (its first level); returns their concept ids."""
    seen: set[int] = set()
    for concept, level in skills:
        if concept.pk in seen:
            continue
        seen.add(concept.pk)
        ProgrammeSkill.objects.create(programme=programme, concept=concept, level=int(level))
    return seen


@transaction.atomic
def programme_create(*, actor: User, provider: Provider, data: ProgrammeData) -> Programme:
    """Add a programme with its taught skills; joint-purchase types get the employer's share.

    Refuses (nothing saved) bad figures, non-skill concepts, and everything `employer_share`
    refuses: a joint-purchase type without a company, a company without a size class, too few
    days, a degree, a missing share rule.
    """
    actor.permissions.require("manage_training")
    actor.permissions.require("view_provider", provider)
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
        name_fi=service_text(data.name_fi, field=_("Nimi (suomi)"), max_length=200),
        name_sv=service_text(
            data.name_sv, field=_("Nimi (ruotsi)"), max_length=200, required=False
        ),
        name_en=service_text(
            data.name_en, field=_("Nimi (englanti)"), max_length=200, required=False
        ),
        type=data.type,
        description=data.description.strip(),
        days=int(data.days),
        seats=int(data.seats),
        min_group=int(data.min_group),
        place=service_text(data.place, field=_("Paikka"), max_length=200, required=False),
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
    taught = _skills_add(programme, data.skills)
    audit_event_record(
        actor=actor,
        action="training_programme.create",
        target=programme,
        changes={
            "type": [None, data.type],
            "price": [None, str(price)],
            "employer_share": [None, str(programme.employer_share)],
            "skills": [None, sorted(taught)],
        },
    )
    return programme

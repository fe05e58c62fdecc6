"""Vacancies: structured from a form, the API, an import or a pasted job ad; their states."""

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Municipality, User
from kohtaanto.audit.services import audit_event_record, diff
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import (
    Company,
    ContractType,
    SkillLevel,
    Vacancy,
    VacancyRequirement,
    VacancySkill,
    VacancyState,
    WagePeriod,
)
from kohtaanto.taxonomy.models import Concept, ConceptType

SKILL_TYPES = (ConceptType.SKILL, ConceptType.KNOWLEDGE)

# Allowed state changes; filled and closed are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    VacancyState.DRAFT: frozenset({VacancyState.OPEN, VacancyState.CLOSED}),
    VacancyState.OPEN: frozenset({VacancyState.FILLED, VacancyState.CLOSED}),
    VacancyState.FILLED: frozenset(),
    VacancyState.CLOSED: frozenset(),
}


@dataclass
class SkillInput:
    concept: Concept
    essential: bool = True
    level: int | None = None


@dataclass
class VacancyData:
    title: str
    occupation: Concept | None = None
    description: str = ""
    municipality: Municipality | None = None
    remote_possible: bool = False
    commuting_possible: bool = False
    positions: int = 1
    start_date: date | None = None
    contract_type: str = ""
    wage_min: Decimal | None = None
    wage_max: Decimal | None = None
    wage_period: str = WagePeriod.MONTH
    closing_date: date | None = None
    skills: list[SkillInput] = field(default_factory=list)
    requirements: list[Concept] = field(default_factory=list)


_BASIC_FIELDS = tuple(
    f.name for f in fields(VacancyData) if f.name not in ("skills", "requirements")
)


def vacancy_values(data: VacancyData) -> dict[str, Any]:
    """The stored basics of `data`, or FieldError naming the first refused field.

    Invariants: a title; at least one position; the occupation is an occupation concept,
    skills are skills or knowledge with level 1–4, each once, and hard requirements are
    requirement concepts, each once; wages are not negative and the minimum is at most the
    maximum.
    """
    title = (data.title or "").strip()
    if not title:
        raise FieldError("title", _("Tehtävänimike puuttuu."))
    if not 1 <= data.positions <= 1000:
        raise FieldError("positions", _("Paikkoja on oltava 1–1000."))
    if data.occupation is not None and data.occupation.type != ConceptType.OCCUPATION:
        raise FieldError("occupation", _("{label} ei ole ammatti.").format(label=data.occupation))
    if data.contract_type and data.contract_type not in ContractType.values:
        raise FieldError("contract_type", _("Tuntematon työsuhteen laji."))
    if data.wage_period not in WagePeriod.values:
        raise FieldError("wage_period", _("Tuntematon palkan jakso."))
    for name in ("wage_min", "wage_max"):
        value = getattr(data, name)
        if value is not None and value < 0:
            raise FieldError(name, _("Palkka ei voi olla negatiivinen."))
    if data.wage_min is not None and data.wage_max is not None and data.wage_min > data.wage_max:
        raise FieldError("wage_max", _("Palkan yläraja on pienempi kuin alaraja."))
    seen: set[int] = set()
    for skill in data.skills:
        if skill.concept.type not in SKILL_TYPES:
            raise FieldError("skills", _("{label} ei ole osaaminen.").format(label=skill.concept))
        if skill.level is not None and skill.level not in SkillLevel.values:
            raise FieldError("skills", _("Osaamisen tason on oltava 1–4."))
        if skill.concept.pk in seen:
            raise FieldError(
                "skills", _("{label} on listassa kahdesti.").format(label=skill.concept)
            )
        seen.add(skill.concept.pk)
    seen = set()
    for requirement in data.requirements:
        if requirement.type != ConceptType.REQUIREMENT:
            raise FieldError(
                "requirements", _("{label} ei ole vaatimus.").format(label=requirement)
            )
        if requirement.pk in seen:
            raise FieldError(
                "requirements", _("{label} on listassa kahdesti.").format(label=requirement)
            )
        seen.add(requirement.pk)
    values = {name: getattr(data, name) for name in _BASIC_FIELDS}
    values["title"] = title
    return values


def _skills_key(data: VacancyData) -> list[Any]:
    return sorted([s.concept.uri, s.essential, s.level] for s in data.skills)


def _stored_skills_key(vacancy: Vacancy) -> list[Any]:
    return sorted(
        # .all() so that a prefetch (imports) is used
        [s.concept.uri, s.essential, s.level]
        for s in vacancy.skills.all()
    )


def _write_skills(vacancy: Vacancy, data: VacancyData) -> None:
    vacancy.skills.all().delete()
    vacancy.requirements.all().delete()
    VacancySkill.objects.bulk_create(
        VacancySkill(vacancy=vacancy, concept=s.concept, essential=s.essential, level=s.level)
        for s in data.skills
    )
    VacancyRequirement.objects.bulk_create(
        VacancyRequirement(vacancy=vacancy, concept=c) for c in data.requirements
    )


def _comparable(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    out["occupation"] = out["occupation"].pk if out["occupation"] is not None else None
    # The audit log names a municipality by its code, as the job seeker's record does.
    out["municipality"] = out["municipality"].code if out["municipality"] is not None else None
    return out


@transaction.atomic
def vacancies_with_external_ids(*, area_id: int, external_ids: list[str]) -> QuerySet[Vacancy]:
    """The area's vacancies with these external ids. The query repeats the condition of the
    partial unique index (external_id <> '') so that SQLite and PostgreSQL can answer from that
    index instead of scanning the area's vacancies."""
    return Vacancy.objects.filter(employment_area_id=area_id, external_id__in=external_ids).exclude(
        external_id=""
    )


def vacancy_create(
    *,
    actor: User | None,
    company: Company,
    data: VacancyData,
    external_id: str = "",
    state: str = VacancyState.DRAFT,
) -> Vacancy:
    """Create a vacancy of `company` with its skills and hard requirements (a draft unless
    an import brings an already published one). External ids are unique within the area."""
    values = vacancy_values(data)
    if state not in (VacancyState.DRAFT, VacancyState.OPEN):
        raise FieldError("state", _("Uusi työpaikka on luonnos tai avoinna."))
    if (
        external_id
        and vacancies_with_external_ids(
            area_id=company.employment_area_id, external_ids=[external_id]
        ).exists()
    ):
        raise ConflictError(
            _("Ulkoinen tunniste {external_id} on jo käytössä.").format(external_id=external_id)
        )
    vacancy = Vacancy.objects.create(
        employment_area_id=company.employment_area_id,
        company=company,
        external_id=external_id,
        state=state,
        published_at=timezone.now() if state == VacancyState.OPEN else None,
        created_by=actor,
        **values,
    )
    _write_skills(vacancy, data)
    audit_event_record(
        actor=actor,
        action="vacancy.create",
        target=vacancy,
        changes=diff({}, _comparable(values))
        | {
            "company": [None, company.pk],
            "state": [None, state],
            "skills": [None, _skills_key(data)],
            "requirements": [None, sorted(c.uri for c in data.requirements)],
        },
    )
    return vacancy


def vacancy_changes(vacancy: Vacancy, values: dict[str, Any], data: VacancyData) -> dict[str, Any]:
    """Field → [stored, new] for what `values` (from vacancy_values) and `data`'s skills and
    requirements would change."""
    before = {name: getattr(vacancy, name) for name in _BASIC_FIELDS}
    changes = diff(_comparable(before), _comparable(values))
    old_skills, new_skills = _stored_skills_key(vacancy), _skills_key(data)
    if old_skills != new_skills:
        changes["skills"] = [old_skills, new_skills]
    old_reqs = sorted(r.concept.uri for r in vacancy.requirements.all())
    new_reqs = sorted(c.uri for c in data.requirements)
    if old_reqs != new_reqs:
        changes["requirements"] = [old_reqs, new_reqs]
    return changes


@transaction.atomic
def vacancy_update(*, actor: User | None, vacancy: Vacancy, data: VacancyData) -> Vacancy:
    """Change a draft or open vacancy; filled and closed ones are history. Writes nothing
    when `data` equals what is stored."""
    vacancy = (
        Vacancy.objects.select_for_update()
        .prefetch_related("skills__concept", "requirements__concept")
        .get(pk=vacancy.pk)
    )
    if vacancy.state not in (VacancyState.DRAFT, VacancyState.OPEN):
        raise ConflictError(_("Täytettyä tai suljettua työpaikkaa ei voi muuttaa."))
    values = vacancy_values(data)
    changes = vacancy_changes(vacancy, values, data)
    if not changes:
        return vacancy
    for key, value in values.items():
        setattr(vacancy, key, value)
    vacancy.save(update_fields=[*values.keys(), "updated_at"])
    if "skills" in changes or "requirements" in changes:
        _write_skills(vacancy, data)
    audit_event_record(actor=actor, action="vacancy.update", target=vacancy, changes=changes)
    return vacancy


@transaction.atomic
def vacancy_transition(*, actor: User, vacancy: Vacancy, to_state: str) -> Vacancy:
    """Move a vacancy along draft → open → filled/closed (a draft may also be closed).

    Opening needs a closing date that has not passed, if one is set. The row is locked so
    that two people cannot move it at once.
    """
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if to_state not in TRANSITIONS.get(vacancy.state, frozenset()):
        raise ConflictError(
            _("Tilasta {old} ei voi siirtyä tilaan {new}.").format(
                old=VacancyState(vacancy.state).label,
                new=VacancyState(to_state).label if to_state in VacancyState.values else to_state,
            ),
            code="invalid_transition",
        )
    now = timezone.now()
    if to_state == VacancyState.OPEN:
        if vacancy.closing_date and vacancy.closing_date < timezone.localdate():
            raise ConflictError(_("Hakuaika on jo päättynyt; muuta päättymispäivää ensin."))
        vacancy.published_at = now
    else:
        vacancy.ended_at = now
    old_state = vacancy.state
    vacancy.state = to_state
    vacancy.save(update_fields=["state", "published_at", "ended_at", "updated_at"])
    audit_event_record(
        actor=actor,
        action="vacancy.transition",
        target=vacancy,
        changes={"state": [old_state, to_state]},
    )
    return vacancy

"""The skills profile: skills with levels, requirement cards, target occupations and languages
(a CV's suggestions enter it through `services.cv`)."""

import datetime
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.dates import add_months
from kohtaanto.jobseekers.languages import ISO_639_1
from kohtaanto.jobseekers.models import (
    CefrLevel,
    JobSeeker,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.validation import raise_if
from kohtaanto.taxonomy.models import Concept, ConceptType

SKILL_TYPES = (ConceptType.SKILL, ConceptType.KNOWLEDGE)


def _profile_target(job_seeker: JobSeeker, concept: Concept) -> str:
    return f"{job_seeker.pk}: {concept.uri}"


def _check_concept(concept: Concept, types: Iterable[str], field: str) -> None:
    if concept.type not in tuple(types):
        raise_if([(field, _("Käsite on väärää tyyppiä: %(type)s.") % {"type": concept.type})])


R = TypeVar("R", ProfileSkill, RequirementCard)


def _concept_row_set(
    model: type[R],
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    concept: Concept,
    values: dict[str, Any],
    action: str,
) -> R:
    """Add the person's row for `concept` or update it to `values`, with the audit event
    `<action>.add` or `<action>.update` (nothing is written when nothing changes)."""
    row = model.objects.select_for_update().filter(job_seeker=job_seeker, concept=concept).first()
    if row is None:
        row = model.objects.create(
            job_seeker=job_seeker, concept=concept, recorded_by=actor, **values
        )
        changes = {k: [None, v] for k, v in values.items()}
        verb = "add"
    else:
        changes = {k: [getattr(row, k), v] for k, v in values.items() if getattr(row, k) != v}
        if not changes:
            return row
        for k, v in values.items():
            setattr(row, k, v)
        row.recorded_by = actor
        row.save(update_fields=[*values, "recorded_by", "updated_at"])
        verb = "update"
    audit_event_record(
        actor=actor,
        action=f"{action}.{verb}",
        target=row,
        target_repr=_profile_target(job_seeker, concept),
        changes=changes,
    )
    return row


@transaction.atomic
def profile_skill_set(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    concept: Concept,
    level: int,
    source: str,
    evidence: str = "",
    assessed_on: datetime.date | None = None,
) -> ProfileSkill:
    """Add a skill to the profile or update its level, source and evidence.

    Invariants: the concept is a skill or knowledge concept; level is 1–4; one row per
    person and concept.
    """
    _check_concept(concept, SKILL_TYPES, "concept")
    errors = []
    if not 1 <= int(level) <= 4:
        errors.append(("level", _("Tason on oltava 1–4.")))
    if source not in SkillSource.values:
        errors.append(("source", _("Tuntematon lähde.")))
    raise_if(errors)
    values = {
        "level": int(level),
        "source": source,
        "evidence": evidence.strip(),
        "assessed_on": assessed_on or timezone.localdate(),
    }
    return _concept_row_set(
        ProfileSkill,
        actor=actor,
        job_seeker=job_seeker,
        concept=concept,
        values=values,
        action="profile_skill",
    )


def _remove(actor: User | None, obj: Any, action: str) -> None:
    audit_event_record(
        actor=actor,
        action=action,
        target=obj,
        target_repr=_profile_target(obj.job_seeker, obj.concept)
        if hasattr(obj, "concept")
        else f"{obj.job_seeker_id}: {obj}",
        changes={"removed": [str(obj), None]},
    )
    obj.delete()


@transaction.atomic
def profile_skill_remove(*, actor: User | None, skill: ProfileSkill) -> None:
    _remove(actor, skill, "profile_skill.remove")


@transaction.atomic
def requirement_card_set(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    concept: Concept,
    acquired_on: datetime.date | None = None,
    expires_on: datetime.date | None = None,
    source: str = SkillSource.CERTIFICATE,
    evidence: str = "",
) -> RequirementCard:
    """Add or update a card, licence or qualification.

    When no expiry date is given, it follows from the acquisition date and the card's
    validity (Concept.validity_months, e.g. tulityökortti 5 years); a card without a known
    validity does not expire.
    """
    _check_concept(concept, (ConceptType.REQUIREMENT,), "concept")
    if expires_on is None and acquired_on is not None and concept.validity_months:
        expires_on = add_months(acquired_on, concept.validity_months)
    errors = []
    if acquired_on and acquired_on > timezone.localdate():
        errors.append(("acquired_on", _("Suorituspäivä ei voi olla tulevaisuudessa.")))
    if acquired_on and expires_on and expires_on < acquired_on:
        errors.append(("expires_on", _("Voimassaolo ei voi päättyä ennen suorituspäivää.")))
    if source not in SkillSource.values:
        errors.append(("source", _("Tuntematon lähde.")))
    raise_if(errors)
    values = {
        "acquired_on": acquired_on,
        "expires_on": expires_on,
        "source": source,
        "evidence": evidence.strip(),
    }
    return _concept_row_set(
        RequirementCard,
        actor=actor,
        job_seeker=job_seeker,
        concept=concept,
        values=values,
        action="requirement_card",
    )


@transaction.atomic
def requirement_card_remove(*, actor: User | None, card: RequirementCard) -> None:
    _remove(actor, card, "requirement_card.remove")


@transaction.atomic
def target_occupation_add(
    *, actor: User | None, job_seeker: JobSeeker, concept: Concept
) -> TargetOccupation:
    _check_concept(concept, (ConceptType.OCCUPATION,), "concept")
    target, created = TargetOccupation.objects.get_or_create(
        job_seeker=job_seeker, concept=concept, defaults={"recorded_by": actor}
    )
    if created:
        audit_event_record(
            actor=actor,
            action="target_occupation.add",
            target=target,
            target_repr=_profile_target(job_seeker, concept),
            changes={"concept": [None, concept.uri]},
        )
    return target


@transaction.atomic
def target_occupation_remove(*, actor: User | None, target: TargetOccupation) -> None:
    _remove(actor, target, "target_occupation.remove")


@transaction.atomic
def language_skill_set(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    language: str,
    level: str,
    is_native: bool = False,
) -> LanguageSkill:
    """Add or update a language (ISO 639-1 code) with its CEFR level (A1–C2)."""
    language = language.strip().lower()
    errors = []
    if language not in ISO_639_1:
        errors.append(("language", _("Kielen on oltava ISO 639-1 -koodi, esimerkiksi fi.")))
    if level not in CefrLevel.values:
        errors.append(("level", _("Tason on oltava A1, A2, B1, B2, C1 tai C2.")))
    raise_if(errors)
    skill = (
        LanguageSkill.objects.select_for_update()
        .filter(job_seeker=job_seeker, language=language)
        .first()
    )
    if skill is None:
        skill = LanguageSkill.objects.create(
            job_seeker=job_seeker,
            language=language,
            level=level,
            is_native=is_native,
            recorded_by=actor,
        )
        changes: dict[str, list[Any]] = {
            "language": [None, language],
            "level": [None, level],
            "is_native": [None, is_native],
        }
    else:
        changes = {
            k: [getattr(skill, k), v]
            for k, v in (("level", level), ("is_native", is_native))
            if getattr(skill, k) != v
        }
        if not changes:
            return skill
        skill.level, skill.is_native, skill.recorded_by = level, is_native, actor
        skill.save(update_fields=["level", "is_native", "recorded_by", "updated_at"])
    audit_event_record(
        actor=actor,
        action="language_skill.set",
        target=skill,
        target_repr=f"{job_seeker.pk}: {language}",
        changes=changes,
    )
    return skill


@transaction.atomic
def language_skill_remove(*, actor: User | None, skill: LanguageSkill) -> None:
    _remove(actor, skill, "language_skill.remove")

"""Job seekers with profiles: the bulk writes of one checked chunk of people."""

from typing import Any

from django.utils import timezone

from kohtaanto.accounts.models import EmploymentArea, User
from kohtaanto.audit.services import audit_events_record_many
from kohtaanto.common.imports import ImportResult, rows_insert
from kohtaanto.jobseekers.importers.job_seeker_rows import CHUNK, JobSeekerRecord
from kohtaanto.jobseekers.models import (
    JobSeeker,
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)


def apply_job_seekers(
    records: list[JobSeekerRecord],
    *,
    area: EmploymentArea,
    actor: User | None,
    result: ImportResult,
) -> None:
    """Write one checked chunk: new people and their profiles in bulk inserts, changed people
    field by field, changed skill levels and sources in one bulk update."""
    now = timezone.now()
    today = timezone.localdate(now)
    recorded_by = actor if actor is not None and actor.is_authenticated else None
    # Only what is compared, written back or named in the audit event (str() reads the
    # pseudonymisation time).
    people = {
        p.external_id: p
        for p in JobSeeker.objects.select_for_update()
        .filter(employment_area=area, external_id__in=[r.external_id for r in records])
        .only(
            "external_id",
            "first_name",
            "last_name",
            "municipality",
            "pseudonymised_at",
            "updated_at",
        )
    }
    ids = [p.pk for p in people.values()]
    # Existing skills as plain values: a re-import reads every one and changes few.
    skills = {
        (person_id, concept_id): (pk, level, source)
        for pk, person_id, concept_id, level, source in ProfileSkill.objects.filter(
            job_seeker_id__in=ids
        ).values_list("pk", "job_seeker_id", "concept_id", "level", "source")
    }
    cards = set(
        RequirementCard.objects.filter(job_seeker_id__in=ids).values_list(
            "job_seeker_id", "concept_id"
        )
    )
    targets = set(
        TargetOccupation.objects.filter(job_seeker_id__in=ids).values_list(
            "job_seeker_id", "concept_id"
        )
    )
    fields = ("external_id", "first_name", "last_name", "municipality")
    new_people = [
        JobSeeker(
            employment_area=area,
            external_id=r.external_id,
            first_name=r.first_name,
            last_name=r.last_name,
            municipality=r.municipality,
        )
        for r in records
        if r.external_id not in people
    ]
    JobSeeker.objects.bulk_create(new_people, batch_size=CHUNK)
    created = {p.external_id: p for p in new_people}
    # Profile rows go in as plain values (common.imports.rows_insert): 20 skills a person made
    # building model instances the larger part of an import's time.
    recorded_by_id = recorded_by.pk if recorded_by is not None else None
    new_skills: list[dict[str, Any]] = []
    changed_skills: list[ProfileSkill] = []
    new_cards: list[dict[str, Any]] = []
    new_targets: list[dict[str, Any]] = []
    events: list[tuple[str, Any, dict[str, Any]]] = []
    changed_people: list[JobSeeker] = []
    for record in records:
        person = people.get(record.external_id) or created[record.external_id]
        is_new = record.external_id in created
        changes: dict[str, Any] = {}
        if not is_new:
            for name in fields:
                value = getattr(record, name)
                # The municipality is compared by id: reading it would cost a query a person.
                if name == "municipality":
                    if person.municipality_id == (value.pk if value else None):
                        continue
                    old = person.municipality
                elif getattr(person, name) == value:
                    continue
                else:
                    old = getattr(person, name)
                changes[name] = [old, value]
                setattr(person, name, value)
            if changes:
                person.updated_at = now
                changed_people.append(person)
        person_id = person.pk
        skill_changes = []
        for concept, level, source in record.skills:
            current = skills.get((person_id, concept.id))
            if current is None:
                new_skills.append(
                    {
                        "job_seeker_id": person_id,
                        "concept_id": concept.id,
                        "level": level,
                        "source": source,
                        "assessed_on": today,
                        "recorded_by_id": recorded_by_id,
                    }
                )
                skill_changes.append([concept.uri, None, [level, source]])
            elif current[1:] != (level, source):
                skill_changes.append([concept.uri, [current[1], current[2]], [level, source]])
                changed_skills.append(
                    ProfileSkill(
                        pk=current[0],
                        level=level,
                        source=source,
                        recorded_by=recorded_by,
                        updated_at=now,
                    )
                )
        card_uris = []
        for concept in record.requirements:
            if (person_id, concept.id) not in cards:
                new_cards.append(
                    {
                        "job_seeker_id": person_id,
                        "concept_id": concept.id,
                        "source": SkillSource.SELF_ASSESSED,
                        "recorded_by_id": recorded_by_id,
                    }
                )
                card_uris.append(concept.uri)
        target_uris = []
        for concept in record.targets:
            if (person_id, concept.id) not in targets:
                new_targets.append(
                    {
                        "job_seeker_id": person_id,
                        "concept_id": concept.id,
                        "recorded_by_id": recorded_by_id,
                    }
                )
                target_uris.append(concept.uri)
        if skill_changes:
            changes["skills"] = skill_changes
        if card_uris:
            changes["requirements"] = [None, card_uris]
        if target_uris:
            changes["target_occupations"] = [None, target_uris]
        if is_new:
            values = {name: [None, getattr(record, name)] for name in fields}
            events.append(("job_seeker.import_create", person, values | changes))
            result.created += 1
        elif changes:
            events.append(("job_seeker.import_update", person, changes))
            result.updated += 1
        else:
            result.unchanged += 1
    if changed_people:
        JobSeeker.objects.bulk_update(changed_people, [*fields, "updated_at"], batch_size=CHUNK)
    rows_insert(ProfileSkill, new_skills)
    if changed_skills:
        ProfileSkill.objects.bulk_update(
            changed_skills, ["level", "source", "recorded_by", "updated_at"], batch_size=CHUNK
        )
    rows_insert(RequirementCard, new_cards)
    rows_insert(TargetOccupation, new_targets)
    audit_events_record_many(actor=actor, events=events)

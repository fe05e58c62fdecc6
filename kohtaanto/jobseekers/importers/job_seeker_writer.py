"""Job seekers with profiles: the bulk writes of one checked chunk of people."""

from typing import Any

from django.utils import timezone

from kohtaanto.accounts.models import EmploymentArea, User
from kohtaanto.audit.services import audit_events_record_plain
from kohtaanto.common.imports import ImportResult, rows_insert
from kohtaanto.common.imports.bulk import rows_insert_ids
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
    # New people as plain rows too, their ids returned (common.imports.rows_insert_ids).
    new_records = [r for r in records if r.external_id not in people]
    new_ids = rows_insert_ids(
        JobSeeker,
        ((r.external_id, r.first_name, r.last_name, _pk(r.municipality)) for r in new_records),
        columns=(*fields[:3], "municipality_id"),
        same={"employment_area_id": area.pk},
    )
    created = {r.external_id: pk for r, pk in zip(new_records, new_ids, strict=True)}
    # Profile rows go in as plain tuples (common.imports.rows_insert): 20 skills a person made
    # building model instances the larger part of an import's time.
    recorded_by_id = recorded_by.pk if recorded_by is not None else None
    new_skills: list[tuple[int, int, int, str]] = []
    changed_skills: list[ProfileSkill] = []
    new_cards: list[tuple[int, int]] = []
    new_targets: list[tuple[int, int]] = []
    # (action, person's id, person's text, changes): the changes are plain JSON already,
    # a municipality by its code as the job seeker's own audit events name it.
    events: list[tuple[str, int, str, dict[str, Any]]] = []
    changed_people: list[JobSeeker] = []
    for record in records:
        person = people.get(record.external_id)
        changes: dict[str, Any] = {}
        if person is not None:
            person_id = person.pk
            for name in fields:
                value = getattr(record, name)
                # The municipality is compared by id: reading it would cost a query a person.
                if name == "municipality":
                    if person.municipality_id == (value.pk if value else None):
                        continue
                    changes[name] = [_code(person.municipality), _code(value)]
                elif getattr(person, name) == value:
                    continue
                else:
                    changes[name] = [getattr(person, name), value]
                setattr(person, name, value)
            if changes:
                person.updated_at = now
                changed_people.append(person)
        else:
            person_id = created[record.external_id]
        if person is None:
            # A new person has no profile yet: every skill is new.
            given = record.skills
            new_skills.extend([(person_id, c.id, level, source) for c, level, source in given])
            skill_changes = [[c.uri, None, [level, source]] for c, level, source in given]
        else:
            skill_changes = []
            for concept, level, source in record.skills:
                current = skills.get((person_id, concept.id))
                if current is None:
                    new_skills.append((person_id, concept.id, level, source))
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
                new_cards.append((person_id, concept.id))
                card_uris.append(concept.uri)
        target_uris = []
        for concept in record.targets:
            if (person_id, concept.id) not in targets:
                new_targets.append((person_id, concept.id))
                target_uris.append(concept.uri)
        if skill_changes:
            changes["skills"] = skill_changes
        if card_uris:
            changes["requirements"] = [None, card_uris]
        if target_uris:
            changes["target_occupations"] = [None, target_uris]
        if person is None:
            values = {
                "external_id": [None, record.external_id],
                "first_name": [None, record.first_name],
                "last_name": [None, record.last_name],
                "municipality": [None, _code(record.municipality)],
            }
            # The text a new person's str() gives (JobSeeker.display_name).
            text = f"{record.first_name} {record.last_name}"
            events.append(("job_seeker.import_create", person_id, text, values | changes))
            result.created += 1
        elif changes:
            events.append(("job_seeker.import_update", person_id, str(person), changes))
            result.updated += 1
        else:
            result.unchanged += 1
    if changed_people:
        JobSeeker.objects.bulk_update(changed_people, [*fields, "updated_at"], batch_size=CHUNK)
    rows_insert(
        ProfileSkill,
        new_skills,
        columns=("job_seeker_id", "concept_id", "level", "source"),
        same={"assessed_on": today, "recorded_by_id": recorded_by_id},
    )
    if changed_skills:
        ProfileSkill.objects.bulk_update(
            changed_skills, ["level", "source", "recorded_by", "updated_at"], batch_size=CHUNK
        )
    rows_insert(
        RequirementCard,
        new_cards,
        columns=("job_seeker_id", "concept_id"),
        same={"source": SkillSource.SELF_ASSESSED.value, "recorded_by_id": recorded_by_id},
    )
    rows_insert(
        TargetOccupation,
        new_targets,
        columns=("job_seeker_id", "concept_id"),
        same={"recorded_by_id": recorded_by_id},
    )
    audit_events_record_plain(actor=actor, target_type=JobSeeker, events=events)


def _pk(obj: Any) -> Any:
    return obj.pk if obj is not None else None


def _code(municipality: Any) -> str | None:
    """A municipality as the audit log names it: by its code."""
    return municipality.code if municipality is not None else None

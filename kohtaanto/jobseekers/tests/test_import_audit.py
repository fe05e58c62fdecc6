"""The audit events of a job-seeker import, field by field: what a person's create and update
events hold does not depend on how the rows are written."""

import json

import pytest

from kohtaanto.accounts.models import Municipality
from kohtaanto.audit.models import AuditEvent
from kohtaanto.jobseekers.importers import job_seekers_import
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory, RequirementFactory

SKILL = "http://data.europa.eu/esco/skill/test-audit-skill"


def _line(**values):
    person = {"external_id": "A-1", "first_name": "Åsa", "last_name": "Björk-Mäkelä", **values}
    return json.dumps(person, ensure_ascii=False) + "\n"


def _event(action):
    event = AuditEvent.objects.get(action=action)
    return event.target_type, event.target_id, event.target_repr, event.changes


@pytest.mark.django_db
def test_create_and_update_events_hold_every_field_old_and_new(area, django_user_model):
    ConceptFactory(uri=SKILL)
    card = RequirementFactory()
    occupation = OccupationFactory()
    kannus = Municipality.objects.get(code="217")
    actor = django_user_model.objects.create_user(username="tuoja", password="x" * 20)
    text = _line(
        municipality="272",
        skills=[{"uri": SKILL, "level": 2}],
        requirements=[card.uri],
        target_occupations=[occupation.uri],
    )
    job_seekers_import(text=text, area=area, actor=actor, filename="a.jsonl")
    person = JobSeeker.objects.get(external_id="A-1")
    assert _event("job_seeker.import_create") == (
        "jobseekers.jobseeker",
        str(person.pk),
        "Åsa Björk-Mäkelä",
        {
            "external_id": [None, "A-1"],
            "first_name": [None, "Åsa"],
            "last_name": [None, "Björk-Mäkelä"],
            "municipality": [None, "272"],  # by its code, as every audit event names it
            "skills": [[SKILL, None, [2, "self_assessed"]]],
            "requirements": [None, [card.uri]],
            "target_occupations": [None, [occupation.uri]],
        },
    )
    created = AuditEvent.objects.get(action="job_seeker.import_create")
    assert (created.actor_id, created.actor_username) == (actor.pk, "tuoja")
    assert person.skills.get().recorded_by == actor
    text = _line(
        first_name="Åse",
        municipality="Kannus",
        skills=[{"uri": SKILL, "level": 3, "source": "certificate"}],
    )
    job_seekers_import(text=text, area=area, actor=actor, filename="a.jsonl")
    assert _event("job_seeker.import_update") == (
        "jobseekers.jobseeker",
        str(person.pk),
        "Åse Björk-Mäkelä",
        {
            "first_name": ["Åsa", "Åse"],
            "municipality": ["272", "217"],
            "skills": [[SKILL, [2, "self_assessed"], [3, "certificate"]]],
        },
    )
    person.refresh_from_db()
    assert (person.first_name, person.municipality) == ("Åse", kannus)
    assert AuditEvent.objects.filter(action="job_seeker.import").count() == 2

"""Hostile and careless files through the job-seeker and participant imports: a clear error
with line and column, nothing written, never a traceback."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import UniqueConstraint

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.jobseekers.importers import job_seekers_import, participants_import
from kohtaanto.jobseekers.models import JobSeeker, ProfileSkill, RequirementCard, TargetOccupation
from kohtaanto.taxonomy.tests.factories import ConceptFactory

DATA = Path(__file__).parent / "data"
TODAY = datetime.date(2026, 11, 2)
HEADER = (DATA / "participants.csv").read_text(encoding="utf-8").splitlines()[0]
ROW = (
    "P-9,Testi,Henkilö,,woman,1990-01-01,272,2026-02-02,,unemployed,2025-01-01,3,"
    "no,no,no,no,no,no,,,,,,"
)
WELDING = "http://data.europa.eu/esco/skill/test-hygiene-welding"


@pytest.fixture
def welding(db):
    return ConceptFactory(uri=WELDING, fi="hitsaus")


def _people(text, area):
    with pytest.raises(ImportRejectedError) as exc:
        job_seekers_import(text=text, area=area, filename="p.jsonl")
    return [(e.line, e.field, e.reason) for e in exc.value.errors]


def _person(**values):
    person = {"external_id": "A", "first_name": "Aino", "last_name": "Ahde", **values}
    return json.dumps(person, ensure_ascii=False)


def test_skills_given_as_a_number_is_a_field_error(area, welding):
    errors = _people(_person(skills=5) + "\n", area)
    assert errors == [(1, "skills", "Kentän on oltava lista.")]
    assert not JobSeeker.objects.exists()


@pytest.mark.parametrize("key", ["requirements", "target_occupations"])
def test_lists_given_as_other_types_are_field_errors(area, welding, key):
    errors = _people(_person(**{key: {"uri": WELDING}}) + "\n", area)
    assert errors == [(1, key, "Kentän on oltava lista.")]


def test_nul_in_a_name_is_refused_with_its_field(area, welding):
    errors = _people(_person(last_name="Ah\u0000de") + "\n", area)
    assert errors == [(1, "last_name", "Kielletty ohjausmerkki U+0000.")]
    assert not JobSeeker.objects.exists()


def test_deeply_nested_line_is_refused_and_the_other_lines_are_not_written(area, welding):
    deep = '{"external_id": "B", "skills": ' + "[" * 200_000 + "]" * 200_000 + "}"
    errors = _people(_person() + "\n" + deep + "\n", area)
    assert [(line, field) for line, field, _r in errors] == [(2, "")]
    assert "syvästi" in errors[0][2]
    assert not JobSeeker.objects.exists()


def test_u2028_in_a_name_is_accepted(area, welding):
    text = json.dumps(
        {"external_id": "A", "first_name": "Ai\u2028no", "last_name": "Ahde"}, ensure_ascii=False
    )
    text += "\n" + _person(external_id="B") + "\n"
    result = job_seekers_import(text=text, area=area)
    assert result.created == 2
    assert JobSeeker.objects.get(external_id="A").first_name == "Ai\u2028no"


def test_error_in_a_late_chunk_undoes_the_chunks_already_written(area, welding, monkeypatch):
    from kohtaanto.jobseekers.importers import job_seekers

    monkeypatch.setattr(job_seekers, "CHUNK", 2)
    skill = [{"uri": WELDING, "level": 2}]
    lines = [_person(external_id=f"P-{i}", skills=skill) for i in range(5)]
    lines.append(_person(external_id="P-9", skills=[{"uri": WELDING, "level": 9}]))
    errors = _people("\n".join(lines) + "\n", area)
    assert [(line, field) for line, field, _r in errors] == [(6, "skills[0].level")]
    assert not JobSeeker.objects.exists()
    assert not ProfileSkill.objects.exists()
    assert not AuditEvent.objects.exists()


def test_one_audit_event_per_person_created_and_one_for_the_import(area, welding):
    skill = [{"uri": WELDING, "level": 2}]
    text = "\n".join(_person(external_id=f"P-{i}", skills=skill) for i in range(3)) + "\n"
    job_seekers_import(text=text, area=area, filename="p.jsonl")
    actions = sorted(AuditEvent.objects.values_list("action", flat=True))
    assert actions == ["job_seeker.import", *["job_seeker.import_create"] * 3]
    created = AuditEvent.objects.filter(action="job_seeker.import_create").first()
    assert created.changes["skills"] == [[WELDING, None, [2, "self_assessed"]]]
    text = text.replace('"level": 2', '"level": 3', 1)
    job_seekers_import(text=text, area=area, filename="p.jsonl")
    update = AuditEvent.objects.get(action="job_seeker.import_update")
    assert update.changes["skills"] == [[WELDING, [2, "self_assessed"], [3, "self_assessed"]]]
    assert ProfileSkill.objects.get(job_seeker__external_id="P-0").level == 3


def test_command_reads_a_latin1_file_when_told_and_refuses_it_otherwise(area, welding, tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_bytes((_person(last_name="Mäkelä") + "\n").encode("latin-1"))
    err = StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command("import_job_seekers", str(path), stdout=StringIO(), stderr=err)
    assert "old.jsonl, line 1: Tiedosto ei ole UTF-8-muodossa." in err.getvalue()
    out = StringIO()
    call_command("import_job_seekers", str(path), "--encoding", "latin-1", stdout=out)
    assert JobSeeker.objects.get().last_name == "Mäkelä"


def test_command_reads_a_file_with_a_byte_order_mark(area, welding, tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + (_person() + "\n").encode())
    call_command("import_job_seekers", str(path), stdout=StringIO())
    assert JobSeeker.objects.count() == 1


def _participants(text, operation):
    with pytest.raises(ImportRejectedError) as exc:
        participants_import(text=text, operation=operation, filename="f.csv", today=TODAY)
    return [(e.line, e.field, e.reason) for e in exc.value.errors]


def test_participant_nul_byte_is_a_field_error(operation):
    row = ROW.replace("Testi", "Te\u0000sti")
    assert _participants(f"{HEADER}\n{row}\n", operation) == [
        (2, "first_name", "Kielletty ohjausmerkki U+0000.")
    ]
    assert not JobSeeker.objects.exists()


def test_participant_200_kb_field_is_refused_with_its_line(operation):
    row = ROW.replace("Testi", "x" * 200_000)
    errors = _participants(f"{HEADER}\n{ROW}\n{row}\n", operation)
    assert [line for line, _f, _r in errors] == [3]
    assert "liian suuri" in errors[0][2]
    assert not JobSeeker.objects.exists()


def test_participant_latin1_file_through_the_command(operation, tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes(f"{HEADER}\n{ROW.replace('Henkilö', 'Mäkelä')}\n".encode("latin-1"))
    with pytest.raises(CommandError):
        call_command("import_participants", str(path), stdout=StringIO(), stderr=StringIO())
    call_command(
        "import_participants",
        str(path),
        "--encoding",
        "cp1252",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert JobSeeker.objects.get().last_name == "Mäkelä"


@pytest.mark.parametrize("model", [ProfileSkill, RequirementCard, TargetOccupation])
def test_profile_rows_are_found_by_person_through_their_unique_index(model):
    """The person's foreign key of a profile row has no index of its own (one index less to
    keep for every row an import writes): the unique (job_seeker, concept) constraint's index
    leads with it and serves every look-up and cascade by person. Without that constraint the
    column would need its index back."""
    assert not model._meta.get_field("job_seeker").db_index
    leading = [
        c.fields[0]
        for c in model._meta.constraints
        if isinstance(c, UniqueConstraint) and not c.condition
    ]
    assert "job_seeker" in leading

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.jobseekers.identity import identity_code_decrypt
from kohtaanto.jobseekers.importers import decode_file, job_seekers_import, participants_import
from kohtaanto.jobseekers.models import (
    JobSeeker,
    Participation,
    ParticipationSpecialCategory,
    ProfileSkill,
    RequirementCard,
    TargetOccupation,
)
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory, identity_code_for
from kohtaanto.programme.models import Operation
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory, RequirementFactory

DATA = Path(__file__).parent / "data"
TODAY = datetime.date(2026, 11, 2)
HEADER = (DATA / "participants.csv").read_text(encoding="utf-8").splitlines()[0]
GOOD_ROW = (
    "P-9,Testi,Henkilö,,woman,1990-01-01,272,2026-02-02,,unemployed,2025-01-01,3,"
    "no,no,no,no,no,no,,,,,,"
)


def run(text, operation, **kw):
    return participants_import(text=text, operation=operation, filename="f.csv", today=TODAY, **kw)


def rejected(text, operation):
    with pytest.raises(ImportRejectedError) as exc:
        run(text, operation)
    return [(e.line, e.field, e.reason) for e in exc.value.errors]


def with_row(row):
    return f"{HEADER}\n{GOOD_ROW}\n{row}\n"


def change(row, **values):
    columns = HEADER.split(",")
    cells = row.split(",")
    for key, value in values.items():
        cells[columns.index(key)] = value
    return ",".join(cells)


def test_good_file_creates_people_and_participations(operation):
    result = run((DATA / "participants.csv").read_text(encoding="utf-8"), operation)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    aino = JobSeeker.objects.get(external_id="P-001")
    assert identity_code_decrypt(aino.identity_code_encrypted) == "170590-9318"
    assert aino.municipality.code == "272"
    vaino = Participation.objects.get(job_seeker__external_id="P-002")
    assert vaino.exit_date == datetime.date(2026, 3, 31)
    assert (vaino.exit_employed, vaino.exit_job_searching, vaino.six_month_improved) == (
        True,
        False,
        True,
    )
    assert vaino.job_seeker.municipality.name_fi == "Kaustinen"
    robin = Participation.objects.get(job_seeker__external_id="P-003")
    assert robin.job_seeker.municipality.code == "272"  # by Swedish name
    assert robin.labour_market_status == "inactive" and robin.isced_level is None
    assert ParticipationSpecialCategory.objects.get(participation=vaino).disability == "refused"
    assert robin.operation == operation


def test_importing_the_same_file_twice_changes_nothing(operation):
    text = (DATA / "participants.csv").read_text(encoding="utf-8")
    run(text, operation)
    events = AuditEvent.objects.count()
    stamps = list(JobSeeker.objects.order_by("pk").values_list("updated_at", flat=True))
    result = run(text, operation)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert AuditEvent.objects.count() == events
    assert list(JobSeeker.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert Participation.objects.count() == 3


def test_changed_row_updates_only_that_person_with_audit(operation):
    run(with_row(GOOD_ROW.replace("P-9", "P-10")), operation)
    result = run(with_row(change(GOOD_ROW.replace("P-9", "P-10"), isced_level="5")), operation)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    event = AuditEvent.objects.get(action="participation.import_update")
    assert event.changes == {"isced_level": [3, 5]}


def test_every_error_is_listed_and_nothing_is_written(operation):
    rows = [
        change(GOOD_ROW, external_id="E-1", unemployed_since=""),
        change(GOOD_ROW, external_id="E-2", exit_employed="yes"),
        change(GOOD_ROW, external_id="E-3", exit_date="2026-01-15"),
        change(
            GOOD_ROW,
            external_id="E-4",
            personal_identity_code=identity_code_for(datetime.date(1991, 1, 1), 902),
        ),
        change(
            GOOD_ROW, external_id="E-5", municipality="Atlantis", gender="female", rural="maybe"
        ),
        change(GOOD_ROW, external_id="E-6", isced_level="9", birth_date="1.1.1990"),
        change(GOOD_ROW, external_id="E-7", entry_date="2027-01-01"),
        change(GOOD_ROW, external_id="E-8", six_month_employed="yes", exit_date="2026-10-01"),
        change(GOOD_ROW, external_id="E-9", labour_market_status="employed"),
    ]
    errors = rejected(f"{HEADER}\n" + "\n".join(rows) + "\n", operation)
    found = {(line, column) for line, column, _ in errors}
    assert {
        (2, "unemployed_since"),
        (3, "exit_employed"),
        (4, "exit_date"),
        (5, "personal_identity_code"),
        (6, "municipality"),
        (6, "gender"),
        (6, "rural"),
        (7, "isced_level"),
        (7, "birth_date"),
        (8, "entry_date"),
        (9, "six_month_employed"),
        (10, "unemployed_since"),
    } <= found
    reasons = dict(((line, column), reason) for line, column, reason in errors)
    assert "päättymispäivä (exit_date) puuttuu" in reasons[(3, "exit_employed")]
    assert "ennen aloituspäivää" in reasons[(4, "exit_date")]
    assert "Atlantis" in reasons[(6, "municipality")]
    assert "woman|man|non_binary" in reasons[(6, "gender")]
    assert not JobSeeker.objects.exists()
    assert not AuditEvent.objects.exists()


def test_one_bad_row_rejects_the_good_ones_too(operation):
    errors = rejected(with_row(change(GOOD_ROW, external_id="X", gender="")), operation)
    assert errors[0][:2] == (3, "gender")
    assert not JobSeeker.objects.exists()


def test_header_problems(operation):
    errors = rejected("external_id,first_name,nickname\nA,B,C\n", operation)
    assert (1, "nickname", "Tuntematon sarake.") in errors
    assert (1, "last_name", "Pakollinen sarake puuttuu.") in errors


def test_duplicates_in_file_and_against_register(operation):
    code = identity_code_for(datetime.date(1990, 1, 1), 903)
    errors = rejected(
        f"{HEADER}\n{GOOD_ROW}\n{GOOD_ROW}\n"
        + change(GOOD_ROW, external_id="B", personal_identity_code=code)
        + "\n"
        + change(GOOD_ROW, external_id="C", personal_identity_code=code)
        + "\n",
        operation,
    )
    assert (3, "external_id") in {(e[0], e[1]) for e in errors}
    assert (5, "personal_identity_code") in {(e[0], e[1]) for e in errors}
    JobSeekerFactory(external_id="OTHER")
    from kohtaanto.jobseekers.services.register import job_seeker_update

    job_seeker_update(
        actor=None,
        job_seeker=JobSeeker.objects.get(external_id="OTHER"),
        identity_code=code,
        birth_date=datetime.date(1990, 1, 1),
    )
    errors = rejected(
        f"{HEADER}\n" + change(GOOD_ROW, personal_identity_code=code) + "\n", operation
    )
    assert errors == [
        (
            2,
            "personal_identity_code",
            "Henkilötunnus on jo toisen rekisteröidyn asiakkaan käytössä.",
        )
    ]


def test_codes_differing_only_by_century_sign_are_two_people(operation):
    born = datetime.date(1990, 1, 1)
    rows = [
        change(
            GOOD_ROW, external_id="A", personal_identity_code=identity_code_for(born, 904, sign="-")
        ),
        change(
            GOOD_ROW, external_id="B", personal_identity_code=identity_code_for(born, 904, sign="Y")
        ),
    ]
    run(f"{HEADER}\n" + "\n".join(rows) + "\n", operation)
    assert JobSeeker.objects.count() == 2


def test_semicolon_separated_file_with_bom(operation):
    text = "\ufeff" + with_row(GOOD_ROW.replace("P-9", "P-10")).replace(",", ";")
    assert run(text, operation).created == 2


def test_empty_file_and_non_utf8(operation):
    assert rejected(HEADER + "\n", operation)[0][2] == "Tiedostossa ei ole yhtään osallistujaa."
    with pytest.raises(ImportRejectedError) as exc:
        decode_file("a\nb\nÄ".encode("latin-1"), filename="f.csv")
    assert exc.value.errors[0].line == 3


def test_command_uses_default_operation_and_reports_errors(operation, tmp_path):
    good = DATA / "participants.csv"
    out = StringIO()
    call_command("import_participants", str(good), stdout=out, stderr=StringIO())
    assert "3 created" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text(with_row(change(GOOD_ROW, external_id="Z", gender="x")), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command("import_participants", str(bad), stdout=StringIO(), stderr=err)
    assert "bad.csv, line 3, gender:" in err.getvalue()


def test_command_refuses_unknown_operation(operation):
    with pytest.raises(
        CommandError, match=r"unknown operation 'nope'; known operations: .*kp-teollisuus40-esr"
    ):
        call_command("import_participants", str(DATA / "participants.csv"), "--operation", "nope")


def test_command_with_other_operation(operation, area):
    other = Operation.objects.create(
        employment_area=area,
        code="toinen",
        name="Toinen",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2027, 12, 31),
    )
    call_command(
        "import_participants",
        str(DATA / "participants.csv"),
        "--operation",
        "toinen",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Participation.objects.filter(operation=other).count() == 3


# --- JSON Lines -----------------------------------------------------------------------------


@pytest.fixture
def vocabulary(db):
    return {
        "welding": ConceptFactory(
            uri="http://data.europa.eu/esco/skill/test-welding", fi="hitsaus"
        ),
        "hot_work": RequirementFactory(
            uri="urn:kohtaanto:requirement:test-hot-work", fi="tulityökortti"
        ),
        "welder": OccupationFactory(
            uri="http://data.europa.eu/esco/occupation/test-welder", fi="hitsaaja"
        ),
    }


def test_job_seekers_import_and_reimport(area, vocabulary):
    text = (DATA / "job_seekers.jsonl").read_text(encoding="utf-8")
    result = job_seekers_import(text=text, area=area)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    ville = JobSeeker.objects.get(external_id="J-1")
    assert ville.municipality.code == "272"
    assert ProfileSkill.objects.get(job_seeker=ville).level == 3
    assert RequirementCard.objects.filter(job_seeker=ville).count() == 1
    assert TargetOccupation.objects.filter(job_seeker=ville).count() == 1
    assert ProfileSkill.objects.get(job_seeker__external_id="J-2").source == "certificate"
    events = AuditEvent.objects.count()
    again = job_seekers_import(text=text, area=area)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert AuditEvent.objects.count() == events


def test_job_seekers_import_lists_every_error(area, vocabulary):
    welding = "http://data.europa.eu/esco/skill/test-welding"
    person = {"first_name": "A", "last_name": "B"}
    lines = [
        json.dumps({**person, "external_id": "A", "skills": [{"uri": welding, "level": 7}]}),
        "{not json",
        json.dumps({"external_id": "C", "first_name": "", "last_name": "D", "nickname": "x"}),
        json.dumps(
            {
                **person,
                "external_id": "E",
                "requirements": [welding],
                "target_occupations": ["urn:unknown"],
            }
        ),
        '["a list"]',
        json.dumps({**person, "external_id": "G", "municipality": "Atlantis", "skills": "x"}),
    ]
    with pytest.raises(ImportRejectedError) as exc:
        job_seekers_import(text="\n".join(lines), area=area, filename="x.jsonl")
    found = {(e.line, e.field) for e in exc.value.errors}
    assert {
        (1, "skills[0].level"),
        (2, ""),
        (3, "first_name"),
        (3, "nickname"),
        (4, "requirements[0]"),
        (4, "target_occupations[0]"),
        (5, ""),
        (6, "municipality"),
        (6, "skills"),
    } <= found
    assert not JobSeeker.objects.exists()


def test_import_job_seekers_command(area, vocabulary):
    out = StringIO()
    call_command(
        "import_job_seekers",
        str(DATA / "job_seekers.jsonl"),
        "--area",
        area.code,
        stdout=out,
        stderr=StringIO(),
    )
    assert "3 created" in out.getvalue()
    with pytest.raises(CommandError, match="unknown employment area"):
        call_command("import_job_seekers", str(DATA / "job_seekers.jsonl"), "--area", "nope")
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_job_seekers", "/nonexistent.jsonl")

"""The bulk inserts of the import kit (`rows_insert` by columns, `rows_insert_ids`) on the
database the tests run on: SQLite, or PostgreSQL by COPY when DATABASE_URL names one."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.db import connection, transaction

from kohtaanto.accounts.models import EmploymentArea, Municipality
from kohtaanto.common.imports import bulk, rows_insert
from kohtaanto.common.imports.bulk import rows_insert_ids
from kohtaanto.jobseekers.models import JobSeeker, ProfileSkill
from kohtaanto.taxonomy.tests.factories import ConceptFactory

PEOPLE = ("employment_area_id", "external_id", "first_name", "last_name", "municipality_id")

# Text that COPY's text format must escape (tab, newline, carriage return, backslash, the
# `\N` that stands for NULL), and Finnish and Swedish letters.
AWKWARD_NAMES = [
    ("Åsa", "Björk-Mäkelä"),
    ("Tab\there", "New\nline"),
    ("Carriage\rreturn", "Back\\slash"),
    ("\\N", "N\\"),
    ("\\.", "end\\.of copy"),
    ("Ölvi 'Öky' \"Ö\"", "Ärrä; ÅÄÖ åäö ü é"),
    ("", " "),
]


@pytest.fixture
def area(db):
    return EmploymentArea.objects.create(code="bulk", name="Bulk")


@pytest.mark.django_db
def test_awkward_text_goes_in_and_comes_back_unchanged(area):
    rows = [(area.pk, f"X-{i}", first, last, None) for i, (first, last) in enumerate(AWKWARD_NAMES)]
    assert rows_insert(JobSeeker, rows, columns=PEOPLE) == len(rows)
    stored = JobSeeker.objects.filter(employment_area=area).order_by("external_id")
    assert [(p.first_name, p.last_name) for p in stored] == AWKWARD_NAMES
    # The fields the rows leave out have their defaults, the time fields the time of the call.
    person = stored[0]
    assert (person.email, person.preferred_language, person.status) == ("", "fi", "active")
    assert person.birth_date is None and person.pseudonymised_at is None
    assert person.created_at == person.updated_at is not None


@pytest.mark.django_db
def test_nul_in_text_is_kept_by_sqlite_and_refused_by_postgresql(area):
    rows = [(area.pk, "NUL", "Ah\x00de", "Ahde", None)]
    if connection.vendor == "postgresql":
        # PostgreSQL text cannot hold U+0000: an error, never a cut name (the importers refuse
        # control characters long before this).
        with pytest.raises(Exception, match="NUL"), transaction.atomic():
            rows_insert(JobSeeker, rows, columns=PEOPLE)
    else:
        rows_insert(JobSeeker, rows, columns=PEOPLE)
        assert JobSeeker.objects.get(external_id="NUL").first_name == "Ah\x00de"


@pytest.mark.django_db
def test_ids_come_back_in_the_order_of_the_rows_and_the_sequence_goes_on(area, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH", 3)  # several statements (SQLite) or chunks (COPY)
    earlier = JobSeeker.objects.create(employment_area=area, first_name="A", last_name="B")
    rows = [(area.pk, f"I-{i}", f"Etu{i}", "Suku", None) for i in range(8)]
    ids = rows_insert_ids(JobSeeker, rows, columns=PEOPLE)
    assert len(set(ids)) == 8 and min(ids) > earlier.pk
    assert [JobSeeker.objects.get(pk=pk).external_id for pk in ids] == [r[1] for r in rows]
    # The database's own numbering goes on after the ids the insert took.
    later = JobSeeker.objects.create(employment_area=area, first_name="C", last_name="D")
    assert later.pk > max(ids)
    assert rows_insert_ids(JobSeeker, [], columns=PEOPLE) == []


@pytest.mark.django_db
def test_ids_one_row_a_statement_where_sqlite_cannot_return_them(area, monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite before 3.35 only")
    monkeypatch.setattr(type(connection.features), "can_return_rows_from_bulk_insert", False)
    rows = [(area.pk, f"O-{i}", "Etu", "Suku", None) for i in range(3)]
    ids = rows_insert_ids(JobSeeker, rows, columns=PEOPLE)
    assert [JobSeeker.objects.get(pk=pk).external_id for pk in ids] == ["O-0", "O-1", "O-2"]


@pytest.mark.django_db
def test_values_not_of_the_fields_plain_type_are_prepared_by_the_field(area):
    municipality = Municipality.objects.create(code="998", name_fi="Kunta", area=area)
    person = JobSeeker.objects.create(employment_area=area, first_name="A", last_name="B")
    skills = ConceptFactory.create_batch(3)
    # A bool and a numeric string for the level, an int for the foreign key: each goes through
    # the field's own preparation as `save()` would.
    day = datetime.date(2026, 12, 2)
    rows = [(person.pk, skills[0].pk, True, day), (person.pk, skills[1].pk, "3", day)]
    columns = ("job_seeker_id", "concept_id", "level", "assessed_on")
    # A model where an id belongs is not quietly turned into one.
    with pytest.raises(TypeError), transaction.atomic():
        rows_insert(ProfileSkill, [(person, skills[2].pk, 2, day)], columns=columns)
    assert rows_insert(ProfileSkill, rows, columns=columns) == 2
    assert sorted(ProfileSkill.objects.values_list("level", "assessed_on")) == [(1, day), (3, day)]
    assert rows_insert(JobSeeker, [(area.pk, "M", "A", "B", municipality.pk)], columns=PEOPLE)
    assert JobSeeker.objects.get(external_id="M").municipality == municipality


@pytest.mark.django_db
def test_columns_are_checked(area):
    with pytest.raises(ValueError, match="no field"):
        rows_insert(JobSeeker, [(1,)], columns=("nonexistent",))
    with pytest.raises(ValueError, match="twice"):
        rows_insert(JobSeeker, [(1, 1)], columns=("employment_area", "employment_area_id"))
    with pytest.raises(ValueError, match="twice"):
        rows_insert(JobSeeker, [(1,)], columns=("employment_area_id",), same={"employment_area": 1})
    with pytest.raises(ValueError, match="no field"):
        rows_insert(JobSeeker, [], columns=(), same={"nonexistent": 1})
    with pytest.raises(ValueError), transaction.atomic():  # a row shorter than the columns
        rows_insert(JobSeeker, [(area.pk, "S", "A")], columns=PEOPLE)
    with pytest.raises(ValueError, match="automatic"):
        rows_insert_ids(Session, [], columns=("session_key",))
    assert not JobSeeker.objects.filter(employment_area=area).exists()


@pytest.mark.django_db
def test_same_gives_every_row_one_value_prepared_by_its_field(area):
    day = datetime.date(2026, 12, 2)
    rows = [(f"S-{i}", "Etu", "Suku") for i in range(3)]
    same = {"employment_area": area.pk, "birth_date": day, "status": "closed"}
    ids = rows_insert_ids(
        JobSeeker, rows, columns=("external_id", "first_name", "last_name"), same=same
    )
    stored = JobSeeker.objects.filter(pk__in=ids).order_by("external_id")
    assert [(p.external_id, p.employment_area, p.birth_date, p.status) for p in stored] == [
        (f"S-{i}", area, day, "closed") for i in range(3)
    ]

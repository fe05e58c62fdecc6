"""COPY commands written by a thread of their own inside `copies_in_background()`
(common.imports.background): same transaction, same rows, the real error, constraints back
to their own mode; and no change at all on SQLite."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.common.imports import background, rows_insert
from kohtaanto.common.imports.background import background_copies, copies_in_background
from kohtaanto.common.imports.bulk import rows_insert_ids
from kohtaanto.jobseekers.models import JobSeeker, ProfileSkill
from kohtaanto.taxonomy.tests.factories import ConceptFactory

PEOPLE = ("external_id", "first_name", "last_name")
SKILLS = ("job_seeker_id", "concept_id", "level", "source")
MISSING_CONCEPT = 987_654_321


def _postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the COPY writer thread runs on PostgreSQL only")


@pytest.fixture
def area(db):
    return EmploymentArea.objects.create(code="bg", name="Background")


@pytest.fixture
def copying_threads(monkeypatch):
    """The names of the threads that ran a COPY."""
    names: list[str] = []
    submit = background.BackgroundCopies.submit

    def recording_submit(self, sql, texts):  # type: ignore[no-untyped-def]
        names.append(threading.current_thread().name)
        return submit(self, sql, texts)

    run = background.BackgroundCopies._run

    def recording_run(self):  # type: ignore[no-untyped-def]
        names.append(f"writer:{threading.current_thread().name}")
        return run(self)

    monkeypatch.setattr(background.BackgroundCopies, "submit", recording_submit)
    monkeypatch.setattr(background.BackgroundCopies, "_run", recording_run)
    return names


@pytest.mark.django_db
def test_rows_go_in_by_the_writer_thread_in_the_same_transaction(area, copying_threads):
    _postgresql()
    concept = ConceptFactory()
    with transaction.atomic(), copies_in_background(checked=(JobSeeker, ProfileSkill)):
        assert background_copies() is not None
        ids = rows_insert_ids(
            JobSeeker,
            [(f"BG-{i}", "Åsa", "Björk") for i in range(2500)],
            columns=PEOPLE,
            same={"employment_area_id": area.pk},
        )
        # The skills reference the people of the COPY before them: the copies run in order,
        # and with the foreign keys checked as each COPY ends, the people are there already.
        rows_insert(
            ProfileSkill,
            [(pk, concept.pk, 2, "self_assessed") for pk in ids],
            columns=SKILLS,
            same={"assessed_on": "2026-12-03"},
        )
    assert background_copies() is None
    assert "writer:kohtaanto-copies" in copying_threads
    assert copying_threads.count("MainThread") == 2
    assert JobSeeker.objects.filter(employment_area=area).count() == 2500
    assert ProfileSkill.objects.filter(job_seeker_id__in=ids, concept=concept).count() == 2500


@pytest.mark.django_db
def test_a_failed_copy_is_the_error_raised_and_nothing_stays(area):
    _postgresql()
    with (
        pytest.raises(IntegrityError, match="concept"),
        transaction.atomic(),
        copies_in_background(checked=(ProfileSkill,)),
    ):
        [pk] = rows_insert_ids(
            JobSeeker,
            [("BG-1", "Eero", "Ek")],
            columns=PEOPLE,
            same={"employment_area_id": area.pk},
        )
        rows_insert(
            ProfileSkill,
            [(pk, MISSING_CONCEPT, 2, "self_assessed")],
            columns=SKILLS,
            same={"assessed_on": "2026-12-03"},
        )
        # The importing thread goes on; its next query would only say "aborted".
        JobSeeker.objects.filter(employment_area=area).count()
    assert not JobSeeker.objects.filter(external_id="BG-1").exists()
    assert not any(t.name == "kohtaanto-copies" for t in threading.enumerate())


@pytest.mark.django_db
def test_an_error_of_the_importing_thread_stops_the_writer(area):
    _postgresql()
    with (
        pytest.raises(ValueError, match="row 3"),
        transaction.atomic(),
        copies_in_background(checked=(JobSeeker,)),
    ):
        rows_insert_ids(
            JobSeeker,
            [("BG-2", "Ville", "Vik")],
            columns=PEOPLE,
            same={"employment_area_id": area.pk},
        )
        raise ValueError("row 3 is wrong")
    assert not JobSeeker.objects.filter(external_id="BG-2").exists()
    assert not any(t.name == "kohtaanto-copies" for t in threading.enumerate())


def _dangling_skill_is_deferred(area: EmploymentArea) -> bool:
    """Whether a profile skill whose concept does not exist is accepted until the end of the
    transaction (the foreign key deferred, Django's own mode) or refused at once."""
    person, _ = JobSeeker.objects.get_or_create(employment_area=area, external_id="BG-D")
    try:
        with transaction.atomic():
            ProfileSkill.objects.create(
                job_seeker=person,
                concept_id=MISSING_CONCEPT,
                level=1,
                source="self_assessed",
                assessed_on="2026-12-03",
            )
            ProfileSkill.objects.filter(concept_id=MISSING_CONCEPT).delete()
    except IntegrityError:
        return False
    return True


@pytest.mark.django_db
def test_foreign_keys_are_deferred_again_after_the_block(area):
    _postgresql()
    assert _dangling_skill_is_deferred(area)
    with transaction.atomic(), copies_in_background(checked=(ProfileSkill,)):
        pass
    assert _dangling_skill_is_deferred(area)
    with (
        pytest.raises(ValueError),
        transaction.atomic(),
        copies_in_background(checked=(ProfileSkill,)),
    ):
        raise ValueError
    assert _dangling_skill_is_deferred(area)


@pytest.mark.django_db
def test_foreign_keys_are_checked_as_each_copy_ends_inside_the_block(area):
    _postgresql()
    with transaction.atomic(), copies_in_background(checked=(ProfileSkill,)):
        assert not _dangling_skill_is_deferred(area)


@pytest.mark.django_db
def test_nothing_changes_on_sqlite(area):
    if connection.vendor == "postgresql":
        pytest.skip("on SQLite only")
    with transaction.atomic(), copies_in_background(checked=(JobSeeker,)):
        assert background_copies() is None
        rows_insert(
            JobSeeker,
            [("BG-S", "Sanna", "Sjö")],
            columns=PEOPLE,
            same={"employment_area_id": area.pk},
        )
    assert JobSeeker.objects.filter(external_id="BG-S").exists()


@pytest.mark.django_db(transaction=True)
def test_nothing_changes_outside_a_transaction():
    # In autocommit there is no transaction to share with a writer thread.
    with copies_in_background(checked=(JobSeeker,)):
        assert background_copies() is None

"""The Art. 9 answers are encrypted at rest like identity codes, and the field key can be
rotated: readable during the rotation with old + new keys, and after it with the new key only."""

import datetime
import importlib
import io
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.identity import identity_code_build
from kohtaanto.jobseekers.models import JobSeeker, ParticipationSpecialCategory
from kohtaanto.jobseekers.services.register import identity_code_reveal
from kohtaanto.jobseekers.tests.factories import ParticipationFactory


def raw_answers(pk):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT disability, minority"
            " FROM jobseekers_participationspecialcategory WHERE id = %s",
            [pk],
        )
        return cursor.fetchone()


def test_special_category_answers_are_not_stored_in_clear(job_seeker):
    special = ParticipationSpecialCategory.objects.create(
        participation=ParticipationFactory(job_seeker=job_seeker),
        disability="yes",
        minority="refused",
    )
    stored = raw_answers(special.pk)
    assert all(value not in ("yes", "no", "refused") for value in stored)
    assert all(len(value) > 50 for value in stored)
    again = ParticipationSpecialCategory.objects.get(pk=special.pk)
    assert (again.disability, again.minority) == ("yes", "refused")
    # Through a relation too (the programme's indicators read them this way).
    values = ParticipationSpecialCategory.objects.values_list(
        "participation__special_category__disability", flat=True
    )
    assert list(values) == ["yes"]


def test_an_unanswered_item_stays_empty(job_seeker):
    special = ParticipationSpecialCategory.objects.create(
        participation=ParticipationFactory(job_seeker=job_seeker), disability="", minority=""
    )
    assert raw_answers(special.pk) == ("", "")


def test_filtering_by_an_encrypted_answer_is_refused_not_silently_empty(job_seeker):
    with pytest.raises(FieldError, match="encrypted"):
        list(ParticipationSpecialCategory.objects.filter(disability="yes"))


def test_participation_summary_counts_the_encrypted_answers(world, make_user):
    from kohtaanto.accounts.models import Role

    p = world["participation"]
    for answer in ("yes", "no"):
        other = ParticipationFactory(operation=p.operation)
        ParticipationSpecialCategory.objects.create(
            participation=other, disability=answer, minority="no"
        )
    summary = selectors.participation_summary(actor=make_user(Role.AUDITOR), operation=p.operation)
    by_label = {item.label: item for item in summary["items"]}
    disability = by_label["Vamma tai pitkäaikaissairaus"]
    assert (disability.yes, disability.no, disability.refused) == (2, 1, 0)
    minority = by_label["Vähemmistöön kuuluva"]
    assert (minority.yes, minority.no, minority.refused) == (0, 2, 1)


def test_migration_encrypts_answers_stored_in_clear(job_seeker):
    special = ParticipationSpecialCategory.objects.create(
        participation=ParticipationFactory(job_seeker=job_seeker), disability="no", minority=""
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE jobseekers_participationspecialcategory"
            " SET disability = 'yes', minority = 'refused' WHERE id = %s",
            [special.pk],
        )
    migration = importlib.import_module(
        "kohtaanto.jobseekers.migrations.0005_special_category_encrypted"
    )
    editor = SimpleNamespace(connection=connection, quote_name=connection.ops.quote_name)
    migration.encrypt_existing_answers(None, editor)
    assert "yes" not in raw_answers(special.pk)
    again = ParticipationSpecialCategory.objects.get(pk=special.pk)
    assert (again.disability, again.minority) == ("yes", "refused")
    migration.encrypt_existing_answers(None, editor)  # idempotent
    assert ParticipationSpecialCategory.objects.get(pk=special.pk).disability == "yes"


def test_key_rotation_keeps_data_readable_and_drops_the_old_key(settings, counsellor, kokkola):
    from kohtaanto.jobseekers.services.register import job_seeker_create

    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEY = old_key
    settings.FIELD_ENCRYPTION_OLD_KEYS = []
    code = identity_code_build(datetime.date(1990, 4, 2), 931)
    person = job_seeker_create(
        actor=counsellor,
        first_name="Aino",
        last_name="Avain",
        identity_code=code,
        birth_date=datetime.date(1990, 4, 2),
        municipality=kokkola,
    )
    special = ParticipationSpecialCategory.objects.create(
        participation=ParticipationFactory(job_seeker=person), disability="yes", minority="no"
    )

    # The new key alone cannot read what the old one wrote.
    settings.FIELD_ENCRYPTION_KEY = new_key
    with pytest.raises(ImproperlyConfigured):
        ParticipationSpecialCategory.objects.get(pk=special.pk)

    # During the rotation: new key first, old key still read.
    settings.FIELD_ENCRYPTION_OLD_KEYS = [old_key]
    assert ParticipationSpecialCategory.objects.get(pk=special.pk).disability == "yes"
    call_command("rotate_field_key", stdout=io.StringIO())

    # After it: the old key is gone and everything is read with the new one.
    settings.FIELD_ENCRYPTION_OLD_KEYS = []
    again = ParticipationSpecialCategory.objects.get(pk=special.pk)
    assert (again.disability, again.minority) == ("yes", "no")
    stored = JobSeeker.objects.get(pk=person.pk)
    assert (
        Fernet(new_key.encode()).decrypt(stored.identity_code_encrypted.encode()).decode() == code
    )
    assert identity_code_reveal(actor=counsellor, job_seeker=stored) == code
    # The digest follows the key: a search by the identity code still finds the person.
    found = selectors.job_seeker_list(actor=counsellor, q=code)
    assert [p.pk for p in found] == [person.pk]
    for token in raw_answers(special.pk):
        Fernet(new_key.encode()).decrypt(token.encode())


def test_rotation_with_a_missing_old_key_changes_nothing(settings, job_seeker):
    special = ParticipationSpecialCategory.objects.create(
        participation=ParticipationFactory(job_seeker=job_seeker), disability="yes"
    )
    before = raw_answers(special.pk)
    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("rotate_field_key")
    assert raw_answers(special.pk) == before

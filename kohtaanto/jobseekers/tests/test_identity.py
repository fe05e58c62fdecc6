import datetime

import pytest
from cryptography.fernet import Fernet
from django.db import IntegrityError

from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.common.errors import ConflictError, NotFoundError
from kohtaanto.jobseekers.identity import (
    InvalidIdentityCodeError,
    identity_code_birth_date,
    identity_code_build,
    identity_code_clean,
    identity_code_decrypt,
    identity_code_digest,
    identity_code_encrypt,
)
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.services.register import (
    identity_code_reveal,
    job_seeker_create,
    job_seeker_update,
)
from kohtaanto.jobseekers.tests.factories import identity_code_for
from kohtaanto.jobseekers.validation import InvalidFieldsError

BORN_1990 = datetime.date(1990, 5, 17)


@pytest.mark.parametrize("sign", ["-", "Y", "X", "W", "V", "U"])
def test_every_1900s_century_sign_is_valid_and_kept(sign):
    code = identity_code_for(BORN_1990, 931, sign=sign)
    assert code[6] == sign
    assert identity_code_clean(code) == code
    assert identity_code_birth_date(code) == BORN_1990


@pytest.mark.parametrize("sign", ["A", "B", "C", "D", "E", "F"])
def test_every_2000s_century_sign_is_valid_and_kept(sign):
    born = datetime.date(2005, 1, 31)
    code = identity_code_for(born, 950, sign=sign)
    assert identity_code_clean(code.lower()) == code
    assert identity_code_birth_date(code) == born


def test_1800s_plus_sign_gives_1800s_birth_date():
    code = identity_code_for(datetime.date(1899, 12, 31), 990)
    assert code[6] == "+"
    assert identity_code_birth_date(code) == datetime.date(1899, 12, 31)


@pytest.mark.parametrize(
    "bad",
    ["", "170590-9310", "170590-931", "320590-931X", "170590Z9310", "17059O-931A", "abc"],
)
def test_invalid_codes_are_refused_with_a_reason(bad):
    with pytest.raises(InvalidIdentityCodeError) as exc:
        identity_code_clean(bad)
    assert "Henkilötunnus ei ole kelvollinen" in exc.value.message


def test_wrong_check_character_is_refused():
    code = identity_code_for(BORN_1990, 931)
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(InvalidIdentityCodeError):
        identity_code_clean(wrong)


def test_codes_differing_only_by_century_sign_have_different_digests():
    dash = identity_code_for(BORN_1990, 931, sign="-")
    y = identity_code_for(BORN_1990, 931, sign="Y")
    assert dash[:6] + dash[7:] == y[:6] + y[7:]
    assert identity_code_digest(dash) != identity_code_digest(y)


def test_encryption_round_trips_and_hides_the_code(settings):
    code = identity_code_for(BORN_1990, 931)
    token = identity_code_encrypt(code)
    assert code not in token
    assert identity_code_decrypt(token) == code


def test_a_real_fernet_key_is_used_as_is(settings):
    key = Fernet.generate_key()
    settings.FIELD_ENCRYPTION_KEY = key.decode()
    code = identity_code_for(BORN_1990, 931)
    assert Fernet(key).decrypt(identity_code_encrypt(code).encode()).decode() == code


def test_generated_codes_are_limited_to_temporary_range():
    with pytest.raises(ValueError):
        identity_code_build(BORN_1990, 123)


def test_create_stores_full_code_encrypted_and_never_in_audit(counsellor):
    code = identity_code_for(BORN_1990, 931, sign="Y")
    person = job_seeker_create(
        actor=counsellor,
        first_name="Aino",
        last_name="Esimerkki",
        identity_code=code,
        birth_date=BORN_1990,
        gender="woman",
    )
    person.refresh_from_db()
    assert code not in person.identity_code_encrypted
    assert identity_code_decrypt(person.identity_code_encrypted) == code
    assert person.identity_code_digest == identity_code_digest(code)
    event = AuditEvent.objects.get(action="job_seeker.create")
    assert code not in str(event.changes)
    assert event.changes["identity_code"] == [None, "***"]
    assert list(person.counsellors.all()) == [counsellor]


def test_duplicate_identity_code_in_area_is_refused_without_naming_the_person(
    counsellor, other_counsellor
):
    code = identity_code_for(BORN_1990, 931)
    job_seeker_create(
        actor=counsellor, first_name="Aino", last_name="Esimerkki", identity_code=code
    )
    with pytest.raises(ConflictError) as exc:
        job_seeker_create(
            actor=other_counsellor, first_name="Toinen", last_name="Nimi", identity_code=code
        )
    assert "Aino" not in exc.value.message
    assert exc.value.code == "duplicate_identity_code"
    assert JobSeeker.objects.count() == 1


def test_same_code_with_other_century_sign_is_another_person(counsellor):
    job_seeker_create(
        actor=counsellor,
        first_name="Aino",
        last_name="A",
        identity_code=identity_code_for(BORN_1990, 931, sign="-"),
    )
    job_seeker_create(
        actor=counsellor,
        first_name="Eino",
        last_name="B",
        identity_code=identity_code_for(BORN_1990, 931, sign="Y"),
    )
    assert JobSeeker.objects.count() == 2


def test_database_refuses_duplicate_digest_in_area(job_seeker, area):
    job_seeker.identity_code_digest = "x" * 64
    job_seeker.save(update_fields=["identity_code_digest"])
    with pytest.raises(IntegrityError):
        JobSeeker.objects.create(
            employment_area=area, first_name="A", last_name="B", identity_code_digest="x" * 64
        )


def test_birth_date_must_agree_with_identity_code(counsellor):
    with pytest.raises(InvalidFieldsError) as exc:
        job_seeker_create(
            actor=counsellor,
            first_name="Aino",
            last_name="Esimerkki",
            identity_code=identity_code_for(BORN_1990, 931),
            birth_date=datetime.date(1990, 5, 18),
        )
    assert "birth_date" in exc.value.by_field()


def test_gender_is_never_derived_from_the_code(counsellor):
    person = job_seeker_create(
        actor=counsellor,
        first_name="Aino",
        last_name="Esimerkki",
        identity_code=identity_code_for(BORN_1990, 931),
    )
    assert person.gender == ""
    assert person.birth_date is None


def test_update_replaces_and_removes_code_with_masked_audit(job_seeker, counsellor):
    first = identity_code_for(BORN_1990, 931)
    job_seeker_update(actor=counsellor, job_seeker=job_seeker, identity_code=first)
    job_seeker.refresh_from_db()
    assert job_seeker.identity_code_digest == identity_code_digest(first)
    job_seeker_update(actor=counsellor, job_seeker=job_seeker, identity_code="")
    job_seeker.refresh_from_db()
    assert job_seeker.identity_code_digest == ""
    assert job_seeker.identity_code_encrypted == ""
    changes = [
        e.changes["identity_code"] for e in AuditEvent.objects.filter(action="job_seeker.update")
    ]
    assert sorted(changes, key=str) == sorted([[None, "***"], ["***", None]], key=str)


def test_reveal_logs_every_showing(job_seeker, counsellor):
    code = identity_code_for(BORN_1990, 931)
    job_seeker = job_seeker_update(actor=counsellor, job_seeker=job_seeker, identity_code=code)
    for _ in range(2):
        assert identity_code_reveal(actor=counsellor, job_seeker=job_seeker, path="/x") == code
    entries = AccessLogEntry.objects.filter(what="identity_code", subject_id=str(job_seeker.pk))
    assert entries.count() == 2
    assert {e.actor_username for e in entries} == {counsellor.username}


def test_reveal_refused_for_other_roles_and_not_logged(job_seeker, auditor, partner_user):
    job_seeker_update(
        actor=None, job_seeker=job_seeker, identity_code=identity_code_for(BORN_1990, 931)
    )
    for user in (auditor, partner_user):
        with pytest.raises(NotFoundError):
            identity_code_reveal(actor=user, job_seeker=job_seeker)
    assert not AccessLogEntry.objects.filter(what="identity_code").exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_of_one_code_give_one_person_and_one_conflict(area):
    """PostgreSQL only: two counsellors register the same identity code at the same moment."""
    import threading

    from django.db import connection

    from kohtaanto.accounts.models import Role
    from kohtaanto.accounts.tests.factories import UserFactory

    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions (PostgreSQL)")
    users = [UserFactory(role=Role.COUNSELLOR, employment_area=area) for _ in range(2)]
    code = identity_code_for(BORN_1990, 977)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def register(user):
        from django.db import connections

        try:
            barrier.wait()
            job_seeker_create(actor=user, first_name="A", last_name="B", identity_code=code)
            outcomes.append("created")
        except ConflictError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict", "created"]
    assert JobSeeker.objects.filter(identity_code_digest=identity_code_digest(code)).count() == 1

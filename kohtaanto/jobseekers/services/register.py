"""The job-seeker register: create, rectify, counsellors, and showing the identity code."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Municipality, Role, User
from kohtaanto.audit.services import access_log_record, audit_event_record, diff
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.jobseekers.identity import (
    InvalidIdentityCodeError,
    identity_code_birth_date,
    identity_code_clean,
    identity_code_decrypt,
    identity_code_digest,
    identity_code_encrypt,
)
from kohtaanto.jobseekers.models import Gender, JobSeeker
from kohtaanto.jobseekers.validation import raise_if

# Audit rows never hold the identity code: only that it was set, changed or removed.
HIDDEN = "***"

BASIC_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "municipality",
    "birth_date",
    "gender",
    "preferred_language",
    "status",
    "external_id",
)
LANGUAGES = ("fi", "sv", "en")


def _snapshot(job_seeker: JobSeeker) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(job_seeker, name) for name in BASIC_FIELDS}
    values["municipality"] = job_seeker.municipality.code if job_seeker.municipality else None
    return values


def _identity_errors(
    identity_code: str, birth_date: datetime.date | None
) -> tuple[str, list[tuple[str, str]]]:
    """The cleaned code and the problems with it (format, checksum, birth date mismatch)."""
    if not identity_code:
        return "", []
    try:
        code = identity_code_clean(identity_code)
    except InvalidIdentityCodeError as exc:
        return "", [("identity_code", exc.message)]
    if birth_date is not None and identity_code_birth_date(code) != birth_date:
        return code, [
            ("birth_date", _("Syntymäaika ei vastaa henkilötunnusta. Tarkista kumpi on oikein."))
        ]
    return code, []


def _check_fields(
    *,
    first_name: str,
    last_name: str,
    gender: str,
    preferred_language: str,
    status: str | None = None,
) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if not first_name.strip():
        errors.append(("first_name", _("Etunimi puuttuu.")))
    if not last_name.strip():
        errors.append(("last_name", _("Sukunimi puuttuu.")))
    if gender and gender not in Gender.values:
        errors.append(("gender", _("Tuntematon sukupuoli.")))
    if preferred_language not in LANGUAGES:
        errors.append(("preferred_language", _("Asiointikielen on oltava fi, sv tai en.")))
    if status is not None and status not in JobSeeker.Status.values:
        errors.append(("status", _("Tuntematon tila.")))
    return errors


def _check_unique(
    *, area_id: int, digest: str, external_id: str, exclude_pk: int | None = None
) -> None:
    others = JobSeeker.objects.filter(employment_area_id=area_id)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    # The message never tells who the other person is: the actor may not be allowed to know.
    if digest and others.filter(identity_code_digest=digest).exists():
        raise ConflictError(
            _(
                "Samalla henkilötunnuksella on jo rekisteröity asiakas. Pyydä koordinaattoria "
                "jakamaan asiakas sinulle."
            ),
            code="duplicate_identity_code",
        )
    if external_id and others.filter(external_id=external_id).exists():
        raise ConflictError(
            _("Ulkoinen tunniste on jo toisen asiakkaan käytössä."), code="duplicate_external_id"
        )


def _check_counsellors(area_id: int, counsellors: Iterable[User]) -> list[User]:
    result = list(counsellors)
    for user in result:
        if user.role != Role.COUNSELLOR or user.employment_area_id != area_id:
            raise DomainError(_("Vastuuohjaajan on oltava alueen työvoimaohjaaja."))
    return result


@transaction.atomic
def job_seeker_create(
    *,
    actor: User,
    first_name: str,
    last_name: str,
    email: str = "",
    phone: str = "",
    municipality: Municipality | None = None,
    identity_code: str = "",
    birth_date: datetime.date | None = None,
    gender: str = "",
    preferred_language: str = "fi",
    external_id: str = "",
    counsellors: Iterable[User] = (),
) -> JobSeeker:
    """Register a new client in the actor's employment area.

    Invariants: the identity code is valid (python-stdnum), stored encrypted in full with its
    century sign, and unique in the area by digest; a given birth date agrees with the code;
    gender is what the person said (never derived from the code). A counsellor who registers a
    client becomes the client's counsellor.
    """
    if actor.employment_area_id is None:
        raise DomainError(_("Käyttäjällä ei ole työllisyysaluetta."))
    area_id = actor.employment_area_id
    code, errors = _identity_errors(identity_code, birth_date)
    errors += _check_fields(
        first_name=first_name,
        last_name=last_name,
        gender=gender,
        preferred_language=preferred_language,
    )
    raise_if(errors)
    digest = identity_code_digest(code) if code else ""
    _check_unique(area_id=area_id, digest=digest, external_id=external_id.strip())
    chosen = _check_counsellors(area_id, counsellors)
    try:
        # A savepoint: two people registering the same code at once meet the unique
        # constraint here, and the second one gets the same clear conflict.
        with transaction.atomic():
            job_seeker = JobSeeker.objects.create(
                employment_area_id=area_id,
                first_name=first_name.strip(),
                last_name=last_name.strip(),
                email=email.strip(),
                phone=phone.strip(),
                municipality=municipality,
                identity_code_encrypted=identity_code_encrypt(code) if code else "",
                identity_code_digest=digest,
                birth_date=birth_date,
                gender=gender,
                preferred_language=preferred_language,
                external_id=external_id.strip(),
            )
    except IntegrityError as exc:
        _check_unique(area_id=area_id, digest=digest, external_id=external_id.strip())
        raise ConflictError(_("Asiakasta ei voitu tallentaa: tiedot ovat ristiriidassa.")) from exc
    if actor.role == Role.COUNSELLOR and actor not in chosen:
        chosen.append(actor)
    job_seeker.counsellors.set(chosen)
    changes = diff({}, _snapshot(job_seeker))
    if code:
        changes["identity_code"] = [None, HIDDEN]
    if chosen:
        changes["counsellors"] = [[], sorted(u.username for u in chosen)]
    audit_event_record(actor=actor, action="job_seeker.create", target=job_seeker, changes=changes)
    return job_seeker


@transaction.atomic
def job_seeker_update(
    *, actor: User, job_seeker: JobSeeker, identity_code: str | None = None, **values: Any
) -> JobSeeker:
    """Rectify the person's basic data (GDPR Art. 16), with old → new in the audit event.

    `identity_code`: None keeps it, "" removes it, a code replaces it (validated, unique).
    Only the fields in BASIC_FIELDS can be given.
    """
    job_seeker = JobSeeker.objects.select_for_update().get(pk=job_seeker.pk)
    unknown = set(values) - set(BASIC_FIELDS)
    if unknown:
        raise DomainError(f"unknown fields: {', '.join(sorted(unknown))}")
    before = _snapshot(job_seeker)
    merged = {name: values.get(name, getattr(job_seeker, name)) for name in BASIC_FIELDS}
    for name in ("first_name", "last_name", "email", "phone", "external_id"):
        merged[name] = (merged[name] or "").strip()
    errors = _check_fields(
        first_name=merged["first_name"],
        last_name=merged["last_name"],
        gender=merged["gender"],
        preferred_language=merged["preferred_language"],
        status=merged["status"],
    )
    code = None
    if identity_code is not None:
        code, id_errors = _identity_errors(identity_code, merged["birth_date"])
        errors += id_errors
    elif job_seeker.identity_code_encrypted and merged["birth_date"] != job_seeker.birth_date:
        _, id_errors = _identity_errors(
            identity_code_decrypt(job_seeker.identity_code_encrypted), merged["birth_date"]
        )
        errors += id_errors
    raise_if(errors)
    digest = identity_code_digest(code) if code else ("" if code == "" else None)
    _check_unique(
        area_id=job_seeker.employment_area_id,
        digest=digest or "",
        external_id=merged["external_id"],
        exclude_pk=job_seeker.pk,
    )
    update_fields = []
    for name, value in merged.items():
        if getattr(job_seeker, name) != value:
            setattr(job_seeker, name, value)
            update_fields.append(name)
    changes = diff(before, _snapshot(job_seeker))
    if digest is not None and digest != job_seeker.identity_code_digest:
        changes["identity_code"] = [
            HIDDEN if job_seeker.identity_code_digest else None,
            HIDDEN if digest else None,
        ]
        job_seeker.identity_code_digest = digest
        job_seeker.identity_code_encrypted = identity_code_encrypt(code) if code else ""
        update_fields += ["identity_code_digest", "identity_code_encrypted"]
    if update_fields:
        job_seeker.save(update_fields=[*update_fields, "updated_at"])
        audit_event_record(
            actor=actor, action="job_seeker.update", target=job_seeker, changes=changes
        )
    return job_seeker


@transaction.atomic
def job_seeker_set_counsellors(
    *, actor: User, job_seeker: JobSeeker, counsellors: Iterable[User]
) -> JobSeeker:
    """Set who counsels the person (share a client with another counsellor, or hand over)."""
    chosen = _check_counsellors(job_seeker.employment_area_id, counsellors)
    before = sorted(job_seeker.counsellors.values_list("username", flat=True))
    after = sorted(u.username for u in chosen)
    if before != after:
        job_seeker.counsellors.set(chosen)
        audit_event_record(
            actor=actor,
            action="job_seeker.set_counsellors",
            target=job_seeker,
            changes={"counsellors": [before, after]},
        )
    job_seeker._counsellor_ids = {u.pk for u in chosen}  # type: ignore[attr-defined]
    return job_seeker


def identity_code_reveal(
    *, actor: User, job_seeker: JobSeeker, path: str = "", reason: str = ""
) -> str:
    """The person's full identity code for someone allowed to see it; every showing is
    written to the access log (what="identity_code") before the code is returned."""
    actor.permissions.require("view_identity_code", job_seeker)
    if not job_seeker.identity_code_encrypted:
        return ""
    code = identity_code_decrypt(job_seeker.identity_code_encrypted)
    access_log_record(
        actor=actor,
        subject=job_seeker,
        what="identity_code",
        reason=reason or "show identity code",
        path=path,
        subject_repr=str(job_seeker),
    )
    return code

"""GDPR: the person's data as a file (Art. 15), and pseudonymisation or erasure when the
retention period ends (Art. 5(1)(e), Art. 17) — keeping the ESF+ aggregates correct.

Retention: settings.RETENTION_YEARS after the person's last exit or contact (the latest of
registration, ESF+ entry and exit dates and service events). Then:
- a person who took part in an ESF+ operation is pseudonymised: names, contact details,
  identity code, external id, free texts (notes, evidence, plan texts, CVs), counsellors and
  reminders are removed; the birth date on the participation is replaced by one that gives
  the same age in completed years at entry; entry, exit and follow-up answers and the Art. 9
  items stay, so every ESF+ common indicator counts the same before and after;
- a person who never took part is erased altogether.
In both cases the person's data is also scrubbed from audit event snapshots and access-log
labels (`audit.services.audit_forget`): the events, their actors and times stay as the proof
of lawful processing, the names, contact details and values in them go.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from kohtaanto.accounts.models import EmploymentArea, User
from kohtaanto.audit.models import AccessLogEntry
from kohtaanto.audit.services import access_log_record, audit_event_record, audit_forget
from kohtaanto.common.errors import ConflictError
from kohtaanto.jobseekers.identity import identity_code_decrypt
from kohtaanto.jobseekers.languages import language_name
from kohtaanto.jobseekers.models import (
    Consent,
    CvDocument,
    JobSeeker,
    Participation,
    ParticipationSpecialCategory,
    PlanAction,
    PlanGoal,
    ProfileSkill,
    Reminder,
    RequirementCard,
    ServiceEvent,
)
from kohtaanto.jobseekers.rules import birth_date_keeping_age
from kohtaanto.jobseekers.selectors import job_seekers_past_retention
from kohtaanto.jobseekers.validation import PARTICIPATION_RECORD_FIELDS

EXPORT_FORMAT_VERSION = 1


def _iso(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _row(obj: Any, names: list[str]) -> dict[str, Any]:
    return {name: _iso(getattr(obj, name)) for name in names}


def job_seeker_data_export(*, actor: User, job_seeker: JobSeeker, path: str = "") -> dict:
    """Everything Kohtaanto holds about the person, for the right of access (Art. 15).

    Includes the identity code (it is the person's own data), the Art. 9 items, and who has
    seen the person's data (the access log). The export itself is written to the access log.
    """
    person = _row(
        job_seeker,
        [
            "id",
            "external_id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "birth_date",
            "gender",
            "preferred_language",
            "status",
            "created_at",
            "updated_at",
        ],
    )
    person["municipality"] = job_seeker.municipality.name_fi if job_seeker.municipality else None
    person["identity_code"] = (
        identity_code_decrypt(job_seeker.identity_code_encrypted)
        if job_seeker.identity_code_encrypted
        else None
    )
    person["counsellors"] = [u.display_name for u in job_seeker.counsellors.all()]
    participations = []
    for p in job_seeker.participations.select_related("operation").prefetch_related("re_entries"):
        row = _row(p, list(PARTICIPATION_RECORD_FIELDS))
        row["operation"] = p.operation.name
        special = ParticipationSpecialCategory.objects.filter(participation=p).first()
        row["disability"] = special.disability if special else ""
        row["minority"] = special.minority if special else ""
        row["re_entries"] = [
            {"re_entry_date": _iso(r.re_entry_date), "previous_exit": r.previous_exit}
            for r in p.re_entries.all()
        ]
        participations.append(row)
    consents = [
        {
            **_row(c, ["purpose", "given_on", "expires_on", "withdrawn_on", "note"]),
            "recipient": str(c.recipient) if c.recipient else None,
        }
        for c in job_seeker.consents.select_related("partner_organisation", "company")
    ]
    data = {
        "format": "kohtaanto.job_seeker_data",
        "version": EXPORT_FORMAT_VERSION,
        "exported_at": _iso(timezone.now()),
        "person": person,
        "participations": participations,
        "consents": consents,
        "profile": {
            "skills": [
                {
                    "concept": s.concept.uri,
                    "label": s.concept.label(),
                    **_row(s, ["level", "source", "evidence", "assessed_on"]),
                }
                for s in job_seeker.skills.select_related("concept")
            ],
            "requirement_cards": [
                {
                    "concept": c.concept.uri,
                    "label": c.concept.label(),
                    **_row(c, ["acquired_on", "expires_on", "source", "evidence"]),
                }
                for c in job_seeker.requirement_cards.select_related("concept")
            ],
            "target_occupations": [
                {"concept": t.concept.uri, "label": t.concept.label()}
                for t in job_seeker.target_occupations.select_related("concept")
            ],
            "languages": [
                {
                    "language": ls.language,
                    "name": language_name(ls.language),
                    "level": ls.level,
                    "is_native": ls.is_native,
                }
                for ls in job_seeker.languages.all()
            ],
            "cv_documents": [
                _row(d, ["filename", "created_at", "text"]) for d in job_seeker.cv_documents.all()
            ],
        },
        "plan": {
            "goals": [
                _row(g, ["description", "target_date", "status", "created_at"])
                for g in job_seeker.goals.all()
            ],
            "actions": [
                _row(a, ["description", "due_on", "status", "completed_on"])
                for a in job_seeker.actions.all()
            ],
        },
        "service_events": [
            {
                **_row(
                    e,
                    [
                        "kind",
                        "occurred_on",
                        "description",
                        "training_name",
                        "referral_status",
                        "outcome",
                    ],
                ),
                "recipient": str(e.partner_organisation or e.company or "") or None,
            }
            for e in job_seeker.events.select_related("partner_organisation", "company")
        ],
        "access_log": [
            {
                "occurred_at": _iso(a.occurred_at),
                "by": a.actor_username,
                "what": a.what,
                "reason": a.reason,
            }
            for a in AccessLogEntry.objects.filter(
                subject_type="jobseekers.jobseeker", subject_id=str(job_seeker.pk)
            ).order_by("occurred_at", "id")
        ],
    }
    access_log_record(
        actor=actor,
        subject=job_seeker,
        what="data_export",
        reason="right of access (GDPR Art. 15)",
        path=path,
        subject_repr=str(job_seeker),
    )
    return data


def _label(obj: Any) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def _owned_objects(obj: Any) -> list[tuple[str, str]]:
    """(label, id) of every row that points to `obj` (any app), and of their own rows."""
    found: list[tuple[str, str]] = []
    for relation in obj._meta.related_objects:
        if not relation.one_to_many and not relation.one_to_one:
            continue
        model = relation.related_model
        rows = model._base_manager.filter(**{relation.field.name: obj})
        for row in rows.only("pk"):
            found.append((_label(row), str(row.pk)))
            if isinstance(row, Participation):
                found.extend(_owned_objects(row))
    return found


def _forget_in_audit(job_seeker: JobSeeker) -> None:
    """Scrub the person from audit snapshots and access-log labels (before their data goes)."""
    subjects = [(_label(job_seeker), str(job_seeker.pk)), *_owned_objects(job_seeker)]
    needles = [
        f"{job_seeker.first_name} {job_seeker.last_name}",
        f"{job_seeker.last_name} {job_seeker.first_name}",
        job_seeker.email,
        job_seeker.phone,
        job_seeker.external_id,
    ]
    if len(job_seeker.last_name) >= 4:
        needles.append(job_seeker.last_name)
    if job_seeker.identity_code_encrypted:
        needles.append(identity_code_decrypt(job_seeker.identity_code_encrypted))
    audit_forget(subjects=subjects, needles=needles)


@transaction.atomic
def job_seeker_pseudonymise(*, actor: User | None, job_seeker: JobSeeker, reason: str) -> JobSeeker:
    """Remove the person's direct identifiers and free texts, keeping the ESF+ data.

    Invariant: every Participation field the ESF+ common indicators are computed from keeps
    its meaning; birth dates are replaced by ones giving the same completed age at entry.
    """
    job_seeker = JobSeeker.objects.select_for_update().get(pk=job_seeker.pk)
    if job_seeker.pseudonymised_at is not None:
        raise ConflictError("already pseudonymised")
    now = timezone.now()
    _forget_in_audit(job_seeker)
    for p in Participation.objects.select_for_update().filter(job_seeker=job_seeker):
        coarse = birth_date_keeping_age(p.birth_date, p.entry_date)
        if coarse != p.birth_date:
            p.birth_date = coarse
            p.save(update_fields=["birth_date", "updated_at"])
    job_seeker.first_name = ""
    job_seeker.last_name = ""
    job_seeker.email = ""
    job_seeker.phone = ""
    job_seeker.external_id = ""
    job_seeker.identity_code_encrypted = ""
    job_seeker.identity_code_digest = ""
    job_seeker.birth_date = None
    job_seeker.status = JobSeeker.Status.CLOSED
    job_seeker.pseudonymised_at = now
    job_seeker.save(
        update_fields=[
            "first_name",
            "last_name",
            "email",
            "phone",
            "external_id",
            "identity_code_encrypted",
            "identity_code_digest",
            "birth_date",
            "status",
            "pseudonymised_at",
            "updated_at",
        ]
    )
    job_seeker.counsellors.clear()
    CvDocument.objects.filter(job_seeker=job_seeker).delete()
    Reminder.objects.filter(job_seeker=job_seeker).delete()
    Consent.objects.filter(job_seeker=job_seeker).update(note="")
    ProfileSkill.objects.filter(job_seeker=job_seeker).update(evidence="")
    RequirementCard.objects.filter(job_seeker=job_seeker).update(evidence="")
    PlanGoal.objects.filter(job_seeker=job_seeker).update(description="–")
    PlanAction.objects.filter(job_seeker=job_seeker).update(description="–")
    ServiceEvent.objects.filter(job_seeker=job_seeker).update(description="")
    audit_event_record(
        actor=actor,
        action="job_seeker.pseudonymise",
        target=job_seeker,
        changes={"pseudonymised_at": [None, now], "reason": [None, reason]},
    )
    return job_seeker


@transaction.atomic
def job_seeker_erase(*, actor: User | None, job_seeker: JobSeeker, reason: str) -> None:
    """Delete a person who never took part in an ESF+ operation, with everything about them,
    and scrub them from audit snapshots and access-log labels."""
    if job_seeker.participations.exists():
        raise ConflictError("an ESF+ participant is pseudonymised, not erased")
    _forget_in_audit(job_seeker)
    audit_event_record(
        actor=actor,
        action="job_seeker.erase",
        target=job_seeker,
        target_repr=f"#{job_seeker.pk}",
        changes={"reason": [None, reason]},
    )
    job_seeker.delete()


@dataclass
class RetentionResult:
    pseudonymised: int = 0
    erased: int = 0


def retention_apply(
    *,
    actor: User | None,
    today: datetime.date,
    years: int,
    area: EmploymentArea | None = None,
    dry_run: bool = False,
) -> RetentionResult:
    """Pseudonymise or erase everyone past the retention period (one transaction each, so
    that a failure leaves the others done and the rest for the next run)."""
    result = RetentionResult()
    due = list(job_seekers_past_retention(today=today, years=years, area=area))
    reason = f"retention period of {years} years ended"
    for job_seeker in due:
        took_part = job_seeker.participations.exists()
        if dry_run:
            pass
        elif took_part:
            job_seeker_pseudonymise(actor=actor, job_seeker=job_seeker, reason=reason)
        else:
            job_seeker_erase(actor=actor, job_seeker=job_seeker, reason=reason)
        if took_part:
            result.pseudonymised += 1
        else:
            result.erased += 1
    return result

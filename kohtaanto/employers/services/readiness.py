"""Industry 4.0 readiness self-assessments, repeated over time."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import READINESS_DIMENSIONS, Company, ReadinessAssessment
from kohtaanto.employers.readiness import MAX_LEVEL


@transaction.atomic
def readiness_assessment_record(
    *,
    actor: User,
    company: Company,
    assessed_on: date,
    scores: dict[str, int],
    notes: str = "",
) -> ReadinessAssessment:
    """Record one assessment: every dimension scored 0–5, dated today or earlier. Earlier
    assessments stay as they were, so that the change over time shows."""
    missing = [d for d in READINESS_DIMENSIONS if d not in scores]
    if missing:
        raise FieldError(missing[0], _("Jokainen osa-alue on arvioitava."))
    unknown = sorted(set(scores) - set(READINESS_DIMENSIONS))
    if unknown:
        raise FieldError(unknown[0], _("Tuntematon osa-alue."))
    for key in READINESS_DIMENSIONS:
        value = scores[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LEVEL:
            raise FieldError(key, _("Tason on oltava kokonaisluku 0–5."))
    if assessed_on > timezone.localdate():
        raise FieldError("assessed_on", _("Arviointipäivä ei voi olla tulevaisuudessa."))
    assessment = ReadinessAssessment.objects.create(
        company=company, assessed_on=assessed_on, assessed_by=actor, notes=notes, **scores
    )
    audit_event_record(
        actor=actor,
        action="readiness_assessment.create",
        target=assessment,
        changes={"company": [None, company.pk], "assessed_on": [None, assessed_on.isoformat()]}
        | {key: [None, scores[key]] for key in READINESS_DIMENSIONS},
    )
    return assessment

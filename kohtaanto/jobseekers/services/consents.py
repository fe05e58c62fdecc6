"""Recording and withdrawing consent."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError
from kohtaanto.common.formats import format_date
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import Consent, ConsentPurpose, JobSeeker
from kohtaanto.jobseekers.validation import raise_if


@transaction.atomic
def consent_give(
    *,
    actor: User,
    job_seeker: JobSeeker,
    purpose: str,
    given_on: datetime.date,
    expires_on: datetime.date | None = None,
    partner_organisation: PartnerOrganisation | None = None,
    company: Company | None = None,
    note: str = "",
) -> Consent:
    """Record a consent the person gave, with its recipient and validity.

    Invariants: sharing with a partner names exactly one partner organisation; sending the
    profile names exactly one company of the person's employment area; processing names
    neither. A consent cannot be recorded as given in the future or expire before it was given.
    """
    errors: list[tuple[str, str]] = []
    if purpose not in ConsentPurpose.values:
        errors.append(("purpose", _("Tuntematon suostumuksen tarkoitus.")))
    if purpose == ConsentPurpose.SHARE_WITH_PARTNER and partner_organisation is None:
        errors.append(("partner_organisation", _("Valitse kumppaniorganisaatio.")))
    if purpose == ConsentPurpose.SEND_TO_EMPLOYER and company is None:
        errors.append(("company", _("Valitse työnantaja.")))
    if company is not None and company.employment_area_id != job_seeker.employment_area_id:
        errors.append(("company", _("Työnantajan on oltava oman alueen yritys.")))
    if given_on > timezone.localdate():
        errors.append(("given_on", _("Antopäivä ei voi olla tulevaisuudessa.")))
    if expires_on is not None and expires_on < given_on:
        errors.append(("expires_on", _("Voimassaolo ei voi päättyä ennen antopäivää.")))
    raise_if(errors)
    # The person's row is locked so that two counsellors recording the same consent at the
    # same moment cannot both pass the check below.
    JobSeeker.objects.select_for_update().filter(pk=job_seeker.pk).first()
    today = timezone.localdate()
    in_force = (
        Consent.objects.filter(
            job_seeker=job_seeker,
            purpose=purpose,
            partner_organisation=partner_organisation
            if purpose == ConsentPurpose.SHARE_WITH_PARTNER
            else None,
            company=company if purpose == ConsentPurpose.SEND_TO_EMPLOYER else None,
            withdrawn_on__isnull=True,
        )
        .exclude(expires_on__lt=today)
        .order_by("-given_on")
        .first()
    )
    if in_force is not None:
        raise ConflictError(
            _(
                "Sama suostumus on jo voimassa (annettu %(day)s). Jos henkilö antoi sen "
                "uudelleen, peru ensin vanha suostumus."
            )
            % {"day": format_date(in_force.given_on)}
        )
    consent = Consent.objects.create(
        job_seeker=job_seeker,
        purpose=purpose,
        partner_organisation=partner_organisation
        if purpose == ConsentPurpose.SHARE_WITH_PARTNER
        else None,
        company=company if purpose == ConsentPurpose.SEND_TO_EMPLOYER else None,
        given_on=given_on,
        expires_on=expires_on,
        note=note.strip(),
        recorded_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="consent.give",
        target=consent,
        target_repr=f"{job_seeker.pk}: {consent}",
        changes={
            "job_seeker": [None, job_seeker.pk],
            "purpose": [None, purpose],
            "recipient": [None, str(consent.recipient) if consent.recipient else None],
            "given_on": [None, given_on],
            "expires_on": [None, expires_on],
        },
    )
    return consent


@transaction.atomic
def consent_withdraw(
    *, actor: User, consent: Consent, withdrawn_on: datetime.date | None = None
) -> Consent:
    """Record that the person withdrew the consent; sharing stops from that day on.

    Data already shared are not recalled by this; the recipients are listed in the person's
    data export (timeline and access log).
    """
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    day = withdrawn_on or timezone.localdate()
    if consent.withdrawn_on is not None:
        raise ConflictError(_("Suostumus on jo peruttu."))
    raise_if(
        [("withdrawn_on", _("Perumispäivä ei voi olla ennen antopäivää."))]
        if day < consent.given_on
        else []
    )
    consent.withdrawn_on = day
    consent.withdrawn_by = actor
    consent.save(update_fields=["withdrawn_on", "withdrawn_by", "updated_at"])
    audit_event_record(
        actor=actor,
        action="consent.withdraw",
        target=consent,
        target_repr=f"{consent.job_seeker_id}: {consent}",
        changes={"withdrawn_on": [None, day]},
    )
    return consent

"""Shortlists: candidates an advisor proposes for a vacancy, the person's consent to send the
profile to the employer, and the company's answer and outcome through a signed link.

The company sees a candidate only while the person's consent to send the profile to that
company is valid (checked on every view, so a withdrawal removes the person at once).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel

LINK_LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]


class ShortlistStatus(models.TextChoices):
    DRAFT = "draft", _("Valmisteilla")
    SENT = "sent", _("Lähetetty yritykselle")


class Shortlist(TimeStampedModel):
    """One shortlist per vacancy; candidates are added over time and the link re-issued.

    `link_nonce` is part of every link, so issuing a new link or revoking it makes the old
    links useless (as with the competence-needs survey links).
    """

    vacancy = models.OneToOneField(
        "employers.Vacancy",
        on_delete=models.CASCADE,
        related_name="shortlist",
        verbose_name=_("avoin työpaikka"),
    )
    status = models.CharField(
        _("tila"), max_length=10, choices=ShortlistStatus.choices, default=ShortlistStatus.DRAFT
    )
    contact = models.ForeignKey(
        "employers.CompanyContact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("yrityksen yhteyshenkilö"),
    )
    link_language = models.CharField(
        _("linkin kieli"), max_length=2, choices=LINK_LANGUAGES, default="fi"
    )
    link_nonce = models.CharField(max_length=32, blank=True, editable=False)
    link_sent_at = models.DateTimeField(_("linkki lähetetty"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("lyhytlista")
        verbose_name_plural = _("lyhytlistat")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return str(self.vacancy)


class CandidateStatus(models.TextChoices):
    PROPOSED = "proposed", _("Ehdotettu, suostumusta kysytään")
    CONSENTED = "consented", _("Suostui profiilin lähettämiseen")
    DECLINED = "declined", _("Ei suostunut")
    WITHDRAWN = "withdrawn", _("Perui suostumuksen")


class CompanyAnswer(models.TextChoices):
    INTERESTED = "interested", _("Kiinnostaa")
    NOT_INTERESTED = "not_interested", _("Ei kiinnosta")


class Outcome(models.TextChoices):
    INTERVIEWED = "interviewed", _("Haastateltu")
    HIRED = "hired", _("Palkattu")
    NOT_CHOSEN = "not_chosen", _("Ei valittu")


class ShortlistCandidate(TimeStampedModel):
    """A person proposed for the vacancy, the consent they gave, and what the company said."""

    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="candidates")
    job_seeker = models.ForeignKey(
        "jobseekers.JobSeeker",
        on_delete=models.CASCADE,
        related_name="shortlist_entries",
        verbose_name=_("työnhakija"),
    )
    status = models.CharField(
        _("tila"), max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.PROPOSED
    )
    note = models.TextField(_("perustelu"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    consent = models.ForeignKey(
        "jobseekers.Consent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suostumus"),
    )
    share_contact = models.BooleanField(_("yhteystiedot saa näyttää yritykselle"), default=False)
    decided_at = models.DateTimeField(_("vastaus kirjattu"), null=True, blank=True)
    company_answer = models.CharField(
        _("yrityksen vastaus"), max_length=15, choices=CompanyAnswer.choices, blank=True
    )
    company_comment = models.TextField(_("yrityksen kommentti"), blank=True)
    company_answered_at = models.DateTimeField(_("yritys vastasi"), null=True, blank=True)
    outcome = models.CharField(_("tulos"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_on = models.DateField(_("tuloksen päivä"), null=True, blank=True)

    class Meta:
        verbose_name = _("ehdokas")
        verbose_name_plural = _("ehdokkaat")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["shortlist", "job_seeker"], name="shortlist_candidate_once"
            ),
            models.CheckConstraint(
                condition=Q(outcome="", outcome_on__isnull=True)
                | (~Q(outcome="") & Q(outcome_on__isnull=False)),
                name="shortlist_outcome_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.shortlist_id}: {self.job_seeker_id}"

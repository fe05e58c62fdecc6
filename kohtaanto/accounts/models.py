import hashlib
import secrets
from functools import cached_property
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.errors import DomainError
from kohtaanto.common.formats import user_display_name

if TYPE_CHECKING:
    from kohtaanto.accounts.permissions import PermissionResolver


class EmploymentArea(models.Model):
    """A työllisyysalue: the organisation that runs Kohtaanto. Everything regional is data."""

    code = models.SlugField(_("tunnus"), max_length=50, unique=True)
    name = models.CharField(_("nimi"), max_length=200)
    host_municipality_code = models.CharField(_("vastuukunnan koodi"), max_length=3, blank=True)

    class Meta:
        verbose_name = _("työllisyysalue")
        verbose_name_plural = _("työllisyysalueet")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A Finnish municipality by Statistics Finland's three-digit code."""

    code = models.CharField(_("kuntakoodi"), max_length=3, unique=True)
    name_fi = models.CharField(_("nimi suomeksi"), max_length=100)
    name_sv = models.CharField(_("nimi ruotsiksi"), max_length=100, blank=True)
    area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="municipalities",
        verbose_name=_("työllisyysalue"),
    )
    # Rural classification for the ESF+ EECO17 indicator is recorded per participant;
    # this is the default suggested for people living here.
    rural_default = models.BooleanField(_("maaseutukunta"), default=False)

    class Meta:
        verbose_name = _("kunta")
        verbose_name_plural = _("kunnat")
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        """The official name in the reader's language: the Swedish one (Karleby) in Swedish
        where the municipality has one, otherwise the Finnish one."""
        if (lang or get_language() or "fi")[:2] == "sv" and self.name_sv:
            return self.name_sv
        return self.name_fi


class PartnerOrganisation(models.Model):
    """An implementer or partner whose staff use Kohtaanto (e.g. KPEDU, Centria)."""

    class Kind(models.TextChoices):
        EDUCATION = "education", _("Oppilaitos")
        UNIVERSITY = "university", _("Ammattikorkeakoulu tai yliopisto")
        PUBLIC = "public", _("Julkinen organisaatio")
        OTHER = "other", _("Muu")

    name = models.CharField(_("nimi"), max_length=200, unique=True)
    short_name = models.CharField(_("lyhenne"), max_length=40, blank=True)
    kind = models.CharField(_("tyyppi"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    business_id = models.CharField(_("Y-tunnus"), max_length=9, blank=True)

    class Meta:
        verbose_name = _("kumppaniorganisaatio")
        verbose_name_plural = _("kumppaniorganisaatiot")

    def __str__(self) -> str:
        return self.short_name or self.name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Projektikoordinaattori")
    COUNSELLOR = "counsellor", _("Työvoimaohjaaja")
    BUSINESS_ADVISOR = "business_advisor", _("Yritysneuvoja")
    PARTNER = "partner", _("Kumppanin käyttäjä")
    FINANCE = "finance", _("Talous")
    AUDITOR = "auditor", _("Tarkastaja")


class User(AbstractUser):
    role = models.CharField(_("rooli"), max_length=20, choices=Role.choices, blank=True)
    employment_area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("työllisyysalue"),
    )
    partner_organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("kumppaniorganisaatio"),
    )
    preferred_language = models.CharField(
        _("asiointikieli"),
        max_length=2,
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        default="fi",
    )
    # Raised by "log out everywhere": sessions that carry an older generation end.
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("käyttäjä")
        verbose_name_plural = _("käyttäjät")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="partner") | models.Q(partner_organisation__isnull=False),
                name="partner_user_has_organisation",
                violation_error_message=_("Kumppanin käyttäjällä on oltava organisaatio."),
            )
        ]

    def is_verified(self) -> bool:  # replaced per request by django-otp's middleware
        return False

    @property
    def display_name(self) -> str:
        """How the user is named to other people (see `user_display_name`)."""
        return user_display_name(
            first_name=self.first_name, last_name=self.last_name, username=self.get_username()
        )

    def required_area_id(self) -> int:
        """The id of the user's employment area; DomainError for a user without one (work
        that belongs to an area cannot be done for nobody's area)."""
        if self.employment_area_id is None:
            raise DomainError(gettext("Käyttäjälle ei ole määritetty työllisyysaluetta."))
        return self.employment_area_id

    @cached_property
    def permissions(self) -> "PermissionResolver":
        from kohtaanto.accounts.permissions import PermissionResolver

        return PermissionResolver(self)


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only its SHA-256 digest is stored; the token is a
    random 256-bit value, so a plain digest (no salt, no slow hash) cannot be reversed.

    Every token has an end date (API_TOKEN_DAYS, at most API_TOKEN_MAX_DAYS); it can be
    revoked at any time, and its last use is kept and shown (`kohtaanto list-api-tokens`).
    """

    DEFAULT_DAYS = 90
    MAX_DAYS = 365

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("voimassa asti"))
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API-avain")
        verbose_name_plural = _("API-avaimet")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return "kht_" + secrets.token_urlsafe(32)

"""Grant applications, the public application links and the attempts made through them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.formats import format_date
from kohtaanto.common.models import TimeStampedModel
from kohtaanto.finance.models.base import ZERO, _money, _staff
from kohtaanto.finance.models.schemes import GrantScheme


class EmployerKind(models.TextChoices):
    """Employer categories the law treats differently (HE 120/2024: municipalities)."""

    COMPANY = "company", _("Yritys")
    ASSOCIATION = "association", _("Yhdistys, säätiö tai uskonnollinen yhdyskunta")
    MUNICIPALITY = "municipality", _("Kunta tai kuntayhtymä")
    WELLBEING_SERVICES = "wellbeing_county", _("Hyvinvointialue tai -yhtymä")


class DecisionLanguage(models.TextChoices):
    FI = "fi", _("suomi")
    SV = "sv", _("ruotsi")


class GrantApplication(TimeStampedModel):
    """An employer's application for a grant for one employee.

    Inputs stay editable while the application waits for a decision; the decision freezes them
    in its snapshot. `eligible`, `maximum_amount` and `evaluation` cache the last check.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Käsittelyssä")
        APPROVED = "approved", _("Myönnetty")
        REJECTED = "rejected", _("Hylätty")

    class Channel(models.TextChoices):
        LINK = "link", _("Työnantaja linkin kautta")
        ADVISOR = "advisor", _("Virkailija")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="grant_applications",
        verbose_name=_("työllisyysalue"),
    )
    scheme = models.ForeignKey(
        GrantScheme,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("avustusohjelma"),
    )
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.PROTECT,
        related_name="grant_applications",
        verbose_name=_("työnantaja"),
    )
    category = models.SlugField(_("tukiperuste"), max_length=40)
    employee_first_name = models.CharField(_("työntekijän etunimi"), max_length=100)
    employee_last_name = models.CharField(_("työntekijän sukunimi"), max_length=100)
    employee_birth_date = models.DateField(_("työntekijän syntymäaika"))
    job_title = models.CharField(_("tehtävä"), max_length=200)
    start_date = models.DateField(_("työsuhde alkaa"))
    end_date = models.DateField(_("tuettu jakso päättyy"))
    weekly_hours = models.DecimalField(_("työaika (h/vko)"), max_digits=5, decimal_places=2)
    monthly_pay_costs = _money(_("palkkakustannukset kuukaudessa"), max_digits=10)
    reduced_work_capacity = models.BooleanField(_("alentunut työkyky"), default=False)
    non_business_association = models.BooleanField(
        _("yhdistyksen tai säätiön muu kuin elinkeinotoiminta"), default=False
    )
    full_time_weekly_hours = models.DecimalField(
        _("alan säännöllinen työaika (h/vko)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    basic_education_only = models.BooleanField(_("vain perusasteen koulutus"), default=False)
    employer_kind = models.CharField(
        _("työnantajan laji"), max_length=20, choices=EmployerKind.choices, default="company"
    )
    # Business IDs of the enterprises linked with the company into one single undertaking
    # (Regulation (EU) 2023/2831, Art. 2(2)); their de minimis aid counts together.
    linked_business_ids = models.JSONField(_("sidosyritykset"), default=list, blank=True)
    language = models.CharField(
        _("asiointikieli"), max_length=2, choices=DecisionLanguage.choices, default="fi"
    )
    # [["2025-01-01", "2025-12-31"], ["2026-02-01", null]]: null end = still unemployed.
    unemployment_periods = models.JSONField(_("työttömyysjaksot"), default=list, blank=True)
    # The company's declaration of other de minimis aid: [{"granted_on", "amount", "grantor"}].
    other_de_minimis = models.JSONField(_("muut de minimis -tuet"), default=list, blank=True)
    de_minimis_declared = models.BooleanField(_("de minimis -ilmoitus annettu"), default=False)
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=200)
    contact_email = models.EmailField(_("sähköposti"))
    contact_phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    channel = models.CharField(_("tulokanava"), max_length=10, choices=Channel.choices)
    received_at = models.DateTimeField(_("saapunut"), db_index=True)
    entered_by = _staff(_("kirjaaja"))
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    eligible = models.BooleanField(_("tukikelpoinen"), default=False)
    maximum_amount = _money(_("enimmäistuki"), default=ZERO)
    evaluation = models.JSONField(_("tarkistuksen tulos"), default=dict, blank=True)
    # First-come rule (SECURITY.md): an application that came through a public link holds its
    # place in the queue (received_at) but no claim on the envelope until staff have checked
    # that it is genuine; one entered by staff is checked when entered.
    checked_at = models.DateTimeField(_("tarkastettu"), null=True, blank=True)
    checked_by = _staff(_("tarkastaja"))
    application_link = models.ForeignKey(
        "finance.ApplicationLink",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("hakulinkki"),
    )

    class Meta:
        verbose_name = _("avustushakemus")
        verbose_name_plural = _("avustushakemukset")
        ordering = ["received_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="grant_application_period_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(weekly_hours__gt=0, monthly_pay_costs__gt=0),
                name="grant_application_positive_inputs",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.company} ({format_date(self.received_at)})"

    @property
    def employee_name(self) -> str:
        return f"{self.employee_first_name} {self.employee_last_name}"


class ApplicationLink(TimeStampedModel):
    """A public link with which one company applies to one scheme without an account.

    The signed token carries the link's nonce; the row says how many applications the link
    still accepts (`max_uses`, one by default) and whether staff have revoked it. The token
    alone is worth nothing once the row is used up, revoked or expired.
    """

    scheme = models.ForeignKey(
        GrantScheme,
        on_delete=models.PROTECT,
        related_name="application_links",
        verbose_name=_("avustusohjelma"),
    )
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.PROTECT,
        related_name="application_links",
        verbose_name=_("työnantaja"),
    )
    nonce = models.CharField(_("tunniste"), max_length=64, unique=True)
    max_uses = models.PositiveSmallIntegerField(_("hakemuksia enintään"), default=1)
    uses = models.PositiveSmallIntegerField(_("hakemuksia saapunut"), default=0)
    expires_at = models.DateTimeField(_("voimassa asti"))
    created_by = _staff(_("luoja"), optional=False)
    revoked_at = models.DateTimeField(_("peruttu"), null=True, blank=True)
    revoked_by = _staff(_("perunut"))

    class Meta:
        verbose_name = _("hakulinkki")
        verbose_name_plural = _("hakulinkit")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(uses__lte=models.F("max_uses"), max_uses__gte=1),
                name="application_link_uses_within_limit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.company}"


class PublicLinkAttempt(models.Model):
    """One submission attempt through a public link, for rate limiting.

    The client address is kept only as a keyed digest and only for a day.
    """

    link = models.ForeignKey(
        ApplicationLink, on_delete=models.CASCADE, null=True, related_name="attempts"
    )
    address_digest = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("hakulinkin käyttöyritys")
        verbose_name_plural = _("hakulinkin käyttöyritykset")

    def __str__(self) -> str:
        return f"{self.link_id} {self.at:%Y-%m-%d %H:%M}"

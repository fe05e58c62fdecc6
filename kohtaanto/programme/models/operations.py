"""The programme, its rules and operations (projects), the implementers, the companies an operation
supports and its payment periods."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.formats import format_date
from kohtaanto.programme.models.base import ZERO, DateSpan


class ProgrammeRules(models.Model):
    """The rates in force from `valid_from` until the next row's `valid_from`.

    Sources: CPR (EU) 2021/1060 Art. 55(2) (hourly rate = annual gross employment cost / 1 720 h
    and the same hours as the yearly cap), Art. 56(1) (flat rate of up to 40 % of eligible
    direct staff costs for all other costs), Art. 53(2) (operations of at most 200 000 € use
    simplified cost options); Regulation (EU) 2021/1057 Annex I and DESIGN.md for long-term
    unemployment.
    """

    valid_from = models.DateField(_("voimassa alkaen"), unique=True)
    flat_rate_percent = models.DecimalField(
        _("kiinteä prosenttiosuus muille kuluille (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("40"))],
    )
    annual_hours = models.DecimalField(
        _("vuosityöaika tuntihinnan laskennassa (h)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("1"))],
    )
    small_operation_threshold_eur = models.DecimalField(
        _("pienen hankkeen raja (€)"), max_digits=12, decimal_places=2
    )
    ltu_age_limit = models.PositiveSmallIntegerField(
        _("pitkäaikaistyöttömyyden ikäraja (v)"), default=25
    )
    ltu_months_below_age = models.PositiveSmallIntegerField(
        _("pitkäaikaistyöttömyys alle ikärajan (kk)"), default=6
    )
    ltu_months_from_age = models.PositiveSmallIntegerField(
        _("pitkäaikaistyöttömyys ikärajasta alkaen (kk)"), default=12
    )
    source = models.TextField(_("lähde"), blank=True)

    class Meta:
        verbose_name = _("hankkeen laskentasäännöt")
        verbose_name_plural = _("hankkeen laskentasäännöt")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return format_date(self.valid_from)


class Programme(DateSpan):
    """A development programme made of several linked projects (ERDF and ESF+)."""

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("työllisyysalue"),
    )
    code = models.SlugField(_("tunnus"), max_length=60, unique=True)
    name = models.CharField(_("nimi"), max_length=300)
    lead_partner = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_programmes",
        verbose_name=_("päätoteuttaja"),
    )
    description = models.TextField(_("kuvaus"), blank=True)

    class Meta:
        verbose_name = _("ohjelma")
        verbose_name_plural = _("ohjelmat")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="programme_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Operation(DateSpan):
    """One funded project (toimi), e.g. the employment area's ESF+ Industry 4.0 project.

    ESF+ participation (jobseekers) and the common indicators belong to an operation.
    """

    class Fund(models.TextChoices):
        ESF_PLUS = "esf_plus", _("ESR+")
        ERDF = "erdf", _("EAKR")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="operations",
        verbose_name=_("työllisyysalue"),
    )
    code = models.SlugField(_("tunnus"), max_length=60, unique=True)
    name = models.CharField(_("nimi"), max_length=300)
    fund = models.CharField(
        _("rahasto"), max_length=10, choices=Fund.choices, default=Fund.ESF_PLUS
    )
    is_default = models.BooleanField(_("oletushanke"), default=False)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="operations",
        verbose_name=_("ohjelma"),
    )
    funder = models.CharField(_("rahoittaja"), max_length=200, blank=True)
    funding_reference = models.CharField(_("rahoituspäätöksen tunnus"), max_length=60, blank=True)
    # True for the projects whose administration this area keeps in Kohtaanto (budget, time,
    # cost reports); the programme's other projects are listed for reference.
    administered_here = models.BooleanField(_("hallinnoidaan Kohtaannossa"), default=True)
    # CPR (EU) 2021/1060 Art. 56(2): participants' wages and allowances may be eligible on top
    # of the 40 % flat rate; only where the funding decision allows it (off by default).
    participant_costs_allowed = models.BooleanField(
        _("osallistujien palkat ja korvaukset hyväksyttäviä (rahoituspäätös)"), default=False
    )

    class Meta:
        verbose_name = _("hanke")
        verbose_name_plural = _("hankkeet")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="operation_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Implementer(models.Model):
    """An organisation implementing an operation: a partner organisation or the employment
    area itself, either as the lead partner or as a co-implementer (osatoteuttaja)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Päätoteuttaja")
        CO_IMPLEMENTER = "co_implementer", _("Osatoteuttaja")

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="implementers", verbose_name=_("hanke")
    )
    partner_organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implementations",
        verbose_name=_("kumppaniorganisaatio"),
    )
    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implementations",
        verbose_name=_("työllisyysalue"),
    )
    role = models.CharField(_("rooli"), max_length=20, choices=Role.choices)
    # The implementer's part of the operation's eligible budget in the funding decision; the
    # co-implementer's share is this over the sum of all implementers' budgets.
    budget_eur = models.DecimalField(
        _("budjetti (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("toteuttaja")
        verbose_name_plural = _("toteuttajat")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(partner_organisation__isnull=False, employment_area__isnull=True)
                | models.Q(partner_organisation__isnull=True, employment_area__isnull=False),
                name="implementer_is_partner_or_area",
            ),
            models.UniqueConstraint(
                fields=["operation", "partner_organisation"], name="implementer_partner_once"
            ),
            models.UniqueConstraint(
                fields=["operation", "employment_area"], name="implementer_area_once"
            ),
            models.UniqueConstraint(
                fields=["operation"], condition=models.Q(role="lead"), name="one_lead_per_operation"
            ),
        ]

    def __str__(self) -> str:
        return str(self.partner_organisation or self.employment_area)


class OperationCompany(models.Model):
    """A company's part in an operation: development partner, pilot company, and/or an
    entity the operation supports (counted once for ESF+ EECO18/EECO19)."""

    operation = models.ForeignKey(
        Operation,
        on_delete=models.CASCADE,
        related_name="company_links",
        verbose_name=_("hanke"),
    )
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.PROTECT,
        related_name="operation_links",
        verbose_name=_("yritys"),
    )
    is_development_partner = models.BooleanField(_("kehittämiskumppani"), default=False)
    is_pilot_company = models.BooleanField(_("pilottiyritys"), default=False)
    supported_from = models.DateField(
        _("tuettu alkaen"),
        null=True,
        blank=True,
        help_text=_("Täytä, jos hanke tukee organisaatiota suoraan (ESR+ EECO18/EECO19)."),
    )

    class Meta:
        verbose_name = _("hankkeen yritys")
        verbose_name_plural = _("hankkeen yritykset")
        constraints = [
            models.UniqueConstraint(fields=["operation", "company"], name="operation_company_once"),
        ]

    def __str__(self) -> str:
        return f"{self.company} – {self.operation}"


class PaymentPeriod(DateSpan):
    """A payment-claim period (maksatuskausi) of an operation."""

    operation = models.ForeignKey(
        Operation,
        on_delete=models.CASCADE,
        related_name="payment_periods",
        verbose_name=_("hanke"),
    )
    number = models.PositiveSmallIntegerField(_("numero"))

    class Meta:
        verbose_name = _("maksatuskausi")
        verbose_name_plural = _("maksatuskaudet")
        ordering = ["operation", "number"]
        constraints = [
            models.UniqueConstraint(fields=["operation", "number"], name="payment_period_number"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="payment_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}: {format_date(self.start_date)}–{format_date(self.end_date)}"

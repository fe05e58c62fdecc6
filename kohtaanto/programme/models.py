"""The programme, its ESF+ / ERDF operations (projects), their budget, time, cost reports and
the implementers' shared activity log.

Every rate that a figure for the funder depends on (the flat rate, the 1 720-hour year, the
200 000 € threshold, the long-term unemployment durations) lives in `ProgrammeRules`, dated
configuration seeded by a data migration, never in code.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.formats import format_date
from kohtaanto.common.models import TimeStampedModel

ZERO = Decimal("0")


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


class Programme(models.Model):
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
    start_date = models.DateField(_("alkaa"))
    end_date = models.DateField(_("päättyy"))
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


class Operation(models.Model):
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
    start_date = models.DateField(_("alkaa"))
    end_date = models.DateField(_("päättyy"))
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


class PaymentPeriod(models.Model):
    """A payment-claim period (maksatuskausi) of an operation."""

    operation = models.ForeignKey(
        Operation,
        on_delete=models.CASCADE,
        related_name="payment_periods",
        verbose_name=_("hanke"),
    )
    number = models.PositiveSmallIntegerField(_("numero"))
    start_date = models.DateField(_("alkaa"))
    end_date = models.DateField(_("päättyy"))

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


class StaffMember(models.Model):
    """A person whose work the employment area charges to its projects."""

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="staff_members",
        verbose_name=_("työllisyysalue"),
    )
    name = models.CharField(_("nimi"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_memberships",
        verbose_name=_("käyttäjä"),
    )

    class Meta:
        verbose_name = _("henkilöstöön kuuluva")
        verbose_name_plural = _("henkilöstö")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SalaryModel(models.TextChoices):
    # CPR (EU) 2021/1060 Art. 55(2): hourly rate = annual gross employment cost / 1 720 h.
    # Part time: / the pro-rata of 1 720 h (StaffPosition.working_time_percent).
    HOURLY_RATE = "hourly_rate", _("Tuntihinta (vuoden työnantajakulut / 1 720 h)")
    # Actual salary paid plus employer's side costs at a fixed percentage.
    SALARY_PLUS_SIDE_COSTS = "salary_side_costs", _("Toteutunut palkka + kiinteä sivukulu-%")
    # CPR (EU) 2021/1060 Art. 55(2)(b): hourly rate = the month's gross employment cost / the
    # person's monthly working time under the employment contract.
    MONTHLY_RATE = (
        "monthly_rate",
        _("Kuukausihinta (kuukauden työnantajakulut / sopimuksen kuukausityöaika)"),
    )


class TimeRecording(models.TextChoices):
    HOURS = "hours", _("Tunnit päivittäin tai kuukausittain")
    FIXED_PERCENTAGE = "fixed_percentage", _("Kiinteä prosenttiosuus kuukaudessa")


class StaffPosition(models.Model):
    """A staff budget line: one person's post in one operation for a period."""

    operation = models.ForeignKey(
        Operation,
        on_delete=models.CASCADE,
        related_name="staff_positions",
        verbose_name=_("hanke"),
    )
    staff_member = models.ForeignKey(
        StaffMember,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("henkilö"),
    )
    title = models.CharField(_("tehtävänimike"), max_length=200)
    salary_model = models.CharField(
        _("palkkamalli"),
        max_length=20,
        choices=SalaryModel.choices,
        default=SalaryModel.HOURLY_RATE,
    )
    annual_gross_cost = models.DecimalField(
        _("vuoden bruttotyönantajakulut (€)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(ZERO)],
    )
    side_cost_percent = models.DecimalField(
        _("sivukuluprosentti (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("100"))],
    )
    # CPR (EU) 2021/1060 Art. 55(2)(a): a part-time post's hourly rate divides the annual
    # cost by the pro-rata of 1 720 h, and Art. 55(3) caps its hours at that pro-rata.
    working_time_percent = models.DecimalField(
        _("työaika (% täydestä työajasta)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("100.00"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
        help_text=_(
            "Osa-aikaisella tehtävällä työaikaprosentti: 50 % tarkoittaa 860 tuntia vuodessa "
            "ja tuntihintaa vuoden kulut / 860 h."
        ),
    )
    # Art. 55(2)(b): the person's monthly working time in the employment contract (hours).
    monthly_working_hours = models.DecimalField(
        _("sopimuksen mukainen kuukausityöaika (h)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("744"))],
    )
    person_years = models.DecimalField(
        _("henkilötyövuotta vuodessa"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.00"))],
    )
    start_date = models.DateField(_("alkaa"))
    end_date = models.DateField(_("päättyy"))
    time_recording = models.CharField(
        _("työajan kirjaus"),
        max_length=20,
        choices=TimeRecording.choices,
        default=TimeRecording.HOURS,
    )
    fixed_percentage = models.DecimalField(
        _("kiinteä osuus hankkeelle (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )

    class Meta:
        verbose_name = _("henkilöstöbudjetin rivi")
        verbose_name_plural = _("henkilöstöbudjetin rivit")
        ordering = ["operation", "staff_member__name", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="staff_position_period_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(salary_model="salary_side_costs")
                | models.Q(side_cost_percent__isnull=False),
                name="salary_model_has_side_cost_percent",
            ),
            models.CheckConstraint(
                condition=~models.Q(salary_model="monthly_rate")
                | models.Q(side_cost_percent__isnull=False, monthly_working_hours__isnull=False),
                name="monthly_rate_has_side_costs_and_hours",
            ),
            models.CheckConstraint(
                condition=~models.Q(time_recording="fixed_percentage")
                | models.Q(fixed_percentage__isnull=False),
                name="fixed_percentage_given",
            ),
            models.CheckConstraint(
                condition=models.Q(working_time_percent__gt=0, working_time_percent__lte=100),
                name="staff_position_working_time_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff_member} – {self.title}"

    @property
    def working_time_share(self) -> Decimal:
        return self.working_time_percent / Decimal("100")


class SalaryPayment(models.Model):
    """Gross salary paid for one month on a position with the salary + side-cost model."""

    position = models.ForeignKey(
        StaffPosition,
        on_delete=models.CASCADE,
        related_name="salary_payments",
        verbose_name=_("henkilöstöbudjetin rivi"),
    )
    month = models.DateField(_("kuukausi"))
    gross_salary = models.DecimalField(
        _("bruttopalkka (€)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("maksettu palkka")
        verbose_name_plural = _("maksetut palkat")
        ordering = ["position", "month"]
        constraints = [
            models.UniqueConstraint(fields=["position", "month"], name="salary_payment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.position} {self.month:%m/%Y}"


class TimeRecord(models.Model):
    """Work on a project: hours on a day or in a month, or a fixed percentage of a month for
    staff who work on the project at a fixed share (full-time staff record 100 %)."""

    class Span(models.TextChoices):
        DAY = "day", _("Päivä")
        MONTH = "month", _("Kuukausi")

    position = models.ForeignKey(
        StaffPosition,
        on_delete=models.PROTECT,
        related_name="time_records",
        verbose_name=_("henkilöstöbudjetin rivi"),
    )
    span = models.CharField(_("jakso"), max_length=5, choices=Span.choices)
    # The day, or the first day of the month for monthly records.
    date = models.DateField(_("päivä tai kuukausi"))
    hours = models.DecimalField(_("tunnit"), max_digits=6, decimal_places=2, null=True, blank=True)
    percentage = models.DecimalField(
        _("osuus (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    description = models.CharField(_("kuvaus"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("työaikakirjaus")
        verbose_name_plural = _("työaikakirjaukset")
        ordering = ["position", "date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__isnull=False, percentage__isnull=True, hours__gt=0)
                | models.Q(
                    hours__isnull=True,
                    percentage__isnull=False,
                    span="month",
                    percentage__gt=0,
                    percentage__lte=100,
                ),
                name="time_record_hours_or_percentage",
            ),
            models.UniqueConstraint(
                fields=["position", "span", "date"], name="time_record_once_per_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position} {self.date}"


class CostReport(models.Model):
    """A payment claim (maksatushakemus) for one payment period, in versions.

    A draft is computed live; submitting freezes its figures in `figures` and locks it. A
    correction is a new version that references the submitted one.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        SUBMITTED = "submitted", _("Lähetetty")

    period = models.ForeignKey(
        PaymentPeriod,
        on_delete=models.PROTECT,
        related_name="cost_reports",
        verbose_name=_("maksatuskausi"),
    )
    version = models.PositiveSmallIntegerField(_("versio"), default=1)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correction",
        verbose_name=_("korjattava versio"),
    )
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    narrative = models.TextField(_("edistymisen kuvaus"), blank=True)
    figures = models.JSONField(_("luvut lähetettäessä"), default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("maksatushakemus")
        verbose_name_plural = _("maksatushakemukset")
        ordering = ["period__operation", "period__number", "version"]
        constraints = [
            models.UniqueConstraint(fields=["period", "version"], name="cost_report_version"),
            models.UniqueConstraint(
                fields=["period"], condition=models.Q(status="draft"), name="one_draft_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period.operation} {self.period} v{self.version}"

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.SUBMITTED


class ActivityEntry(TimeStampedModel):
    """A shared activity of the implementers: a joint meeting or event, a company visit made
    together, a training session or a referral between partners."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Yhteinen kokous")
        EVENT = "event", _("Tapahtuma")
        COMPANY_VISIT = "company_visit", _("Yhteinen yrityskäynti")
        TRAINING = "training", _("Koulutustilaisuus")
        REFERRAL = "referral", _("Ohjaus kumppanille")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="activity_entries",
        verbose_name=_("työllisyysalue"),
    )
    operation = models.ForeignKey(
        Operation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_entries",
        verbose_name=_("hanke"),
    )
    kind = models.CharField(_("laji"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("päivä"))
    title = models.CharField(_("otsikko"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)
    companies = models.ManyToManyField(
        "employers.Company",
        blank=True,
        related_name="activity_entries",
        verbose_name=_("yritykset"),
    )
    # Referrals: from one organisation to another; an empty organisation means the
    # employment area itself. Counts only — a person's referral is recorded with consent in
    # the job seeker's own record, not here.
    referral_from = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ohjaava organisaatio"),
    )
    referral_to = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vastaanottava organisaatio"),
    )
    referred_count = models.PositiveIntegerField(_("ohjattuja henkilöitä"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        verbose_name = _("yhteistyömerkintä")
        verbose_name_plural = _("yhteistyöloki")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{format_date(self.date)} {self.title}"


class ActivityParticipant(models.Model):
    """Someone who took part, and for which organisation (empty = the employment area)."""

    entry = models.ForeignKey(ActivityEntry, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_participations",
        verbose_name=_("organisaatio"),
    )
    name = models.CharField(_("nimi"), max_length=200)

    class Meta:
        verbose_name = _("osallistuja")
        verbose_name_plural = _("osallistujat")
        ordering = ["organisation__short_name", "name"]

    def __str__(self) -> str:
        return self.name


class ActivityAttachment(models.Model):
    entry = models.ForeignKey(ActivityEntry, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tiedosto"), upload_to="programme/activity/%Y/%m/")
    original_name = models.CharField(_("tiedoston nimi"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("liite")
        verbose_name_plural = _("liitteet")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class ParticipantCost(models.Model):
    """Wages or allowances paid to participants in a month (CPR (EU) 2021/1060 Art. 56(2)):
    eligible on top of the flat rate, recorded only when the operation's funding decision
    allows them (`Operation.participant_costs_allowed`)."""

    class Kind(models.TextChoices):
        WAGE = "wage", _("Osallistujien palkat")
        ALLOWANCE = "allowance", _("Osallistujien korvaukset")

    operation = models.ForeignKey(
        Operation,
        on_delete=models.PROTECT,
        related_name="participant_costs",
        verbose_name=_("hanke"),
    )
    month = models.DateField(_("kuukausi"))
    kind = models.CharField(_("laji"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(
        _("summa (€)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    description = models.CharField(_("kuvaus"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("osallistujakulu")
        verbose_name_plural = _("osallistujakulut")
        ordering = ["operation", "month", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["operation", "month", "kind"], name="participant_cost_once_per_month"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="participant_cost_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.operation} {self.month:%m/%Y} {self.kind}"


class StaffRateBasis(models.Model):
    """The documented cost basis of a post's rate, in versions (CPR (EU) 2021/1060 Art. 55(2):
    "the latest documented" gross employment cost). A version is frozen once a submitted
    payment claim has used it: a change then makes a new version with its reason, and each
    claim names the version it used (`CostReport.figures`)."""

    position = models.ForeignKey(
        StaffPosition,
        on_delete=models.CASCADE,
        related_name="rate_bases",
        verbose_name=_("henkilöstöbudjetin rivi"),
    )
    version = models.PositiveSmallIntegerField(_("versio"))
    annual_gross_cost = models.DecimalField(
        _("vuoden bruttotyönantajakulut (€)"), max_digits=10, decimal_places=2
    )
    working_time_percent = models.DecimalField(
        _("työaika (% täydestä työajasta)"), max_digits=5, decimal_places=2
    )
    side_cost_percent = models.DecimalField(
        _("sivukuluprosentti (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    monthly_working_hours = models.DecimalField(
        _("sopimuksen mukainen kuukausityöaika (h)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    reason = models.CharField(_("muutoksen syy"), max_length=300, blank=True)
    frozen_at = models.DateTimeField(_("lukittu"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tuntihinnan peruste")
        verbose_name_plural = _("tuntihinnan perusteet")
        ordering = ["position", "version"]
        constraints = [
            models.UniqueConstraint(fields=["position", "version"], name="rate_basis_version"),
        ]

    def __str__(self) -> str:
        return f"{self.position} v{self.version}"


class FinancingPlan(models.Model):
    """The operation's financing plan in the funding decision: the funder's support rate,
    the municipalities' own share and other public funding, and the area's appropriations
    that pay the project's own share."""

    operation = models.OneToOneField(
        Operation,
        on_delete=models.CASCADE,
        related_name="financing_plan",
        verbose_name=_("hanke"),
    )
    support_rate_percent = models.DecimalField(
        _("tukiprosentti (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(ZERO), MaxValueValidator(Decimal("100"))],
    )
    municipal_share_eur = models.DecimalField(
        _("kuntien oma rahoitus (€)"),
        max_digits=12,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    other_public_eur = models.DecimalField(
        _("muu julkinen rahoitus (€)"),
        max_digits=12,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    appropriations = models.ManyToManyField(
        "finance.Appropriation",
        blank=True,
        related_name="financing_plans",
        verbose_name=_("omaa osuutta rahoittavat määrärahat"),
    )

    class Meta:
        verbose_name = _("rahoitussuunnitelma")
        verbose_name_plural = _("rahoitussuunnitelmat")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(support_rate_percent__gte=0, support_rate_percent__lte=100),
                name="financing_plan_rate_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.operation} {self.support_rate_percent} %"


class PaymentDecision(models.Model):
    """The funder's decision on one submitted payment claim: the staff costs accepted (a
    deduction with its reason), the 40 % flat rate recomputed on the accepted staff costs
    (CPR Art. 56(1)), and the money paid."""

    cost_report = models.OneToOneField(
        CostReport,
        on_delete=models.PROTECT,
        related_name="decision",
        verbose_name=_("maksatushakemus"),
    )
    decided_on = models.DateField(_("päätöspäivä"))
    accepted_staff_eur = models.DecimalField(
        _("hyväksytyt henkilöstökulut (€)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(ZERO)],
    )
    accepted_flat_rate_eur = models.DecimalField(
        _("hyväksytty kiinteä osuus (€)"), max_digits=12, decimal_places=2
    )
    accepted_participant_costs_eur = models.DecimalField(
        _("hyväksytyt osallistujakulut (€)"), max_digits=12, decimal_places=2, default=ZERO
    )
    deduction_reason = models.TextField(_("vähennyksen peruste"), blank=True)
    funder_share_eur = models.DecimalField(
        _("rahoittajan osuus (€)"), max_digits=12, decimal_places=2
    )
    paid_eur = models.DecimalField(_("maksettu (€)"), max_digits=12, decimal_places=2, default=ZERO)
    paid_on = models.DateField(_("maksupäivä"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("maksatuspäätös")
        verbose_name_plural = _("maksatuspäätökset")
        constraints = [
            models.CheckConstraint(condition=models.Q(paid_eur__gte=0), name="decision_paid_ok"),
        ]

    def __str__(self) -> str:
        return f"{self.cost_report} {self.decided_on:%d.%m.%Y}"

    @property
    def accepted_total_eur(self) -> Decimal:
        return (
            self.accepted_staff_eur
            + self.accepted_flat_rate_eur
            + self.accepted_participant_costs_eur
        )


class TimeSheet(models.Model):
    """A person's signed monthly time sheet: every hour worked in the month, on the project
    and on other work, signed in the system by the employee and then by the supervisor, and
    locked once both have signed. The payment claim lists the period's sheets as its annex."""

    staff_member = models.ForeignKey(
        StaffMember,
        on_delete=models.PROTECT,
        related_name="time_sheets",
        verbose_name=_("henkilö"),
    )
    month = models.DateField(_("kuukausi"))
    project_hours = models.DecimalField(_("hanketunnit"), max_digits=7, decimal_places=2)
    other_hours = models.DecimalField(
        _("muut työtunnit"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(ZERO)],
    )
    employee_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("työntekijän allekirjoitus"),
    )
    employee_signed_at = models.DateTimeField(null=True, blank=True)
    supervisor_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("esihenkilön allekirjoitus"),
    )
    supervisor_signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tuntikirjanpito")
        verbose_name_plural = _("tuntikirjanpidot")
        ordering = ["month", "staff_member__name"]
        constraints = [
            models.UniqueConstraint(fields=["staff_member", "month"], name="time_sheet_once"),
        ]

    def __str__(self) -> str:
        return f"{self.staff_member} {self.month:%m/%Y}"

    @property
    def is_locked(self) -> bool:
        return self.supervisor_signed_at is not None

    @property
    def total_hours(self) -> Decimal:
        return self.project_hours + self.other_hours

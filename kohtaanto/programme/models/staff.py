"""Staff costs: the people, their posts and salary models, salaries paid, time records, the frozen
rate bases, participants' costs (CPR Art. 56(2)) and the signed monthly time sheets."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.programme.models.base import ZERO, CreatedRecord, DateSpan
from kohtaanto.programme.models.operations import Operation


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


class StaffPosition(DateSpan):
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


class SalaryPayment(CreatedRecord):
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

    class Meta:
        verbose_name = _("maksettu palkka")
        verbose_name_plural = _("maksetut palkat")
        ordering = ["position", "month"]
        constraints = [
            models.UniqueConstraint(fields=["position", "month"], name="salary_payment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.position} {self.month:%m/%Y}"


class TimeRecord(CreatedRecord):
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


class ParticipantCost(CreatedRecord):
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


class StaffRateBasis(CreatedRecord):
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

    class Meta:
        verbose_name = _("tuntihinnan peruste")
        verbose_name_plural = _("tuntihinnan perusteet")
        ordering = ["position", "version"]
        constraints = [
            models.UniqueConstraint(fields=["position", "version"], name="rate_basis_version"),
        ]

    def __str__(self) -> str:
        return f"{self.position} v{self.version}"


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

"""Appropriations, the commitment ledger, and grant schemes with their applications.

Money model (duty 6 in DESIGN.md):

* An **appropriation** (määräraha) is the money the employment area has reserved for one budget
  line in one year. Its amount is the sum of its append-only decisions (the first decision and
  any amendments); it is never edited.
* The **ledger** is append-only: commitments (sitoumus) bind money, releases free the unused
  part, payments and recoveries move the paid sum, and a correction is a reversing entry.
  `reserved` (= the appropriation amount), `committed`, `paid` and `available` are derived from
  the decisions and the ledger.
* The appropriation row also carries those balances as cached columns, written by the services
  in the same transaction as the ledger entry while the row is locked. The database guards
  them as well: check constraints (`available` is never negative and always equals
  amount − committed) and a revision number that every balance write must match, so that a
  write based on a stale read changes nothing.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models.functions import Abs
from django.db.models.lookups import LessThan
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from kohtaanto.audit.models import AppendOnlyModel
from kohtaanto.common.formats import format_date
from kohtaanto.common.models import TimeStampedModel
from kohtaanto.common.money import format_eur

ZERO = Decimal("0.00")
# Cached sums are compared within half a cent: SQLite does decimal arithmetic in floating point.
HALF_CENT = Decimal("0.005")


def _money(verbose_name: str | object, **kwargs: object) -> models.DecimalField:
    kwargs.setdefault("max_digits", 14)
    kwargs.setdefault("decimal_places", 2)
    return models.DecimalField(verbose_name, **kwargs)  # type: ignore[arg-type]


def _staff(
    verbose_name: str | StrPromise, *, optional: bool = True, related_name: str = "+"
) -> models.ForeignKey:
    """The member of staff who did something to the row; kept even when the account is
    closed (PROTECT), optional where the row may also come from the public form or a job."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=optional,
        blank=optional,
        related_name=related_name,
        verbose_name=verbose_name,
    )


class BudgetLine(TimeStampedModel):
    """A line of the area's budget (e.g. service procurement, grants); lines are data."""

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="budget_lines",
        verbose_name=_("työllisyysalue"),
    )
    code = models.SlugField(_("tunnus"), max_length=40)
    name = models.CharField(_("nimi"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)

    class Meta:
        verbose_name = _("budjettirivi")
        verbose_name_plural = _("budjettirivit")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "code"], name="budget_line_code_unique_in_area"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Appropriation(models.Model):
    """The money reserved for one budget line in one year, with cached ledger balances."""

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="appropriations",
        verbose_name=_("työllisyysalue"),
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        related_name="appropriations",
        verbose_name=_("budjettirivi"),
    )
    name = models.CharField(_("nimi"), max_length=200)
    amount = _money(_("varattu"), default=ZERO, editable=False)
    committed = _money(_("sidottu"), default=ZERO, editable=False)
    paid = _money(_("maksettu"), default=ZERO, editable=False)
    available = _money(_("vapaana"), default=ZERO, editable=False)
    # Raised by every balance write; a write based on a stale read matches no row.
    revision = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    created_by = _staff(_("luonut"))

    class Meta:
        verbose_name = _("määräraha")
        verbose_name_plural = _("määrärahat")
        ordering = ["-year", "line__code", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(available__gte=0), name="appropriation_available_not_negative"
            ),
            models.CheckConstraint(
                condition=LessThan(
                    Abs(models.F("available") - (models.F("amount") - models.F("committed"))),
                    HALF_CENT,
                ),
                name="appropriation_available_is_amount_minus_committed",
            ),
            models.CheckConstraint(
                condition=models.Q(committed__gte=0, paid__gte=0),
                name="appropriation_sums_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(paid__lte=models.F("committed")),
                name="appropriation_paid_within_committed",
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="appropriation_year_range"
            ),
        ]

    def __str__(self) -> str:
        # Names usually carry the year ("Palveluhankinnat 2026"); add it when they do not.
        return self.name if str(self.year) in self.name else f"{self.name} {self.year}"

    @property
    def unpaid(self) -> Decimal:
        """Committed but not yet paid."""
        return self.committed - self.paid


class AppropriationDecision(AppendOnlyModel):
    """The decision that created an appropriation, or a later amendment (never edited)."""

    class Kind(models.TextChoices):
        INITIAL = "initial", _("Päätös")
        AMENDMENT = "amendment", _("Muutos")

    appropriation = models.ForeignKey(
        Appropriation, on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(_("laji"), max_length=10, choices=Kind.choices)
    amount = _money(_("summa"))
    decided_by = models.CharField(_("päättäjä"), max_length=200)
    decided_on = models.DateField(_("päätöspäivä"))
    reference = models.CharField(_("päätöksen viite"), max_length=100, blank=True)
    note = models.TextField(_("lisätieto"), blank=True)
    recorded_by = _staff(_("kirjaaja"))
    recorded_at = models.DateTimeField(_("kirjattu"), auto_now_add=True)

    class Meta:
        verbose_name = _("määrärahapäätös")
        verbose_name_plural = _("määrärahapäätökset")
        ordering = ["decided_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="initial") | models.Q(amount__gt=0),
                name="appropriation_decision_initial_positive",
            ),
            models.CheckConstraint(
                condition=~models.Q(amount=0), name="appropriation_decision_not_zero"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {format_date(self.decided_on)} {format_eur(self.amount)}"


class CommitmentSource(models.TextChoices):
    """What created a commitment; `source_id` names the row in that app."""

    TRAINING_ORDER = "training_order", _("Koulutustilaus")
    SERVICE_ORDER = "service_order", _("Palvelutilaus")
    GRANT_DECISION = "grant_decision", _("Avustuspäätös")
    MANUAL = "manual", _("Muu sitoumus")


class Commitment(models.Model):
    """Money bound to one order or decision on an appropriation; sums cached from the ledger."""

    appropriation = models.ForeignKey(
        Appropriation,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("määräraha"),
    )
    # A grant decision's commitment also uses the scheme's envelope.
    scheme = models.ForeignKey(
        "GrantScheme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("avustusohjelma"),
    )
    source_type = models.CharField(
        _("lähde"), max_length=20, choices=CommitmentSource.choices, default="manual"
    )
    source_id = models.CharField(_("lähteen tunniste"), max_length=64, blank=True)
    description = models.CharField(_("kuvaus"), max_length=300)
    committed = _money(_("sidottu"), default=ZERO, editable=False)
    paid = _money(_("maksettu"), default=ZERO, editable=False)
    # Raised by every balance write; a write based on a stale read matches no row.
    revision = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    created_by = _staff(_("luonut"))

    class Meta:
        verbose_name = _("sitoumus")
        verbose_name_plural = _("sitoumukset")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["source_type", "source_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(committed__gte=0, paid__gte=0),
                name="commitment_sums_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(paid__lte=models.F("committed")),
                name="commitment_paid_within_committed",
            ),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def unpaid(self) -> Decimal:
        return self.committed - self.paid


class CommitmentYearPart(models.Model):
    """A later year's share of a commitment that spans the year end.

    The share waits for that year's appropriation on the same budget line; until it is booked
    there (`booked` set) it is an open obligation in the year-end report.
    """

    commitment = models.ForeignKey(
        Commitment, on_delete=models.PROTECT, related_name="year_parts", verbose_name=_("sitoumus")
    )
    year = models.PositiveSmallIntegerField(_("vuosi"))
    amount = _money(_("summa"))
    booked = models.OneToOneField(
        Commitment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="booked_from_part",
        verbose_name=_("kirjattu sitoumus"),
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    class Meta:
        verbose_name = _("seuraavan vuoden osuus")
        verbose_name_plural = _("seuraavien vuosien osuudet")
        ordering = ["year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "year"], name="year_part_unique_year"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="year_part_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} {self.year}"


class LedgerEntry(AppendOnlyModel):
    """One append-only movement on a commitment. Balances are sums of the two deltas."""

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("Sitoumus")
        RELEASE = "release", _("Vapautus")
        PAYMENT = "payment", _("Maksu")
        RECOVERY = "recovery", _("Takaisinperintä")
        REVERSAL = "reversal", _("Oikaisu")

    class Reason(models.TextChoices):
        NONE = "", _("–")
        YEAR_END = "year_end", _("Vuoden päättyminen")
        CANCELLATION = "cancellation", _("Peruutus")
        COMPLETED = "completed", _("Käyttämätön osa")
        OVERPAYMENT = "overpayment", _("Liikaa maksettu")
        CORRECTION = "correction", _("Virheen korjaus")
        CARRY_OVER = "carry_over", _("Edellisen vuoden velvoite")

    appropriation = models.ForeignKey(
        Appropriation, on_delete=models.PROTECT, related_name="entries"
    )
    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("laji"), max_length=12, choices=Kind.choices)
    amount = _money(_("summa"))
    committed_delta = _money(_("sidottu muutos"))
    paid_delta = _money(_("maksettu muutos"))
    booked_on = models.DateField(_("kirjauspäivä"))
    description = models.CharField(_("selite"), max_length=300, blank=True)
    reference = models.CharField(_("viite"), max_length=100, blank=True)
    reason = models.CharField(
        _("syy"), max_length=12, choices=Reason.choices, blank=True, default=""
    )
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("oikaistu kirjaus"),
    )
    created_by = _staff(_("kirjaaja"))
    created_at = models.DateTimeField(_("kirjattu"), auto_now_add=True)

    class Meta:
        verbose_name = _("kirjaus")
        verbose_name_plural = _("kirjaukset")
        ordering = ["booked_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="ledger_amount_positive"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="commitment", committed_delta=models.F("amount"), paid_delta=0)
                    | models.Q(kind="release", committed_delta=-models.F("amount"), paid_delta=0)
                    | models.Q(kind="payment", paid_delta=models.F("amount"), committed_delta=0)
                    | models.Q(kind="recovery", paid_delta=-models.F("amount"), committed_delta=0)
                    | models.Q(kind="reversal", reverses__isnull=False)
                ),
                name="ledger_deltas_match_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="reversal") | models.Q(reverses__isnull=True),
                name="ledger_only_reversal_reverses",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {format_date(self.booked_on)} {format_eur(self.amount)}"


class GrantScheme(TimeStampedModel):
    """A grant the area awards from an appropriation line, within an envelope.

    `committed` caches the envelope in use (the net commitments of the scheme's decisions) and
    is written under the same lock as the appropriation; it can never exceed the envelope.
    """

    class Kind(models.TextChoices):
        PAY_SUBSIDY = "pay_subsidy", _("Palkkatuki")
        REGIONAL = "regional", _("Alueellinen avustus")
        MUNICIPAL_SUPPLEMENT = "municipal_supplement", _("Työllistämisen kuntalisä")

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="grant_schemes",
        verbose_name=_("työllisyysalue"),
    )
    code = models.SlugField(_("tunnus"), max_length=60)
    name = models.CharField(_("nimi"), max_length=200)
    kind = models.CharField(_("tyyppi"), max_length=24, choices=Kind.choices)
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.PROTECT,
        related_name="grant_schemes",
        verbose_name=_("budjettirivi"),
    )
    envelope = _money(_("kehys"))
    committed = _money(_("kehyksestä sidottu"), default=ZERO, editable=False)
    # Raised by every balance write; a write based on a stale read matches no row.
    revision = models.PositiveIntegerField(default=0, editable=False)
    starts_on = models.DateField(_("työsuhde alkaa aikaisintaan"))
    ends_on = models.DateField(_("työsuhde alkaa viimeistään"), null=True, blank=True)
    first_come = models.BooleanField(_("saapumisjärjestys"), default=False)
    de_minimis = models.BooleanField(_("de minimis -tuki"), default=False)
    is_active = models.BooleanField(_("haettavissa"), default=True)
    legal_basis = models.CharField(_("peruste"), max_length=300)
    description = models.TextField(_("kuvaus"), blank=True)

    class Meta:
        verbose_name = _("avustusohjelma")
        verbose_name_plural = _("avustusohjelmat")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "code"], name="grant_scheme_code_unique_in_area"
            ),
            models.CheckConstraint(
                condition=models.Q(committed__gte=0, committed__lte=models.F("envelope")),
                name="grant_scheme_within_envelope",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="grant_scheme_period_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def envelope_free(self) -> Decimal:
        return self.envelope - self.committed


class SchemeRule(models.Model):
    """Dated configuration of one category of a scheme: who is eligible and how much.

    A rule applies to an employment that starts between `valid_from` and `valid_to`
    (inclusive). Every row names its legal source.
    """

    scheme = models.ForeignKey(GrantScheme, on_delete=models.PROTECT, related_name="rules")
    category = models.SlugField(_("tukiperuste"), max_length=40)
    label = models.CharField(_("nimi"), max_length=200)
    valid_from = models.DateField(_("voimassa alkaen"))
    valid_to = models.DateField(_("voimassa asti"), null=True, blank=True)
    percentage = models.DecimalField(
        _("osuus palkkakustannuksista (%)"), max_digits=5, decimal_places=2
    )
    monthly_cap = _money(_("enintään kuukaudessa"), max_digits=10)
    total_cap = _money(_("enintään yhteensä"), max_digits=12, null=True, blank=True)
    min_age = models.PositiveSmallIntegerField(_("vähimmäisikä alkaessa"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("enimmäisikä alkaessa"), null=True, blank=True)
    min_unemployed_months = models.DecimalField(
        _("työttömänä vähintään (kk)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    unemployment_window_months = models.PositiveSmallIntegerField(
        _("tarkastelujakso (kk)"), null=True, blank=True
    )
    min_weekly_hours = models.DecimalField(
        _("työaika vähintään (h/vko)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    max_weekly_hours = models.DecimalField(
        _("työaika enintään (h/vko)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    min_duration_months = models.PositiveSmallIntegerField(
        _("kesto vähintään (kk)"), null=True, blank=True
    )
    max_duration_months = models.PositiveSmallIntegerField(
        _("kesto enintään (kk)"), null=True, blank=True
    )
    requires_reduced_work_capacity = models.BooleanField(
        _("edellyttää alentunutta työkykyä"), default=False
    )
    requires_non_business_association = models.BooleanField(
        _("edellyttää yhdistyksen tai säätiön muuta kuin elinkeinotoimintaa"), default=False
    )
    # Share of the sector's regular full-time hours that the subsidy covers at most (the 100 %
    # subsidy of associations: 65 %).
    max_working_time_percent = models.DecimalField(
        _("työaika enintään (% alan säännöllisestä työajasta)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    # A shorter unemployment requirement for people with basic education only (youth voucher).
    min_unemployed_months_basic_education = models.DecimalField(
        _("työttömänä vähintään, jos vain perusasteen koulutus (kk)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    employer_kinds = models.JSONField(
        _("työnantajat, joille tukea voi myöntää"), default=list, blank=True
    )
    source = models.CharField(_("lähde"), max_length=300)
    # {"percentage": "Laki … 7 luku 8 §", …}: the source of each parameter of the rule.
    parameter_sources = models.JSONField(_("parametrien lähteet"), default=dict, blank=True)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    class Meta:
        verbose_name = _("avustuksen sääntö")
        verbose_name_plural = _("avustuksen säännöt")
        ordering = ["scheme", "category", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "category", "valid_from"], name="scheme_rule_unique_start"
            ),
            models.CheckConstraint(
                condition=models.Q(percentage__gt=0, percentage__lte=100),
                name="scheme_rule_percentage_range",
            ),
            models.CheckConstraint(
                condition=models.Q(monthly_cap__gt=0), name="scheme_rule_monthly_cap_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="scheme_rule_validity_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                name="scheme_rule_age_range_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(min_unemployed_months__isnull=True)
                | models.Q(unemployment_window_months__gte=models.F("min_unemployed_months")),
                name="scheme_rule_unemployment_window_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.label} ({format_date(self.valid_from)})"


class DeMinimisCeiling(models.Model):
    """Dated configuration of the EU de minimis ceiling per single undertaking."""

    valid_from = models.DateField(_("voimassa alkaen"), unique=True)
    valid_to = models.DateField(_("voimassa asti"), null=True, blank=True)
    ceiling = _money(_("enimmäismäärä"))
    period_years = models.PositiveSmallIntegerField(_("tarkastelujakso (vuotta)"))
    source = models.CharField(_("lähde"), max_length=300)

    class Meta:
        verbose_name = _("de minimis -enimmäismäärä")
        verbose_name_plural = _("de minimis -enimmäismäärät")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return f"{format_eur(self.ceiling)} ({format_date(self.valid_from)})"


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


class FinancePolicy(models.Model):
    """Per-area settings of the finance controls (one row per area; defaults when missing)."""

    employment_area = models.OneToOneField(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="finance_policy",
        verbose_name=_("työllisyysalue"),
    )
    # Four eyes: the approver of a payment is neither the decision-maker nor the person who
    # entered the claim.
    four_eyes = models.BooleanField(_("neljän silmän periaate maksuissa"), default=True)

    class Meta:
        verbose_name = _("talouden valvontasäännöt")
        verbose_name_plural = _("talouden valvontasäännöt")

    def __str__(self) -> str:
        return str(self.employment_area)


class DecisionDelegation(models.Model):
    """The delegated authority on which an official decides grants (hallintosääntö)."""

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="decision_delegations",
        verbose_name=_("työllisyysalue"),
    )
    official = _staff(_("viranhaltija"), optional=False, related_name="decision_delegations")
    title = models.CharField(_("virkanimike"), max_length=200)
    basis = models.CharField(_("delegointipäätös"), max_length=300)
    valid_from = models.DateField(_("voimassa alkaen"))
    valid_to = models.DateField(_("voimassa asti"), null=True, blank=True)

    class Meta:
        verbose_name = _("päätösvallan siirto")
        verbose_name_plural = _("päätösvallan siirrot")
        ordering = ["-valid_from", "id"]

    def __str__(self) -> str:
        return f"{self.title}: {self.basis}"


class DecisionNumber(models.Model):
    """The running number of grant decisions per area and year (locked when drawn)."""

    employment_area = models.ForeignKey(
        "accounts.EmploymentArea", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "year"], name="decision_number_unique_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.last}/{self.year}"


class GrantDecision(AppendOnlyModel):
    """The decision on an application; its snapshot freezes the inputs and the computation."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Myönnetty")
        REJECTED = "rejected", _("Hylätty")

    application = models.OneToOneField(
        GrantApplication, on_delete=models.PROTECT, related_name="decision"
    )
    outcome = models.CharField(_("päätös"), max_length=10, choices=Outcome.choices)
    amount = _money(_("myönnetty summa"), default=ZERO)
    reasons = models.TextField(_("perustelut"))
    snapshot = models.JSONField(_("päätöksen tiedot"), default=dict)
    commitment = models.OneToOneField(
        Commitment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_decision",
        verbose_name=_("sitoumus"),
    )
    granted_on = models.DateField(_("päätöspäivä"))
    decided_by = _staff(_("päättäjä"), optional=False)
    decided_at = models.DateTimeField(_("päätetty"), auto_now_add=True)
    # "14/2026": running number per area and decision year.
    number = models.CharField(_("päätösnumero"), max_length=20, blank=True)
    official_title = models.CharField(_("päättäjän virkanimike"), max_length=200, blank=True)
    delegation = models.CharField(_("päätösvallan peruste"), max_length=300, blank=True)
    language = models.CharField(
        _("päätöksen kieli"), max_length=2, choices=DecisionLanguage.choices, default="fi"
    )

    class Meta:
        verbose_name = _("avustuspäätös")
        verbose_name_plural = _("avustuspäätökset")
        ordering = ["decided_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(outcome="approved", amount__gt=0, commitment__isnull=False)
                    | models.Q(outcome="rejected", amount=0, commitment__isnull=True)
                ),
                name="grant_decision_outcome_consistent",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_outcome_display()} {format_date(self.granted_on)} {format_eur(self.amount)}"
        )


class GrantPaymentClaim(TimeStampedModel):
    """The employer's claim for payment of a granted subsidy for one period."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Käsittelyssä")
        PAID = "paid", _("Maksettu")
        REJECTED = "rejected", _("Hylätty")

    decision = models.ForeignKey(
        GrantDecision, on_delete=models.PROTECT, related_name="claims", verbose_name=_("päätös")
    )
    period_start = models.DateField(_("jakso alkaa"))
    period_end = models.DateField(_("jakso päättyy"))
    pay_costs = _money(_("maksetut palkkakustannukset"), max_digits=12)
    claimed_amount = _money(_("haettu summa"), max_digits=12)
    eligible_amount = _money(_("hyväksyttävä enimmäismäärä"), max_digits=12)
    channel = models.CharField(
        _("tulokanava"), max_length=10, choices=GrantApplication.Channel.choices
    )
    received_at = models.DateTimeField(_("saapunut"))
    entered_by = _staff(_("kirjaaja"))
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    rejection_reason = models.TextField(_("hylkäämisen peruste"), blank=True)
    payment = models.OneToOneField(
        LedgerEntry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_claim",
        verbose_name=_("maksu"),
    )
    handled_by = _staff(_("käsittelijä"))

    class Meta:
        verbose_name = _("maksatushakemus")
        verbose_name_plural = _("maksatushakemukset")
        ordering = ["period_start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="grant_claim_period_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(claimed_amount__gt=0, pay_costs__gt=0),
                name="grant_claim_positive",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="paid") | models.Q(payment__isnull=False),
                name="grant_claim_paid_has_payment",
            ),
        ]

    def __str__(self) -> str:
        period = f"{format_date(self.period_start)}–{format_date(self.period_end)}"
        return f"{self.decision.application} {period}"

"""Budget lines, appropriations with their decisions, commitments and the append-only ledger.

The money model and the cached balances are described in the package docstring."""

from decimal import Decimal

from django.db import models
from django.db.models.functions import Abs
from django.db.models.lookups import LessThan
from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.models import AppendOnlyModel
from kohtaanto.common.formats import format_date
from kohtaanto.common.models import TimeStampedModel
from kohtaanto.common.money import format_eur
from kohtaanto.finance.models.base import HALF_CENT, ZERO, _money, _staff


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

"""Grant decisions with their delegations, running numbers and per-area policy, and the
payment claims made on a decision."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.models import AppendOnlyModel
from kohtaanto.common.formats import format_date
from kohtaanto.common.models import TimeStampedModel
from kohtaanto.common.money import format_eur
from kohtaanto.finance.models.applications import DecisionLanguage, GrantApplication
from kohtaanto.finance.models.base import ZERO, _money, _staff
from kohtaanto.finance.models.ledger import Commitment, LedgerEntry


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

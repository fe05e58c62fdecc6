"""Payment claims (cost reports), the operation's financing plan and the funder's payment
decisions."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.programme.models.base import ZERO, CreatedRecord
from kohtaanto.programme.models.operations import Operation, PaymentPeriod


class CostReport(CreatedRecord):
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


class PaymentDecision(CreatedRecord):
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

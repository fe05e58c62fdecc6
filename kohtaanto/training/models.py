"""Training and service procurement (duty 5 in DESIGN.md).

* A **provider** (KPEDU, Centria, private firms) sells training; partner users belong to a
  provider through a **membership** and see only its programmes, orders and consenting
  enrolled persons.
* An **agreement** (palveluhankintasopimus) with a provider records the legal basis of the
  purchase under the Procurement Act 1397/2016, its period, ceiling and unit prices. Orders
  and invoices are counted against the ceiling.
* A **programme** is one training the area buys (or plans to buy): type, taught skills with
  level, days, seats, place, dates and price; for joint-purchase types the partner company
  and its share of the price from the dated share rules.
* An **order** (call-off) under an agreement binds money on the appropriation of each year
  the training runs in through the finance services; **invoices** are paid against it.
* An **enrolment** puts a job seeker (with consent) or a company's employee on a programme.

Thresholds and share rules are dated data with their source (`data/*.json`), never code.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.models import TimeStampedModel

ZERO = Decimal("0.00")


def _money(verbose_name: object, **kwargs: object) -> models.DecimalField:
    kwargs.setdefault("max_digits", 14)
    kwargs.setdefault("decimal_places", 2)
    return models.DecimalField(verbose_name, **kwargs)  # type: ignore[arg-type]


class Provider(TimeStampedModel):
    employment_area = models.ForeignKey(
        "accounts.EmploymentArea",
        on_delete=models.PROTECT,
        related_name="training_providers",
        verbose_name=_("työllisyysalue"),
    )
    name = models.CharField(_("nimi"), max_length=200)
    business_id = models.CharField(_("Y-tunnus"), max_length=9)
    # Whose consent to share lets the provider's users see an enrolled person.
    partner_organisation = models.ForeignKey(
        "accounts.PartnerOrganisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kumppaniorganisaatio"),
    )
    # In-house awards (Procurement Act 1397/2016 § 15) need an entity the area's
    # municipalities own and control, such as a joint municipal authority.
    in_house = models.BooleanField(_("sidosyksikkö"), default=False)
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=200, blank=True)
    contact_email = models.EmailField(_("sähköposti"), blank=True)
    contact_phone = models.CharField(_("puhelin"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("koulutuksen järjestäjä")
        verbose_name_plural = _("koulutuksen järjestäjät")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["employment_area", "business_id"], name="provider_business_id_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProviderMembership(models.Model):
    """A partner user who works for the provider and sees its data."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "user"], name="provider_membership_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.provider}"


class LegalBasis(models.TextChoices):
    """How the purchase is lawful under the Procurement Act 1397/2016."""

    IN_HOUSE = "in_house", _("Sidosyksikköhankinta (15 §)")
    COMPETITIVE_TENDER = "tender", _("Kilpailutettu hankinta")
    DIRECT_AWARD = "direct", _("Suorahankinta perusteineen (40–41 §, 110 §)")
    BELOW_THRESHOLD = "below", _("Kansallisen kynnysarvon alittava hankinta (alueen ohje)")


class ContractType(models.TextChoices):
    GOODS_SERVICES = "goods_services", _("Tavara- ja palveluhankinnat")
    SOCIAL_HEALTH = "social_health", _("Sosiaali- ja terveyspalvelut (liite E 1–4)")
    SPECIFIC_SERVICES = "specific", _("Muut erityiset palvelut (liite E 5–15)")


class ThresholdLevel(models.TextChoices):
    NATIONAL = "national", _("Kansallinen kynnysarvo")
    EU = "eu", _("EU-kynnysarvo")


class ProcurementThreshold(models.Model):
    """A procurement threshold (VAT-free) in force from `valid_from`, with its law section."""

    level = models.CharField(_("taso"), max_length=10, choices=ThresholdLevel.choices)
    contract_type = models.CharField(_("hankintalaji"), max_length=20, choices=ContractType.choices)
    amount = _money(_("kynnysarvo"))
    valid_from = models.DateField(_("voimassa alkaen"))
    valid_to = models.DateField(_("voimassa asti"), null=True, blank=True)
    source = models.CharField(_("lähde"), max_length=300)

    class Meta:
        verbose_name = _("kynnysarvo")
        verbose_name_plural = _("kynnysarvot")
        ordering = ["level", "contract_type", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "contract_type", "valid_from"], name="threshold_once_per_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.get_contract_type_display()} {self.amount}"


class Agreement(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        ACTIVE = "active", _("Voimassa")
        ENDED = "ended", _("Päättynyt")

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="agreements")
    title = models.CharField(_("nimi"), max_length=200)
    reference = models.CharField(_("diaarinumero"), max_length=100, blank=True)
    legal_basis = models.CharField(_("hankintaperuste"), max_length=10, choices=LegalBasis.choices)
    direct_award_ground = models.CharField(_("suorahankinnan peruste"), max_length=300, blank=True)
    contract_type = models.CharField(
        _("hankintalaji"),
        max_length=20,
        choices=ContractType.choices,
        default=ContractType.SPECIFIC_SERVICES,
    )
    starts_on = models.DateField(_("alkaa"))
    ends_on = models.DateField(_("päättyy"))
    ceiling = _money(_("enimmäismäärä"))
    price_per_student_day = _money(_("hinta / opiskelijapäivä"), null=True, blank=True)
    price_per_group = _money(_("hinta / ryhmä"), null=True, blank=True)
    price_per_service_hour = _money(_("hinta / palvelutunti"), null=True, blank=True)
    options = models.TextField(_("optiot"), blank=True)
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    # Cached sums, written by the services with the agreement row locked.
    ordered = _money(_("tilattu"), default=ZERO, editable=False)
    invoiced = _money(_("laskutettu"), default=ZERO, editable=False)

    class Meta:
        verbose_name = _("hankintasopimus")
        verbose_name_plural = _("hankintasopimukset")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(ordered__lte=models.F("ceiling")),
                name="agreement_ordered_within_ceiling",
            ),
            models.CheckConstraint(
                condition=models.Q(invoiced__lte=models.F("ordered")),
                name="agreement_invoiced_within_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def remaining(self) -> Decimal:
        return self.ceiling - self.ordered


class ProgrammeType(models.TextChoices):
    REKRY = "rekry", _("RekryKoulutus")
    TASMA = "tasma", _("TäsmäKoulutus")
    MUUTOS = "muutos", _("MuutosKoulutus")
    LABOUR_MARKET = "labour_market", _("Työvoimakoulutus")
    SHORT_COURSE = "short_course", _("Lyhyt täsmäkurssi")
    COACHING = "coaching", _("Valmennus")
    OTHER = "other", _("Muu palvelu")


JOINT_PURCHASE_TYPES = (ProgrammeType.REKRY, ProgrammeType.TASMA, ProgrammeType.MUUTOS)


class ShareRule(models.Model):
    """The employer's share of a joint-purchase training's VAT-free price, as dated data.

    `size_class` empty: the rule applies to every size class of the type.
    """

    programme_type = models.CharField(_("tyyppi"), max_length=20, choices=ProgrammeType.choices)
    size_class = models.CharField(_("kokoluokka"), max_length=10, blank=True)
    percentage = models.DecimalField(_("osuus %"), max_digits=5, decimal_places=2)
    min_days_per_student = models.PositiveSmallIntegerField(_("vähintään päiviä"), default=10)
    valid_from = models.DateField(_("voimassa alkaen"))
    valid_to = models.DateField(_("voimassa asti"), null=True, blank=True)
    source = models.CharField(_("lähde"), max_length=300)

    class Meta:
        verbose_name = _("omarahoitusosuuden sääntö")
        verbose_name_plural = _("omarahoitusosuuden säännöt")
        constraints = [
            models.UniqueConstraint(
                fields=["programme_type", "size_class", "valid_from"], name="share_rule_once"
            ),
            models.CheckConstraint(
                condition=models.Q(percentage__gte=0, percentage__lte=100),
                name="share_rule_percentage_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme_type} {self.size_class or '*'} {self.percentage} %"


class EnterpriseLink(models.Model):
    """A partner or linked enterprise of a company (Recommendation 2003/361/EC Annex Art. 3, 6).

    Its figures count towards the company's size class: a linked enterprise's in full, a
    partner's in proportion to the holding.
    """

    class Relation(models.TextChoices):
        PARTNER = "partner", _("Kumppaniyritys (25–50 %)")
        LINKED = "linked", _("Sidosyritys (yli 50 %)")

    company = models.ForeignKey(
        "employers.Company", on_delete=models.CASCADE, related_name="enterprise_links"
    )
    name = models.CharField(_("nimi"), max_length=300)
    relation = models.CharField(_("suhde"), max_length=10, choices=Relation.choices)
    holding_percent = models.DecimalField(_("omistusosuus %"), max_digits=5, decimal_places=2)
    employees = models.PositiveIntegerField(_("henkilöstö"))
    turnover_eur = _money(_("liikevaihto (€)"), max_digits=15, null=True, blank=True)
    balance_sheet_eur = _money(_("taseen loppusumma (€)"), max_digits=15, null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(holding_percent__gte=0, holding_percent__lte=100),
                name="enterprise_link_holding_range",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Programme(TimeStampedModel):
    class Mode(models.TextChoices):
        CONTACT = "contact", _("Lähiopetus")
        REMOTE = "remote", _("Etäopetus")
        BLENDED = "blended", _("Monimuoto")

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="programmes")
    name_fi = models.CharField(_("nimi (suomi)"), max_length=200)
    name_sv = models.CharField(_("nimi (ruotsi)"), max_length=200, blank=True)
    name_en = models.CharField(_("nimi (englanti)"), max_length=200, blank=True)
    type = models.CharField(_("tyyppi"), max_length=20, choices=ProgrammeType.choices)
    description = models.TextField(_("kuvaus"), blank=True)
    days = models.PositiveSmallIntegerField(_("koulutuspäivät / opiskelija"))
    seats = models.PositiveSmallIntegerField(_("paikat"))
    min_group = models.PositiveSmallIntegerField(_("vähimmäisryhmä"), default=1)
    place = models.CharField(_("paikka"), max_length=200, blank=True)
    mode = models.CharField(
        _("toteutus"), max_length=10, choices=Mode.choices, default=Mode.CONTACT
    )
    starts_on = models.DateField(_("alkaa"))
    ends_on = models.DateField(_("päättyy"))
    price = _money(_("hinta (alv 0 %)"))
    leads_to_degree = models.BooleanField(_("johtaa tutkintoon"), default=False)
    # Joint-purchase types only: the partner company and its share from the rule in force.
    company = models.ForeignKey(
        "employers.Company",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_programmes",
        verbose_name=_("yhteishankintayritys"),
    )
    size_class = models.CharField(_("kokoluokka"), max_length=10, blank=True)
    employer_share_percent = models.DecimalField(
        _("työnantajan osuus %"), max_digits=5, decimal_places=2, default=ZERO
    )
    employer_share = _money(_("työnantajan osuus"), default=ZERO)
    share_source = models.CharField(_("osuuden lähde"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("koulutus")
        verbose_name_plural = _("koulutukset")
        ordering = ["-starts_on", "name_fi"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(seats__gte=1, min_group__lte=models.F("seats")),
                name="programme_seats_cover_min_group",
            ),
        ]

    def __str__(self) -> str:
        return self.name_fi

    def name(self, lang: str | None = None) -> str:
        from django.utils.translation import get_language

        lang = (lang or get_language() or "fi")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_fi

    @property
    def size_class_label(self) -> str:
        from kohtaanto.employers.models import SizeClass

        return str(SizeClass(self.size_class).label) if self.size_class else ""

    @property
    def area_price(self) -> Decimal:
        """What the employment area pays: the price less the employer's share."""
        return self.price - self.employer_share


class ProgrammeSkill(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="skills")
    concept = models.ForeignKey(
        "taxonomy.Concept", on_delete=models.PROTECT, related_name="+", verbose_name=_("taito")
    )
    level = models.PositiveSmallIntegerField(_("taso"), default=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["programme", "concept"], name="programme_skill_once"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="programme_skill_level_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.concept} ({self.level})"


class Order(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        CONFIRMED = "confirmed", _("Tilattu")
        CANCELLED = "cancelled", _("Peruttu")

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="orders")
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="orders")
    seats = models.PositiveSmallIntegerField(_("paikat"))
    amount = _money(_("summa"))
    ordered_on = models.DateField(_("tilauspäivä"))
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    note = models.TextField(_("lisätiedot"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    invoiced = _money(_("laskutettu"), default=ZERO, editable=False)

    class Meta:
        verbose_name = _("tilaus")
        verbose_name_plural = _("tilaukset")
        ordering = ["-ordered_on", "-id"]

    def __str__(self) -> str:
        return f"{self.programme} ({self.ordered_on})"


class OrderCommitment(models.Model):
    """The commitment an order made on one year's appropriation."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="commitments")
    year = models.PositiveSmallIntegerField(_("vuosi"))
    commitment = models.OneToOneField(
        "finance.Commitment", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["order", "year"], name="order_commitment_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.order_id} {self.year}"


class Invoice(TimeStampedModel):
    """The provider's invoice against an order, paid on the commitment of its year."""

    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="invoices")
    number = models.CharField(_("laskun numero"), max_length=60)
    amount = _money(_("summa"))
    invoiced_on = models.DateField(_("laskun päivä"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["order", "number"], name="invoice_number_per_order")
        ]

    def __str__(self) -> str:
        return self.number


class EmployerInvoice(TimeStampedModel):
    """The employer's share of a joint-purchase training, invoiced to the company."""

    programme = models.OneToOneField(
        Programme, on_delete=models.PROTECT, related_name="employer_invoice"
    )
    company = models.ForeignKey("employers.Company", on_delete=models.PROTECT, related_name="+")
    amount = _money(_("summa"))
    invoiced_on = models.DateField(_("laskun päivä"))
    reference = models.CharField(_("viite"), max_length=60)

    def __str__(self) -> str:
        return self.reference


class Enrolment(TimeStampedModel):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Ilmoittautunut")
        COMPLETED = "completed", _("Suorittanut")
        INTERRUPTED = "interrupted", _("Keskeyttänyt")

    class Outcome(models.TextChoices):
        EMPLOYED = "employed", _("Työssä")
        EDUCATION = "education", _("Koulutuksessa")
        UNEMPLOYED = "unemployed", _("Työtön")
        OTHER = "other", _("Muu")

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="enrolments")
    job_seeker = models.ForeignKey(
        "jobseekers.JobSeeker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_enrolments",
    )
    # A company's own employee in a joint-purchase training (not a client of the area).
    employee_name = models.CharField(_("työntekijä"), max_length=200, blank=True)
    status = models.CharField(
        _("tila"), max_length=12, choices=Status.choices, default=Status.ENROLLED
    )
    attended_days = models.PositiveSmallIntegerField(_("läsnäolopäivät"), default=0)
    completed_on = models.DateField(_("suoritettu"), null=True, blank=True)
    certificate = models.CharField(_("todistus tai tutkinnon osa"), max_length=300, blank=True)
    interrupted_on = models.DateField(_("keskeytetty"), null=True, blank=True)
    interruption_reason = models.CharField(_("keskeytyksen syy"), max_length=300, blank=True)
    outcome = models.CharField(_("tilanne 6 kk jälkeen"), max_length=12, blank=True)
    outcome_on = models.DateField(_("tilanne kirjattu"), null=True, blank=True)

    class Meta:
        verbose_name = _("osallistuja")
        verbose_name_plural = _("osallistujat")
        ordering = ["programme", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(job_seeker__isnull=False, employee_name="")
                    | models.Q(job_seeker__isnull=True) & ~models.Q(employee_name="")
                ),
                name="enrolment_person_or_employee",
            ),
            models.UniqueConstraint(
                fields=["programme", "job_seeker"],
                condition=models.Q(job_seeker__isnull=False),
                name="enrolment_once_per_job_seeker",
            ),
        ]

    @property
    def outcome_label(self) -> str:
        return str(self.Outcome(self.outcome).label) if self.outcome else ""

"""Taxonomy concepts: ESCO skills, knowledge, occupations and groups, and requirement cards.

A concept's URI is its stable identity: profiles, vacancies and trainings refer to concepts by
foreign key, and a newer ESCO version updates the same rows in place.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGE_FALLBACK = ("fi", "en", "sv")


class TaxonomyVersion(models.Model):
    source = models.CharField(_("lähde"), max_length=40)  # "esco" or "kohtaanto"
    version = models.CharField(_("versio"), max_length=40)
    languages = models.CharField(_("kielet"), max_length=100, blank=True)
    loaded_at = models.DateTimeField(_("ladattu"), auto_now=True)
    checksum = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("luokituksen versio")
        verbose_name_plural = _("luokituksen versiot")
        constraints = [
            models.UniqueConstraint(fields=["source", "version"], name="taxonomy_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.version}"


class ConceptType(models.TextChoices):
    SKILL = "skill", _("Taito")
    KNOWLEDGE = "knowledge", _("Tietämys")
    OCCUPATION = "occupation", _("Ammatti")
    REQUIREMENT = "requirement", _("Vaatimus")
    SKILL_GROUP = "skill_group", _("Taitoryhmä")
    ISCO_GROUP = "isco_group", _("Ammattiryhmä (ISCO)")


class RequirementKind(models.TextChoices):
    CARD = "card", _("Kortti")
    LICENCE = "licence", _("Ajokortti tai lupa")
    QUALIFICATION = "qualification", _("Pätevyys")
    CLEARANCE = "clearance", _("Turvallisuusselvitys")
    CITIZENSHIP = "citizenship", _("Kansalaisuus")


class ConceptStatus(models.TextChoices):
    RELEASED = "released", _("Julkaistu")
    # No longer in the source (a newer ESCO version or the shipped vocabulary left it out).
    # The row stays so that every reference to it remains valid.
    OBSOLETE = "obsolete", _("Poistunut")


class Concept(models.Model):
    uri = models.CharField(_("URI"), max_length=255, unique=True)
    type = models.CharField(_("tyyppi"), max_length=20, choices=ConceptType.choices, db_index=True)
    # ESCO: sector-specific, occupation-specific, cross-sector, transversal.
    reuse_level = models.CharField(_("uudelleenkäytettävyys"), max_length=40, blank=True)
    # ISCO-08 code for ISCO groups, ESCO code (e.g. 7223.1) for occupations.
    code = models.CharField(_("koodi"), max_length=40, blank=True, db_index=True)
    isco_group = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occupations",
        verbose_name=_("ISCO-ryhmä"),
        limit_choices_to={"type": ConceptType.ISCO_GROUP},
    )
    status = models.CharField(
        _("tila"), max_length=20, choices=ConceptStatus.choices, default=ConceptStatus.RELEASED
    )
    # Preferred labels by language, {"fi": "hitsaus", "en": "welding"}, for display.
    preferred = models.JSONField(_("ensisijaiset nimet"), default=dict)
    descriptions = models.JSONField(_("kuvaukset"), default=dict, blank=True)
    requirement_kind = models.CharField(
        _("vaatimuksen laji"), max_length=20, blank=True, choices=RequirementKind.choices
    )
    # How long a card or qualification stays valid; null = does not expire.
    validity_months = models.PositiveSmallIntegerField(_("voimassaolo (kk)"), null=True, blank=True)
    in_vocabulary = models.BooleanField(_("osa Kohtaannon sanastoa"), default=False, db_index=True)
    # The shipped vocabulary's subject area (welding, automation, …), for grouping and filters.
    domain = models.CharField(_("aihealue"), max_length=60, blank=True, db_index=True)
    # A requirement card's closest ESCO concept (e.g. tulityökortti → "hot work safety").
    # A URI rather than a foreign key: the ESCO concept may be imported later or never.
    esco_uri = models.CharField(_("vastaava ESCO-käsite"), max_length=255, blank=True)
    version = models.ForeignKey(
        TaxonomyVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="concepts"
    )

    class Meta:
        verbose_name = _("käsite")
        verbose_name_plural = _("käsitteet")

    def __str__(self) -> str:
        return self.label()

    def label(self, lang: str | None = None) -> str:
        """Preferred label in `lang` (default: the active language), then fi, en, sv."""
        return self.label_in(lang)[1]

    def label_in(self, lang: str | None = None) -> tuple[str, str]:
        """(language, label) of `label()`: the language tells a page to mark a fallback."""
        lang = (lang or get_language() or "fi")[:2]
        for candidate in (lang, *LANGUAGE_FALLBACK):
            if self.preferred.get(candidate):
                return candidate, str(self.preferred[candidate])
        return "", self.uri

    def description(self, lang: str | None = None) -> tuple[str, str]:
        """(language, text) of the description in `lang`, then fi, en, sv; ("", "") if none."""
        lang = (lang or get_language() or "fi")[:2]
        for candidate in (lang, *LANGUAGE_FALLBACK):
            if self.descriptions.get(candidate):
                return candidate, str(self.descriptions[candidate])
        return "", ""


class LabelKind(models.TextChoices):
    PREFERRED = "pref", _("Ensisijainen")
    ALTERNATIVE = "alt", _("Vaihtoehtoinen")
    HIDDEN = "hidden", _("Piilotettu")


class ConceptLabel(models.Model):
    concept = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="labels")
    lang = models.CharField(_("kieli"), max_length=5)
    kind = models.CharField(_("laji"), max_length=10, choices=LabelKind.choices)
    text = models.CharField(_("nimi"), max_length=500)
    # Lower-cased, lemmatised form used by search and extraction (taxonomy.text.normalize).
    normalized = models.CharField(max_length=500, db_index=True)
    # Which sources state this label. The ESCO import and the vocabulary loader each manage
    # only their own flag, so neither wipes the other's labels; a label that neither states
    # any more is removed. Labels with neither flag were written by hand and are left alone.
    in_esco = models.BooleanField(_("ESCOssa"), default=False)
    in_vocabulary = models.BooleanField(_("Kohtaannon sanastossa"), default=False)

    class Meta:
        verbose_name = _("nimi")
        verbose_name_plural = _("nimet")
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "lang", "kind", "text"], name="concept_label_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.lang})"


class RelationKind(models.TextChoices):
    OCCUPATION_ESSENTIAL = "occ_essential", _("Ammatin olennainen taito")
    OCCUPATION_OPTIONAL = "occ_optional", _("Ammatin valinnainen taito")
    SKILL_ESSENTIAL = "skill_essential", _("Taidon olennainen taito")
    SKILL_OPTIONAL = "skill_optional", _("Taidon valinnainen taito")
    BROADER = "broader", _("Laajempi käsite")


class ConceptRelation(models.Model):
    """source → target: an occupation's skill, a skill's related skill, or child → broader."""

    source = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Concept, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(max_length=20, choices=RelationKind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="concept_relation_unique"
            )
        ]
        indexes = [models.Index(fields=["target", "kind"])]

    def __str__(self) -> str:
        return f"{self.source_id} {self.kind} {self.target_id}"

"""The objects that audit rows name by id, looked up in bulk for one page of the log.

Services record a related object as its id (`"company": [None, 3]`) and a concept as its URI.
A reader wants the object's text instead: the company's name, the skill's label in their
language. `References.load` fetches every object a page names with one query per model, so a
page of 50 rows costs the same few queries whatever they hold.

A person's name is shown only to a reader who may see that person (the rule in
`PERSON_RULES`, asked of the reader's permission resolver); anyone else, and any object that no
longer exists, reads as a neutral label: "henkilö #12", "Yritys #3". Other objects of a
person's record (consents, participations) read as the neutral label too: their text names
the person.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kohtaanto.audit.events.words import TYPE_LABELS
from kohtaanto.common.formats import user_display_name

# Models whose text is a person's name: the permission that lets a reader see it, and the
# attribute holding the object that permission is asked about (None: the object itself).
PERSON_RULES: dict[str, tuple[str, str | None]] = {
    "jobseekers.jobseeker": ("view_job_seeker", None),
    "employers.companycontact": ("view_company_contacts", "company"),
}
# Apps whose other objects belong to one person's record and name them in their text.
PERSONAL_APPS = frozenset({"jobseekers"})

# Change keys that hold an object's id without being a field of the event's target
# ("<target type>:<key>" for a key that holds ids only on one type of target).
KEY_MODELS: dict[str, str] = {
    "training.programme:skills": "taxonomy.concept",
    "approved_by": settings.AUTH_USER_MODEL,
    "assignee": settings.AUTH_USER_MODEL,
    "company": "employers.company",
    "booked": "finance.commitment",
    "candidates": "jobseekers.jobseeker",
    "consent": "jobseekers.consent",
    "contact": "employers.companycontact",
    "decided_by": settings.AUTH_USER_MODEL,
    "decision": "finance.grantdecision",
    "entered_by": settings.AUTH_USER_MODEL,
    "entry": "finance.ledgerentry",
    "job_seeker": "jobseekers.jobseeker",
    "reversed_by": "finance.ledgerentry",
    "vacancy": "employers.vacancy",
}
# Change keys that hold user names (the person's own counsellors, a provider's members).
USERNAME_KEYS = frozenset({"counsellors", "member"})
# Models that services sometimes record by a code rather than the id: a value that cannot be
# an id is looked up by the code, and so is every value of the (action, key) pairs below.
NATURAL_KEYS: dict[str, str] = {
    "accounts.municipality": "code",
    "employers.company": "business_id",
    "finance.budgetline": "code",
}
BY_NATURAL_KEY = frozenset(
    {("job_seeker.create", "municipality"), ("job_seeker.update", "municipality")}
)
# Codes that can be told from an id by their form. Services record a municipality by its
# three-digit code ("069"); older rows of companies and vacancies hold its id as a number, and
# older job seeker imports its id as text ("8"): those still read as the id.
CODE_FORMS: dict[str, re.Pattern[str]] = {"accounts.municipality": re.compile(r"^\d{3}$")}

CONCEPT_URI = re.compile(r"^(https?://\S+|urn:kohtaanto:\S+)$")
_CHUNK = 500


def model_for(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def field_of(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def type_label(label: str) -> str:
    """`finance.commitment` → "Sitoumus" (the model's name in the reader's language); a few
    models whose names alone would read alike get a longer one (`TYPE_LABELS`)."""
    if label in TYPE_LABELS:
        return str(TYPE_LABELS[label])
    model = model_for(label)
    return capfirst(str(model._meta.verbose_name)) if model is not None else label


def reference_model(model: type[models.Model] | None, key: str) -> type[models.Model] | None:
    """The model whose id the change key `key` of an event on `model` holds, if it holds one:
    a relation field of the target (`company`, `company_id`, a many-to-many's list), else a
    key from `KEY_MODELS`."""
    field = field_of(model, key)
    if field is None and key.endswith("_id"):
        field = field_of(model, key[:-3])
    if field is not None:
        related = field.related_model if field.is_relation else None
        return related if isinstance(related, type) else None
    target = model._meta.label_lower if model is not None else ""
    label = KEY_MODELS.get(f"{target}:{key}") or KEY_MODELS.get(key)
    return model_for(label) if label else None


def locate(
    related: type[models.Model], value: Any, *, action: str = "", key: str = ""
) -> tuple[str, str] | None:
    """(the field to look `value` up by, the value as text): the id, else the model's code
    (`NATURAL_KEYS`); None when `value` names no object."""
    label = related._meta.label_lower
    natural = NATURAL_KEYS.get(label)
    if natural and (action, key) in BY_NATURAL_KEY and isinstance(value, str) and value:
        return natural, value
    form = CODE_FORMS.get(label)
    if natural and form is not None and isinstance(value, str) and form.match(value):
        return natural, value
    pk = pk_of(related, value)
    if pk is not None:
        return "pk", pk
    if natural and isinstance(value, str) and value:
        return natural, value
    return None


def pk_of(model: type[models.Model], value: Any) -> str | None:
    """`value` as the text of a primary key of `model`, or None when it cannot be one."""
    if value is None or isinstance(value, bool | float | list | dict):
        return None
    try:
        pk = model._meta.pk.to_python(value)  # type: ignore[union-attr]
    except ValidationError:
        return None
    return None if pk is None or pk == "" else str(pk)


def neutral_label(model: type[models.Model], pk: str) -> str:
    if model._meta.label_lower in PERSON_RULES:
        return _("henkilö #%(id)s") % {"id": pk}
    return _("%(type)s #%(id)s") % {"type": type_label(model._meta.label_lower), "id": pk}


class References:
    """Texts of the objects and concepts one page of the log names, as `actor` may see them."""

    def __init__(self, actor: Any = None) -> None:
        self.actor = actor
        self.wanted: dict[tuple[type[models.Model], str], set[str]] = defaultdict(set)
        self.uris: set[str] = set()
        self.usernames: set[str] = set()
        self._texts: dict[tuple[str, str, str], str] = {}
        # Texts that are a person's name (the reader may see the person).
        self._names: set[tuple[str, str, str]] = set()
        # (type, id) of the people whose names were read out: the access log's rows.
        self.people_shown: set[tuple[str, str]] = set()
        self._concepts: dict[str, str] = {}
        self._users: dict[str, str] = {}

    # -- collecting what a page names ---------------------------------------------------------

    def want(
        self, model: type[models.Model] | None, key: str, value: Any, action: str = ""
    ) -> None:
        """Note the ids, URIs and user names in one recorded value of the key `key`."""
        if isinstance(value, list):
            for item in value:
                self.want(model, key, item, action)
            return
        if isinstance(value, dict):
            for sub_key, item in value.items():
                self.want(model, key if str(sub_key).isdigit() else str(sub_key), item, action)
            return
        related = reference_model(model, key)
        found = locate(related, value, action=action, key=key) if related is not None else None
        if related is not None and found is not None:
            self.wanted[(related, found[0])].add(found[1])
        elif key in USERNAME_KEYS and isinstance(value, str):
            self.usernames.add(value)
        elif isinstance(value, str) and CONCEPT_URI.match(value):
            self.uris.add(value)

    def want_object(self, label: str, pk: str) -> None:
        model = model_for(label)
        key = pk_of(model, pk) if model is not None else None
        if model is not None and key is not None:
            self.wanted[(model, "pk")].add(key)

    def load(self) -> "References":
        """Fetch everything noted: one query per model (per 500 ids)."""
        user_model = model_for(settings.AUTH_USER_MODEL)
        for (model, lookup), values in self.wanted.items():
            rule = PERSON_RULES.get(model._meta.label_lower)
            queryset = model._default_manager.all()
            if rule is not None and rule[1] is not None:
                queryset = queryset.select_related(rule[1])
            ordered = sorted(values)
            for start in range(0, len(ordered), _CHUNK):
                chunk = queryset.filter(**{f"{lookup}__in": ordered[start : start + _CHUNK]})
                for obj in chunk:
                    value = str(obj.pk if lookup == "pk" else getattr(obj, lookup))
                    key = (model._meta.label_lower, lookup, value)
                    named = rule is not None and self._may_see(obj, rule)
                    self._texts[key] = self._text(obj, rule, named=named)
                    if named:
                        self._names.add(key)
        concept = model_for("taxonomy.concept")
        uris = sorted(self.uris)
        if concept is not None:
            for start in range(0, len(uris), _CHUNK):
                for c in concept._default_manager.filter(uri__in=uris[start : start + _CHUNK]):
                    self._concepts[c.uri] = str(c)  # type: ignore[attr-defined]
        if user_model is not None and self.usernames:
            for user in user_model._default_manager.filter(username__in=sorted(self.usernames)):
                self._users[user.username] = self._user_text(user)  # type: ignore[attr-defined]
        return self

    def _may_see(self, obj: models.Model, rule: tuple[str, str | None]) -> bool:
        subject = getattr(obj, rule[1]) if rule[1] else obj
        permissions = getattr(self.actor, "permissions", None)
        return permissions is not None and bool(permissions.check(rule[0], subject))

    def _text(self, obj: models.Model, rule: tuple[str, str | None] | None, *, named: bool) -> str:
        label = obj._meta.label_lower
        if rule is not None:
            if not named:
                return neutral_label(type(obj), str(obj.pk))
        elif obj._meta.app_label in PERSONAL_APPS:
            return neutral_label(type(obj), str(obj.pk))
        if label == settings.AUTH_USER_MODEL.lower():
            return self._user_text(obj)
        return str(obj)

    @staticmethod
    def _user_text(user: Any) -> str:
        return user_display_name(
            first_name=user.first_name, last_name=user.last_name, username=user.username
        )

    # -- reading ------------------------------------------------------------------------------

    def text(self, model: type[models.Model], pk: str, lookup: str = "pk") -> str:
        """The object's text; a missing object's neutral label ("Yritys #3"), or a value
        looked up by code as it was recorded (it may be a name, not a code)."""
        key = (model._meta.label_lower, lookup, pk)
        found = self._texts.get(key)
        if found is not None:
            if key in self._names:
                self.people_shown.add((key[0], pk))
            return found
        return neutral_label(model, pk) if lookup == "pk" else pk

    def concept(self, uri: str) -> str | None:
        return self._concepts.get(uri)

    def user(self, username: str) -> str | None:
        return self._users.get(username)


def references_for(
    *,
    actor: Any,
    changes: Iterable[tuple[str, str, dict[str, Any]]],
    objects: Iterable[tuple[str, str]],
) -> References:
    """The texts for the `changes` ((target type, action, changes)) and the `objects` ((type,
    id) pairs of targets and subjects shown only by id) of one page."""
    refs = References(actor)
    for label, action, change_map in changes:
        model = model_for(label)
        for key, pair in change_map.items():
            refs.want(model, key, pair, action)
    for label, pk in objects:
        refs.want_object(label, pk)
    return refs.load()

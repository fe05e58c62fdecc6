"""Input hygiene shared by every form and schema: no control characters in text.

NUL cannot be stored in PostgreSQL text at all (the driver refuses it: a 500 if it reaches the
database); the other C0 and C1 control characters and the Unicode separators U+2028/U+2029
are invisible, break exports and logs, and are never typed by a person. Tab, line feed and
carriage return stay allowed in free text (`multiline=True`) and are refused in one-line fields.
"""

import re
from decimal import Decimal
from typing import Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pydantic import AfterValidator, BeforeValidator

from kohtaanto.common.errors import DomainError

_ALWAYS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
_CONTROL = re.compile(f"[{_ALWAYS}]")
_CONTROL_OR_LINE_BREAK = re.compile(f"[{_ALWAYS}\t\n\r]")


def control_character_error(value: str, *, multiline: bool = False) -> str | None:
    """The reason `value` is refused (which character, where), or None when it is clean."""
    found = (_CONTROL if multiline else _CONTROL_OR_LINE_BREAK).search(value)
    if found is None:
        return None
    return _("Teksti sisältää ohjausmerkin U+%(code)04X kohdassa %(position)s.") % {
        "code": ord(found.group()),
        "position": found.start() + 1,
    }


def validate_no_control_characters(value: Any) -> None:
    """Django validator for one-line text: no control characters, no line breaks."""
    if isinstance(value, str) and (reason := control_character_error(value)):
        raise ValidationError(reason, code="control_character")


def validate_no_control_characters_multiline(value: Any) -> None:
    """Django validator for free text: no control characters; tab and line breaks allowed."""
    if isinstance(value, str) and (reason := control_character_error(value, multiline=True)):
        raise ValidationError(reason, code="control_character")


def _checked(multiline: bool) -> Any:
    def check(value: str) -> str:
        if reason := control_character_error(value, multiline=multiline):
            raise ValueError(reason)
        return value

    return check


_PLAIN_DECIMAL = re.compile(r"^-?[0-9]{1,20}(?:\.[0-9]{1,10})?$")


def _plain_decimal(value: Any) -> Any:
    """Amounts in an API body: plain decimal notation with ASCII digits ("1234.50"). Pydantic
    alone would take "1e2", "١٠٠" (Arabic-Indic digits) or "Infinity" as numbers."""
    if isinstance(value, bool):
        raise ValueError(_("Anna luku, esim. 1234.50."))
    if isinstance(value, float):
        text = repr(value)
        if not _PLAIN_DECIMAL.match(text):
            raise ValueError(_("Anna luku tavallisena desimaalilukuna, esim. 1234.50."))
        return text
    if isinstance(value, str) and not _PLAIN_DECIMAL.match(value):
        raise ValueError(_("Anna luku tavallisena desimaalilukuna ASCII-numeroin, esim. 1234.50."))
    return value


# `amount: PlainDecimal`: a Decimal from an int, a plain float or a plain decimal string only.
PlainDecimal = Annotated[Decimal, BeforeValidator(_plain_decimal)]

# For API schemas (django-ninja / pydantic): `title: CleanLine`, `note: CleanText`. A refused
# value answers 400 with the field and the reason, before anything reaches the database.
CleanLine = Annotated[str, AfterValidator(_checked(multiline=False))]
CleanText = Annotated[str, AfterValidator(_checked(multiline=True))]


class CleanTextFormMixin:
    """Adds the control-character check to every text field of a form.

    Fields with a Textarea widget get the free-text rule; every other CharField the one-line
    rule. Use as the first base: `class MyForm(CleanTextFormMixin, forms.Form)`.
    """

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                multiline = isinstance(field.widget, forms.Textarea)
                field.validators.append(
                    validate_no_control_characters_multiline
                    if multiline
                    else validate_no_control_characters
                )


def validate_not_in_future(value: Any) -> None:
    """A day that has already come (a birth date, a day something was done): not after today
    in Helsinki."""
    import datetime

    from django.utils import timezone

    from kohtaanto.common.formats import format_date

    if isinstance(value, datetime.date) and value > timezone.localdate():
        raise ValidationError(
            _("Päivä %(day)s on tulevaisuudessa.") % {"day": format_date(value)},
            code="future_date",
        )


def service_text(value: str | None, *, field: str, max_length: int, required: bool = True) -> str:
    """A service's one-line text input, stripped; DomainError when missing or too long.

    `field` is the field's name as the user knows it, put into the message.
    """
    text = (value or "").strip()
    if required and not text:
        raise DomainError(_("%(field)s puuttuu.") % {"field": field})
    if len(text) > max_length:
        raise DomainError(
            _("%(field)s on liian pitkä (enintään %(max)s merkkiä).")
            % {"field": field, "max": max_length}
        )
    return text

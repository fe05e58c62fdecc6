"""Form pieces shared by every app: date inputs, decimal text inputs for money and hours, and
the one way a form shows a service's refusal.

Money and hours are text inputs with `inputmode="decimal"` (never `type=number`, which drops a
decimal comma in some browsers and makes "1200000,50" into 120000050): the server parses what
was typed with `common.money.parse_decimal`.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from kohtaanto.common.errors import DomainError, ImportRejectedError, NotFoundError
from kohtaanto.common.money import format_decimal, format_eur, parse_decimal
from kohtaanto.common.validators import CleanTextFormMixin


class DateInput(forms.DateInput):
    """The browser's date picker; the value travels as ISO 8601 (yyyy-mm-dd)."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def date_field(
    label: Any, *, required: bool = True, initial: Any = None, help_text: Any = ""
) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=DateInput(), initial=initial, help_text=help_text
    )


class DecimalInput(forms.TextInput):
    """A text box that brings up the numeric keyboard and shows the value in the page's
    language ("1 234,50")."""

    def __init__(self, *, places: int = 2, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})
        self.places = places

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return format_decimal(value, places=self.places)
        return super().format_value(value)


def _plain_number(value: Decimal) -> str:
    """A limit as typed, in the page's language: "0,5", "100", "0,01"."""
    number = Decimal(value)
    exponent = number.as_tuple().exponent
    return format_decimal(
        number, places=-exponent if isinstance(exponent, int) and exponent < 0 else 0
    )


class _ShownLimit:
    """Django's min/max message with the limit written the way the page's language writes
    numbers ("0,01 €", not "0.01"), at the time of the check."""

    limit_value: Decimal

    def __init__(self, limit_value: Decimal, *, show: Callable[[Decimal], str]) -> None:
        super().__init__(limit_value)  # type: ignore[call-arg]
        self.show = show

    def __call__(self, value: Any) -> None:
        try:
            super().__call__(value)  # type: ignore[misc]
        except ValidationError as error:
            params = {**(error.params or {}), "limit_value": self.show(self.limit_value)}
            raise ValidationError(error.message, code=error.code, params=params) from None


class _ShownMinValueValidator(_ShownLimit, MinValueValidator):
    pass


class _ShownMaxValueValidator(_ShownLimit, MaxValueValidator):
    pass


def _shown_limit(validator: Any, show: Callable[[Decimal], str]) -> Any:
    if type(validator) is MinValueValidator:
        return _ShownMinValueValidator(validator.limit_value, show=show)
    if type(validator) is MaxValueValidator:
        return _ShownMaxValueValidator(validator.limit_value, show=show)
    return validator


class DecimalTextField(forms.DecimalField):
    """A decimal typed as a Finnish, Swedish or English user writes it (common.money rules);
    an ambiguous or malformed value comes back with the reason. `euros` writes the limits of
    the range messages as money ("0,01 €")."""

    def __init__(self, *, decimal_places: int = 2, euros: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("widget", DecimalInput(places=decimal_places))
        super().__init__(decimal_places=decimal_places, **kwargs)
        show = format_eur if euros else _plain_number
        self.validators = [_shown_limit(v, show) for v in self.validators]

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
        try:
            return parse_decimal(value, places=self.decimal_places or 0)
        except DomainError as error:
            raise ValidationError(error.message, code="invalid") from error

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # DecimalField would add min/max/step, which only belong to type=number inputs.
        return forms.Field.widget_attrs(self, widget)


def money_field(
    label: Any,
    *,
    required: bool = True,
    minimum: Decimal | None = Decimal(0),
    max_digits: int = 14,
    help_text: Any = "",
) -> DecimalTextField:
    """A euro amount with cents; `minimum` None allows any sign."""
    return DecimalTextField(
        label=label,
        required=required,
        max_digits=max_digits,
        decimal_places=2,
        min_value=minimum,
        help_text=help_text,
        euros=True,
    )


def hours_field(
    label: Any,
    *,
    required: bool = True,
    minimum: Decimal | None = Decimal(0),
    max_digits: int = 7,
    **kwargs: Any,
) -> DecimalTextField:
    """Hours with at most two decimals ("7,5")."""
    return DecimalTextField(
        label=label,
        required=required,
        max_digits=max_digits,
        decimal_places=2,
        min_value=minimum,
        **kwargs,
    )


def percent_field(
    label: Any, *, required: bool = True, minimum: Decimal = Decimal(0), **kwargs: Any
) -> DecimalTextField:
    """A percentage from `minimum` to 100 with at most two decimals ("37,5")."""
    return DecimalTextField(
        label=label,
        required=required,
        max_digits=5,
        decimal_places=2,
        min_value=minimum,
        max_value=Decimal(100),
        **kwargs,
    )


class PeriodMixin:
    """Refuses an end before the start (fields `start_field` and `end_field`): the reason
    `period_message` stands at the end field."""

    start_field = "start_date"
    end_field = "end_date"
    period_message: Any = gettext_lazy("Päättymispäivä on ennen alkamispäivää.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}  # type: ignore[misc]
        start, end = cleaned.get(self.start_field), cleaned.get(self.end_field)
        if start and end and end < start:
            self.add_error(self.end_field, self.period_message)  # type: ignore[attr-defined]
        return cleaned


class ActorChoicesMixin:
    """A form made for an actor (the `actor` keyword) whose model choices depend on who they
    are: `actor_choices` maps a field to the function of the actor that gives its rows."""

    actor_choices: ClassVar[dict[str, Callable[[Any], Any]]] = {}

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, rows in self.actor_choices.items():
            set_choices(self, name, rows(actor))  # type: ignore[arg-type]


class BlankRowForm(CleanTextFormMixin, forms.Form):
    """A row of a formset that may be left blank (a blank row is skipped), with no input marked
    required in the page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        self.use_required_attribute = False


def set_choices(form: forms.BaseForm, name: str, queryset: Any) -> None:
    """Offer in the form's model choice field `name` only the rows of `queryset` (typically
    those of the actor's area)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


def user_label(user: Any, *, with_username: bool = False) -> str:
    """How a staff user is named in a choice: the full name, or the username when there is no
    name; `with_username` adds the username to tell two people of the same name apart."""
    name, username = user.display_name, user.get_username()
    return f"{name} ({username})" if with_username and name != username else name


class UserChoiceField(forms.ModelChoiceField):
    """A staff user chosen by name (see `user_label`)."""

    def __init__(self, *args: Any, with_username: bool = False, **kwargs: Any) -> None:
        self.with_username = with_username
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return user_label(obj, with_username=self.with_username)


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several staff users chosen by name (see `user_label`)."""

    def label_from_instance(self, obj: Any) -> str:
        return user_label(obj)


def show_refusal(form: forms.BaseForm, error: DomainError) -> None:
    """Show a service's refusal on the form: each reason next to the field it names, or above
    the form when it names no field of this form."""
    if isinstance(error, ImportRejectedError):
        for row in error.errors:
            form.add_error(row.field if row.field in form.fields else None, row.reason)
        return
    form.add_error(error.field if error.field in form.fields else None, error.message)


def attempt(form: forms.BaseForm, action: Callable[[], Any]) -> Any:
    """Run a service and return its result (True when it returns nothing), or None when it
    refused: the refusal becomes the form's error, next to the field it names (the service
    changed nothing). A miss is not a refusal: NotFoundError goes on to the 404 page."""
    try:
        result = action()
    except NotFoundError:
        raise
    except DomainError as exc:
        show_refusal(form, exc)
        return None
    return True if result is None else result


def form_saved(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[], Any],
    *,
    success: str,
    then: Callable[[Any], HttpResponse],
) -> HttpResponse | None:
    """A valid form's service call: on success the message and `then(result)` (a redirect);
    on a refusal None, with the reason on the form for the page to show again."""
    result = attempt(form, action)
    if result is None:
        return None
    messages.success(request, success)
    return then(result)


def error_messages(request: HttpRequest, form: forms.BaseForm) -> None:
    """A form's errors as messages on the page a post returns to, each with its field."""
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = field.label if field is not None else None
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


def button_pressed(
    request: HttpRequest,
    action: Callable[[], Any],
    *,
    success: str,
    then: HttpResponse,
    after: Callable[[], None] | None = None,
    form: forms.BaseForm | None = None,
) -> HttpResponse:
    """A post made from another page (confirm, cancel, remove, a row's small form): the
    service's success or its refusal as a message, then `then` (a redirect) either way.
    `after` runs only on success, after the message (e.g. warnings that follow from what was
    done). With `form`, the form must be valid before `action` runs (it reads the form's
    cleaned data); its errors and the service's refusal come back as messages, each with the
    label of the field it names."""
    if form is not None and not form.is_valid():
        error_messages(request, form)
        return then
    try:
        action()
    except NotFoundError:
        raise
    except DomainError as exc:
        if form is None:
            messages.error(request, exc.message)
        else:
            show_refusal(form, exc)
            error_messages(request, form)
    else:
        messages.success(request, success)
        if after is not None:
            after()
    return then

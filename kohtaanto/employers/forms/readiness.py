"""The readiness assessment form: one score for each dimension."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.forms import DateInput
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.models import READINESS_DIMENSIONS
from kohtaanto.employers.readiness import DIMENSIONS, LEVEL_NAMES


class ReadinessForm(CleanTextFormMixin, forms.Form):
    assessed_on = forms.DateField(label=_("Arviointipäivä"), widget=DateInput())
    notes = forms.CharField(label=_("Huomiot"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"].initial = timezone.localdate()
        for dimension in DIMENSIONS:
            self.fields[dimension.key] = forms.TypedChoiceField(
                label=dimension.name,
                help_text=dimension.question,
                coerce=int,
                choices=[
                    (level, f"{name}: {description}")
                    for level, (name, description) in enumerate(
                        zip(LEVEL_NAMES, dimension.levels, strict=True)
                    )
                ],
                widget=forms.RadioSelect,
            )

    def scores(self) -> dict[str, int]:
        return {key: self.cleaned_data[key] for key in READINESS_DIMENSIONS}

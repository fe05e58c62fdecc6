from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.forms import OTPAuthenticationForm

from kohtaanto.common.validators import CleanTextFormMixin


class TOTPConfirmForm(CleanTextFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Sovelluksen näyttämä kuusinumeroinen koodi"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, device: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self) -> str:
        token = self.cleaned_data["token"]
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("Koodi ei kelpaa. Tarkista sovelluksen koodi."))
        return token


class LoginForm(CleanTextFormMixin, OTPAuthenticationForm):
    """Password login; the TOTP code is asked only of users with a confirmed device."""

    def clean(self) -> dict[str, Any]:
        cleaned = AuthenticationForm.clean(self)
        user = self.get_user()
        if user is not None and any(devices_for_user(user, confirmed=True)):
            self.clean_otp(user)
        elif user is not None:
            user.otp_device = None  # type: ignore[attr-defined]
        return cleaned

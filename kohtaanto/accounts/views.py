import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kohtaanto.accounts import services
from kohtaanto.accounts.forms import LoginForm, TOTPConfirmForm
from kohtaanto.common.types import AuthenticatedHttpRequest


class LoginView(auth_views.LoginView):
    """Username + password, and the TOTP code for users who have confirmed a device."""

    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:login")


@login_required
@require_POST
def logout_everywhere(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.user_logout_everywhere(actor=request.user)
    logout(request)
    messages.info(request, _("Olet kirjautunut ulos kaikilta laitteilta."))
    return redirect("accounts:login")


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    devices = TOTPDevice.objects.filter(user=request.user, confirmed=True)
    return render(request, "accounts/profile.html", {"devices": devices})


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required
def otp_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Add a TOTP device: show the QR code, confirm with a code from the app."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if confirmed and not request.user.is_verified():
        # Has a device but this session has not passed it: verify instead of adding.
        form = TOTPConfirmForm(request.POST or None, device=confirmed)
        if request.method == "POST" and form.is_valid():
            otp_login(request, confirmed)
            return redirect("home")
        return render(request, "accounts/otp_verify.html", {"form": form})
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "TOTP"}
    )
    form = TOTPConfirmForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Kaksivaiheinen tunnistus on otettu käyttöön."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/otp_setup.html",
        {"form": form, "qr": _qr_svg(device.config_url), "secret": device.bin_key.hex()},
    )

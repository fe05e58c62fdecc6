from django.urls import path

from kohtaanto.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("logout-everywhere/", views.logout_everywhere, name="logout_everywhere"),
    path("profile/", views.profile, name="profile"),
    path("otp/", views.otp_setup, name="otp_setup"),
]

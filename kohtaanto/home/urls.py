from django.urls import path

from kohtaanto.home import views

app_name = "home"
urlpatterns = [path("", views.search, name="search")]

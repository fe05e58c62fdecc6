from django.urls import path

from kohtaanto.extraction import views

app_name = "extraction"
urlpatterns = [
    path("", views.try_page, name="try"),
    path("suggest/", views.suggest, name="suggest"),
    path("concepts/", views.concept_search, name="concept_search"),
]

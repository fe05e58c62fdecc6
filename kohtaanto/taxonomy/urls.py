from django.urls import path

from kohtaanto.taxonomy import views

app_name = "taxonomy"
urlpatterns = [
    path("", views.search, name="search"),
    path("concepts/<int:id>/", views.concept_detail, name="concept"),
    path("picker/", views.picker, name="picker"),
]

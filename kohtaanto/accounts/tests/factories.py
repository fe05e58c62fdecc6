import factory
from factory.django import DjangoModelFactory

from kohtaanto.accounts.models import User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"kayttaja{n}")
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.fi")
    password = factory.django.Password("Testi-salasana-123")
    role = "coordinator"

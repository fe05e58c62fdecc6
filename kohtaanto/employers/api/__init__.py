"""JSON API of the employers app: companies, contacts, activation log, surveys, readiness
assessments and vacancies, with the same permissions as the pages.

Concepts are given and shown by URI. A refused field answers 400 with
{"error": "invalid", "errors": [{"field", "reason"}]}; a refused state change 409; anything
missing or not the caller's 404. One module a resource.
"""

# Importing the endpoint modules registers their routes on the router.
from kohtaanto.employers.api import (
    activities,  # noqa: F401
    companies,  # noqa: F401
    contacts,  # noqa: F401
    readiness,  # noqa: F401
    surveys,  # noqa: F401
    vacancies,  # noqa: F401
)
from kohtaanto.employers.api.common import router

__all__ = ["router"]

"""Demo data: a synthetic set of manufacturing companies in the demo region, with contacts,
visits, competence-needs surveys, readiness assessments and vacancies.

Every company, person and business id here is made up: names are built from obviously
fictional words and business ids come from a range (29xxxxx) with valid check digits that is
reserved for the demo. Skills and occupations are picked from the taxonomy by URI when they
are loaded (the shipped vocabulary comes first, ORDER 10); without them vacancies and surveys
are made without skills. Re-running changes nothing: companies are matched by business id and
vacancies by external id.
"""

from kohtaanto.employers.demo.catalogue import (
    COMPANIES,
    FIRST_BUSINESS_NUMBER,
    OCCUPATION,
    REQUIREMENT,
    SKILL,
    VACANCIES,
    WORK,
    ascii_name,
    demo_business_id,
)
from kohtaanto.employers.demo.companies import generate

ORDER = 20

__all__ = [
    "COMPANIES",
    "FIRST_BUSINESS_NUMBER",
    "OCCUPATION",
    "ORDER",
    "REQUIREMENT",
    "SKILL",
    "VACANCIES",
    "WORK",
    "ascii_name",
    "demo_business_id",
    "generate",
]

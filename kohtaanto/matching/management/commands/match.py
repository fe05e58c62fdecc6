"""kohtaanto match --job-seeker EXTERNAL_ID | --vacancy EXTERNAL_ID [--top 20] [--format json]

Prints {"results": [{"external_id", "score", "matched": [uri], "missing": [uri]}]} (json), or
one line per result with its explanation (text). Run by the operator: people are listed only
when their consent to processing is in force, as on the pages.
"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kohtaanto.employers.models import Vacancy
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.explanations import explanation_lines
from kohtaanto.matching.results import MatchResult
from kohtaanto.matching.selectors import (
    consenting_job_seekers,
    job_seekers_ranked,
    vacancies_ranked,
)
from kohtaanto.matching.services import area_for_batch


class Command(BaseCommand):
    help = "Rank open vacancies for a job seeker, or job seekers for a vacancy, by external id."

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--job-seeker", metavar="EXTERNAL_ID")
        which.add_argument("--vacancy", metavar="EXTERNAL_ID")
        parser.add_argument("--top", type=int, default=20)
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument("--area", help="employment area code (when there are several)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["top"] < 1:
            raise CommandError("--top must be at least 1.")
        try:
            area = area_for_batch(options["area"])
            if options["job_seeker"]:
                person = JobSeeker.objects.filter(
                    employment_area=area, external_id=options["job_seeker"]
                ).first()
                if person is None:
                    raise CommandError(
                        f"No job seeker with external id {options['job_seeker']!r} in {area.code}."
                    )
                results = vacancies_ranked(job_seeker=person, top=options["top"])
                ext = dict(
                    Vacancy.objects.filter(pk__in=[r.vacancy_id for r in results]).values_list(
                        "pk", "external_id"
                    )
                )
                rows = [(ext[r.vacancy_id] or str(r.vacancy_id), r) for r in results]
            else:
                vacancy = Vacancy.objects.filter(
                    employment_area=area, external_id=options["vacancy"]
                ).first()
                if vacancy is None:
                    raise CommandError(
                        f"No vacancy with external id {options['vacancy']!r} in {area.code}."
                    )
                allowed = consenting_job_seekers(area_id=area.pk)
                results = job_seekers_ranked(vacancy=vacancy, allowed=allowed, top=options["top"])
                ext = dict(
                    JobSeeker.objects.filter(pk__in=[r.job_seeker_id for r in results]).values_list(
                        "pk", "external_id"
                    )
                )
                rows = [(ext[r.job_seeker_id] or str(r.job_seeker_id), r) for r in results]
        except MatchingError as exc:
            raise CommandError(exc.message) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps({"results": [_json(e, r) for e, r in rows]}, indent=2))
        else:
            for external_id, r in rows:
                self.stdout.write(
                    f"{external_id}\t{r.score:.3f}\t" + " ".join(explanation_lines(r))
                )


def _json(external_id: str, r: MatchResult) -> dict[str, Any]:
    return {
        "external_id": external_id,
        "score": r.score,
        "matched": [s.uri for s in r.matched],
        "partial": [s.uri for s in r.partial],
        "missing": [s.uri for s in r.missing],
    }

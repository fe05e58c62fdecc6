"""Batch matching: every consenting active job seeker's best vacancies to a JSON Lines file.

Run by the operator (`kohtaanto match-all`, or as a background task), never by a web user:
the file holds rankings of people and goes where the operator writes it.
"""

import json
from collections.abc import Callable
from pathlib import Path

from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.employers.models import Vacancy
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching.engine.loader import area_index
from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.selectors import consenting_job_seekers

BLOCK_SIZE = 256


def area_for_batch(code: str | None) -> EmploymentArea:
    """The area named by `code`, or the only one there is; a clear error otherwise."""
    if code:
        area = EmploymentArea.objects.filter(code=code).first()
        if area is None:
            raise MatchingError(_("Työllisyysaluetta %(code)s ei ole.") % {"code": code})
        return area
    areas = list(EmploymentArea.objects.all()[:2])
    if len(areas) != 1:
        raise MatchingError(_("Anna työllisyysalue (--area), koska niitä on useita."))
    return areas[0]


def match_all_export(
    *,
    area: EmploymentArea,
    top: int,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write one line `{"job_seeker", "vacancies": [{"external_id", "score"}]}` per person.

    People: active, consent to processing in force. Vacancies: open; excluded pairs (hard
    requirements) and vacancies without a skill in common are left out. Computed in blocks of
    BLOCK_SIZE people, so memory does not grow with the number of people. `progress(done,
    total)` is called after each block. Returns the number of lines written.
    """
    if top < 1:
        raise MatchingError(_("Tulosten määrän (--top) pitää olla vähintään 1."))
    index = area_index(area.pk).index
    people = sorted(consenting_job_seekers(area_id=area.pk))
    people = [p for p in people if index.person_position(p) is not None]
    person_ext = dict(JobSeeker.objects.filter(pk__in=people).values_list("pk", "external_id"))
    vacancy_ext = dict(
        Vacancy.objects.filter(pk__in=index.vacancy_ids).values_list("pk", "external_id")
    )
    written = 0
    with out.open("w", encoding="utf-8") as f:
        blocks = index.top_all(top=top, block_size=BLOCK_SIZE, people=people)
        for ids, positions, scores in blocks if index.vacancy_ids else ():
            for k, pid in enumerate(ids):
                vacancies = [
                    {
                        "external_id": vacancy_ext[index.vacancy_ids[int(pos)]]
                        or str(index.vacancy_ids[int(pos)]),
                        "score": round(float(score), 4),
                    }
                    for pos, score in zip(positions[k], scores[k], strict=True)
                    if score > 0
                ]
                line = {"job_seeker": person_ext[pid] or str(pid), "vacancies": vacancies}
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
                written += 1
            if progress:
                progress(written, len(people))
    return written

"""Background tasks of matching (Django's tasks framework; database or Redis/RQ worker).

`kohtaanto match-all --background` enqueues `match_all`; with the RQ backend several workers
can take areas in parallel (one task per area).
"""

from pathlib import Path

from django_tasks import task

from kohtaanto.matching.services import area_for_batch, match_all_export


@task()
def match_all(area_code: str, top: int, out: str) -> int:
    """Write the area's match-all file; returns the number of job seekers written."""
    return match_all_export(area=area_for_batch(area_code), top=top, out=Path(out))

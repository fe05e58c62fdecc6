"""JSON API of the job-seeker register, with the same permissions as the pages.

A person the caller may not see answers 404, exactly like a missing one. Every read of a
person's data is written to the access log, as in the UI. One module a resource: the
register (people), consents, ESF+ participation, the skills profile and CV, the plan and
service events.
"""

# Importing the endpoint modules registers their routes on the router.
from kohtaanto.jobseekers.api import (
    consents,  # noqa: F401
    participation,  # noqa: F401
    people,  # noqa: F401
    plan,  # noqa: F401
    profile,  # noqa: F401
)
from kohtaanto.jobseekers.api.common import router

__all__ = ["router"]

"""Bulk imports: ESF+ participants from CSV and job seekers with profiles from JSON Lines.

Both are all-or-nothing: the whole file is checked first and any problem rejects it with
every error listed as (line, column, reason); nothing is written then. People are matched on
`external_id` within the employment area, and only what differs is written, so importing the
same file twice changes nothing the second time.

Each import is read and checked in one module (`participant_rows`, `job_seeker_rows`) and
written in another (`participants`, `job_seeker_writer`); `job_seekers` runs the JSON Lines
import chunk by chunk.
"""

from kohtaanto.common.imports import ImportResult
from kohtaanto.jobseekers.importers.job_seekers import job_seekers_import
from kohtaanto.jobseekers.importers.participants import participants_import
from kohtaanto.jobseekers.importers.shared import decode_file

__all__ = ["ImportResult", "decode_file", "job_seekers_import", "participants_import"]

"""The datalists a page offers to the concept text boxes of its rows.

Survey answers and a vacancy's skills and requirements are lists of rows; a row with no concept
is ignored, so an empty row at the end of each list lets the user add one more. Rows take the
concept as typed text offered from the page's datalists: a respondent who came through a link
may not search the taxonomy, and a table row has no room for the picker's options.
"""

DATALIST_SKILLS = "concepts-skills"
DATALIST_OCCUPATIONS = "concepts-occupations"
DATALIST_REQUIREMENTS = "concepts-requirements"

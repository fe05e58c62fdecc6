# Finnish formats (Kielitoimiston ohjepankki: päivämäärät "2.12.2026", kellonajat "14.30",
# tuhaterotin välilyönti, desimaalierotin pilkku). Django's own Finnish formats write
# "2. joulukuuta 2026"; the project writes dates in numbers everywhere.
DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
TIME_FORMAT = "G.i"
YEAR_MONTH_FORMAT = "n/Y"
MONTH_DAY_FORMAT = "j.n."
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = ["%H.%M", "%H:%M", "%H.%M.%S", "%H:%M:%S"]
DECIMAL_SEPARATOR = ","
# A no-break space, as Django writes it, where a template localizes a number itself (floatformat
# with "g"); common.money and common.formats write plain spaces for text shared with messages.
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3

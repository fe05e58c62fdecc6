"""The `kohtaanto` console script: Django's manage.py for this project.

Commands are spelled with hyphens in the documentation (`kohtaanto import-esco`); Django's
command modules use underscores, so hyphens are translated before dispatch.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.config.settings")
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()

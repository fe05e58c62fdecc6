"""Keep the fi/sv/en catalogues of every app and of the project in step with the code.

  kohtaanto translations --update   extract messages (needs GNU gettext) and compile
  kohtaanto translations --compile  compile .po → .mo with polib (no gettext needed)
  kohtaanto translations --check    fail on untranslated or fuzzy fi/sv/en entries, on stale
                                    catalogues (with gettext present) and on stale .mo files
  kohtaanto translations --missing  print the untranslated sv/en messages as JSON
  kohtaanto translations --apply F  take {"sv": {msgid: msgstr}, "en": {...}} from JSON file F

Finnish is the source language: its catalogue is filled with the message ids themselves.

Each app keeps its own `locale/`; strings outside the apps (templates/, config/) live in the
package's `locale/`.
"""

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import polib
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

PACKAGE = Path(__file__).resolve().parents[3]
LANGUAGES = ["fi", "sv", "en"]


def app_dirs(package: Path) -> list[Path]:
    return sorted(p.parent for p in package.glob("*/apps.py") if (p.parent / "locale").is_dir())


def catalogue_roots(package: Path = PACKAGE) -> list[Path]:
    return [*app_dirs(package), package]


def _makemessages(root: Path, package: Path) -> None:
    ignore = [f"{d.name}/*" for d in app_dirs(package)] if root == package else []
    ignore += ["tests/*", "*/tests/*", "migrations/*", "*/migrations/*", "static/*"]
    cwd = os.getcwd()
    try:
        os.chdir(root)
        call_command(
            "makemessages",
            locale=LANGUAGES,
            ignore_patterns=ignore,
            no_obsolete=True,
            add_location="file",
            verbosity=0,
        )
    finally:
        os.chdir(cwd)


def _po_files(root: Path) -> list[Path]:
    return sorted((root / "locale").glob("*/LC_MESSAGES/*.po"))


def _entries_key(po: polib.POFile) -> set[tuple[str, str]]:
    return {(e.msgctxt or "", e.msgid) for e in po if not e.obsolete}


class Command(BaseCommand):
    help = "Update, compile or check the translation catalogues."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--update", action="store_true")
        group.add_argument("--compile", action="store_true")
        group.add_argument("--check", action="store_true")
        group.add_argument("--missing", action="store_true")
        group.add_argument("--apply", metavar="FILE")
        parser.add_argument("--app", help="limit --update/--compile/--apply to one app's catalogue")

    def handle(self, *args: Any, **options: Any) -> None:
        self.roots = catalogue_roots()
        if options.get("app"):
            self.roots = [PACKAGE / options["app"]]
            if not (self.roots[0] / "locale").is_dir():
                raise CommandError(f"kohtaanto/{options['app']}/locale does not exist.")
        if options["update"]:
            if not shutil.which("xgettext"):
                raise CommandError("GNU gettext is needed to extract messages.")
            for root in self.roots:
                _makemessages(root, PACKAGE)
            self._fill_source()
            self._compile()
        elif options["compile"]:
            self._compile()
        elif options["missing"]:
            missing: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES[1:]}
            for root in self.roots:
                for lang in LANGUAGES[1:]:
                    for po_path in (root / "locale" / lang).glob("LC_MESSAGES/*.po"):
                        for entry in polib.pofile(str(po_path)):
                            if entry.obsolete:
                                continue
                            if not entry.translated() or "fuzzy" in entry.flags:
                                missing[lang][entry.msgid] = ""
            self.stdout.write(json.dumps(missing, ensure_ascii=False, indent=1))
        elif options["apply"]:
            self._apply(json.loads(Path(options["apply"]).read_text(encoding="utf-8")))
            self._compile()
        else:
            self._check()

    def _fill_source(self) -> None:
        for root in self.roots:
            for po_path in (root / "locale" / "fi").glob("LC_MESSAGES/*.po"):
                po = polib.pofile(str(po_path))
                for entry in po:
                    if entry.msgid_plural:
                        entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                    else:
                        entry.msgstr = entry.msgid
                    if "fuzzy" in entry.flags:
                        entry.flags.remove("fuzzy")
                po.save()

    def _apply(self, translations: dict[str, dict[str, str]]) -> None:
        for root in self.roots:
            for lang, mapping in translations.items():
                for po_path in (root / "locale" / lang).glob("LC_MESSAGES/*.po"):
                    po = polib.pofile(str(po_path))
                    changed = False
                    for entry in po:
                        value = mapping.get(entry.msgid)
                        if not value:
                            continue
                        if entry.msgid_plural:
                            plural = mapping.get(entry.msgid_plural) or value
                            entry.msgstr_plural = {0: value, 1: plural}
                        else:
                            entry.msgstr = value
                        if "fuzzy" in entry.flags:
                            entry.flags.remove("fuzzy")
                        changed = True
                    if changed:
                        po.save()

    def _compile(self) -> None:
        for root in self.roots:
            for po_path in _po_files(root):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))

    def _check(self) -> None:
        problems: list[str] = []
        for root in catalogue_roots():
            for lang in LANGUAGES:
                if not (root / "locale" / lang / "LC_MESSAGES" / "django.po").exists():
                    problems.append(f"{root.relative_to(PACKAGE.parent)}: no {lang} catalogue")
            for po_path in _po_files(root):
                po = polib.pofile(str(po_path))
                rel = po_path.relative_to(PACKAGE.parent)
                for entry in po.untranslated_entries():
                    problems.append(f"{rel}: untranslated: {entry.msgid!r}")
                for entry in po.fuzzy_entries():
                    problems.append(f"{rel}: fuzzy: {entry.msgid!r}")
                mo_path = po_path.with_suffix(".mo")
                if not mo_path.exists():
                    problems.append(f"{rel}: not compiled")
                else:
                    compiled = {
                        (e.msgctxt or "", e.msgid): e.msgstr
                        for e in polib.mofile(str(mo_path))
                        if e.msgid
                    }
                    current = {
                        (e.msgctxt or "", e.msgid): e.msgstr for e in po.translated_entries()
                    }
                    if compiled != current:
                        problems.append(f"{rel}: .mo is older than .po (run --compile)")
        if shutil.which("xgettext"):
            problems += self._stale_catalogues()
        else:
            self.stderr.write("GNU gettext not found: catalogues not compared with the code.")
        if problems:
            raise CommandError("Translation problems:\n" + "\n".join(problems))
        self.stdout.write("Translations complete.")

    def _stale_catalogues(self) -> list[str]:
        """Extract into a copy and compare message sets with the committed catalogues."""
        problems = []
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "kohtaanto"
            shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
            for root in catalogue_roots():
                target = copy / root.relative_to(PACKAGE)
                _makemessages(target, copy)
                for po_path in _po_files(root):
                    fresh = target / po_path.relative_to(root)
                    if not fresh.exists():
                        continue
                    old = _entries_key(polib.pofile(str(po_path)))
                    new = _entries_key(polib.pofile(str(fresh)))
                    rel = po_path.relative_to(PACKAGE.parent)
                    for _ctx, msgid in sorted(new - old):
                        problems.append(f"{rel}: missing from catalogue: {msgid!r}")
                    for _ctx, msgid in sorted(old - new):
                        problems.append(f"{rel}: no longer in the code: {msgid!r}")
        return problems

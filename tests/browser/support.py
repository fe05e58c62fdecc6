"""Browser test support: Debian's Chromium driven by Playwright, and axe-core checks.

The `browser` and `page` fixtures live in the root conftest.py so that browser tests anywhere
share one Playwright session; they skip, with the reason, where Chromium or Playwright is absent.
"""

import os
import shutil
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("KOHTAANTO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def skip_reason() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium); browser tests skipped"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]'); browser tests skipped"
    return None


def axe_serious_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page; return violations of impact serious or critical."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    return [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]

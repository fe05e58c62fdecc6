"""Capture the main pages of a running demo (`kohtaanto demo`) as PNG, desktop and phone.

    .venv/bin/python docs/screenshots/capture.py http://127.0.0.1:8000 $KOHTAANTO_DATA_DIR

Logs in as each demo user (demo-logins.json in the data directory) with headless Chromium
(/usr/bin/chromium, or KOHTAANTO_CHROMIUM) and writes <role>-<page>-<desktop|phone>.png here.
"""

import json
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("KOHTAANTO_CHROMIUM", "/usr/bin/chromium")
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = {
    "ohjaaja": [("home", "/"), ("jobseekers", "/jobseekers/?sort=-last_contact"), ("person", None)],
    "yritysneuvoja": [("home", "/"), ("companies", "/companies/")],
    "koordinaattori": [("home", "/"), ("search", "/search/?q=hitsaus")],
    "talous": [("home", "/")],
    "kumppani": [("home", "/")],
    "tarkastaja": [("home", "/")],
}


def main(base: str, data_dir: str) -> None:
    logins = json.loads((Path(data_dir) / "demo-logins.json").read_text())
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for username, pages in PAGES.items():
            for size, viewport in SIZES.items():
                context = browser.new_context(viewport=viewport, locale="fi-FI")
                page = context.new_page()
                page.goto(f"{base}/accounts/login/")
                page.fill("#id_username", username)
                page.fill("#id_password", logins[username])
                page.press("#id_password", "Enter")
                page.wait_for_url(f"{base}/")
                for name, path in pages:
                    if path is None:  # the first person of the list
                        page.goto(f"{base}/jobseekers/")
                        link = page.locator("table a[href^='/jobseekers/']").first
                        path = link.get_attribute("href") or "/jobseekers/"
                    page.goto(f"{base}{path}")
                    full = size == "desktop"
                    page.screenshot(path=HERE / f"{username}-{name}-{size}.png", full_page=full)
                if size == "phone":
                    page.goto(f"{base}/")
                    button = page.locator(".menu-button")
                    if button.is_visible():
                        button.click()
                        page.screenshot(path=HERE / f"{username}-menu-phone.png")
                context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

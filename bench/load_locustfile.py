"""Locust users for bench/load_pages.py: staff browsing the main pages and API clients.

The session cookie and the API token come from the environment (the bench makes them); the
paths are the pages and endpoints people use most. Every response must be 200.
"""

import os
import random

from locust import HttpUser, between, task

SESSION = os.environ["LOAD_SESSION_COOKIE"]
TOKEN = os.environ["LOAD_API_TOKEN"]
PERSON_IDS = [int(i) for i in os.environ["LOAD_PERSON_IDS"].split(",")]
NAMES = ["Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Aino", "Eero", "Laine", "Koski"]


class Counsellor(HttpUser):
    """A coordinator's browser session: lists, search, one person, the other apps' front pages."""

    weight = 3
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.client.cookies.set("sessionid", SESSION)

    @task(4)
    def job_seeker_list(self) -> None:
        page = random.randint(1, 50)
        self.client.get(f"/jobseekers/?page={page}", name="/jobseekers/?page=N")

    @task(4)
    def job_seeker_search(self) -> None:
        self.client.get(f"/jobseekers/?q={random.choice(NAMES)}", name="/jobseekers/?q=NAME")

    @task(2)
    def header_search(self) -> None:
        self.client.get(f"/search/?q={random.choice(NAMES)}", name="/search/?q=NAME")

    @task(3)
    def job_seeker_detail(self) -> None:
        pk = random.choice(PERSON_IDS)
        self.client.get(f"/jobseekers/{pk}/", name="/jobseekers/ID/")

    @task(1)
    def home(self) -> None:
        self.client.get("/", name="/")

    @task(1)
    def companies(self) -> None:
        self.client.get("/companies/", name="/companies/")

    @task(1)
    def vacancies(self) -> None:
        self.client.get("/companies/vacancies/", name="/companies/vacancies/")

    @task(1)
    def applications(self) -> None:
        self.client.get("/finance/applications/", name="/finance/applications/")


class ApiClient(HttpUser):
    """An integration reading the register and the companies through the API."""

    weight = 2
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Bearer {TOKEN}"

    @task(3)
    def job_seekers(self) -> None:
        offset = random.randint(0, 19_000)
        self.client.get(f"/api/v1/job-seekers?limit=50&offset={offset}", name="/api/v1/job-seekers")

    @task(2)
    def job_seeker_search(self) -> None:
        self.client.get(
            f"/api/v1/job-seekers?q={random.choice(NAMES)}", name="/api/v1/job-seekers?q=NAME"
        )

    @task(2)
    def job_seeker(self) -> None:
        pk = random.choice(PERSON_IDS)
        self.client.get(f"/api/v1/job-seekers/{pk}", name="/api/v1/job-seekers/ID")

    @task(1)
    def companies(self) -> None:
        self.client.get("/api/v1/companies?limit=50", name="/api/v1/companies")

    @task(1)
    def vacancies(self) -> None:
        self.client.get("/api/v1/vacancies?limit=50", name="/api/v1/vacancies")

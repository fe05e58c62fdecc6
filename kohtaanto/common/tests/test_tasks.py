import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus, task

DATABASE_BACKEND = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
}


@task()
def add_numbers(a: int, b: int) -> int:
    return a + b


@pytest.mark.django_db(transaction=True)
def test_database_worker_runs_an_enqueued_task(settings):
    settings.TASKS = DATABASE_BACKEND
    result = add_numbers.enqueue(2, 3)
    assert result.status == TaskResultStatus.READY
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 5


def test_default_settings_use_the_database_backend():
    from kohtaanto.config import settings as project_settings

    assert project_settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"

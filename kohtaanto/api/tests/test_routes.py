from django.urls import get_resolver

from kohtaanto.api.urls import api


def test_no_two_api_operations_share_a_path_and_method():
    seen: dict[tuple[str, str], str] = {}
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    key = (method, f"{prefix}{path}")
                    owner = operation.view_func.__module__
                    assert key not in seen, f"{key} defined in {seen.get(key)} and {owner}"
                    seen[key] = owner
    assert get_resolver().resolve("/api/v1/me").url_name == "me"

"""Each hardening finding's test, run on the code before its fix and on the code after it.

    python bench/findings_before_after.py [--new COMMIT] [--old COMMIT] [--finding KEY ...]
                                          [--pg postgres://postgres@127.0.0.1:5432/kt_x]

For every finding (FINDINGS below: the test node ids in today's tree and the commit that fixed
it) the script checks out two detached worktrees under a temporary folder: NEW (default HEAD)
and the commit before the fix. "Before the fix" is `--old` when given; otherwise the parent of
the first-parent commit of NEW that brought the fix in (the merge of the fixing branch, or the
fix itself when it was committed straight on the line). The test files of NEW are copied over
the old tree, so the old code runs today's test unchanged, and pytest runs the named nodes in
each tree. The table printed at the end (markdown) gives, per node, the outcome on the old code
with its short failure line and the outcome on NEW.

Both trees run with this interpreter (the project's venv): pytest's `pythonpath = ["."]` puts
the tree's own `kohtaanto` package first on the path, and the script checks that each run
imported the package from its own tree. Findings marked "pg" run on PostgreSQL and need
`--pg` (a database URL; pytest-django creates and drops `test_<name>`); without it they are
reported as not run. Worktrees are removed at the end.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Finding:
    key: str
    what: str
    nodes: tuple[str, ...]
    fix: str  # the commit that fixed it
    pg: bool = False
    extra_files: tuple[str, ...] = ()  # helper files the tests need, copied with them
    # Imports that moved between the old code and today: (today's text, the old text), replaced
    # in the copied test files on the old tree. Only import lines, never an assertion.
    moved: tuple[tuple[str, str], ...] = ()


J = "kohtaanto/jobseekers/tests/"
FINDINGS = [
    Finding(
        "docx-bomb",
        "A 323 KB DOCX unpacked without limit (124 s, 1.6 GB)",
        (
            J + "test_hostile_documents.py::test_docx_bomb_upload_answers_400_with_the_reason",
            J + "test_hostile_documents.py::test_docx_bomb_is_refused_before_unpacking",
        ),
        "ef3013a",
    ),
    Finding(
        "pdf-stream",
        "A PDF with a 60 MB content stream gave a 500 (LimitReachedError)",
        (J + "test_hostile_documents.py::test_oversized_pdf_upload_answers_400_with_the_reason",),
        "ef3013a",
    ),
    Finding(
        "link-burst",
        "One public application link accepted 26 applications and their claims blocked others",
        (
            "kohtaanto/finance/tests/test_public_links.py::"
            "test_burst_of_26_through_one_link_is_refused_beyond_the_limit_and_blocks_nobody",
            "kohtaanto/finance/tests/test_public_links.py::"
            "test_a_link_accepts_one_application_by_default",
            "kohtaanto/finance/tests/test_public_links.py::"
            "test_checked_link_application_claims_its_place_in_the_queue",
        ),
        "d7d5468",
    ),
    Finding(
        "link-revoke",
        "A public application link could not be revoked",
        (
            "kohtaanto/finance/tests/test_public_links.py::"
            "test_staff_revoke_a_link_and_it_accepts_nothing_more",
        ),
        "d7d5468",
    ),
    Finding(
        "small-counts",
        "A one-day indicator query showed one participant with EECO12 = 1",
        (
            "kohtaanto/programme/tests/test_disclosure.py::"
            "test_one_day_query_with_one_disabled_participant_is_refused_in_the_api",
            "kohtaanto/programme/tests/test_disclosure.py::"
            "test_month_query_shows_the_disabled_participant_only_as_less_than_five",
            "kohtaanto/programme/tests/test_disclosure.py::"
            "test_indicator_page_csv_and_json_do_not_reveal_a_count_of_one",
        ),
        "b27f367",
    ),
    Finding(
        "formula-finance",
        "A commitment description became a live formula in finance's XLSX",
        (
            "kohtaanto/finance/tests/test_views.py::"
            "test_excel_export_writes_formula_like_text_as_text",
        ),
        "d5322ad",
    ),
    Finding(
        "formula-programme",
        "A partner's activity title became a live formula in the coordinator's XLSX",
        (
            "kohtaanto/programme/tests/test_export_formulas.py::"
            "test_partner_activity_export_writes_formula_like_text_as_text",
            "kohtaanto/programme/tests/test_export_formulas.py::"
            "test_cost_report_narrative_is_written_as_text",
        ),
        "7fe0c68",  # the earlier fix (safe_cell, b27f367's merge) missed this export
    ),
    Finding(
        "otp-api",
        "With OTP required the JSON API answered a password-only session",
        (
            "kohtaanto/accounts/tests/test_api_second_factor.py::"
            "test_api_refuses_a_password_only_session_when_otp_is_required",
        ),
        "70407a3",
    ),
    Finding(
        "retention",
        "Retention left audit snapshots and access-log names",
        (
            J + "test_retention_forgets.py::"
            "test_after_retention_the_person_is_nowhere_in_the_database",
            "kohtaanto/audit/tests/test_scrub.py::"
            "test_forget_keeps_event_actor_and_time_and_removes_values",
        ),
        "e4aef03",
    ),
    Finding(
        "proxy-throttle",
        "Login throttling locked by username behind the proxy (REMOTE_ADDR)",
        (
            "kohtaanto/common/tests/test_client_address.py::"
            "test_behind_a_proxy_one_attacker_does_not_lock_out_the_user",
        ),
        "a2ec5f7",
    ),
    Finding(
        "participation-filter",
        "Partners and advisors learnt who participates through participation=",
        (
            J + "test_list_filter_hygiene.py::"
            "test_api_participation_filter_only_for_roles_that_see_participation",
            J + "test_list_filter_hygiene.py::"
            "test_page_offers_no_participation_filter_and_ignores_it",
        ),
        "156bd7c",
    ),
    Finding(
        "nul-api-pg",
        "A NUL byte in API input gave a 500 on PostgreSQL",
        (
            "kohtaanto/api/tests/test_nul_bytes.py::"
            "test_nul_in_a_new_job_seekers_name_is_refused_and_nothing_is_written",
            "kohtaanto/api/tests/test_nul_bytes.py::"
            "test_nul_in_a_new_companys_name_is_refused_and_nothing_is_written",
            "kohtaanto/api/tests/test_nul_bytes.py::test_nul_deep_in_a_body_is_refused_with_its_path",
        ),
        "e5ac78e",  # the earlier fix (CleanLine, a2ec5f7) typed only a few schema fields
        pg=True,
    ),
    Finding(
        "nul-import-participants",
        "A NUL byte crashed import-participants",
        (J + "test_import_hygiene.py::test_participant_nul_byte_is_a_field_error",),
        "5459da5",
    ),
    Finding(
        "search-term",
        "An unbounded API search term burnt 14 s of CPU and answered 500",
        (J + "test_list_filter_hygiene.py::test_overlong_search_term_is_a_clear_400_in_the_api",),
        "156bd7c",
    ),
    Finding(
        "import-200kb",
        "Imports crashed with a traceback on a 200 KB CSV field",
        (
            J + "test_import_hygiene.py::test_participant_200_kb_field_is_refused_with_its_line",
            "kohtaanto/employers/tests/test_import_hygiene.py::"
            "test_company_field_of_200_kb_is_refused_with_its_line",
        ),
        "5459da5",
    ),
    Finding(
        "import-deep-json",
        "Imports crashed on JSON nested 200 000 deep",
        (
            J + "test_import_hygiene.py::"
            "test_deeply_nested_line_is_refused_and_the_other_lines_are_not_written",
        ),
        "5459da5",
    ),
    Finding(
        "import-skills-5",
        'Imports crashed on "skills": 5',
        (J + "test_import_hygiene.py::test_skills_given_as_a_number_is_a_field_error",),
        "5459da5",
    ),
    Finding(
        "import-u2028",
        "Valid JSON Lines with U+2028 was refused",
        (J + "test_import_hygiene.py::test_u2028_in_a_name_is_accepted",),
        "5459da5",
    ),
    Finding(
        "swagger-cdn",
        "/api/v1/docs loaded swagger-ui from a CDN without integrity, CSP off",
        (
            "kohtaanto/api/tests/test_hardening.py::"
            "test_api_docs_are_served_from_the_package_under_the_csp",
        ),
        "a2ec5f7",
    ),
    Finding(
        "booking-dates",
        "Booking dates 1900-01-01 (and any day before the appropriation's window) were accepted",
        (
            "kohtaanto/finance/tests/test_input_hygiene.py::"
            "test_implausible_commitment_dates_are_refused[day0]",
            "kohtaanto/finance/tests/test_input_hygiene.py::"
            "test_implausible_commitment_dates_are_refused[day1]",
        ),
        "5b1a148",
    ),
    Finding(
        "booking-dates-year",
        "Booking dates 2099-12-31 and payments outside the appropriation's year were accepted",
        (
            "kohtaanto/finance/tests/test_input_hygiene.py::"
            "test_implausible_commitment_dates_are_refused[day2]",
            "kohtaanto/finance/tests/test_input_hygiene.py::"
            "test_implausible_payment_dates_are_refused",
        ),
        "ace8295",
    ),
    Finding(
        "sqlite-mode",
        "The SQLite file was world-readable",
        (
            "kohtaanto/common/tests/test_at_rest.py::"
            "test_sqlite_file_and_data_folder_are_created_private",
        ),
        "a2ec5f7",
    ),
    Finding(
        "art9-clear",
        "Art. 9 answers were stored unencrypted",
        (J + "test_field_encryption.py::test_special_category_answers_are_not_stored_in_clear",),
        "9903cc4",
    ),
    Finding(
        "plain-decimals",
        'Amounts "1e2" and Arabic-Indic digits were accepted as 100',
        (
            "kohtaanto/finance/tests/test_input_hygiene.py::"
            "test_money_fields_refuse_anything_but_plain_decimals",
            "kohtaanto/finance/tests/test_input_hygiene.py::"
            "test_public_application_refuses_an_exponent_in_pay_costs",
        ),
        "5b1a148",
    ),
]


def git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def is_ancestor(a: str, b: str) -> bool:
    return subprocess.run(["git", "merge-base", "--is-ancestor", a, b], cwd=REPO).returncode == 0


def before_fix(fix: str, new: str) -> str:
    """Parent of the oldest first-parent commit of `new` that contains `fix`."""
    line = git("rev-list", "--first-parent", new).split()
    lo, hi = 0, len(line) - 1  # line[0] is new; containment is monotone along the line
    if not is_ancestor(fix, line[0]):
        raise SystemExit(f"{fix} is not in {new}")
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if is_ancestor(fix, line[mid]):
            lo = mid
        else:
            hi = mid - 1
    return git("rev-parse", "--short", f"{line[lo]}^1")


def checkout(commit: str, root: Path, trees: dict[str, Path]) -> Path:
    if commit not in trees:
        path = root / commit
        git("worktree", "add", "--detach", str(path), commit)
        trees[commit] = path
    return trees[commit]


STUB = """

class _AbsentBeforeTheFix:  # added by bench/findings_before_after.py on the old tree only
    def __init__(self, name):
        self.name = name

    def _absent(self, *args, **kwargs):
        raise AssertionError(f"{self.name} does not exist before the fix")

    __call__ = __getattr__ = __iter__ = __getitem__ = _absent
"""
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
IMPORT_ERRORS = (
    re.compile(r"cannot import name '(?P<name>\w+)' from '(?P<module>[\w.]+)'"),
    re.compile(r"No module named '(?P<module>[\w.]+)'"),
)


def stub_missing_imports(tree: Path, files: list[str]) -> dict[str, list[str]]:
    """Let today's test files import on the old tree: a name (or module) the old code lacks,
    and only such a name, becomes a stand-in that fails any test that uses it. Tests that do
    not use it run their assertions unchanged. Returns {file: [stubbed names]}."""
    stubbed: dict[str, list[str]] = {}
    for _ in range(40):
        result = subprocess.run(
            [*PYTEST, "--collect-only", "--continue-on-collection-errors", *files],
            cwd=tree,
            env={**os.environ, "KOHTAANTO_DATA_DIR": str(tree / ".data-findings")},
            capture_output=True,
            text=True,
        )
        output = result.stdout + result.stderr
        changed = False
        for block in output.split("ImportError while importing test module '")[1:]:
            file = os.path.relpath(block.split("'", 1)[0], tree)
            found = next((m for rx in IMPORT_ERRORS for m in [rx.search(block)] if m), None)
            if file in files and found and _stub_one(tree / file, found):
                stubbed.setdefault(file, []).append(found.groupdict().get("name") or "*")
                changed = True
        if not changed:
            return stubbed
    return stubbed


def _stub_one(path: Path, found: re.Match[str]) -> bool:
    """Replace the import that `found` names in `path` by stand-ins; False if none matched."""
    module, name = found.group("module"), found.groupdict().get("name")
    source = path.read_text()
    for node in ast.parse(source).body:
        if not (isinstance(node, ast.ImportFrom) and node.module):
            continue
        if not (node.module == module or node.module.startswith(module + ".")):
            continue
        gone = [a for a in node.names if name is None or a.name == name]
        if not gone:
            continue
        kept = [a for a in node.names if a not in gone]
        lines = source.splitlines(keepends=True)
        replacement = ast.unparse(ast.ImportFrom(node.module, kept, 0)) + "\n" if kept else ""
        lines[node.lineno - 1 : node.end_lineno] = [replacement]
        source = "".join(lines)
        stubs = "".join(f"{a.asname or a.name} = _AbsentBeforeTheFix({a.name!r})\n" for a in gone)
        if "_AbsentBeforeTheFix" not in source:
            stubs = STUB.lstrip("\n") + stubs
        body = ast.parse(source).body
        last = max(  # after the stand-in class when it is there, else after the last import
            n.end_lineno or 0
            for n in body
            if isinstance(n, (ast.Import, ast.ImportFrom))
            or (isinstance(n, ast.ClassDef) and n.name == "_AbsentBeforeTheFix")
        )
        lines = source.splitlines(keepends=True)
        lines.insert(last, "\n" + stubs)
        path.write_text("".join(lines))
        return True
    return False


def run_nodes(tree: Path, nodes: list[str], pg: str | None, label: str) -> dict[str, str]:
    """Run `nodes` in `tree`; {node: "passed" | "failed: <line>" | ...} per test case."""
    report = tree / f".findings-{label}.xml"
    env = {**os.environ, "KOHTAANTO_DATA_DIR": str(tree / ".data-findings")}
    env.pop("DATABASE_URL", None)
    if pg:
        env["DATABASE_URL"] = pg
    check = subprocess.run(
        [sys.executable, "-c", "import kohtaanto; print(kohtaanto.__file__)"],
        cwd=tree,
        env={**env, "PYTHONPATH": "."},
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not check.startswith(str(tree)):
        raise SystemExit(f"{tree}: kohtaanto imported from {check}")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--create-db"]
    cmd += ["--continue-on-collection-errors"]
    cmd += ["-o", "junit_family=xunit1", f"--junitxml={report}", *nodes]
    subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True)
    outcomes: dict[str, str] = {}
    if not report.exists():
        return {n: "not run (pytest wrote no report)" for n in nodes}
    for case in ET.parse(report).getroot().iter("testcase"):
        if not case.get("classname"):  # a module that failed to import: every node in it
            module = (case.get("name") or "").replace(".", "/") + ".py"
            element = case.find("error")
            text = "" if element is None else (element.get("message") or element.text or "")
            lines = [line for line in text.splitlines() if line.startswith("E ")]
            line = (lines[-1] if lines else text.strip()[:160]).strip()
            for node in nodes:
                if node.split("::")[0] == module:
                    outcomes[node] = f"error (collection): {line[:160]}"
            continue
        name = f"{case.get('file') or case.get('classname')}::{case.get('name')}"
        result = "passed"
        for tag in ("failure", "error", "skipped"):
            element = case.find(tag)
            if element is not None:
                message = (element.get("message") or element.text or "").strip()
                lines = message.splitlines() or [""]
                # the line that says what went wrong, not a traceback's "File ..." line
                first = next((x for x in lines if "Error" in x or "assert" in x), lines[0])
                result = f"{'failed' if tag == 'failure' else tag}: {first[:160]}"
                break
        outcomes[name] = result
    report.unlink()
    return outcomes


def summary(outcomes: dict[str, str], node: str) -> str:
    """One node's result over its cases (parametrised tests have several)."""
    cases = {
        c: r for c, r in outcomes.items() if c == node or c.startswith((node + "[", node + "::"))
    }
    if not cases:
        return "not collected"
    bad = {c: r for c, r in cases.items() if r != "passed"}
    if not bad:
        return "passed" if len(cases) == 1 else f"passed ({len(cases)} cases)"
    first = next(iter(sorted(bad.items())))[1]
    if len(cases) == 1:
        return first
    kind = first.split(":")[0]
    passed = sorted(c.split("[", 1)[-1].rstrip("]") for c in cases if c not in bad)
    tail = f"; passed: {', '.join(passed)}" if passed else ""
    return f"{kind} {len(bad)}/{len(cases)} cases{tail} — {first.split(': ', 1)[-1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--new", default="HEAD")
    parser.add_argument("--old", help="one commit before every fix (default: per finding)")
    parser.add_argument("--finding", action="append", help="run only these keys")
    parser.add_argument("--pg", help="PostgreSQL URL for the findings that need it")
    args = parser.parse_args()
    new = git("rev-parse", "--short", args.new)
    chosen = [f for f in FINDINGS if not args.finding or f.key in args.finding]
    root = Path(tempfile.mkdtemp(prefix="findings-"))
    trees: dict[str, Path] = {}
    plan: dict[tuple[str, bool], list[Finding]] = {}  # (old commit, on PostgreSQL) -> findings
    old_of: dict[str, str] = {}
    for finding in chosen:
        old = args.old or before_fix(finding.fix, new)
        if is_ancestor(finding.fix, old):
            raise SystemExit(f"{finding.key}: {old} already holds the fix {finding.fix}")
        old_of[finding.key] = old
        plan.setdefault((old, finding.pg), []).append(finding)
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    stubbed_names: dict[str, list[str]] = {}
    try:
        new_tree = checkout(new, root, trees)
        for pg_leg in (False, True):
            url = args.pg if pg_leg else None
            if pg_leg and not url:
                continue
            nodes = [n for f in chosen if f.pg == pg_leg for n in f.nodes]
            if nodes:
                after.update(run_nodes(new_tree, nodes, url, "new"))
        for (old, pg_leg), findings in plan.items():
            url = args.pg if pg_leg else None
            if pg_leg and not url:
                continue
            old_tree = checkout(old, root, trees)
            for finding in findings:  # today's test files over the old tree
                for name in {n.split("::")[0] for n in finding.nodes} | set(finding.extra_files):
                    (old_tree / name).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(new_tree / name, old_tree / name)
                    text = (old_tree / name).read_text()
                    for today, before_text in finding.moved:
                        text = text.replace(today, before_text)
                    (old_tree / name).write_text(text)
            copied = sorted({n.split("::")[0] for f in findings for n in f.nodes})
            for file, names in stub_missing_imports(old_tree, copied).items():
                stubbed_names[file] = sorted(set(stubbed_names.get(file, [])) | set(names))
            before.update(run_nodes(old_tree, [n for f in findings for n in f.nodes], url, "old"))
            subprocess.run(["git", "checkout", "--", "."], cwd=old_tree, capture_output=True)
            subprocess.run(["git", "clean", "-fdq"], cwd=old_tree, capture_output=True)
    finally:
        for path in trees.values():
            subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=REPO)
        shutil.rmtree(root, ignore_errors=True)
    rows = []
    for finding in chosen:
        if finding.pg and not args.pg:
            rows.append((finding, "", old_of[finding.key], "not run (needs --pg)", ""))
            continue
        for node in finding.nodes:
            rows.append(
                (finding, node, old_of[finding.key], summary(before, node), summary(after, node))
            )
    print(f"new = {new}")
    print("| finding | test | fix | old commit | on the old code | on new |")
    print("|---|---|---|---|---|---|")
    for finding, node, old, was, now in rows:
        print(f"| {finding.key} | `{node}` | {finding.fix} | {old} | {was} | {now} |")
    for file, names in sorted(stubbed_names.items()):
        print(f"absent before the fix, stood in for in `{file}`: {', '.join(names)}")
    proven = all(r[3].startswith(("failed", "error")) and r[4].startswith("passed") for r in rows)
    print("every test failed before its fix and passes after it" if proven else "NOT PROVEN")
    sys.exit(0 if proven else 1)


if __name__ == "__main__":
    main()

"""The pre-commit and CI recipes of README.md and docs/integrations, run as written.

Each snippet is taken from the docs; only the repository URL is replaced by a snapshot of
this working tree (a git repository in a temporary folder) and the revision (`rev:`, `@v…`)
by that snapshot's commit. Real `pre-commit` installs the hooks from it into a temporary
content repository, and the CI steps run in a fresh virtual environment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, SHARED

pytestmark = [
    pytest.mark.slow,
    # one worker for all: they share the snapshot, the hook store and the CI environment
    pytest.mark.xdist_group("recipes"),
    pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None,
                       reason="needs the pre-commit and git executables (pip install -e '.[test]')"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs postlint's git repository (not an sdist)"),
]

URL = "https://github.com/postlint/postlint"
PRE_COMMIT_DOC = ROOT / "docs" / "integrations" / "pre-commit.md"
CI_DOC = ROOT / "docs" / "integrations" / "ci.md"
CLEAN = "Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand"
HASHTAGS = "Lest mehr im Blog. Was meint ihr? #a1 #b2 #c3 #d4 #e5 #f6 #g7"


def blocks(path: Path, lang: str) -> list[str]:
    """The fenced code blocks of a Markdown file in `lang`, as written (fences not indented)."""
    return re.findall(rf"^```{lang}\n(.*?)^```$", path.read_text(encoding="utf-8"), re.S | re.M)


def run(cmd, cwd, env=None, check=False, shell=False):
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, shell=shell)
    if check and result.returncode:
        raise AssertionError(f"{cmd} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def snapshot(tmp_path_factory):
    """(repository, commit): this working tree, committed in a clone, as a release would be."""
    repo = tmp_path_factory.mktemp("postlint-snapshot") / "postlint"
    run(["git", "clone", "-q", str(ROOT), str(repo)], ROOT, check=True)
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT, check=True).stdout
    for name in filter(None, listed.split("\0")):
        source, target = ROOT / name, repo / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        elif target.exists():
            target.unlink()  # deleted in the working tree
    git = ["git", "-c", "user.email=ci@example.com", "-c", "user.name=CI"]
    run([*git, "add", "-A"], repo, check=True)
    run([*git, "commit", "-q", "--allow-empty", "-m", "snapshot of the working tree"], repo, check=True)
    return repo, run(["git", "rev-parse", "HEAD"], repo, check=True).stdout.strip()


@pytest.fixture(scope="session")
def hook_env(tmp_path_factory):
    """The environment of pre-commit and git: one hook store for the session (pre-commit
    installs postlint once per revision), no colours."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1",
            "GIT_AUTHOR_NAME": "Team", "GIT_AUTHOR_EMAIL": "team@example.com",
            "GIT_COMMITTER_NAME": "Team", "GIT_COMMITTER_EMAIL": "team@example.com"}


def pinned(snippet: str, snapshot) -> str:
    """The snippet with the repository URL and its revision replaced: nothing else."""
    repo, commit = snapshot
    assert snippet.count(f"repo: {URL}") == 1, snippet
    text = snippet.replace(f"repo: {URL}", f"repo: {repo}")
    text, revs = re.subn(r"(?m)^(\s*rev: )\S+", rf"\g<1>{commit}", text)
    assert revs == 1, snippet
    return text


@pytest.fixture
def content(tmp_path, hook_env):
    repo = tmp_path / "content"
    (repo / "drafts").mkdir(parents=True)
    run(["git", "init", "-q"], repo, hook_env, check=True)
    return repo


def hook_outputs(output: str) -> dict[str, str]:
    """What each hook printed, by hook id, from pre-commit's output."""
    parts = re.split(r"^- hook id: (\S+)\n", output, flags=re.M)
    return {hook: text.split("\n\n", 1)[-1] for hook, text in zip(parts[1::2], parts[2::2])}


def test_readme_hooks_stop_a_bad_commit_and_pass_a_clean_one(content, snapshot, hook_env):
    """README's snippet as written, installed as the README says, on `git commit`."""
    (snippet,) = [b for b in blocks(ROOT / "README.md", "yaml") if "repos:" in b]
    (content / ".pre-commit-config.yaml").write_text(pinned(snippet, snapshot), encoding="utf-8")
    (content / "drafts" / "post.md").write_text(HASHTAGS + "\n", encoding="utf-8")
    (content / "README.md").write_text(f"# Drafts\n\n{HASHTAGS}\n", encoding="utf-8")  # excluded by default
    run(["pre-commit", "install"], content, hook_env, check=True)
    run(["git", "add", "-A"], content, hook_env, check=True)
    stopped = run(["git", "commit", "-m", "draft"], content, hook_env)
    out = stopped.stdout + stopped.stderr
    assert stopped.returncode == 1, out
    assert "drafts/post.md:1:55: PL202 [warning] 7 hashtags (max 5): #f6 #g7" in out
    assert "README.md:" not in out

    (content / "drafts" / "post.md").write_text(CLEAN + "\n", encoding="utf-8")
    run(["git", "add", "-A"], content, hook_env, check=True)
    done = run(["git", "commit", "-m", "draft"], content, hook_env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"^postlint\.+Passed$", done.stdout + done.stderr, re.M)
    assert re.search(r"^postlint schedule\.+Passed$", done.stdout + done.stderr, re.M)


@pytest.mark.parametrize("number", range(len(blocks(PRE_COMMIT_DOC, "yaml"))))
def test_pre_commit_doc_configurations_work_as_written(number, content, snapshot, hook_env):
    snippet = blocks(PRE_COMMIT_DOC, "yaml")[number]
    (content / ".pre-commit-config.yaml").write_text(pinned(snippet, snapshot), encoding="utf-8")
    (content / "drafts" / "post.md").write_text(HASHTAGS + "\n", encoding="utf-8")
    (content / "drafts" / "clean.md").write_text(CLEAN + "\n", encoding="utf-8")
    run(["git", "add", "-A"], content, hook_env, check=True)
    # the doc's commands, in order, as written: the first installs, the second runs the hooks
    commands = [line for block in blocks(PRE_COMMIT_DOC, "bash") for line in block.splitlines() if line.strip()]
    env = {**hook_env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{hook_env['PATH']}"}
    installed = run(commands[0], content, env, shell=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    checked = run(commands[1], content, env, shell=True)
    hooks = hook_outputs(checked.stdout)
    strict = "--fail-on" in snippet  # the second recipe: only errors block a commit
    assert checked.returncode == (0 if strict else 1), checked.stdout + checked.stderr
    if not strict:
        assert "drafts/post.md:1:55: PL202 [warning] 7 hashtags (max 5): #f6 #g7" in hooks["postlint"]
    assert (content / ".git" / "hooks" / "pre-commit").is_file()


def scheduled(hour: int, day: int = 1) -> str:
    return f"---\nscheduled: 2026-12-{day:02}T{hour:02}:00:00+01:00\naccount: acme\n---\n{CLEAN}\n"


def test_schedule_findings_appear_once_however_pre_commit_batches(content, snapshot, hook_env):
    """More drafts than fit one command line: pre-commit runs the `postlint` hook in several
    batches, and the schedule findings, between drafts of different batches and in a calendar
    named in the configuration, are each reported once, by `postlint-schedule`."""
    (snippet,) = [b for b in blocks(ROOT / "README.md", "yaml") if "repos:" in b]
    (content / ".pre-commit-config.yaml").write_text(pinned(snippet, snapshot), encoding="utf-8")
    (snippet_toml,) = [b for b in blocks(PRE_COMMIT_DOC, "toml") if "calendars" in b]
    (content / "postlint.toml").write_text(snippet_toml, encoding="utf-8")
    (content / "plan.csv").write_text(f"date,text\n2026-12-08 09:00,{CLEAN}\n2026-12-08 10:00,{CLEAN}\n",
                                      encoding="utf-8")
    # names as long as a file system allows: pre-commit's command line holds at most 128 KiB
    stem = "entwurf-" + "x" * 230
    count = 2 ** 17 // len(f"drafts/{stem}-0000.md ") + 40
    for i in range(count):
        # the first and the last draft clash: 1 h apart on one day, in different batches
        text = scheduled(9 if i == 0 else 10) if i in (0, count - 1) else f"{CLEAN}\n"
        (content / "drafts" / f"{stem}-{i:04}.md").write_text(text, encoding="utf-8")
    run(["git", "add", "-A"], content, hook_env, check=True)
    checked = run(["pre-commit", "run", "--all-files", "--verbose"], content, hook_env)  # also what passed
    assert checked.returncode == 1, checked.stdout[-3000:] + checked.stderr
    hooks = hook_outputs(checked.stdout)
    per_file, schedule = hooks.get("postlint", ""), hooks["postlint-schedule"]
    assert len(re.findall(r"^All clear: \d+ files? checked", per_file, re.M)) >= 2  # several batches
    assert "PL6" not in per_file
    last = f"drafts/{stem}-{count - 1:04}.md:2:12"
    # the drafts are alike: repost-too-soon (PL608, a schedule rule too) reports the repeat once as well
    assert re.findall(r"^\S+: PL60\d", schedule, re.M) == [
        f"{last}: PL601", f"{last}: PL602", f"{last}: PL608",
        "plan.csv:3:1: PL601", "plan.csv:3:1: PL602", "plan.csv:3:1: PL608"], schedule


# -- CI ---------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def ci_path(tmp_path_factory):
    """PATH with a fresh virtual environment first: a CI runner's Python, postlint not installed."""
    venv = tmp_path_factory.mktemp("ci") / "venv"
    run([sys.executable, "-m", "venv", str(venv)], venv.parent, check=True)
    return f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"


def ci_step(command: str, snapshot) -> str:
    """A CI command with postlint's URL and revision replaced by the snapshot's."""
    repo, commit = snapshot
    # file://localhost/: the `packaging` of older pips rejects file:/// in a direct reference
    return re.sub(rf"git\+{re.escape(URL)}@[^\"'\s]+", f"git+file://localhost{repo}@{commit}", command)


@pytest.fixture
def ci_repo(content):
    (content / "drafts" / "post.md").write_text(HASHTAGS + "\n", encoding="utf-8")
    (content / "drafts" / "clean.md").write_text(CLEAN + "\n", encoding="utf-8")
    return content


def test_github_workflow_steps_work_as_written(ci_repo, snapshot, ci_path):
    (workflow,) = [b for b in blocks(CI_DOC, "yaml") if "jobs:" in b]
    steps = [step for step in yaml.safe_load(workflow)["jobs"]["drafts"]["steps"] if "run" in step]
    env = {**os.environ, "PATH": ci_path, "GITHUB_ACTIONS": "true"}
    install, annotate, sarif = (run(ci_step(step["run"], snapshot), ci_repo, env, shell=True) for step in steps)
    assert install.returncode == 0, install.stdout + install.stderr
    assert annotate.returncode == 1, annotate.stdout + annotate.stderr  # the step fails the job
    assert annotate.stdout.startswith("::warning file=drafts/post.md,line=1,endLine=1,col=55,endColumn=62,"
                                      "title=PL202 too-many-hashtags::7 hashtags (max 5)"), annotate.stdout
    assert sarif.returncode == 0, sarif.stderr
    log = json.loads((ci_repo / "postlint.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["PL202"]
    # the doc's local validation, as written, against the schema the docs name
    schema = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema.is_file():
        pytest.skip(f"{schema} is absent: the SARIF validation snippet needs it")
    shutil.copy(schema, ci_repo / "sarif-schema-2.1.0.json")
    (validate,) = [b for b in blocks(CI_DOC, "bash") if "jsonschema.validate" in b]
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # jsonschema: the test extra
    validated = run(validate, ci_repo, env, shell=True)
    assert validated.returncode == 0, validated.stderr


def test_gitlab_job_and_scripts_work_as_written(ci_repo, snapshot, ci_path):
    (job,) = [b for b in blocks(CI_DOC, "yaml") if "script:" in b]
    env = {**os.environ, "PATH": ci_path}
    for command in yaml.safe_load(job)["postlint"]["script"]:
        done = run(ci_step(command, snapshot), ci_repo, env, shell=True)
    assert done.returncode == 1, done.stderr  # findings: the job fails, the report is kept
    suites = ET.parse(ci_repo / "postlint-junit.xml").getroot()
    assert (suites.get("tests"), suites.get("failures")) == ("2", "1")
    if shutil.which("jq") is None:
        pytest.skip("the scripts' snippets need jq")
    scripts = [b for path in (CI_DOC, ROOT / "docs" / "integrations" / "editors.md")
               for b in blocks(path, "bash") if "| jq" in b]
    outputs = [run(script, ci_repo, env, shell=True).stdout for script in scripts]
    assert outputs == ["drafts/post.md:1 PL202\n", ""]  # a warning; the second lists errors only

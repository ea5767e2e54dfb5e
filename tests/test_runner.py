"""Many files: the cache and the replay of unchanged runs return what a fresh run would, and
--jobs changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

DRAFT = "Lest mehr: https://www.beispiel.de #a1 #b2 #c3 #d4 #e5 #f6 #g7\nWas meint ihr?\n"


def run(*args, cwd, env=None):
    proc = subprocess.run([sys.executable, "-m", "postlint", "check", "--format", "json", "--exit-zero", *args],
                          capture_output=True, text=True, cwd=cwd, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "drafts").mkdir()
    for i in range(80):
        tags = " ".join(f"#t{j}" for j in range(i % 9))
        (tmp_path / "drafts" / f"d{i:02d}.md").write_text(f"Post {i} https://firma{i}.de {tags}\nWas meint ihr?\n",
                                                          encoding="utf-8")
    return tmp_path


def cache_entries(root, folder=".postlint_cache"):
    """The per-file entries, from all shards (recorded runs are under runs/)."""
    shards = (root / folder).glob("*.jsonl")
    return sorted({line.split("\t")[0] for shard in shards for line in shard.read_text(encoding="utf-8").splitlines()})


def recorded_runs(root):
    return sorted((root / ".postlint_cache" / "runs").glob("*.json"))


@pytest.mark.slow
def test_cache_hit_gives_the_same_output(repo):
    first = run("drafts", cwd=repo)
    assert len(cache_entries(repo)) == 80
    assert run("-j", "1", "drafts", cwd=repo) == first  # other arguments: no replay, every file from the cache
    assert run("--no-cache", "drafts", cwd=repo) == first
    assert (repo / ".postlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


@pytest.mark.slow
def test_a_run_that_starts_with_an_empty_cache_keys_each_file_where_it_is_linted(repo):
    """No lookups, so no reading ahead: the key comes from the bytes that were linted, and it
    is the key a later run looks up."""
    def shards(folder):
        return {p.name: p.read_bytes() for p in (repo / folder).glob("*.jsonl")}

    first = run("--cache-dir", "pooled", "-j", "2", "drafts", cwd=repo)  # keyed in the workers
    assert run("--cache-dir", "inline", "-j", "1", "drafts", cwd=repo) == first  # in the main process
    assert len(cache_entries(repo, "pooled")) == 80
    assert cache_entries(repo, "pooled") == cache_entries(repo, "inline")
    written = shards("pooled")
    assert run("--cache-dir", "pooled", "-j", "1", "drafts", cwd=repo) == first  # other arguments: no replay
    assert shards("pooled") == written  # every file was a hit: nothing linted, nothing appended


@pytest.mark.slow
def test_changed_file_or_config_invalidates(repo):
    run("drafts", cwd=repo)
    (repo / "drafts" / "d08.md").write_text(DRAFT, encoding="utf-8")
    assert '"message": "7 hashtags (max 5): #f6 #g7"' in run("drafts", cwd=repo)
    assert len(cache_entries(repo)) == 81
    (repo / "postlint.toml").write_text("[rules.too-many-hashtags]\nmax = 6\n", encoding="utf-8")
    out = run("drafts", cwd=repo)
    assert '"message": "7 hashtags (max 6): #g7"' in out and "(max 5)" not in out
    assert len(cache_entries(repo)) == 161
    assert run("--select", "PL2", "drafts", cwd=repo) == run("--no-cache", "--select", "PL2", "drafts", cwd=repo)


@pytest.mark.slow
def test_cached_scheduled_drafts_still_meet_the_other_drafts(repo):
    scheduled = "---\naccount: anna\nscheduled: 2026-12-01T{}:00:00+01:00\n---\nText {} #a\nWas meint ihr?\n"
    (repo / "drafts" / "s1.md").write_text(scheduled.format("09", 1), encoding="utf-8")
    assert '"code": "PL601"' not in run("drafts", cwd=repo)
    assert len(cache_entries(repo)) == 81
    # an earlier post on the same day: the cached s1 must now be reported by the schedule pass
    (repo / "drafts" / "s0.md").write_text(scheduled.format("08", 0), encoding="utf-8")
    out = run("drafts", cwd=repo)
    assert '"path": "drafts/s1.md",\n      "code": "PL601"' in out
    assert out == run("--no-cache", "drafts", cwd=repo)


@pytest.mark.slow
def test_jobs_give_identical_output(repo):
    (repo / "drafts" / "s1.md").write_text("---\nscheduled: 2026-12-01T09:00:00+01:00\n---\nA #a\nWas meint ihr?\n",
                                           encoding="utf-8")
    (repo / "drafts" / "s2.md").write_text("---\nscheduled: 2026-12-01T10:00:00+01:00\n---\nB #b\nWas meint ihr?\n",
                                           encoding="utf-8")
    single = run("--no-cache", "-j", "1", "drafts", cwd=repo)
    assert run("--no-cache", "-j", "2", "drafts", cwd=repo) == single
    assert '"code": "PL601"' in single  # the cross-draft pass saw drafts linted in workers


REPLAY = """import sys
sys.argv = ["postlint", "check", "--format", "json", "--exit-zero", "drafts"]
from postlint import command
try:
    command.main()
except SystemExit as exc:
    loaded = [m for m in ("click", "postlint.linter", "spacy", "yaml", "regex") if m in sys.modules]
    print(exc.code, loaded, file=sys.stderr)
"""


@pytest.mark.slow
def test_unchanged_run_is_replayed_without_loading_the_linter(repo):
    first = run("drafts", cwd=repo)
    assert len(recorded_runs(repo)) == 1
    proc = subprocess.run([sys.executable, "-c", REPLAY], capture_output=True, text=True, cwd=repo)
    assert proc.stdout == first and proc.stderr.strip() == "0 []"
    assert len(recorded_runs(repo)) == 1


@pytest.mark.slow
def test_replay_follows_drafts_configuration_and_environment(repo):
    first = run("drafts", cwd=repo)
    (repo / "drafts" / "d08.md").write_text(DRAFT, encoding="utf-8")
    changed = run("drafts", cwd=repo)
    assert '"message": "7 hashtags (max 5): #f6 #g7"' in changed and changed != first
    # a configuration above the drafts folder, and one inside it
    (repo / "postlint.toml").write_text("[rules.too-many-hashtags]\nmax = 6\n", encoding="utf-8")
    assert '"message": "7 hashtags (max 6): #g7"' in run("drafts", cwd=repo)
    (repo / "drafts" / "postlint.toml").write_text("[rules.too-many-hashtags]\nmax = 4\n", encoding="utf-8")
    assert '"message": "7 hashtags (max 4): #e5 #f6 #g7"' in run("drafts", cwd=repo)
    # a new draft in a subfolder, and the environment `--format auto` reads
    (repo / "drafts" / "sub").mkdir()
    (repo / "drafts" / "sub" / "new.md").write_text(DRAFT, encoding="utf-8")
    assert '"path": "drafts/sub/new.md"' in run("drafts", cwd=repo)
    local = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    assert run("--format", "auto", "drafts", cwd=repo, env={**local, "GITHUB_ACTIONS": "true"}).startswith("::")
    assert not run("--format", "auto", "drafts", cwd=repo, env=local).startswith("::")
    assert len(recorded_runs(repo)) == 7


@pytest.mark.slow
def test_replay_with_a_config_file_and_no_paths_still_follows_the_drafts(repo):
    (repo / "rules.toml").write_text("[rules.too-many-hashtags]\nmax = 6\n", encoding="utf-8")
    first = run("--config", "../rules.toml", cwd=repo / "drafts")
    (repo / "drafts" / "d08.md").write_text(DRAFT, encoding="utf-8")
    second = run("--config", "../rules.toml", cwd=repo / "drafts")
    assert second != first and '"message": "7 hashtags (max 6): #g7"' in second


@pytest.mark.slow
def test_runs_with_input_errors_or_without_cache_are_not_recorded(repo):
    proc = subprocess.run([sys.executable, "-m", "postlint", "check", "drafts", "missing.md"], capture_output=True,
                          text=True, cwd=repo)
    assert proc.returncode == 2 and "missing.md: error: no such file or directory" in proc.stderr
    run("--no-cache", "drafts", cwd=repo)
    assert recorded_runs(repo) == []


def test_cache_shards_keep_what_concurrent_runs_append(tmp_path):
    from postlint.problem import Finding, Level
    from postlint.runner import Cache

    finding = Finding("a.md", 1, 1, "PL202", 1, 5, "too-many-hashtags", Level.WARNING, "6 hashtags (max 5)", 0, 4)
    first, second = Cache(tmp_path, "salt"), Cache(tmp_path, "salt")
    one = first.key("a.md", b"A", "-")
    # other drafts whose entries land in the same shard
    same = (k for k in (second.key("b.md", f"B{i}".encode(), "-") for i in range(100000)) if k[:2] == one[:2])
    two, three = next(same), next(same)
    first.put(one, Cache.entry(True, [finding]))
    second.put(two, Cache.entry(False, []))
    first.save()
    second.save()  # a concurrent run: it appends to the shard the first one wrote
    fresh = Cache(tmp_path, "salt")
    assert fresh.get(one) == (True, [finding]) and fresh.get(two) == (False, [])
    assert Cache(tmp_path, "other salt").key("a.md", b"A", "-") != one
    shard = tmp_path / f"{one[:2]}.jsonl"
    with shard.open("a", encoding="utf-8") as fh:  # a run that stopped halfway through a line
        fh.write(f"{three}\t[true, [[\"a.md\", 1")
    assert Cache(tmp_path, "salt").get(three) is None  # a damaged entry is a miss, not an error
    assert Cache(tmp_path, "salt").get(one) == (True, [finding])


def test_cache_shards_are_compacted_to_their_newest_entries(tmp_path, monkeypatch):
    from postlint.runner import Cache

    monkeypatch.setattr(Cache, "COMPACT_BYTES", 2000)
    monkeypatch.setattr(Cache, "KEEP", 3)
    cache = Cache(tmp_path, "salt")
    keys = [k for k in (cache.key("a.md", str(i).encode(), "-") for i in range(20000)) if k[:2] == "00"][:40]
    for key in keys:
        cache.put(key, Cache.entry(True, []))
        cache.save()
    lines = (tmp_path / "00.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) < len(keys) and all(line.startswith(tuple(keys)) for line in lines)
    fresh = Cache(tmp_path, "salt")
    assert fresh.get(keys[-1]) == (True, []) and fresh.get(keys[0]) is None


def test_compact_runs_report_what_full_runs_report(repo, monkeypatch):
    """Runs of many files shed or finish drafts early (Linter.compact), and hold the results
    that wait for the schedule pass on disk: same findings."""
    from postlint import runner
    from postlint.linter import Linter

    scheduled = "---\naccount: anna\nscheduled: 2026-12-01T{}:00:00+01:00\n---\n{}\n"
    (repo / "drafts" / "s1.md").write_text(scheduled.format("09", DRAFT), encoding="utf-8")
    (repo / "drafts" / "s2.md").write_text(scheduled.format("10", "<!-- postlint-disable PL601 -->\nB #b"),
                                           encoding="utf-8")
    (repo / "drafts" / "n1.md").write_text("<!-- postlint-disable-next-line PL202 -->\n" + DRAFT, encoding="utf-8")
    found = {}
    for compact, in_memory in ((False, 10000), (True, 10000), (True, 1)):
        monkeypatch.setattr(runner._Held, "IN_MEMORY", in_memory)  # 1: all but one result spilled to disk
        linter = Linter()
        linter.compact, linter.snippets = compact, True
        results = runner.lint_inputs(linter, [str(repo / "drafts")])
        found[compact, in_memory] = [(r.path, r.findings, [r.line_text(f.line) for f in r.findings])
                                     for r in results]
    assert found[True, 10000] == found[False, 10000] == found[True, 1]
    codes = {f.code for _, findings, _ in found[True, 1] for f in findings}
    assert {"PL601", "PL202", "PL002"} <= codes  # schedule, single-draft and after-suppression rules


@pytest.mark.slow
def test_file_names_that_are_not_utf8_are_checked_cached_and_replayed(tmp_path):
    (tmp_path / os.fsdecode(b"caf\xe9.md")).write_text("Text #a1 #b2 #c3 #d4 #e5 #f6\n", encoding="utf-8")
    outputs = []
    for _ in range(3):  # linted, replayed, and (other arguments) from the per-file cache
        proc = subprocess.run([sys.executable, "-m", "postlint", "check", "--format", "concise",
                               *(["--quiet"] if outputs else [])], capture_output=True, cwd=tmp_path)
        assert proc.returncode == 1 and not proc.stderr, proc.stderr
        outputs.append([line for line in proc.stdout.decode("utf-8").splitlines() if "PL202" in line])
    assert outputs[0] == outputs[1] == outputs[2] == ["caf\ufffd.md:1:26: PL202 [warning] 6 hashtags (max 5): #f6"]


@pytest.mark.slow
def test_results_are_handed_over_as_they_are_done_until_a_draft_waits_for_the_schedule(repo):
    from postlint import runner
    from postlint.linter import Linter

    for name, hour in (("d50.md", "09"), ("d70.md", "10")):  # an hour apart: posts-too-close
        (repo / "drafts" / name).write_text(f"---\nscheduled: 2026-12-01T{hour}:00:00+01:00\n---\nText\n",
                                            encoding="utf-8")
    linter = Linter()
    linter.compact = True
    linted = []
    lint_path = linter.lint_path
    linter.lint_path = lambda path, **kw: linted.append(path.name) or lint_path(path, **kw)
    results = runner.lint_inputs(linter, [str(repo / "drafts")])
    assert next(results).path.endswith("d00.md") and linted == ["d00.md"]  # streamed: one linted, one out
    rest = list(results)
    assert len(linted) == 80 and [r.path[-7:] for r in rest[49:51]] == ["/d50.md", "/d51.md"]
    assert "PL602" in {f.code for f in rest[69].findings}  # the schedule pass saw both


def test_results_wait_without_collector_passes_and_the_collector_is_restored(repo):
    import gc

    from postlint import runner
    from postlint.linter import Linter

    assert gc.isenabled()
    for abandon in (False, True):
        results = runner.lint_inputs(Linter(), [str(repo / "drafts")])
        first = next(results)
        assert first.path.endswith("d00.md") and not gc.isenabled()  # the held results are never walked
        if abandon:
            results.close()  # a consumer that stops early (an error while printing)
        else:
            assert len(list(results)) == 79
        assert gc.isenabled()


def test_a_worker_warms_up_or_starts_without_it(tmp_path, monkeypatch):
    import gc

    from postlint import runner
    from postlint.linter import Options

    monkeypatch.chdir(tmp_path)
    threshold = gc.get_threshold()
    try:
        runner._init_worker(Options(), True, True)
        assert "spacy" in sys.modules  # the warm-up loaded what the default rules load
        # a worker collects its young objects less often than the default
        assert gc.get_threshold() == (runner.WORKER_GC_THRESHOLD, *threshold[1:]) != threshold
        (tmp_path / "postlint.toml").write_text("colour = 'red'\n", encoding="utf-8")  # the warm-up post's config
        runner._init_worker(Options(), True, True)  # its error is the inputs' to report, not the pool's
        assert runner._worker.options == Options()
    finally:
        gc.set_threshold(*threshold)  # this process is not a worker


def test_a_run_too_large_to_replay_reads_no_file(repo, monkeypatch):
    from postlint import replay

    monkeypatch.chdir(repo)
    listed, files = [], replay._files
    monkeypatch.setattr(replay, "_files", lambda path: (listed.append(p) or p for p in files(path)))
    monkeypatch.setattr(replay, "MAX_FILES", 10)
    read = []
    monkeypatch.setattr(replay, "_hash_file", lambda digest, path: read.append(path))
    assert replay._key(["check", "drafts"]) is None and read == [] and len(listed) == 11  # no further listing
    monkeypatch.setattr(replay, "MAX_FILES", 79)
    assert replay._key(["check", "drafts"]) is None and read == []
    monkeypatch.setattr(replay, "MAX_FILES", 40)
    assert replay._key(["check", "drafts/d00.md", "drafts/d01.md", "drafts"]) is None and read == []
    monkeypatch.setattr(replay, "MAX_FILES", 80)
    assert replay._key(["check", "drafts"]) is not None and len(read) >= 80


@pytest.mark.slow
def test_a_pool_started_while_listing_is_stopped_by_a_broken_configuration_further_down(tmp_path):
    """Workers start once enough files are listed; a configuration error found later ends
    them at once instead of letting the run wait for them to finish starting."""
    (tmp_path / "a").mkdir()
    for i in range(100):
        (tmp_path / "a" / f"d{i}.md").write_text(f"Post {i} #KI\n", encoding="utf-8")
    (tmp_path / "b" / "zz").mkdir(parents=True)
    (tmp_path / "b" / "zz" / "x.md").write_text("Text\n", encoding="utf-8")
    (tmp_path / "b" / "zz" / "postlint.toml").write_text("colour = 'red'\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "postlint", "check", "--no-cache", "-j", "2", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "colour: unknown key" in proc.stderr and "Traceback" not in proc.stderr


def test_stopping_a_pool_ends_workers_that_are_still_starting():
    import multiprocessing.connection
    import time
    from concurrent.futures import ProcessPoolExecutor

    from postlint import runner

    pool = ProcessPoolExecutor(2, initializer=time.sleep, initargs=(60,))
    pool.submit(int)
    processes = list(pool._processes.values())
    runner._stop(pool)
    # a sentinel is ready once its process has ended (join() races with the pool's own
    # thread, which reaps the processes too)
    running, deadline = {process.sentinel for process in processes}, time.monotonic() + 30
    while running and time.monotonic() < deadline:
        running -= set(multiprocessing.connection.wait(running, timeout=deadline - time.monotonic()))
    assert not running


def _rules_loaded() -> bool:
    from postlint import registry

    return registry.rules.cache_info().currsize == 1


def test_the_rules_are_loaded_before_the_workers_are_forked(monkeypatch):
    """The main process needs the rule modules for the schedule pass at the end of a run;
    loading them first lets the workers inherit them instead of loading them each."""
    import multiprocessing

    from postlint import registry, runner
    from postlint.linter import Linter

    monkeypatch.setattr(runner, "_init_worker", lambda *args: None)  # no spaCy for this
    registry._index.cache_clear()
    registry.rules.cache_clear()
    pool = runner._pool(Linter(), 1, None)
    try:
        assert registry.rules.cache_info().currsize == 1
        if multiprocessing.get_start_method() == "fork":
            assert pool.submit(_rules_loaded).result(timeout=60)
    finally:
        pool.shutdown()


def test_the_cache_and_replay_key_follows_python_and_the_installed_distributions(tmp_path, monkeypatch):
    from postlint import paths

    site = tmp_path / "site-packages"
    site.mkdir()
    (site / "spacy-3.8.2.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(site)])
    before = paths.fingerprint.__wrapped__()
    (site / "spacy-3.8.2.dist-info").rename(site / "spacy-3.8.3.dist-info")
    upgraded = paths.fingerprint.__wrapped__()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert len({before, upgraded, paths.fingerprint.__wrapped__()}) == 3

#!/usr/bin/env python3
"""Test the mutants of a Stryker.NET build one process per mutant, with a timeout scaled to the test set.

Why: Stryker 5.1's MTP runner gives every mutant a flat timeout of about `additional-timeout`, whatever its test
set (2026-12-03-afternoon.md, section 2), and its sessions cost 11 s on average for the engine group even when
they end in a kill (run E5). This script keeps what Stryker does well (it creates the mutants, rolls back the ones
that do not compile, places them behind `MutantControl.IsActive` and finds which ones no test covers) and runs the
tests itself, the way a plain `dotnet test` would:

1. Build the mutated assembly and the mutant list with Stryker, cheaply: in a throwaway clone (`scope.py` applied
   for the group's files), run `dotnet stryker` with the group's config and `-m` patterns, but with a
   `test-case-filter` that selects one test that reaches no mutant (`stryker-shape.json`:
   `GeneratedFile_Header_NamesTheGeneratorAndTheCommand`, which reads a file header). Stryker then creates,
   compiles and filters the mutants exactly as in a full run (the block-already-covered filter looks only at
   statuses Ignored and CompileError, not at coverage), marks almost all of them NoCoverage and writes its JSON
   report in about a minute. The report gives every mutant's id, file, line, mutator, replacement and status
   (CompileError and Ignored are final). Copy `StrykerOutput/*/reports/mutation-report.json` out of the clone,
   and copy the mutated assembly, `bin/Release/net10.0/ArabicNorm.dll` of the test project, *while Stryker is
   still running* (once its log says "total mutants will be tested"): after a finished run the file there is
   the plain build again (seen on 2026-12-03: no "Stryker was here" string in it). The engine group's assembly
   was copied from a full Stryker run of the same group and clone, stopped at that point; its mutant ids and
   texts are the shape run's (`cmp` of the "created" log lines).
2. In a second clone of the same commit (sources not marked by `scope.py`, because some tests read them), build
   the test project normally, copy its `bin/Release/net10.0/` to a folder under that clone (the tests look for
   `ArabicNorm.sln` above their folder) and put the mutated `ArabicNorm.dll` in it.
3. Run this script on that folder with the report. It first runs the filter with no mutant active, which must
   pass, and takes its time T. Each mutant that is not CompileError or Ignored then gets one test process
   (`-filterVSTest <filter> -stopOnFail`) with `STRYKER_MUTANT_ID_CONTROL_VAR` naming a variable that holds the
   mutant's id, which the injected `MutantControl` reads once per process:
   - Killed: the process failed (a test failed, or the host crashed: the rc is kept, and `crash` marks an exit
     with no failing test named);
   - Survived: every test of the filter passed;
   - Timeout: the process ran longer than `factor * T + extra` seconds and was killed (Stryker's rule of a timeout
     scaled to the initial run, which the MTP runner does not apply).
   - NoCoverage: with `--cover`, no test class of the filter reaches the mutant (it is not run).
   With `--cover` (the output of `drive.py cover`: one process per test class of the filter in the injected
   `MutantControl`'s coverage mode, `STRYKER_COVERAGE_FILE`), a mutant runs only the classes that reach it;
   without it, the whole filter.

Usage:
    python3 tests/mutation/drive.py cover --bin DIR --filter "<VSTest filter>" --out cover.json [--env K=V ...]
    python3 tests/mutation/drive.py run --report REPORT --bin DIR --filter "<VSTest filter>" --out v.tsv
        [--cover cover.json] [--scope FILE-PREFIX ...] [--workers 2] [--factor 3] [--extra 10] [--env K=V ...]
        [--ids 3,7-9] [--redo Survived,Timeout --from v1.tsv]
    python3 tests/mutation/drive.py table --report REPORT [--scope X ...] v1.tsv [v2.tsv ...] [--survivors]

`run` appends one line per mutant to --out and skips the mutants already there, so a stopped run can go on. In
`table`, a later verdict file overrides an earlier one for the same mutant (a second pass of the survivors with a
wider filter, for example).
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fromlog  # noqa: E402  (the same folder: its per-file table)


CONTROL = "ARABICNORM_ACTIVE_MUTANT"
SKIPPED = ("CompileError", "Ignored")


def mutants(report):
    """id -> (file, line, mutator, original, replacement, Stryker's status) for every mutant of the report."""
    out = {}
    for path, f in json.load(open(report, encoding="utf-8"))["files"].items():
        name = fromlog.relative(path)
        lines = f["source"].split("\n")
        for m in f["mutants"]:
            start, end = m["location"]["start"], m["location"]["end"]
            if start["line"] == end["line"]:
                original = lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
            else:
                original = lines[start["line"] - 1][start["column"] - 1:] + " ..."
            out[int(m["id"])] = (name, start["line"], m["mutatorName"], " ".join(original.split()),
                                 " ".join(m.get("replacement", "").split()), m["status"])
    return out


def in_scope(name, scopes):
    return not scopes or any(name.startswith(s) for s in scopes)


def run_one(exe, filt, env, mid, timeout, args=("-stopOnFail",)):
    e = dict(os.environ)
    e.update(env)
    e["STRYKER_MUTANT_ID_CONTROL_VAR"] = CONTROL
    e[CONTROL] = str(mid)
    with tempfile.TemporaryFile(mode="w+b") as out:
        start = time.monotonic()
        p = subprocess.Popen([exe, "-filterVSTest", filt, *args, "-noColor", "-noLogo"],
                             cwd=os.path.dirname(exe), env=e, stdout=out, stderr=subprocess.STDOUT,
                             start_new_session=True)
        try:
            rc = p.wait(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            rc = p.wait()
            timed_out = True
        secs = time.monotonic() - start
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    failing = ""
    m = re.search(r"^\s*(\S.*?) \[FAIL\]\s*$", text, re.M)
    if m:
        failing = m.group(1)
    if timed_out:
        verdict = "Timeout"
    elif rc == 0:
        verdict = "Survived"
    else:
        verdict = "Killed"
        if not failing:
            last = [ln.strip() for ln in text.splitlines() if ln.strip()][-1:] or [""]
            failing = f"crash: {last[0][:160]}"
    return verdict, secs, rc, failing


def parse_ids(spec):
    ids = set()
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            ids.update(range(int(a), int(b) + 1))
        elif part:
            ids.add(int(part))
    return ids


def read_verdicts(path):
    v = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            v[int(f[0])] = f
    return v


def test_exe(a):
    """The test executable in --bin and the --env variables for it."""
    return os.path.join(os.path.abspath(a.bin), "ArabicNorm.Tests"), dict(kv.split("=", 1) for kv in a.env)


def read_all(paths):
    """The verdicts of several files, a later file's verdict for a mutant replacing an earlier one's."""
    merged = {}
    for path in paths:
        merged.update(read_verdicts(path))
    return merged


def class_filter(filt, classes):
    # The filter is parenthesized: in a VSTest filter & binds tighter than |, so "A|B&(C)" would run all of A.
    return "(" + filt + ")&(" + "|".join(f"FullyQualifiedName~{c}." for c in sorted(classes)) + ")"


def cmd_cover(a):
    """Which test classes of the filter reach each mutant: one process per class, in Stryker's coverage mode."""
    exe, env = test_exe(a)
    listing = subprocess.run([exe, "-list", "classes", "-filterVSTest", a.filter, "-noColor", "-noLogo"],
                             cwd=os.path.dirname(exe), capture_output=True, text=True, check=True).stdout
    classes = [ln.strip() for ln in listing.splitlines() if ln.strip()]
    tag = f"arabicnorm-cover-{os.getpid()}"
    cover = {}

    def job(item):
        i, cls = item
        e = dict(env)
        e["STRYKER_COVERAGE_FILE"] = f"{tag}-{i}.txt"
        v, secs, code, why = run_one(exe, class_filter(a.filter, [cls]), e, -1, None, args=())
        found = [f for f in os.listdir(tempfile.gettempdir()) if f.startswith(f"{tag}-{i}-")]
        if len(found) > 1:
            raise SystemExit(f"{cls}: coverage files {found}")
        if v != "Survived":
            # Coverage mode allocates on every mutant reached, so a test that counts allocations fails here; what
            # it reached is still recorded. Said, not hidden.
            print(f"{cls}: {v} in coverage mode (rc {code}: {why[:120]}); its coverage is kept", flush=True)
        text = ";"  # no file: the class never loaded the mutated assembly's MutantControl (it reads sources)
        if found:
            path = os.path.join(tempfile.gettempdir(), found[0])
            text = open(path, encoding="utf-8").read()
            os.remove(path)
        plain, _, static = text.partition(";")
        ids = sorted({int(x) for x in (plain + "," + static).split(",") if x})
        cover[cls] = ids
        print(f"{cls}: {len(ids)} mutants, {secs:.1f} s", flush=True)

    with ThreadPoolExecutor(max_workers=a.workers) as pool:
        list(pool.map(job, enumerate(classes)))
    json.dump({"filter": a.filter, "classes": cover}, open(a.out, "w", encoding="utf-8"), indent=1, sort_keys=True)


def cmd_run(a):
    all_mutants = mutants(a.report)
    exe, env = test_exe(a)
    ids = sorted(m for m, v in all_mutants.items() if v[5] not in SKIPPED and in_scope(v[0], a.scope))
    if a.ids:
        wanted = parse_ids(a.ids)
        ids = [m for m in ids if m in wanted]
    if a.redo:
        statuses = set(a.redo.split(","))
        earlier = read_all(a.source)
        ids = [m for m in ids if m in earlier and earlier[m][2] in statuses]
    done = read_verdicts(a.out)
    ids = [m for m in ids if m not in done]

    covering = defaultdict(set)
    if a.cover:
        cov = json.load(open(a.cover, encoding="utf-8"))
        if cov["filter"] != a.filter:
            sys.exit("--cover was measured with another filter")
        for cls, found in cov["classes"].items():
            for mid in found:
                covering[mid].add(cls)

    verdict, base, rc, failing = run_one(exe, a.filter, env, -1, None)
    if verdict != "Survived":
        sys.exit(f"the filter fails with no mutant active (rc {rc}, {failing}); fix that first")
    timeout = a.factor * base + a.extra
    with open(a.out, "a", encoding="utf-8") as f:
        f.write(f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} bin={a.bin} filter={a.filter} "
                f"env={a.env} no-mutant run {base:.1f} s, timeout {timeout:.1f} s, workers {a.workers}, "
                f"{len(ids)} mutants\n")
    print(f"no-mutant run {base:.1f} s; timeout {timeout:.1f} s; {len(ids)} mutants", flush=True)
    lock = threading.Lock()

    def job(mid):
        if a.cover and not covering[mid]:
            v, secs, code, why = "NoCoverage", 0.0, 0, "no test class of the filter reaches it"
        else:
            filt = class_filter(a.filter, covering[mid]) if a.cover else a.filter
            v, secs, code, why = run_one(exe, filt, env, mid, timeout)
        name, line, mutator, original, replacement, _status = all_mutants[mid]
        row = [str(mid), name, v, f"{secs:.1f}", str(code), str(line), mutator,
               original[:80].replace("\t", " "), replacement[:80].replace("\t", " "), why[:200].replace("\t", " ")]
        with lock:
            with open(a.out, "a", encoding="utf-8") as f:
                f.write("\t".join(row) + "\n")
            print(f"{mid:>5} {v:<8} {secs:6.1f} s  {name}", flush=True)

    with ThreadPoolExecutor(max_workers=a.workers) as pool:
        list(pool.map(job, ids))


def cmd_table(a):
    all_mutants = mutants(a.report)
    verdicts = read_all(a.verdicts)
    per_file = defaultdict(Counter)
    for mid, v in all_mutants.items():
        if not in_scope(v[0], a.scope):
            continue
        status = v[5] if v[5] in SKIPPED else verdicts[mid][2] if mid in verdicts else "Pending"
        per_file[v[0]][status] += 1
    total, det, valid = fromlog.print_table(per_file)
    print(f"score = {det} / {valid} (Killed + Timeout over Killed + Timeout + Survived + NoCoverage; {total['Pending']} Pending "
          "not counted; CompileError and Ignored are Stryker's and outside the score)")
    if a.survivors:
        for mid in sorted(verdicts):
            f = verdicts[mid]
            if f[2] in ("Survived", "Timeout", "NoCoverage") and in_scope(f[1], a.scope):
                print(f"{f[2]:<8} {mid:>5} {f[1]}:{f[5]}  [{f[6]}] {f[7]!r} -> {f[8]!r}  ({f[3]} s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--report", required=True)
    r.add_argument("--bin", required=True)
    r.add_argument("--filter", required=True)
    r.add_argument("--scope", action="append", default=[])
    r.add_argument("--out", required=True)
    r.add_argument("--workers", type=int, default=2)
    r.add_argument("--factor", type=float, default=3.0)
    r.add_argument("--extra", type=float, default=10.0)
    r.add_argument("--env", action="append", default=[])
    r.add_argument("--ids")
    r.add_argument("--cover", help="the output of `cover`: each mutant runs only the test classes that reach it")
    r.add_argument("--redo", help="only the mutants with these statuses in the --from files")
    r.add_argument("--from", dest="source", action="append", default=[])
    c = sub.add_parser("cover")
    c.add_argument("--bin", required=True)
    c.add_argument("--filter", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--workers", type=int, default=2)
    c.add_argument("--env", action="append", default=[])
    t = sub.add_parser("table")
    t.add_argument("--report", required=True)
    t.add_argument("--scope", action="append", default=[])
    t.add_argument("--survivors", action="store_true")
    t.add_argument("verdicts", nargs="+")
    a = ap.parse_args()
    {"run": cmd_run, "cover": cmd_cover, "table": cmd_table}[a.cmd](a)


if __name__ == "__main__":
    main()

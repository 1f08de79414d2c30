#!/usr/bin/env python3
"""Read Stryker.NET's verdicts from the debug log of a run (`dotnet stryker -L`), finished or stopped early.

Usage:
    python3 tests/mutation/fromlog.py StrykerOutput/<run>/logs/log-<date>.txt --scope Internal/BlockPump [--scope ...]
        [--survivors]

Stryker writes its JSON report only when a run ends. A run stopped before the end (the deadline, a busy machine)
still leaves its log, which names every mutant as it is created (after "Mutating <file>"), every mutant with no
covering test, every mutant it will test, and the result of each test session. This script turns that into the same
per-file table as merge.py:

- Killed: the session for the mutant failed ("Test run for "N: ..." is "failed"").
- Timeout: the runner's session timed out while the mutant was active (Stryker counts it as detected).
- Survived: the session passed without a timeout.
- NoCoverage: "Mutant N is not covered by any test", in a file of the scope.
- HostCrash: the runner's test host crashed or did not connect in time during the session ("A test host crashed
  during this run"). Stryker then logs the session as "success", but no test ran against the mutant: not a verdict.
  Seen on 2026-12-01 at load 40-56 under nice 19, where a restarted test host missed the connection timeout; a
  mutant logged this way (ReportAccumulator.cs, `k + n < ...` -> `<=`) fails 20 tests when applied by hand.
  Counted like Pending, outside the score.
- StaticTimeout: a Timeout of a mutant Stryker runs against every test, on a fresh test host (a mutant in a static
  initializer: the log names no test count for it). Stryker 5.1's MTP runner gives such a session the same timeout
  as any other (about `additional-timeout`), while the whole filter on a fresh host takes longer than that: on
  2026-12-03 (run E5, `additional-timeout` 40 s) each of them ran 46 to 47 s and was cut off, whether or not the
  mutant changed anything. Not a verdict: counted like Pending, and listed by --timeouts for a check by hand.
- Pending: to be tested ("will be tested against"), but the log ends first. Pending mutants are not in the score;
  the table says how many there are.

--scope keeps the files whose path (under src/ArabicNorm/) starts with one of the given prefixes; give the run's
`-m`/`mutate` files. --survivors lists the Survived and NoCoverage mutants with the mutator's original and
replacement text (the log names no line numbers).
"""

import argparse
import os
import re
from collections import Counter, defaultdict
from datetime import datetime

MARKER = "src/ArabicNorm/"


def parse(path):
    current_file = None
    created = {}            # id -> (file, original, replacement, mutator)
    uncovered = set()
    to_test = {}            # id -> number of tests Stryker named for it
    verdict = {}            # id -> "failed" | "success"
    started = {}            # id -> time its session started
    duration = {}           # id -> seconds its session took
    active = {}             # runner -> id
    timed_out = set()
    crashed = set()         # the runner's test host crashed or never connected: the verdict that follows is none
    for line in open(path, encoding="utf-8", errors="replace"):
        m = re.search(r'Mutating "([^"]+)"', line)
        if m:
            name = m.group(1)
            current_file = relative(name)
            continue
        m = re.search(r'Mutant (\d+) created "(.*)" -> "(.*)" using "(?:[\w.]*\.)?(\w+)"', line)
        if m:
            created[int(m.group(1))] = (current_file, m.group(2), m.group(3), m.group(4))
            continue
        m = re.search(r"Mutant (\d+) is not covered by any test", line)
        if m:
            uncovered.add(int(m.group(1)))
            continue
        m = re.search(r"Mutant (\d+) will be tested against \((\d+)\) tests", line)
        if m:
            to_test[int(m.group(1))] = int(m.group(2))
            continue
        m = re.search(r'"(MtpRunner-\d+)": Testing mutant\(s\) \["(\d+)"', line)
        if m:
            active[m.group(1)] = int(m.group(2))
            started[int(m.group(2))] = stamp(line)
            continue
        m = re.search(r'"(MtpRunner-\d+)": Test run timed out for', line)
        if m and m.group(1) in active:
            timed_out.add(active[m.group(1)])
            continue
        m = re.search(r'"(MtpRunner-\d+)": A test host crashed during this run', line)
        if m and m.group(1) in active:
            crashed.add(active[m.group(1)])
            continue
        m = re.search(r'Test run for "(\d+): [^"]*" is "(\w+)"', line)
        if m:
            mid, ended = int(m.group(1)), stamp(line)
            verdict[mid] = m.group(2)
            if started.get(mid) is not None and ended is not None:
                duration[mid] = (ended - started[mid]).total_seconds()
    return created, uncovered, to_test, verdict, timed_out, crashed, duration


def relative(path):
    """A source path as the tables name it: below src/ArabicNorm/ (drive.py names the report's files with it too)."""
    return path[path.index(MARKER) + len(MARKER):] if MARKER in path else path


def stamp(line):
    try:
        return datetime.fromisoformat(line[:26])
    except ValueError:
        return None


def print_table(per_file):
    """Print one row per file and a TOTAL row (detected = Killed + Timeout over those + Survived + NoCoverage).

    Returns the total counts, the detected count and the scored count. drive.py prints its tables with it too."""
    total = Counter()
    for name in sorted(per_file):
        c = per_file[name]
        total.update(c)
        detected = c["Killed"] + c["Timeout"]
        valid = detected + c["Survived"] + c["NoCoverage"]
        shown = f"{100.0 * detected / valid:6.1f}%" if valid else "     - "
        print(f"{name:<46} {shown}  " + " ".join(f"{k}={c[k]}" for k in sorted(c)))
    detected = total["Killed"] + total["Timeout"]
    valid = detected + total["Survived"] + total["NoCoverage"]
    pct = 100.0 * detected / valid if valid else float("nan")
    print(f"{'TOTAL':<46} {pct:6.1f}%  " + " ".join(f"{k}={total[k]}" for k in sorted(total)))
    return total, detected, valid


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("log")
    ap.add_argument("--scope", action="append", required=True)
    ap.add_argument("--survivors", action="store_true")
    ap.add_argument("--timeouts", action="store_true", help="list every Timeout and StaticTimeout with its test count and time")
    args = ap.parse_args()

    created, uncovered, to_test, verdict, timed_out, crashed, duration = parse(args.log)
    status = {}
    for mid, (name, *_rest) in created.items():
        if name is None or not any(name.startswith(s) for s in args.scope):
            continue
        if mid in crashed:
            status[mid] = "HostCrash"
        elif mid in timed_out:
            status[mid] = "Timeout" if mid in to_test else "StaticTimeout"
        elif verdict.get(mid) == "failed":
            status[mid] = "Killed"
        elif verdict.get(mid) == "success":
            status[mid] = "Survived"
        elif mid in uncovered:
            status[mid] = "NoCoverage"
        elif mid in to_test:
            status[mid] = "Pending"

    per_file = defaultdict(Counter)
    for mid, s in status.items():
        per_file[created[mid][0]][s] += 1
    total, detected, valid = print_table(per_file)
    print(f"score = {detected} / {valid} (Killed + Timeout over Killed + Timeout + Survived + NoCoverage; "
          f"{total['Pending']} Pending, {total['StaticTimeout']} StaticTimeout and {total['HostCrash']} HostCrash not counted)")
    finished = [(duration[m], to_test.get(m)) for m, st in status.items() if st in ("Killed", "Survived") and m in duration]
    if finished:
        longest = max(finished, key=lambda x: x[0])
        print(f"longest session that finished: {longest[0]:.1f} s ({longest[1]} tests); a Timeout cut off a session that "
              "ran longer than every finished one")

    if args.timeouts:
        for mid in sorted(status):
            if status[mid] in ("Timeout", "StaticTimeout"):
                name, original, replacement, mutator = created[mid]
                tests = to_test.get(mid, "every")
                print(f"{status[mid]:<13} {mid:>5} {name}  {tests} tests, {duration.get(mid, float('nan')):.1f} s  "
                      f"{original[:60]!r} -> {replacement[:50]!r}")

    if args.survivors:
        for mid in sorted(status):
            if status[mid] in ("Survived", "NoCoverage"):
                name, original, replacement, mutator = created[mid]
                print(f"{status[mid]:<10} {mid:>5} {name}  [{mutator}]  {original[:70]!r} -> {replacement[:70]!r}")


if __name__ == "__main__":
    main()

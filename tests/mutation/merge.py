#!/usr/bin/env python3
"""Merge Stryker.NET JSON reports of one commit, mutant by mutant, and print the score per file and in total.

Usage:
    python3 tests/mutation/merge.py REPORT.json [REPORT.json ...] [--survivors] [--file SUBSTRING]

Each REPORT is a `StrykerOutput/<run>/reports/mutation-report.json`. A mutant is identified by its file, mutator,
replacement and span. When several reports hold the same mutant, the most conclusive result is kept, in this order:
Killed, Timeout, Survived, NoCoverage, RuntimeError, CompileError, Ignored, Pending. That is how runs over parts of
the code (`-m` patterns) add up to one measurement. The reports must come from one commit: a file whose source text
differs between two reports stops the merge. A file a run did not mutate at all (Stryker writes "File ignored by
mutate filter" as its source, and no mutant) is skipped in that report.

Score = (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage), as Stryker computes it. CompileError,
RuntimeError and Ignored mutants do not count; Pending ones (a run that never reached them) are listed.

--survivors prints every Survived and NoCoverage mutant (file:line:column, mutator, replacement), to write tests from.
--file limits the table and the survivor list to files whose path contains SUBSTRING.
"""

import argparse
import hashlib
import json
import os
import sys

RANK = ["Killed", "Timeout", "Survived", "NoCoverage", "RuntimeError", "CompileError", "Ignored", "Pending"]
DETECTED = ("Killed", "Timeout")
IGNORED_SOURCE = "File ignored by mutate filter"  # what Stryker writes as the source of a file it did not mutate
UNDETECTED = ("Survived", "NoCoverage")


def rank(status):
    return RANK.index(status) if status in RANK else len(RANK)


def load(paths):
    merged = {}   # (file, key) -> mutant dict with best status
    sources = {}  # file -> (sha, report path)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        root = report.get("projectRoot") or ""
        for name, entry in report["files"].items():
            rel = os.path.relpath(name, root) if os.path.isabs(name) and root else name
            rel = rel.replace("\\", "/")
            marker = "src/ArabicNorm/"
            if marker in rel:
                rel = rel[rel.index(marker) + len(marker):]
            if entry.get("source") == IGNORED_SOURCE and not entry["mutants"]:
                # A file outside this run's mutate patterns: Stryker writes this text instead of the source, and no
                # mutant. It says nothing about the file, so it neither counts nor stops the merge.
                continue
            sha = hashlib.sha256(entry.get("source", "").encode("utf-8")).hexdigest()
            if rel in sources and sources[rel][0] != sha:
                sys.exit(f"{rel}: source differs between {sources[rel][1]} and {path}; merge reports of one commit only")
            sources[rel] = (sha, path)
            for m in entry["mutants"]:
                loc = m["location"]
                key = (rel, m["mutatorName"], m.get("replacement", ""),
                       loc["start"]["line"], loc["start"]["column"], loc["end"]["line"], loc["end"]["column"])
                best = merged.get(key)
                if best is None or rank(m["status"]) < rank(best["status"]):
                    merged[key] = dict(m, file=rel)
    return merged


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reports", nargs="+")
    ap.add_argument("--survivors", action="store_true")
    ap.add_argument("--file", default="")
    args = ap.parse_args()

    merged = load(args.reports)
    per_file = {}
    for m in merged.values():
        if args.file not in m["file"]:
            continue
        counts = per_file.setdefault(m["file"], {})
        counts[m["status"]] = counts.get(m["status"], 0) + 1

    def score(c):
        detected = sum(c.get(s, 0) for s in DETECTED)
        valid = detected + sum(c.get(s, 0) for s in UNDETECTED)
        return (100.0 * detected / valid if valid else float("nan")), detected, valid

    total = {}
    for name in sorted(per_file):
        c = per_file[name]
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
        pct, _, valid = score(c)
        shown = f"{pct:6.1f}%" if valid else "     - "
        print(f"{name:<46} {shown}  " + " ".join(f"{k}={c[k]}" for k in sorted(c)))
    pct, detected, valid = score(total)
    print(f"{'TOTAL':<46} {pct:6.1f}%  " + " ".join(f"{k}={total[k]}" for k in sorted(total)))
    print(f"score = {detected} / {valid} (Killed + Timeout over Killed + Timeout + Survived + NoCoverage)")

    if args.survivors:
        rows = [m for m in merged.values() if m["status"] in UNDETECTED and args.file in m["file"]]
        rows.sort(key=lambda m: (m["file"], m["location"]["start"]["line"], m["location"]["start"]["column"]))
        for m in rows:
            s = m["location"]["start"]
            repl = (m.get("replacement") or "").replace("\n", " ")
            print(f"{m['status']:<10} {m['file']}:{s['line']}:{s['column']}  [{m['mutatorName']}]  {repl[:110]}")


if __name__ == "__main__":
    main()

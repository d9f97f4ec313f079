#!/usr/bin/env python3
"""Extract a small excerpt of the pharmaversesdtm RECIST 1.1 example domains (TU, TR, RS) as test fixtures.

Usage: scripts/extract-pharmaverse-sdtm-excerpt.py PATH-TO-pharmaversesdtm-GIT-DIR [COMMIT]

Reads inst/extdata/{tu,tr,rs}_onco_recist.csv at COMMIT (default 530a5ea, the commit
/work/shared/validation/pharmaverse/README.md names) with `git show`, keeps subjects 01-701-1015 (a lymph-node target measured by LPERP, a partial date "2014-02"), 01-701-1028 (five targets,
three readers, a missing target at WEEK 6) and 01-701-1034 (non-targets only), keeps only the INVESTIGATOR's TR rows
(the independent assessors' diameters carry four decimals, finer than Nadir's 0.01 mm), and writes them unchanged
(header, quoting and NA as in the source) to Tests/NadirReportTests/Fixtures/pharmaverse/.
"""
import csv
import io
import os
import subprocess
import sys

SUBJECTS = {"01-701-1015", "01-701-1028", "01-701-1034"}


def main() -> None:
    repo = sys.argv[1]
    commit = sys.argv[2] if len(sys.argv) > 2 else "530a5ea"
    out_dir = os.path.join(os.path.dirname(__file__), "..", "Tests", "NadirReportTests", "Fixtures", "pharmaverse")
    os.makedirs(out_dir, exist_ok=True)
    for domain in ("tu", "tr", "rs"):
        text = subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:inst/extdata/{domain}_onco_recist.csv"],
                              check=True, capture_output=True, text=True).stdout
        lines = text.splitlines()
        header = next(csv.reader([lines[0]]))
        kept = [lines[0]]
        for line in lines[1:]:
            row = dict(zip(header, next(csv.reader(io.StringIO(line)))))
            if row["USUBJID"] not in SUBJECTS:
                continue
            if domain == "tr" and row["TREVAL"] != "INVESTIGATOR":
                continue
            kept.append(line)
        with open(os.path.join(out_dir, f"{domain}.csv"), "w", newline="") as f:
            f.write("\n".join(kept) + "\n")
        print(domain, len(kept) - 1, "rows")


if __name__ == "__main__":
    main()

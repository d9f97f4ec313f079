#!/usr/bin/env python3
"""Check SVG well-formedness with Python's xml.etree (independent of Foundation's XMLParser used in the tests):
every *.svg file under the given folders, and every inline <svg>...</svg> in *.html files.
Usage: scripts/check-svg.py REPORT_DIR..."""
import os
import re
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    ok = True
    count = 0
    for root_dir in sys.argv[1:]:
        for root, _, files in os.walk(root_dir):
            for name in sorted(files):
                path = os.path.join(root, name)
                docs = []
                if name.endswith(".svg"):
                    docs = [open(path, encoding="utf-8").read()]
                elif name.endswith(".html"):
                    docs = re.findall(r"<svg\b.*?</svg>", open(path, encoding="utf-8").read(), flags=re.S)
                for i, doc in enumerate(docs):
                    count += 1
                    try:
                        element = ET.fromstring(doc)
                        assert element.tag.endswith("svg"), element.tag
                    except Exception as error:  # noqa: BLE001
                        ok = False
                        print(f"FAIL {path}#{i}: {error}")
    print(f"{count} SVG documents checked, {'all well-formed' if ok else 'some broken'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

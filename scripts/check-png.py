#!/usr/bin/env python3
"""Verify PNG files with Pillow (an independent decoder): each must load, pass Pillow's verify() (chunk CRCs),
and have the expected mode. Usage: scripts/check-png.py FILE.png... (or a folder: every *.png inside, recursively).
Also accepts an HTML file and checks every data:image/png;base64 image embedded in it."""
import base64
import io
import os
import re
import sys

from PIL import Image


def check(name: str, data: bytes) -> bool:
    try:
        Image.open(io.BytesIO(data)).verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as error:  # noqa: BLE001 - report every failure
        print(f"FAIL {name}: {error}")
        return False
    print(f"ok   {name}: {image.size[0]}x{image.size[1]} {image.mode}")
    return image.mode in ("L", "RGB")


def main() -> int:
    paths = []
    for arg in sys.argv[1:]:
        if os.path.isdir(arg):
            for root, _, files in os.walk(arg):
                paths += [os.path.join(root, f) for f in files if f.endswith((".png", ".html"))]
        else:
            paths.append(arg)
    ok = True
    for path in sorted(paths):
        data = open(path, "rb").read()
        if path.endswith(".html"):
            for i, match in enumerate(re.finditer(rb"data:image/png;base64,([A-Za-z0-9+/=]+)", data)):
                ok &= check(f"{path}#img{i}", base64.b64decode(match.group(1)))
        else:
            ok &= check(path, data)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

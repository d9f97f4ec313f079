#!/usr/bin/env python3
"""Write the tiny Pillow-encoded PNG fixtures of Tests/NadirReportTests/Fixtures/png (see its README)."""
import os

from PIL import Image

out = os.path.join(os.path.dirname(__file__), "..", "Tests", "NadirReportTests", "Fixtures", "png")
os.makedirs(out, exist_ok=True)

gray = Image.new("L", (7, 5))
gray.putdata([(x * 37 + y * 11) % 256 for y in range(5) for x in range(7)])
gray.save(os.path.join(out, "gray-7x5.png"), optimize=False)

rgb = Image.new("RGB", (6, 4))
rgb.putdata([((x * 40) % 256, (y * 60) % 256, (x * y * 13) % 256) for y in range(4) for x in range(6)])
rgb.save(os.path.join(out, "rgb-6x4.png"), optimize=False)
print("wrote", out)

#!/usr/bin/env python3
"""Times the peers of `nadir-bench --filter dicom` on the same 300-slice CT folder:
SimpleITK ImageSeriesReader (GDCM: scan, sort, read, rescale) and pydicom + numpy (read all, sort along the
normal, stack, rescale). Run `swift run -c release nadir-bench --filter dicom` first: it writes the folder.

Usage: python3 scripts/bench/dicom_peer.py [FOLDER]   (default $NADIR_BENCH_DICOM_DIR or /tmp/nadir-bench-dicom-ct)
"""
import os
import pathlib
import statistics
import sys
import tempfile
import time

import numpy as np
import pydicom
import SimpleITK as sitk

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "NADIR_BENCH_DICOM_DIR", os.path.join(tempfile.gettempdir(), "nadir-bench-dicom-ct")))
if not (folder / "CT0300.dcm").exists():
    sys.exit(f"{folder} has no series: run `swift run -c release nadir-bench --filter dicom` first")


def simpleitk():
    reader = sitk.ImageSeriesReader()
    reader.SetFileNames(reader.GetGDCMSeriesFileNames(str(folder)))
    image = reader.Execute()
    assert image.GetSize() == (512, 512, 300)


def pydicom_numpy():
    datasets = [pydicom.dcmread(p) for p in folder.iterdir()]
    row_col = np.array(datasets[0].ImageOrientationPatient, dtype=float)
    normal = np.cross(row_col[:3], row_col[3:])
    datasets.sort(key=lambda d: float(np.dot(normal, np.array(d.ImagePositionPatient, dtype=float))))
    volume = np.stack([d.pixel_array for d in datasets]).astype(np.float32)
    volume = volume * float(datasets[0].RescaleSlope) + float(datasets[0].RescaleIntercept)
    assert volume.shape == (300, 512, 512)


for name, body in [("SimpleITK ImageSeriesReader", simpleitk), ("pydicom + numpy stack", pydicom_numpy)]:
    body()  # warm-up, as nadir-bench does
    times = []
    for _ in range(5):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    print(f"{name:48s} median {statistics.median(times) * 1000:10.2f} ms  (n=5)")

#!/usr/bin/env python3
"""Compares Nadir's lesion measurements with pyradiomics (and SimpleITK) on pyradiomics' bundled examples.

Not a unit test: it needs pip packages (pyradiomics, SimpleITK, numpy) and the example images, which the
pyradiomics source distribution carries in data/ (the wheel does not, and getTestCase downloads them):
    pip install SimpleITK numpy versioneer && pip install --no-build-isolation pyradiomics
    pip download pyradiomics==3.0.1 --no-deps --no-binary :all: -d /tmp/pyrad && tar xzf /tmp/pyrad/*.tar.gz -C /tmp/pyrad
    python3 scripts/validate-measurement.py /tmp/pyrad/pyradiomics-3.0.1/data
It prints a Markdown table of every feature with the relative difference, flagging those above 2 %; the
explanations live in Tests/NadirMeasurementTests/VALIDATION.md.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import SimpleITK as sitk
from radiomics import featureextractor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = ["brain1", "brain2", "breast1", "lung1", "lung2"]


def ours(image, mask, work):
    """Runs nadir-measure-validate on the image (int16) and mask (uint16) written as raw files."""
    header = {
        "size": list(mask.GetSize()), "spacing": list(mask.GetSpacing()), "origin": list(mask.GetOrigin()),
        "direction": list(mask.GetDirection()),
        "labels": os.path.join(work, "labels.raw"), "image": os.path.join(work, "image.raw"),
    }
    sitk.GetArrayFromImage(mask).astype("<u2").tofile(header["labels"])
    sitk.GetArrayFromImage(image).astype("<i2").tofile(header["image"])
    path = os.path.join(work, "header.json")
    json.dump(header, open(path, "w"))
    exe = os.path.join(ROOT, ".build/release/nadir-measure-validate")
    run = subprocess.run([exe, path], check=True, capture_output=True, text=True)
    return {int(r["label"]): r for r in json.loads(run.stdout)}


def slice_feret(mask, label):
    """The largest SimpleITK 2D Feret diameter (between voxel centres) over the acquired slices."""
    best = 0.0
    for z in range(mask.GetSize()[2]):
        plane = mask[:, :, z] == label
        stats = sitk.LabelShapeStatisticsImageFilter()
        stats.ComputeFeretDiameterOn()
        stats.Execute(sitk.Cast(plane, sitk.sitkUInt8))
        if stats.HasLabel(1):
            best = max(best, stats.GetFeretDiameter(1))
    return best


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pyrad/pyradiomics-3.0.1/data"
    subprocess.run(["swift", "build", "-c", "release", "--product", "nadir-measure-validate"], cwd=ROOT, check=True,
                   capture_output=True)
    extractor = featureextractor.RadiomicsFeatureExtractor()
    extractor.disableAllFeatures()
    extractor.enableFeaturesByName(shape=["Maximum2DDiameterSlice", "Maximum3DDiameter", "MeshVolume",
                                          "VoxelVolume", "SurfaceArea"], firstorder=["Mean"])
    pairs = [("longAxis", "original_shape_Maximum2DDiameterSlice"),
             ("maximum3DDiameter", "original_shape_Maximum3DDiameter"),
             ("meshVolume", "original_shape_MeshVolume"), ("voxelVolume", "original_shape_VoxelVolume"),
             ("surfaceArea", "original_shape_SurfaceArea"), ("rawMeshSurfaceArea", "original_shape_SurfaceArea"),
             ("mean", "original_firstorder_Mean")]
    print("| case | label | feature | nadir | pyradiomics | SimpleITK | difference |")
    print("|---|---|---|---|---|---|---|")
    work = tempfile.mkdtemp(prefix="nadir-validate-")
    for case in CASES:
        image = sitk.ReadImage(os.path.join(data, f"{case}_image.nrrd"))
        mask = sitk.Cast(sitk.ReadImage(os.path.join(data, f"{case}_label.nrrd")), sitk.sitkUInt16)
        image = sitk.Cast(image, sitk.sitkInt16)
        mine = ours(image, mask, work)
        print(f"| {case} | | spacing | {' x '.join(f'{v:.3f}' for v in mask.GetSpacing())} mm | | | |")
        shape = sitk.LabelShapeStatisticsImageFilter()
        shape.ComputeFeretDiameterOn()
        shape.Execute(mask)
        for label, m in sorted(mine.items()):
            features = extractor.execute(image, mask, label=label)
            peer_sitk = {"maximum3DDiameter": shape.GetFeretDiameter(label),
                         "voxelVolume": shape.GetPhysicalSize(label),
                         "longAxis": slice_feret(mask, label)}
            for ours_key, theirs_key in pairs:
                a, b = m[ours_key], float(features[theirs_key])
                diff = (a - b) / b * 100 if b else float("nan")
                flag = " **>2 %**" if abs(diff) > 2 else ""
                s = peer_sitk.get(ours_key)
                s_text = f"{s:.2f}" if s is not None else ""
                print(f"| {case} | {label} | {ours_key} | {a:.2f} | {b:.2f} | {s_text} | {diff:+.2f} %{flag} |")
            print(f"| {case} | {label} | shortAxis | {m['shortAxis']:.2f} | | | (no RECIST short axis in peers) |")


if __name__ == "__main__":
    main()

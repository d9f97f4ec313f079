#!/usr/bin/env python3
"""Checks that files Nadir WRITES are read correctly by other tools.

Runs the Swift test `ExportTests` with NADIR_EXPORT_DIR set, which re-encodes every fixture of
Tests/NadirImageIOTests/Fixtures with NIfTIWriter (NIfTI-1 .nii and .nii.gz, NIfTI-2 .nii.gz, multi-member gzip)
and writes a 128x128x64 analytic phantom in 17 gzip members. Then reads each file with nibabel and (NIfTI-1
only; SimpleITK 2.5 has no NIfTI-2) SimpleITK and compares voxels and LPS geometry with the fixture's truth
sidecar (written from nibabel/SimpleITK/pynrrd, never from our output) or, for the phantom, with its formula.

    pip install nibabel SimpleITK numpy
    python3 scripts/check-nifti-roundtrip.py [--no-build EXPORT_DIR]
"""
import glob
import json
import math
import os
import subprocess
import sys
import tempfile

import nibabel as nib
import numpy as np
import SimpleITK as sitk

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), ".."))
FIXTURES = os.path.join(ROOT, "Tests", "NadirImageIOTests", "Fixtures")
MM = 1e-4
FLIP = np.diag([-1.0, -1.0, 1.0])
failures = []


def nib_geometry(img):
    a = img.affine
    lin = FLIP @ a[:3, :3]
    spacing = np.linalg.norm(lin, axis=0)
    return FLIP @ a[:3, 3], spacing, (lin / spacing)


def sitk_geometry(img):
    return np.array(img.GetOrigin()), np.array(img.GetSpacing()), np.array(img.GetDirection()).reshape(3, 3)


def compare(label, voxels, geometry, truth_voxels, truth_geometry):
    origin, spacing, direction = geometry
    t_origin, t_spacing, t_direction = truth_geometry
    tol = np.abs(truth_voxels) * 5e-7 + 1e-9
    bad = int(np.sum(np.abs(voxels - truth_voxels) > tol))
    if voxels.shape != truth_voxels.shape or bad:
        failures.append(f"{label}: {bad} voxels differ")
    if not (np.allclose(origin, t_origin, atol=MM) and np.allclose(spacing, t_spacing, atol=MM)
            and np.allclose(direction, t_direction, atol=1e-5)):
        failures.append(f"{label}: geometry {origin} {spacing} {direction.tolist()} "
                        f"vs truth {t_origin} {t_spacing} {t_direction.tolist()}")


def check(path, truth_voxels, truth_geometry, with_sitk):
    name = os.path.basename(path)
    img = nib.load(path)
    compare(name + " nibabel", np.asarray(img.get_fdata()).flatten(order="F"), nib_geometry(img),
            truth_voxels, truth_geometry)
    if with_sitk:
        s = sitk.ReadImage(path)
        compare(name + " SimpleITK", sitk.GetArrayFromImage(s).astype(np.float64).flatten(), sitk_geometry(s),
                truth_voxels, truth_geometry)


def phantom_truth():
    n = 128 * 128 * 64
    i = np.arange(n, dtype=np.int64)
    v = i * 2_654_435_761 + (i % 7) * 1_000_003
    voxels = (((v + 2**15) % 2**16) - 2**15).astype(np.float64)
    k = np.array([1.0, 2.0, 3.0]) / math.sqrt(14)
    t = math.radians(23)

    def rotate(u):
        return u * math.cos(t) + np.cross(k, u) * math.sin(t) + k * np.dot(k, u) * (1 - math.cos(t))

    direction = np.column_stack([rotate(np.array([1.0, 0, 0])), rotate(np.array([0, 1.0, 0])),
                                 rotate(np.array([0, 0, -1.0]))])
    return voxels, (np.array([-123.25, 87.5, -401.125]), np.array([0.68359375, 0.71, 2.5]), direction)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--no-build":
        out = sys.argv[2]
    else:
        out = tempfile.mkdtemp(prefix="nadir-export-")
        env = dict(os.environ, NADIR_EXPORT_DIR=out)
        subprocess.run(["swift", "test", "--disable-xctest", "--filter", "ExportTests"], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)
    checked = 0
    for sidecar in sorted(glob.glob(os.path.join(FIXTURES, "*.json"))):
        truth = json.load(open(sidecar))
        stem = os.path.basename(sidecar)[:-5]
        truth_voxels = np.array(truth["voxels"])
        truth_geometry = (np.array(truth["origin"]), np.array(truth["spacing"]),
                          np.array(truth["direction"]).reshape(3, 3))
        for suffix in (".v1.nii", ".v1.nii.gz", ".v2.nii.gz"):
            path = os.path.join(out, stem + suffix)
            if not os.path.exists(path):
                failures.append(f"{path} was not written")
                continue
            # SimpleITK reads no NIfTI-2, and refuses sheared directions.
            check(path, truth_voxels, truth_geometry, with_sitk=suffix.startswith(".v1") and stem != "n1_shear")
            checked += 1
    check(os.path.join(out, "phantom_multimember.nii.gz"), *phantom_truth(), with_sitk=True)
    checked += 1
    for f in failures:
        print("FAIL", f)
    print(f"{checked} files written by Nadir checked with nibabel {nib.__version__} and SimpleITK "
          f"{sitk.Version.VersionString()}: {'all agree' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

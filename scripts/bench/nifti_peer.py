#!/usr/bin/env python3
"""Times SimpleITK (and nibabel) on the same NIfTI files nadir-bench reads and writes, for the ratios in
Sources/nadir-bench/NIfTIBenchmarks.swift. Run nadir-bench first (it writes the files), then this:

    swift build -c release --product nadir-bench && .build/release/nadir-bench --filter nifti
    python3 scripts/bench/nifti_peer.py          # NADIR_BENCH_DIR overrides /tmp/nadir-bench

Prints the median wall-clock seconds of each operation (3 runs, after one warm-up).
"""
import gzip
import hashlib
import os
import resource
import statistics
import sys
import time

import nibabel as nib
import numpy as np
import SimpleITK as sitk

FOLDER = os.environ.get("NADIR_BENCH_DIR", "/tmp/nadir-bench")


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def median_seconds(body, runs=3):
    """Median wall-clock and CPU (all threads) seconds: the machine may be shared, CPU time shows the work."""
    body()
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        body()
        times.append(time.perf_counter() - start)
        cpu.append(cpu_seconds() - start_cpu)
    return statistics.median(times), statistics.median(cpu)


def report(name, seconds):
    wall, cpu = seconds
    print(f"{name:<58} median {wall * 1000:10.2f} ms  ({cpu * 1000:.0f} ms CPU)")


def main():
    ours = os.path.join(FOLDER, "ct-nadir.nii.gz")
    single = os.path.join(FOLDER, "ct-single-member.nii.gz")
    plain = os.path.join(FOLDER, "ct.nii")
    for path in (ours, single, plain):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: run `.build/release/nadir-bench --filter nifti` first")
    print(f"SimpleITK {sitk.Version.VersionString()}, nibabel {nib.__version__}, "
          f"{sitk.ProcessObject.GetGlobalDefaultNumberOfThreads()} ITK threads")
    report("sitk read ct-nadir.nii.gz (multi-member, ours)", median_seconds(lambda: sitk.ReadImage(ours)))
    report("sitk read ct-single-member.nii.gz", median_seconds(lambda: sitk.ReadImage(single)))
    report("sitk read ct.nii", median_seconds(lambda: sitk.ReadImage(plain)))
    image = sitk.ReadImage(plain)
    out = os.path.join(FOLDER, "ct-sitk.nii.gz")
    report("sitk write .nii.gz (useCompression)", median_seconds(lambda: sitk.WriteImage(image, out, True), runs=1))
    report("nibabel read ct-nadir.nii.gz + get_fdata-free array",
           median_seconds(lambda: np.asanyarray(nib.load(ours).dataobj)))
    report("nibabel read ct-single-member.nii.gz", median_seconds(lambda: np.asanyarray(nib.load(single).dataobj)))
    array = np.asanyarray(nib.load(plain).dataobj)
    img = nib.Nifti1Image(array, nib.load(plain).affine)
    report("nibabel write .nii.gz", median_seconds(lambda: nib.save(img, os.path.join(FOLDER, "ct-nib.nii.gz")), runs=1))
    report("hashlib sha256 of the voxel bytes", median_seconds(lambda: hashlib.sha256(array.tobytes())))
    # nibabel and SimpleITK read our multi-member file to the same voxels as the uncompressed one.
    assert np.array_equal(np.asanyarray(nib.load(ours).dataobj), array)
    assert np.array_equal(sitk.GetArrayFromImage(sitk.ReadImage(ours)), sitk.GetArrayFromImage(image))
    with gzip.open(ours) as f:
        assert len(f.read()) == 352 + array.nbytes
    print("ours read back by SimpleITK, nibabel and Python gzip: identical voxels")


if __name__ == "__main__":
    main()

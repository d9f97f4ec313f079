#!/usr/bin/env python3
"""Times Nadir's measurement and segmentation benchmarks beside SimpleITK and scipy on the same input.

Runs the release nadir-bench with NADIR_BENCH_EXPORT so it writes the 512x512x300 chest phantom it measures
(ct.raw int16, labels.raw uint16, phantom.json), then times the peers on those exact volumes:
  - all lesions: SimpleITK LabelShapeStatisticsImageFilter (ComputeFeretDiameter on) + LabelStatistics (HU)
  - 26-connected components of the bone mask (CT >= 200 HU): SimpleITK ConnectedComponent(fullyConnected)
    and scipy.ndimage.label with a 3x3x3 structure
  - one lesion from a seed: SimpleITK ConnectedThreshold in [HU-60, HU+60] around the seed (with its Dice
    against the ground truth, to show what a plain threshold grower does)
Usage: python3 scripts/bench/measure_peer.py [--skip-build]   (pip install SimpleITK scipy numpy)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import SimpleITK as sitk
from scipy import ndimage

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def median_time(fn, runs=3):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    out = tempfile.mkdtemp(prefix="nadir-measure-bench-")
    if "--skip-build" not in sys.argv:
        subprocess.run(["swift", "build", "-c", "release", "--product", "nadir-bench"], cwd=ROOT, check=True)
    env = dict(os.environ, NADIR_BENCH_EXPORT=out)
    ours = {}
    for name in ["measure all", "components 26-conn", "seeded segmentation"]:  # one phantom render each
        run = subprocess.run([os.path.join(ROOT, ".build/release/nadir-bench"), "--filter", name, "--json"],
                             cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        for r in json.loads(run.stdout):
            ours[r["name"]] = r["medianSeconds"]

    header = json.load(open(os.path.join(out, "phantom.json")))
    size = header["size"]
    shape = (size[2], size[1], size[0])
    ct = np.fromfile(os.path.join(out, "ct.raw"), dtype="<i2").reshape(shape)
    labels = np.fromfile(os.path.join(out, "labels.raw"), dtype="<u2").reshape(shape)

    def image(array):
        img = sitk.GetImageFromArray(array)
        img.SetSpacing(header["spacing"])
        img.SetOrigin(header["origin"])
        return img

    ct_img, label_img = image(ct), image(labels)
    peers = {}

    def shape_stats():
        f = sitk.LabelShapeStatisticsImageFilter()
        f.ComputeFeretDiameterOn()
        f.Execute(label_img)
        s = sitk.LabelStatisticsImageFilter()
        s.Execute(ct_img, label_img)
        return [(l, f.GetFeretDiameter(l), f.GetPhysicalSize(l), s.GetMean(l)) for l in f.GetLabels()]

    peers["measure all lesions"] = ("sitk shape+Feret+HU", median_time(shape_stats))
    bone = (ct >= header["boneThreshold"]).astype(np.uint8)
    bone_img = image(bone)
    sitk_cc = median_time(lambda: sitk.ConnectedComponent(bone_img, True))
    scipy_cc = median_time(lambda: ndimage.label(bone, structure=np.ones((3, 3, 3), dtype=bool)))
    peers["components 26-conn"] = ("sitk ConnectedComponent (UInt32 out)", sitk_cc)
    for lesion in header["lesions"]:
        idx = [int(i) for i in lesion["index"]]
        hu = float(ct[idx[2], idx[1], idx[0]])

        def grow():
            return sitk.ConnectedThreshold(ct_img, seedList=[tuple(idx)], lower=hu - 60, upper=hu + 60)

        t = median_time(grow)
        grown = sitk.GetArrayFromImage(grow()) > 0
        truth = labels == lesion["label"]
        dice = 2 * np.logical_and(grown, truth).sum() / (grown.sum() + truth.sum())
        peers["seeded segmentation " + lesion["name"]] = (f"sitk ConnectedThreshold (Dice {dice:.4f})", t)

    print(f"{'benchmark':<60} {'nadir':>10} {'peer':>10}  peer tool")
    for name, t in ours.items():
        key = max((k for k in peers if name.startswith(k)), key=len, default=None)
        tool, pt = peers.get(key, ("", float("nan")))
        print(f"{name:<60} {t * 1000:8.1f}ms {pt * 1000:8.1f}ms  {tool}")
    print(f"{'scipy.ndimage.label 26-conn bone mask':<60} {'':>10} {scipy_cc * 1000:8.1f}ms")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Peer benchmark for Nadir's registration: SimpleITK on the same phantom pair.

Usage:
    NADIR_BENCH_DATA=/tmp/nadir-reg-bench .build/release/nadir-bench --filter register   # writes the pair
    python3 scripts/bench/registration_peer.py /tmp/nadir-reg-bench [--levels 2|3] [--skip-resample]

Reads fixed.mhd / moving.mhd (float32 MetaImage) and truth.json (the known fixed -> moving rigid map and
the points where target registration error is measured), registers with SimpleITK's Euler3DTransform +
Mattes mutual information (CenteredTransformInitializer MOMENTS, regular-step gradient descent, random
sampling), and prints wall-clock time and TRE, then times linear and nearest-neighbour resampling.
Needs `pip install SimpleITK numpy` (PyPI). Uses all cores (SimpleITK's default thread count).
"""
import argparse
import json
import os
import time

import numpy as np
import SimpleITK as sitk


def tre(transform, truth):
    rows = np.array(truth["matrixRows"])
    offset = np.array(truth["offset"])
    errors = []
    for p in truth["points"]:
        ours = np.array(transform.TransformPoint(tuple(p)))
        expected = rows @ np.array(p) + offset
        errors.append(np.linalg.norm(ours - expected))
    return float(np.mean(errors)), float(np.max(errors)), len(errors)


def register(fixed, moving, levels):
    shrink = {2: [2, 1], 3: [4, 2, 1]}[levels]
    sigmas = {2: [1, 0], 3: [2, 1, 0]}[levels]
    initial = sitk.CenteredTransformInitializer(
        fixed, moving, sitk.Euler3DTransform(), sitk.CenteredTransformInitializerFilter.MOMENTS)
    method = sitk.ImageRegistrationMethod()
    method.SetMetricAsMattesMutualInformation(numberOfHistogramBins=50)
    method.SetMetricSamplingStrategy(method.RANDOM)
    method.SetMetricSamplingPercentage(0.01, seed=1)
    method.SetInterpolator(sitk.sitkLinear)
    method.SetOptimizerAsRegularStepGradientDescent(
        learningRate=2.0, minStep=1e-4, numberOfIterations=200, relaxationFactor=0.5,
        gradientMagnitudeTolerance=1e-8)
    method.SetOptimizerScalesFromPhysicalShift()
    method.SetShrinkFactorsPerLevel(shrink)
    method.SetSmoothingSigmasPerLevel(sigmas)
    method.SmoothingSigmasAreSpecifiedInPhysicalUnitsOn()
    method.SetInitialTransform(initial, inPlace=False)
    start = time.perf_counter()
    result = method.Execute(fixed, moving)
    elapsed = time.perf_counter() - start
    return result, elapsed, method.GetOptimizerStopConditionDescription()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--levels", type=int, choices=[2, 3], default=3)
    parser.add_argument("--skip-resample", action="store_true")
    args = parser.parse_args()
    fixed = sitk.ReadImage(os.path.join(args.folder, "fixed.mhd"), sitk.sitkFloat32)
    moving = sitk.ReadImage(os.path.join(args.folder, "moving.mhd"), sitk.sitkFloat32)
    with open(os.path.join(args.folder, "truth.json")) as f:
        truth = json.load(f)
    print(f"SimpleITK {sitk.Version_VersionString()}, threads {sitk.ProcessObject.GetGlobalDefaultNumberOfThreads()}")
    result, elapsed, stop = register(fixed, moving, args.levels)
    mean, worst, count = tre(result, truth)
    print(f"register Euler3D Mattes MI {args.levels} levels: {elapsed:.2f} s; "
          f"TRE mean {mean:.3f} mm, max {worst:.3f} mm over {count} points ({stop})")
    if args.skip_resample:
        return
    known = sitk.Euler3DTransform()
    known.SetMatrix([v for row in truth["matrixRows"] for v in row])
    known.SetTranslation(truth["offset"])
    labels = sitk.Cast(sitk.Clamp((moving + 1000) / 10, lowerBound=0, upperBound=255), sitk.sitkUInt8)
    for name, image, interpolator in [("linear", moving, sitk.sitkLinear),
                                      ("nearest labels", labels, sitk.sitkNearestNeighbor)]:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            sitk.Resample(image, fixed, known, interpolator, 0.0)
            times.append(time.perf_counter() - start)
        print(f"resample {name} 512x512x300 rigid: median {sorted(times)[1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reads what `nadir export dicom` wrote with independent readers (pydicom, highdicom) and prints JSON.

Usage: check-dicom-export.py OUTDIR
SR: highdicom's TID 1500 parser (MeasurementReport.from_sequence) gives each volumetric measurement group's
tracking identifier and UID, finding site, referenced segment and measurements with units.
SEG: highdicom's segread gives each segment's tracking ID/UID and its mask on the CT series read by pydicom;
the script reports voxel counts and LPS centroids computed with numpy.
"""
import glob
import json
import sys

import highdicom as hd
import numpy as np
import pydicom


def main(folder):
    out = {}
    sr = pydicom.dcmread(f"{folder}/SR.dcm")
    report = hd.sr.MeasurementReport.from_sequence([sr])  # the root content item is the dataset itself
    groups = []
    for g in report.get_volumetric_roi_measurement_groups():
        measurements = {}
        for m in g.get_measurements():
            measurements[m.name.meaning] = {"value": str(m.value), "unit": m.unit.value,
                                            "unitScheme": m.unit.scheme_designator}
        segment = g.referenced_segment
        site = g.finding_sites[0] if g.finding_sites else None
        groups.append({
            "trackingIdentifier": g.tracking_identifier,
            "trackingUID": g.tracking_uid,
            "findingSite": [site.value.value, site.value.scheme_designator] if site is not None else None,
            "segmentNumber": int(segment.referenced_segment_numbers[0]) if segment is not None else None,
            "segInstance": segment.referenced_sop_instance_uid if segment is not None else None,
            "measurements": measurements,
        })
    out["sr"] = {"sopClass": sr.SOPClassUID, "patientID": sr.PatientID, "patientName": str(sr.PatientName),
                 "timePoint": next((str(i.TextValue) for i in sr.ContentSequence
                                    if i.ConceptNameCodeSequence[0].CodeValue == "126070"), None),
                 "groups": groups}
    evaluations = []
    for item in sr.ContentSequence:
        if item.ConceptNameCodeSequence[0].CodeValue == "C0034375":
            for e in item.ContentSequence:
                value = e.ConceptCodeSequence[0].CodeValue if e.ValueType == "CODE" else str(e.TextValue)
                evaluations.append([e.ConceptNameCodeSequence[0].CodeValue, e.ValueType, value])
    out["sr"]["evaluations"] = evaluations

    # The CT series, stacked along the slice normal by pydicom + numpy.
    slices = [pydicom.dcmread(p) for p in sorted(glob.glob(f"{folder}/CT/*.dcm"))]
    seg = hd.seg.segread(f"{folder}/SEG.dcm")
    by_uid = {s.SOPInstanceUID: s for s in slices}
    segments = []
    for number in seg.segment_numbers:
        desc = seg.get_segment_description(number)
        count = 0
        centroid = np.zeros(3)
        for ds in slices:
            try:
                frame = seg.get_pixels_by_source_instance(
                    source_sop_instance_uids=[ds.SOPInstanceUID], segment_numbers=[number],
                    assert_missing_frames_are_empty=True)[0, :, :, 0]
            except (KeyError, ValueError):
                continue
            ys, xs = np.nonzero(frame)
            if len(xs) == 0:
                continue
            origin = np.array([float(v) for v in ds.ImagePositionPatient])
            o = [float(v) for v in ds.ImageOrientationPatient]
            row, col = np.array(o[:3]), np.array(o[3:])
            dy, dx = float(ds.PixelSpacing[0]), float(ds.PixelSpacing[1])
            pts = origin + np.outer(xs * dx, row) + np.outer(ys * dy, col)
            centroid += pts.sum(axis=0)
            count += len(xs)
        segments.append({"number": int(number), "label": desc.segment_label,
                         "trackingID": desc.tracking_id, "trackingUID": desc.tracking_uid,
                         "voxels": count, "centroid": (centroid / max(count, 1)).tolist()})
    out["seg"] = {"sopInstance": seg.SOPInstanceUID, "patientID": seg.PatientID, "segments": segments,
                  "referencedSeries": seg.ReferencedSeriesSequence[0].SeriesInstanceUID,
                  "ctSeries": slices[0].SeriesInstanceUID, "ctPatientID": slices[0].PatientID,
                  "voxelVolume": float(slices[0].PixelSpacing[0]) * float(slices[0].PixelSpacing[1])
                  * float(slices[0].SliceThickness)}
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])

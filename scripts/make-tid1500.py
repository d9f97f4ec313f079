#!/usr/bin/env python3
"""Writes a TID 1500 Measurement Report with highdicom, as OHIF or 3D Slicer would send one (planar ROI groups,
TID 1410, each with a tracking identifier and UID, a finding site and long/short axis in mm).

Usage: make-tid1500.py OUT.dcm SOURCE_IMAGE.dcm SPEC.json
SPEC: {"lesions": [{"id": "T01", "uid": "2.25...", "longAxis": 30.5, "shortAxis": 22.25, "unit": "mm"}, ...]}
"unit" may be "cm" (values are then given in cm, as some viewers store them).
"""
import json
import sys

import highdicom as hd
import numpy as np
import pydicom
from pydicom.sr.codedict import codes


def main(out, source_path, spec_path):
    source = pydicom.dcmread(source_path)
    spec = json.load(open(spec_path))
    groups = []
    for lesion in spec["lesions"]:
        unit = codes.UCUM.Millimeter if lesion.get("unit", "mm") == "mm" else codes.UCUM.Centimeter
        region = hd.sr.ImageRegion(
            graphic_type=hd.sr.GraphicTypeValues.POLYLINE,
            graphic_data=np.array([[10.0, 10.0], [40.0, 30.0]]),
            source_image=hd.sr.SourceImageForRegion.from_source_image(source))
        measurements = [hd.sr.Measurement(name=codes.SCT.LongAxis, value=lesion["longAxis"], unit=unit)]
        if "shortAxis" in lesion:
            measurements.append(hd.sr.Measurement(name=codes.SCT.ShortAxis, value=lesion["shortAxis"], unit=unit))
        groups.append(hd.sr.PlanarROIMeasurementsAndQualitativeEvaluations(
            tracking_identifier=hd.sr.TrackingIdentifier(uid=lesion["uid"], identifier=lesion["id"]),
            referenced_region=region,
            finding_type=codes.SCT.Neoplasm,
            finding_sites=[hd.sr.FindingSite(codes.SCT.Liver)],
            measurements=measurements))
    observer = hd.sr.ObserverContext(observer_type=codes.DCM.Person,
                                     observer_identifying_attributes=hd.sr.PersonObserverIdentifyingAttributes(name="Reader^One"))
    report = hd.sr.MeasurementReport(
        observation_context=hd.sr.ObservationContext(observer_person_context=observer),
        procedure_reported=codes.LN.CTUnspecifiedBodyRegion,
        imaging_measurements=groups)
    sr = hd.sr.Comprehensive3DSR(
        evidence=[source], content=report, series_number=99, series_instance_uid=hd.UID(), sop_instance_uid=hd.UID(),
        instance_number=1, manufacturer="highdicom")
    sr.save_as(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])

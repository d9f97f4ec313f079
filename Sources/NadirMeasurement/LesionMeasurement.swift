public import NadirImaging
public import NadirModel

/// The image a lesion's intensities are read from, on the label map's grid.
public enum MeasurementImage: Sendable {
    /// CT in Hounsfield units: density statistics (Choi).
    case computedTomography(Volume<Int16>)
    /// PET in SUL (SUV normalised to lean body mass; convert SUV first): SULpeak (PERCIST 1.0).
    case petSUL(Volume<Float>)

    var geometry: ImageGeometry {
        switch self {
        case .computedTomography(let v): v.geometry
        case .petSUL(let v): v.geometry
        }
    }
}

/// Everything measured on one lesion of a label map, with the provenance to reproduce it.
public struct LesionMeasurement: Sendable {
    /// The lesion's label.
    public var label: UInt16
    /// Number of voxels.
    public var voxelCount: Int
    /// RECIST long axis: the longest in-plane diameter on any slice (RECIST 1.1 §3.1).
    public var longAxis: AxisMeasurement
    /// Short axis: the longest diameter perpendicular to the long axis on the same slice (RECIST 1.1 nodes).
    public var shortAxis: AxisMeasurement
    /// Maximum 3D diameter (Feret), from the vertices of the smoothed surface.
    public var maximumDiameter: AxisMeasurement
    /// Volume by voxel count times voxel volume.
    public var voxelVolume: VolumeMeasure
    /// Volume enclosed by the closed surface mesh.
    public var meshVolume: VolumeMeasure
    /// Area of the smoothed surface: about +4 % on a sphere at 0.7 mm isotropic, more on thick slices (the raw
    /// mask's staircase surface is larger still); see Tests/NadirMeasurementTests/VALIDATION.md.
    public var surfaceArea: Area
    /// The raw mask's closed surface (LPS mm), whose volume is `meshVolume`: for STL/OBJ export.
    public var mesh: TriangleMesh
    /// Intensity statistics inside the lesion (HU for CT, SUL for PET), when an image was given.
    public var intensity: IntensityStatistics?
    /// Mean density (CT), for Choi.
    public var meanDensity: Density?
    /// SULpeak: the highest mean SUL in a 1 cm³ sphere centred in the lesion (PERCIST 1.0, Wahl et al., J Nucl
    /// Med 2009;50:122S-150S), when the image is PET.
    public var sulPeak: StandardizedUptake?
    /// Centre of the SULpeak sphere, LPS mm.
    public var sulPeakCentre: SIMD3<Double>?
    /// Algorithm and version, image and mask hashes.
    public var provenance: Provenance

    /// The product of long and short axes (WHO, RANO, Lugano), exact from the rounded lengths.
    public var perpendicularProduct: Area { longAxis.length * shortAxis.length }

    /// The measurement as the case model records it.
    public func measurement(subjectID: SubjectID, lesionID: LesionID, visit: String, reader: String,
                            method: MeasurementMethod = .mask) -> Measurement {
        Measurement(subjectID: subjectID, lesionID: lesionID, visit: visit, state: .measured,
                    longAxis: longAxis.length, shortAxis: shortAxis.length, volume: meshVolume,
                    meanDensity: meanDensity, sulPeak: sulPeak, method: method, reader: reader,
                    provenance: provenance)
    }
}

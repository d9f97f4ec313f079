public import Foundation
public import NadirImaging
internal import NadirMeasurement
public import NadirModel
public import NadirSegmentation

/// Segmentation and measurement of one lesion on one scan: the shared core of `lesion add --seed/--mask`,
/// `measure` and `track`.
public enum LesionImaging {
    /// The result of segmenting and measuring one lesion.
    public struct Outcome: Sendable {
        /// The lesion's binary mask on the scan's grid.
        public var mask: Volume<UInt8>
        public var measurement: NadirModel.Measurement
        /// Physical endpoints (LPS mm) of the long and short axes, for overlays and DICOM SR.
        public var longAxisEndpoints: (SIMD3<Double>, SIMD3<Double>)
        public var shortAxisEndpoints: (SIMD3<Double>, SIMD3<Double>)
        /// The centroid of the mask (LPS mm).
        public var centroid: SIMD3<Double>
        /// Voxels in the mask.
        public var voxelCount: Int
    }

    /// The default seeded-segmentation preset for an organ ("LIVER" -> liver, nodes -> lymph node, ...).
    public static func preset(named name: String?, organ: String, isNodal: Bool) throws -> SegmentationPreset {
        if let name {
            let key = name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            let aliases: [String: SegmentationPreset] = [
                "liver": .liver, "lung": .lung, "node": .lymphNode, "lymph-node": .lymphNode, "lymphnode": .lymphNode,
                "bone": .bone, "brain": .brain, "soft-tissue": .softTissue, "soft": .softTissue,
            ]
            guard let preset = aliases[key] else {
                throw WorkflowError(.segmentation, "unknown preset '\(name)'; presets: liver, lung, node, bone, brain, soft-tissue")
            }
            return preset
        }
        let o = organ.uppercased()
        if isNodal || o.contains("NODE") { return .lymphNode }
        if o.contains("LIVER") || o.contains("HEPAT") { return .liver }
        if o.contains("LUNG") || o.contains("PULMON") { return .lung }
        if o.contains("BONE") { return .bone }
        if o.contains("BRAIN") { return .brain }
        return .softTissue
    }

    /// The scan as HU (Int16, rounded and clamped), which segmentation and density measurement use.
    public static func hounsfield(_ scan: AnyVolume) -> Volume<Int16> {
        if case .int16(let v) = scan { return v }
        return scan.float32().converted { value in
            guard value.isFinite else { return 0 }
            return Int16(max(-32768, min(32767, value.rounded())))
        }
    }

    /// Segments the lesion around `seed` (LPS mm) and measures it.
    public static func segmentAndMeasure(ct: Volume<Int16>, seed: SIMD3<Double>, preset: SegmentationPreset,
                                         subject: SubjectID, lesion: LesionID, visit: String, reader: String,
                                         imageHash: String, method: MeasurementMethod = .seed) throws -> Outcome {
        let result = try SeededSegmenter(preset: preset).segment(ct, seed: .physical(seed))
        let labels = try result.labelMap(on: ct.geometry, label: 1)
        return try measure(labels: labels, ct: ct, subject: subject, lesion: lesion, visit: visit, reader: reader,
                           imageHash: imageHash, method: method)
    }

    /// Measures label 1 of `labels` (on the scan's grid).
    public static func measure(labels: LabelMap, ct: Volume<Int16>, subject: SubjectID, lesion: LesionID, visit: String,
                               reader: String, imageHash: String, method: MeasurementMethod) throws -> Outcome {
        let mask = labels.mask(of: 1)
        let maskHash = ContentHashBridge.hex(.uint8(mask))
        let measured = try LesionMeasurer().measure(label: 1, in: labels, image: .computedTomography(ct),
                                                    imageHash: imageHash, maskHash: maskHash)
        let measurement = measured.measurement(subjectID: subject, lesionID: lesion, visit: visit, reader: reader,
                                               method: method)
        return Outcome(mask: mask, measurement: measurement,
                       longAxisEndpoints: (measured.longAxis.start, measured.longAxis.end),
                       shortAxisEndpoints: (measured.shortAxis.start, measured.shortAxis.end),
                       centroid: centroid(of: mask), voxelCount: measured.voxelCount)
    }

    /// The physical centroid of a binary mask.
    public static func centroid(of mask: Volume<UInt8>) -> SIMD3<Double> {
        let g = mask.geometry
        var sum = SIMD3<Double>.zero
        var count = 0
        mask.withUnsafeVoxels { voxels in
            var i = 0
            let n = voxels.count
            while i < n {
                if voxels[i] != 0 {
                    let x = i % g.size.x, y = (i / g.size.x) % g.size.y, z = i / (g.size.x * g.size.y)
                    sum += SIMD3<Double>(Double(x), Double(y), Double(z))
                    count &+= 1
                }
                i &+= 1
            }
        }
        guard count > 0 else { return g.origin }
        return g.physicalPoint(at: sum / Double(count))
    }

    /// The mesh of a lesion mask, as STL (binary) or OBJ text, in LPS mm.
    public static func mesh(of mask: Volume<UInt8>, ct: Volume<Int16>, format: String) throws -> Data {
        var labels = LabelMap(geometry: mask.geometry, repeating: 0)
        try labels.paste(mask, as: 1)
        let measured = try LesionMeasurer().measure(label: 1, in: labels, image: .computedTomography(ct))
        switch format.lowercased() {
        case "stl": return measured.mesh.stl()
        case "obj": return Data(measured.mesh.obj().utf8)
        default: throw WorkflowError(.unsupportedInput, "mesh format is stl or obj, not '\(format)'")
        }
    }
}


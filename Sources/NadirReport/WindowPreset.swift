/// A CT display window (centre and width in HU) and the organ presets snapshots use.
public struct WindowPreset: Hashable, Sendable, Codable {
    /// Name shown on the image ("SOFT TISSUE").
    public var name: String
    /// Window centre, HU (DICOM Window Center (0028,1050)).
    public var center: Double
    /// Window width, HU (DICOM Window Width (0028,1051)), at least 1.
    public var width: Double

    /// A window; widths below 1 HU become 1.
    public init(name: String, center: Double, width: Double) {
        self.name = name
        self.center = center
        self.width = max(1, width)
    }

    /// Abdominal soft tissue, W 400 / L 40.
    public static let softTissue = WindowPreset(name: "SOFT TISSUE", center: 40, width: 400)
    /// Lung parenchyma, W 1500 / L -600.
    public static let lung = WindowPreset(name: "LUNG", center: -600, width: 1500)
    /// Liver, W 150 / L 60 (narrow, for hypo- and hyper-dense metastases).
    public static let liver = WindowPreset(name: "LIVER", center: 60, width: 150)
    /// Bone, W 1800 / L 400.
    public static let bone = WindowPreset(name: "BONE", center: 400, width: 1800)
    /// Brain, W 80 / L 40.
    public static let brain = WindowPreset(name: "BRAIN", center: 40, width: 80)
    /// Mediastinum and lymph nodes, W 350 / L 50.
    public static let mediastinum = WindowPreset(name: "MEDIASTINUM", center: 50, width: 350)

    /// The preset for an organ or site as recorded on the lesion ("LUNG", "LIVER", "LYMPH NODE", ...);
    /// soft tissue when nothing matches.
    public static func forOrgan(_ organ: String) -> WindowPreset {
        let o = organ.uppercased()
        func has(_ words: String...) -> Bool { words.contains { o.contains($0) } }
        if has("LUNG", "PULMON", "PLEURA") { return .lung }
        if has("LIVER", "HEPAT") { return .liver }
        if has("BONE", "SPINE", "VERTEB", "RIB", "PELVI", "FEMUR", "SKULL") { return .bone }
        if has("BRAIN", "CEREBR", "CNS") { return .brain }
        if has("LYMPH", "NODE", "MEDIASTIN") { return .mediastinum }
        return .softTissue
    }

    /// The grey level (0-255) of a value by the DICOM linear VOI LUT function (PS3.3 C.11.2.1.2.1).
    @inlinable
    public func grey(_ value: Double) -> UInt8 {
        let c = center - 0.5, w = width - 1
        if value <= c - w / 2 { return 0 }
        if value > c + w / 2 { return 255 }
        guard w > 0 else { return 255 }
        let y = ((value - c) / w + 0.5) * 255
        return UInt8(max(0, min(255, y.rounded())))
    }
}

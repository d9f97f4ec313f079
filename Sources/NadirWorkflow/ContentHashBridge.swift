internal import NadirImageIO
internal import NadirImaging

/// Bridges to NadirImageIO's content hash without exposing that module in NadirWorkflow's public API.
enum ContentHashBridge {
    static func hex(_ volume: AnyVolume) -> String { volume.contentHash.hex }
}

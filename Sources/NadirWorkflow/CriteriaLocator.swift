public import Foundation
public import NadirCriteria

/// Finds the criteria files: an explicit folder, then `$NADIR_CRITERIA`, then `./Criteria`, then the
/// `Criteria/` folder of the source tree this build came from. Site folders are added after it.
public enum CriteriaLocator {
    /// The folder of the shipped criteria, or `nil` if none of the places has one.
    public static func shippedDirectory(explicit: String? = nil) -> URL? {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let env = ProcessInfo.processInfo.environment["NADIR_CRITERIA"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Criteria"))
        candidates.append(sourceTreeRoot.appendingPathComponent("Criteria"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent("recist-1.1.yaml").path,
                                                  isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// The repository root of the sources this module was built from.
    static var sourceTreeRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Loads the catalog: the shipped criteria, then each site folder (which may add criteria and cancer types).
    public static func catalog(explicit: String? = nil, siteDirectories: [String] = []) throws -> CriteriaCatalog {
        guard let shipped = shippedDirectory(explicit: explicit) else {
            throw WorkflowError(.missingCriteria,
                                "cannot find the Criteria folder (with recist-1.1.yaml); pass --criteria DIR or set NADIR_CRITERIA")
        }
        return try CriteriaCatalog(directories: [shipped] + siteDirectories.map { URL(fileURLWithPath: $0) })
    }
}

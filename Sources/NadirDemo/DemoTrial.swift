public import Foundation

/// The demo trial shipped with Nadir: six patients, several cancer types and criteria, three to four visits each.
///
/// DEMO-001 NSCLC responder (RECIST 1.1 PR, confirmed); DEMO-002 colorectal, progression by a new liver lesion;
/// DEMO-003 HCC (mRECIST); DEMO-004 melanoma on immunotherapy (iRECIST pseudo-progression, then response);
/// DEMO-005 DLBCL (Lugano, bidimensional nodes); DEMO-006 NSCLC at exactly -30 % (14.0 -> 9.8 mm).
public enum DemoTrial {
    /// The trial's identifier.
    public static let trialID = "NADIR-DEMO"

    /// The lesion-level CSV of the demo trial.
    public static func csv() throws -> Data {
        guard let url = Bundle.module.url(forResource: "demo-trial", withExtension: "csv") else {
            throw DemoError(message: "the demo data (demo-trial.csv) is missing from the Nadir build; rebuild with `swift build`")
        }
        return try Data(contentsOf: url)
    }
}

/// An error while running the demo.
public struct DemoError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

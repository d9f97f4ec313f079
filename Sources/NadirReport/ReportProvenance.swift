public import Foundation
import NadirModel

/// What every page states about how it was made (issue #11; 21 CFR Part 11 reviewers ask for it): when it was
/// generated, by which software, under which criteria version, with data up to which scan, whose read it shows
/// and whether that read is signed.
public enum ReportProvenance {
    /// The software named on every page (keep equal to `nadir --version`).
    public static let software = "Nadir 0.1.0"

    /// `2026-12-05T15:30:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The provenance line of a patient page.
    public static func line(_ data: PatientReportData, generatedAt: String?) -> String {
        var parts: [String] = []
        if let generatedAt { parts.append("generated \(generatedAt)") }
        parts.append(software)
        parts.append("criteria \(data.criteria.name) (\(data.criteria.id.rawValue)) version \(data.criteria.version)")
        if let cutoff = data.sortedTimepoints.last?.date { parts.append("data cut-off \(cutoff.iso8601) (latest scan)") }
        let readers = data.reads.map(\.reader)
        if let accepted = data.acceptedReader {
            parts.append(readers.count > 1 ? "reader \(accepted) (adjudicated)" : "reader \(accepted)")
        } else if !readers.isEmpty {
            parts.append("readers \(readers.joined(separator: ", ")) (not adjudicated)")
        }
        parts.append("sign-off: \(data.signOff ?? "not signed")")
        return parts.joined(separator: " · ")
    }
}

public import Foundation
public import NadirModel

/// Writes a trial's whole report folder:
/// `index.html`, `patients/<subject>/report.html|report.md|trend.svg`, `charts/waterfall|spider|swimmer.svg`,
/// `exports/lesions.csv|timepoints.csv|best-overall-response.csv`, `exports/sdtm/tu|tr|rs.csv`.
public enum ReportWriter {
    /// The folder name of a subject: letters, digits, `.`, `-` and `_` kept, anything else `_`.
    public static func folderName(for subject: SubjectID) -> String {
        var name = ""
        for scalar in subject.rawValue.unicodeScalars {
            let keep = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "." || scalar == "-" || scalar == "_"
            name.unicodeScalars.append(keep ? scalar : "_")
        }
        if name.isEmpty || name == "." || name == ".." { name = "_" + name }
        return name
    }

    /// Writes everything under `folder` (created if needed); existing files of the same names are replaced.
    public static func write(trial: TrialReportData, to folder: URL) throws(ReportError) {
        var names: [String: SubjectID] = [:]
        for p in trial.patients {
            let name = folderName(for: p.patient.subjectID)
            if let other = names[name] {
                throw ReportError(.duplicateSubject, "subjects '\(other.rawValue)' and '\(p.patient.subjectID.rawValue)' "
                    + "map to the same report folder '\(name)'; make subject IDs unique",
                    subject: p.patient.subjectID.rawValue)
            }
            names[name] = p.patient.subjectID
        }
        let patientsDir = folder.appendingPathComponent("patients", isDirectory: true)
        let chartsDir = folder.appendingPathComponent("charts", isDirectory: true)
        let exportsDir = folder.appendingPathComponent("exports", isDirectory: true)
        let sdtmDir = exportsDir.appendingPathComponent("sdtm", isDirectory: true)
        for dir in [folder, patientsDir, chartsDir, exportsDir, sdtmDir] { try makeDirectory(dir) }

        try writePatients(trial.patients, to: patientsDir, generatedAt: trial.generatedAt)

        let charts = (WaterfallChart(trial: trial).svg(), SpiderChart(trial: trial).svg(), SwimmerChart(trial: trial).svg())
        try write(charts.0, to: chartsDir.appendingPathComponent("waterfall.svg"))
        try write(charts.1, to: chartsDir.appendingPathComponent("spider.svg"))
        try write(charts.2, to: chartsDir.appendingPathComponent("swimmer.svg"))
        let index = TrialIndexPage.render(trial: trial, charts: charts) {
            "patients/\(folderName(for: $0.patient.subjectID))/report.html"
        }
        try write(index, to: folder.appendingPathComponent("index.html"))
        try write(CSVExporter.lesions(trial), to: exportsDir.appendingPathComponent("lesions.csv"))
        try write(CSVExporter.timepoints(trial), to: exportsDir.appendingPathComponent("timepoints.csv"))
        try write(CSVExporter.bestResponses(trial), to: exportsDir.appendingPathComponent("best-overall-response.csv"))
        try write(SDTMExporter.tu(trial), to: sdtmDir.appendingPathComponent("tu.csv"))
        try write(SDTMExporter.tr(trial), to: sdtmDir.appendingPathComponent("tr.csv"))
        try write(SDTMExporter.rs(trial), to: sdtmDir.appendingPathComponent("rs.csv"))
    }

    /// Each patient's folder, split across the cores (each patient's files are independent).
    static func writePatients(_ patients: [PatientReportData], to dir: URL, generatedAt: String?) throws(ReportError) {
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: patients.count) { i in
            let p = patients[i]
            let patientDir = dir.appendingPathComponent(folderName(for: p.patient.subjectID), isDirectory: true)
            do {
                try makeDirectory(patientDir)
                try write(HTMLReport.render(patient: p, indexLink: "../../index.html", generatedAt: generatedAt),
                          to: patientDir.appendingPathComponent("report.html"))
                try write(PatientTable.markdownDocument(p),
                          to: patientDir.appendingPathComponent("report.md"))
                try write(TrendChart(data: p).svg(), to: patientDir.appendingPathComponent("trend.svg"))
            } catch let error as ReportError {
                errors.record(error)
            } catch {
                errors.record(ReportError(.writeFailed, "\(error)", subject: p.patient.subjectID.rawValue))
            }
        }
        if let first = errors.first { throw first }
    }

    static func makeDirectory(_ url: URL) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.writeFailed, "cannot create the folder: \(error)", path: url.path)
        }
    }

    static func write(_ text: String, to url: URL) throws(ReportError) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReportError(.writeFailed, "cannot write the file: \(error)", path: url.path)
        }
    }
}

/// Collects the first error thrown by concurrent workers.
private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: ReportError?

    func record(_ e: ReportError) {
        lock.lock()
        if error == nil { error = e }
        lock.unlock()
    }

    var first: ReportError? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}

import Foundation
@testable import NadirReport
import Testing

/// The whole demo report: written to a temporary folder (or to `$NADIR_REPORT_DEMO_DIR`, which
/// scripts/check-report-html.sh then opens in headless Chromium) and checked file by file.
@Suite struct DemoReportTests {
    @Test func demoReportIsCompleteAndEveryEmbeddedImageDecodes() throws {
        let env = ProcessInfo.processInfo.environment["NADIR_REPORT_DEMO_DIR"]
        // Small images keep the debug-build test quick; the demo for people gets full-size ones.
        let size = env == nil ? 96 : 192
        let trial = try DemoTrial.make(imageSize: size)
        let dir = env.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("nadir-demo-\(UUID().uuidString)")
        defer { if env == nil { try? FileManager.default.removeItem(at: dir) } }
        try ReportWriter.write(trial: trial, to: dir)
        let page = try String(contentsOf: dir.appendingPathComponent("patients/SUBJ-001/report.html"), encoding: .utf8)
        let images = page.components(separatedBy: "data:image/png;base64,").dropFirst()
        // 2 lesions x 4 timepoints x 4 views.
        #expect(images.count == 32)
        for part in images {
            let png = try #require(Data(base64Encoded: String(part.prefix { $0 != "\"" })))
            let decoded = try TestPNGReader.decode(png)
            #expect(decoded.width == size && decoded.height == size && decoded.colorType == 2)
        }
        #expect(page.contains("Snapshot gallery"))
        let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.components(separatedBy: "report.html\"").count - 1 == 6)
    }
}

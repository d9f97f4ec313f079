import Foundation
import NadirImaging
import NadirModel
@testable import NadirReport
import Testing

/// The patient page: self-contained (no fetches), escaped, printable, and showing every required section's values.
@Suite struct HTMLReportTests {
    static func html(_ data: PatientReportData = SamplePatients.responder()) -> String {
        HTMLReport.render(patient: data, indexLink: "../../index.html")
    }

    @Test func pageNeedsNoNetwork() {
        let page = Self.html()
        // Only the SVG namespace URI may contain "http" (a name, never fetched); no src/href/url() to any host.
        let withoutNamespace = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http:"))
        #expect(!withoutNamespace.contains("https:"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("url("))
        #expect(page.contains("default-src 'none'"))
    }

    @Test func hostileTextIsEscaped() {
        let page = Self.html(SamplePatients.responder(subject: "S<1>&\"x\"", organ: "<script>alert(1)</script>"))
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("S&lt;1&gt;&amp;&quot;x&quot;"))
    }

    @Test func showsCriteriaResponsesTraceReadersAndPrintStyles() {
        let page = Self.html()
        // The engine's own trace and policies (Criteria/recist-1.1.yaml), as the report prints them.
        for needle in ["RECIST 1.1", "Eur J Cancer 2009;45(2):228-247", "confirmationMinimumDays", "28",
                       "-30.0 %", "-53.6 %", "+35.4 %", "70.0 mm", "too small (5 mm)", "SA 9.5",
                       "49.0 mm vs baseline 70.0 mm: -30.0 %; decrease &gt;= 30.0 % → <b>met</b>",
                       "WEEK 6 confirmed by WEEK 12 (&gt;= 28 d) → <b>PR</b>",
                       "confirmed; first met at WEEK 6; confirmed at WEEK 12", "INDEPENDENT ASSESSOR",
                       "@media print", "@page", "<svg", "class=\"pd-band\""] {
            #expect(page.contains(needle), "missing \(needle)")
        }
    }

    @Test func galleryEmbedsDecodablePNGs() throws {
        var data = SamplePatients.responder()
        let geometry = ImageGeometry(size: [24, 24, 8], origin: [-12, -12, -8], spacing: [1, 1, 2])
        var ct = Volume<Int16>(geometry: geometry, repeating: 0)
        var mask = Volume<UInt8>(geometry: geometry, repeating: 0)
        for z in 2..<6 { for y in 8..<16 { for x in 8..<16 { ct[x, y, z] = 100; mask[x, y, z] = 1 } } }
        let request = SnapshotRequest(lesionID: "T01", visit: "BASELINE", organ: "LIVER", label: 1)
        data.gallery = [try SnapshotRenderer(imageSize: 64).render(ct: ct, mask: mask, request: request)]
        let page = Self.html(data)
        let marker = "data:image/png;base64,"
        let parts = page.components(separatedBy: marker).dropFirst()
        #expect(parts.count == 4)
        for part in parts {
            let base64 = String(part.prefix { $0 != "\"" })
            let png = try #require(Data(base64Encoded: base64))
            let decoded = try TestPNGReader.decode(png)
            #expect(decoded.width == 64 && decoded.height == 64)
        }
    }

    @Test func markdownTableListsLesionsByTimepoint() {
        let table = PatientTable.make(SamplePatients.responder(), reader: "RADIOLOGIST 1")
        #expect(table.headers == ["Lesion", "Role", "Organ", "BASELINE (2025-01-06)", "WEEK 6 (2025-02-17)",
                                  "WEEK 12 (2025-03-31)", "WEEK 18 (2025-05-12)"])
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0) })
        #expect(rows["T01"]?[3] == "LA 30.0 · SA 21.0 · V 9000.0")
        #expect(rows["T03"]?[5] == "too small (5 mm)")
        #expect(rows["Sum"]?[4] == "49.0 mm")
        #expect(rows["Change from baseline"]?[4] == "-30.0 %")
        #expect(rows["Change from nadir"]?[6] == "+35.4 %")
        #expect(rows["Overall response"]?[6] == "PD")
        #expect(rows["New lesions"]?[6] == "yes")
    }
}

import Foundation
import NadirImaging
import NadirModel
@testable import NadirReport

/// A small demo trial with a snapshot gallery rendered from an analytic CT phantom: a body ellipse, two lungs,
/// a liver, a vertebra, a liver lesion (T01) and a lung lesion (T03) whose radii follow SUBJ-001's long axes.
enum DemoTrial {
    static let geometry = ImageGeometry(size: [112, 112, 28], origin: [-168, -168, -81], spacing: [3, 3, 6])

    /// CT (HU) and lesion mask (1 = T01, 2 = T03) with the lesions at the given radii (mm; 0 = gone).
    static func phantom(t01Radius: Double, t03Radius: Double) -> (Volume<Int16>, Volume<UInt8>) {
        var ct = Volume<Int16>(geometry: geometry, repeating: -1000)
        var mask = Volume<UInt8>(geometry: geometry, repeating: 0)
        let t01 = SIMD3<Double>(-60, 10, -36), t03 = SIMD3<Double>(75, -20, 24)
        func inEllipse(_ p: SIMD3<Double>, _ cx: Double, _ cy: Double, _ a: Double, _ b: Double) -> Bool {
            let dx = (p.x - cx) / a, dy = (p.y - cy) / b
            return dx * dx + dy * dy <= 1
        }
        let s = geometry.size
        for z in 0..<s.z {
            for y in 0..<s.y {
                for x in 0..<s.x {
                    let p = geometry.physicalPoint(at: SIMD3<Int>(x, y, z))
                    var hu: Int16 = -1000
                    var label: UInt8 = 0
                    if inEllipse(p, 0, 0, 150, 105) {
                        hu = 35
                        // Lungs above the dome of the liver (z > 0) on the patient's right (-x), always on the left.
                        if inEllipse(p, 72, -15, 48, 62) || (p.z > 0 && inEllipse(p, -72, -15, 45, 58)) { hu = -850 }
                        if p.z <= 0, inEllipse(p, -62, 12, 62, 55) { hu = 65 }
                        if inEllipse(p, 0, 78, 17, 17) { hu = 650 }
                        if norm(p - t01) <= t01Radius { hu = 15; label = 1 }
                        if norm(p - t03) <= t03Radius { hu = 30; label = 2 }
                    }
                    ct[x, y, z] = hu
                    mask[x, y, z] = label
                }
            }
        }
        return (ct, mask)
    }

    /// Patient SUBJ-001 with its gallery, plus five variants without galleries for the cohort charts.
    static func make(imageSize: Int = 192) throws -> TrialReportData {
        var first = SamplePatients.responder()
        let t01Center = SIMD3<Double>(-60, 10, -36), t03Center = SIMD3<Double>(75, -20, 24)
        let radii: [(String, Double, Double)] = [("BASELINE", 15, 10), ("WEEK 6", 10, 7.5), ("WEEK 12", 9, 2.5),
                                                 ("WEEK 18", 12, 4)]
        let renderer = SnapshotRenderer(imageSize: imageSize)
        for (visit, r1, r3) in radii {
            let (ct, mask) = phantom(t01Radius: r1, t03Radius: r3)
            let t01 = SnapshotRequest(lesionID: "T01", visit: visit, organ: "LIVER", label: 1,
                                      longAxis: AxisSegment(start: t01Center - [r1, 0, 0], end: t01Center + [r1, 0, 0]),
                                      shortAxis: AxisSegment(start: t01Center - [0, r1 * 0.7, 0],
                                                             end: t01Center + [0, r1 * 0.7, 0]))
            let t03 = SnapshotRequest(lesionID: "T03", visit: visit, organ: "LUNG", label: 2,
                                      longAxis: AxisSegment(start: t03Center - [r3 * 0.7, r3 * 0.7, 0],
                                                            end: t03Center + [r3 * 0.7, r3 * 0.7, 0]))
            first.gallery.append(try renderer.render(ct: ct, mask: mask, request: t01))
            first.gallery.append(try renderer.render(ct: ct, mask: mask, request: t03))
        }
        var patients = [first]
        // Five more trajectories (percent of the baseline sum at WEEK 6, 12, 18) for the cohort charts.
        let trajectories: [[Int64]] = [[105, 110, 125], [95, 95, 95], [60, 60, 60], [125, 125, 125], [40, 30, 30]]
        for (i, percents) in trajectories.enumerated() {
            patients.append(SamplePatients.scaled(subject: "SUBJ-00\(i + 2)", percents: percents))
        }
        return TrialReportData(trial: SamplePatients.trial, patients: patients)
    }
}

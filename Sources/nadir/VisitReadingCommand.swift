import ArgumentParser
import NadirModel
import NadirStore

/// `nadir timepoint reading`: whole-scan readings of one visit by one reader.
struct VisitReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading",
        abstract: "Record a visit's Deauville score (Lugano PET) and/or new bone-scan lesions (PCWG3) for a reader.",
        discussion: """
            --deauville 1-5 or X (Barrington 2014); --uptake-change reduced, unchanged or increased for residual
            uptake with a score of 4 or 5 (Lugano 2014 Table 3); --bone-new-lesions counts new lesions on the bone
            scan against the baseline bone scan (PCWG3 2+2 rule; not RECIST new lesions). A different reading
            already recorded for the reader is corrected only with --reason.
            """)

    @OptionGroup var options: GlobalOptions
    @Argument(help: "The trial subject ID.") var subject: SubjectID
    @Argument(help: "The visit label.") var visit: String
    @Option(help: "Deauville score: 1, 2, 3, 4, 5 or X.") var deauville: String?
    @Option(help: "Uptake of residual disease vs baseline: reduced, unchanged, increased.") var uptakeChange: String?
    @Option(help: "New bone-scan lesions compared with the baseline bone scan.") var boneNewLesions: Int?
    @Option(help: "Who read the scan (default: the user).") var reader: String?
    @Option(help: "Why a recorded reading is being corrected.") var reason: String?

    func run() throws {
        try runReporting {
            let value = VisitReading(subjectID: subject, visit: visit, reader: reader ?? options.actingUser,
                                     deauville: deauville?.uppercased(), uptakeChange: uptakeChange?.lowercased(),
                                     boneNewLesions: boneNewLesions, provenance: Provenance(source: "typed"))
            let outcome = try options.openDatabase().write(as: options.context(reason ?? "timepoint reading \(subject) \(visit)")) {
                try $0.record(value, isCorrection: reason != nil)
            }
            try Output.emit(["outcome": outcome.rawValue], json: options.json) { "\(outcome.rawValue): reading of \(subject) at \(visit)" }
        }
    }
}

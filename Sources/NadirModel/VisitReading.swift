/// One reader's whole-scan readings at a visit: rule inputs that belong to the scan rather than to one lesion.
public struct VisitReading: Hashable, Sendable, Codable {
    public var subjectID: SubjectID
    public var visit: String
    public var reader: String
    /// Deauville five-point score of the PET scan, "1" to "5" or "X" (Barrington 2014; Lugano 2014 Table 3).
    public var deauville: String?
    /// FDG uptake of residual disease compared with baseline: "reduced", "unchanged" or "increased"
    /// (Lugano 2014 Table 3: PMR / NMR / PMD with a score of 4 or 5).
    public var uptakeChange: String?
    /// New lesions on the bone scan compared with the baseline bone scan (PCWG3, Scher 2016: the 2+2 rule).
    /// Counted apart from RECIST new lesions: a new bone-scan lesion is not a RECIST new lesion.
    public var boneNewLesions: Int?
    public var provenance: Provenance

    public init(subjectID: SubjectID, visit: String, reader: String, deauville: String? = nil,
                uptakeChange: String? = nil, boneNewLesions: Int? = nil, provenance: Provenance = Provenance()) {
        self.subjectID = subjectID
        self.visit = visit
        self.reader = reader
        self.deauville = deauville
        self.uptakeChange = uptakeChange
        self.boneNewLesions = boneNewLesions
        self.provenance = provenance
    }

    /// The Deauville scores.
    public static let deauvilleScores: Set<String> = ["1", "2", "3", "4", "5", "X"]
    /// The uptake changes.
    public static let uptakeChanges: Set<String> = ["reduced", "unchanged", "increased"]

    /// Whether the reading says anything.
    public var isEmpty: Bool { deauville == nil && uptakeChange == nil && boneNewLesions == nil }

    /// Checks each value against its scale.
    public func validate() throws(ValidationError) {
        func fail(_ message: String) -> ValidationError {
            ValidationError(.invalidReading, subject: subjectID, visit: visit, message)
        }
        if let deauville, !Self.deauvilleScores.contains(deauville) {
            throw fail("Deauville score '\(deauville)' is not 1, 2, 3, 4, 5 or X")
        }
        if let uptakeChange, !Self.uptakeChanges.contains(uptakeChange) {
            throw fail("uptake change '\(uptakeChange)' is not reduced, unchanged or increased")
        }
        if uptakeChange != nil, deauville == nil {
            throw fail("an uptake change describes residual uptake on PET; give the Deauville score too")
        }
        if let boneNewLesions, !(0...1000).contains(boneNewLesions) {
            throw fail("new bone-scan lesions \(boneNewLesions) is not a count from 0 to 1000")
        }
        if isEmpty { throw fail("the reading is empty; give a Deauville score or a count of new bone-scan lesions") }
    }
}

internal import NadirModel

/// Accumulates rows and checks them against each other: one date per visit, one description per lesion,
/// one record per lesion, visit and reader, targets chosen at baseline, new lesions only after it.
struct LesionImportPlanBuilder {
    var fileName: String
    var defaultTrial: TrialID?
    var defaultReader: String

    private struct PatientFacts {
        var row: Int
        var trial: TrialID
        var cancerType: String?
        var criteria: CriteriaID?
        var treatmentStart: CalendarDate?
        var radiotherapyEnd: CalendarDate?
    }

    private struct VisitFacts {
        var row: Int
        var date: CalendarDate
        var sliceThickness: Length?
    }

    private struct LesionFacts {
        var row: Int
        var lesion: Lesion
        var firstDate: CalendarDate
        var firstVisit: String
        var firstRole: LesionRole
    }

    private var patients: [SubjectID: PatientFacts] = [:]
    private var patientOrder: [SubjectID] = []
    private var visits: [SubjectID: [String: VisitFacts]] = [:]
    private var lesions: [LesionKey: LesionFacts] = [:]
    private var lesionOrder: [LesionKey] = []
    private var seen: [String: Int] = [:]
    private var measurements: [LesionImportPlan.Sourced<Measurement>] = []
    private var statuses: [LesionImportPlan.Sourced<LesionStatus>] = []
    private var readings: [String: LesionImportPlan.Sourced<VisitReading>] = [:]
    private var readingOrder: [String] = []
    private var rowDates: [(row: Int, subject: SubjectID, role: LesionRole, key: LesionKey, date: CalendarDate)] = []

    init(fileName: String, defaultTrial: TrialID?, defaultReader: String) {
        self.fileName = fileName
        self.defaultTrial = defaultTrial
        self.defaultReader = defaultReader
    }

    private func inconsistent(_ row: Int, _ column: String, _ message: String) -> ImportError {
        ImportError(.inconsistentRows, file: fileName, row: row, column: column, message)
    }

    mutating func add(_ row: LesionCSVRow) throws(ImportError) {
        guard let trial = row.trial ?? defaultTrial else {
            throw ImportError(.missingValue, file: fileName, row: row.row, column: "trial",
                              "no trial for subject \(row.subject): add a trial column or pass --trial")
        }
        try addPatient(row, trial: trial)
        try addVisit(row)
        try addLesion(row)
        let reader = row.reader ?? defaultReader
        let key = "\(row.subject.rawValue)\u{1F}\(row.lesion.rawValue)\u{1F}\(row.visit)\u{1F}\(reader)"
        if let first = seen[key] {
            throw ImportError(.duplicateRow, file: fileName, row: row.row, column: "lesion",
                              "lesion \(row.lesion) of \(row.subject) at \(row.visit) (reader \(reader)) is already on row \(first); each lesion appears once per visit and reader")
        }
        seen[key] = row.row
        let provenance = Provenance(source: "import \(fileName) row \(row.row)")
        try addReading(row, reader: reader, provenance: provenance)
        switch row.observation {
        case .measurement(let state, let longAxis, let shortAxis, let volume):
            measurements.append(.init(row: row.row, value: Measurement(
                subjectID: row.subject, lesionID: row.lesion, visit: row.visit, state: state, longAxis: longAxis,
                shortAxis: shortAxis, volume: volume, meanDensity: row.meanDensity, sulPeak: row.sulPeak, method: .manual,
                reader: reader, provenance: provenance)))
        case .status(let status):
            statuses.append(.init(row: row.row, value: LesionStatus(
                subjectID: row.subject, lesionID: row.lesion, visit: row.visit, status: status, reader: reader,
                provenance: provenance)))
        }
        rowDates.append((row.row, row.subject, row.role, LesionKey(subject: row.subject, lesion: row.lesion), row.date))
    }

    /// The visit's whole-scan reading: the same values on every row of the visit and reader that gives them.
    private mutating func addReading(_ row: LesionCSVRow, reader: String, provenance: Provenance) throws(ImportError) {
        guard row.deauville != nil || row.uptakeChange != nil || row.boneNewLesions != nil else { return }
        let key = "\(row.subject.rawValue)\u{1F}\(row.visit)\u{1F}\(reader)"
        guard var known = readings[key] else {
            let value = VisitReading(subjectID: row.subject, visit: row.visit, reader: reader, deauville: row.deauville,
                                     uptakeChange: row.uptakeChange, boneNewLesions: row.boneNewLesions, provenance: provenance)
            readings[key] = .init(row: row.row, value: value)
            readingOrder.append(key)
            return
        }
        func merge<T: Equatable>(_ current: inout T?, _ new: T?, _ column: String) throws(ImportError) {
            guard let new else { return }
            if let current, current != new {
                throw inconsistent(row.row, column, "visit \(row.visit) of \(row.subject) (reader \(reader)) has \(column) \(current) on row \(known.row), \(new) here; a whole-scan reading is one value per visit")
            }
            current = new
        }
        try merge(&known.value.deauville, row.deauville, "deauville")
        try merge(&known.value.uptakeChange, row.uptakeChange, "uptake_change")
        try merge(&known.value.boneNewLesions, row.boneNewLesions, "bone_new_lesions")
        readings[key] = known
    }

    private mutating func addPatient(_ row: LesionCSVRow, trial: TrialID) throws(ImportError) {
        guard var facts = patients[row.subject] else {
            patients[row.subject] = PatientFacts(row: row.row, trial: trial, cancerType: row.cancerType, criteria: row.criteria,
                                                 treatmentStart: row.treatmentStart, radiotherapyEnd: row.radiotherapyEnd)
            patientOrder.append(row.subject)
            return
        }
        if facts.trial != trial {
            throw inconsistent(row.row, "trial", "subject \(row.subject) is on trial \(facts.trial) on row \(facts.row), \(trial) here")
        }
        if let type = row.cancerType {
            if let known = facts.cancerType, known != type {
                throw inconsistent(row.row, "cancer_type", "subject \(row.subject) has cancer type \(known) on another row, \(type) here")
            }
            facts.cancerType = type
        }
        if let criteria = row.criteria {
            if let known = facts.criteria, known != criteria {
                throw inconsistent(row.row, "criteria", "subject \(row.subject) has criteria \(known) on another row, \(criteria) here")
            }
            facts.criteria = criteria
        }
        if let date = row.treatmentStart {
            if let known = facts.treatmentStart, known != date {
                throw inconsistent(row.row, "treatment_start", "subject \(row.subject) has treatment start \(known) on another row, \(date) here")
            }
            facts.treatmentStart = date
        }
        if let date = row.radiotherapyEnd {
            if let known = facts.radiotherapyEnd, known != date {
                throw inconsistent(row.row, "radiotherapy_end", "subject \(row.subject) has radiotherapy end \(known) on another row, \(date) here")
            }
            facts.radiotherapyEnd = date
        }
        patients[row.subject] = facts
    }

    private mutating func addVisit(_ row: LesionCSVRow) throws(ImportError) {
        guard let facts = visits[row.subject, default: [:]][row.visit] else {
            visits[row.subject, default: [:]][row.visit] = VisitFacts(row: row.row, date: row.date, sliceThickness: row.sliceThickness)
            return
        }
        if facts.date != row.date {
            throw inconsistent(row.row, "date", "visit \(row.visit) of \(row.subject) is dated \(facts.date) on row \(facts.row), \(row.date) here")
        }
        if let thickness = row.sliceThickness, let known = facts.sliceThickness, thickness != known {
            throw inconsistent(row.row, "slice_thickness_mm", "visit \(row.visit) has slice thickness \(known) on row \(facts.row), \(thickness) here")
        }
        if facts.sliceThickness == nil, let thickness = row.sliceThickness {
            visits[row.subject, default: [:]][row.visit]?.sliceThickness = thickness
        }
    }

    private mutating func addLesion(_ row: LesionCSVRow) throws(ImportError) {
        let key = LesionKey(subject: row.subject, lesion: row.lesion)
        guard var facts = lesions[key] else {
            let lesion = Lesion(subjectID: row.subject, id: row.lesion, trackingUID: GeneratedUID.make(), role: row.role,
                                organ: row.organ, isNodal: row.isNodal, parents: row.parents, relation: row.relation,
                                firstVisit: row.visit)
            lesions[key] = LesionFacts(row: row.row, lesion: lesion, firstDate: row.date, firstVisit: row.visit, firstRole: row.role)
            lesionOrder.append(key)
            return
        }
        let known = facts.lesion
        if known.role != row.role {
            throw inconsistent(row.row, "role", "lesion \(row.lesion) of \(row.subject) is \(known.role.rawValue) on row \(facts.row), \(row.role.rawValue) here")
        }
        if known.organ != row.organ {
            throw inconsistent(row.row, "organ", "lesion \(row.lesion) of \(row.subject) is in \(known.organ) on row \(facts.row), \(row.organ) here")
        }
        if known.isNodal != row.isNodal {
            throw inconsistent(row.row, "nodal", "lesion \(row.lesion) of \(row.subject) has a different nodal flag on row \(facts.row)")
        }
        if !row.parents.isEmpty, row.parents != known.parents || row.relation != known.relation {
            throw inconsistent(row.row, "parents", "lesion \(row.lesion) of \(row.subject) has other parents on row \(facts.row)")
        }
        if row.date < facts.firstDate {
            facts.firstDate = row.date
            facts.firstVisit = row.visit
            facts.lesion.firstVisit = row.visit
        }
        lesions[key] = facts
    }

    func finish() throws(ImportError) -> LesionImportPlan {
        // The baseline of each subject in this file: its earliest visit (the store keeps an existing baseline).
        var baselineDate: [SubjectID: (date: CalendarDate, visit: String)] = [:]
        for (subject, byVisit) in visits {
            let sorted = byVisit.sorted { ($0.value.date, $0.key) < ($1.value.date, $1.key) }
            guard let first = sorted.first else { continue }
            if sorted.count > 1, sorted[1].value.date == first.value.date {
                throw ImportError(.inconsistentRows, file: fileName, row: sorted[1].value.row, column: "date",
                                  "subject \(subject) has two visits on its earliest date (\(first.key), \(sorted[1].key)); the baseline must be one visit")
            }
            baselineDate[subject] = (first.value.date, first.key)
        }
        for entry in rowDates {
            guard let baseline = baselineDate[entry.subject] else { continue }
            if entry.role == .new, entry.date == baseline.date {
                throw ImportError(.invalidValue, file: fileName, row: entry.row, column: "role",
                                  "lesion \(entry.key.lesion) is new at the baseline visit \(baseline.visit); lesions seen at baseline are target or non-target")
            }
            if entry.role == .target, let facts = lesions[entry.key], facts.lesion.relation == nil,
               facts.firstDate != baseline.date {
                throw ImportError(.invalidValue, file: fileName, row: facts.row, column: "role",
                                  "target lesion \(entry.key.lesion) first appears at \(facts.firstVisit), after baseline \(baseline.visit); targets are chosen at baseline (RECIST 1.1 §4.2), a later lesion is new")
            }
        }
        for key in readingOrder {
            guard let item = readings[key] else { continue }
            do { try item.value.validate() } catch {
                throw ImportError(.invalidValue, file: fileName, row: item.row, column: "uptake_change", error.message)
            }
        }
        typealias Sourced = LesionImportPlan.Sourced
        var trials: [TrialID: Sourced<Trial>] = [:]
        var patientItems: [Sourced<Patient>] = []
        for subject in patientOrder {
            guard let facts = patients[subject] else { continue }
            if trials[facts.trial] == nil {
                trials[facts.trial] = Sourced(row: facts.row, value: Trial(
                    id: facts.trial, protocolName: facts.trial.rawValue, defaultCriteria: facts.criteria ?? .recist11))
            }
            patientItems.append(Sourced(row: facts.row, value: Patient(
                subjectID: subject, trialID: facts.trial, cancerType: facts.cancerType, criteria: facts.criteria,
                treatmentStart: facts.treatmentStart, radiotherapyEnd: facts.radiotherapyEnd)))
        }
        var timepointItems: [Sourced<TimePoint>] = []
        for subject in patientOrder {
            let sorted = (visits[subject] ?? [:]).sorted { ($0.value.date, $0.key) < ($1.value.date, $1.key) }
            for (visit, facts) in sorted {
                timepointItems.append(Sourced(row: facts.row, value: TimePoint(
                    subjectID: subject, visit: visit, date: facts.date, sliceThickness: facts.sliceThickness)))
            }
        }
        // Parents first: original lesions, then split fragments and merged lesions.
        let lesionItems = lesionOrder.compactMap { lesions[$0] }
            .sorted { ($0.lesion.parents.isEmpty ? 0 : 1, $0.row) < ($1.lesion.parents.isEmpty ? 0 : 1, $1.row) }
            .map { Sourced(row: $0.row, value: $0.lesion) }
        return LesionImportPlan(fileName: fileName, trials: trials.values.sorted { $0.row < $1.row }, patients: patientItems,
                                timepoints: timepointItems, lesions: lesionItems, measurements: measurements,
                                statuses: statuses, readings: readingOrder.compactMap { readings[$0] })
    }
}

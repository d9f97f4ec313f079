public import NadirModel
public import NadirStore

/// Turns parsed CSV rows into an import plan (cross-row checks) and applies it inside one user action.
public struct LesionImporter: Sendable {
    public var fileName: String
    /// The trial for rows without a `trial` column or value.
    public var defaultTrial: TrialID?
    /// The reader for rows without a `reader` column or value.
    public var defaultReader: String

    public init(fileName: String, defaultTrial: TrialID?, defaultReader: String) {
        self.fileName = fileName
        self.defaultTrial = defaultTrial
        self.defaultReader = defaultReader
    }

    /// Checks the rows against each other and builds the plan. Throws on the first problem, naming its row.
    public func plan(_ rows: [LesionCSVRow]) throws(ImportError) -> LesionImportPlan {
        var builder = LesionImportPlanBuilder(fileName: fileName, defaultTrial: defaultTrial, defaultReader: defaultReader)
        for row in rows { try builder.add(row) }
        return try builder.finish()
    }

    /// Applies a plan inside an open write transaction. Values already stored identically are left alone; a
    /// different stored value is a conflict (corrections go through `nadir measure record --reason`).
    /// On any error the caller's transaction rolls back: the database is unchanged.
    public func apply(_ plan: LesionImportPlan, to writer: CaseWriter) throws(ImportError) -> ImportSummary {
        var summary = ImportSummary(file: fileName, rows: plan.measurements.count + plan.statuses.count)
        var currentRow: Int?
        do {
            let reader = writer.reader
            for item in plan.trials {
                currentRow = item.row
                if try reader.trial(item.value.id) == nil {
                    try writer.addTrial(item.value)
                    summary.trialsAdded += 1
                }
            }
            for item in plan.patients {
                currentRow = item.row
                if let stored = try reader.patient(item.value.subjectID) {
                    if stored.trialID != item.value.trialID {
                        throw conflict(item.row, "subject \(stored.subjectID) is already on trial \(stored.trialID), not \(item.value.trialID)")
                    }
                    // Dates the stored patient lacks are added; a different stored date is a conflict.
                    if item.value.treatmentStart != nil || item.value.radiotherapyEnd != nil {
                        _ = try writer.setDates(subject: stored.subjectID, treatmentStart: item.value.treatmentStart,
                                                radiotherapyEnd: item.value.radiotherapyEnd)
                    }
                } else {
                    try writer.addPatient(item.value)
                    summary.patientsAdded += 1
                }
            }
            for item in plan.timepoints {
                currentRow = item.row
                let existing = try reader.timepoints(item.value.subjectID).first { $0.visit == item.value.visit }
                if let existing {
                    if existing.date != item.value.date {
                        throw conflict(item.row, "visit \(existing.visit) of \(existing.subjectID) is stored with date \(existing.date), the file says \(item.value.date)")
                    }
                } else {
                    try writer.addTimePoint(item.value)
                    summary.timepointsAdded += 1
                }
            }
            let storedLesions = Dictionary(grouping: try plan.patients.flatMap { try reader.lesions($0.value.subjectID) }) {
                LesionKey(subject: $0.subjectID, lesion: $0.id)
            }
            for item in plan.lesions {
                currentRow = item.row
                let key = LesionKey(subject: item.value.subjectID, lesion: item.value.id)
                if let stored = storedLesions[key]?.first {
                    if stored.role != item.value.role || stored.organ != item.value.organ || stored.isNodal != item.value.isNodal {
                        throw conflict(item.row, "lesion \(stored.id) of \(stored.subjectID) is stored as \(stored.role.rawValue), \(stored.organ), nodal \(stored.isNodal ? "yes" : "no"); the file disagrees")
                    }
                } else {
                    try writer.addLesion(item.value)
                    summary.lesionsAdded += 1
                }
            }
            for item in plan.measurements {
                currentRow = item.row
                switch try writer.record(item.value) {
                case .inserted: summary.measurementsAdded += 1
                case .unchanged, .corrected: summary.unchanged += 1
                }
            }
            for item in plan.statuses {
                currentRow = item.row
                switch try writer.record(item.value) {
                case .inserted: summary.statusesAdded += 1
                case .unchanged, .corrected: summary.unchanged += 1
                }
            }
            for item in plan.readings {
                currentRow = item.row
                if try writer.record(item.value) == .inserted { summary.readingsAdded += 1 }
            }
        } catch let error as ImportError {
            throw error
        } catch let error as StoreError {
            throw ImportError(.conflictsWithDatabase, file: fileName, row: currentRow, error.description)
        } catch {
            throw ImportError(.conflictsWithDatabase, file: fileName, row: currentRow, "\(error)")
        }
        return summary
    }

    private func conflict(_ row: Int, _ message: String) -> ImportError {
        ImportError(.conflictsWithDatabase, file: fileName, row: row, message)
    }
}

struct LesionKey: Hashable {
    var subject: SubjectID
    var lesion: LesionID
}

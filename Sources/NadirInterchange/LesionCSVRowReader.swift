internal import Foundation
internal import NadirModel

/// Type-checks the fields of one CSV row.
struct LesionCSVRowReader {
    var fileName: String
    var row: Int
    var fields: [String]
    var columns: [LesionCSVColumn: Int]

    func fail(_ column: LesionCSVColumn, _ message: String, code: ImportError.Code = .invalidValue) -> ImportError {
        ImportError(code, file: fileName, row: row, column: column.rawValue, message)
    }

    func text(_ column: LesionCSVColumn) -> String? {
        guard let index = columns[column] else { return nil }
        let value = fields[index].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    func required(_ column: LesionCSVColumn) throws(ImportError) -> String {
        guard let value = text(column) else { throw fail(column, "is empty", code: .missingValue) }
        return value
    }

    func identifier(_ column: LesionCSVColumn, allowSlash: Bool = false) throws(ImportError) -> String {
        let value = try required(column)
        if let problem = IdentifierRules.problem(with: value, allowSlash: allowSlash) {
            throw fail(column, "'\(value)' \(problem)")
        }
        return value
    }

    func quantity<Q: FixedPointQuantity>(_ column: LesionCSVColumn, _ type: Q.Type) throws(ImportError) -> Q? {
        guard let value = text(column) else { return nil }
        guard let quantity = Q(parsing: value) else {
            throw fail(column, "'\(value)' is not a number with at most \(Q.fractionDigits) decimals (use '.' as the decimal point)")
        }
        guard quantity >= .zero else { throw fail(column, "'\(value)' is negative") }
        return quantity
    }

    func read() throws(ImportError) -> LesionCSVRow {
        let subject = SubjectID(try identifier(.subject))
        let visit = try identifier(.visit)
        let dateText = try required(.date)
        guard let date = CalendarDate(iso8601: dateText) else {
            throw fail(.date, "'\(dateText)' is not an ISO 8601 date (YYYY-MM-DD)")
        }
        let relation: LesionRelation?
        if let text = text(.relation) {
            guard let value = LesionRelation(rawValue: text.lowercased()) else {
                throw fail(.relation, "'\(text)' is not split or merged")
            }
            relation = value
        } else {
            relation = nil
        }
        let lesion = LesionID(try identifier(.lesion, allowSlash: relation == .merged))
        let roleText = try required(.role).lowercased()
        guard let role = LesionRole(rawValue: roleText) else {
            throw fail(.role, "'\(roleText)' is not target, non-target or new")
        }
        let organ = try required(.organ)
        let isNodal = try nodal()
        let observation = try observation(role: role, isNodal: isNodal)
        let parents = (text(.parents) ?? "").split(separator: ";").map { LesionID(String($0).trimmingCharacters(in: .whitespaces)) }
        if !parents.isEmpty, relation == nil {
            throw fail(.relation, "a lesion with parents needs relation split or merged", code: .missingValue)
        }
        return LesionCSVRow(row: row, subject: subject, visit: visit, date: date, lesion: lesion, role: role, organ: organ,
                            isNodal: isNodal, observation: observation, reader: text(.reader),
                            trial: text(.trial).map { TrialID($0) }, cancerType: text(.cancerType)?.lowercased(),
                            criteria: text(.criteria).map { CriteriaID($0) },
                            sliceThickness: try quantity(.sliceThickness, Length.self), parents: parents, relation: relation,
                            meanDensity: try density(observation), sulPeak: try sulPeak(observation),
                            deauville: try deauville(), uptakeChange: try uptakeChange(), boneNewLesions: try boneNewLesions(),
                            treatmentStart: try optionalDate(.treatmentStart), radiotherapyEnd: try optionalDate(.radiotherapyEnd))
    }

    /// CT numbers run from -1024 HU (air) to 3071 HU (12-bit CT); a typed density outside that is a typo.
    static let densityRange: ClosedRange<Int64> = -102_400...307_100

    func density(_ observation: LesionCSVRow.Observation) throws(ImportError) -> Density? {
        guard let text = text(.densityHU) else { return nil }
        guard let value = Density(parsing: text) else {
            throw fail(.densityHU, "'\(text)' is not a number of Hounsfield units with at most 2 decimals")
        }
        guard Self.densityRange.contains(value.units) else {
            throw fail(.densityHU, "'\(text)' HU is outside the CT range -1024 to 3071 HU")
        }
        try requireMeasured(observation, .densityHU)
        return value
    }

    func sulPeak(_ observation: LesionCSVRow.Observation) throws(ImportError) -> StandardizedUptake? {
        guard let value = try quantity(.sulPeak, StandardizedUptake.self) else { return nil }
        try requireMeasured(observation, .sulPeak)
        return value
    }

    func requireMeasured(_ observation: LesionCSVRow.Observation, _ column: LesionCSVColumn) throws(ImportError) {
        guard case .measurement(.measured, _, _, _) = observation else {
            throw fail(column, "\(column.rawValue) is a value of a measured lesion; give it with state measured on a target or new lesion")
        }
    }

    func deauville() throws(ImportError) -> String? {
        guard let text = text(.deauville)?.uppercased() else { return nil }
        guard VisitReading.deauvilleScores.contains(text) else { throw fail(.deauville, "'\(text)' is not a Deauville score 1, 2, 3, 4, 5 or X") }
        return text
    }

    func uptakeChange() throws(ImportError) -> String? {
        guard let text = text(.uptakeChange)?.lowercased() else { return nil }
        guard VisitReading.uptakeChanges.contains(text) else { throw fail(.uptakeChange, "'\(text)' is not reduced, unchanged or increased") }
        return text
    }

    func boneNewLesions() throws(ImportError) -> Int? {
        guard let text = text(.boneNewLesions) else { return nil }
        guard let count = Int(text), (0...1000).contains(count) else {
            throw fail(.boneNewLesions, "'\(text)' is not a count of new bone-scan lesions (a whole number from 0 to 1000)")
        }
        return count
    }

    func optionalDate(_ column: LesionCSVColumn) throws(ImportError) -> CalendarDate? {
        guard let text = text(column) else { return nil }
        guard let date = CalendarDate(iso8601: text) else {
            throw fail(column, "'\(text)' is not an ISO 8601 date (YYYY-MM-DD)")
        }
        return date
    }

    func nodal() throws(ImportError) -> Bool {
        let value = try required(.nodal).lowercased()
        switch value {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: throw fail(.nodal, "'\(value)' is not yes or no")
        }
    }

    func observation(role: LesionRole, isNodal: Bool) throws(ImportError) -> LesionCSVRow.Observation {
        let stateText = try required(.state).lowercased()
        let longAxis = try quantity(.longAxis, Length.self)
        let shortAxis = try quantity(.shortAxis, Length.self)
        let volume = try quantity(.volume, VolumeMeasure.self)
        if stateText == MeasurementState.absent.rawValue,
           let value = Measurement.nonZeroValue(longAxis: longAxis, shortAxis: shortAxis, volume: volume) {
            throw fail(.state, "an absent lesion is 0 mm (RECIST 1.1 §4.3.5), but \(value) is given; write 0 or leave the value empty with state absent, or use state measured")
        }
        if let state = MeasurementState(rawValue: stateText), role != .nonTarget || state == .absent || state == .notEvaluable {
            if state == .absent {
                // 0 mm with absent (CDISC TR, pharmaverse) is the rule's value: kept as no value.
                return role == .nonTarget ? .status(.absent) : .measurement(.absent, longAxis: nil, shortAxis: nil, volume: nil)
            }
            if role == .nonTarget {
                if longAxis != nil || shortAxis != nil || volume != nil {
                    throw fail(.state, "a non-target lesion is followed by status, not diameters; leave long_axis_mm, short_axis_mm and volume_mm3 empty")
                }
                // absent and not-evaluable are statuses too; a non-target never carries diameters.
                return .status(state == .absent ? .absent : .notEvaluable)
            }
            if state == .measured {
                if isNodal, shortAxis == nil {
                    throw fail(.shortAxis, "a measured lymph node needs its short axis (RECIST 1.1 sums the nodal short axis)",
                               code: .missingValue)
                }
                if !isNodal, longAxis == nil {
                    throw fail(.longAxis, "a measured non-nodal lesion needs its long axis", code: .missingValue)
                }
                if let longAxis, let shortAxis, shortAxis > longAxis {
                    throw fail(.shortAxis, "short axis \(shortAxis) is longer than long axis \(longAxis)")
                }
            } else if longAxis != nil || shortAxis != nil || volume != nil {
                throw fail(.state, "state \(stateText) takes no diameters or volume; if the lesion can be measured, use state measured")
            }
            return .measurement(state, longAxis: longAxis, shortAxis: shortAxis, volume: volume)
        }
        if let status = LesionStatusValue(rawValue: stateText) {
            if role == .target {
                throw fail(.state, "'\(stateText)' is a non-target status; a target lesion is measured, too-small, absent or not-evaluable")
            }
            if status == .equivocal, role != .new {
                throw fail(.state, "only a new lesion can be equivocal")
            }
            if longAxis != nil || shortAxis != nil || volume != nil {
                throw fail(.state, "status \(stateText) takes no diameters or volume")
            }
            return .status(status)
        }
        if role == .nonTarget, MeasurementState(rawValue: stateText) != nil {
            throw fail(.state, "a non-target lesion takes a status (present, absent, unequivocal-progression, not-evaluable), not '\(stateText)'")
        }
        throw fail(.state, "'\(stateText)' is not one of measured, too-small, absent, not-evaluable, present, unequivocal-progression, equivocal")
    }
}

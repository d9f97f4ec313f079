internal import Foundation
public import NadirCriteria
public import NadirModel
public import NadirReport

/// Maps what the case database holds and what the rule engine decided onto the report's input values.
public enum ReportDataBuilder {
    /// The report input of one patient: every lesion and reader, the accepted reader's responses and best
    /// overall response, and the criteria with the thresholds the charts draw.
    public static func patient(_ patientCase: PatientCase, assessment: SubjectAssessment,
                               definition: CriteriaDefinition, gallery: [SnapshotCell] = []) -> PatientReportData {
        let primary = assessment.primary
        let responses = assessment.readers.flatMap { result in
            result.assessment.timepoints.map { response(for: $0, reader: result.reader) }
        }
        let lesions = patientCase.lesions.map { lesion in
            LesionRecord(lesion: lesion,
                         measurements: patientCase.measurements.filter { $0.lesionID == lesion.id },
                         statuses: patientCase.statuses.filter { $0.lesionID == lesion.id })
        }
        let stored = patientCase.assessments.filter { $0.criteria == assessment.criteria }
        let adjudications = Dictionary(grouping: stored, by: \.visit).compactMap { visit, rows -> Adjudication? in
            guard Set(rows.map(\.reader)).count > 1, let accepted = rows.first(where: \.isAccepted) else { return nil }
            return Adjudication(visit: visit, acceptedReader: accepted.reader)
        }.sorted { $0.visit < $1.visit }
        let progressed = primary?.assessment.timepoints.contains { isProgression($0.overall) } ?? false
        return PatientReportData(
            patient: patientCase.patient, trial: patientCase.trial,
            criteria: summary(definition, policies: primary?.assessment.policies.recorded ?? [:]),
            timepoints: patientCase.timepoints, lesions: lesions,
            responses: primaryFirst(responses, primary: primary?.reader),
            bestOverall: primary.map { best($0.assessment.bestOverallResponse, definition: definition) },
            readers: patientCase.readers.map { ReportReader.inferred(from: $0) },
            readerAssessments: stored, adjudications: adjudications,
            treatmentStart: patientCase.baseline?.date, lastOnStudy: patientCase.timepoints.map(\.date).max(),
            isOngoing: !progressed, gallery: gallery)
    }

    /// The criteria as the report shows them, with the PR and PD thresholds for the chart bands.
    public static func summary(_ definition: CriteriaDefinition, policies: [String: String]) -> CriteriaSummary {
        let unit = definition.measure
        let partial = definition.response.partial.decreaseFromBaselinePercent.value
        let progression = definition.response.progression
        let absolute: SumValue? = progression.absoluteIncrease.flatMap { threshold in
            let units = threshold.value.units  // ten-thousandths of the unit
            switch unit {
            case .sumOfDiameters: return .diameters(Length(units: units / 100))
            case .sumOfProducts: return .products(Area(units: units))
            case .volume: return .volume(VolumeMeasure(units: units / 100))
            case .sulPeak: return nil
            }
        }
        return CriteriaSummary(id: definition.id, name: definition.name, version: definition.version,
                               citation: definition.citation, policies: policies,
                               partialResponsePercent: -decimal(partial),
                               progressionPercent: decimal(progression.increasePercent.value),
                               progressionAbsolute: progression.reference == .nadir ? absolute : nil)
    }

    static func response(for t: TimePointAssessment, reader: String) -> TimepointResponse {
        TimepointResponse(
            visit: t.visit, reader: reader, sum: t.sum.flatMap(sumValue), baselineSum: t.baselineSum.flatMap(sumValue),
            nadirSum: t.nadirSum.flatMap(sumValue), changeFromBaselinePercent: t.changeFromBaseline.flatMap(percent),
            changeFromNadirPercent: t.changeFromNadir.flatMap(percent), target: t.target, nonTarget: t.nonTarget,
            newLesions: t.newLesions, overall: t.overall,
            trace: t.trace.map { TraceLine(aspect: aspect(of: $0.rule), text: "\($0)") })
    }

    /// The best overall response without confirmation, flagged with whether a CR/PR was confirmed (>= the
    /// interval later, RECIST 1.1 Table 3); the trace carries both derivations.
    static func best(_ bor: NadirCriteria.BestOverallResponse, definition: CriteriaDefinition) -> NadirReport.BestOverallResponse {
        let isResponse = definition.categories.outcome(for: bor.unconfirmed).map { $0 == .complete || $0 == .partial } ?? false
        return NadirReport.BestOverallResponse(
            category: bor.unconfirmed, confirmed: isResponse ? bor.isConfirmedResponse : nil,
            firstVisit: bor.unconfirmedVisit,
            confirmationVisit: bor.isConfirmedResponse ? bor.confirmedVisits.dropFirst().first : nil,
            trace: bor.trace.map { TraceLine(aspect: "best overall response", text: "\($0)") })
    }

    static func sumValue(_ value: MeasureValue) -> SumValue? {
        switch value.kind {
        case .sumOfDiameters: .diameters(Length(units: value.units))
        case .sumOfProducts: .products(Area(units: value.units))
        case .volume: .volume(VolumeMeasure(units: value.units))
        case .sulPeak: nil
        }
    }

    /// The exact percentage change (the engine's `percent` is rounded for display).
    static func percent(_ change: Change) -> Decimal? {
        guard change.reference.units != 0 else { return nil }
        return Decimal(change.absolute.units) * 100 / Decimal(change.reference.units)
    }

    static func decimal(_ value: ExactDecimal) -> Decimal {
        Decimal(value.units) / 10_000
    }

    static func aspect(of rule: String) -> String {
        if rule.hasPrefix("target") { return "target" }
        if rule.hasPrefix("nontarget") || rule.hasPrefix("non-target") { return "non-target" }
        if rule.hasPrefix("new") { return "new" }
        return "overall"
    }

    static func isProgression(_ category: ResponseCategory) -> Bool {
        ["PD", "iCPD", "PMD", "PPD"].contains(category.rawValue)
    }

    static func primaryFirst(_ responses: [TimepointResponse], primary: String?) -> [TimepointResponse] {
        responses.filter { $0.reader == primary } + responses.filter { $0.reader != primary }
    }
}

public import Foundation
public import NadirModel

extension PatientReportData {
    /// Timepoints in date order (visit label breaks ties), the column order of every table and chart.
    public var sortedTimepoints: [TimePoint] {
        timepoints.sorted { ($0.date, $0.visit) < ($1.date, $1.visit) }
    }

    /// The baseline timepoint: the one flagged `isBaseline`, else the earliest.
    public var baseline: TimePoint? {
        sortedTimepoints.first(where: \.isBaseline) ?? sortedTimepoints.first
    }

    /// Day 1 of the study clock (treatment start, else the baseline scan).
    public var studyDayOrigin: CalendarDate? { treatmentStart ?? baseline?.date }

    /// Days from the study clock's origin to `date` (0 at the origin).
    public func day(of date: CalendarDate) -> Int {
        guard let origin = studyDayOrigin else { return 0 }
        return date.days(since: origin)
    }

    /// The response row of a visit.
    public func response(at visit: String) -> TimepointResponse? {
        responses.first { $0.visit == visit }
    }

    /// The reader whose values the report shows at a visit: the response's reader, else the accepted
    /// reader assessment's, else nil (any reader).
    public func displayedReader(at visit: String) -> String? {
        if let reader = response(at: visit)?.reader { return reader }
        return readerAssessments.first { $0.visit == visit && $0.isAccepted }?.reader
    }

    /// The measurement the report shows for a lesion at a visit (the displayed reader's, else the first).
    public func displayedMeasurement(_ record: LesionRecord, at visit: String) -> NadirModel.Measurement? {
        let atVisit = record.measurements.filter { $0.visit == visit }
        if let reader = displayedReader(at: visit), let m = atVisit.first(where: { $0.reader == reader }) { return m }
        return atVisit.first
    }

    /// The status the report shows for a lesion at a visit (the displayed reader's, else the first).
    public func displayedStatus(_ record: LesionRecord, at visit: String) -> LesionStatus? {
        let atVisit = record.statuses.filter { $0.visit == visit }
        if let reader = displayedReader(at: visit), let s = atVisit.first(where: { $0.reader == reader }) { return s }
        return atVisit.first
    }

    /// The CDISC evaluator fields of a reader: listed in `readers`, else inferred from the name.
    public func reader(named id: String) -> ReportReader {
        readers.first { $0.id == id } ?? .inferred(from: id)
    }

    /// Every reader named anywhere in the data, in first-seen order.
    public var allReaderIDs: [String] {
        var seen: [String] = []
        func add(_ id: String) { if !seen.contains(id) { seen.append(id) } }
        readers.forEach { add($0.id) }
        for record in lesions {
            record.measurements.forEach { add($0.reader) }
            record.statuses.forEach { add($0.reader) }
        }
        readerAssessments.forEach { add($0.reader) }
        return seen
    }

    /// The best (most negative) change from baseline on study, up to and including the first PD
    /// (the waterfall chart's bar).
    public var bestChangeFromBaselinePercent: Decimal? {
        var best: Decimal?
        for tp in sortedTimepoints {
            guard let response = response(at: tp.visit) else { continue }
            if let change = response.changeFromBaselinePercent, !tp.isBaseline {
                best = best.map { Swift.min($0, change) } ?? change
            }
            if response.overall == .progressiveDisease { break }
        }
        return best
    }

    /// The date of the first overall PD, if any.
    public var firstProgressionDate: CalendarDate? {
        sortedTimepoints.first { response(at: $0.visit)?.overall == .progressiveDisease }?.date
    }

    /// The last day on study: `lastOnStudy`, else the last scan.
    public var endOfFollowUp: CalendarDate? { lastOnStudy ?? sortedTimepoints.last?.date }
}

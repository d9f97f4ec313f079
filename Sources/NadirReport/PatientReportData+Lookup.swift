public import Foundation
public import NadirCriteria
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

    /// The reader whose read is the accepted one: the only reader, or the reader every adjudication accepted.
    /// With two or more readers and no adjudication (or adjudications naming different readers) there is none,
    /// and the report shows each reader's own read only (never one reader's diameters with another's sums).
    public var acceptedReader: String? {
        let readers = reads.map(\.reader)
        if readers.count == 1 { return readers[0] }
        var named = Set(adjudications.map(\.acceptedReader))
        named.formUnion(readerAssessments.filter(\.isAccepted).map(\.reader))
        guard named.count == 1, let reader = named.first, readers.contains(reader) else { return nil }
        return reader
    }

    /// Whether a reader's record of a visit is accepted: the only reader's, or named by a stored accepted flag or
    /// an adjudication of that visit (CDISC --ACPTFL is per record; pharmaversesdtm accepts per visit).
    public func isAccepted(reader: String, visit: String) -> Bool {
        if allReaderIDs == [reader] { return true }
        return readerAssessments.contains { $0.visit == visit && $0.reader == reader && $0.isAccepted }
            || adjudications.contains { $0.visit == visit && $0.acceptedReader == reader }
    }

    /// The accepted read (see ``acceptedReader``).
    public var acceptedRead: ReaderRead? {
        acceptedReader.flatMap { reader in reads.first { $0.reader == reader } }
    }

    /// The read of one reader.
    public func read(of reader: String) -> ReaderRead? {
        reads.first { $0.reader == reader }
    }

    /// The accepted read's result at a visit.
    public func response(at visit: String) -> TimePointAssessment? {
        acceptedRead?.timepoint(visit)
    }

    /// The accepted read's best overall response.
    public var bestOverall: NadirCriteria.BestOverallResponse? {
        acceptedRead?.assessment.bestOverallResponse
    }

    /// The best overall response shown: the engine's BOR without confirmation (admiralonco `derive_param_bor`).
    public var bestOverallCategory: ResponseCategory? { bestOverall?.unconfirmed }

    /// Whether the BOR was confirmed (RECIST 1.1 Table 3): nil when it is no response (CR/PR) to confirm.
    public var bestOverallConfirmed: Bool? {
        guard let bor = bestOverall,
              let outcome = criteria.categories.outcome(for: bor.unconfirmed),
              outcome == .complete || outcome == .partial else { return nil }
        return bor.isConfirmedResponse
    }

    /// Whether a category is (confirmed) progression in the criterion's vocabulary (PD, iCPD, PMD, ...).
    public func isProgression(_ category: ResponseCategory?) -> Bool {
        category.flatMap { criteria.categories.outcome(for: $0) } == .progression
    }

    /// The read a single-read view shows (trend chart, lesion chart, `trend.svg`): the given reader's, else the
    /// accepted read, else the first reader's (each view names its reader when nothing is accepted).
    public func chartRead(_ reader: String? = nil) -> ReaderRead? {
        reader.flatMap(read(of:)) ?? acceptedRead ?? reads.first
    }

    /// One reader's own measurement of a lesion at a visit.
    public func measurement(_ record: LesionRecord, at visit: String, reader: String) -> NadirModel.Measurement? {
        record.measurements.first { $0.visit == visit && $0.reader == reader }
    }

    /// One reader's own status of a lesion at a visit.
    public func status(_ record: LesionRecord, at visit: String, reader: String) -> LesionStatus? {
        record.statuses.first { $0.visit == visit && $0.reader == reader }
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
        reads.forEach { add($0.reader) }
        return seen
    }

    /// The best (most negative) change from baseline on study, up to and including the first PD
    /// (the waterfall chart's bar).
    public var bestChangeFromBaselinePercent: Decimal? {
        var best: Decimal?
        for tp in sortedTimepoints {
            guard let response = response(at: tp.visit) else { continue }
            if let change = response.changeFromBaseline?.exactPercent {
                best = best.map { Swift.min($0, change) } ?? change
            }
            if isProgression(response.overall) { break }
        }
        return best
    }

    /// The date of the first overall PD, if any.
    public var firstProgressionDate: CalendarDate? {
        sortedTimepoints.first { isProgression(response(at: $0.visit)?.overall) }?.date
    }

    /// The last day on study: `lastOnStudy`, else the last scan.
    public var endOfFollowUp: CalendarDate? { lastOnStudy ?? sortedTimepoints.last?.date }
}

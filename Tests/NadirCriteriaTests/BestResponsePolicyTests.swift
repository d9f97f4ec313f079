import NadirCriteria
import NadirModel
import Testing

/// The named BOR policies where sources differ, each tested both ways against RECIST 1.1 Table 3.
@Suite struct BestResponsePolicyTests {
    static let start = CalendarDate(daysSinceEpoch: 19_000)

    func responses(_ items: [(Int, Outcome)]) -> [TimedResponse] {
        items.map { TimedResponse(visit: "D\($0.0)", date: Self.start.adding(days: $0.0), outcome: $0.1) }
    }

    /// PR, CR, PR: Table 3 note a allows both readings; a true CR followed by disease does not confirm (default),
    /// a doubtful CR read as PR confirms PR.
    @Test func completeThenPartialBothReadings() {
        let sequence = responses([(42, .partial), (56, .complete), (98, .partial)])
        let strict = BestResponseDeriver.derive(sequence, reference: Self.start, policies: ResponsePolicies(), vocabulary: .recist)
        #expect(strict.confirmed == .stableDisease)
        #expect(!strict.isConfirmedResponse)
        let lenient = BestResponseDeriver.derive(sequence, reference: Self.start,
                                                 policies: ResponsePolicies(completeThenPartial: .confirmsPartial), vocabulary: .recist)
        #expect(lenient.confirmed == .partialResponse)
        #expect(lenient.confirmedVisits == ["D42", "D98"])
    }

    /// The confirmation interval is ">= 28 days": 27 days does not confirm, 28 does.
    @Test func confirmationIntervalBoundary() {
        let short = BestResponseDeriver.derive(responses([(42, .partial), (69, .partial)]), reference: Self.start,
                                               policies: ResponsePolicies(), vocabulary: .recist)
        #expect(short.confirmed == .stableDisease)
        let enough = BestResponseDeriver.derive(responses([(42, .partial), (70, .partial)]), reference: Self.start,
                                                policies: ResponsePolicies(), vocabulary: .recist)
        #expect(enough.confirmed == .partialResponse)
    }

    /// SD minimum duration ">= 42 days": SD on day 41 then PD gives PD; SD on day 42 then PD gives SD.
    @Test func stableDiseaseDurationBoundary() {
        let early = BestResponseDeriver.derive(responses([(41, .stable), (84, .progression)]), reference: Self.start,
                                               policies: ResponsePolicies(), vocabulary: .recist)
        #expect(early.unconfirmed == .progressiveDisease)
        let late = BestResponseDeriver.derive(responses([(42, .stable), (84, .progression)]), reference: Self.start,
                                              policies: ResponsePolicies(), vocabulary: .recist)
        #expect(late.unconfirmed == .stableDisease)
        #expect(late.confirmed == .stableDisease)
    }

    /// Assessments after the first PD do not count (RECIST 1.1 §4.4) unless the policy says otherwise.
    @Test func assessmentsAfterProgression() {
        let sequence = responses([(20, .progression), (60, .partial), (90, .partial)])
        let stop = BestResponseDeriver.derive(sequence, reference: Self.start, policies: ResponsePolicies(), vocabulary: .recist)
        #expect(stop.unconfirmed == .progressiveDisease)
        let keep = BestResponseDeriver.derive(sequence, reference: Self.start,
                                              policies: ResponsePolicies(stopAtFirstProgression: false), vocabulary: .recist)
        #expect(keep.confirmed == .partialResponse)
    }
}

/// The rows handed to the store carry what is needed to reproduce them.
@Suite struct ReaderAssessmentMappingTests {
    @Test func rowsRecordCriteriaVersionAndPolicies() throws {
        let scenario = try Scenario.load(TestPaths.scenarios.appendingPathComponent("recist-1.1/table1-rows.yaml"))
        let definition = try TestPaths.catalog.get().definition(id: .recist11)
        let policies = try scenario.policies(for: definition)
        let assessment = ResponseEvaluator(definition: definition, policies: policies).assess(try scenario.history())
        let rows = assessment.readerAssessments(reader: "RADIOLOGIST 1", isAccepted: true)
        #expect(rows.map(\.overall.rawValue) == ["PR", "SD", "PR", "PR", "PD"])
        #expect(rows.allSatisfy { $0.criteria == .recist11 && $0.criteriaVersion == "1.1.0" })
        #expect(rows.first?.policies["continuedPartialResponse"] == "per-timepoint")
        #expect(rows.first?.nonTarget == .notEvaluable)
    }
}

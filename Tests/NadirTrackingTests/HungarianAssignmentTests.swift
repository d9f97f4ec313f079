import NadirTracking
import Testing

/// The Hungarian method against exhaustive search over all assignments.
@Suite struct HungarianAssignmentTests {
    static let tolerance = 1e-9

    /// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), uniform in (0, 1).
    static func uniform(_ state: inout UInt64) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (Double((z ^ (z >> 31)) >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// The minimum total cost over every injective assignment of the smaller side, by brute force.
    static func bruteForceMinimum(_ costs: [[Double]]) -> Double {
        let rows = costs.count, columns = costs[0].count
        func search(_ row: Int, _ used: Set<Int>) -> Double {
            if row == rows { return 0 }
            if rows > columns {
                // Some rows stay unassigned: either skip this row (if enough rows remain) or assign it.
                var best = Double.infinity
                if rows - row > columns - used.count { best = search(row + 1, used) }
                for c in 0..<columns where !used.contains(c) {
                    best = min(best, costs[row][c] + search(row + 1, used.union([c])))
                }
                return best
            }
            var best = Double.infinity
            for c in 0..<columns where !used.contains(c) {
                best = min(best, costs[row][c] + search(row + 1, used.union([c])))
            }
            return best
        }
        return search(0, [])
    }

    @Test(arguments: [(3, 3), (4, 6), (6, 4), (5, 5), (1, 4), (4, 1)])
    func matchesExhaustiveSearch(rows: Int, columns: Int) throws {
        var state = UInt64(rows * 100 + columns)
        for _ in 0..<20 {
            let costs = (0..<rows).map { _ in (0..<columns).map { _ in (Self.uniform(&state) * 20).rounded() - 5 } }
            let assignment = try HungarianAssignment.minimumCostAssignment(costs)
            let assigned = assignment.enumerated().compactMap { r, c in c.map { (r, $0) } }
            #expect(assigned.count == min(rows, columns))
            #expect(Set(assigned.map(\.1)).count == assigned.count, "a column used twice")
            let total = assigned.reduce(0) { $0 + costs[$1.0][$1.1] }
            #expect(abs(total - Self.bruteForceMinimum(costs)) < Self.tolerance)
        }
    }

    @Test func textbookExampleHasKnownOptimum() throws {
        // Classic 3x3: optimum 9 by (0->1, 1->0, 2->2) ... = 2 + 3 + 4.
        let costs: [[Double]] = [[4, 2, 8], [3, 7, 5], [9, 6, 4]]
        #expect(try HungarianAssignment.minimumCostAssignment(costs) == [1, 0, 2])
    }

    @Test func raggedOrNonFiniteCostsAreRejected() {
        #expect(throws: TrackingError.self) { try HungarianAssignment.minimumCostAssignment([[1, 2], [3]]) }
        #expect(throws: TrackingError.self) { try HungarianAssignment.minimumCostAssignment([[1, .nan]]) }
    }
}

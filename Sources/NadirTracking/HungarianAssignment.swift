/// Optimal assignment of rows to columns minimising the total cost: the Hungarian method (Kuhn, Naval
/// Research Logistics Quarterly 1955;2:83-97; Munkres, J SIAM 1957;5:32-38), in the O(n²m) shortest
/// augmenting path form with row and column potentials.
public enum HungarianAssignment {
    /// For each row, the column assigned to it (`nil` only when there are more rows than columns), such that
    /// the sum of `costs[row][column]` over assigned pairs is minimal. Throws on ragged or non-finite costs.
    public static func minimumCostAssignment(_ costs: [[Double]]) throws -> [Int?] {
        let rows = costs.count
        guard rows > 0 else { return [] }
        let columns = costs[0].count
        for (r, row) in costs.enumerated() {
            guard row.count == columns else {
                throw TrackingError(.invalidInput,
                                        detail: "cost row \(r) has \(row.count) columns, row 0 has \(columns)")
            }
            guard row.allSatisfy(\.isFinite) else {
                throw TrackingError(.invalidInput, detail: "cost row \(r) holds a non-finite cost")
            }
        }
        guard columns > 0 else { return Array(repeating: nil, count: rows) }
        if rows <= columns { return solve(costs, rows: rows, columns: columns) }
        // More rows than columns: assign columns to rows on the transpose.
        let transposed = (0..<columns).map { c in (0..<rows).map { costs[$0][c] } }
        let columnToRow = solve(transposed, rows: columns, columns: rows)
        var result = [Int?](repeating: nil, count: rows)
        for (c, r) in columnToRow.enumerated() {
            if let r { result[r] = c }
        }
        return result
    }

    /// Requires rows <= columns; 1-based potentials `u`, `v`, matching `p[column] = row`.
    private static func solve(_ a: [[Double]], rows n: Int, columns m: Int) -> [Int?] {
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: m + 1)
        var p = [Int](repeating: 0, count: m + 1), way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...m where !used[j] {
                    let cur = a[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j] {
                        minv[j] = cur
                        way[j] = j0
                    }
                    if minv[j] < delta {
                        delta = minv[j]
                        j1 = j
                    }
                }
                for j in 0...m {
                    if used[j] {
                        u[p[j]] += delta
                        v[j] -= delta
                    } else {
                        minv[j] -= delta
                    }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var result = [Int?](repeating: nil, count: n)
        for j in 1...m where p[j] != 0 { result[p[j] - 1] = j - 1 }
        return result
    }
}

import Foundation
import NadirModel
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesISO8601AndRejectsImpossibleDays() {
        #expect(CalendarDate(iso8601: "2024-02-29") != nil)
        #expect(CalendarDate(iso8601: "2023-02-29") == nil)
        #expect(CalendarDate(iso8601: "1900-02-29") == nil)
        #expect(CalendarDate(iso8601: "2000-02-29") != nil)
        #expect(CalendarDate(iso8601: "2024-13-01") == nil)
        #expect(CalendarDate(iso8601: "2024-1-01") == nil)
        #expect(CalendarDate(iso8601: "2014-02") == nil)
        #expect(CalendarDate(iso8601: "01/02/2014") == nil)
    }

    @Test func dayCountsMatchFoundationsGregorianCalendar() throws {
        // Independent truth: Foundation's Gregorian calendar in UTC.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let epoch = try #require(calendar.date(from: DateComponents(year: 1970, month: 1, day: 1)))
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2014, 1, 2), (2026, 11, 23), (1899, 12, 31), (2100, 3, 1)] {
            let date = try #require(CalendarDate(year: y, month: m, day: d))
            let foundation = try #require(calendar.date(from: DateComponents(year: y, month: m, day: d)))
            let expected = try #require(calendar.dateComponents([.day], from: epoch, to: foundation).day)
            #expect(date.daysSinceEpoch == expected)
            #expect(CalendarDate(daysSinceEpoch: expected) == date)
        }
    }

    @Test func intervalsAreWholeDays() throws {
        let baseline = try #require(CalendarDate(iso8601: "2014-01-02"))
        let followUp = try #require(CalendarDate(iso8601: "2014-03-06"))
        #expect(followUp.days(since: baseline) == 63)
        #expect(baseline.adding(days: 28).iso8601 == "2014-01-30")
        #expect(baseline < followUp)
    }

    @Test func roundTripsThroughJSONAsText() throws {
        let date = try #require(CalendarDate(iso8601: "2026-11-23"))
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-11-23\"]")
    }
}

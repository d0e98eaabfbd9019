import CloudSimulator
import Foundation
import Testing

/// What a Cinder 29 list takes beyond paging, held against the round-2 captures: a sort the
/// next link keeps, `with_count` from 3.45, the filters each list allows, time comparisons on
/// volumes only; and `/_sim/stats` counting what a refresh costs.
@Suite("Cinder list queries: sort, count, filters, as Cinder 29 answers them")
struct ListQueryTests {
  static let mv = CinderBehaviourTests.mv

  @Test(
    "sort=updated_at:desc pages newest-updated first, the next link keeps the sort, every row once")
  func sortedPaging() async throws {
    try await withSimulator({
      $0.snapshotsPerRegion = 30; $0.inMotion = 4
    }) { h in
      let t = try await h.token()
      // Change one old snapshot so that its updated_at is the newest.
      let all = try await h.get(h.cinder3() + "/snapshots/detail", token: t, headers: Self.mv)
      let rows = try need(all.json?["snapshots"]?.array, "snapshots")
      let old = try need(rows.last?["id"]?.string, "oldest")
      h.server.advanceClock(by: 3600)
      _ = try await h.send(
        "PUT", h.cinder3() + "/snapshots/\(old)", token: t,
        json: #"{"snapshot": {"name": "renamed"}}"#, headers: Self.mv)
      // Deletes in motion may have finished in that hour: count again.
      let now = try await h.get(h.cinder3() + "/snapshots/detail", token: t, headers: Self.mv)
      let count = now.json?["snapshots"]?.array?.count ?? 0
      var url = h.cinder3() + "/snapshots/detail?sort=updated_at:desc&limit=7"
      var seen: [String] = []
      var updated: [String] = []
      var first = true
      while true {
        let page = try await h.get(url, token: t, headers: Self.mv)
        if first {
          try RecoveryFixtureTests.expectShape(
            page, "cinder-29/snapshots-detail-sort-updated-desc-limit2.json", status: 200)
          first = false
        }
        let items = try need(page.json?["snapshots"]?.array, "page")
        seen += items.compactMap { $0["id"]?.string }
        updated += items.compactMap { $0["updated_at"]?.string }
        guard let next = page.json?["snapshots_links"]?[0]?["href"]?.string else { break }
        #expect(next.contains("sort=updated_at%3Adesc"))
        url = next
      }
      #expect(seen.first == old)
      #expect(Set(seen).count == seen.count && seen.count == count)
      #expect(updated == updated.sorted(by: >))  // nulls (still creating) come last
    }
  }

  @Test("with_count gives the total after the links; below 3.45 it is an invalid filter")
  func withCount() async throws {
    try await withSimulator({ $0.snapshotsPerRegion = 5 }) { h in
      let t = try await h.token()
      let counted = try await h.get(
        h.cinder3() + "/snapshots/detail?with_count=true&limit=1", token: t, headers: Self.mv)
      try RecoveryFixtureTests.expectShape(
        counted, "cinder-29/snapshots-detail-with-count-limit1.json", status: 200)
      #expect(counted.json?["count"]?.number == 5)
      #expect(
        counted.text.range(of: "\"snapshots_links\"")!.lowerBound
          < counted.text.range(of: "\"count\"")!.lowerBound)
      try RecoveryFixtureTests.expectShape(
        try await h.get(
          h.cinder3() + "/snapshots/detail?with_count=true", token: t,
          headers: ["OpenStack-API-Version": "volume 3.44"]),
        "cinder-29/snapshots-detail-with-count-mv3.44.json", status: 400)
    }
  }

  @Test("filters: changes-since and updated_at refused on snapshots; volumes compare updated_at")
  func filters() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      try RecoveryFixtureTests.expectShape(
        try await h.get(
          h.cinder3() + "/snapshots/detail?changes-since=2026-11-23T08:00:00", token: t,
          headers: Self.mv),
        "cinder-29/snapshots-detail-changes-since-filters-file.json", status: 400)
      try RecoveryFixtureTests.expectShape(
        try await h.get(
          h.cinder3() + "/snapshots/detail?updated_at=gt:2026-11-23T08:00:00", token: t,
          headers: Self.mv),
        "cinder-29/snapshots-detail-updated-at-gt-filters-file.json", status: 400)
      try RecoveryFixtureTests.expectShape(
        try await h.get(
          h.cinder3() + "/volumes/detail?changes-since=2026-11-23T08:00:00", token: t,
          headers: Self.mv),
        "cinder-29/volumes-detail-changes-since-filters-file.json", status: 400)
      try RecoveryFixtureTests.expectShape(
        try await h.get(
          h.cinder3() + "/volumes/detail?updated_at=bogus:2026-11-23T08:00:00", token: t,
          headers: Self.mv),
        "cinder-29/error-400-volumes-updated-at-bad-operator-filters-file.json", status: 400)
      let cut = "2026-11-23T07:59:59Z"
      h.server.advanceClock(by: 60)
      let made = try await h.send(
        "POST", h.cinder3() + "/volumes", token: t,
        json: #"{"volume": {"size": 1, "name": "new"}}"#,
        headers: Self.mv)
      let id = try need(made.json?["volume"]?["id"]?.string, "new volume")
      h.server.advanceClock(by: 30)
      let after = try await h.get(
        h.cinder3() + "/volumes/detail?updated_at=gt:" + cut, token: t, headers: Self.mv)
      #expect(after.status == 200)
      let ids = after.json?["volumes"]?.array?.compactMap { $0["id"]?.string } ?? []
      #expect(ids.contains(id))
      let all = try await h.get(h.cinder3() + "/volumes/detail", token: t, headers: Self.mv)
      #expect(ids.count < (all.json?["volumes"]?.array?.count ?? 0))
    }
  }

  @Test("/_sim/stats counts requests by kind and the bytes answered")
  func stats() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let before = try await h.get("/_sim/stats", token: nil)
      _ = try await h.get(h.cinder3() + "/snapshots/detail", token: t, headers: Self.mv)
      _ = try await h.get(h.trove() + "/backups", token: t)
      let after = try await h.get("/_sim/stats", token: nil)
      let kinds = try need(after.json?["by_kind"]?.object, "by_kind")
      #expect(kinds["GET volume/snapshots/detail"]?.number == 1)
      #expect(kinds["GET database/backups"]?.number == 1)
      #expect((after.json?["bytes"]?.number ?? 0) > (before.json?["bytes"]?.number ?? 0) + 1000)
    }
  }
}

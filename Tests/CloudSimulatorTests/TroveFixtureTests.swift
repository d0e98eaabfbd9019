import CloudSimulator
import Foundation
import Testing

/// Walks the same sequence of requests that captured fixtures/real/trove-26/ and compares each
/// answer with the real one.
@Suite("Trove answers have the shapes of the real Trove 26 bodies")
struct TroveFixtureTests {
  @Test("every trove-26 fixture is matched by a simulator answer")
  func everyTroveFixture() async throws {
    let ledger = FixtureLedger()
    try await withSimulator({
      $0.inMotion = 0
      $0.backupsPerRegion = 3
    }) { h in
      try await Self.walk(h, ledger)
    }
    #expect(ledger.checked == (try FixtureShape.files("trove-26")))
  }

  static func walk(_ h: Harness, _ ledger: FixtureLedger) async throws {
    let t = try await h.token()
    let api = h.trove()
    let f = "trove-26/"

    try ledger.expect(
      try await h.get("/dfw/database/", token: nil), matches: f + "versions.json", status: 200)

    let instances = try await h.get(api + "/instances", token: t)
    try ledger.expect(instances, matches: f + "instances.json", status: 200)
    let rows = try need(instances.json?["instances"]?.array, "instances")
    let active = try need(rows.first { $0["status"]?.string == "ACTIVE" }, "an ACTIVE instance")
    let instance = try need(active["id"]?.string, "instance id")

    try ledger.expect(
      try await h.get(api + "/instances/\(instance)", token: t), matches: f + "instance-show.json",
      status: 200)
    try ledger.expect(
      try await h.get(api + "/backups", token: t), matches: f + "backups.json", status: 200)

    // Paging: marker = offset, next link says https, a full last page still links on.
    let page1 = try await h.get(api + "/backups?limit=1", token: t)
    try ledger.expect(page1, matches: f + "backups-page1.json", status: 200)
    let next = try need(page1.json?["links"]?[0]?["href"]?.string, "next link")
    #expect(next.hasPrefix("https://"))
    #expect(next.hasSuffix("/backups?limit=1&marker=1"))
    try ledger.expect(
      try await h.get(api + "/backups?limit=1&marker=1", token: t),
      matches: f + "backups-page2.json",
      status: 200)
    try ledger.expect(
      try await h.get(api + "/backups?limit=1&marker=2", token: t),
      matches: f + "backups-page3.json",
      status: 200)
    let page4 = try await h.get(api + "/backups?limit=1&marker=3", token: t)
    try ledger.expect(page4, matches: f + "backups-page4.json", status: 200)
    #expect(page4.text == #"{"backups": []}"#)

    let created = try await h.send(
      "POST", api + "/backups", token: t,
      json:
        #"{"backup": {"name": "fixture-full", "instance": "\#(instance)", "description": "full"}}"#)
    try ledger.expect(created, matches: f + "backup-create.json", status: 202)
    #expect(created.json?["backup"]?["status"]?.string == "NEW")
    let full = try need(created.json?["backup"]?["id"]?.string, "backup id")

    try ledger.expect(
      try await h.get(api + "/backups/\(full)", token: t), matches: f + "backup-show-new.json",
      status: 200)
    let busy = try await h.get(api + "/instances/\(instance)", token: t)
    try ledger.expect(busy, matches: f + "instance-show-backup.json", status: 200)
    #expect(busy.json?["instance"]?["status"]?.string == "BACKUP")

    let second = try await h.send(
      "POST", api + "/backups", token: t,
      json: #"{"backup": {"name": "fixture-second", "instance": "\#(instance)"}}"#)
    try ledger.expectExact(
      second, matches: f + "error-422.json", status: 422,
      replacing: [("11111110-1111-1111-1111-111111111111", instance)])

    h.server.advanceClock(by: h.config.backupDuration + 1)
    let completed = try await h.get(api + "/backups/\(full)", token: t)
    try ledger.expect(completed, matches: f + "backup-show-completed.json", status: 200)
    #expect(completed.json?["backup"]?["status"]?.string == "COMPLETED")

    let incremental = try await h.send(
      "POST", api + "/backups", token: t,
      json:
        #"{"backup": {"name": "fixture-incr", "instance": "\#(instance)", "parent_id": "\#(full)"}}"#
    )
    try ledger.expect(incremental, matches: f + "backup-create-incremental.json", status: 202)
    #expect(incremental.json?["backup"]?["parent_id"]?.string == full)
    let incr = try need(incremental.json?["backup"]?["id"]?.string, "incremental id")
    h.server.advanceClock(by: h.config.backupDuration + 1)
    try ledger.expect(
      try await h.get(api + "/backups/\(incr)", token: t),
      matches: f + "backup-show-incremental-completed.json", status: 200)

    let datastore = try need(active["datastore"]?["type"]?.string, "datastore")
    let filtered = try await h.get(api + "/backups?datastore=\(datastore)", token: t)
    try ledger.expect(filtered, matches: f + "backups-datastore-mysql.json", status: 200)
    for row in filtered.json?["backups"]?.array ?? [] {
      #expect(row["datastore"]?["type"]?.string == datastore)
    }
    try ledger.expectExact(
      try await h.get(api + "/backups?datastore=postgresql", token: t),
      matches: f + "backups-datastore-unknown.json", status: 404)
    let byInstance = try await h.get(api + "/backups?instance_id=\(instance)", token: t)
    try ledger.expect(byInstance, matches: f + "backups-instance-filter.json", status: 200)
    #expect(
      byInstance.json?["backups"]?.array?.allSatisfy { $0["instance_id"]?.string == instance }
        == true)
    try ledger.expect(
      try await h.get(api + "/instances/\(instance)/backups", token: t),
      matches: f + "instance-backups.json", status: 200)

    try ledger.expectExact(
      try await h.send(
        "POST", api + "/backups", token: t, json: #"{"backup": {"instance": "\#(instance)"}}"#),
      matches: f + "error-400.json", status: 400)
    try ledger.expectExact(
      try await h.send("POST", api + "/backups", token: t, json: #"{"backup": {"name": "x"}}"#),
      matches: f + "error-400-no-instance.json", status: 400)
    try ledger.expectExact(
      try await h.send("POST", api + "/backups", token: t, json: #"{"backup": {"name": "#),
      matches: f + "error-400-malformed-json.json", status: 400)
    try ledger.expectExact(
      try await h.get(api + "/backups/00000000-0000-0000-0000-000000000000", token: t),
      matches: f + "error-404.json", status: 404)

    try ledger.expect(
      try await h.send("DELETE", api + "/backups/\(incr)", token: t),
      matches: f + "backup-delete.txt",
      status: 202)
    h.server.advanceClock(by: h.config.deleteDuration + 1)
    try ledger.expectExact(
      try await h.get(api + "/backups/\(incr)", token: t),
      matches: f + "error-404-after-delete.json",
      status: 404, replacing: [("2ecbf1cb-997b-4083-bfe4-d390cf0d3f2c", incr)])
  }
}

import CloudSimulator
import Foundation
import Testing

@Suite("Trove backups: validations, job states, deletes and paging")
struct TroveBehaviourTests {
  /// An ACTIVE instance with no backup running, and a SHUTDOWN one.
  static func instances(_ h: Harness, _ token: String) async throws -> (
    active: String, shutdown: String
  ) {
    let reply = try await h.get(h.trove() + "/instances?limit=100", token: token)
    let rows = try need(reply.json?["instances"]?.array, "instances")
    let active = try need(rows.first { $0["status"]?.string == "ACTIVE" }?["id"]?.string, "ACTIVE")
    let shutdown = try need(
      rows.first { $0["status"]?.string == "SHUTDOWN" }?["id"]?.string, "SHUTDOWN")
    return (active, shutdown)
  }

  static func create(_ h: Harness, _ token: String, _ body: String) async throws -> Reply {
    try await h.send("POST", h.trove() + "/backups", token: token, json: body)
  }

  @Test("create refuses a long name, an unknown or inactive instance, and a bad parent")
  func createValidations() async throws {
    try await withSimulator({ $0.inMotion = 0 }) { h in
      let t = try await h.token()
      let (active, shutdown) = try await Self.instances(h, t)
      let long = String(repeating: "n", count: 64)
      let tooLong = try await Self.create(
        h, t, #"{"backup": {"name": "\#(long)", "instance": "\#(active)"}}"#)
      #expect(tooLong.status == 400)
      #expect(tooLong.json?["badRequest"]?["message"]?.string?.contains("too long") == true)
      let ok63 = try await Self.create(
        h, t, #"{"backup": {"name": "\#(String(long.dropFirst()))", "instance": "\#(active)"}}"#)
      #expect(ok63.status == 202)
      h.server.advanceClock(by: h.config.backupDuration + 1)

      let unknown = try await Self.create(h, t, #"{"backup": {"name": "x", "instance": "nope"}}"#)
      #expect(unknown.status == 404)
      #expect(unknown.json?["itemNotFound"]?["message"]?.string == "Resource nope cannot be found.")

      let down = try await Self.create(
        h, t, #"{"backup": {"name": "x", "instance": "\#(shutdown)"}}"#)
      #expect(down.status == 422)
      #expect(down.json?["unprocessableEntity"]?["message"]?.string?.contains("SHUTDOWN") == true)

      let missingParent = try await Self.create(
        h, t, #"{"backup": {"name": "x", "instance": "\#(active)", "parent_id": "nope"}}"#)
      #expect(missingParent.status == 404)

      // A parent that belongs to another instance.
      let others = try await h.get(h.trove() + "/backups?limit=1000", token: t)
      let foreign = try need(
        others.json?["backups"]?.array?.first {
          $0["instance_id"]?.string != active && $0["status"]?.string == "COMPLETED"
        }?["id"]?.string, "a completed backup of another instance")
      let mismatch = try await Self.create(
        h, t, #"{"backup": {"name": "x", "instance": "\#(active)", "parent_id": "\#(foreign)"}}"#)
      #expect(mismatch.status == 400)
      #expect(mismatch.json?["badRequest"] != nil)

      // A parent that is not COMPLETED yet.
      let running = try await Self.create(
        h, t, #"{"backup": {"name": "p", "instance": "\#(active)"}}"#)
      let runningID = try need(running.json?["backup"]?["id"]?.string, "id")
      h.server.advanceClock(by: 1)
      // The instance is busy now (one running backup per instance), so the parent check is
      // reached only once the job ends; a FAILED parent is refused the same way.
      let busy = try await Self.create(
        h, t, #"{"backup": {"name": "c", "instance": "\#(active)", "parent_id": "\#(runningID)"}}"#)
      #expect(busy.status == 422)
    }
  }

  @Test("a backup goes NEW -> BUILDING -> COMPLETED with growing size and updated time")
  func lifecycle() async throws {
    try await withSimulator({
      $0.inMotion = 0
      $0.backupDuration = 100
    }) { h in
      let t = try await h.token()
      let (active, _) = try await Self.instances(h, t)
      let created = try await Self.create(
        h, t, #"{"backup": {"name": "life", "instance": "\#(active)"}}"#)
      let id = try need(created.json?["backup"]?["id"]?.string, "id")
      #expect(created.json?["backup"]?["size"]?.isNull == true)
      #expect(created.json?["backup"]?["locationRef"]?.isNull == true)

      h.server.advanceClock(by: 30)
      let early = try await h.get(h.trove() + "/backups/\(id)", token: t)
      #expect(early.json?["backup"]?["status"]?.string == "BUILDING")
      let earlySize = try need(early.json?["backup"]?["size"]?.number, "size while building")
      h.server.advanceClock(by: 40)
      let later = try await h.get(h.trove() + "/backups/\(id)", token: t)
      #expect(later.json?["backup"]?["status"]?.string == "BUILDING")
      let laterSize = try need(later.json?["backup"]?["size"]?.number, "size later")
      #expect(laterSize > earlySize)
      let updatedEarly = try need(early.json?["backup"]?["updated"]?.string, "updated")
      let updatedLater = try need(later.json?["backup"]?["updated"]?.string, "updated")
      #expect(updatedLater > updatedEarly)

      h.server.advanceClock(by: 31)
      let done = try await h.get(h.trove() + "/backups/\(id)", token: t)
      #expect(done.json?["backup"]?["status"]?.string == "COMPLETED")
      #expect(done.json?["backup"]?["locationRef"]?.string != nil)
      let instance = try await h.get(h.trove() + "/instances/\(active)", token: t)
      #expect(instance.json?["instance"]?["status"]?.string == "ACTIVE")
    }
  }

  @Test("with a failure rate of 1 jobs end FAILED and deletes end DELETE_FAILED")
  func failures() async throws {
    try await withSimulator({
      $0.inMotion = 0
      $0.failureRate = 1
    }) { h in
      let t = try await h.token()
      let (active, _) = try await Self.instances(h, t)
      let created = try await Self.create(
        h, t, #"{"backup": {"name": "doomed", "instance": "\#(active)"}}"#)
      let id = try need(created.json?["backup"]?["id"]?.string, "id")
      h.server.advanceClock(by: h.config.backupDuration + 1)
      let failed = try await h.get(h.trove() + "/backups/\(id)", token: t)
      #expect(failed.json?["backup"]?["status"]?.string == "FAILED")
      #expect(try await h.send("DELETE", h.trove() + "/backups/\(id)", token: t).status == 202)
      h.server.advanceClock(by: h.config.deleteDuration + 1)
      let stuck = try await h.get(h.trove() + "/backups/\(id)", token: t)
      #expect(stuck.status == 200)
      #expect(stuck.json?["backup"]?["status"]?.string == "DELETE_FAILED")
    }
  }

  @Test("a running backup cannot be deleted; deleting a parent deletes its incremental children")
  func deletes() async throws {
    try await withSimulator({ $0.inMotion = 0 }) { h in
      let t = try await h.token()
      let (active, _) = try await Self.instances(h, t)
      let parent = try await Self.create(
        h, t, #"{"backup": {"name": "parent", "instance": "\#(active)"}}"#)
      let parentID = try need(parent.json?["backup"]?["id"]?.string, "parent")
      let refused = try await h.send("DELETE", h.trove() + "/backups/\(parentID)", token: t)
      #expect(refused.status == 422)
      h.server.advanceClock(by: h.config.backupDuration + 1)
      let child = try await Self.create(
        h, t,
        #"{"backup": {"name": "child", "instance": "\#(active)", "parent_id": "\#(parentID)"}}"#)
      let childID = try need(child.json?["backup"]?["id"]?.string, "child")
      h.server.advanceClock(by: h.config.backupDuration + 1)

      let accepted = try await h.send("DELETE", h.trove() + "/backups/\(parentID)", token: t)
      #expect(accepted.status == 202)
      #expect(accepted.body.isEmpty)
      // During the deleting phase the rows are still there.
      #expect(try await h.get(h.trove() + "/backups/\(childID)", token: t).status == 200)
      h.server.advanceClock(by: h.config.deleteDuration + 1)
      #expect(try await h.get(h.trove() + "/backups/\(parentID)", token: t).status == 404)
      #expect(try await h.get(h.trove() + "/backups/\(childID)", token: t).status == 404)
      #expect(
        try await h.send("DELETE", h.trove() + "/backups/\(parentID)", token: t).status == 404)
    }
  }

  @Test("paging 45 backups by 20 gives 20, 20 and 5 distinct rows, newest first")
  func paging() async throws {
    try await withSimulator({ $0.backupsPerRegion = 45 }) { h in
      let t = try await h.token()
      var url = h.trove() + "/backups"
      var ids: [String] = []
      var sizes: [Int] = []
      var created: [String] = []
      while sizes.count < 10 {
        let page = try await h.get(url, token: t)
        let rows = try need(page.json?["backups"]?.array, "backups")
        sizes.append(rows.count)
        ids += rows.compactMap { $0["id"]?.string }
        created += rows.compactMap { $0["created"]?.string }
        guard let next = page.json?["links"]?[0]?["href"]?.string else { break }
        #expect(next.hasPrefix("https://"))
        // Follow the link's query on our own endpoint, as a client must.
        let query = try need(next.split(separator: "?").last, "query")
        url = h.trove() + "/backups?" + query
      }
      #expect(sizes == [20, 20, 5])
      #expect(Set(ids).count == 45)
      #expect(created == created.sorted(by: >))
    }
  }

  @Test("a client may ask for 1,000 rows at once")
  func bigPage() async throws {
    try await withSimulator({
      $0.regions = ["DFW"]
      $0.backupsPerRegion = 1500
    }) { h in
      let t = try await h.token()
      let page = try await h.get(h.trove() + "/backups?limit=1000", token: t)
      #expect(page.json?["backups"]?.array?.count == 1000)
      #expect(page.json?["links"]?[0]?["href"]?.string?.hasSuffix("limit=1000&marker=1000") == true)
      let rest = try await h.get(h.trove() + "/backups?limit=1000&marker=1000", token: t)
      #expect(rest.json?["backups"]?.array?.count == 500)
      #expect(rest.json?["links"] == nil)
      let bad = try await h.get(h.trove() + "/backups?limit=abc", token: t)
      #expect(bad.status == 400)
    }
  }

  @Test("instances page by id and show BACKUP while a backup runs")
  func instancePaging() async throws {
    try await withSimulator({
      $0.instancesPerRegion = 5
      $0.inMotion = 2
    }) { h in
      let t = try await h.token()
      let first = try await h.get(h.trove() + "/instances?limit=2", token: t)
      let rows = try need(first.json?["instances"]?.array, "instances")
      #expect(rows.count == 2)
      let lastID = try need(rows.last?["id"]?.string, "last id")
      let next = try need(first.json?["links"]?[0]?["href"]?.string, "next")
      #expect(next.hasSuffix("marker=\(lastID)"))
      let second = try await h.get(h.trove() + "/instances?limit=2&marker=\(lastID)", token: t)
      let more = try need(second.json?["instances"]?.array, "more")
      #expect(more.count == 2)
      #expect(more.first?["id"]?.string != lastID)
      let all = try await h.get(h.trove() + "/instances", token: t)
      let statuses = all.json?["instances"]?.array?.compactMap { $0["status"]?.string } ?? []
      #expect(statuses.filter { $0 == "BACKUP" }.count == 2)
      let unknown = try await h.get(h.trove() + "/instances/nope", token: t)
      #expect(unknown.status == 404)
      let unknownBackups = try await h.get(h.trove() + "/instances/nope/backups", token: t)
      #expect(unknownBackups.status == 404)
    }
  }
}

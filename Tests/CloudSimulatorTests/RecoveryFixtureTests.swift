import CloudSimulator
import Foundation
import Testing

/// Restore, volume from snapshot, snapshot metadata and admin actions in the simulator, each
/// answer held against what Trove 26 and Cinder 29 gave (fixtures/real/ROUND2.md).
@Suite("Recovery operations have the real round-2 shapes and state changes")
struct RecoveryFixtureTests {
  static let mv = CinderBehaviourTests.mv

  /// Attributes Cinder shows only to an admin: the round-2 captures were made as a member,
  /// the simulator answers as round 1's noauth admin did.
  static let adminOnly = [
    "cluster_name", "migration_status", "os-vol-host-attr:host", "os-vol-mig-status-attr:migstat",
    "os-vol-mig-status-attr:name_id", "provider_id",
  ]

  static func expectShape(_ reply: Reply, _ fixture: String, status: Int) throws {
    #expect(reply.status == status, "\(fixture): status \(reply.status) \(reply.text.prefix(200))")
    let diffs = FixtureShape.differences(
      try need(reply.json, "\(fixture): body"), try FixtureShape.json(fixture)
    ).filter { diff in !adminOnly.contains { diff.hasSuffix("extra \($0)") } }
    #expect(diffs.isEmpty, "\(fixture): \(diffs.joined(separator: "; "))")
  }

  /// A COMPLETED and a still-running backup of the same region.
  static func backups(_ h: Harness, _ t: String) async throws -> (done: JSONValue, running: String)
  {
    let list = try await h.get(h.trove() + "/backups?limit=1000", token: t)
    let rows = try need(list.json?["backups"]?.array, "backups")
    let done = try need(rows.first { $0["status"]?.string == "COMPLETED" }, "a COMPLETED backup")
    let instances = try await h.get(h.trove() + "/instances", token: t)
    let instance = try need(
      instances.json?["instances"]?.array?.first { $0["status"]?.string == "ACTIVE" }?["id"]?
        .string, "an ACTIVE instance")
    let made = try await h.send(
      "POST", h.trove() + "/backups", token: t,
      json: #"{"backup": {"name": "running", "instance": "\#(instance)"}}"#)
    let running = try need(made.json?["backup"]?["id"]?.string, "new backup")
    return (done, running)
  }

  @Test(
    "restore: 200 BUILD like trove 26, ACTIVE after the build; 409 for a running backup, 404 unknown"
  )
  func restore() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let (done, running) = try await Self.backups(h, t)
      let id = try need(done["id"]?.string, "id")
      let size = Int((done["size"]?.number ?? 1).rounded(.up))
      let flavors = try await h.get(h.trove() + "/flavors", token: t)
      try Self.expectShape(flavors, "trove-26/flavors.json", status: 200)
      #expect(flavors.json?["flavors"]?.array?.contains { $0["id"]?.isNull == true } == true)
      try Self.expectShape(
        try await h.get(h.trove() + "/flavors/2", token: t), "trove-26/flavor-show.json",
        status: 200)
      try Self.expectShape(
        try await h.get(h.trove() + "/flavors/99", token: t), "trove-26/error-404-flavor.json",
        status: 404)
      func body(_ backup: String) -> String {
        """
        {"instance": {"name": "restored", "flavorRef": "2", "volume": {"size": \(size)}, \
        "restorePoint": {"backupRef": "\(backup)"}}}
        """
      }
      let made = try await h.send("POST", h.trove() + "/instances", token: t, json: body(id))
      try Self.expectShape(made, "trove-26/instance-create-restore.json", status: 200)
      #expect(made.json?["instance"]?["status"]?.string == "BUILD")
      #expect(made.json?["instance"]?["operating_status"]?.string == "")
      let newID = try need(made.json?["instance"]?["id"]?.string, "new instance")
      try Self.expectShape(
        try await h.get(h.trove() + "/instances/\(newID)", token: t),
        "trove-26/instance-show-restore-build.json", status: 200)
      h.server.advanceClock(by: 13)
      let active = try await h.get(h.trove() + "/instances/\(newID)", token: t)
      try Self.expectShape(active, "trove-26/instance-show-restore-active.json", status: 200)
      #expect(active.json?["instance"]?["status"]?.string == "ACTIVE")
      try Self.expectShape(
        try await h.send("POST", h.trove() + "/instances", token: t, json: body(running)),
        "trove-26/error-409-restore-backup-not-completed.json", status: 409)
      try Self.expectShape(
        try await h.send(
          "POST", h.trove() + "/instances", token: t, json: body(UUID().uuidString.lowercased())),
        "trove-26/error-404-restore-backup-missing.json", status: 404)
      // Delete: 202, SHUTDOWN, then 404.
      let deleted = try await h.send("DELETE", h.trove() + "/instances/\(newID)", token: t)
      #expect(deleted.status == 202 && deleted.body.isEmpty)
      try Self.expectShape(
        try await h.get(h.trove() + "/instances/\(newID)", token: t),
        "trove-26/instance-show-after-delete-request.json", status: 200)
      h.server.advanceClock(by: 4)
      try Self.expectShape(
        try await h.get(h.trove() + "/instances/\(newID)", token: t),
        "trove-26/error-404-instance-after-delete.json", status: 404)
    }
  }

  @Test(
    "volume from a snapshot: 202 creating with snapshot_id, then available; too small 400, unknown 404"
  )
  func volumeFromSnapshot() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let list = try await h.get(h.cinder3() + "/snapshots/detail", token: t, headers: Self.mv)
      let snapshot = try need(
        list.json?["snapshots"]?.array?.first { $0["status"]?.string == "available" },
        "an available snapshot")
      let id = try need(snapshot["id"]?.string, "id")
      let size = Int(snapshot["size"]?.number ?? 1)
      func body(_ snapshot: String, _ size: Int) -> String {
        #"{"volume": {"snapshot_id": "\#(snapshot)", "size": \#(size), "name": "from-snap"}}"#
      }
      let made = try await h.send(
        "POST", h.cinder3() + "/volumes", token: t, json: body(id, size), headers: Self.mv)
      try Self.expectShape(made, "cinder-29/volume-create-from-snapshot.json", status: 202)
      #expect(made.json?["volume"]?["snapshot_id"]?.string == id)
      let volumeID = try need(made.json?["volume"]?["id"]?.string, "volume id")
      try Self.expectShape(
        try await h.get(h.cinder3() + "/volumes/\(volumeID)", token: t, headers: Self.mv),
        "cinder-29/volume-show-from-snapshot-creating.json", status: 200)
      h.server.advanceClock(by: 11)
      let ready = try await h.get(h.cinder3() + "/volumes/\(volumeID)", token: t, headers: Self.mv)
      try Self.expectShape(ready, "cinder-29/volume-show-from-snapshot-available.json", status: 200)
      #expect(ready.json?["volume"]?["status"]?.string == "available")
      try Self.expectShape(
        try await h.send(
          "POST", h.cinder3() + "/volumes", token: t, json: body(id, size - 1), headers: Self.mv),
        "cinder-29/error-400-volume-from-snapshot-too-small.json", status: 400)
      try Self.expectShape(
        try await h.send(
          "POST", h.cinder3() + "/volumes", token: t,
          json: body(UUID().uuidString.lowercased(), size), headers: Self.mv),
        "cinder-29/error-404-volume-from-missing-snapshot.json", status: 404)
    }
  }

  @Test(
    "snapshot metadata: POST merges, PUT replaces, keys shown, set and deleted, updated_at bumped")
  func metadata() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let list = try await h.get(h.cinder3() + "/snapshots/detail", token: t, headers: Self.mv)
      let id = try need(
        list.json?["snapshots"]?.array?.first { $0["status"]?.string == "available" }?["id"]?
          .string, "snapshot")
      let base = h.cinder3() + "/snapshots/\(id)/metadata"
      let before = try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      _ = try await h.send(
        "PUT", base, token: t, json: #"{"metadata": {"purpose": "nightly", "owner": "ops"}}"#,
        headers: Self.mv)
      h.server.advanceClock(by: 5)
      let merged = try await h.send(
        "POST", base, token: t, json: #"{"metadata": {"purpose": "changed", "k2": "v2"}}"#,
        headers: Self.mv)
      try Self.expectShape(merged, "cinder-29/snapshot-metadata-post.json", status: 200)
      #expect(
        merged.json?["metadata"]?.object
          == ["purpose": .string("changed"), "owner": .string("ops"), "k2": .string("v2")])
      let replaced = try await h.send(
        "PUT", base, token: t, json: #"{"metadata": {"only": "this"}}"#, headers: Self.mv)
      try Self.expectShape(replaced, "cinder-29/snapshot-metadata-put.json", status: 200)
      #expect(replaced.json?["metadata"]?.object == ["only": .string("this")])
      try Self.expectShape(
        try await h.get(base + "/only", token: t, headers: Self.mv),
        "cinder-29/snapshot-metadata-key-show.json", status: 200)
      try Self.expectShape(
        try await h.send(
          "PUT", base + "/only", token: t, json: #"{"meta": {"only": "again"}}"#, headers: Self.mv),
        "cinder-29/snapshot-metadata-key-put.json", status: 200)
      let removed = try await h.send("DELETE", base + "/only", token: t, headers: Self.mv)
      #expect(removed.status == 200 && removed.body.isEmpty)
      try Self.expectShape(
        try await h.get(base + "/nosuchkey", token: t, headers: Self.mv),
        "cinder-29/error-404-snapshot-metadata-key.json", status: 404)
      let after = try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      try Self.expectShape(
        try await h.get(base, token: t, headers: Self.mv),
        "cinder-29/snapshot-metadata-after-delete.json", status: 200)
      #expect(
        after.json?["snapshot"]?["updated_at"]?.string
          != before.json?["snapshot"]?["updated_at"]?.string)
    }
  }

  @Test("admin actions: 403 with the policy's words for a member, 202 and the change for an admin")
  func adminActions() async throws {
    for admin in [false, true] {
      try await withSimulator({ $0.userIsAdmin = admin }) { h in
        let t = try await h.token()
        let list = try await h.get(h.cinder3() + "/snapshots/detail", token: t, headers: Self.mv)
        let ids = try need(
          list.json?["snapshots"]?.array?.filter { $0["status"]?.string == "available" }
            .compactMap { $0["id"]?.string }, "snapshots")
        let reset = try await h.send(
          "POST", h.cinder3() + "/snapshots/\(ids[0])/action", token: t,
          json: #"{"os-reset_status": {"status": "error"}}"#, headers: Self.mv)
        let force = try await h.send(
          "POST", h.cinder3() + "/snapshots/\(ids[1])/action", token: t,
          json: #"{"os-force_delete": {}}"#, headers: Self.mv)
        if !admin {
          try Self.expectShape(
            reset, "cinder-29/error-403-snapshot-reset-status-demo.json", status: 403)
          try Self.expectShape(
            force, "cinder-29/error-403-snapshot-force-delete-demo.json", status: 403)
          return
        }
        #expect(reset.status == 202 && force.status == 202)
        try Self.expectShape(
          try await h.get(h.cinder3() + "/snapshots/\(ids[0])", token: t, headers: Self.mv),
          "cinder-29/snapshot-show-after-reset-status.json", status: 200)
        try Self.expectShape(
          try await h.get(h.cinder3() + "/snapshots/\(ids[1])", token: t, headers: Self.mv),
          "cinder-29/snapshot-show-after-force-delete.json", status: 200)
        try Self.expectShape(
          try await h.send(
            "POST", h.cinder3() + "/snapshots/\(ids[0])/action", token: t,
            json: #"{"os-reset_status": {"status": "bogus"}}"#, headers: Self.mv),
          "cinder-29/error-400-snapshot-reset-status-bad.json", status: 400)
      }
    }
  }
}

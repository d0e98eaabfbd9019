import CloudSimulator
import Foundation
import Testing

@Suite("Cinder snapshots: validations, states, dialects and paging")
struct CinderBehaviourTests {
  static let mv = ["OpenStack-API-Version": "volume 3.71"]

  /// An available and an in-use volume.
  static func volumes(_ h: Harness, _ t: String) async throws -> (available: String, inUse: String)
  {
    let reply = try await h.get(h.cinder3() + "/volumes/detail", token: t, headers: mv)
    let rows = try need(reply.json?["volumes"]?.array, "volumes")
    let available = try need(
      rows.first { $0["status"]?.string == "available" }?["id"]?.string, "available")
    let inUse = try need(rows.first { $0["status"]?.string == "in-use" }?["id"]?.string, "in-use")
    return (available, inUse)
  }

  @Test("volumes: bootable is the string \"false\" and in-use volumes carry an attachment")
  func volumeDetail() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let reply = try await h.get(h.cinder3() + "/volumes/detail", token: t, headers: Self.mv)
      let rows = try need(reply.json?["volumes"]?.array, "volumes")
      #expect(rows.count == 8)
      #expect(rows.allSatisfy { $0["bootable"]?.string == "false" })
      let inUse = rows.filter { $0["status"]?.string == "in-use" }
      #expect(!inUse.isEmpty)
      #expect(inUse.allSatisfy { $0["attachments"]?.array?.first?["server_id"]?.string != nil })
      let summary = try await h.get(h.cinder3() + "/volumes", token: t, headers: Self.mv)
      #expect(summary.json?["volumes"]?[0]?.object.map { Set($0.keys) } == ["id", "links", "name"])
      let v1 = try await h.get(h.cinder1() + "/volumes/detail", token: t)
      #expect(v1.json?["volumes"]?[0]?["display_name"]?.string != nil)
      #expect(v1.json?["volumes"]?[0]?["name"] == nil)
      #expect(try await h.get(h.cinder3() + "/volumes/nope", token: t).status == 404)
    }
  }

  @Test("create needs an existing volume, and force for an in-use one")
  func createRules() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let (_, inUse) = try await Self.volumes(h, t)
      let url = h.cinder3() + "/snapshots"
      let missing = try await h.send(
        "POST", url, token: t, json: #"{"snapshot": {"volume_id": "nope"}}"#, headers: Self.mv)
      #expect(missing.status == 404)
      #expect(
        missing.text
          == #"{"itemNotFound": {"code": 404, "message": "Volume nope could not be found."}}"#)
      let noForce = try await h.send(
        "POST", url, token: t, json: #"{"snapshot": {"volume_id": "\#(inUse)"}}"#, headers: Self.mv)
      #expect(noForce.status == 400)
      #expect(noForce.json?["badRequest"]?["message"]?.string?.contains("in-use") == true)
      let forced = try await h.send(
        "POST", url, token: t, json: #"{"snapshot": {"volume_id": "\#(inUse)", "force": true}}"#,
        headers: Self.mv)
      #expect(forced.status == 202)
      let noVolume = try await h.send(
        "POST", url, token: t, json: #"{"snapshot": {"name": "x"}}"#, headers: Self.mv)
      #expect(noVolume.status == 400)
      #expect(noVolume.text.contains("'volume_id' is a required property"))
      let unknownKey = try await h.send(
        "POST", url, token: t,
        json: #"{"snapshot": {"volume_id": "\#(inUse)", "force": true, "colour": "red"}}"#,
        headers: Self.mv)
      #expect(unknownKey.status == 400)
      #expect(
        unknownKey.text.contains("Additional properties are not allowed ('colour' was unexpected)"))
      let longName = String(repeating: "n", count: 256)
      let tooLong = try await h.send(
        "POST", url, token: t,
        json: #"{"snapshot": {"volume_id": "\#(inUse)", "force": true, "name": "\#(longName)"}}"#,
        headers: Self.mv)
      #expect(tooLong.status == 400)
    }
  }

  @Test("v1 speaks display_name, has no updated_at, and answers create with 200")
  func v1Dialect() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let (available, _) = try await Self.volumes(h, t)
      let created = try await h.send(
        "POST", h.cinder1() + "/snapshots", token: t,
        json:
          #"{"snapshot": {"volume_id": "\#(available)", "display_name": "v1-snap", "display_description": "old api", "extra": 1}}"#
      )
      #expect(created.status == 200)
      let snapshot = try need(created.json?["snapshot"], "snapshot")
      #expect(snapshot["display_name"]?.string == "v1-snap")
      #expect(snapshot["display_description"]?.string == "old api")
      #expect(snapshot["updated_at"] == nil)
      #expect(snapshot["name"] == nil)
      let id = try need(snapshot["id"]?.string, "id")
      let shown = try await h.get(h.cinder1() + "/snapshots/\(id)", token: t)
      #expect(shown.json?["snapshot"]?["os-extended-snapshot-attributes:progress"]?.string == "0%")
      let list = try await h.get(h.cinder1() + "/snapshots", token: t)
      #expect(list.json?["snapshots"]?[0]?["os-extended-snapshot-attributes:progress"] == nil)
      #expect(list.header("OpenStack-API-Version") == nil)
      let renamed = try await h.send(
        "PUT", h.cinder1() + "/snapshots/\(id)", token: t,
        json: #"{"snapshot": {"display_name": "v1-renamed"}}"#)
      #expect(renamed.status == 200)
      // The same row through v3.
      let v3 = try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      #expect(v3.json?["snapshot"]?["name"]?.string == "v1-renamed")
    }
  }

  @Test("progress climbs while creating; delete is refused while creating, then goes via deleting")
  func lifecycle() async throws {
    try await withSimulator({ $0.snapshotDuration = 100 }) { h in
      let t = try await h.token()
      let (available, _) = try await Self.volumes(h, t)
      let created = try await h.send(
        "POST", h.cinder3() + "/snapshots", token: t,
        json: #"{"snapshot": {"volume_id": "\#(available)"}}"#,
        headers: Self.mv)
      let id = try need(created.json?["snapshot"]?["id"]?.string, "id")
      h.server.advanceClock(by: 25.5)
      let mid = try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      let progress = try need(
        mid.json?["snapshot"]?["os-extended-snapshot-attributes:progress"]?.string, "progress")
      #expect(progress.hasSuffix("%"))
      let percent = try need(Double(progress.dropLast()), "percent")
      #expect(percent > 20 && percent < 30)
      let refused = try await h.send(
        "DELETE", h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      #expect(refused.status == 400)
      #expect(refused.json?["badRequest"] != nil)
      h.server.advanceClock(by: 80)
      let done = try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      #expect(done.json?["snapshot"]?["status"]?.string == "available")
      #expect(
        try await h.send("DELETE", h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
          .status == 202)
      let again = try await h.send(
        "DELETE", h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      #expect(again.status == 400)
      h.server.advanceClock(by: h.config.deleteDuration + 1)
      #expect(
        try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv).status == 404)
      #expect(
        try await h.send("DELETE", h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
          .status == 404)
    }
  }

  @Test("with a failure rate of 1 snapshots end in error and deletes in error_deleting")
  func failures() async throws {
    try await withSimulator({ $0.failureRate = 1 }) { h in
      let t = try await h.token()
      let (available, _) = try await Self.volumes(h, t)
      let created = try await h.send(
        "POST", h.cinder3() + "/snapshots", token: t,
        json: #"{"snapshot": {"volume_id": "\#(available)"}}"#,
        headers: Self.mv)
      let id = try need(created.json?["snapshot"]?["id"]?.string, "id")
      h.server.advanceClock(by: h.config.snapshotDuration + 1)
      let failed = try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      #expect(failed.json?["snapshot"]?["status"]?.string == "error")
      #expect(
        try await h.send("DELETE", h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
          .status == 202)
      h.server.advanceClock(by: h.config.deleteDuration + 1)
      let stuck = try await h.get(h.cinder3() + "/snapshots/\(id)", token: t, headers: Self.mv)
      #expect(stuck.json?["snapshot"]?["status"]?.string == "error_deleting")
    }
  }

  @Test("paging 45 snapshots by 20 follows snapshots_links across three pages and an empty one")
  func paging() async throws {
    try await withSimulator({
      $0.snapshotsPerRegion = 45
      $0.inMotion = 0
    }) { h in
      let t = try await h.token()
      var url = h.cinder3() + "/snapshots/detail?limit=20"
      var sizes: [Int] = []
      var ids: [String] = []
      while sizes.count < 10 {
        let page = try await h.get(url, token: t, headers: Self.mv)
        let rows = try need(page.json?["snapshots"]?.array, "snapshots")
        sizes.append(rows.count)
        ids += rows.compactMap { $0["id"]?.string }
        guard let next = page.json?["snapshots_links"]?[0]?["href"]?.string else { break }
        #expect(next.hasSuffix("marker=\(ids.last ?? "")"))
        url = next
      }
      #expect(sizes == [20, 20, 5])
      #expect(Set(ids).count == 45)
      let all = try await h.get(h.cinder3() + "/snapshots", token: t, headers: Self.mv)
      #expect(all.json?["snapshots"]?.array?.count == 45)
      let badMarker = try await h.get(
        h.cinder3() + "/snapshots?marker=nope", token: t, headers: Self.mv)
      #expect(badMarker.status == 400)
    }
  }

  @Test("microversions: none means 3.0, latest means 3.71, and fields follow the version")
  func microversions() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let old = try await h.get(h.cinder3() + "/snapshots/detail", token: t)
      #expect(old.header("OpenStack-API-Version") == "volume 3.0")
      #expect(old.json?["snapshots"]?[0]?["user_id"] == nil)
      let latest = try await h.get(
        h.cinder3() + "/snapshots/detail", token: t,
        headers: ["OpenStack-API-Version": "volume latest"])
      #expect(latest.header("OpenStack-API-Version") == "volume 3.71")
      #expect(latest.json?["snapshots"]?[0]?["user_id"]?.string == "demo")
      #expect(latest.json?["snapshots"]?[0]?["consumes_quota"]?.bool == true)
      let mid = try await h.get(
        h.cinder3() + "/snapshots/detail", token: t,
        headers: ["OpenStack-API-Version": "volume 3.41"])
      #expect(mid.json?["snapshots"]?[0]?["user_id"] != nil)
      #expect(mid.json?["snapshots"]?[0]?["consumes_quota"] == nil)
      let tooOld = try await h.get(
        h.cinder3() + "/snapshots", token: t, headers: ["OpenStack-API-Version": "volume 2.0"])
      #expect(tooOld.status == 406)
    }
  }

  @Test("filters by volume and status")
  func filters() async throws {
    try await withSimulator({ $0.snapshotsPerRegion = 60 }) { h in
      let t = try await h.token()
      let (available, _) = try await Self.volumes(h, t)
      let byVolume = try await h.get(
        h.cinder3() + "/snapshots?volume_id=\(available)", token: t, headers: Self.mv)
      let rows = try need(byVolume.json?["snapshots"]?.array, "rows")
      #expect(rows.allSatisfy { $0["volume_id"]?.string == available })
      let creating = try await h.get(
        h.cinder3() + "/snapshots?status=creating", token: t, headers: Self.mv)
      let moving = try need(creating.json?["snapshots"]?.array, "creating")
      #expect(moving.count == 2)
      #expect(moving.allSatisfy { $0["status"]?.string == "creating" })
    }
  }

  @Test("a new volume is creating, refuses snapshots, then becomes available")
  func volumeCreate() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      let made = try await h.send(
        "POST", h.cinder3() + "/volumes", token: t,
        json: #"{"volume": {"size": 10, "name": "fresh"}}"#,
        headers: Self.mv)
      #expect(made.status == 202)
      #expect(made.json?["volume"]?["updated_at"]?.isNull == true)
      let id = try need(made.json?["volume"]?["id"]?.string, "id")
      let early = try await h.send(
        "POST", h.cinder3() + "/snapshots", token: t,
        json: #"{"snapshot": {"volume_id": "\#(id)"}}"#,
        headers: Self.mv)
      #expect(early.status == 400)
      h.server.advanceClock(by: 60)
      let shown = try await h.get(h.cinder3() + "/volumes/\(id)", token: t, headers: Self.mv)
      #expect(shown.json?["volume"]?["status"]?.string == "available")
      #expect(shown.json?["volume"]?["size"]?.number == 10)
      let later = try await h.send(
        "POST", h.cinder3() + "/snapshots", token: t,
        json: #"{"snapshot": {"volume_id": "\#(id)"}}"#,
        headers: Self.mv)
      #expect(later.status == 202)
      let v1 = try await h.send(
        "POST", h.cinder1() + "/volumes", token: t,
        json: #"{"volume": {"size": 1, "display_name": "old"}}"#)
      #expect(v1.status == 200)
      #expect(v1.json?["volume"]?["display_name"]?.string == "old")
      let bad = try await h.send(
        "POST", h.cinder3() + "/volumes", token: t, json: #"{"volume": {"size": 0}}"#,
        headers: Self.mv)
      #expect(bad.status == 400)
    }
  }
}

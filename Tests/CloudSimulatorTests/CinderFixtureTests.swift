import CloudSimulator
import Foundation
import Testing

/// Walks the sequence of requests that captured fixtures/real/cinder-29/ and compares each
/// answer with the real one.
@Suite("Cinder answers have the shapes of the real Cinder 29 bodies")
struct CinderFixtureTests {
  static let latest = ["OpenStack-API-Version": "volume 3.71"]

  @Test("every cinder-29 fixture is matched by a simulator answer")
  func everyCinderFixture() async throws {
    let ledger = FixtureLedger()
    try await withSimulator({
      $0.inMotion = 0
      $0.snapshotsPerRegion = 2
    }) { h in
      try await Self.walk(h, ledger)
    }
    #expect(ledger.checked == (try FixtureShape.files("cinder-29")))
  }

  static func walk(_ h: Harness, _ ledger: FixtureLedger) async throws {
    let t = try await h.token()
    let api = h.cinder3()
    let f = "cinder-29/"
    let mv = latest

    let versions = try await h.get("/dfw/volume/", token: nil)
    try ledger.expect(versions, matches: f + "versions.json", status: 300)
    try ledger.expect(
      try await h.get("/dfw/volume/v3/", token: nil), matches: f + "v3-root.json", status: 200)

    let volumes = try await h.get(api + "/volumes/detail", token: t, headers: mv)
    try ledger.expect(volumes, matches: f + "volumes-detail.json", status: 200)
    #expect(volumes.header("OpenStack-API-Version") == "volume 3.71")
    try ledger.expect(
      try await h.get(api + "/volumes/detail", token: t),
      matches: f + "volumes-detail-noversion.json",
      status: 200)
    try ledger.expect(
      try await h.get(
        api + "/volumes/detail", token: t, headers: ["OpenStack-API-Version": "volume 3.0"]),
      matches: f + "volumes-detail-mv3.0.json", status: 200)
    let rows = try need(volumes.json?["volumes"]?.array, "volumes")
    let available = try need(rows.first { $0["status"]?.string == "available" }, "available volume")
    let volume = try need(available["id"]?.string, "volume id")
    let shown = try await h.get(api + "/volumes/\(volume)", token: t, headers: mv)
    try ledger.expect(shown, matches: f + "volume-show-unicode.json", status: 200)
    for (name, file) in [
      ("fixture-vol-1", "volume-create.json"), ("データ-vol ✓", "volume-create-unicode.json"),
      ("fixture-vol-3", "volume-create-3.json"),
    ] {
      let made = try await h.send(
        "POST", api + "/volumes", token: t,
        json:
          #"{"volume": {"size": 1, "name": "\#(name)", "description": "fixture volume \#(name)"}}"#,
        headers: mv)
      try ledger.expect(made, matches: f + file, status: 202)
      #expect(made.json?["volume"]?["status"]?.string == "creating")
      #expect(made.json?["volume"]?["name"]?.string == name)
    }

    let create = try await h.send(
      "POST", api + "/snapshots", token: t,
      json:
        #"{"snapshot": {"volume_id": "\#(volume)", "name": "snap-plain", "description": "plain snapshot"}}"#,
      headers: mv)
    try ledger.expect(create, matches: f + "snapshot-create.json", status: 202)
    let plainID = try need(create.json?["snapshot"]?["id"]?.string, "snapshot id")
    let creating = try await h.get(api + "/snapshots/\(plainID)", token: t, headers: mv)
    try ledger.expect(creating, matches: f + "snapshot-show-creating.json", status: 200)
    #expect(creating.json?["snapshot"]?["status"]?.string == "creating")
    #expect(creating.json?["snapshot"]?["os-extended-snapshot-attributes:progress"]?.string == "0%")
    #expect(creating.json?["snapshot"]?["updated_at"]?.isNull == true)

    h.server.advanceClock(by: h.config.snapshotDuration + 1)
    let availableSnap = try await h.get(api + "/snapshots/\(plainID)", token: t, headers: mv)
    try ledger.expect(availableSnap, matches: f + "snapshot-show-available.json", status: 200)
    #expect(
      availableSnap.json?["snapshot"]?["os-extended-snapshot-attributes:progress"]?.string == "100%"
    )

    let meta = try await h.send(
      "POST", api + "/snapshots", token: t,
      json:
        #"{"snapshot": {"volume_id": "\#(volume)", "name": "snap-meta", "metadata": {"owner": "ops-team", "note": "ünïcödé ✓"}}}"#,
      headers: mv)
    try ledger.expect(meta, matches: f + "snapshot-create-metadata.json", status: 202)
    #expect(meta.json?["snapshot"]?["metadata"]?["owner"]?.string == "ops-team")
    #expect(meta.text.contains(#"\u00fcn\u00efc\u00f6d\u00e9 \u2713"#))
    let long = String(repeating: "d", count: 255)
    try ledger.expect(
      try await h.send(
        "POST", api + "/snapshots", token: t,
        json:
          #"{"snapshot": {"volume_id": "\#(volume)", "name": "snap-long-desc", "description": "\#(long)"}}"#,
        headers: mv),
      matches: f + "snapshot-create-long-description.json", status: 202)
    let evil = try await h.send(
      "POST", api + "/snapshots", token: t,
      json:
        #"{"snapshot": {"volume_id": "\#(volume)", "name": "evil\u001b[31mRED\u001b[0m\nline2"}}"#,
      headers: mv)
    try ledger.expect(evil, matches: f + "snapshot-create-escape-name.json", status: 202)
    let evilID = try need(evil.json?["snapshot"]?["id"]?.string, "evil id")
    h.server.advanceClock(by: h.config.snapshotDuration + 1)
    let evilShown = try await h.get(api + "/snapshots/\(evilID)", token: t, headers: mv)
    try ledger.expect(evilShown, matches: f + "snapshot-show-escape-name.json", status: 200)
    #expect(evilShown.json?["snapshot"]?["name"]?.string == "evil\u{1B}[31mRED\u{1B}[0m\nline2")
    #expect(evilShown.text.contains(#""evil\u001b[31mRED\u001b[0m\nline2""#))
    let metaID = try need(meta.json?["snapshot"]?["id"]?.string, "meta id")
    try ledger.expect(
      try await h.get(api + "/snapshots/\(metaID)", token: t, headers: mv),
      matches: f + "snapshot-show-metadata.json", status: 200)

    try ledger.expect(
      try await h.get(api + "/snapshots", token: t, headers: mv), matches: f + "snapshots.json",
      status: 200)
    let detail = try await h.get(api + "/snapshots/detail", token: t, headers: mv)
    try ledger.expect(detail, matches: f + "snapshots-detail.json", status: 200)
    #expect(detail.json?["snapshots_links"] == nil)
    try ledger.expect(
      try await h.get(api + "/snapshots/detail", token: t),
      matches: f + "snapshots-detail-noversion.json",
      status: 200)
    try ledger.expect(
      try await h.get(
        api + "/snapshots/detail", token: t, headers: ["OpenStack-API-Version": "volume 3.0"]),
      matches: f + "snapshots-detail-mv3.0.json", status: 200)

    // 6 snapshots, 2 per page: three full pages, each linking on, then an empty one.
    var url = api + "/snapshots/detail?limit=2"
    var pages: [Reply] = []
    while pages.count < 10 {
      let page = try await h.get(url, token: t, headers: mv)
      pages.append(page)
      guard let next = page.json?["snapshots_links"]?[0]?["href"]?.string else { break }
      #expect(next.contains("limit=2&marker="))
      url = next
    }
    #expect(pages.count == 4)
    try ledger.expect(pages[0], matches: f + "snapshots-detail-page1.json", status: 200)
    try ledger.expect(pages[1], matches: f + "snapshots-detail-page2.json", status: 200)
    try ledger.expect(pages[3], matches: f + "snapshots-detail-page3.json", status: 200)
    #expect(pages[3].text == #"{"snapshots": []}"#)

    let update = try await h.send(
      "PUT", api + "/snapshots/\(plainID)", token: t,
      json: #"{"snapshot": {"name": "snap-renamed", "description": "updated by fixture capture"}}"#,
      headers: mv)
    try ledger.expect(update, matches: f + "snapshot-update.json", status: 200)
    #expect(update.json?["snapshot"]?["name"]?.string == "snap-renamed")
    try ledger.expectExact(
      try await h.send(
        "PUT", api + "/snapshots/\(plainID)", token: t, json: #"{"snapshot": {}}"#, headers: mv),
      matches: f + "error-400.json", status: 400)
    let tooLong = String(repeating: "x", count: 256)
    try ledger.expectExact(
      try await h.send(
        "PUT", api + "/snapshots/\(plainID)", token: t,
        json: #"{"snapshot": {"description": "\#(tooLong)"}}"#, headers: mv),
      matches: f + "error-400-description-too-long.json", status: 400)
    try ledger.expectExact(
      try await h.send(
        "PUT", api + "/snapshots/\(plainID)", token: t, json: #"{"snapshot": {"name": "#,
        headers: mv),
      matches: f + "error-400-malformed-json.json", status: 400)
    try ledger.expectExact(
      try await h.get(
        api + "/snapshots/00000000-0000-0000-0000-000000000000", token: t, headers: mv),
      matches: f + "error-404.json", status: 404)
    let tooNew = try await h.get(
      api + "/snapshots", token: t, headers: ["OpenStack-API-Version": "volume 3.99"])
    try ledger.expectExact(tooNew, matches: f + "error-406.json", status: 406)
    #expect(tooNew.header("OpenStack-API-Version") == "volume 3.99")
    try ledger.expectExact(
      try await h.get(
        api + "/snapshots", token: t, headers: ["OpenStack-API-Version": "volume 3.x"]),
      matches: f + "error-400-bad-microversion.json", status: 400)

    let deleted = try await h.send("DELETE", api + "/snapshots/\(plainID)", token: t, headers: mv)
    try ledger.expect(deleted, matches: f + "snapshot-delete.txt", status: 202)
    #expect(deleted.header("Content-Type") == "text/html; charset=UTF-8")
    let deleting = try await h.get(api + "/snapshots/\(plainID)", token: t, headers: mv)
    try ledger.expect(deleting, matches: f + "snapshot-show-deleting.json", status: 200)
    #expect(deleting.json?["snapshot"]?["status"]?.string == "deleting")
    h.server.advanceClock(by: h.config.deleteDuration + 1)
    try ledger.expectExact(
      try await h.get(api + "/snapshots/\(plainID)", token: t, headers: mv),
      matches: f + "error-404-after-delete.json", status: 404,
      replacing: [("baf0f270-64be-4e22-b949-c68e1b23c447", plainID)])
  }
}

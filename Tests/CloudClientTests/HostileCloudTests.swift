import Foundation
import HostileCloud
import Testing

@testable import CloudClient

/// The client against a cloud built to hurt it (issue 13): every reply ends, every list is
/// bounded, every value is honest and every string inert.
@Suite("The client against a hostile cloud", .timeLimit(.minutes(2)))
struct HostileCloudTests {
  /// A noauth session against `server`, with quick back-off.
  static func session(
    _ server: HostileServer, _ tweak: (inout ClientConfiguration) -> Void = { _ in }
  ) -> CloudSession {
    var configuration = ClientConfiguration(
      identityURL: nil, auth: .token("hostile-token-0042"),
      endpointOverrides: [.blockStorage: server.volumeURL, .database: server.databaseURL],
      staticRegions: ["RegionOne"], retryBaseDelay: 0.001, retryMaxDelay: 0.01)
    tweak(&configuration)
    return CloudSession(configuration: configuration)
  }

  /// Runs `body` with a server playing `trick` and a session against it, then stops both.
  static func against(
    _ trick: HostileTrick, _ tweak: (inout ClientConfiguration) -> Void = { _ in },
    _ body: (HostileServer, CloudSession) async throws -> Void
  ) async throws {
    let server = try HostileServer.playing(trick)
    let session = Self.session(server, tweak)
    defer { server.stop() }
    do {
      try await body(server, session)
    } catch {
      try? await session.shutdown()
      throw error
    }
    try await session.shutdown()
  }

  static func listError(_ session: CloudSession) async -> CloudError? {
    await SimulatorHarness.cloudError { _ = try await session.listSnapshots(region: "RegionOne") }
  }

  static func isInert(_ text: String) -> Bool {
    !text.unicodeScalars.contains(where: TerminalSafe.isUnsafe)
  }

  @Test(
    "a body dripping a byte at a time ends as a timeout at the request deadline, not retried (13.3)"
  )
  func drippingBody() async throws {
    try await Self.against(.drip(interval: 0.2, bytes: 150), { $0.requestDeadline = 1 }) {
      server, session in
      let error = await Self.listError(session)
      #expect(error?.kind == .timeout)
      #expect(error?.summary.contains("did not send its whole reply within 1 s") == true)
      #expect(server.requests(endingWith: "/snapshots/detail").count == 1)
    }
  }

  @Test("an endless body is 'reply too large' at the cap and never retried (13.6)")
  func endlessBody() async throws {
    try await Self.against(.endlessBody, { $0.maxReplyBytes = 1 << 20 }) { server, session in
      let error = await Self.listError(session)
      #expect(error?.kind == .malformedResponse)
      #expect(error?.summary.contains("reply too large") == true)
      #expect(server.requests(endingWith: "/snapshots/detail").count == 1)
    }
  }

  @Test("a Content-Length over the cap is refused before the body is read (13.6)")
  func declaredTooLarge() async throws {
    try await Self.against(.bigName(bytes: 4 << 20), { $0.maxReplyBytes = 1 << 20 }) {
      server, session in
      let error = await Self.listError(session)
      #expect(error?.summary.contains("reply too large (over 1 MB)") == true)
      #expect(server.requests(endingWith: "/snapshots/detail").count == 1)
    }
  }

  @Test("next links alternating between two markers stop at the first repeat (13.5)")
  func alternatingMarkers() async throws {
    try await Self.against(.alternatingMarkers) { server, session in
      let error = await Self.listError(session)
      #expect(error?.kind == .malformedResponse)
      #expect(error?.summary.contains("links back to a page already read") == true)
      #expect(server.requests(endingWith: "/snapshots/detail").count == 3)
    }
  }

  @Test("a marker that grows forever stops at the page ceiling (13.5)")
  func growingMarker() async throws {
    try await Self.against(.growingMarker, { $0.maxPages = 20 }) { server, session in
      let error = await Self.listError(session)
      #expect(error?.summary.contains("goes on past 20 pages") == true)
      #expect(server.requests(endingWith: "/snapshots/detail").count == 20)
    }
  }

  @Test("a list stops at the item ceiling (13.5)")
  func itemCeiling() async throws {
    try await Self.against(.growingMarker, { $0.maxItems = 5 }) { server, session in
      let error = await Self.listError(session)
      #expect(error?.summary.contains("more than 5 items") == true)
      #expect(server.requests(endingWith: "/snapshots/detail").count == 6)
    }
  }

  @Test("error text with escape sequences and C1 controls is inert in the error (13.1)")
  func hostileErrorText() async throws {
    try await Self.against(.hostileErrorText) { _, session in
      let error = try #require(await Self.listError(session))
      #expect(error.kind == .rejected)
      #expect(Self.isInert(error.summary))
      #expect(Self.isInert(error.serverMessage ?? ""))
      #expect(error.summary.contains("pwned"))
      let shown = await SimulatorHarness.cloudError {
        _ = try await session.snapshot(id: "x", region: "RegionOne")
      }
      #expect(Self.isInert(shown?.summary ?? "\u{1B}"))
    }
  }

  @Test("a 302 is server trouble, never followed (13.10)")
  func redirect() async throws {
    try await Self.against(.redirect) { server, session in
      let error = await Self.listError(session)
      #expect(error?.kind == .server)
      #expect(error?.summary.contains("redirected") == true)
      #expect(server.requests.allSatisfy { $0.path.hasPrefix("/v3/") })
    }
  }

  @Test("a 20 MB name is cut to 64 KB at decode, marked as cut (13.4)")
  func hugeName() async throws {
    try await Self.against(.bigName(bytes: 20 << 20)) { _, session in
      let snapshots = try await session.listSnapshots(region: "RegionOne")
      let name = try #require(snapshots.first?.name)
      #expect(name.hasSuffix(WireText.cutMark))
      #expect(name.utf8.count <= WireText.maxStringBytes + 3)
      #expect(snapshots.first?.size == 1)
    }
  }

  @Test("an item without an id is skipped and reported; the rest is listed (13.9)")
  func missingID() async throws {
    try await Self.against(.missingID) { _, session in
      let report = ListReport()
      let (snapshots, backups) = try await ListReport.$current.withValue(report) {
        (
          try await session.listSnapshots(region: "RegionOne"),
          try await session.listBackups(region: "RegionOne")
        )
      }
      #expect(snapshots.map(\.id) == ["s1", "s3"])
      #expect(backups.map(\.id) == ["b1", "b3"])
      #expect(report.warning == "2 items could not be read")
    }
  }

  @Test("an item that is not an object is skipped on the Decodable path too (13.9)")
  func notAnObject() async throws {
    try await Self.against(.itemNotAnObject) { _, session in
      let report = ListReport()
      let snapshots = try await ListReport.$current.withValue(report) {
        try await session.listSnapshots(region: "RegionOne")
      }
      #expect(snapshots.map(\.id) == ["s1", "s3"])
      #expect(report.warning == "1 item could not be read")
    }
  }

  @Test("\"snapshots\": null is an empty list with a warning (13.9)")
  func nullList() async throws {
    try await Self.against(.nullList) { _, session in
      let report = ListReport()
      let (snapshots, backups) = try await ListReport.$current.withValue(report) {
        (
          try await session.listSnapshots(region: "RegionOne"),
          try await session.listBackups(region: "RegionOne")
        )
      }
      #expect(snapshots.isEmpty && backups.isEmpty)
      #expect(report.warning?.contains("null") == true)
    }
  }

  @Test("impossible sizes and progress are unknown, not 0 and not as given (13.10)")
  func badNumbers() async throws {
    try await Self.against(.badNumbers) { _, session in
      let snapshots = try await session.listSnapshots(region: "RegionOne")
      #expect(snapshots.map(\.size) == [nil, nil, nil])
      #expect(snapshots.map(\.progress) == [nil, nil, 40])
    }
  }

  @Test("retry back-off waits on the session's clock, with seeded jitter (13.8)")
  func backoffOnInjectedClock() async throws {
    var schedules: [[Duration]] = []
    for _ in 0..<2 {
      let clock = JumpingClock()
      try await Self.against(
        .unavailable(times: 3),
        {
          $0.clock = clock
          $0.jitterSeed = 13
          $0.retryBaseDelay = 10
          $0.retryMaxDelay = 100
        }
      ) { server, session in
        // 10, 20 and 40 s of back-off pass on the test clock, none on the wall clock.
        let snapshots = try await session.listSnapshots(region: "RegionOne")
        #expect(snapshots.map(\.id) == ["s1"])
        #expect(server.requests(endingWith: "/snapshots/detail").count == 4)
      }
      let sleeps = clock.sleeps
      #expect(sleeps.count == 3)
      for (attempt, sleep) in sleeps.enumerated() {
        let ceiling = Duration.seconds(10 * (1 << attempt))
        #expect(sleep >= ceiling / 2 && sleep <= ceiling)
      }
      schedules.append(sleeps)
    }
    #expect(schedules[0] == schedules[1])
  }

  @Test("waitUntilComplete looks once more at the deadline, on the session's clock (13.8)")
  func waitDeadlineOnInjectedClock() async throws {
    let clock = JumpingClock()
    try await Self.against(.stuckSnapshot, { $0.clock = clock }) { server, session in
      let error = await SimulatorHarness.cloudError {
        for try await _ in session.waitUntilComplete(
          snapshotID: "stuck", region: "RegionOne", interval: .seconds(5), timeout: .seconds(6))
        {}
      }
      #expect(error?.kind == .timeout)
      #expect(server.requests(endingWith: "/snapshots/stuck").count == 3)
      #expect(clock.sleeps == [.seconds(5), .seconds(1)])
    }
  }

  @Test("invalid UTF-8 in a name becomes U+FFFD, the rest of the name is kept (13.10)")
  func invalidUTF8() async throws {
    try await Self.against(.invalidUTF8) { _, session in
      let snapshots = try await session.listSnapshots(region: "RegionOne")
      #expect(snapshots.first?.name == "caf\u{FFFD}(é-backup")
    }
  }
}

import CloudSimulator
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@Suite("Faults switched on by flag, by API and through /_sim")
struct FaultTests {
  @Test("rate limiting answers 413 on Trove and v1, 429 on v3, with Retry-After and retryAfter")
  func rateLimit() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      var faults = SimulatorFaults()
      faults.rateLimitEvery = 2
      faults.retryAfter = 7
      h.server.setFaults(faults)
      #expect(try await h.get(h.trove() + "/backups", token: t).status == 200)
      let limited = try await h.get(h.trove() + "/backups", token: t)
      #expect(limited.status == 413)
      #expect(limited.header("Retry-After") == "7")
      #expect(limited.json?["overLimit"]?["retryAfter"]?.string == "7")
      #expect(limited.json?["overLimit"]?["code"]?.number == 413)
      #expect(try await h.get(h.cinder3() + "/snapshots", token: t).status == 200)
      let v3 = try await h.get(h.cinder3() + "/snapshots", token: t)
      #expect(v3.status == 429)
      #expect(v3.header("Retry-After") == "7")
      #expect(try await h.get(h.cinder1() + "/snapshots", token: t).status == 200)
      #expect(try await h.get(h.cinder1() + "/snapshots", token: t).status == 413)
    }
  }

  @Test("an error rate of 1 answers every request 500 or 503 in the service's fault shape")
  func errors() async throws {
    try await withSimulator({ $0.faults.errorRate = 1 }) { h in
      var seen: Set<Int> = []
      for _ in 0..<12 {
        let reply = try await h.get(h.trove() + "/backups", token: "whatever")
        seen.insert(reply.status)
        let key = try need(reply.json?.object?.keys.first, "fault key")
        #expect(["instanceFault", "serviceUnavailable"].contains(key))
      }
      #expect(seen == [500, 503])
      let cinder = try await h.get(h.cinder3() + "/snapshots", token: "whatever")
      #expect([500, 503].contains(cinder.status))
    }
  }

  @Test("a drop rate of 1 closes connections without an answer")
  func drops() async throws {
    try await withSimulator({ $0.faults.dropConnectionRate = 1 }) { h in
      await #expect(throws: (any Error).self) {
        _ = try await h.get(h.trove() + "/backups", token: "whatever")
      }
      // The control endpoint is never faulted, so a script can switch faults off again.
      let off = try await h.send("POST", "/_sim/faults", json: "{}")
      #expect(off.status == 200)
      #expect(h.server.faults == SimulatorFaults())
      let token = try await h.token()
      #expect(try await h.get(h.trove() + "/backups", token: token).status == 200)
    }
  }

  @Test("a malformed-body rate of 1 sends successful bodies that do not parse")
  func malformed() async throws {
    try await withSimulator { h in
      let t = try await h.token()
      _ = try await h.send("POST", "/_sim/faults", json: #"{"malformedBodyRate": 1}"#)
      for _ in 0..<4 {
        let reply = try await h.get(h.trove() + "/backups", token: t)
        #expect(reply.status == 200)
        #expect(!reply.body.isEmpty)
        #expect(reply.json == nil)
      }
      // Error answers are left alone.
      let missing = try await h.get(h.trove() + "/backups/nope", token: t)
      #expect(missing.json != nil)
    }
  }

  @Test("latency is applied and reported; answers still arrive")
  func latency() async throws {
    try await withSimulator { h in
      let set = try await h.send("POST", "/_sim/faults", json: #"{"latency": 0.05}"#)
      #expect(set.json?["latency"]?.number == 0.05)
      #expect(h.server.faults.latency == 0.05)
      let shown = try await h.get("/_sim/faults", token: nil)
      #expect(shown.json?["latency"]?.number == 0.05)
      let token = try await h.token()
      #expect(try await h.get(h.trove() + "/backups", token: token).status == 200)
    }
  }

  @Test("the control endpoint expires tokens, advances the clock and reports stats")
  func control() async throws {
    try await withSimulator({ $0.inMotion = 2 }) { h in
      let t = try await h.token()
      let creating = try await h.get(h.cinder3() + "/snapshots?status=creating", token: t)
      #expect(creating.json?["snapshots"]?.array?.count == 2)
      let advanced = try await h.send("POST", "/_sim/clock/advance?seconds=3600", json: nil)
      #expect(advanced.status == 200)
      let after = try await h.get(h.cinder3() + "/snapshots?status=creating", token: t)
      #expect(after.json?["snapshots"]?.array?.count == 0)
      #expect(try await h.send("POST", "/_sim/clock/advance?seconds=x").status == 400)

      let stats = try await h.get("/_sim/stats", token: nil)
      #expect(stats.json?["regions"]?["DFW"]?["backups"]?.number == 40)
      #expect((stats.json?["requests"]?.number ?? 0) >= 4)
      #expect(h.server.requestCount >= 5)

      #expect(try await h.send("POST", "/_sim/tokens/expire").status == 204)
      #expect(try await h.get(h.trove() + "/backups", token: t).status == 401)
      let bad = try await h.send("POST", "/_sim/faults", json: "[1]")
      #expect(bad.status == 400)
    }
  }
}

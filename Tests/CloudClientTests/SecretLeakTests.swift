import CloudSimulator
import Foundation
import Testing

@testable import CloudClient

@Suite("Secrets stay secret")
struct SecretLeakTests {
  @Test("no log line or error text holds the API key, password or token")
  func noLeaks() async throws {
    for auth in [SimulatorHarness.Auth.rackspaceAPIKey, .keystone] {
      try await SimulatorHarness.run(auth: auth) { (h: SimulatorHarness) async throws in
        var errors: [CloudError] = []
        _ = try await h.session.listBackups(region: "DFW")
        _ = try await h.session.listSnapshots(region: "DFW")
        let token = try #require(await h.session.keeper.currentToken)
        h.sim.expireAllTokens()
        _ = try await h.session.listVolumes(region: "DFW")
        let renewed = try #require(await h.session.keeper.currentToken)
        if let e = await SimulatorHarness.cloudError({
          _ = try await h.session.backup(id: token, region: "DFW")
        }) {
          errors.append(e)
        }
        var faults = SimulatorFaults()
        faults.rateLimitEvery = 1
        faults.retryAfter = 1000
        h.sim.setFaults(faults)
        if let e = await SimulatorHarness.cloudError({
          _ = try await h.session.listInstances(region: "DFW")
        }) {
          errors.append(e)
        }
        h.sim.setFaults(SimulatorFaults())
        #expect(errors.count == 2)
        let secrets = [SimulatorHarness.apiKey, SimulatorHarness.password, token, renewed]
        let texts =
          h.logs.lines + errors.map(\.summary) + errors.map(\.description)
          + errors.compactMap(\.serverMessage)
        #expect(!h.logs.lines.isEmpty)
        for text in texts {
          for secret in secrets {
            #expect(!text.contains(secret), "secret in: \(text)")
          }
        }
      }
    }
  }

  @Test("Redactor masks every secret and secret headers whole")
  func redactor() {
    #expect(
      Redactor.redact("a KEY1234 b KEY1234", secrets: ["KEY1234"]) == "a <redacted> b <redacted>")
    #expect(Redactor.headerValue(name: "X-Auth-Token", value: "abc", secrets: []) == "<redacted>")
    #expect(Redactor.headerValue(name: "Accept", value: "json", secrets: []) == "json")
  }
}

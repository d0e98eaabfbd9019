import CloudSimulator
import Foundation
import Logging

@testable import CloudClient

/// A simulator on a free port and a session against it, shut down afterwards.
struct SimulatorHarness {
  let sim: SimulatorServer
  let session: CloudSession
  let logs: LogCapture
  let configuration: SimulatorConfiguration

  static let apiKey = "SECRET-api-key-7f3a9c"
  static let password = "SECRET-password-41d2"

  var region: String { configuration.regions[0] }
  var tenant: String { configuration.tenantID }

  /// Runs `body` with a fresh simulator and session. `auth` picks the identity flavour.
  /// A simulator whose clock moves only when a test advances it, with no job running and
  /// none failing: what tests that step through schedules and copies start from.
  static func still(_ configuration: inout SimulatorConfiguration) {
    configuration.speed = 0
    configuration.inMotion = 0
    configuration.failureRate = 0
  }

  static func run(
    auth: Auth = .rackspaceAPIKey,
    simulator: (inout SimulatorConfiguration) -> Void = { _ in },
    client: (inout ClientConfiguration) -> Void = { _ in },
    _ body: (SimulatorHarness) async throws -> Void
  ) async throws {
    var config = SimulatorConfiguration()
    config.port = 0
    config.regions = ["DFW", "ORD"]
    config.backupsPerRegion = 12
    config.snapshotsPerRegion = 12
    config.apiKey = apiKey
    config.password = password
    // The seeded delete in motion must not finish while a test counts rows: with the suite's
    // heavier tests running beside it, a test can take longer than the default 10 s.
    config.deleteDuration = 3600
    simulator(&config)
    let sim = try await SimulatorServer.start(config)
    let logs = LogCapture()
    var clientConfig: ClientConfiguration
    switch auth {
    case .rackspaceAPIKey:
      clientConfig = ClientConfiguration(
        identityURL: sim.identityV2URL,
        auth: .rackspaceAPIKey(username: config.username, apiKey: config.apiKey, tenantID: nil))
    case .rackspacePassword:
      clientConfig = ClientConfiguration(
        identityURL: sim.identityV2URL,
        auth: .rackspacePassword(
          username: config.username, password: config.password, tenantID: config.tenantID))
    case .keystone:
      clientConfig = ClientConfiguration(
        identityURL: sim.identityV3URL,
        auth: .keystonePassword(
          username: config.username, password: config.password, userDomain: .name(config.domain),
          projectName: config.tenantName, projectID: nil, projectDomain: .name(config.domain)))
    case .fixedToken(let token):
      let base = sim.baseURL
      clientConfig = ClientConfiguration(
        identityURL: nil, auth: .token(token),
        endpointOverrides: [
          .database: "\(base)/dfw/database/v1.0/\(config.tenantID)",
          .blockStorage: "\(base)/dfw/volume/v3/\(config.tenantID)",
        ], staticRegions: ["DFW"])
    }
    clientConfig.logger = logs.logger
    clientConfig.retryBaseDelay = 0.001
    clientConfig.retryMaxDelay = 0.01
    client(&clientConfig)
    let session = CloudSession(configuration: clientConfig)
    let harness = SimulatorHarness(
      sim: sim, session: session, logs: logs, configuration: config)
    do {
      try await body(harness)
    } catch {
      try? await session.shutdown()
      await sim.shutdown()
      throw error
    }
    try await session.shutdown()
    await sim.shutdown()
  }

  enum Auth {
    case rackspaceAPIKey, rackspacePassword, keystone
    case fixedToken(String)
  }

  /// The CloudError thrown by `work`, or nil.
  static func cloudError(_ work: () async throws -> Void) async -> CloudError? {
    do {
      try await work()
      return nil
    } catch let error as CloudError {
      return error
    } catch {
      return CloudError(kind: .network, summary: "not a CloudError: \(error)")
    }
  }
}

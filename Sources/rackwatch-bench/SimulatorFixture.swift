import CloudClient
import CloudSimulator
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One simulator on loopback with N backups and N snapshots in DFW, shared by the seeding,
/// page, decode and listing figures, plus the ways the benchmark talks to it.
struct SimulatorFixture {
  /// The fixed token the raw HTTP requests use.
  static let token = "rackwatch-bench-token"
  /// The running server.
  let server: SimulatorServer
  /// Milliseconds `SimulatorServer.start` took (seeding dominates).
  let startMilliseconds: Double
  /// VmRSS growth over the start, in bytes.
  let memoryGrowth: Double

  /// Seeds and starts the simulator.
  static func start(items: Int) async throws -> SimulatorFixture {
    var configuration = SimulatorConfiguration()
    configuration.regions = ["DFW"]
    configuration.backupsPerRegion = items
    configuration.snapshotsPerRegion = items
    configuration.fixedToken = token
    let before = ResidentMemory.bytes() ?? .nan
    var server: SimulatorServer?
    let elapsed = try await Stopwatch.milliseconds {
      server = try await SimulatorServer.start(configuration)
    }
    let after = ResidentMemory.bytes() ?? .nan
    return SimulatorFixture(
      server: server!, startMilliseconds: elapsed, memoryGrowth: after - before)
  }

  /// The Cinder v3 endpoint of DFW.
  var volumeURL: String {
    "\(server.baseURL)/dfw/volume/v3/\(server.configuration.tenantID)"
  }

  /// The Trove endpoint of DFW.
  var databaseURL: String {
    "\(server.baseURL)/dfw/database/v1.0/\(server.configuration.tenantID)"
  }

  /// A client session: keystone v3 password auth through the simulator's catalog, or the
  /// fixed token with explicit endpoints.
  func session(keystone: Bool, pageSize: Int = 1000) -> CloudSession {
    let c = server.configuration
    var configuration: ClientConfiguration
    if keystone {
      configuration = ClientConfiguration(
        identityURL: server.identityV3URL,
        auth: .keystonePassword(
          username: c.username, password: c.password, userDomain: .name(c.domain),
          projectName: c.tenantName, projectID: nil, projectDomain: .name(c.domain)))
    } else {
      configuration = ClientConfiguration(
        identityURL: nil, auth: .token(Self.token),
        endpointOverrides: [.database: databaseURL, .blockStorage: volumeURL],
        staticRegions: ["DFW"])
    }
    configuration.pageSize = pageSize
    return CloudSession(configuration: configuration)
  }

  /// GETs `url` with the fixed token over a plain `URLSession`; returns the body.
  static func get(_ url: String, with http: URLSession) async throws -> Data {
    var request = URLRequest(url: URL(string: url)!)
    request.setValue(token, forHTTPHeaderField: "X-Auth-Token")
    let (data, response) = try await http.data(for: request)
    guard let status = (response as? HTTPURLResponse)?.statusCode, status == 200 else {
      throw BenchError("GET \(url) answered \(String(describing: response))")
    }
    return data
  }
}

/// A benchmark step that could not run.
struct BenchError: Error, CustomStringConvertible {
  /// What went wrong.
  let description: String
  /// Wraps a message.
  init(_ description: String) { self.description = description }
}

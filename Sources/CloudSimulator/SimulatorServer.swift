import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A simulated Rackspace/OpenStack cloud served over HTTP on one port: identity v2.0 and v3,
/// and per region Trove (database backups) and Cinder v1/v3 (volume snapshots).
///
/// URL layout (one port serves everything; `{t}` is the tenant id, `dfw` any region, lower case):
/// - identity: `POST /v2.0/tokens`, `POST /v3/auth/tokens`, version documents at `/`, `/v2.0`,
///   `/v3`
/// - Trove: `/dfw/database/v1.0/{t}/instances[/{id}[/backups]]`, `/dfw/database/v1.0/{t}/backups[/{id}]`
/// - Cinder: `/dfw/volume/v1/{t}/...` and `/dfw/volume/v3/{t}/...` (`volumes`, `volumes/detail`,
///   `volumes/{id}`, `snapshots`, `snapshots/detail`, `snapshots/{id}`); versions at
///   `/dfw/volume/` and `/dfw/volume/v3/`
/// - control (never faulted, no token): `/_sim/faults`, `/_sim/clock/advance?seconds=N`,
///   `/_sim/tokens/expire`, `/_sim/stats`
///
/// ```swift
/// let server = try await SimulatorServer.start(SimulatorConfiguration())
/// print(server.identityV3URL)   // http://127.0.0.1:PORT/v3
/// await server.shutdown()
/// ```
public final class SimulatorServer: Sendable {
  /// `http://HOST:PORT`.
  public let baseURL: String
  /// The configuration the server started with (faults may have changed since; see
  /// ``setFaults(_:)``).
  public let configuration: SimulatorConfiguration
  /// The port actually bound (useful when the configuration asked for 0).
  public let port: Int
  private let world: Locked<SimulatorWorld>
  private let task: Task<Void, Never>
  private let services: ServiceGroup

  /// Rackspace Identity v2.0 root: `baseURL/v2.0` (POST `tokens` below it).
  public var identityV2URL: String { baseURL + "/v2.0" }
  /// Keystone v3 root: `baseURL/v3` (POST `auth/tokens` below it).
  public var identityV3URL: String { baseURL + "/v3" }

  private init(
    baseURL: String, port: Int, configuration: SimulatorConfiguration,
    world: Locked<SimulatorWorld>, task: Task<Void, Never>, services: ServiceGroup
  ) {
    self.baseURL = baseURL
    self.port = port
    self.configuration = configuration
    self.world = world
    self.task = task
    self.services = services
  }

  /// Seeds the cloud and starts serving; returns once the port is bound.
  public static func start(_ configuration: SimulatorConfiguration) async throws
    -> SimulatorServer
  {
    let start = (configuration.startDate ?? Date()).timeIntervalSince1970
    // Seeding 200,000 rows is seconds of CPU in a debug build: do it on a Dispatch thread so the
    // small cooperative pool stays free for whoever else is running (other servers, tests).
    let world = await withCheckedContinuation {
      (done: CheckedContinuation<Locked<SimulatorWorld>, Never>) in
      DispatchQueue.global().async {
        done.resume(returning: Locked(SimulatorWorld(configuration: configuration, start: start)))
      }
    }
    let regions = Set(configuration.regions.map { $0.lowercased() })
    let fallbackHost = configuration.host
    let responder = CallbackResponder<SimulatorRequestContext> { request, context in
      try await respond(request, context, world, regions, fallbackHost)
    }
    var logger = Logger(label: "rackwatch.simulator")
    // Stopping cancels the server, which Hummingbird reports as an error; nothing else it logs
    // is of use to the operator.
    logger.logLevel = .critical
    let (ports, portSink) = AsyncStream<Int>.makeStream()
    let app = Application(
      responder: responder,
      configuration: .init(
        address: .hostname(configuration.host, port: configuration.port),
        serverName: "rackwatch-simulator"),
      onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) },
      logger: logger)
    // Run under a service group so `shutdown()` can stop gracefully: cancelling the server
    // task with connections still open traps in NIO ("Deinited NIOAsyncWriter without
    // calling finish()"), which took down whole test processes.
    let services = ServiceGroup(
      configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
    let task = Task {
      do { try await services.run() } catch { logger.error("simulator stopped: \(error)") }
      portSink.finish()
    }
    for await port in ports {
      let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
      return SimulatorServer(
        baseURL: "http://\(host):\(port)", port: port, configuration: configuration,
        world: world, task: task, services: services)
    }
    throw SimulatorStartError(host: configuration.host, port: configuration.port)
  }

  /// Moves simulated time forward: jobs progress, deletes finish, tokens age.
  public func advanceClock(by seconds: Double) {
    world.withLock { $0.clock.advance(by: seconds) }
  }

  /// The simulated time now, in seconds since 1970.
  public var now: Double { world.withLock { $0.clock.now() } }

  /// Replaces the active faults.
  public func setFaults(_ faults: SimulatorFaults) {
    world.withLock {
      $0.faults = faults
      $0.rateLimitCounter = 0
    }
  }

  /// The faults in force.
  public var faults: SimulatorFaults { world.withLock { $0.faults } }

  /// Every issued token becomes invalid (the fixed token stays valid).
  public func expireAllTokens() { world.withLock { $0.expireAllTokens() } }

  /// Total HTTP requests served so far.
  public var requestCount: Int { world.withLock { $0.requestCount } }

  /// Stops serving and waits until the port is released.
  public func shutdown() async {
    await services.triggerGracefulShutdown()
    // In-flight requests may be asleep in the latency fault: give them a moment, then cut.
    let task = self.task
    let deadline = Task {
      try? await Task.sleep(for: .seconds(3))
      if !Task.isCancelled { task.cancel() }
    }
    await task.value
    deadline.cancel()
  }

  // MARK: serving

  private static func respond(
    _ request: Request, _ context: SimulatorRequestContext, _ world: Locked<SimulatorWorld>,
    _ regions: Set<String>, _ fallbackHost: String
  ) async throws -> Response {
    var request = request
    let body = try await request.collectBody(upTo: 4 << 20)
    var headers: [String: String] = [:]
    for field in request.headers { headers[field.name.canonicalName] = field.value }
    let host =
      request.head.authority ?? headers["host"]
      ?? "\(fallbackHost):\(context.channel.localAddress?.port ?? 0)"
    let segments = request.uri.path.split(separator: "/").map {
      QueryEncoding.unescape($0, plusIsSpace: false)
    }
    let simRequest = SimRequest(
      method: request.method.rawValue, segments: segments,
      query: QueryEncoding.parse(request.uri.query), headers: headers,
      body: Array(body.readableBytesView), host: host)
    let kind = ServiceKind(segments, regions: regions)
    let (decision, latency, requestNumber) = world.withLock { w in
      w.requestCount += 1
      return (FaultInjector.decide(kind, &w), w.faults.latency, w.requestCount)
    }
    if latency > 0, kind != .control { try await Task.sleep(for: .seconds(latency)) }
    var response: SimResponse
    switch decision {
    case .drop:
      context.channel.close(promise: nil)
      throw SimulatorDroppedConnection()
    case .replace(let replacement):
      response = replacement
    case .none, .corrupt:
      response = world.withLock { w in
        var answer = SimulatorRouter.route(simRequest, kind, &w)
        if case .corrupt = decision { answer = FaultInjector.corrupt(answer, &w) }
        if kind != .control {
          w.bytesSent += answer.body.count
          w.requestsByKind[SimulatorControl.statsKey(simRequest), default: 0] += 1
        }
        return answer
      }
    }
    if kind == .trove || kind == .cinderV1 || kind == .cinderV3 {
      var ids = SeededGenerator(seed: UInt64(requestNumber))
      let id = "req-" + ids.uuid()
      response.headers.append(("X-Openstack-Request-Id", id))
      if kind != .trove { response.headers.append(("X-Compute-Request-Id", id)) }
    }
    var fields = HTTPFields()
    for (name, value) in response.headers {
      guard let fieldName = HTTPFields.Element.Name(name) else { continue }
      fields.append(HTTPFields.Element(name: fieldName, value: value))
    }
    let status = HTTPResponse.Status(code: response.status)
    return Response(
      status: status, headers: fields,
      body: .init(byteBuffer: ByteBuffer(bytes: response.body)))
  }
}

/// The simulator could not bind its address.
public struct SimulatorStartError: Error, CustomStringConvertible {
  /// The address that could not be bound.
  public let host: String
  /// The port that could not be bound.
  public let port: Int
  public var description: String { "The simulator could not listen on \(host):\(port)." }
}

/// Thrown after closing a connection on purpose (the dropped-connection fault).
struct SimulatorDroppedConnection: Error {}

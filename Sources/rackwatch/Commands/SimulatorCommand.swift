import ArgumentParser
import CloudSimulator
import Foundation

/// `rackwatch simulator`: serves the simulated Rackspace cloud until interrupted.
struct SimulatorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulator",
    abstract: "Serve a simulated Rackspace/OpenStack cloud (identity, Trove, Cinder) on loopback.")

  @Option(help: "Address to bind (loopback unless told otherwise).") var host = "127.0.0.1"
  @Option(help: "Port (0 picks a free one).") var port = 8900
  @Option(help: "Seed for the generated data.") var seed: UInt64 = 42
  @Option(help: "Backups per region.") var backups = 40
  @Option(help: "Snapshots per region.") var snapshots = 40
  @Option(help: "Database instances per region.") var instances = 6
  @Option(help: "Volumes per region.") var volumes = 8
  @Option(help: "Comma-separated regions.") var regions = "DFW,ORD,IAD,LON"
  @Option(help: "Clock speed (2 = twice real time).") var speed = 1.0
  @Option(help: "Jobs in motion at start, per region.") var inMotion = 2
  @Option(help: "Seconds a backup job takes (simulated time).") var backupDuration = 120.0
  @Option(help: "Seconds a snapshot takes (simulated time).") var snapshotDuration = 60.0
  @Option(help: "Fraction of jobs that fail.") var failureRate = 0.05
  @Option(help: "Token lifetime in seconds.") var tokenTTL = 86400.0
  @Option(help: "Accept this fixed token without authentication (noauth).") var fixedToken: String?
  @Option(help: "User name.") var username = "demo"
  @Option(help: "Password and API key.") var password = "demo"
  @Option(help: "Tenant/project name.") var tenant = "demo"
  @Flag(help: "Seed hostile names (escape sequences, bidi overrides, very long names, CJK, emoji).")
  var hostileNames = false
  @Option(help: "Fault: seconds of latency added to every response.") var latency = 0.0
  @Option(help: "Fault: fraction of requests answered 500/503.") var errorRate = 0.0
  @Option(help: "Fault: every Nth request is rate limited (413/429 with Retry-After).")
  var rateLimitEvery = 0
  @Option(help: "Fault: seconds in Retry-After.") var retryAfter = 5
  @Flag(
    help:
      "Seed the demo's protection mix: one database never backed up, one whose schedule missed, one whose last job failed, an orphan backup."
  )
  var protectionMix = false
  @Flag(help: "Answer /schedules with 404, as OpenStack Trove does (Rackspace serves them).")
  var noSchedules = false
  @Option(help: "Fault: fraction of connections dropped.") var dropRate = 0.0
  @Option(help: "Fault: fraction of bodies truncated or malformed.") var malformedRate = 0.0

  func configuration() -> SimulatorConfiguration {
    var c = SimulatorConfiguration()
    c.host = host
    c.port = port
    c.seed = seed
    c.backupsPerRegion = backups
    c.snapshotsPerRegion = snapshots
    c.instancesPerRegion = instances
    c.volumesPerRegion = volumes
    c.regions = regions.split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces).uppercased()
    }
    c.speed = speed
    c.inMotion = inMotion
    c.backupDuration = backupDuration
    c.snapshotDuration = snapshotDuration
    c.failureRate = failureRate
    c.tokenTTL = tokenTTL
    c.fixedToken = fixedToken
    c.username = username
    c.password = password
    c.apiKey = password
    c.tenantName = tenant
    c.hostileNames = hostileNames
    c.protectionMix = protectionMix
    c.schedulesSupported = !noSchedules
    c.faults.latency = latency
    c.faults.errorRate = errorRate
    c.faults.rateLimitEvery = rateLimitEvery
    c.faults.retryAfter = retryAfter
    c.faults.dropConnectionRate = dropRate
    c.faults.malformedBodyRate = malformedRate
    return c
  }

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
    guard speed > 0 else { throw ValidationError("--speed must be above 0") }
    guard backups >= 0, snapshots >= 0, instances >= 0, volumes >= 0 else {
      throw ValidationError("counts cannot be negative")
    }
  }

  func run() async throws {
    let server: SimulatorServer
    do {
      server = try await SimulatorServer.start(configuration())
    } catch {
      throw CommandFailure(
        message: "the simulator could not listen on \(host):\(port): \(error)",
        hint: "Pick another port with --port, or --port 0 for a free one.", code: 5
      ).exit()
    }
    let c = server.configuration
    let banner = """
      rackwatch simulator listening on \(server.baseURL)
        identity v2.0: \(server.identityV2URL)
        identity v3:   \(server.identityV3URL)
        username \(c.username), password and API key \(c.password), tenant \(c.tenantName) (\(c.tenantID)), domain \(c.domain)
        regions: \(c.regions.joined(separator: " "))
      Try:  rackwatch --auth-url \(server.identityV2URL) --username \(c.username) --api-key \(c.apiKey)
      Stop with Ctrl-C.

      """
    FileHandle.standardOutput.write(Data(banner.utf8))
    await SignalWaiter.waitForInterrupt()
    await server.shutdown()
  }
}

import CloudSimulator
import Foundation
import Testing

/// `rackwatch restore backup` and `rackwatch create volume --from-snapshot`, run as the real
/// binary against the simulator over HTTP.
@Suite("rackwatch restore / create volume against the simulator")
struct RecoveryCommandTests {
  static func simulator() async throws -> SimulatorServer {
    try await CommandTests.simulator {
      $0.inMotion = 0
      $0.failureRate = 0
      $0.hostileNames = false
      $0.speed = 100  // a 12 s build takes 0.12 s
    }
  }

  @Test("restore backup --wait: the new instance is printed, built to ACTIVE, exit 0")
  func restoreAndWait() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let listed = try await runner.run(
      ["list", "backups", "--format", "json", "--status", "completed"] + CommandTests.auth(sim))
    let backup = try #require(try CommandTests.json(listed.stdout).first)
    let id = try #require(backup["id"] as? String)
    let result = try await runner.run(
      ["restore", "backup", id, "--name", "restored-db", "--wait", "--format", "json"]
        + CommandTests.auth(sim))
    await sim.shutdown()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let made = try #require(try CommandTests.json(result.stdout).first)
    #expect(made["name"] as? String == "restored-db")
    #expect(made["status"] as? String == "BUILD")
    #expect(result.stderr.contains(": ACTIVE"))
  }

  @Test(
    "restore: an unknown flavor is a usage error listing the flavors; an unknown backup is trove's 404, exit 4"
  )
  func restoreRefused() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let listed = try await runner.run(
      ["list", "backups", "--format", "json", "--status", "completed"] + CommandTests.auth(sim))
    let id = try #require(try CommandTests.json(listed.stdout).first?["id"] as? String)
    let flavor = try await runner.run(
      ["restore", "backup", id, "--name", "x", "--flavor", "huge"] + CommandTests.auth(sim))
    #expect(flavor.status == 2)
    #expect(flavor.stderr.contains("no flavor 'huge'") && flavor.stderr.contains("1GB Instance"))
    let missing = try await runner.run(
      ["restore", "backup", "00000000-0000-0000-0000-000000000000", "--name", "x"]
        + CommandTests.auth(sim))
    await sim.shutdown()
    #expect(missing.status == 4)
    #expect(missing.stderr.contains("cannot be found"))
  }

  @Test("create volume --from-snapshot --wait: created with the snapshot's size, available, exit 0")
  func volumeFromSnapshot() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let listed = try await runner.run(
      ["list", "snapshots", "--format", "json", "--status", "available"] + CommandTests.auth(sim))
    let snapshot = try #require(try CommandTests.json(listed.stdout).first)
    let id = try #require(snapshot["id"] as? String)
    let result = try await runner.run(
      ["create", "volume", "--from-snapshot", id, "--wait", "--format", "json"]
        + CommandTests.auth(sim))
    let small = try await runner.run(
      ["create", "volume", "--from-snapshot", id, "--size", "0"] + CommandTests.auth(sim))
    await sim.shutdown()
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let made = try #require(try CommandTests.json(result.stdout).first)
    #expect(made["size_gb"] as? Int == snapshot["size_gb"] as? Int)
    #expect((made["name"] as? String)?.hasSuffix("-restored") == true)
    #expect(result.stderr.contains(": available"))
    #expect(small.status != 0 && small.stderr.contains("at least 1 GB"))
  }

  @Test("a read-only profile refuses restore and create volume before anything is sent")
  func readOnly() async throws {
    let sim = try await Self.simulator()
    let runner = try BinaryRunner()
    defer { runner.cleanUp() }
    let restore = try await runner.run(
      ["restore", "backup", "b1", "--name", "x", "--readonly"] + CommandTests.auth(sim))
    let create = try await runner.run(
      ["create", "volume", "--from-snapshot", "s1", "--readonly"] + CommandTests.auth(sim))
    let requests = sim.requestCount
    await sim.shutdown()
    #expect(
      restore.status == 2 && restore.stderr.contains("restore refused: the profile is read-only"))
    #expect(
      create.status == 2 && create.stderr.contains("create refused: the profile is read-only"))
    #expect(requests == 0)
  }
}

import CloudSimulator
import Testing

@testable import rackwatch

/// `rackwatch simulator`'s flags reach the simulator's configuration.
@Suite("rackwatch simulator flags")
struct SimulatorCommandTests {
  @Test("--protection-mix seeds the demo's mix; --no-schedules answers /schedules with 404")
  func protectionFlags() throws {
    let plain = try SimulatorCommand.parse([]).configuration()
    #expect(!plain.protectionMix && plain.schedulesSupported)
    let mixed = try SimulatorCommand.parse(["--protection-mix", "--no-schedules"]).configuration()
    #expect(mixed.protectionMix)
    #expect(!mixed.schedulesSupported)
  }
}

/// The whole simulated cloud: every region's data, issued tokens, faults and counters.
///
/// One value behind one lock (``Locked``); handlers run synchronously inside the lock, so a
/// request sees and changes a consistent world.
struct SimulatorWorld: Sendable {
  var configuration: SimulatorConfiguration
  /// Region data by lower-cased region name (the form used in URLs).
  var regions: [String: RegionData] = [:]
  /// Token -> expiry, in simulated seconds.
  var tokens: [String: Double] = [:]
  var faults: SimulatorFaults
  var clock: SimClock
  /// Ids of rows created at run time.
  var idGenerator: SeededGenerator
  /// Decides which requests a probabilistic fault hits.
  var faultGenerator: SeededGenerator
  var requestCount = 0
  /// Body bytes answered, and requests by kind (`GET volume/snapshots/detail`), for
  /// `/_sim/stats`: what a client's refresh costs the cloud.
  var bytesSent = 0
  var requestsByKind: [String: Int] = [:]
  /// Requests counted by the rate-limit fault.
  var rateLimitCounter = 0

  init(configuration: SimulatorConfiguration, start: Double) {
    self.configuration = configuration
    faults = configuration.faults
    clock = SimClock(simStart: start, speed: configuration.speed)
    idGenerator = SeededGenerator(seed: configuration.seed ^ 0x5EED_0F1D)
    faultGenerator = SeededGenerator(seed: configuration.seed ^ 0xFA17)
    let seeder = RegionSeeder(
      configuration: configuration, start: configuration.seedDate?.timeIntervalSince1970 ?? start)
    for (i, region) in configuration.regions.enumerated() {
      var data = seeder.seed(region: region, index: i)
      if configuration.protectionMix {
        ProtectionSeeder(configuration: configuration, start: start).seed(&data, index: i)
      }
      regions[region.lowercased()] = data
    }
  }

  // MARK: tokens

  mutating func issueToken() -> (id: String, expires: Double) {
    let id = idGenerator.hex32()
    let expires = clock.now() + configuration.tokenTTL
    tokens[id] = expires
    return (id, expires)
  }

  /// A token is good if it was issued and has not expired, or is the configured fixed token.
  func isValid(token: String?) -> Bool {
    guard let token, !token.isEmpty else { return false }
    if let fixed = configuration.fixedToken, token == fixed { return true }
    guard let expires = tokens[token] else { return false }
    return expires > clock.now()
  }

  mutating func expireAllTokens() { tokens.removeAll() }
}

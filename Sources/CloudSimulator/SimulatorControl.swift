import Foundation

/// `/_sim/...`: the control endpoint tests and scripts use to steer a running simulator.
///
/// - `GET /_sim/faults`, `POST /_sim/faults` (JSON with ``SimulatorFaults`` property names;
///   missing ones are off)
/// - `POST /_sim/clock/advance?seconds=N`
/// - `POST /_sim/tokens/expire`
/// - `GET /_sim/stats`
enum SimulatorControl {
  static func handle(_ req: SimRequest, _ world: inout SimulatorWorld) -> SimResponse {
    let path = req.segments.dropFirst().joined(separator: "/")
    switch (req.method, path) {
    case ("GET", "faults"):
      return faultsBody(world.faults)
    case ("POST", "faults"), ("PUT", "faults"):
      guard let faults = try? JSONDecoder().decode(SimulatorFaults.self, from: Data(req.body))
      else { return .badRequest("Body must be a JSON object of fault settings.") }
      world.faults = faults
      world.rateLimitCounter = 0
      return faultsBody(faults)
    case ("POST", "clock/advance"):
      guard let text = req.queryValue("seconds"), let seconds = Double(text), seconds >= 0 else {
        return .badRequest("seconds must be a non-negative number.")
      }
      world.clock.advance(by: seconds)
      return stats(world)
    case ("POST", "tokens/expire"):
      world.expireAllTokens()
      return SimResponse(status: 204)
    case ("GET", "stats"):
      return stats(world)
    default:
      return .notFound("The resource could not be found.")
    }
  }

  private static func faultsBody(_ faults: SimulatorFaults) -> SimResponse {
    let data = (try? JSONEncoder().encode(faults)) ?? Data("{}".utf8)
    return SimResponse(
      status: 200, headers: [("Content-Type", "application/json")], body: Array(data))
  }

  /// `GET volume/snapshots/detail`, `GET database/backups/{id}`: the method and the path
  /// without region, version and tenant, IDs folded, so a tick's requests can be counted.
  static func statsKey(_ req: SimRequest) -> String {
    let s = req.segments
    var parts: [String] = []
    if s.count >= 2 { parts.append(s[1]) }
    for segment in s.dropFirst(4) {
      let looksLikeID = segment.count >= 16 && segment.allSatisfy { $0.isHexDigit || $0 == "-" }
      parts.append(looksLikeID ? "{id}" : segment)
    }
    return req.method + " " + parts.joined(separator: "/")
  }

  private static func stats(_ world: SimulatorWorld) -> SimResponse {
    let now = world.clock.now()
    var w = JSONWriter()
    w.beginObject()
    w.field("requests", world.requestCount)
    w.field("bytes", world.bytesSent)
    w.beginObject("by_kind")
    for key in world.requestsByKind.keys.sorted() { w.field(key, world.requestsByKind[key]) }
    w.endObject()
    w.field("now", WireDate.keystone(now))
    w.field("tokens", world.tokens.count)
    w.beginObject("regions")
    for region in world.configuration.regions {
      guard let data = world.regions[region.lowercased()] else { continue }
      w.beginObject(region)
      w.field("instances", data.instances.count)
      w.field("volumes", data.volumes.count)
      w.field("backups", data.backups.count)
      w.field("snapshots", data.snapshots.count)
      w.endObject()
    }
    w.endObject()
    w.endObject()
    return .json(200, w)
  }
}

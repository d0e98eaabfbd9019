/// What a service handler needs to know besides the request: the time, the region and how to
/// write links that point back at this server.
struct ServiceContext: Sendable {
  let now: Double
  let configuration: SimulatorConfiguration
  /// Region as the catalog names it (`DFW`).
  let region: String
  /// `host:port` the client used.
  let host: String

  var tenantID: String { configuration.tenantID }

  /// `http://host/dfw/<service>`: the root of one regional service.
  func serviceRoot(_ service: String) -> String {
    "http://\(host)/\(region.lowercased())/\(service)"
  }
}

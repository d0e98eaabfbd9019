import CloudClient
import CloudSimulator
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Direct HTTP calls to the simulator, for setting up a test independently of rackwatch's
/// own client.
enum SimulatorHTTP {
  static func token(_ sim: SimulatorServer) async throws -> String {
    var request = URLRequest(url: URL(string: sim.identityV2URL + "/tokens")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.httpBody = Data(
      #"{"auth":{"RAX-KSKEY:apiKeyCredentials":{"username":"demo","apiKey":"demo"}}}"#.utf8)
    let (data, _) = try await URLSession.shared.data(for: request)
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let access = json?["access"] as? [String: Any]
    let token = access?["token"] as? [String: Any]
    guard let id = token?["id"] as? String else { throw URLError(.badServerResponse) }
    return id
  }

  static func createBackup(
    _ sim: SimulatorServer, token: String, instance: String, region: String = "dfw"
  )
    async throws -> String
  {
    let tenant = sim.configuration.tenantID
    var request = URLRequest(
      url: URL(string: "\(sim.baseURL)/\(region)/database/v1.0/\(tenant)/backups")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue(token, forHTTPHeaderField: "X-Auth-Token")
    request.httpBody = Data(#"{"backup":{"name":"e2e-wait","instance":"\#(instance)"}}"#.utf8)
    let (data, _) = try await URLSession.shared.data(for: request)
    let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    guard let backup = json?["backup"] as? [String: Any], let id = backup["id"] as? String else {
      throw URLError(.badServerResponse)
    }
    return id
  }
}

extension CloudSession {
  /// rackwatch's own client for a simulator started with `config`, signing in through its
  /// Keystone v3 endpoint with the configured user.
  static func signingIn(to sim: SimulatorServer, _ config: SimulatorConfiguration) -> CloudSession {
    CloudSession(
      configuration: ClientConfiguration(
        identityURL: sim.identityV3URL,
        auth: .keystonePassword(
          username: config.username, password: config.password, userDomain: .name(config.domain),
          projectName: config.tenantName, projectID: nil, projectDomain: .name(config.domain))))
  }
}

import CloudSimulator
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// One HTTP answer, with the body parsed when it is JSON.
struct Reply: Sendable {
  let status: Int
  /// Header values by lower-cased name.
  let headers: [String: String]
  let body: Data
  /// The body parsed once (tests read it many times; big pages are slow to parse in debug).
  let json: JSONValue?

  init(status: Int, headers: [String: String], body: Data) {
    self.status = status
    self.headers = headers
    self.body = body
    json = try? JSONDecoder().decode(JSONValue.self, from: body)
  }

  var text: String { String(decoding: body, as: UTF8.self) }
  func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A small HTTP client over URLSession, talking to one running simulator.
struct Harness: Sendable {
  let server: SimulatorServer
  let session: URLSession

  var config: SimulatorConfiguration { server.configuration }
  var tenant: String { config.tenantID }
  func trove(_ region: String = "dfw") -> String {
    "\(server.baseURL)/\(region)/database/v1.0/\(tenant)"
  }
  func cinder3(_ region: String = "dfw") -> String {
    "\(server.baseURL)/\(region)/volume/v3/\(tenant)"
  }
  func cinder1(_ region: String = "dfw") -> String {
    "\(server.baseURL)/\(region)/volume/v1/\(tenant)"
  }

  func send(
    _ method: String, _ url: String, token: String? = nil, json: String? = nil,
    headers: [String: String] = [:]
  ) async throws -> Reply {
    let target = url.hasPrefix("http") ? url : server.baseURL + url
    guard let address = URL(string: target) else { throw HarnessError.badURL(target) }
    var request = URLRequest(url: address)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let token { request.setValue(token, forHTTPHeaderField: "X-Auth-Token") }
    if let json {
      request.httpBody = Data(json.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await session.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw HarnessError.notHTTP }
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
      fields[String(describing: name).lowercased()] = String(describing: value)
    }
    return Reply(status: http.statusCode, headers: fields, body: data)
  }

  func get(_ url: String, token: String?, headers: [String: String] = [:]) async throws -> Reply {
    try await send("GET", url, token: token, headers: headers)
  }

  /// A token from Rackspace identity v2.0 with the API key.
  func token() async throws -> String {
    let reply = try await send(
      "POST", server.identityV2URL + "/tokens",
      json: """
        {"auth": {"RAX-KSKEY:apiKeyCredentials": {"username": "\(config.username)", \
        "apiKey": "\(config.apiKey)"}}}
        """)
    guard let id = reply.json?["access"]?["token"]?["id"]?.string else {
      throw HarnessError.noToken(reply.status)
    }
    return id
  }
}

enum HarnessError: Error {
  case badURL(String)
  case notHTTP
  case noToken(Int)
  case missing(String)
}

/// A fixed start so dates and seeded rows are the same on every run.
let fixedStart = Date(timeIntervalSince1970: 1_795_420_800)  // 2026-11-23T08:00:00Z

/// Starts a simulator on a free loopback port, runs `body` against it, and stops it.
func withSimulator(
  _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
  _ body: (Harness) async throws -> Void
) async throws {
  var configuration = SimulatorConfiguration()
  configuration.port = 0
  configuration.startDate = fixedStart
  configuration.failureRate = 0
  // A stopped clock: time moves only when a test advances it, so bodies are repeatable.
  configuration.speed = 0
  configure(&configuration)
  let server = try await SimulatorServer.start(configuration)
  let sessionConfiguration = URLSessionConfiguration.ephemeral
  sessionConfiguration.timeoutIntervalForRequest = 30
  let session = URLSession(configuration: sessionConfiguration)
  do {
    try await body(Harness(server: server, session: session))
  } catch {
    session.invalidateAndCancel()
    await server.shutdown()
    throw error
  }
  session.invalidateAndCancel()
  await server.shutdown()
}

/// Unwraps an optional or fails the test with a message.
func need<T>(_ value: T?, _ what: String) throws -> T {
  guard let value else { throw HarnessError.missing(what) }
  return value
}

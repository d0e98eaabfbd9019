import Foundation
import Testing

@testable import CloudClient

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Keystone mode only (`scripts/test-real-openstack.sh --keystone`): sign-in against a real
/// keystone 30 and its catalog, the refusals it gives, and a token revoked under a running
/// session.
extension RealPeerTests {
  /// A session signing in with `auth` at the real keystone, for the regions of its catalog.
  static func withKeystoneSession(
    _ auth: AuthMethod, _ body: (CloudSession, LogCapture) async throws -> Void
  ) async throws {
    let url = try #require(keystone)
    let logs = LogCapture()
    var config = ClientConfiguration(identityURL: url, auth: auth)
    config.logger = logs.logger
    let session = CloudSession(configuration: config)
    do {
      try await body(session, logs)
    } catch {
      try? await session.shutdown()
      throw error
    }
    try await session.shutdown()
  }

  /// A raw keystone call (for what the client never does: make or revoke credentials).
  static func keystoneCall(
    _ method: String, _ path: String, token: String? = nil, subject: String? = nil,
    json: String? = nil
  ) async throws -> (status: Int, body: Data, subjectToken: String?) {
    let base = try #require(keystone)
    var request = URLRequest(url: try #require(URL(string: base + path)))
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let token { request.setValue(token, forHTTPHeaderField: "X-Auth-Token") }
    if let subject { request.setValue(subject, forHTTPHeaderField: "X-Subject-Token") }
    if let json {
      request.httpBody = Data(json.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    return (http.statusCode, data, http.value(forHTTPHeaderField: "X-Subject-Token"))
  }

  /// A password token and the user's id, straight from keystone.
  static func passwordToken() async throws -> (token: String, userID: String) {
    let reply = try await keystoneCall(
      "POST", "/auth/tokens",
      json: """
        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": \
        "\(keystoneUser)", "domain": {"name": "Default"}, "password": "\(keystonePassword)"}}}}}
        """)
    let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
    let user = (object?["token"] as? [String: Any])?["user"] as? [String: Any]
    return (try #require(reply.subjectToken), try #require(user?["id"] as? String))
  }

  @Test(
    "Keystone: v3 password sign-in, the real catalog's two regions, snapshots and backups in each",
    .enabled(if: keystone != nil))
  func keystonePasswordCatalog() async throws {
    try await Self.withKeystoneSession(Self.keystonePasswordAuth()) { session, logs in
      let regions = try await session.regions()
      #expect(regions == ["RegionOne", "RegionTwo"])
      for region in regions {
        let cinder = try await session.endpoint(.blockStorage, region: region)
        let trove = try await session.endpoint(.database, region: region)
        #expect(cinder.url.hasPrefix("http://127.0.0.1:8776/v3/"))
        #expect(trove.url.hasPrefix("http://127.0.0.1:8779/v1.0/"))
        _ = try await session.listSnapshots(region: region)
        let backups = try await session.listBackups(region: region)
        #expect(!backups.isEmpty)  // trove is seeded for the demo project
      }
      #expect(logs.requests("POST", "auth/tokens").count == 1)
    }
  }

  @Test(
    "Keystone: an application credential signs in; an unknown one is keystone's 404, one clear line",
    .enabled(if: keystone != nil))
  func keystoneApplicationCredential() async throws {
    let (token, userID) = try await Self.passwordToken()
    let name = "rackwatch-it-\(UUID().uuidString.prefix(8))"
    let made = try await Self.keystoneCall(
      "POST", "/users/\(userID)/application_credentials", token: token,
      json: #"{"application_credential": {"name": "\#(name)"}}"#)
    #expect(made.status == 201)
    let object = try JSONSerialization.jsonObject(with: made.body) as? [String: Any]
    let credential = try #require(object?["application_credential"] as? [String: Any])
    let id = try #require(credential["id"] as? String)
    let secret = try #require(credential["secret"] as? String)
    try await Self.withKeystoneSession(.applicationCredential(id: id, secret: secret)) {
      session, _ in
      let regions = try await session.regions()
      #expect(regions == ["RegionOne", "RegionTwo"])
      let backups = try await session.listBackups(region: "RegionTwo")
      #expect(!backups.isEmpty)
    }
    try await Self.withKeystoneSession(
      .applicationCredential(id: String(repeating: "0", count: 32), secret: "x")
    ) { session, _ in
      do {
        _ = try await session.listSnapshots(region: "RegionOne")
        Issue.record("an unknown application credential signed in")
      } catch let error as CloudError {
        #expect(error.kind == .unauthorized)
        #expect(error.status == 404)
        #expect(error.summary.hasPrefix("Signing in failed: Could not find Application Credential"))
        #expect(!error.summary.contains("\n"))
      }
    }
    _ = try await Self.keystoneCall(
      "DELETE", "/users/\(userID)/application_credentials/\(id)", token: token)
  }

  @Test(
    "Keystone: a wrong password is one clear 401 line, without the password",
    .enabled(if: keystone != nil))
  func keystoneWrongPassword() async throws {
    let wrong = "not-the-password-\(UUID().uuidString.prefix(6))"
    try await Self.withKeystoneSession(Self.keystonePasswordAuth(password: wrong)) {
      session, logs in
      do {
        _ = try await session.listBackups(region: "RegionOne")
        Issue.record("a wrong password signed in")
      } catch let error as CloudError {
        #expect(error.kind == .unauthorized && error.status == 401)
        #expect(
          error.summary
            == "Signing in failed: The request you have made requires authentication. (HTTP 401)")
        #expect(!error.summary.contains(wrong))
      }
      #expect(!logs.lines.joined().contains(wrong))
    }
  }

  @Test(
    "Keystone: a token revoked while the session runs is renewed once and the listing goes on",
    .enabled(if: keystone != nil))
  func keystoneRevokedToken() async throws {
    try await Self.withKeystoneSession(Self.keystonePasswordAuth()) { session, logs in
      // Signed in, but the token not yet shown to trove: keystonemiddleware caches a token it
      // has validated for up to 5 minutes (token_cache_time), so a revocation after use is
      // seen only later; before first use it is refused at once.
      let token = try await session.keeper.current().token
      let revoked = try await Self.keystoneCall(
        "DELETE", "/auth/tokens", token: token, subject: token)
      #expect(revoked.status == 204)
      let after = try await session.listBackups(region: "RegionOne")
      #expect(!after.isEmpty)
      #expect(logs.requests("POST", "auth/tokens").count == 2)
      #expect(logs.requests("GET", "/backups").contains { $0.contains(" 401") })
      #expect(await session.keeper.currentToken != token)
    }
  }
}

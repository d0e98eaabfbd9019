import CloudSimulator
import Foundation
import Testing

/// The simulator's identity v3 answers held against the bodies a real keystone 30 gave
/// (fixtures/real/keystone/, INDEX.md "Keystone mode"): same keys, same value types, the
/// token only in `X-Subject-Token`, keystone's error shape and status for each refusal.
@Suite("Keystone v3 answers have the shapes of the real keystone 30 bodies")
struct KeystoneFixtureTests {
  static func post(_ h: Harness, _ json: String) async throws -> Reply {
    try await h.send("POST", h.server.identityV3URL + "/auth/tokens", json: json)
  }

  static func password(_ password: String, scoped: Bool) -> String {
    let scope =
      scoped ? #", "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}"# : ""
    return """
      {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo", \
      "domain": {"name": "Default"}, "password": "\(password)"}}}\(scope)}}
      """
  }

  static func applicationCredential(id: String, secret: String) -> String {
    """
    {"auth": {"identity": {"methods": ["application_credential"], "application_credential": \
    {"id": "\(id)", "secret": "\(secret)"}}}}
    """
  }

  /// Compares a token reply with a captured one and checks the token is only a header.
  static func expectToken(_ reply: Reply, like fixture: String) throws {
    #expect(reply.status == 201, "\(fixture): status")
    let token = try need(reply.header("X-Subject-Token"), "X-Subject-Token")
    #expect(!reply.text.contains(token), "\(fixture): the token is in the body")
    let ours = try need(reply.json, "\(fixture): body")
    let diffs = FixtureShape.differences(ours, try FixtureShape.json(fixture))
    #expect(diffs.isEmpty, "\(fixture): \(diffs.joined(separator: "; "))")
    let theirKeys = try FixtureShape.json(fixture)["token"]?.object?.keys.sorted()
    #expect(ours["token"]?.object?.keys.sorted() == theirKeys, "\(fixture): token keys")
  }

  @Test("password sign-in, scoped and unscoped, has the real token body")
  func passwordTokens() async throws {
    try await withSimulator { h in
      try Self.expectToken(
        try await Self.post(h, Self.password("demo", scoped: true)),
        like: "keystone/token-password.json")
      // No scope: keystone scopes to the user's default project, catalog included.
      try Self.expectToken(
        try await Self.post(h, Self.password("demo", scoped: false)),
        like: "keystone/token-password-default-project.json")
    }
  }

  @Test("application credential sign-in has the real token body")
  func applicationCredentialToken() async throws {
    try await withSimulator { h in
      let reply = try await Self.post(
        h,
        Self.applicationCredential(
          id: h.config.applicationCredentialID, secret: h.config.applicationCredentialSecret))
      try Self.expectToken(reply, like: "keystone/token-application-credential.json")
      #expect(reply.json?["token"]?["methods"]?.array?.first?.string == "application_credential")
    }
  }

  @Test(
    "refusals: wrong password 401, unknown credential 404, wrong secret 401, in keystone's shape")
  func refusals() async throws {
    try await withSimulator { h in
      let cases: [(String, String, Int)] = [
        (Self.password("wrong", scoped: false), "keystone/error-401-bad-password.json", 401),
        (
          Self.applicationCredential(id: String(repeating: "0", count: 32), secret: "x"),
          "keystone/error-404-unknown-application-credential.json", 404
        ),
        (
          Self.applicationCredential(id: h.config.applicationCredentialID, secret: "wrong-secret"),
          "keystone/error-401-bad-application-credential-secret.json", 401
        ),
      ]
      for (body, fixture, status) in cases {
        let reply = try await Self.post(h, body)
        #expect(reply.status == status, "\(fixture): status")
        #expect(reply.header("X-Subject-Token") == nil)
        let diffs = FixtureShape.differences(
          try need(reply.json, fixture), try FixtureShape.json(fixture))
        #expect(diffs.isEmpty, "\(fixture): \(diffs.joined(separator: "; "))")
        #expect(reply.json?["error"]?["code"]?.number == Double(status))
      }
    }
  }

  @Test("a token exchanged with the token method is scoped and works; an unknown one is 401")
  func tokenMethod() async throws {
    try await withSimulator { h in
      let first = try need(
        try await Self.post(h, Self.password("demo", scoped: false)).header("X-Subject-Token"),
        "first token")
      let exchange = """
        {"auth": {"identity": {"methods": ["token"], "token": {"id": "\(first)"}}, \
        "scope": {"project": {"id": "\(h.tenant)"}}}}
        """
      try Self.expectToken(try await Self.post(h, exchange), like: "keystone/token-password.json")
      let unknown = exchange.replacingOccurrences(of: first, with: "not-a-token")
      #expect(try await Self.post(h, unknown).status == 401)
    }
  }
}

import Foundation
import Testing

@testable import CloudClient

/// The credentials bodies, compared with the documented requests.
@Suite("Identity requests")
struct IdentityRequestTests {
  func json(_ auth: AuthMethod) throws -> NSDictionary {
    try #require(
      JSONSerialization.jsonObject(with: IdentityWire.requestBody(auth)) as? NSDictionary)
  }

  func doc(_ name: String) throws -> NSDictionary {
    try #require(JSONSerialization.jsonObject(with: Fixtures.data("docs/\(name)")) as? NSDictionary)
  }

  @Test("Rackspace API key with a tenant, as rax-identity-v2-tokens-apikey-tenantid-request.json")
  func apiKey() throws {
    let body = try json(.rackspaceAPIKey(username: "u", apiKey: "k", tenantID: "t"))
    let auth = try #require(body["auth"] as? NSDictionary)
    #expect(auth["tenantId"] as? String == "t")
    let credentials = try #require(auth["RAX-KSKEY:apiKeyCredentials"] as? NSDictionary)
    #expect(credentials == ["username": "u", "apiKey": "k"])
    let documented = try #require(
      try doc("rax-identity-v2-tokens-apikey-tenantid-request.json")["auth"] as? NSDictionary)
    #expect(
      Set(documented.allKeys.compactMap { $0 as? String })
        == Set(auth.allKeys.compactMap { $0 as? String }))
  }

  @Test("identity v2.0 password credentials")
  func password() throws {
    let body = try json(.rackspacePassword(username: "u", password: "p", tenantID: nil))
    let auth = try #require(body["auth"] as? NSDictionary)
    #expect(auth["passwordCredentials"] as? NSDictionary == ["username": "u", "password": "p"])
    #expect(auth["tenantId"] == nil)
  }

  @Test("keystone v3 password scoped by project name matches the api-ref request")
  func keystoneByName() throws {
    let body = try json(
      .keystonePassword(
        username: "admin", password: "devstacker", userDomain: "Default", projectName: "admin",
        projectID: nil, projectDomain: "Default"))
    let ours = try #require((body["auth"] as? NSDictionary)?["scope"] as? NSDictionary)
    let documented = try doc("keystone-v3-auth-project-name-password-request.json")
    let theirs = try #require((documented["auth"] as? NSDictionary)?["scope"] as? NSDictionary)
    #expect(
      Set(ours.allKeys.compactMap { $0 as? String })
        == Set(theirs.allKeys.compactMap { $0 as? String }))
    let identity = try #require((body["auth"] as? NSDictionary)?["identity"] as? NSDictionary)
    #expect(identity["methods"] as? [String] == ["password"])
    let user = try #require((identity["password"] as? NSDictionary)?["user"] as? NSDictionary)
    #expect(user["name"] as? String == "admin")
    #expect(user["domain"] as? NSDictionary == ["name": "Default"])
  }

  @Test("keystone v3 password scoped by project ID")
  func keystoneByID() throws {
    let body = try json(
      .keystonePassword(
        username: "u", password: "p", userDomain: "Default", projectName: nil, projectID: "abc",
        projectDomain: "Default"))
    let scope = try #require((body["auth"] as? NSDictionary)?["scope"] as? NSDictionary)
    #expect(scope["project"] as? NSDictionary == ["id": "abc"])
  }

  @Test("application credential: id and secret, no scope")
  func applicationCredential() throws {
    let body = try json(.applicationCredential(id: "ac-id", secret: "ac-secret"))
    let auth = try #require(body["auth"] as? NSDictionary)
    #expect(auth["scope"] == nil)
    let identity = try #require(auth["identity"] as? NSDictionary)
    #expect(identity["methods"] as? [String] == ["application_credential"])
    #expect(
      identity["application_credential"] as? NSDictionary == ["id": "ac-id", "secret": "ac-secret"])
  }

  @Test("tokens URL for each identity version")
  func tokensURL() {
    let v2 = AuthMethod.rackspaceAPIKey(username: "u", apiKey: "k", tenantID: nil)
    let v3 = AuthMethod.applicationCredential(id: "i", secret: "s")
    #expect(
      IdentityWire.tokensURL(identityURL: "https://id/v2.0/", auth: v2) == "https://id/v2.0/tokens")
    #expect(
      IdentityWire.tokensURL(identityURL: "https://id/v2.0/tokens", auth: v2)
        == "https://id/v2.0/tokens")
    #expect(
      IdentityWire.tokensURL(identityURL: "https://id/v3", auth: v3) == "https://id/v3/auth/tokens")
  }
}

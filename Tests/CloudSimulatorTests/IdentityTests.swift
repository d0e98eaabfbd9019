import CloudSimulator
import Foundation
import Testing

@Suite("Identity v2.0 and v3 issue tokens and a catalog of every region")
struct IdentityTests {
  static func v3Body(user: String, password: String, project: String) -> String {
    """
    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "\(user)", \
    "domain": {"name": "Default"}, "password": "\(password)"}}}, \
    "scope": {"project": {"name": "\(project)", "domain": {"name": "Default"}}}}}
    """
  }

  @Test("v2.0 API key credentials give a token, tenant and a catalog with every region")
  func v2ApiKey() async throws {
    try await withSimulator { h in
      let reply = try await h.send(
        "POST", h.server.identityV2URL + "/tokens",
        json: #"{"auth": {"RAX-KSKEY:apiKeyCredentials": {"username": "demo", "apiKey": "demo"}}}"#)
      #expect(reply.status == 200)
      let access = try need(reply.json?["access"], "access")
      #expect(access["token"]?["tenant"]?["id"]?.string == h.tenant)
      #expect(access["token"]?["tenant"]?["name"]?.string == "demo")
      #expect(access["token"]?["expires"]?.string?.hasSuffix("Z") == true)
      #expect(access["user"]?["RAX-AUTH:defaultRegion"]?.string == "DFW")
      let catalog = try need(access["serviceCatalog"]?.array, "catalog")
      let databases = try need(catalog.first { $0["type"]?.string == "rax:database" }, "databases")
      #expect(databases["name"]?.string == "cloudDatabases")
      let regions = databases["endpoints"]?.array?.compactMap { $0["region"]?.string }
      #expect(regions == ["DFW", "ORD", "IAD", "LON"])
      let storage = try need(catalog.first { $0["type"]?.string == "volume" }, "block storage")
      #expect(storage["name"]?.string == "cloudBlockStorage")
      let ord = try need(
        storage["endpoints"]?.array?.first { $0["region"]?.string == "ORD" }, "ORD")
      #expect(ord["publicURL"]?.string == "\(h.server.baseURL)/ord/volume/v1/\(h.tenant)")
      #expect(ord["internalURL"]?.string != nil)
      #expect(ord["tenantId"]?.string == h.tenant)
      // A global service without a region, as Rackspace lists them.
      let dns = try need(catalog.first { $0["type"]?.string == "rax:dns" }, "global service")
      #expect(dns["endpoints"]?[0]?["region"] == nil)
    }
  }

  @Test("v2.0 password credentials with the tenant name work; a wrong tenant is refused")
  func v2Password() async throws {
    try await withSimulator { h in
      let url = h.server.identityV2URL + "/tokens"
      let good = try await h.send(
        "POST", url,
        json:
          #"{"auth": {"passwordCredentials": {"username": "demo", "password": "demo"}, "tenantName": "demo"}}"#
      )
      #expect(good.status == 200)
      #expect(good.json?["access"]?["token"]?["RAX-AUTH:authenticatedBy"]?[0]?.string == "PASSWORD")
      let wrongTenant = try await h.send(
        "POST", url,
        json:
          #"{"auth": {"passwordCredentials": {"username": "demo", "password": "demo"}, "tenantId": "999"}}"#
      )
      #expect(wrongTenant.status == 401)
      #expect(wrongTenant.json?["unauthorized"]?["code"]?.number == 401)
    }
  }

  @Test("wrong v2.0 credentials answer 401 with a Rackspace unauthorized body")
  func v2Wrong() async throws {
    try await withSimulator { h in
      let reply = try await h.send(
        "POST", h.server.identityV2URL + "/tokens",
        json: #"{"auth": {"RAX-KSKEY:apiKeyCredentials": {"username": "demo", "apiKey": "nope"}}}"#)
      #expect(reply.status == 401)
      #expect(
        reply.text
          == #"{"unauthorized": {"code": 401, "message": "Username or api key is invalid."}}"#)
      #expect(!reply.text.contains("nope"))
      let garbage = try await h.send("POST", h.server.identityV2URL + "/tokens", json: "{")
      #expect(garbage.status == 400)
    }
  }

  @Test("v3 password auth scoped to a project answers 201 with X-Subject-Token and a catalog")
  func v3Password() async throws {
    try await withSimulator { h in
      let reply = try await h.send(
        "POST", h.server.identityV3URL + "/auth/tokens",
        json: Self.v3Body(user: "demo", password: "demo", project: "demo"))
      #expect(reply.status == 201)
      let token = try need(reply.header("X-Subject-Token"), "X-Subject-Token")
      let body = try need(reply.json?["token"], "token")
      #expect(body["project"]?["id"]?.string == h.tenant)
      #expect(body["project"]?["domain"]?["name"]?.string == "Default")
      #expect(body["expires_at"]?.string?.hasSuffix("Z") == true)
      #expect(body["issued_at"]?.string != nil)
      #expect(body["user"]?["name"]?.string == "demo")
      let catalog = try need(body["catalog"]?.array, "catalog")
      let types = Set(catalog.compactMap { $0["type"]?.string })
      #expect(
        types.isSuperset(of: ["database", "volume", "volumev3", "block-storage", "identity"]))
      let trove = try need(catalog.first { $0["type"]?.string == "database" }, "trove")
      #expect(trove["name"]?.string == "trove")
      let endpoints = try need(trove["endpoints"]?.array, "endpoints")
      #expect(
        Set(endpoints.compactMap { $0["interface"]?.string }) == ["public", "internal", "admin"])
      #expect(
        Set(endpoints.compactMap { $0["region_id"]?.string }) == ["DFW", "ORD", "IAD", "LON"])
      let v3 = try need(catalog.first { $0["type"]?.string == "volumev3" }, "volumev3")
      let lon = try need(v3["endpoints"]?.array?.first { $0["region"]?.string == "LON" }, "LON")
      #expect(lon["url"]?.string == "\(h.server.baseURL)/lon/volume/v3/\(h.tenant)")
      // The token works on the services.
      let backups = try await h.get(h.trove("lon") + "/backups", token: token)
      #expect(backups.status == 200)
    }
  }

  @Test("v3 project scope by id works and the same data is reachable as through v2.0")
  func v3ProjectID() async throws {
    try await withSimulator { h in
      let body = """
        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo", \
        "domain": {"id": "default"}, "password": "demo"}}}, "scope": {"project": {"id": "\(h.tenant)"}}}}
        """
      let reply = try await h.send("POST", h.server.identityV3URL + "/auth/tokens", json: body)
      #expect(reply.status == 201)
      let v3Token = try need(reply.header("X-Subject-Token"), "token")
      let v2Token = try await h.token()
      let a = try await h.get(h.trove() + "/backups", token: v3Token)
      let b = try await h.get(h.trove() + "/backups", token: v2Token)
      #expect(a.status == 200)
      #expect(a.body == b.body)
    }
  }

  @Test("wrong v3 credentials or project answer 401 with keystone's error body")
  func v3Wrong() async throws {
    try await withSimulator { h in
      for body in [
        Self.v3Body(user: "demo", password: "wrong", project: "demo"),
        Self.v3Body(user: "eve", password: "demo", project: "demo"),
        Self.v3Body(user: "demo", password: "demo", project: "other"),
      ] {
        let reply = try await h.send("POST", h.server.identityV3URL + "/auth/tokens", json: body)
        #expect(reply.status == 401)
        #expect(reply.json?["error"]?["code"]?.number == 401)
        #expect(reply.json?["error"]?["title"]?.string == "Unauthorized")
        #expect(reply.json?["error"]?["message"]?.string != nil)
        #expect(reply.header("X-Subject-Token") == nil)
      }
    }
  }

  @Test("identity version documents are served at /, /v2.0 and /v3")
  func versionDocuments() async throws {
    try await withSimulator { h in
      let root = try await h.get("/", token: nil)
      #expect(root.status == 300)
      #expect(root.json?["versions"]?["values"]?.array?.count == 2)
      let v3 = try await h.get("/v3", token: nil)
      #expect(v3.json?["version"]?["id"]?.string == "v3.14")
      let v2 = try await h.get("/v2.0", token: nil)
      #expect(v2.json?["version"]?["id"]?.string == "v2.0")
    }
  }

  @Test("a missing, unknown or expired token is refused with 401")
  func tokenChecks() async throws {
    try await withSimulator({ $0.tokenTTL = 600 }) { h in
      let url = h.cinder3() + "/snapshots"
      #expect(try await h.get(url, token: nil).status == 401)
      let unknown = try await h.get(url, token: "not-a-token")
      #expect(unknown.status == 401)
      #expect(unknown.json?["error"]?["title"]?.string == "Unauthorized")
      #expect(unknown.header("WWW-Authenticate")?.hasPrefix("Keystone uri=") == true)
      let token = try await h.token()
      #expect(try await h.get(url, token: token).status == 200)
      h.server.advanceClock(by: 601)
      #expect(try await h.get(url, token: token).status == 401)
      let fresh = try await h.token()
      #expect(try await h.get(url, token: fresh).status == 200)
      h.server.expireAllTokens()
      #expect(try await h.get(url, token: fresh).status == 401)
    }
  }

  @Test("a token for another tenant's URL is refused")
  func otherTenant() async throws {
    try await withSimulator { h in
      let token = try await h.token()
      let reply = try await h.get(
        "\(h.server.baseURL)/dfw/database/v1.0/someone-else/backups", token: token)
      #expect(reply.status == 401)
    }
  }

  @Test("a configured fixed token works without logging in (noauth use)")
  func fixedToken() async throws {
    try await withSimulator({ $0.fixedToken = "fixed-admin-token" }) { h in
      let backups = try await h.get(h.trove() + "/backups", token: "fixed-admin-token")
      #expect(backups.status == 200)
      h.server.expireAllTokens()
      let snapshots = try await h.get(h.cinder1() + "/snapshots", token: "fixed-admin-token")
      #expect(snapshots.status == 200)
    }
  }

  @Test("each region has its own data")
  func regionsDiffer() async throws {
    try await withSimulator { h in
      let token = try await h.token()
      let dfw = try await h.get(h.trove("dfw") + "/backups", token: token)
      let ord = try await h.get(h.trove("ord") + "/backups", token: token)
      let dfwIDs = Set(dfw.json?["backups"]?.array?.compactMap { $0["id"]?.string } ?? [])
      let ordIDs = Set(ord.json?["backups"]?.array?.compactMap { $0["id"]?.string } ?? [])
      #expect(dfwIDs.count == 20)
      #expect(dfwIDs.isDisjoint(with: ordIDs))
      #expect(
        try await h.get("\(h.server.baseURL)/syd/database/v1.0/\(h.tenant)/backups", token: token)
          .status == 404)
    }
  }
}

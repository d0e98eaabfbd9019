import Foundation
import Testing

@testable import CloudClient

@Suite("Paging links and catalog rules")
struct PagingAndCatalogRuleTests {
  @Test("Trove's https next link is followed over the endpoint's own http origin")
  func troveLink() throws {
    let href = "https://127.0.0.1:8779/v1.0/P/backups?limit=1&marker=1"
    #expect(
      PageLinks.follow(href, from: "http://127.0.0.1:8779/v1.0/P/backups?limit=1")
        == "http://127.0.0.1:8779/v1.0/P/backups?limit=1&marker=1")
  }

  @Test("filters of the first request survive a link that drops them")
  func keepsFilters() {
    #expect(
      PageLinks.follow(
        "https://elsewhere/v1.0/P/backups?marker=5",
        from: "http://10.0.0.1:8779/v1.0/P/backups?limit=5&datastore=mysql")
        == "http://10.0.0.1:8779/v1.0/P/backups?limit=5&datastore=mysql&marker=5")
  }

  @Test("the next link is found in links, snapshots_links and volumes_links")
  func findsNext() throws {
    #expect(
      PageLinks.next(in: try Fixtures.data("real/cinder-29/snapshots-detail-page1.json"))?
        .hasSuffix("marker=cac6cde1-3cda-4f59-8ce4-f6d738046cbb") == true)
    #expect(PageLinks.next(in: try Fixtures.data("real/trove-26/backups-page3.json")) != nil)
    #expect(PageLinks.next(in: try Fixtures.data("real/trove-26/backups-page4.json")) == nil)
    #expect(
      PageLinks.next(
        in: Data(
          "{\"volumes\":[],\"volumes_links\":[{\"rel\":\"next\",\"href\":\"x?marker=a\"}]}".utf8))
        == "x?marker=a")
  }

  @Test("API version comes from the endpoint path")
  func versions() {
    #expect(ServiceEndpoint(url: "http://h/dfw/volume/v1/T").apiVersion == 1)
    #expect(ServiceEndpoint(url: "http://h:8776/v3/T/").apiVersion == 3)
    #expect(ServiceEndpoint(url: "http://h:8776/v2/T").apiVersion == 2)
    #expect(ServiceEndpoint(url: "http://h:8779/v1.0/T").apiVersion == 1)
    #expect(ServiceEndpoint(url: "http://h:8776/v3/T").versionRootURL == "http://h:8776/v3/")
    #expect(
      ServiceEndpoint(url: "http://h/dfw/volume/v3/T").versionRootURL == "http://h/dfw/volume/v3/")
  }

  @Test("v3 Cinder wins over v1 in the same region; internal interface is separate")
  func prefersV3() {
    let catalog = ServiceCatalog(entries: [
      .init(
        type: "volume", name: "cloudBlockStorage", region: "DFW", interface: .public,
        url: "http://h/dfw/volume/v1/T"),
      .init(
        type: "volumev3", name: "cinderv3", region: "DFW", interface: .public,
        url: "http://h/dfw/volume/v3/T"),
      .init(
        type: "volume", name: "cloudBlockStorage", region: "ORD", interface: .public,
        url: "http://h/ord/volume/v1/T"),
      .init(
        type: "volume", name: "cloudBlockStorage", region: "ORD", interface: .internal,
        url: "http://snet/ord/volume/v1/T"),
    ])
    #expect(
      catalog.endpoint(for: .blockStorage, region: "DFW", interface: .public)?.apiVersion == 3)
    #expect(
      catalog.endpoint(for: .blockStorage, region: "ORD", interface: .public)?.apiVersion == 1)
    #expect(
      catalog.endpoint(for: .blockStorage, region: "ORD", interface: .internal)?.url
        == "http://snet/ord/volume/v1/T")
    #expect(catalog.endpoint(for: .database, region: "DFW", interface: .public) == nil)
  }

  @Test("microversion: the lower of the server's maximum and ours")
  func microversion() async {
    let versions = Microversions()
    let endpoint = ServiceEndpoint(url: "http://h/v3/T")
    let doc = Data(#"{"versions":[{"id":"v3.0","version":"3.60","min_version":"3.0"}]}"#.utf8)
    #expect(await versions.header(for: endpoint, wanted: "3.71", fetch: { _ in doc }) == "3.60")
    let other = ServiceEndpoint(url: "http://h2/v3/T")
    #expect(await versions.header(for: other, wanted: "3.71", fetch: { _ in nil }) == "3.0")
    #expect(
      await versions.header(
        for: ServiceEndpoint(url: "http://h/v1/T"), wanted: "3.71", fetch: { _ in doc }) == nil)
    #expect(Microversions.compare("3.9", "3.71") < 0)
  }

  @Test("request bodies follow the API version's field names")
  func bodies() throws {
    let request = SnapshotCreateRequest(volumeID: "v", name: "n", description: "d", force: true)
    let v1 = String(decoding: try SnapshotWire.createBody(request, apiVersion: 1), as: UTF8.self)
    #expect(
      v1
        == #"{"snapshot":{"display_description":"d","display_name":"n","force":true,"volume_id":"v"}}"#
    )
    let v3 = String(
      decoding: try SnapshotWire.createBody(
        SnapshotCreateRequest(volumeID: "v", name: "n"), apiVersion: 3), as: UTF8.self)
    #expect(v3 == #"{"snapshot":{"name":"n","volume_id":"v"}}"#)
    let backup = String(
      decoding: try BackupWire.createBody(
        BackupCreateRequest(name: "b", instanceID: "i", parentID: "p")), as: UTF8.self)
    #expect(backup == #"{"backup":{"instance":"i","name":"b","parent_id":"p"}}"#)
    let copied = String(
      decoding: try BackupWire.createBody(
        BackupCreateRequest(name: "b", instanceID: "i", copyTo: ["ORD", "IAD"])), as: UTF8.self)
    #expect(copied == #"{"backup":{"copy_to":["ORD","IAD"],"instance":"i","name":"b"}}"#)
  }

  @Test("credentials never show in an AuthMethod description")
  func authDescription() {
    let methods: [AuthMethod] = [
      .rackspaceAPIKey(username: "u", apiKey: "KEY-123456", tenantID: nil),
      .rackspacePassword(username: "u", password: "PASS-123456", tenantID: "t"),
      .applicationCredential(id: "id", secret: "SECRET-123456"), .token("TOKEN-123456"),
    ]
    for method in methods {
      #expect(!String(describing: method).contains("123456"))
    }
  }
}

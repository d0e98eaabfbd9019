import Foundation
import Testing

@testable import CloudClient

/// Rackspace and OpenStack documentation samples: the v1 field names and Rackspace extras.
@Suite("Decoding documentation samples")
struct DocFixtureDecodingTests {
  @Test("Rackspace v1 snapshot: display_name, progress \"25.39%\" as 25.39")
  func rackspaceSnapshot() throws {
    let value = try JSONDecoder().decode(
      SnapshotWire.One.self, from: Fixtures.data("docs/rax-cbs-snapshot-get-response.json")
    ).snapshot.value
    #expect(value.name == "snap-001")
    #expect(value.description == "Daily backup")
    #expect(value.progress == 25.39)
    #expect(value.projectID == "123456")
    #expect(value.status == .creating)
    #expect(value.updated == nil)
  }

  @Test("Rackspace v1 snapshot list and the doc page that uses v2 names both decode")
  func rackspaceSnapshotLists() throws {
    let captured = try JSONDecoder().decode(
      SnapshotWire.Page.self, from: Fixtures.data("docs/rax-cbs-capture-snapshot-list-200.json"))
    #expect(captured.items.map(\.name) == ["snap-001", "snap-002"])
    #expect(captured.items.map(\.status) == [.creating, .available])
    let docbug = try JSONDecoder().decode(
      SnapshotWire.Page.self,
      from: Fixtures.data("docs/rax-cbs-snapshot-list-detail-response-DOCBUG-name-description.json")
    )
    #expect(docbug.items.allSatisfy { !$0.name.isEmpty })
  }

  @Test("Rackspace volume capture with stray spaces in id and created_at")
  func rackspaceVolumes() throws {
    let page = try JSONDecoder().decode(
      VolumeWire.Page.self, from: Fixtures.data("docs/rax-cbs-capture-volumes-list-200.json"))
    let volume = try #require(page.items.first)
    #expect(volume.id == "a3df5c35-3218-436e-b706-c85edc3f149d")
    #expect(volume.name == "vol-001")
    #expect(volume.created == Fixtures.utc(2014, 6, 3, 21, 45, 45))
    #expect(volume.bootable == false)
  }

  @Test("Rackspace backups: is_automated 0, type, percona datastore, Z dates")
  func rackspaceBackups() throws {
    let page = try JSONDecoder().decode(
      BackupWire.Page.self, from: Fixtures.data("docs/rax-cdb-backup-list-response.json"))
    let first = try #require(page.items.first)
    #expect(first.isAutomated == false)
    #expect(first.type == "InnoBackupEx")
    #expect(first.size == 0.18)
    #expect(first.datastore?.type == "percona")
    #expect(first.created == Fixtures.utc(2015, 9, 1, 3, 23, 28))
  }

  @Test("the singular instance-backups doc sample is read as a one-item page")
  func singularInstanceBackups() throws {
    let page = try JSONDecoder().decode(
      BackupWire.Page.self,
      from: Fixtures.data("docs/rax-cdb-instance-backups-response-DOCBUG-singular.json"))
    #expect(page.items.map(\.name) == ["restored_backup"])
  }

  @Test(
    "every Trove, Cinder and gophercloud sample list decodes",
    arguments: [
      ("docs/gophercloud-rax-db-backups-listResp.json", "backups"),
      ("docs/trove-apiref-backup-list-response.json", "backups"),
      ("docs/troveclient-fakes-get_backups-CONVERTED.json", "backups"),
      ("docs/rax-cdb-backup-list-datastore-query-response.json", "backups"),
      ("docs/gophercloud-v1-snapshots-list-200.json", "snapshots"),
      ("docs/cinder-v3-apiref-snapshots-list-detailed-response.json", "snapshots"),
      ("docs/cinder-v3.65-apiref-snapshots-list-detailed-response.json", "snapshots"),
      ("docs/gophercloud-v3-snapshots-list-page1-with-links.json", "snapshots"),
      ("docs/cinder-v3-apiref-volumes-list-detailed-response.json", "volumes"),
      ("docs/rax-cbs-volumes-list-detail-response.json", "volumes"),
      ("docs/rax-cdb-instances-list-response.json", "instances"),
      ("docs/rax-cdb-instances-list-paged-limit2-response.json", "instances"),
    ])
  func sampleLists(path: String, kind: String) throws {
    let data = try Fixtures.data(path)
    let count: Int
    switch kind {
    case "backups": count = try JSONDecoder().decode(BackupWire.Page.self, from: data).items.count
    case "snapshots":
      count = try JSONDecoder().decode(SnapshotWire.Page.self, from: data).items.count
    case "volumes": count = try JSONDecoder().decode(VolumeWire.Page.self, from: data).items.count
    default: count = try JSONDecoder().decode(InstanceWire.Page.self, from: data).items.count
    }
    #expect(count > 0)
  }

  @Test("paged instance sample carries a next link with a marker")
  func pagedInstances() throws {
    let page = try JSONDecoder().decode(
      InstanceWire.Page.self,
      from: Fixtures.data("docs/rax-cdb-instances-list-paged-limit2-response.json"))
    #expect(page.next?.contains("marker=") == true)
  }

  @Test("Rackspace identity v2.0 reply: token, expiry, default region, v1 endpoints")
  func rackspaceIdentity() throws {
    let grant = try IdentityWire.decodeV2(
      Fixtures.data("docs/rax-identity-v2-tokens-apikey-response-200.json"))
    #expect(!grant.token.isEmpty)
    let expires = try #require(grant.expires)
    #expect(abs(expires.timeIntervalSince(Fixtures.utc(2015, 6, 5, 16, 24, 57, 0.637))) < 1e-6)
    #expect(grant.defaultRegion == "DFW")
    let volume = try #require(
      grant.catalog.endpoint(for: .blockStorage, region: "dfw", interface: .public))
    #expect(volume.url == "https://dfw.blockstorage.api.rackspacecloud.com/v1/123456")
    #expect(volume.apiVersion == 1)
    let database = try #require(
      grant.catalog.endpoint(for: .database, region: "SYD", interface: .public))
    #expect(database.url == "https://syd.databases.api.rackspacecloud.com/v1.0/123456")
    #expect(grant.catalog.endpoint(for: .database, region: "IAD", interface: .public) == nil)
    #expect(grant.catalog.endpoint(for: .database, region: "DFW", interface: .internal) == nil)
    #expect(grant.catalog.regions(for: ServiceKind.allCases) == ["DFW", "HKG", "IAD", "SYD"])
  }

  @Test("keystone v3 reply: catalog by interface and region, expiry")
  func keystoneIdentity() throws {
    let grant = try IdentityWire.decodeV3(
      Fixtures.data("docs/keystone-v3-auth-project-scoped-password-response.json"),
      subjectToken: "subject")
    #expect(grant.token == "subject")
    let expires = try #require(grant.expires)
    #expect(abs(expires.timeIntervalSince(Fixtures.utc(2015, 11, 7, 2, 58, 43, 0.578887))) < 1e-6)
    #expect(!grant.catalog.entries.isEmpty)
    #expect(!grant.catalog.entries.contains { $0.url.isEmpty })
  }

  @Test("error samples: snake_case keys, overLimit retryAfter string and retryAt date")
  func errorSamples() throws {
    let notFound = try #require(
      ErrorBody(Fixtures.data("docs/rax-cbs-fault-item_not_found-404.json")))
    #expect(notFound.kind == "item_not_found")
    #expect(notFound.message == "The resource could not be found.")
    let after = try #require(
      ErrorBody(Fixtures.data("docs/jclouds-overLimit-real-retryAfter-JAVADOC.json")))
    #expect(after.retryAfter == 54)
    let at = try #require(
      ErrorBody(Fixtures.data("docs/jclouds-overLimit-real-retryAt-JAVADOC.json")))
    #expect(at.retryAt == Fixtures.utc(2012, 11, 14, 21, 51, 28))
    let mfa = try #require(
      ErrorBody(Fixtures.data("docs/rax-identity-v2-unauthorized-401-mfa.json")))
    #expect(mfa.kind == "unauthorized")
  }
}

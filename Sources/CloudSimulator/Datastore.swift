/// A database engine version a Trove instance runs, as the catalog of datastores names it.
struct Datastore: Sendable {
  let type: String
  let version: String
  let versionNumber: String
  let versionID: String

  /// The mix operators see on Rackspace: MySQL 5.7/8.0, Percona 8.0, MariaDB 10.6/10.11.
  static let all: [Datastore] = [
    Datastore(
      type: "mysql", version: "8.0", versionNumber: "8.0.36",
      versionID: "efcd1f2b-bdd9-475c-8fab-8fc19c1d0027"),
    Datastore(
      type: "mysql", version: "5.7", versionNumber: "5.7.44",
      versionID: "b00000b0-00b0-40b0-80b0-000000000057"),
    Datastore(
      type: "percona", version: "8.0", versionNumber: "8.0.35",
      versionID: "c1d2e3f4-0000-4000-8000-00000000a800"),
    Datastore(
      type: "mariadb", version: "10.6", versionNumber: "10.6.16",
      versionID: "d4e5f6a7-0000-4000-8000-000000010600"),
    Datastore(
      type: "mariadb", version: "10.11", versionNumber: "10.11.6",
      versionID: "e5f6a7b8-0000-4000-8000-000000101100"),
  ]
}

import Foundation

/// Everything that shapes a simulated cloud: where it listens, who may log in, how much data it
/// seeds, how fast its clock runs and which faults it injects.
///
/// The defaults make a small, lively demo cloud: four regions, a few dozen backups and snapshots
/// each, some jobs already running.
public struct SimulatorConfiguration: Sendable {
  /// Address to bind; loopback unless told otherwise.
  public var host: String = "127.0.0.1"
  /// Port to bind; 0 picks a free port (read ``SimulatorServer/baseURL`` afterwards).
  public var port: Int = 0
  /// Seed for every generated name, id, size and status: the same seed gives the same cloud.
  public var seed: UInt64 = 42
  /// Region names as they appear in the catalog (upper case, like Rackspace's DFW, ORD...).
  public var regions: [String] = ["DFW", "ORD", "IAD", "LON"]
  /// Seeded database backups per region.
  public var backupsPerRegion: Int = 40
  /// Seeded volume snapshots per region.
  public var snapshotsPerRegion: Int = 40
  /// Seeded database instances per region.
  public var instancesPerRegion: Int = 6
  /// Seeded block storage volumes per region.
  public var volumesPerRegion: Int = 8
  /// Clock multiplier: 1 is real time, 60 makes a simulated minute pass every second, 0 stops
  /// the clock so only ``SimulatorServer/advanceClock(by:)`` moves it (tests).
  public var speed: Double = 1
  /// The simulated wall-clock time at start; `nil` means "now". Fix it for byte-stable output.
  public var startDate: Date? = nil
  /// The moment the seeded data is laid out around (its jobs in motion started just before
  /// it); `nil` means the start. An earlier date gives a cloud whose seeded jobs have since
  /// finished: the demo uses it to come back to the world it left.
  public var seedDate: Date? = nil
  /// Keystone user name (also the Rackspace user name).
  public var username: String = "demo"
  /// Password for password credentials.
  public var password: String = "demo"
  /// Rackspace API key for `RAX-KSKEY:apiKeyCredentials`.
  public var apiKey: String = "demo"
  /// Project / tenant name.
  public var tenantName: String = "demo"
  /// Project / tenant id; appears in every service URL.
  public var tenantID: String = "6f70656e737461636b70726f6a656374"
  /// Keystone domain name of the user and project.
  public var domain: String = "Default"
  /// Keystone application credential that signs in with `application_credential`; an
  /// unknown ID answers 404 and a wrong secret 401, as keystone 30 does.
  public var applicationCredentialID: String = "406eb75ed2e0445bb1e50d152b1e1d00"
  public var applicationCredentialSecret: String = "demo-application-credential-secret"
  /// Whether the user holds the admin role: Cinder's admin actions (reset a snapshot's status,
  /// force-delete) answer 202 for an admin and 403 for a member, as on Cinder 29.
  public var userIsAdmin: Bool = false
  /// A token that is always accepted, for noauth use (`--os-token X --os-endpoint ...`).
  public var fixedToken: String? = nil
  /// Token lifetime in simulated seconds.
  public var tokenTTL: Double = 24 * 3600
  /// Simulated seconds a backup takes from NEW to COMPLETED.
  public var backupDuration: Double = 120
  /// Simulated seconds a snapshot takes from creating to available.
  public var snapshotDuration: Double = 60
  /// Simulated seconds a delete spends in its deleting phase.
  public var deleteDuration: Double = 10
  /// Fraction of jobs (backups, snapshots, deletes) that end FAILED / error / error_deleting.
  public var failureRate: Double = 0.05
  /// Seed hostile names: escape sequences, `\r`, bidi overrides, 300-character names, CJK, emoji.
  public var hostileNames: Bool = false
  /// Jobs already in motion at start, per region and per kind.
  public var inMotion: Int = 2
  /// Serve Rackspace's `/schedules`; off, the path answers 404 as OpenStack Trove does.
  public var schedulesSupported: Bool = true
  /// Seed the protection mix the demo shows (ProtectionSeeder): every instance and volume
  /// protected but for one never backed up, one whose schedule missed last night, one whose
  /// last job failed, and an orphan backup of a deleted instance, all in the first region.
  public var protectionMix: Bool = false
  /// Faults injected from the start (all off by default).
  public var faults: SimulatorFaults = SimulatorFaults()

  /// A demo cloud with the documented defaults (user, password, API key and tenant `demo`).
  public init() {}
}

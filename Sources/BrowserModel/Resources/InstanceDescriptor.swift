import CloudClient
import Foundation

/// Database instances (the create-backup picker and their own pane).
extension ResourceDescriptor {
  static let instances: ResourceDescriptor = {
    let instance = Typed<DatabaseInstance> { $0.instance }
    return ResourceDescriptor(
      kind: .instances, noun: "Instance",
      columns: [
        .name, .id, .status,
        instance.column(
          .datastore, width: 16, priority: 25, sort: .text { $0.datastore?.label ?? "" }
        ) {
          i, _, _ in CellText(i.datastore?.label ?? "")
        },
        instance.size(whole: \.volumeSize),
        .region,
      ],
      defaultSort: SortOrder(column: .name, ascending: true),
      inMotion: { resource in
        guard let status = instance.unwrap(resource)?.status.uppercased() else { return false }
        return ["BUILD", "BACKUP", "REBOOT", "RESIZE", "RESTART_REQUIRED"].contains(status)
      },
      statusRole: { StatusRole(text: $0.statusText) },
      outcome: { change in
        // A restore (or any new instance) leaving BUILD; a backup ending (BACKUP -> ACTIVE)
        // is the backup's news, not the instance's.
        guard change.from == "build" || change.wasCreated else { return nil }
        switch change.to {
        case "active": return .completed(as: "is ACTIVE")
        case "error", "failed": return .failed(as: "failed (\(change.to.uppercased()))")
        default: return nil
        }
      },
      watched: [.size],
      details: { resource, _ in
        guard let i = instance.unwrap(resource) else { return [] }
        return [
          DetailField("Datastore", i.datastore?.label ?? ""),
          DetailField("Flavor", i.flavorID ?? ""),
          DetailField("Volume size", Formatting.gigabytes(i.volumeSize)),
        ]
      },
      record: RecordField.identity + [
        RecordField("datastore") { r, _ in .string(r.instance?.datastore?.type) },
        RecordField("datastore_version") { r, _ in .string(r.instance?.datastore?.version) },
        RecordField("flavor") { r, _ in .string(r.instance?.flavorID) },
        RecordField("volume_size_gb") { r, _ in .integer(r.instance?.volumeSize) },
      ],
      tableKeys: ["id", "name", "status", "region", "datastore", "volume_size_gb"])
  }()
}

extension StatusRole {
  /// For the free-text statuses of instances and volumes.
  init(text status: String) {
    let status = status.lowercased()
    switch status {
    case "active", "available", "in-use", "completed": self = .ok
    case "build", "backup", "creating", "attaching", "detaching", "extending", "reboot",
      "resize", "restart_required", "new", "building":
      self = .progress
    case "deleting", "shutdown": self = .deleting
    default: self = status.contains("error") || status.contains("fail") ? .error : .neutral
    }
  }
}

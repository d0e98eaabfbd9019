import CloudClient

/// The scriptable shape of each resource kind (one place, documented in the README).
enum ResourceRecords {
  static func backup(_ b: Backup, region: String) -> Record {
    Record(fields: [
      ("id", .string(b.id)),
      ("name", .string(b.name)),
      ("status", .string(b.status.wire)),
      ("region", .string(region)),
      ("instance_id", .init(b.instanceID)),
      ("parent_id", .init(b.parentID)),
      ("size_gb", .init(b.size)),
      ("datastore", .init(b.datastore?.type)),
      ("datastore_version", .init(b.datastore?.version)),
      ("created", .init(date: b.created)),
      ("updated", .init(date: b.updated)),
      ("description", .init(b.description)),
      ("location", .init(b.locationRef)),
    ])
  }
  static let backupTable = ["id", "name", "status", "region", "size_gb", "datastore", "created"]

  static func snapshot(_ s: Snapshot, region: String) -> Record {
    Record(fields: [
      ("id", .string(s.id)),
      ("name", .string(s.name)),
      ("status", .string(s.status.wire)),
      ("region", .string(region)),
      ("volume_id", .string(s.volumeID)),
      ("size_gb", .init(s.size)),
      ("progress", .init(s.progress)),
      ("created", .init(date: s.created)),
      ("updated", .init(date: s.updated)),
      ("description", .init(s.description)),
      ("metadata", .object(s.metadata.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
    ])
  }
  static let snapshotTable = ["id", "name", "status", "region", "size_gb", "progress", "created"]

  static func instance(_ i: DatabaseInstance, region: String) -> Record {
    Record(fields: [
      ("id", .string(i.id)),
      ("name", .string(i.name)),
      ("status", .string(i.status)),
      ("region", .string(region)),
      ("datastore", .init(i.datastore?.type)),
      ("datastore_version", .init(i.datastore?.version)),
      ("flavor", .init(i.flavorID)),
      ("volume_size_gb", .init(i.volumeSize)),
    ])
  }
  static let instanceTable = ["id", "name", "status", "region", "datastore", "volume_size_gb"]

  static func volume(_ v: Volume, region: String) -> Record {
    Record(fields: [
      ("id", .string(v.id)),
      ("name", .string(v.name)),
      ("status", .string(v.status)),
      ("region", .string(region)),
      ("size_gb", .integer(v.size)),
      ("type", .init(v.volumeType)),
      ("bootable", .bool(v.bootable)),
      ("attached_to", .strings(v.attachedTo)),
      ("created", .init(date: v.created)),
    ])
  }
  static let volumeTable = ["id", "name", "status", "region", "size_gb", "type", "attached_to"]
}

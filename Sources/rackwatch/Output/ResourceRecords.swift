import BrowserModel
import CloudClient

/// The scriptable shape of each resource kind: the keys and values are declared by the kind's
/// descriptor (`BrowserModel/Resources/*Descriptor.swift`, documented in the README); this
/// turns them into the writer's records.
enum ResourceRecords {
  static func record(_ resource: Resource, region: String) -> Record {
    Record(
      fields: resource.descriptor.record(resource, region: region).map { ($0.key, value($0.value)) }
    )
  }

  static func value(_ value: RecordValue) -> Record.Value {
    switch value {
    case .string(let string): .init(string)
    case .number(let number): .init(number)
    case .integer(let integer): .init(integer)
    case .bool(let bool): bool.map { .bool($0) } ?? .null
    case .date(let date): .init(date: date)
    case .strings(let list): .strings(list)
    case .object(let pairs): .object(pairs)
    }
  }

  static func backup(_ b: Backup, region: String) -> Record { record(.backup(b), region: region) }
  static let backupTable = PaneKind.backups.descriptor.tableKeys

  static func snapshot(_ s: Snapshot, region: String) -> Record {
    record(.snapshot(s), region: region)
  }
  static let snapshotTable = PaneKind.snapshots.descriptor.tableKeys

  static func instance(_ i: DatabaseInstance, region: String) -> Record {
    record(.instance(i), region: region)
  }
  static let instanceTable = PaneKind.instances.descriptor.tableKeys

  static func volume(_ v: Volume, region: String) -> Record { record(.volume(v), region: region) }
  static let volumeTable = PaneKind.volumes.descriptor.tableKeys
}

import CloudClient
import Foundation

/// One item of any pane: the cloud value a row shows.
public enum Resource: Sendable, Hashable {
  case backup(Backup)
  case snapshot(Snapshot)
  case instance(DatabaseInstance)
  case volume(Volume)

  /// The server's ID of the item.
  public var id: String {
    switch self {
    case .backup(let value): value.id
    case .snapshot(let value): value.id
    case .instance(let value): value.id
    case .volume(let value): value.id
    }
  }

  /// The display name (may be empty: Cinder allows unnamed snapshots).
  public var name: String {
    switch self {
    case .backup(let value): value.name
    case .snapshot(let value): value.name
    case .instance(let value): value.name
    case .volume(let value): value.name
    }
  }

  /// The status as the server spells it.
  public var statusText: String {
    switch self {
    case .backup(let value): value.status.wire
    case .snapshot(let value): value.status.wire
    case .instance(let value): value.status
    case .volume(let value): value.status
    }
  }

  /// True while a job on this item has not settled (its descriptor says what that means).
  public var isInMotion: Bool { descriptor.inMotion(self) }

  /// The pane this kind of item lives in.
  public var pane: PaneKind {
    switch self {
    case .backup: .backups
    case .snapshot: .snapshots
    case .instance: .instances
    case .volume: .volumes
    }
  }

  public var backup: Backup? {
    if case .backup(let value) = self { return value }
    return nil
  }

  public var snapshot: Snapshot? {
    if case .snapshot(let value) = self { return value }
    return nil
  }

  public var instance: DatabaseInstance? {
    if case .instance(let value) = self { return value }
    return nil
  }

  public var volume: Volume? {
    if case .volume(let value) = self { return value }
    return nil
  }
}

import CloudClient
import Foundation

/// Identifies a row across refreshes: the same ID may exist in two regions.
public struct RowID: Sendable, Hashable, CustomStringConvertible {
  public var region: String
  public var id: String

  public init(region: String, id: String) {
    self.region = region
    self.id = id
  }

  public var description: String { "\(region)/\(id)" }
}

/// What happened to a row recently, so the UI can highlight it for a few seconds.
public struct RowChange: Sendable, Hashable {
  public enum Kind: Sendable, Hashable { case added, changed, gone }
  public var kind: Kind
  public var at: Date

  public init(_ kind: Kind, at: Date) {
    self.kind = kind
    self.at = at
  }
}

/// An operation the operator sent that the server has not yet confirmed by a refresh.
public enum PendingOperation: Sendable, Hashable {
  case creating
  case deleting
  /// The previous name, to put back if the rename fails.
  case renaming(previousName: String, previousDescription: String?)

  /// Short label for a status cell, e.g. `deleting…`.
  public var label: String {
    switch self {
    case .creating: "creating…"
    case .deleting: "deleting…"
    case .renaming: "renaming…"
    }
  }
}

/// One line of a pane: the (sanitised) resource, its region and its marks.
public struct Row: Sendable, Identifiable {
  public var id: RowID
  public var resource: Resource
  public var change: RowChange?
  public var pending: PendingOperation?
  /// Set once the server accepted the pending operation (reconciled by the next refresh).
  public var pendingAcknowledged: Bool = false
  /// Lower-cased `name id status instance/volume` bytes, computed once per value, so a
  /// filter keystroke over 100,000 rows is a byte scan.
  var searchKey: [UInt8]
  var statusKey: String
  var datastoreKey: String
  /// `resource.isInMotion`, cached: looking into the resource copies it.
  var resourceInMotion = false

  /// Builds a row from an already sanitised resource.
  public init(region: String, resource: Resource, change: RowChange? = nil) {
    self.id = RowID(region: region, id: resource.id)
    self.resource = resource
    self.change = change
    self.searchKey = []
    self.statusKey = ""
    self.datastoreKey = ""
    recomputeKeys()
  }

  public var region: String { id.region }

  /// True while the row is moving (job running or a pending operation).
  public var isInMotion: Bool { pending != nil || resourceInMotion }

  mutating func recomputeKeys() {
    var parts = [resource.id, resource.name, resource.statusText]
    var datastore = ""
    switch resource {
    case .backup(let value):
      if let instanceID = value.instanceID { parts.append(instanceID) }
      datastore = value.datastore.map { "\($0.type) \($0.version ?? "")" } ?? ""
    case .snapshot(let value): parts.append(value.volumeID)
    case .instance(let value):
      datastore = value.datastore.map { "\($0.type) \($0.version ?? "")" } ?? ""
    case .volume(let value): parts.append(contentsOf: value.attachedTo)
    }
    searchKey = Array(parts.joined(separator: "\u{1}").lowercased().utf8)
    statusKey = resource.statusText.lowercased()
    resourceInMotion = resource.isInMotion
    datastoreKey = datastore.lowercased()
  }
}

/// The four lists the browser shows, one pane each.
public enum PaneKind: String, Sendable, Hashable, CaseIterable {
  case backups, snapshots, instances, volumes

  /// The pane title as the header and the `:` command spell it.
  public var title: String {
    switch self {
    case .backups: "Backups"
    case .snapshots: "Snapshots"
    case .instances: "Instances"
    case .volumes: "Volumes"
    }
  }

  /// The columns the UI draws, left to right; `s` cycles the sort through them in this order.
  public var columns: [Column] {
    switch self {
    case .backups:
      [.name, .id, .status, .size, .instance, .datastore, .type, .created, .updated, .region]
    case .snapshots:
      [.name, .id, .status, .progress, .size, .volume, .created, .updated, .region]
    case .instances: [.name, .id, .status, .datastore, .size, .region]
    case .volumes: [.name, .id, .status, .size, .type, .attachedTo, .created, .region]
    }
  }

  /// The column a fresh pane sorts by.
  public var defaultSort: SortOrder {
    switch self {
    case .backups, .snapshots: SortOrder(column: .created, ascending: false)
    case .instances, .volumes: SortOrder(column: .name, ascending: true)
    }
  }

  /// True for the panes the operator can create and delete in.
  public var isActionable: Bool { self == .backups || self == .snapshots }
}

/// A column of a pane. The model owns the list so sorting is reducer logic.
public enum Column: String, Sendable, Hashable, CaseIterable {
  case name, id, status, size, progress, created, updated, instance, volume, datastore, region,
    type, attachedTo

  /// Header text.
  public var title: String {
    switch self {
    case .name: "NAME"
    case .id: "ID"
    case .status: "STATUS"
    case .size: "SIZE"
    case .progress: "PROGRESS"
    case .created: "CREATED"
    case .updated: "UPDATED"
    case .instance: "INSTANCE"
    case .volume: "VOLUME"
    case .datastore: "DATASTORE"
    case .region: "REGION"
    case .type: "TYPE"
    case .attachedTo: "ATTACHED TO"
    }
  }
}

/// A sort column and direction.
public struct SortOrder: Sendable, Hashable {
  public var column: Column
  public var ascending: Bool

  public init(column: Column, ascending: Bool) {
    self.column = column
    self.ascending = ascending
  }
}

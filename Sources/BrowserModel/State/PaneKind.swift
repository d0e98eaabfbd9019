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
  public var columns: [Column] { descriptor.columns.map(\.column) }

  /// The column a fresh pane sorts by.
  public var defaultSort: SortOrder { descriptor.defaultSort }

  /// True for the panes the operator can create and delete in.
  public var isActionable: Bool { self == .backups || self == .snapshots }
}

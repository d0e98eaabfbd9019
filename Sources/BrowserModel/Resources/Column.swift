/// A column of a pane, named by a stable key; its title is what the header shows.
///
/// Open, not an enum: a resource's descriptor declares its own columns beside their text and
/// sort key (`extension Column { static let datastore = ... }` in `BackupDescriptor.swift`),
/// so adding a column is a change to one file.
public struct Column: Sendable, Hashable, CustomStringConvertible {
  /// Stable identity (sorting, tests).
  public let key: String
  /// Header text.
  public let title: String

  public init(_ key: String, title: String) {
    self.key = key
    self.title = title
  }

  public static func == (lhs: Column, rhs: Column) -> Bool { lhs.key == rhs.key }
  public func hash(into hasher: inout Hasher) { hasher.combine(key) }
  public var description: String { key }
}

/// The columns every pane has, or several share; each descriptor lists the ones it shows.
extension Column {
  public static let name = Column("name", title: "NAME")
  public static let id = Column("id", title: "ID")
  public static let status = Column("status", title: "STATUS")
  public static let region = Column("region", title: "REGION")
  public static let size = Column("size", title: "SIZE")
  public static let created = Column("created", title: "CREATED")
  public static let updated = Column("updated", title: "UPDATED")
  public static let datastore = Column("datastore", title: "DATASTORE")
  public static let type = Column("type", title: "TYPE")
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

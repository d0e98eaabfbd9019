import CloudClient
import Foundation

/// The columns every kind shows the same way (name, ID, status, region), and a helper that
/// lets a descriptor write its cells and keys against its own value type.
extension ColumnSpec {
  public static let name = ColumnSpec(.name, width: 48, priority: 100, sort: .name) { row, _ in
    row.name.isEmpty ? CellText("(no name)", .muted) : CellText(row.name)
  }

  public static let id = ColumnSpec(.id, width: 36, priority: 40, isIdentifier: true, sort: .id) {
    row, _ in CellText(row.id.id)
  }

  public static let status = ColumnSpec(.status, width: 24, priority: 90, sort: .status) {
    row, context in row.statusCell(context)
  }

  public static let region = ColumnSpec(.region, width: 6, priority: 70, sort: .region) { row, _ in
    CellText(row.region)
  }
}

/// Typed access to one case of `Resource`, so a descriptor's closures read `Backup` fields
/// directly.
struct Typed<Value: Sendable>: Sendable {
  let unwrap: @Sendable (Resource) -> Value?

  /// A column whose cell and key read the value.
  func column(
    _ column: Column, width: Int, priority: Int, alignment: ColumnSpec.Alignment = .left,
    isIdentifier: Bool = false, ageTitle: String? = nil, sort: Key,
    cell: @escaping @Sendable (Value, Row, CellContext) -> CellText
  ) -> ColumnSpec {
    ColumnSpec(
      column, width: width, priority: priority, alignment: alignment,
      isIdentifier: isIdentifier, ageTitle: ageTitle, sort: sort.erased(unwrap)
    ) { row, context in
      unwrap(row.resource).map { cell($0, row, context) } ?? .empty
    }
  }

  /// A date column: UTC, or an age while `t` shows ages.
  func date(
    _ column: Column, priority: Int, ageTitle: String? = nil,
    _ date: @escaping @Sendable (Value) -> Date?
  ) -> ColumnSpec {
    self.column(
      column, width: 16, priority: priority, ageTitle: ageTitle,
      sort: .number { date($0)?.timeIntervalSince1970 }
    ) { value, _, context in CellText(context.time(date(value))) }
  }

  /// A size column in GB (fractions as backups have them), right-aligned.
  func size(_ size: @escaping @Sendable (Value) -> Double?) -> ColumnSpec {
    column(.size, width: 9, priority: 60, alignment: .right, sort: .number(size)) { value, _, _ in
      CellText(Formatting.gigabytes(size(value)))
    }
  }

  /// A size column in whole GB (Cinder sizes), right-aligned. Cinder always sends a size, so
  /// a missing one is one that could not be read: shown "—", not blank or 0.
  func size(whole size: @escaping @Sendable (Value) -> Int?) -> ColumnSpec {
    column(
      .size, width: 9, priority: 60, alignment: .right, sort: .number { size($0).map(Double.init) }
    ) {
      value, _, _ in CellText(size(value).map { Formatting.gigabytes($0) } ?? "—")
    }
  }

  /// A sort key on the value.
  enum Key {
    case number(@Sendable (Value) -> Double?)
    case text(@Sendable (Value) -> String)
    case sameAs(Column)

    func erased(_ unwrap: @escaping @Sendable (Resource) -> Value?) -> SortKey {
      switch self {
      case .number(let key): .number { unwrap($0).flatMap(key) }
      case .text(let key): .text { unwrap($0).map(key) ?? "" }
      case .sameAs(let column): .sameAs(column)
      }
    }
  }
}

extension Row {
  /// The status cell: the pending operation until the server confirms it, else the status
  /// with a spinner (and, for kinds that say since when, the time elapsed) while moving.
  public func statusCell(_ context: CellContext) -> CellText {
    let mark = context.spinner.map { "\($0) " } ?? ""
    if let pending, !pendingAcknowledged || resourceInMotion {
      return CellText(mark + pending.label, .pending)
    }
    let descriptor = kind.descriptor
    var text = resource.statusText
    if resourceInMotion {
      text = mark + text
      if let since = descriptor.movingSince(resource) {
        text += " " + Formatting.duration(context.now.timeIntervalSince(since))
      }
      if let note = context.motionNote(id) { text += " " + note }
    }
    return CellText(text, .status(descriptor.statusRole(resource)))
  }
}

extension Datastore {
  /// `mysql 8.0`.
  var label: String { [type, version].compactMap { $0 }.joined(separator: " ") }
}

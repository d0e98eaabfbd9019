import BrowserModel
import CloudClient
import Foundation

/// What one table cell says for a row and column, and the role that colours it (nil = the
/// row's own style).
enum ColumnText {
  static func text(_ column: Column, _ row: Row, now: Date, spinner: Character?) -> (
    String, StyleRole?
  ) {
    let resource = row.resource
    switch column {
    case .name:
      return resource.name.isEmpty ? ("(no name)", .muted) : (resource.name, nil)
    case .id: return (resource.id, nil)
    case .status: return status(row, now: now, spinner: spinner)
    case .size:
      switch resource {
      case .backup(let b): return (Formatting.gigabytes(b.size), nil)
      case .snapshot(let s): return (s.size.map { Formatting.gigabytes($0) } ?? "—", nil)
      case .instance(let i): return (Formatting.gigabytes(i.volumeSize), nil)
      case .volume(let v): return (Formatting.gigabytes(v.size), nil)
      }
    case .progress:
      guard let snapshot = resource.snapshot else { return ("", nil) }
      return (progress(snapshot), .progressFill)
    case .created:
      switch resource {
      case .backup(let b): return (Formatting.date(b.created), nil)
      case .snapshot(let s): return (Formatting.date(s.created), nil)
      case .volume(let v): return (Formatting.date(v.created), nil)
      case .instance: return ("", nil)
      }
    case .updated:
      switch resource {
      case .backup(let b): return (Formatting.date(b.updated), nil)
      case .snapshot(let s): return (Formatting.date(s.updated), nil)
      default: return ("", nil)
      }
    case .instance: return (resource.backup?.instanceID ?? "", nil)
    case .volume: return (resource.snapshot?.volumeID ?? "", nil)
    case .datastore:
      switch resource {
      case .backup(let b): return (datastore(b.datastore), nil)
      case .instance(let i): return (datastore(i.datastore), nil)
      default: return ("", nil)
      }
    case .region: return (row.region, nil)
    case .type:
      switch resource {
      case .backup(let b): return (b.type ?? "", nil)
      case .volume(let v): return (v.volumeType ?? "", nil)
      default: return ("", nil)
      }
    case .attachedTo:
      return (resource.volume?.attachedTo.joined(separator: ",") ?? "", nil)
    }
  }

  static func datastore(_ value: Datastore?) -> String {
    guard let value else { return "" }
    return [value.type, value.version].compactMap { $0 }.joined(separator: " ")
  }

  /// Status with a spinner and elapsed time while a job runs, or the pending operation.
  static func status(_ row: Row, now: Date, spinner: Character?) -> (String, StyleRole?) {
    if let pending = row.pending, !row.pendingAcknowledged || row.resource.isInMotion {
      let mark = spinner.map { "\($0) " } ?? ""
      return (mark + pending.label, .pending)
    }
    let role = StatusStyle.role(for: row.resource)
    var text = row.resource.statusText
    if row.resource.isInMotion {
      if let spinner { text = "\(spinner) " + text }
      if let backup = row.resource.backup, let created = backup.created {
        text += " " + Formatting.duration(now.timeIntervalSince(created))
      }
    }
    return (text, role)
  }

  /// `█████░░░░░ 52%`: a ten-cell bar and the percentage, or just the percentage when
  /// settled at 100%.
  static func progress(_ snapshot: Snapshot) -> String {
    guard let value = snapshot.progress else {
      return snapshot.status == .available ? "100%" : ""
    }
    let clamped = min(100, max(0, value))
    if clamped >= 100 && !snapshot.isInMotion { return "100%" }
    let filled = Int((clamped / 10).rounded(.down))
    return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
      + " " + Formatting.percent(clamped)
  }

  /// Widest a column usefully gets, and how willingly it is dropped on a narrow screen
  /// (lower goes first).
  static func limits(_ column: Column) -> (max: Int, priority: Int) {
    switch column {
    case .name: (48, 100)
    case .status: (24, 90)
    case .progress: (15, 80)
    case .region: (6, 70)
    case .size: (9, 60)
    case .created: (16, 50)
    case .id: (36, 40)
    case .instance, .volume: (36, 30)
    case .datastore: (16, 25)
    case .type: (12, 20)
    case .attachedTo: (36, 15)
    case .updated: (16, 10)
    }
  }

  static func alignsRight(_ column: Column) -> Bool { column == .size }
}

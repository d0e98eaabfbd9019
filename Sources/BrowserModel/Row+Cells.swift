import CloudClient
import Foundation

extension Row {
  /// Plain text of a cell, already sanitised. The UI may format differently (relative
  /// times, colours); this is the canonical value, also used by tests.
  public func text(for column: Column) -> String {
    switch column {
    case .name: return resource.name
    case .id: return id.id
    case .region: return id.region
    case .status:
      if let pending { return pending.label }
      return resource.statusText
    default: break
    }
    switch resource {
    case .backup(let b):
      switch column {
      case .size: return b.size.map { Self.gigabytes($0) } ?? "-"
      case .created: return Self.timestamp(b.created)
      case .updated: return Self.timestamp(b.updated)
      case .instance: return b.instanceID ?? "-"
      case .datastore: return b.datastore.map(Self.datastore) ?? "-"
      case .type: return b.type ?? (b.parentID == nil ? "full" : "incremental")
      default: return ""
      }
    case .snapshot(let s):
      switch column {
      case .size: return s.size.map { "\($0) GB" } ?? "—"
      case .progress: return s.progress.map { Self.percent($0) } ?? "-"
      case .created: return Self.timestamp(s.created)
      case .updated: return Self.timestamp(s.updated)
      case .volume: return s.volumeID
      default: return ""
      }
    case .instance(let i):
      switch column {
      case .size: return i.volumeSize.map { "\($0) GB" } ?? "-"
      case .datastore: return i.datastore.map(Self.datastore) ?? "-"
      default: return ""
      }
    case .volume(let v):
      switch column {
      case .size: return "\(v.size) GB"
      case .type: return v.volumeType ?? "-"
      case .attachedTo: return v.attachedTo.isEmpty ? "-" : v.attachedTo.joined(separator: ",")
      case .created: return Self.timestamp(v.created)
      default: return ""
      }
    }
  }

  static func gigabytes(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) GB" : String(format: "%.2f GB", value)
  }

  static func percent(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
  }

  static func datastore(_ value: Datastore) -> String {
    [value.type, value.version].compactMap { $0 }.joined(separator: " ")
  }

  /// `2026-11-23 17:45:08` in UTC: fixed width, sorts like the column.
  static func timestamp(_ date: Date?) -> String {
    guard let date else { return "-" }
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let time = seconds - days * 86_400
    let (y, m, d) = civil(fromDays: days)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d)) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))"
  }

  /// Howard Hinnant's days-to-civil: no Calendar (slow, locale-dependent) per cell.
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}

import CloudClient
import Foundation

/// Block Storage snapshots: every column, detail field, status meaning and record key.
extension ResourceDescriptor {
  static let snapshots: ResourceDescriptor = {
    let snapshot = Typed<Snapshot> { $0.snapshot }
    return ResourceDescriptor(
      kind: .snapshots, noun: "Snapshot",
      columns: [
        .name, .id, .status,
        snapshot.column(.progress, width: 15, priority: 80, sort: .number(\.progress)) { s, _, _ in
          CellText(progressBar(s), .progress)
        },
        snapshot.size(whole: \.size),
        // The volume's name from the Volumes list (its ID until that list has it); sorts by
        // the volume ID, which groups a pane by volume.
        snapshot.column(.volumeName, width: 24, priority: 35, sort: .sameAs(.volume)) {
          s, row, context in
          CellText(context.name(.volumes, RowID(region: row.region, id: s.volumeID)) ?? s.volumeID)
        },
        snapshot.column(
          .volume, width: 36, priority: 30, isIdentifier: true, sort: .text(\.volumeID)
        ) {
          s, _, _ in CellText(s.volumeID)
        },
        snapshot.date(.created, priority: 50, ageTitle: "AGE", \.created),
        snapshot.date(.updated, priority: 10, \.updated),
        .region,
      ],
      defaultSort: SortOrder(column: .created, ascending: false),
      inMotion: { resource in
        // Matched by case: the statuses' own `==` lower-cases strings, too slow per row.
        switch snapshot.unwrap(resource) {
        case let s?:
          switch s.status {
          case .creating, .deleting: true
          case .available: (s.progress ?? 100) < 100
          default: false
          }
        case nil: false
        }
      },
      statusRole: { resource in
        guard let s = snapshot.unwrap(resource) else { return .neutral }
        switch s.status {
        case .available: return (s.progress ?? 100) < 100 ? .progress : .ok
        case .creating: return .progress
        case .deleting: return .deleting
        case .error, .errorDeleting: return .error
        case .other: return .neutral
        }
      },
      outcome: { change in
        guard change.from == "creating" || change.wasCreated else { return nil }
        switch change.to {
        case "available": return .completed(as: "available")
        case "error": return .failed(as: "failed (error)")
        default: return nil
        }
      },
      searchWords: { snapshot.unwrap($0).map { [$0.volumeID] } ?? [] },
      watched: [.size, .progress],
      details: { resource, context in
        guard let s = snapshot.unwrap(resource) else { return [] }
        var list = [
          DetailField("Progress", progressBar(s), role: .progress),
          DetailField("Volume", context.named(.volumes, s.volumeID)),
          DetailField("Size", Formatting.gigabytes(s.size)),
          DetailField("Created", Formatting.fullDate(s.created, now: context.cell.now)),
          DetailField("Updated", Formatting.fullDate(s.updated, now: context.cell.now)),
        ]
        if let project = s.projectID { list.append(DetailField("Project", project)) }
        list.append(DetailField("Description", s.description ?? ""))
        if s.metadata.isEmpty {
          list.append(DetailField("Metadata", ""))
        } else {
          for (index, key) in s.metadata.keys.sorted().enumerated() {
            list.append(
              DetailField(index == 0 ? "Metadata" : "", "\(key)=\(s.metadata[key] ?? "")"))
          }
        }
        return list
      },
      record: RecordField.identity + [
        RecordField("volume_id") { r, _ in .string(r.snapshot?.volumeID) },
        RecordField("size_gb") { r, _ in .integer(r.snapshot?.size) },
        RecordField("progress") { r, _ in .number(r.snapshot?.progress) },
        RecordField("created") { r, _ in .date(r.snapshot?.created) },
        RecordField("updated") { r, _ in .date(r.snapshot?.updated) },
        RecordField("description") { r, _ in .string(r.snapshot?.description) },
        RecordField("metadata") { r, _ in
          .object(
            (r.snapshot?.metadata ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        },
      ],
      tableKeys: ["id", "name", "status", "region", "size_gb", "progress", "created"])
  }()

  /// `█████░░░░░ 52%`: a ten-cell bar and the percentage, or just the percentage when
  /// settled at 100%.
  static func progressBar(_ snapshot: Snapshot) -> String {
    guard let value = snapshot.progress else {
      return snapshot.status == .available ? "100%" : ""
    }
    let clamped = min(100, max(0, value))
    if clamped >= 100 && !snapshot.isInMotion { return "100%" }
    let filled = Int((clamped / 10).rounded(.down))
    return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
      + " " + Formatting.percent(clamped)
  }
}

extension Column {
  public static let progress = Column("progress", title: "PROGRESS")
  public static let volumeName = Column("volumeName", title: "VOLUME")
  public static let volume = Column("volume", title: "VOLUME ID")
}

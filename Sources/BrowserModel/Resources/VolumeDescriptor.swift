import CloudClient
import Foundation

/// Block Storage volumes (the create-snapshot picker and their own pane).
extension ResourceDescriptor {
  static let volumes: ResourceDescriptor = {
    let volume = Typed<Volume> { $0.volume }
    return ResourceDescriptor(
      kind: .volumes, noun: "Volume",
      columns: [
        .name, .id, .status,
        volume.size(whole: \.size),
        volume.column(.type, width: 12, priority: 20, sort: .text { $0.volumeType ?? "" }) {
          v, _, _ in
          CellText(v.volumeType ?? "")
        },
        volume.column(
          .attachedTo, width: 36, priority: 15, sort: .text { $0.attachedTo.joined(separator: ",") }
        ) {
          v, _, _ in CellText(v.attachedTo.joined(separator: ","))
        },
        volume.date(.created, priority: 50, ageTitle: "AGE", \.created),
        .region,
      ],
      defaultSort: SortOrder(column: .name, ascending: true),
      inMotion: { resource in
        guard let status = volume.unwrap(resource)?.status.lowercased() else { return false }
        return ["creating", "deleting", "attaching", "detaching", "extending"].contains(status)
      },
      statusRole: { StatusRole(text: $0.statusText) },
      outcome: { change in
        // A new volume (from a snapshot) settling.
        guard change.from == "creating" || change.wasCreated else { return nil }
        switch change.to {
        case "available": return .completed(as: "is available")
        case "error": return .failed(as: "failed (error)")
        default: return nil
        }
      },
      searchWords: { volume.unwrap($0)?.attachedTo ?? [] },
      watched: [.size, .attachedTo],
      details: { resource, context in
        guard let v = volume.unwrap(resource) else { return [] }
        return [
          DetailField("Size", Formatting.gigabytes(v.size)),
          DetailField("Type", v.volumeType ?? ""),
          DetailField("Zone", v.availabilityZone ?? ""),
          DetailField("Bootable", v.bootable ? "yes" : "no"),
          DetailField("Attached to", v.attachedTo.joined(separator: ", ")),
          DetailField("Created", Formatting.fullDate(v.created)),
        ]
          + (v.snapshotID.map { [DetailField("From snapshot", context.named(.snapshots, $0))] }
            ?? [])
      },
      record: RecordField.identity + [
        RecordField("size_gb") { r, _ in .integer(r.volume?.size) },
        RecordField("type") { r, _ in .string(r.volume?.volumeType) },
        RecordField("bootable") { r, _ in .bool(r.volume?.bootable) },
        RecordField("attached_to") { r, _ in .strings(r.volume?.attachedTo ?? []) },
        RecordField("created") { r, _ in .date(r.volume?.created) },
      ],
      tableKeys: ["id", "name", "status", "region", "size_gb", "type", "attached_to"])
  }()
}

extension Column {
  public static let attachedTo = Column("attachedTo", title: "ATTACHED TO")
}

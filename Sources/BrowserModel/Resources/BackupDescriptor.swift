import CloudClient
import Foundation

/// Cloud Databases backups: every column, detail field, status meaning and record key.
extension ResourceDescriptor {
  static let backups: ResourceDescriptor = {
    let backup = Typed<Backup> { $0.backup }
    return ResourceDescriptor(
      kind: .backups, noun: "Backup",
      columns: [
        .name, .id, .status,
        backup.size(\.size),
        // The instance's name from the Instances list (its ID until that list has it); sorts
        // by the instance ID, which groups a pane by instance.
        backup.column(.instanceName, width: 24, priority: 35, sort: .sameAs(.instance)) {
          b, row, context in
          guard let id = b.instanceID else { return .empty }
          return CellText(context.name(.instances, RowID(region: row.region, id: id)) ?? id)
        },
        backup.column(
          .instance, width: 36, priority: 30, isIdentifier: true,
          sort: .text { $0.instanceID ?? "" }
        ) {
          b, _, _ in CellText(b.instanceID ?? "")
        },
        backup.column(
          .datastore, width: 16, priority: 25, sort: .text { $0.datastore?.label ?? "" }
        ) {
          b, _, _ in CellText(b.datastore?.label ?? "")
        },
        backup.column(.type, width: 12, priority: 20, sort: .text { $0.type ?? "" }) { b, _, _ in
          CellText(b.type ?? "")
        },
        backup.date(.created, priority: 50, ageTitle: "AGE", \.created),
        backup.date(.updated, priority: 10, \.updated),
        .region,
      ],
      defaultSort: SortOrder(column: .created, ascending: false),
      inMotion: { resource in
        // Matched by case: the statuses' own `==` upper-cases strings, too slow per row.
        switch backup.unwrap(resource)?.status {
        case .new, .building: true
        default: false
        }
      },
      statusRole: { resource in
        switch backup.unwrap(resource)?.status {
        case .completed: .ok
        case .new, .building: .progress
        case .failed, .deleteFailed: .error
        case .other, nil: .neutral
        }
      },
      movingSince: { backup.unwrap($0)?.created },
      outcome: { change in
        guard change.wasMoving || change.wasCreated else { return nil }
        switch change.to {
        case "completed": return .completed(as: "completed")
        case "failed": return .failed(as: "failed")
        default: return nil
        }
      },
      searchWords: { backup.unwrap($0)?.instanceID.map { [$0] } ?? [] },
      watched: [.size],
      details: { resource, context in
        guard let b = backup.unwrap(resource) else { return [] }
        var datastore = b.datastore?.label ?? ""
        if let versionID = b.datastore?.versionID { datastore += " (version \(versionID))" }
        var list = [
          DetailField("Instance", context.named(.instances, b.instanceID)),
          DetailField("Datastore", datastore),
          DetailField("Parent backup", context.named(.backups, b.parentID)),
          DetailField("Size", Formatting.gigabytes(b.size)),
          // Short fields first: on a small terminal the long ones are cut at the bottom.
          DetailField("Created", Formatting.fullDate(b.created, now: context.cell.now)),
          DetailField("Updated", Formatting.fullDate(b.updated, now: context.cell.now)),
        ]
        if b.status.isInMotion, let created = b.created {
          list.append(
            DetailField(
              "Elapsed", Formatting.duration(context.cell.now.timeIntervalSince(created))))
        }
        list.append(DetailField("Type", b.type ?? ""))
        if let automated = b.isAutomated {
          list.append(DetailField("Automated", automated ? "yes" : "no"))
        }
        list.append(DetailField("Location", b.locationRef ?? ""))
        list.append(DetailField("Description", b.description ?? ""))
        if let project = b.projectID { list.append(DetailField("Project", project)) }
        return list
      },
      record: RecordField.identity + [
        RecordField("instance_id") { r, _ in .string(r.backup?.instanceID) },
        RecordField("parent_id") { r, _ in .string(r.backup?.parentID) },
        RecordField("size_gb") { r, _ in .number(r.backup?.size) },
        RecordField("datastore") { r, _ in .string(r.backup?.datastore?.type) },
        RecordField("datastore_version") { r, _ in .string(r.backup?.datastore?.version) },
        RecordField("created") { r, _ in .date(r.backup?.created) },
        RecordField("updated") { r, _ in .date(r.backup?.updated) },
        RecordField("description") { r, _ in .string(r.backup?.description) },
        RecordField("location") { r, _ in .string(r.backup?.locationRef) },
      ],
      tableKeys: ["id", "name", "status", "region", "size_gb", "datastore", "created"])
  }()
}

extension Column {
  public static let instanceName = Column("instanceName", title: "INSTANCE")
  public static let instance = Column("instance", title: "INSTANCE ID")
}

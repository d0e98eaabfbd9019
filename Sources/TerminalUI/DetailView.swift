import BrowserModel
import CloudClient
import Foundation

/// Every field of the selected resource as label/value lines, values word-wrapped.
enum DetailView {
  struct Field {
    var label: String
    var value: String
    var role: StyleRole = .text
  }

  static func draw(
    _ row: Row?, state: BrowserState, in area: Rect, frame: inout Frame, spinner: Character?
  ) {
    guard !area.isEmpty else { return }
    guard let row else {
      frame.put("Nothing selected", x: area.x + 1, y: area.y, style: .muted, clip: area)
      return
    }
    let labelWidth = min(14, max(4, area.width / 3))
    let valueWidth = max(1, area.width - labelWidth - 2)
    var y = area.y
    for field in fields(row, state: state, spinner: spinner) {
      if y >= area.maxY { break }
      let lines = TextLayout.wrap(
        field.value.isEmpty ? "—" : field.value, width: valueWidth, maxLines: area.maxY - y)
      frame.put(
        TextLayout.truncate(field.label, to: labelWidth), x: area.x + 1, y: y, style: .muted,
        clip: area)
      for line in lines {
        if y >= area.maxY { break }
        frame.put(
          line, x: area.x + labelWidth + 2, y: y,
          style: field.value.isEmpty ? .muted : Style(field.role), clip: area)
        y += 1
      }
    }
  }

  static func fields(_ row: Row, state: BrowserState, spinner: Character?) -> [Field] {
    let now = state.now
    let (statusText, statusRole) = ColumnText.status(row, now: now, spinner: spinner)
    var list = [
      Field(label: "Name", value: row.resource.name),
      Field(label: "ID", value: row.resource.id),
      Field(label: "Status", value: statusText, role: statusRole ?? .text),
      Field(label: "Region", value: row.region),
    ]
    switch row.resource {
    case .backup(let b):
      var instance = b.instanceID ?? ""
      if let id = b.instanceID,
        let name = state.pane(.instances).row(RowID(region: row.region, id: id))?.resource.name,
        !name.isEmpty
      {
        instance = "\(name) (\(id))"
      }
      list.append(Field(label: "Instance", value: instance))
      var datastore = ColumnText.datastore(b.datastore)
      if let versionID = b.datastore?.versionID { datastore += " (version \(versionID))" }
      list.append(Field(label: "Datastore", value: datastore))
      var parent = b.parentID ?? ""
      if let id = b.parentID,
        let name = state.pane(.backups).row(RowID(region: row.region, id: id))?.resource.name,
        !name.isEmpty
      {
        parent = "\(name) (\(id))"
      }
      list.append(Field(label: "Parent backup", value: parent))
      list.append(Field(label: "Size", value: Formatting.gigabytes(b.size)))
      // Short fields first: on a small terminal the long ones are cut at the bottom.
      list.append(Field(label: "Created", value: Formatting.fullDate(b.created)))
      list.append(Field(label: "Updated", value: Formatting.fullDate(b.updated)))
      if b.isInMotion, let created = b.created {
        list.append(
          Field(label: "Elapsed", value: Formatting.duration(now.timeIntervalSince(created))))
      }
      list.append(Field(label: "Type", value: b.type ?? ""))
      if let automated = b.isAutomated {
        list.append(Field(label: "Automated", value: automated ? "yes" : "no"))
      }
      list.append(Field(label: "Location", value: b.locationRef ?? ""))
      list.append(Field(label: "Description", value: b.description ?? ""))
      if let project = b.projectID { list.append(Field(label: "Project", value: project)) }
    case .snapshot(let s):
      list.append(Field(label: "Progress", value: ColumnText.progress(s), role: .progressFill))
      var volume = s.volumeID
      if let name = state.pane(.volumes).row(RowID(region: row.region, id: s.volumeID))?
        .resource.name, !name.isEmpty
      {
        volume = "\(name) (\(s.volumeID))"
      }
      list.append(Field(label: "Volume", value: volume))
      list.append(Field(label: "Size", value: Formatting.gigabytes(s.size)))
      list.append(Field(label: "Created", value: Formatting.fullDate(s.created)))
      list.append(Field(label: "Updated", value: Formatting.fullDate(s.updated)))
      if let project = s.projectID { list.append(Field(label: "Project", value: project)) }
      list.append(Field(label: "Description", value: s.description ?? ""))
      if s.metadata.isEmpty {
        list.append(Field(label: "Metadata", value: ""))
      } else {
        for (index, key) in s.metadata.keys.sorted().enumerated() {
          list.append(
            Field(label: index == 0 ? "Metadata" : "", value: "\(key)=\(s.metadata[key] ?? "")"))
        }
      }
    case .instance(let i):
      list.append(Field(label: "Datastore", value: ColumnText.datastore(i.datastore)))
      list.append(Field(label: "Flavor", value: i.flavorID ?? ""))
      list.append(Field(label: "Volume size", value: Formatting.gigabytes(i.volumeSize)))
    case .volume(let v):
      list.append(Field(label: "Size", value: Formatting.gigabytes(v.size)))
      list.append(Field(label: "Type", value: v.volumeType ?? ""))
      list.append(Field(label: "Zone", value: v.availabilityZone ?? ""))
      list.append(Field(label: "Bootable", value: v.bootable ? "yes" : "no"))
      list.append(Field(label: "Attached to", value: v.attachedTo.joined(separator: ", ")))
      list.append(Field(label: "Created", value: Formatting.fullDate(v.created)))
    }
    if let pending = row.pending {
      list.append(Field(label: "Pending", value: pending.label, role: .pending))
    }
    return list
  }
}

import CloudClient
import Foundation

/// Creating, changing and deleting a backup schedule from an instance row of the Protection
/// view: one form (day, hour, minute UTC, full backups kept, copy to; a delete toggle when
/// the schedule exists).
enum ProtectionSchedules {
  static func begin(_ state: inout BrowserState) -> [Effect] {
    if Reducer.refuseIfReadOnly(&state, "scheduling") { return [] }
    guard let row = state.protection.selectedRow, row.kind == .instance else {
      Reducer.post(&state, .info, "Select a database instance to schedule its backups")
      return []
    }
    if state.protection.schedules[row.region] == .unsupported {
      Reducer.post(&state, .error, "No schedules on this cloud (\(row.region) has no /schedules)")
      return []
    }
    let existing = row.schedule
    var fields = [
      FormField(
        id: .dayOfWeek, label: "Full day 0-7",
        value: .text(TextField(String(existing?.dayOfWeek ?? 0)))),
      FormField(
        id: .hour, label: "Hour (UTC)",
        value: .text(TextField(existing.map { String($0.hour) } ?? ""))),
      FormField(
        id: .minute, label: "Minute",
        value: .text(TextField(existing.map { String($0.minute) } ?? "0"))),
      FormField(
        id: .retention, label: "Fulls kept",
        value: .text(TextField(String(existing?.fullBackupRetention ?? 2)))),
      FormField(
        id: .copyTo, label: "Copy to",
        value: .text(TextField((existing?.copyTo ?? []).joined(separator: " ")))),
    ]
    if existing != nil {
      fields.append(
        FormField(id: .deleteSchedule, label: "Delete it", value: .toggle(false)))
    }
    let verb = existing == nil ? "Schedule backups of" : "Change the schedule of"
    state.dialog = .form(
      Form(
        purpose: .schedule(
          instance: RowID(region: row.region, id: row.id), scheduleID: existing?.id),
        title: "\(verb) \(row.name)", fields: fields))
    return []
  }

  static func send(
    _ state: inout BrowserState, _ form: Form, instance: RowID, scheduleID: String?
  ) -> Result<[Effect], Reducer.ValidationError> {
    if let scheduleID, form.toggle(.deleteSchedule) {
      return .success([.protection(.deleteSchedule(id: scheduleID, region: instance.region))])
    }
    func number(_ id: FieldID, _ what: String, _ range: ClosedRange<Int>) -> Result<
      Int, Reducer.ValidationError
    > {
      let text = form.text(id).trimmingCharacters(in: .whitespaces)
      guard let value = Int(text), range.contains(value) else {
        return .failure(
          Reducer.ValidationError(
            "\(what) must be a number from \(range.lowerBound) to \(range.upperBound)"))
      }
      return .success(value)
    }
    let day: Int
    let hour: Int
    let minute: Int
    let keep: Int
    do {
      day = try number(.dayOfWeek, "Day", 0...7).get()
      hour = try number(.hour, "Hour", 0...23).get()
      minute = try number(.minute, "Minute", 0...59).get()
      keep = try number(.retention, "Full backups kept", 1...100).get()
    } catch {
      return .failure(error)  // typed: `get()` throws the form's ValidationError
    }
    let copyTo = Reducer.regionWords(form.text(.copyTo))
    if copyTo.contains(instance.region) {
      return .failure(Reducer.ValidationError("Copies go to other regions than \(instance.region)"))
    }
    let request = ScheduleRequest(
      instanceID: instance.id, dayOfWeek: day, hour: hour, minute: minute,
      fullBackupRetention: keep, copyTo: copyTo)
    if let scheduleID {
      return .success([
        .protection(.updateSchedule(id: scheduleID, request, region: instance.region))
      ])
    }
    return .success([.protection(.createSchedule(request, region: instance.region))])
  }

  /// The answer to a create, change or delete: closes the form (or shows the error in it)
  /// and reads the region's schedules again.
  static func saved(
    _ state: inout BrowserState, region: String, _ what: String, _ result: Result<Void, CloudError>,
    now: Date
  ) -> [Effect] {
    Reducer.advance(&state, to: now)
    switch result {
    case .success:
      var text = what
      if case .form(let form) = state.dialog, case .copyBackup(let backup) = form.purpose {
        state.dialog = nil
        // The operator's words: the backup's name, not its ID.
        if let name = state.pane(.backups).row(backup)?.resource.name, !name.isEmpty {
          text = what.replacingOccurrences(of: backup.id, with: name)
        }
      }
      if case .form(let form) = state.dialog, case .schedule(let instance, _) = form.purpose {
        state.dialog = nil
        // The operator's words: the instance's name, not its ID.
        if let row = state.protection.rows.first(where: {
          $0.kind == .instance && $0.id == instance.id && $0.region == instance.region
        }) {
          text = what.replacingOccurrences(of: instance.id, with: row.name)
        }
      }
      Reducer.post(&state, .info, TerminalSafe.sanitize(text))
      return [.protection(.loadSchedules(region: region))]
    case .failure(let error):
      if case .form(var form) = state.dialog, form.purpose.isProtectionForm {
        form.submitting = false
        form.error = Reducer.describe(error)
        state.dialog = .form(form)
      } else {
        Reducer.post(&state, .error, Reducer.describe(error))
      }
      return [.bell]
    }
  }
}

import Foundation

/// `POST /backups`: Trove's validations, in the order the real service applies them.
enum TroveBackupCreate {
  /// Backup names must stay under 64 characters.
  static let maxNameLength = 64

  static func create(
    _ req: SimRequest, _ data: inout RegionData, _ ctx: ServiceContext,
    _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let root = RequestJSON.object(req.body) else { return TroveWire.malformedBody() }
    guard let body = root["backup"] as? [String: Any] else {
      return .badRequest("Validation error: resource 'backup' is a required property")
    }
    // Schema first: name (fixtures/real/trove-26/error-400.json) ...
    guard let nameValue = body["name"] else {
      return .badRequest("Validation error: backup 'name' is a required property")
    }
    guard let name = nameValue as? String, !name.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      return .badRequest(
        "Validation error: backup['name'] \(RequestJSON.describe(nameValue)) is not valid")
    }
    guard name.count < maxNameLength else {
      return .badRequest("Validation error: backup['name'] '\(name)' is too long")
    }
    if let description = body["description"], !(description is String), !(description is NSNull) {
      return .badRequest("Validation error: backup['description'] is not of type 'string'")
    }
    // ... then the instance (fixtures/real/trove-26/error-400-no-instance.json).
    guard let instanceID = body["instance"] as? String, !instanceID.isEmpty else {
      return .badRequest("instance is missing.")
    }
    guard let position = data.instancePosition(instanceID) else {
      return TroveAPI.notFound(instanceID)
    }
    let instance = data.instances[position]
    // One running backup per instance; any other non-ACTIVE state refuses too
    // (fixtures/real/trove-26/error-422.json).
    let status = data.instanceStatus(instance, at: ctx.now)
    guard status == "ACTIVE" else {
      return .unprocessable(
        "Instance \(instanceID) is not currently available for an action to be performed "
          + "(instance status was \(status)).")
    }
    var parentID: String? = nil
    if let parentValue = body["parent_id"], !(parentValue is NSNull) {
      guard let parent = parentValue as? String, let p = data.backupPosition(parent) else {
        return .notFound("Backup \(RequestJSON.plain(parentValue)) cannot be found.")
      }
      let parentBackup = data.backups[p]
      guard parentBackup.instanceID == instanceID else {
        return .badRequest("Backup \(parent) does not belong to instance \(instanceID).")
      }
      let parentStatus = parentBackup.status(at: ctx.now)
      guard parentStatus == "COMPLETED" else {
        return .badRequest(
          "Unable to create backup because backup \(parent) is not completed. "
            + "Actual state: \(parentStatus).")
      }
      parentID = parent
    }
    let baseSize =
      Double(instance.volumeSize) * instance.volumeUsed / max(Double(instance.volumeSize), 1)
    let size = max(0.01, ((parentID == nil ? baseSize : baseSize * 0.1) * 100).rounded() / 100)
    let backup = BackupRecord(
      seq: data.takeSeq(), id: ids.uuid(), name: name,
      description: body["description"] as? String, instanceID: instanceID, parentID: parentID,
      datastore: instance.datastore, created: ctx.now.rounded(.down),
      duration: ctx.configuration.backupDuration, finalSize: size,
      fails: ids.chance(ctx.configuration.failureRate))
    data.append(backup)
    return TroveAPI.single(backup, ctx, status: 202)
  }
}

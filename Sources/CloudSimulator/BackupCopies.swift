import Foundation

/// A backup copy on its way to another region: the copy starts there once the source
/// completed.
struct BackupCopyOrder: Sendable {
  var source: BackupRecord
  var region: String
  var name: String
  var description: String?
  var start: Double
}

/// Rackspace's copies of backups to other regions (rax-cdb-schedules.md, "Restore, copy,
/// replication"): `POST /backups/{id}/action` with `{"copy-backup": {"target_backup_region",
/// "name", "description"}}` (202, empty body; the published sample is invalid JSON, a
/// trailing comma: rax-cdb-backup-copy-request.txt), and `copy_to` on backup and schedule
/// creation.
///
/// Chosen where the docs are silent: the copy keeps the source's `instance_id` (so it is a
/// backup of that instance held in another region), copying to LON or to an unknown region,
/// or to the source's own region, is 400 `badRequest`; a backup not COMPLETED is 422; an
/// incremental whose parent has no copy in the target region is 400, as the docs say.
enum BackupCopies {
  static let refusedRegions: Set<String> = ["LON"]

  static func action(
    _ req: SimRequest, _ id: String, _ data: inout RegionData, _ ctx: ServiceContext
  ) -> SimResponse {
    guard let i = data.backupPosition(id) else { return TroveAPI.notFound(id) }
    guard let root = RequestJSON.object(req.body) else { return TroveWire.malformedBody() }
    guard let body = root["copy-backup"] as? [String: Any] else {
      return .badRequest("Invalid action: the body must hold 'copy-backup'.")
    }
    guard let target = (body["target_backup_region"] as? String)?.uppercased(), !target.isEmpty
    else {
      return .badRequest(
        "Validation error: copy-backup 'target_backup_region' is a required property")
    }
    if let problem = problem(target: target, ctx) { return problem }
    let source = data.backups[i]
    guard source.isCompleted(at: ctx.now) else {
      return .unprocessable(
        "Backup \(id) cannot be copied: its status is \(source.status(at: ctx.now)).")
    }
    data.outgoingCopies.append(
      BackupCopyOrder(
        source: source, region: target, name: (body["name"] as? String) ?? source.name,
        description: body["description"] as? String, start: ctx.now.rounded(.down)))
    return SimResponse(status: 202, headers: [("Content-Type", "application/json")])
  }

  /// `copy_to` on `POST /backups`: each region gets a copy once the backup completes.
  static func copyTo(
    _ req: SimRequest, _ response: SimResponse, _ data: inout RegionData, _ ctx: ServiceContext
  ) {
    guard response.status == 202, let made = data.backups.last,
      let body = RequestJSON.object(req.body)?["backup"] as? [String: Any],
      let regions = body["copy_to"] as? [String]
    else { return }
    for target in regions.map({ $0.uppercased() }) where problem(target: target, ctx) == nil {
      data.outgoingCopies.append(
        BackupCopyOrder(
          source: made, region: target, name: made.name, description: made.description,
          start: made.created + made.duration))
    }
  }

  static func problem(target: String, _ ctx: ServiceContext) -> SimResponse? {
    if target == ctx.region.uppercased() {
      return .badRequest("A backup cannot be copied to its own region \(target).")
    }
    if refusedRegions.contains(target)
      || !ctx.configuration.regions.contains(where: { $0.uppercased() == target })
    {
      return .badRequest("Backups cannot be copied to region \(target).")
    }
    return nil
  }

  /// Hands this request's copies to their regions. Called with the source region taken out
  /// of `world` (it is written back by the router).
  static func deliver(_ data: inout RegionData, into world: inout SimulatorWorld) {
    guard !data.outgoingCopies.isEmpty else { return }
    let orders = data.outgoingCopies
    data.outgoingCopies = []
    for order in orders {
      let key = order.region.lowercased()
      guard var target = world.regions.removeValue(forKey: key) else { continue }
      var parent: String? = nil
      if let parentID = order.source.parentID {
        // An incremental needs its parent's copy there first.
        guard let copy = target.backups.last(where: { $0.copiedFrom == parentID }) else {
          world.regions[key] = target
          continue
        }
        parent = copy.id
      }
      var copy = order.source
      copy.seq = target.takeSeq()
      copy.id = world.idGenerator.uuid()
      copy.name = order.name
      copy.description = order.description
      copy.parentID = parent
      copy.created = order.start
      copy.deleteFailed = false
      copy.deleteDoneAt = nil
      copy.copiedFrom = order.source.id
      target.append(copy)
      world.regions[key] = target
    }
  }
}

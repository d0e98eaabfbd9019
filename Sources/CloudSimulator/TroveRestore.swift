import Foundation

/// `POST /instances` with `restorePoint.backupRef`: a new instance built from a backup, as
/// trove 26 answers it (trove-26/instance-create-restore.json: **200**, status BUILD,
/// `operating_status` ""); refused with 409 for a backup that is not COMPLETED and 404 for an
/// unknown one. Plain creates (no restore point) are accepted too, for completeness.
enum TroveRestore {
  /// Simulated seconds a new instance stays BUILD (~12 s on the real peers).
  static let buildTime = 12.0

  static func create(
    _ req: SimRequest, _ data: inout RegionData, _ ctx: ServiceContext,
    _ ids: inout SeededGenerator
  ) -> SimResponse {
    guard let root = RequestJSON.object(req.body) else { return TroveWire.malformedBody() }
    guard let body = root["instance"] as? [String: Any] else {
      return .badRequest("Validation error: resource 'instance' is a required property")
    }
    guard let name = body["name"] as? String, !name.trimmingCharacters(in: .whitespaces).isEmpty
    else { return .badRequest("Validation error: instance 'name' is a required property") }
    guard let flavorValue = body["flavorRef"] else {
      return .badRequest("Validation error: instance 'flavorRef' is a required property")
    }
    let flavorRef = RequestJSON.plain(flavorValue)
    guard let flavor = TroveFlavors.find(flavorRef) else { return TroveAPI.notFound(flavorRef) }
    let requestedSize = (body["volume"] as? [String: Any])?["size"] as? Int
    // Rackspace has a default datastore, so none may be named; a named one must exist
    // (trove 26 without a default answers 400 "Please specify datastore").
    if let named = (body["datastore"] as? [String: Any])?["type"] as? String,
      !Datastore.all.contains(where: { $0.type == named.lowercased() })
    {
      return .notFound("Datastore '\(named)' cannot be found.")
    }
    var datastore = 0
    var restoredFrom: String? = nil
    var used = 0.2
    if let point = body["restorePoint"] as? [String: Any] {
      let reference = RequestJSON.plain(point["backupRef"] ?? "")
      guard let position = data.backupPosition(reference) else {
        return TroveAPI.notFound(reference)
      }
      let backup = data.backups[position]
      let status = backup.status(at: ctx.now)
      guard status == "COMPLETED" else {
        return .fault(
          409, "conflict",
          "Unable to create instance because backup \(reference) is not completed. "
            + "Actual state: \(status).")
      }
      if let requestedSize, Double(requestedSize) < backup.finalSize {
        return .badRequest(
          "The requested instance volume size \(requestedSize)GB is smaller than the backup's size "
            + "\(JSONWriter.number(backup.finalSize))GB.")
      }
      datastore = backup.datastore
      restoredFrom = reference
      used = backup.finalSize
    }
    guard let size = requestedSize, size > 0 else {
      return .badRequest("Validation error: instance['volume'] 'size' is a required property")
    }
    let instance = InstanceRecord(
      id: ids.uuid(), name: name, baseStatus: "ACTIVE", datastore: datastore,
      flavorID: flavor.reference, volumeSize: size, volumeUsed: min(used, Double(size)),
      created: ctx.now.rounded(.down), readyAt: ctx.now + buildTime,
      buildFails: ids.chance(ctx.configuration.failureRate), restoredFrom: restoredFrom)
    data.instances.append(instance)
    var inner = JSONWriter()
    TroveWire.instance(&inner, instance, status: "BUILD", detail: true, ctx)
    return TroveAPI.wrap("instance", inner, status: 200)
  }

  /// `DELETE /instances/{id}`: 202 with no body; SHUTDOWN, then 404 (trove-26/instance-delete.txt).
  static func delete(_ id: String, _ data: inout RegionData, _ ctx: ServiceContext) -> SimResponse {
    guard let i = data.instancePosition(id) else { return TroveAPI.notFound(id) }
    if data.instances[i].deleteStarted == nil { data.instances[i].deleteStarted = ctx.now }
    return SimResponse(status: 202, headers: [("Content-Type", "application/json")])
  }
}

/// `GET /flavors` and `GET /flavors/{id}` in trove 26's shape (trove-26/flavors.json): `id` a
/// number beside `str_id`, and one flavor whose `id` is null. Names and sizes are Rackspace
/// Cloud Databases'.
enum TroveFlavors {
  struct Flavor: Sendable {
    var id: Int?
    var reference: String
    var name: String
    var ram: Int
  }

  static let all: [Flavor] = [
    .init(id: 1, reference: "1", name: "512MB Instance", ram: 512),
    .init(id: 2, reference: "2", name: "1GB Instance", ram: 1024),
    .init(id: 3, reference: "3", name: "2GB Instance", ram: 2048),
    .init(id: 4, reference: "4", name: "4GB Instance", ram: 4096),
    .init(id: 5, reference: "5", name: "8GB Instance", ram: 8192),
    .init(id: 6, reference: "6", name: "16GB Instance", ram: 16384),
    .init(id: 7, reference: "7", name: "32GB Instance", ram: 32768),
    .init(id: 8, reference: "8", name: "64GB Instance", ram: 65536),
    .init(id: nil, reference: "custom", name: "custom.small", ram: 512),
  ]

  static func find(_ reference: String) -> Flavor? {
    all.first { $0.reference == reference }
  }

  static func list(_ ctx: ServiceContext) -> SimResponse {
    var w = JSONWriter(capacity: 4096)
    w.beginObject()
    w.beginArray("flavors")
    for flavor in all { write(&w, flavor, ctx) }
    w.endArray()
    w.endObject()
    return .json(200, w)
  }

  static func show(_ reference: String, _ ctx: ServiceContext) -> SimResponse {
    guard let flavor = find(reference) else { return TroveAPI.notFound(reference) }
    var inner = JSONWriter()
    write(&inner, flavor, ctx)
    return TroveAPI.wrap("flavor", inner, status: 200)
  }

  private static func write(_ w: inout JSONWriter, _ flavor: Flavor, _ ctx: ServiceContext) {
    let root = "https://\(ctx.host)/\(ctx.region.lowercased())/database"
    w.beginObject()
    w.field("id", flavor.id)
    w.beginArray("links")
    w.beginObject()
    w.field("href", "\(root)/v1.0/\(ctx.tenantID)/flavors/\(flavor.reference)")
    w.field("rel", "self")
    w.endObject()
    w.beginObject()
    w.field("href", "\(root)/flavors/\(flavor.reference)")
    w.field("rel", "bookmark")
    w.endObject()
    w.endArray()
    w.field("name", flavor.name)
    w.field("ram", flavor.ram)
    w.field("vcpus", max(1, flavor.ram / 1024))
    w.field("disk", 0)
    w.field("ephemeral", 0)
    w.field("str_id", flavor.reference)
    w.field("local_storage", 0)
    w.endObject()
  }
}

/// Trove v1.0 bodies, written field by field in the order the real server prints them
/// (fixtures/real/trove-26/backups.json, instances.json, instance-show.json).
enum TroveWire {
  /// One backup object, as in the list, get and create answers.
  static func backup(_ w: inout JSONWriter, _ b: BackupRecord, _ ctx: ServiceContext) {
    let status = b.status(at: ctx.now)
    let done = status == "COMPLETED" || status == "DELETE_FAILED"
    let datastore = Datastore.all[b.datastore]
    w.beginObject()
    w.field("id", b.id)
    w.field("name", b.name)
    w.field("description", b.description)
    w.field(
      "locationRef",
      done
        ? "https://snet-storage101.\(ctx.region.lowercased())1.clouddrive.com/v1/"
          + "MossoCloudFS_\(ctx.tenantID)/z_CLOUDDB_BACKUPS/\(b.id)_0.xbstream.gz.enc"
        : nil)
    w.field("instance_id", b.instanceID)
    w.field("created", WireDate.trove(b.created))
    w.field("updated", WireDate.trove(b.updated(at: ctx.now)))
    w.field("size", done ? b.finalSize : b.size(at: ctx.now))
    w.field("status", status)
    w.field("parent_id", b.parentID)
    w.field("project_id", ctx.tenantID)
    w.beginObject("datastore")
    w.field("type", datastore.type)
    w.field("version", datastore.version)
    w.field("version_id", datastore.versionID)
    w.endObject()
    w.endObject()
  }

  /// One instance: the list form, or with `detail` the get form that adds `version_number`,
  /// `volume.used`, `created`, `updated`, `service_status_updated`.
  static func instance(
    _ w: inout JSONWriter, _ i: InstanceRecord, status: String, detail: Bool,
    _ ctx: ServiceContext
  ) {
    // Trove writes https links even when served over plain http
    // (fixtures/real/trove-26/instances.json).
    let root = "https://\(ctx.host)/\(ctx.region.lowercased())/database"
    let datastore = Datastore.all[i.datastore]
    w.beginObject()
    w.field("id", i.id)
    w.field("name", i.name)
    w.field("status", status)
    // A new instance has no operating status yet (trove-26/instance-create-restore.json).
    w.field(
      "operating_status",
      status == "SHUTDOWN"
        ? "SHUTDOWN" : status == "BUILD" ? "" : status == "ERROR" ? "ERROR" : "HEALTHY")
    links(
      &w, self: "\(root)/v1.0/\(ctx.tenantID)/instances/\(i.id)",
      bookmark: "\(root)/instances/\(i.id)")
    w.beginObject("flavor")
    w.field("id", i.flavorID)
    links(
      &w, self: "\(root)/v1.0/\(ctx.tenantID)/flavors/\(i.flavorID)",
      bookmark: "\(root)/flavors/\(i.flavorID)")
    w.endObject()
    w.beginObject("datastore")
    w.field("type", datastore.type)
    w.field("version", datastore.version)
    if detail { w.field("version_number", datastore.versionNumber) }
    w.endObject()
    w.field("region", ctx.region)
    w.emptyObject("access")
    w.beginObject("volume")
    w.field("size", i.volumeSize)
    // The guest reports `used` once it runs (trove-26/instance-show-restore-active.json; the
    // BUILD and SHUTDOWN bodies have none).
    if detail, !["BUILD", "SHUTDOWN", "ERROR"].contains(status) { w.field("used", i.volumeUsed) }
    w.endObject()
    if detail {
      w.field("created", WireDate.trove(i.created))
      w.field("updated", WireDate.trove(i.created))
      w.field("service_status_updated", WireDate.trove(ctx.now))
    }
    w.endObject()
  }

  private static func links(_ w: inout JSONWriter, self href: String, bookmark: String) {
    w.beginArray("links")
    w.beginObject()
    w.field("href", href)
    w.field("rel", "self")
    w.endObject()
    w.beginObject()
    w.field("href", bookmark)
    w.field("rel", "bookmark")
    w.endObject()
    w.endArray()
  }

  /// Top-level `links` with one `rel=next` (fixtures/real/trove-26/backups-page1.json).
  static func nextLink(_ w: inout JSONWriter, _ href: String) {
    w.beginArray("links")
    w.beginObject()
    w.field("rel", "next")
    w.field("href", href)
    w.endObject()
    w.endArray()
  }

  /// The version document at the service root (fixtures/real/trove-26/versions.json).
  static func versions(_ ctx: ServiceContext) -> JSONWriter {
    var w = JSONWriter()
    w.beginObject()
    w.beginArray("versions")
    w.beginObject()
    w.field("id", "v1.0")
    w.field("status", "CURRENT")
    w.field("updated", "2012-08-01T00:00:00Z")
    w.beginArray("links")
    w.beginObject()
    w.field("rel", "self")
    w.field("href", "\(ctx.serviceRoot("database"))/v1.0/")
    w.endObject()
    w.endArray()
    w.endObject()
    w.endArray()
    w.endObject()
    return w
  }

  /// Trove's malformed-JSON answer has its own shape: `code` is a string and the message
  /// carries HTML (fixtures/real/trove-26/error-400-malformed-json.json).
  static func malformedBody() -> SimResponse {
    var w = JSONWriter()
    w.beginObject()
    w.field("message", "Malformed request body<br /><br />\n\n\n")
    w.field("code", "400 Bad Request")
    w.field("title", "Bad Request")
    w.endObject()
    return .json(400, w)
  }
}

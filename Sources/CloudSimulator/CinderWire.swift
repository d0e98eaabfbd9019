/// Cinder bodies for both dialects over the same rows: Rackspace's v1 (`display_name`,
/// `display_description`, no `updated_at`) and v3 (`name`, `description`, `updated_at`, fields
/// gated by microversion). Field order follows fixtures/real/cinder-29/ and, for v1,
/// fixtures/docs/rax-cbs-capture-*.json.
enum CinderWire {
  enum Dialect: Sendable {
    case v1
    case v3(CinderMicroversion)

    var isV1: Bool {
      if case .v1 = self { return true }
      return false
    }

    func atLeast(_ minor: Int) -> Bool {
      if case .v3(let version) = self { return version.atLeast(minor) }
      return false
    }
  }

  /// Which snapshot body: list entry, detail/get (with `os-extended-*`), or create/update reply.
  enum SnapshotForm: Sendable { case summary, detail, mutation }

  static func snapshot(
    _ w: inout JSONWriter, _ s: SnapshotRecord, _ form: SnapshotForm, _ dialect: Dialect,
    _ ctx: ServiceContext
  ) {
    w.beginObject()
    w.field("id", s.id)
    w.field("created_at", WireDate.cinder(s.created))
    if dialect.isV1 {
      w.field("display_name", s.name)
      w.field("display_description", s.description)
    } else {
      w.field("updated_at", s.updatedAt(at: ctx.now).map(WireDate.cinder))
      w.field("name", s.name)
      w.field("description", s.description)
    }
    w.field("volume_id", s.volumeID)
    w.field("status", s.status(at: ctx.now))
    w.field("size", s.size)
    w.stringMap("metadata", s.metadata)
    // The summary list lacks these even at 3.71 (fixtures/real/cinder-29/snapshots.json).
    if form != .summary {
      if dialect.atLeast(14) { w.field("group_snapshot_id", nil as String?) }
      if dialect.atLeast(41) { w.field("user_id", ctx.configuration.username) }
      if dialect.atLeast(65) { w.field("consumes_quota", true) }
    }
    if form == .detail {
      w.field("os-extended-snapshot-attributes:project_id", ctx.tenantID)
      w.field("os-extended-snapshot-attributes:progress", s.progress(at: ctx.now))
    }
    w.endObject()
  }

  /// A volume: v3 list entries are `{id, links, name}`; v3 detail/get the full object; v1 the
  /// full Rackspace object everywhere.
  static func volume(
    _ w: inout JSONWriter, _ v: VolumeRecord, detail: Bool, _ dialect: Dialect,
    _ ctx: ServiceContext, admin: Bool = true
  ) {
    let root = ctx.serviceRoot("volume")
    let selfLink = "\(root)/\(dialect.isV1 ? "v1" : "v3")/\(ctx.tenantID)/volumes/\(v.id)"
    w.beginObject()
    w.field("id", v.id)
    if !dialect.isV1, !detail {
      links(&w, selfLink, "\(root)/\(ctx.tenantID)/volumes/\(v.id)")
      w.field("name", v.name)
      w.endObject()
      return
    }
    w.field("status", v.status(at: ctx.now))
    w.field("size", v.size)
    w.field("availability_zone", "nova")
    w.field("created_at", WireDate.cinder(v.created))
    if dialect.isV1 {
      w.field("display_name", v.name)
      w.field("display_description", v.description)
    } else {
      w.field("updated_at", v.updatedAt(at: ctx.now).map(WireDate.cinder))
      w.field("name", v.name)
      w.field("description", v.description)
    }
    w.field("volume_type", v.volumeType)
    w.field("snapshot_id", v.snapshotID)
    w.field("source_volid", nil as String?)
    w.emptyObject("metadata")
    if !dialect.isV1 {
      links(&w, selfLink, "\(root)/\(ctx.tenantID)/volumes/\(v.id)")
      w.field("user_id", ctx.configuration.username)
    }
    // A string, not a boolean (fixtures/real/cinder-29/volumes-detail.json).
    w.field("bootable", "false")
    if !dialect.isV1 {
      w.field("encrypted", false)
      w.field("replication_status", nil as String?)
      w.field("consistencygroup_id", nil as String?)
      w.field("multiattach", false)
    }
    w.beginArray("attachments")
    if let server = v.serverID {
      w.beginObject()
      w.field("id", v.id)
      w.field("attachment_id", v.attachmentID)
      w.field("volume_id", v.id)
      w.field("server_id", server)
      w.field("host_name", nil as String?)
      w.field("device", v.device)
      w.field("attached_at", WireDate.cinder(v.created + 3600))
      w.endObject()
    }
    w.endArray()
    if !dialect.isV1 {
      w.field("migration_status", nil as String?)
      if dialect.atLeast(13) { w.field("group_id", nil as String?) }
      if dialect.atLeast(21) { w.field("provider_id", nil as String?) }
      if dialect.atLeast(48) {
        w.field("shared_targets", false)
        w.field("service_uuid", "ace4cff0-6cad-461c-aa63-97e6053cda02")
      }
      if dialect.atLeast(61) { w.field("cluster_name", nil as String?) }
      if dialect.atLeast(63) {
        w.field(
          "volume_type_id",
          v.volumeType == "SSD"
            ? "1b2c3d4e-0000-4000-8000-000000000551"
            : "372a93e8-792e-4d74-8431-325a729056f8")
      }
      if dialect.atLeast(65) { w.field("consumes_quota", true) }
    }
    // The admin attributes are missing from the create answer
    // (fixtures/real/cinder-29/volume-create.json against volume-show-unicode.json).
    if admin {
      w.field("os-vol-tenant-attr:tenant_id", ctx.tenantID)
      w.field("os-vol-mig-status-attr:migstat", nil as String?)
      w.field("os-vol-mig-status-attr:name_id", nil as String?)
      w.field("os-vol-host-attr:host", "lunr@\(ctx.region.lowercased())#\(v.volumeType)")
    }
    w.endObject()
  }

  private static func links(_ w: inout JSONWriter, _ selfLink: String, _ bookmark: String) {
    w.beginArray("links")
    w.beginObject()
    w.field("rel", "self")
    w.field("href", selfLink)
    w.endObject()
    w.beginObject()
    w.field("rel", "bookmark")
    w.field("href", bookmark)
    w.endObject()
    w.endArray()
  }

  /// `snapshots_links` / `volumes_links` with one `rel=next`
  /// (fixtures/real/cinder-29/snapshots-detail-page1.json).
  static func nextLink(_ w: inout JSONWriter, _ key: String, _ href: String) {
    w.beginArray(key)
    w.beginObject()
    w.field("rel", "next")
    w.field("href", href)
    w.endObject()
    w.endArray()
  }

  /// The version document at `/` (300) and `/v3/` (200) (fixtures/real/cinder-29/versions.json).
  static func versions(_ ctx: ServiceContext) -> JSONWriter {
    var w = JSONWriter()
    w.beginObject()
    w.beginArray("versions")
    for (id, status, version, minimum, path) in [
      ("v3.0", "CURRENT", CinderMicroversion.maximum.text, CinderMicroversion.minimum.text, "v3"),
      ("v1.0", "DEPRECATED", "", "", "v1"),
    ] {
      w.beginObject()
      w.field("id", id)
      w.field("status", status)
      w.field("version", version)
      w.field("min_version", minimum)
      w.field("updated", "2023-08-31T00:00:00Z")
      w.beginArray("links")
      w.beginObject()
      w.field("rel", "describedby")
      w.field("type", "text/html")
      w.field("href", "https://docs.openstack.org/")
      w.endObject()
      w.beginObject()
      w.field("rel", "self")
      w.field("href", "\(ctx.serviceRoot("volume"))/\(path)/")
      w.endObject()
      w.endArray()
      w.beginArray("media-types")
      w.beginObject()
      w.field("base", "application/json")
      w.field("type", "application/vnd.openstack.volume+json;version=\(path.dropFirst())")
      w.endObject()
      w.endArray()
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w
  }
}

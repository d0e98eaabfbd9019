import Foundation

/// Rackspace Cloud Databases: a backup copied to another region
/// (`POST /backups/{id}/action` with `copy-backup`; 202, empty body). The published request
/// sample has a trailing comma (rax-cdb-backup-copy-request.txt): this sends valid JSON.
extension CloudSession {
  public func copyBackup(
    id: String, to targetRegion: String, name: String? = nil, description: String? = nil,
    region: String
  ) async throws {
    let operation = "Copying backup \(id) to \(targetRegion)"
    let target = targetRegion.trimmingCharacters(in: .whitespaces).uppercased()
    guard !target.isEmpty else {
      throw CloudError(kind: .invalidRequest, summary: "\(operation) failed: a region is required")
    }
    guard target != region.uppercased() else {
      throw CloudError(
        kind: .invalidRequest, summary: "\(operation) failed: the backup is already in \(region)")
    }
    var copy: [String: String] = ["target_backup_region": target]
    if let name, !name.isEmpty { copy["name"] = name }
    if let description { copy["description"] = description }
    let service = try await endpoint(.database, region: region)
    _ = try await send(
      .POST, service.url + "/backups/\(Self.segment(id))/action", service: service,
      kind: .database,
      body: try JSONSerialization.data(
        withJSONObject: ["copy-backup": copy], options: [.sortedKeys]),
      operation: operation)
  }
}

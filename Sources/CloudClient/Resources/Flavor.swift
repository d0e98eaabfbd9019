/// A Cloud Databases flavor: the size of an instance, offered when restoring a backup.
public struct Flavor: Sendable, Hashable, Identifiable {
  /// The reference `POST /instances` takes as `flavorRef`: trove 26's `str_id` (its numeric
  /// `id` may be null, trove-26/flavors.json), else the number as text.
  public var id: String
  public var name: String
  /// Memory in MB.
  public var ram: Int?

  public init(id: String, name: String, ram: Int? = nil) {
    self.id = id
    self.name = name
    self.ram = ram
  }
}

/// Vendor profiles rackwatch knows without a `clouds-public.yaml`, as openstacksdk ships
/// them in `openstack/config/vendors/` (only the keys rackwatch uses). A cloud names one with
/// `profile: rackspace`; its own keys win over the profile's.
enum VendorProfiles {
  /// The profile named `name`, or nil when rackwatch does not ship it.
  static func builtIn(_ name: String) -> ConfigValue? {
    guard let body = table[name.lowercased()] else { return nil }
    return .builtIn(body, source: "built-in vendor profile '\(name.lowercased())'")
  }

  /// openstacksdk's rackspace.json: identity v2.0, the six regions, and Cloud Databases
  /// under the catalog type `rax:database`. Its `block_storage_endpoint_override` (a v2 URL
  /// without the tenant) is left out: rackwatch takes Cloud Block Storage from the catalog.
  private static let table: [String: ConfigValue.BuiltIn] = [
    "rackspace": .keys([
      ("auth", .keys([("auth_url", .text("https://identity.api.rackspacecloud.com/v2.0/"))])),
      ("identity_api_version", .text("2.0")),
      ("regions", .texts(["DFW", "HKG", "IAD", "ORD", "SYD", "LON"])),
      ("database_service_type", .text("rax:database")),
    ])
  ]
}

import Foundation
import Yams

/// OpenStack's `clouds.yaml` as openstacksdk reads it (the file `openstack --os-cloud NAME`
/// uses), with `secure.yaml` merged in per cloud and vendor profiles (`profile: rackspace`,
/// from `clouds-public.yaml` or built in) laid underneath.
///
/// Only the keys rackwatch can use are read; unknown keys are ignored, as openstacksdk does.
struct CloudsYAML: Sendable {
  /// The clouds.yaml read (the first of the search list that exists).
  var path: String
  /// The secure.yaml merged in, if any.
  var securePath: String?
  var profiles: [Profile] = []
  /// True when clouds.yaml itself (not secure.yaml) holds a secret, for the permission check.
  var holdsSecrets = false
  var secureHoldsSecrets = false
  /// Problems that do not stop the other clouds from working (an unknown vendor profile).
  var warnings: [String] = []

  /// The files found on openstacksdk's search path, or nil when there is no clouds file.
  static func load(files: OpenStackFiles) throws -> CloudsYAML? {
    guard let cloudsFile = try firstFile(files.clouds) else { return nil }
    let secureFile = try firstFile(files.secure)
    let vendorFile = try firstFile(files.vendor)
    return try CloudsYAML(clouds: cloudsFile, secure: secureFile, vendor: vendorFile)
  }

  /// Reads one clouds.yaml alone (no secure or vendor file).
  static func load(path: String) throws -> CloudsYAML? {
    guard let file = try YAMLFile.load(path: path) else { return nil }
    return try CloudsYAML(clouds: file, secure: nil, vendor: nil)
  }

  private static func firstFile(_ paths: [String]) throws -> YAMLFile? {
    for path in paths {
      if let file = try YAMLFile.load(path: path) { return file }
    }
    return nil
  }

  init(clouds file: YAMLFile, secure: YAMLFile?, vendor: YAMLFile?) throws {
    path = file.path
    securePath = secure?.path
    let root = ConfigValue(node: file.root, file: file.path, keyPath: "")
    _ = try root.requireMap()
    guard var clouds = root["clouds"] else {
      throw file.error(at: file.root, "no 'clouds' key at the top level")
    }
    _ = try clouds.requireMap()
    holdsSecrets = Self.holdsSecret(clouds)
    if let secure {
      let secureRoot = ConfigValue(node: secure.root, file: secure.path, keyPath: "")
      if let secureClouds = secureRoot["clouds"] {
        _ = try secureClouds.requireMap()
        secureHoldsSecrets = Self.holdsSecret(secureClouds)
        clouds = clouds.merging(secureClouds)
      }
    }
    let publicClouds = vendor.map {
      ConfigValue(node: $0.root, file: $0.path, keyPath: "")["public-clouds"]
    }
    for (name, body) in clouds.pairs {
      _ = try body.requireMap()
      let merged = try Self.withVendorProfile(
        body, cloud: name, publicClouds: publicClouds ?? nil, warnings: &warnings)
      profiles.append(try Self.profile(name: name, cloud: merged, source: .cloudsYAML(path: path)))
    }
  }

  /// The cloud laid over the vendor profile it names (`profile:`, or the older `cloud:`),
  /// looked up in clouds-public.yaml first, then among the profiles rackwatch ships.
  private static func withVendorProfile(
    _ cloud: ConfigValue, cloud name: String, publicClouds: ConfigValue?,
    warnings: inout [String]
  ) throws -> ConfigValue {
    guard let reference = cloud["profile"] ?? cloud["cloud"] else { return cloud }
    let vendorName = try reference.text()
    if let vendor = publicClouds?[vendorName] {
      return vendor.merging(cloud)
    }
    if let vendor = VendorProfiles.builtIn(vendorName) {
      return vendor.merging(cloud)
    }
    // openstacksdk warns and goes on without the profile; so does rackwatch.
    warnings.append(
      reference.error(
        "WARNING: cloud '\(name)': no vendor profile '\(vendorName)' (not in clouds-public.yaml, and rackwatch ships only 'rackspace')"
      ).description)
    return cloud
  }

  private static let secretKeys: Set<String> = [
    "password", "api_key", "application_credential_secret", "token",
  ]

  private static func holdsSecret(_ value: ConfigValue) -> Bool {
    value.pairs.contains { key, child in secretKeys.contains(key) || holdsSecret(child) }
  }

  /// A profile from one merged cloud body.
  static func profile(name: String, cloud: ConfigValue, source: ProfileSource) throws -> Profile {
    var profile = Profile(name: name, source: source)
    try read(cloud, into: &profile, cloudName: name)
    if let regionsValue = cloud["regions"] {
      for entry in try regionsValue.list() {
        if case .scalar = entry.content {
          profile.knownRegions.append(try entry.text())
          continue
        }
        guard let regionName = entry["name"] else {
          throw entry.error("cloud '\(name)': a region entry needs a 'name'")
        }
        let unexpected = entry.pairs.map(\.key).filter { !["name", "values"].contains($0) }
        if let key = unexpected.first {
          throw entry.error(
            "cloud '\(name)': a region entry takes only 'name' and 'values', not '\(key)'")
        }
        let region = try regionName.text()
        profile.knownRegions.append(region)
        if let values = entry["values"] {
          var partial = Profile(name: name, source: source)
          try read(try values.requireMap(), into: &partial, cloudName: name)
          profile.regionValues[region] = RegionValues(profile: partial)
        }
      }
    }
    // openstacksdk: the first region is the default; `region_name` picks another.
    if let chosen = cloud["region_name"] {
      let names = try chosen.texts()
      if profile.knownRegions.isEmpty { profile.knownRegions = names }
      profile.regions = Array(names.prefix(1))
      profile.origins[.regions] = chosen.origin.description
    } else if let first = profile.knownRegions.first, let origin = cloud["regions"]?.origin {
      profile.regions = [first]
      profile.origins[.regions] = origin.description + " (the first)"
    }
    return profile
  }

  /// Reads the keys of a cloud body (or a region's `values`) that rackwatch uses.
  private static func read(_ cloud: ConfigValue, into profile: inout Profile, cloudName: String)
    throws
  {
    func set<Value>(
      _ field: WritableKeyPath<Profile, Value?>, _ name: ProfileField, _ value: ConfigValue?,
      _ transform: (String) -> Value
    ) throws {
      guard let value else { return }
      profile[keyPath: field] = transform(try value.text())
      profile.origins[name] = value.origin.description
    }
    if let node = cloud["auth_type"] {
      let text = try node.text()
      guard let kind = AuthKind(loose: text) else {
        throw node.error(
          "cloud '\(cloudName)': auth_type '\(text)' is not supported (use \(AuthKind.spellings))")
      }
      profile.authKind = kind
      profile.origins[.auth] = node.origin.description
    }
    if let auth = cloud["auth"] {
      _ = try auth.requireMap()
      try set(\.identityURL, .identity, auth["auth_url"]) { $0 }
      try set(\.username, .username, auth["username"]) { $0 }
      try set(\.password, .password, auth["password"]) { Secret($0) }
      try set(\.apiKey, .apiKey, auth["api_key"]) { Secret($0) }
      try set(\.projectName, .project, auth["project_name"] ?? auth["tenant_name"]) { $0 }
      try set(\.projectID, .projectID, auth["project_id"] ?? auth["tenant_id"]) { $0 }
      for (prefix, field, isID) in [
        ("user_domain", ProfileField.userDomain, \Profile.userDomainIsID),
        ("project_domain", .projectDomain, \Profile.projectDomainIsID),
      ] {
        let keyPath = field == .userDomain ? \Profile.userDomain : \Profile.projectDomain
        if let named = auth["\(prefix)_name"] ?? auth["domain_name"] {
          try set(keyPath, field, named) { $0 }
          profile[keyPath: isID] = false
        } else if let byID = auth["\(prefix)_id"] ?? auth["domain_id"] {
          try set(keyPath, field, byID) { $0 }
          profile[keyPath: isID] = true
        }
      }
      try set(\.applicationCredentialID, .applicationCredential, auth["application_credential_id"])
      { $0 }
      try set(
        \.applicationCredentialSecret, .applicationCredentialSecret,
        auth["application_credential_secret"]
      ) { Secret($0) }
      try set(\.token, .token, auth["token"]) { Secret($0) }
      if let endpoint = auth["endpoint"] {
        profile.endpoints["volume"] = try endpoint.text()
        profile.origins[.endpoints] = endpoint.origin.description
      }
    }
    if let version = cloud["identity_api_version"], let url = profile.identityURL,
      ServiceVersionPath.version(in: url) == nil
    {
      // An unversioned auth_url: openstacksdk discovers the version; rackwatch takes the one
      // the cloud states.
      let major = try version.text().hasPrefix("2") ? "v2.0" : "v3"
      profile.identityURL = ServiceVersionPath.appending(major, to: url)
    }
    if let node = cloud["interface"] ?? cloud["endpoint_type"] {
      let text = try node.text().lowercased().replacingOccurrences(of: "url", with: "")
      guard ["public", "internal", "admin"].contains(text) else {
        throw node.error("cloud '\(cloudName)': interface must be public, internal or admin")
      }
      profile.interface = text
      profile.origins[.interface] = node.origin.description
    }
    if let node = cloud["verify"], try !node.bool() {
      profile.insecure = true
      profile.origins[.verify] = node.origin.description
    }
    if let node = cloud["insecure"], try node.bool() {
      profile.insecure = true
      profile.origins[.verify] = node.origin.description
    }
    try set(\.caCertificateFile, .caCertificate, cloud["cacert"]) { $0 }
    // Noauth setups name the service endpoints directly.
    for (key, service) in [
      ("database_endpoint_override", "database"), ("volume_endpoint_override", "volume"),
      ("block_storage_endpoint_override", "volume"),
    ] {
      if let node = cloud[key] {
        profile.endpoints[service] = try node.text()
        profile.origins[.endpoints] = node.origin.description
      }
    }
    for (key, service) in [
      ("database_service_type", "database"), ("volume_service_type", "volume"),
      ("block_storage_service_type", "volume"),
    ] {
      if let node = cloud[key] {
        profile.serviceTypes[service] = try node.text()
        profile.origins[.serviceTypes] = node.origin.description
      }
    }
  }
}

/// The `/vN` segment of an identity URL.
enum ServiceVersionPath {
  /// `2` or `3` from a `/v2.0` or `/v3` path segment, nil when the URL names none.
  static func version(in url: String) -> Int? {
    let path = url.split(separator: "?").first.map(String.init) ?? url
    let afterHost = path.range(of: "://").map { path[$0.upperBound...] } ?? path[...]
    for segment in afterHost.split(separator: "/").dropFirst().reversed() {
      guard segment.first == "v", segment.count >= 2 else { continue }
      if let major = Int(segment.dropFirst().split(separator: ".").first ?? "") { return major }
    }
    return nil
  }

  /// `url` with `/segment` appended (one slash between).
  static func appending(_ segment: String, to url: String) -> String {
    var base = url
    while base.hasSuffix("/") { base.removeLast() }
    return base + "/" + segment
  }
}

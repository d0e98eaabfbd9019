/// Credentials from `OS_*` (OpenStack) and `RS_*` (rack CLI) environment variables.
enum EnvironmentProfile {
  /// The name openstacksdk gives the cloud the variables describe: `OS_CLOUD_NAME`, else
  /// `envvars`. `--os-cloud` with this name picks it.
  static func name(_ env: [String: String]) -> String {
    env["OS_CLOUD_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "envvars"
  }

  /// The profile the variables describe, or nil when none of them is set.
  /// `OS_*` wins over `RS_*` when both name the same thing.
  static func read(_ env: [String: String]) -> Profile? {
    var profile = Profile(name: name(env), source: .environment)
    func value(_ keys: String...) -> (String, String)? {
      for key in keys {
        if let v = env[key], !v.isEmpty { return (v, key) }
      }
      return nil
    }
    func set<Value>(
      _ field: WritableKeyPath<Profile, Value?>, _ name: ProfileField, _ keys: String...,
      transform: (String) -> Value
    ) {
      for key in keys {
        guard let v = env[key], !v.isEmpty else { continue }
        profile[keyPath: field] = transform(v)
        profile.origins[name] = key
        return
      }
    }
    set(\.username, .username, "RS_USERNAME") { $0 }
    if let (v, key) = value("RS_API_KEY") {
      profile.apiKey = Secret(v)
      profile.authKind = .apiKey
      profile.origins[.apiKey] = key
      profile.origins[.auth] = key
    }
    if let (v, key) = value("RS_REGION_NAME") {
      profile.regions = [v.uppercased()]
      profile.origins[.regions] = key
    }
    set(\.identityURL, .identity, "RS_AUTH_URL") { $0 }

    set(\.identityURL, .identity, "OS_AUTH_URL") { $0 }
    set(\.username, .username, "OS_USERNAME") { $0 }
    set(\.password, .password, "OS_PASSWORD") { Secret($0) }
    set(\.projectID, .projectID, "OS_PROJECT_ID", "OS_TENANT_ID") { $0 }
    set(\.projectName, .project, "OS_PROJECT_NAME", "OS_TENANT_NAME") { $0 }
    for (field, isID, prefix) in [
      (ProfileField.userDomain, \Profile.userDomainIsID, "OS_USER_DOMAIN"),
      (.projectDomain, \Profile.projectDomainIsID, "OS_PROJECT_DOMAIN"),
    ] {
      let keyPath = field == .userDomain ? \Profile.userDomain : \Profile.projectDomain
      if let (v, key) = value("\(prefix)_NAME", "OS_DOMAIN_NAME") {
        profile[keyPath: keyPath] = v
        profile[keyPath: isID] = false
        profile.origins[field] = key
      } else if let (v, key) = value("\(prefix)_ID", "OS_DOMAIN_ID") {
        profile[keyPath: keyPath] = v
        profile[keyPath: isID] = true
        profile.origins[field] = key
      }
    }
    if let (v, key) = value("OS_REGION_NAME") {
      profile.regions = [v]
      profile.origins[.regions] = key
    }
    if let (v, key) = value("OS_INTERFACE", "OS_ENDPOINT_TYPE") {
      profile.interface = v.lowercased().replacingOccurrences(of: "url", with: "")
      profile.origins[.interface] = key
    }
    set(\.applicationCredentialID, .applicationCredential, "OS_APPLICATION_CREDENTIAL_ID") { $0 }
    set(
      \.applicationCredentialSecret, .applicationCredentialSecret,
      "OS_APPLICATION_CREDENTIAL_SECRET"
    ) { Secret($0) }
    set(\.token, .token, "OS_TOKEN") { Secret($0) }
    if let (v, key) = value("OS_AUTH_TYPE"), let kind = AuthKind(loose: v) {
      profile.authKind = kind
      profile.origins[.auth] = key
    }
    if let (v, key) = value("OS_ENDPOINT") {
      profile.endpoints["volume"] = v
      profile.origins[.endpoints] = key
    }
    set(\.caCertificateFile, .caCertificate, "OS_CACERT") { $0 }
    if let (v, key) = value("OS_INSECURE"), ["1", "true", "yes"].contains(v.lowercased()) {
      profile.insecure = true
      profile.origins[.verify] = key
    }
    for (key, service) in [
      ("OS_DATABASE_SERVICE_TYPE", "database"), ("OS_VOLUME_SERVICE_TYPE", "volume"),
      ("OS_BLOCK_STORAGE_SERVICE_TYPE", "volume"),
    ] {
      if let v = env[key], !v.isEmpty {
        profile.serviceTypes[service] = v
        profile.origins[.serviceTypes] = key
      }
    }
    if let (v, _) = value("OS_IDENTITY_API_VERSION"), let url = profile.identityURL,
      ServiceVersionPath.version(in: url) == nil
    {
      profile.identityURL = ServiceVersionPath.appending(v.hasPrefix("2") ? "v2.0" : "v3", to: url)
    }
    return profile.isEmpty ? nil : profile
  }
}

/// Credentials from `OS_*` (OpenStack) and `RS_*` (rack CLI) environment variables.
enum EnvironmentProfile {
  /// The profile the variables describe, or nil when none of them is set.
  /// `OS_*` wins over `RS_*` when both name the same thing.
  static func read(_ env: [String: String]) -> Profile? {
    var profile = Profile(name: "environment", source: .environment)
    func value(_ key: String) -> String? {
      guard let v = env[key], !v.isEmpty else { return nil }
      return v
    }
    if let v = value("RS_USERNAME") { profile.username = v }
    if let v = value("RS_API_KEY") {
      profile.apiKey = Secret(v)
      profile.authKind = .apiKey
    }
    if let v = value("RS_REGION_NAME") { profile.regions = [v.uppercased()] }
    if let v = value("RS_AUTH_URL") { profile.identityURL = v }

    if let v = value("OS_AUTH_URL") { profile.identityURL = v }
    if let v = value("OS_USERNAME") { profile.username = v }
    if let v = value("OS_PASSWORD") { profile.password = Secret(v) }
    if let v = value("OS_PROJECT_ID") ?? value("OS_TENANT_ID") { profile.projectID = v }
    if let v = value("OS_PROJECT_NAME") ?? value("OS_TENANT_NAME") { profile.projectName = v }
    if let v = value("OS_USER_DOMAIN_NAME") ?? value("OS_USER_DOMAIN_ID") { profile.userDomain = v }
    if let v = value("OS_PROJECT_DOMAIN_NAME") ?? value("OS_PROJECT_DOMAIN_ID") {
      profile.projectDomain = v
    }
    if let v = value("OS_REGION_NAME") { profile.regions = [v] }
    if let v = value("OS_INTERFACE") { profile.interface = v.lowercased() }
    if let v = value("OS_APPLICATION_CREDENTIAL_ID") { profile.applicationCredentialID = v }
    if let v = value("OS_APPLICATION_CREDENTIAL_SECRET") {
      profile.applicationCredentialSecret = Secret(v)
    }
    if let v = value("OS_TOKEN") { profile.token = Secret(v) }
    if let v = value("OS_AUTH_TYPE"), let kind = AuthKind(loose: v) { profile.authKind = kind }
    if let v = value("OS_ENDPOINT") { profile.endpoints["volume"] = v }
    return profile.isEmpty ? nil : profile
  }
}

import Foundation
import Yams

/// OpenStack's `clouds.yaml` (the file `openstack --os-cloud NAME` reads).
///
/// Only the keys rackwatch can use are read; unknown keys are ignored, as openstacksdk does.
struct CloudsYAML: Sendable {
  var path: String
  var profiles: [Profile] = []
  var holdsSecrets = false

  /// The standard search path, first match wins: `./`, `~/.config/openstack/`, `/etc/openstack/`.
  static func searchPath(home: String, currentDirectory: String) -> [String] {
    [
      currentDirectory + "/clouds.yaml",
      home + "/.config/openstack/clouds.yaml",
      "/etc/openstack/clouds.yaml",
    ]
  }

  static func load(path: String) throws -> CloudsYAML? {
    guard let file = try YAMLFile.load(path: path) else { return nil }
    return try CloudsYAML(file: file)
  }

  init(file: YAMLFile) throws {
    path = file.path
    let root = try file.rootMapping()
    guard let clouds = root["clouds"] else {
      throw file.error(at: file.root, "no 'clouds' key at the top level")
    }
    for (nameNode, body) in try file.mapping(clouds, key: "clouds") {
      profiles.append(try parseCloud(name: nameNode.string ?? "", body: body, file: file))
    }
  }

  private mutating func parseCloud(name: String, body: Node, file: YAMLFile)
    throws -> Profile
  {
    var profile = Profile(name: name, source: .cloudsYAML(path: file.path))
    let cloud = try file.mapping(body, key: name)
    if let node = cloud["auth_type"] {
      let text = try file.string(node, key: "auth_type")
      guard let kind = AuthKind(loose: text) else {
        throw file.error(at: node, "cloud '\(name)': auth_type '\(text)' is not supported")
      }
      profile.authKind = kind
    }
    if let node = cloud["region_name"] {
      profile.regions = try file.strings(node, key: "region_name")
    }
    if let node = cloud["regions"] { profile.regions = try file.strings(node, key: "regions") }
    if let node = cloud["interface"] { profile.interface = try file.string(node, key: "interface") }
    if let node = cloud["verify"], try !file.bool(node, key: "verify") { profile.insecure = true }
    if let node = cloud["auth"] {
      let auth = try file.mapping(node, key: "auth")
      func value(_ key: String) throws -> String? {
        guard let node = auth[key] else { return nil }
        return try file.string(node, key: "auth.\(key)")
      }
      profile.identityURL = try value("auth_url")
      profile.username = try value("username")
      if let password = try value("password") {
        profile.password = Secret(password)
        holdsSecrets = true
      }
      if let key = try value("api_key") {
        profile.apiKey = Secret(key)
        holdsSecrets = true
      }
      profile.projectName = try value("project_name") ?? value("tenant_name")
      profile.projectID = try value("project_id") ?? value("tenant_id")
      profile.userDomain = try value("user_domain_name") ?? value("user_domain_id")
      profile.projectDomain = try value("project_domain_name") ?? value("project_domain_id")
      if let domain = try value("domain_name") {
        profile.userDomain = profile.userDomain ?? domain
        profile.projectDomain = profile.projectDomain ?? domain
      }
      profile.applicationCredentialID = try value("application_credential_id")
      if let secret = try value("application_credential_secret") {
        profile.applicationCredentialSecret = Secret(secret)
        holdsSecrets = true
      }
      if let token = try value("token") {
        profile.token = Secret(token)
        holdsSecrets = true
      }
      if let endpoint = try value("endpoint") { profile.endpoints["volume"] = endpoint }
    }
    // Noauth setups name the service endpoints directly.
    for (key, service) in [
      ("database_endpoint_override", "database"), ("volume_endpoint_override", "volume"),
      ("block_storage_endpoint_override", "volume"),
    ] {
      if let node = cloud[key] { profile.endpoints[service] = try file.string(node, key: key) }
    }
    return profile
  }
}

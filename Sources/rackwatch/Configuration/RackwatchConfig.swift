import Foundation
import Yams

/// `~/.config/rackwatch/config.yaml`: named profiles and app-wide settings.
///
/// ```yaml
/// default_profile: prod
/// theme: default
/// profiles:
///   prod:
///     auth: apikey            # apikey | password | v3password | v3applicationcredential | token
///     identity_url: https://identity.api.rackspacecloud.com/v2.0
///     username: ops
///     api_key_command: pass show rackspace/api-key
///     regions: [DFW, ORD]     # or: all
///     readonly: true
///     header_color: red
///     refresh: { fast: 2, slow: 30 }
///     notifications: osc9            # osc777 | bell | none
///     notify_failures: true
/// ```
struct RackwatchConfig: Sendable {
  var path: String
  var defaultProfile: String?
  var theme: String?
  var profiles: [Profile] = []
  /// True when a secret sits in the file itself (not in a command), for the permission check.
  var holdsSecrets = false

  /// Reads the file; returns nil when it does not exist.
  static func load(path: String) throws -> RackwatchConfig? {
    guard let file = try YAMLFile.load(path: path) else { return nil }
    return try RackwatchConfig(file: file)
  }

  init(file: YAMLFile) throws {
    path = file.path
    for (keyNode, value) in try file.rootMapping() {
      let key = keyNode.string ?? ""
      switch key {
      case "default_profile", "default-profile": defaultProfile = try file.string(value, key: key)
      case "theme": theme = try file.string(value, key: key)
      case "profiles":
        for (nameNode, body) in try file.mapping(value, key: key) {
          let name = nameNode.string ?? ""
          profiles.append(try parseProfile(name: name, body: body, file: file))
        }
      default:
        throw file.error(
          at: keyNode, "unknown key '\(key)' (expected default_profile, theme, profiles)")
      }
    }
  }

  private mutating func parseProfile(name: String, body: Node, file: YAMLFile)
    throws -> Profile
  {
    var profile = Profile(name: name, source: .rackwatchConfig(path: file.path))
    for (keyNode, value) in try file.mapping(body, key: name) {
      let key = (keyNode.string ?? "").replacingOccurrences(of: "-", with: "_")
      if let field = Self.fields[key] {
        profile.origins[field] =
          "\(file.path)\(keyNode.mark.map { ":\($0.line)" } ?? "") profiles.\(name).\(keyNode.string ?? key)"
      }
      switch key {
      case "auth", "auth_type":
        let text = try file.string(value, key: key)
        guard let kind = AuthKind(loose: text) else {
          throw file.error(
            at: value,
            "profile '\(name)': unknown auth '\(text)' (use \(AuthKind.spellings))"
          )
        }
        profile.authKind = kind
      case "identity_url", "auth_url": profile.identityURL = try file.string(value, key: key)
      case "username": profile.username = try file.string(value, key: key)
      case "api_key":
        profile.apiKey = Secret(try file.string(value, key: key))
        holdsSecrets = true
      case "password":
        profile.password = Secret(try file.string(value, key: key))
        holdsSecrets = true
      case "api_key_command", "password_command", "secret_command":
        profile.secretCommand = try file.string(value, key: key)
      case "token":
        profile.token = Secret(try file.string(value, key: key))
        holdsSecrets = true
      case "tenant_id", "account": profile.tenantID = try file.string(value, key: key)
      case "project_name": profile.projectName = try file.string(value, key: key)
      case "project_id": profile.projectID = try file.string(value, key: key)
      case "user_domain", "user_domain_name": profile.userDomain = try file.string(value, key: key)
      case "project_domain", "project_domain_name":
        profile.projectDomain = try file.string(value, key: key)
      case "application_credential_id":
        profile.applicationCredentialID = try file.string(value, key: key)
      case "application_credential_secret":
        profile.applicationCredentialSecret = Secret(try file.string(value, key: key))
        holdsSecrets = true
      case "region", "regions": profile.regions = try file.strings(value, key: key)
      case "endpoints":
        for (serviceNode, url) in try file.mapping(value, key: key) {
          let service = serviceNode.string ?? ""
          guard ["database", "volume"].contains(service) else {
            throw file.error(
              at: serviceNode,
              "profile '\(name)': endpoints take database and volume, not '\(service)'")
          }
          profile.endpoints[service] = try file.string(url, key: "endpoints.\(service)")
        }
      case "interface":
        let text = try file.string(value, key: key).lowercased()
        guard ["public", "internal", "admin"].contains(text) else {
          throw file.error(
            at: value, "profile '\(name)': interface must be public, internal or admin")
        }
        profile.interface = text
      case "readonly", "read_only": profile.readOnly = try file.bool(value, key: key)
      case "admin": profile.admin = try file.bool(value, key: key)
      case "header_color", "color": profile.headerColor = try file.string(value, key: key)
      case "refresh":
        for (intervalNode, seconds) in try file.mapping(value, key: key) {
          switch intervalNode.string {
          case "fast": profile.refreshFast = try file.number(seconds, key: "refresh.fast")
          case "slow": profile.refreshSlow = try file.number(seconds, key: "refresh.slow")
          case "whole": profile.refreshWhole = try file.number(seconds, key: "refresh.whole")
          default:
            throw file.error(
              at: intervalNode, "profile '\(name)': refresh takes fast, slow and whole")
          }
        }
      case "theme": profile.theme = try file.string(value, key: key)
      case "notifications", "notify":
        let text = try file.string(value, key: key)
        guard NotificationSetting.valid(text) else {
          throw file.error(
            at: value, "profile '\(name)': notifications must be osc9, osc777, bell or none")
        }
        profile.notifications = text
      case "notify_failures": profile.notifyFailures = try file.bool(value, key: key)
      case "protection": try ProtectionSettings.read(value, into: &profile, file: file, name: name)
      case "insecure": profile.insecure = try file.bool(value, key: key)
      case "cacert", "ca_certificate": profile.caCertificateFile = try file.string(value, key: key)
      default:
        throw file.error(at: keyNode, "profile '\(name)': unknown key '\(key)'")
      }
    }
    return profile
  }

  /// The profile value each key sets, for `rackwatch profiles`' origins.
  private static let fields: [String: ProfileField] = [
    "auth": .auth, "auth_type": .auth, "identity_url": .identity, "auth_url": .identity,
    "username": .username, "api_key": .apiKey, "password": .password,
    "api_key_command": .secretCommand, "password_command": .secretCommand,
    "secret_command": .secretCommand, "token": .token, "tenant_id": .tenant, "account": .tenant,
    "project_name": .project, "project_id": .projectID, "user_domain": .userDomain,
    "user_domain_name": .userDomain, "project_domain": .projectDomain,
    "project_domain_name": .projectDomain, "application_credential_id": .applicationCredential,
    "application_credential_secret": .applicationCredentialSecret, "region": .regions,
    "regions": .regions, "endpoints": .endpoints, "interface": .interface, "readonly": .readonly,
    "read_only": .readonly, "admin": .admin, "header_color": .headerColor, "color": .headerColor,
    "refresh": .refresh, "theme": .theme, "notifications": .notifications,
    "notify": .notifications, "notify_failures": .notifyFailures, "protection": .protection,
    "insecure": .verify,
    "cacert": .caCertificate,
    "ca_certificate": .caCertificate,
  ]
}

import Foundation

/// Where rackwatch looks for its files, from the environment (XDG base directories).
struct ConfigPaths: Sendable {
  var home: String
  var currentDirectory: String
  var configHome: String
  var stateHome: String

  init(environment env: [String: String], currentDirectory: String) {
    home = env["HOME"] ?? NSHomeDirectory()
    self.currentDirectory = currentDirectory
    configHome = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
    stateHome = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/state"
    rackwatchConfigOverride = env["RACKWATCH_CONFIG"]
    openStack = OpenStackFiles(environment: env, home: home, currentDirectory: currentDirectory)
  }

  /// openstacksdk's search lists for clouds.yaml, secure.yaml and clouds-public.yaml.
  var openStack: OpenStackFiles

  private var rackwatchConfigOverride: String?

  var rackwatchConfig: String { rackwatchConfigOverride ?? configHome + "/rackwatch/config.yaml" }
  var userThemes: String { configHome + "/rackwatch/themes" }
  var rackCLIConfig: String { home + "/.rack/config" }
  var logFile: String { stateHome + "/rackwatch/rackwatch.log" }
}

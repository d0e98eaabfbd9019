import ArgumentParser
import BrowserModel
import CloudClient
import CloudSimulator
import Foundation
import Logging
import TerminalUI

/// `rackwatch` (default): the terminal UI, on a real cloud or on the embedded simulator.
struct BrowseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse", abstract: "Open the terminal UI (the default command).")

  @Flag(help: "Run against the embedded simulator: no account needed.") var demo = false
  @Option(help: "Colour theme (see 'rackwatch themes').") var theme: String?
  @Option(help: "Demo: backups per region.") var demoBackups = 60
  @Option(help: "Demo: snapshots per region.") var demoSnapshots = 60
  @Option(help: "Demo: seconds a backup job takes.") var demoBackupSeconds = 90.0
  @Option(help: "Demo: seconds a snapshot takes.") var demoSnapshotSeconds = 45.0
  @Option(help: "Demo: fraction of jobs that fail (0 to 1).") var demoFailureRate = 0.05
  @Flag(help: "Ring the terminal bell when a job finishes or fails.") var bell = false
  @Option(
    help:
      "Where the event history is kept (default: RACKWATCH_STATE_DIR, else $XDG_STATE_HOME/rackwatch)."
  ) var stateDir: String?
  @Flag(help: "Keep no event history (no digest on start).") var noHistory = false
  @Option(help: "Notifications: osc9, osc777, bell or none (default: the profile's, else osc9).")
  var notifications: String?
  @OptionGroup var connection: ConnectionOptions

  func run() async throws {
    HeapPolicy.configureForLongRunning()
    let resolver = ProfileResolver.current()
    let sink = LogSetup.start(
      path: connection.logFile ?? resolver.paths.logFile, debug: connection.debug)
    let logger = Logger(label: "rackwatch")
    var simulator: SimulatorServer?
    var profile: Profile
    let environment = ProcessInfo.processInfo.environment
    let stateDirectory = StateDirectory.resolve(
      flag: stateDir, environment: environment, stateHome: resolver.paths.stateHome)
    if demo {
      var config = SimulatorConfiguration()
      config.backupsPerRegion = demoBackups
      config.snapshotsPerRegion = demoSnapshots
      // Real-time clock so server timestamps agree with the local clock; short jobs instead.
      config.backupDuration = demoBackupSeconds
      config.snapshotDuration = demoSnapshotSeconds
      config.inMotion = 3
      config.protectionMix = true
      config.failureRate = min(max(demoFailureRate, 0), 1)
      // The demo user is an admin, so every action (reset status, force delete) can be tried.
      config.userIsAdmin = true
      let world = DemoWorld.choose(in: noHistory ? nil : stateDirectory, now: Date())
      config.seed = world.seed
      config.seedDate = world.anchor
      let server: SimulatorServer
      do { server = try await SimulatorServer.start(config) } catch {
        throw CommandFailure(message: "the demo simulator could not start: \(error)", code: 5)
          .exit()
      }
      simulator = server
      profile = DemoProfile.profile(for: server)
      if let region = connection.region { profile.regions = [region] }
      profile.readOnly = connection.readonly
      profile.admin = true
      logger.info("demo simulator at \(server.baseURL)")
    } else {
      profile = try CloudConnection.chooseProfile(connection, resolver: resolver).0
      if !profile.hasCredentials {
        StandardError.write(NoCredentialsHelp.text(paths: resolver.paths) + "\n")
        throw ExitCode(ExitStatus.auth)
      }
    }
    let session: CloudSession
    do {
      session = try CloudConnection.session(
        for: profile, redactingInto: sink, requestTimeout: connection.requestTimeout?.seconds)
    } catch {
      await simulator?.shutdown()
      throw error
    }
    let themeName = theme ?? profile.theme ?? "default"
    let info = ProfileInfo(
      profileName: profile.name, cloudName: demo ? "simulator" : Self.cloudName(profile),
      isDemo: demo, readOnly: profile.readOnly, headerColor: profile.headerColor,
      admin: profile.admin)
    let region = await Self.startingRegion(profile, session: session)
    var refresh = RefreshPolicy()
    if let fast = profile.refreshFast { refresh.fast = .milliseconds(Int(fast * 1000)) }
    if let slow = profile.refreshSlow { refresh.slow = .milliseconds(Int(slow * 1000)) }
    if let whole = profile.refreshWhole { refresh.wholeLongest = .milliseconds(Int(whole * 1000)) }
    var state = BrowserState(
      profile: info, region: region,
      // Empty: the model asks the catalog, so `:region all` means every region of the account.
      availableRegions: [],
      themeName: themeName, refresh: refresh, bellEnabled: bell, now: Date())
    let styleName = notifications ?? profile.notifications ?? "osc9"
    guard let style = NotificationStyle(setting: styleName) else {
      try? await session.shutdown()
      await simulator?.shutdown()
      throw CommandFailure(
        message: "--notifications must be osc9, osc777, bell or none", code: ExitStatus.usage
      ).exit()
    }
    let watch = WatchSetup(
      history: noHistory ? nil : HistoryFile(directory: stateDirectory, profile: profile.name),
      style: style, insideTmux: !(environment["TMUX"] ?? "").isEmpty)
    state.watch = watch.start(now: Date(), notifyFailures: profile.notifyFailures ?? false)
    state.protection.thresholds = ProtectionSettings.thresholds(profile)
    let outcome = await TerminalApp.run(
      state: state, service: session, userThemeDirectory: resolver.paths.userThemes,
      watch: watch, logger: logger)
    watch.finish(now: Date())
    try? await session.shutdown()
    await simulator?.shutdown()
    switch outcome {
    case .quit: return
    case .failed(let message):
      throw CommandFailure(message: message, code: ExitStatus.timeoutOrNetwork).exit()
    }
  }

  /// The region to open on: the profile's first, else the account's default region (from
  /// the identity response), else the catalog's first, else every region. A failure here is
  /// not fatal: the UI shows the error and keeps retrying.
  static func startingRegion(_ profile: Profile, session: CloudSession) async -> RegionSelection {
    if let first = profile.regions.first {
      return first.lowercased() == "all" ? .all : .one(first)
    }
    if let region = try? await session.defaultRegion() { return .one(region) }
    if let first = try? await session.regions().first { return .one(first) }
    return .all
  }

  static func cloudName(_ profile: Profile) -> String {
    guard let url = profile.identityURL, let host = URL(string: url)?.host else { return "cloud" }
    if host.hasSuffix("rackspacecloud.com") { return "Rackspace" }
    return host
  }
}

/// The profile `--demo` uses: the simulator's demo account over identity v2.0.
enum DemoProfile {
  static func profile(for server: SimulatorServer) -> Profile {
    var profile = Profile(name: "demo", source: .demo)
    profile.authKind = .apiKey
    profile.identityURL = server.identityV2URL
    profile.username = server.configuration.username
    profile.apiKey = Secret(server.configuration.apiKey)
    profile.regions = [server.configuration.regions.first ?? "DFW"]
    return profile
  }
}

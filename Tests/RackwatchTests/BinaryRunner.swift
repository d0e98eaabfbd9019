import Foundation

/// Runs the built `rackwatch` binary (next to the test bundle in `.build/<config>/`) with a
/// private HOME so no real configuration on the machine can leak into a test.
struct BinaryRunner {
  /// The directory holding the test bundle, which also holds the built executables.
  static var buildDirectory: URL {
    // argv[0], not /proc/self/exe: the latter reads "... (deleted)" once the bundle is
    // rebuilt while tests run.
    let cwd = FileManager.default.currentDirectoryPath
    let argv0 = CommandLine.arguments[0]
    let exe = URL(fileURLWithPath: argv0.hasPrefix("/") ? argv0 : cwd + "/" + argv0)
    var dir = exe.deletingLastPathComponent()
    // On Linux the bundle is `rackwatchPackageTests.xctest` (a file); on macOS a directory.
    while dir.pathExtension == "xctest" || dir.lastPathComponent == "MacOS"
      || dir.lastPathComponent == "Contents"
    {
      dir = dir.deletingLastPathComponent()
    }
    return dir
  }

  static var rackwatch: URL { buildDirectory.appendingPathComponent("rackwatch") }

  let home: String

  init() throws {
    home = NSTemporaryDirectory() + "rackwatch-home-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
  }

  func cleanUp() { try? FileManager.default.removeItem(atPath: home) }

  /// Runs the binary to completion with `arguments` and extra environment.
  func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws
    -> ProcessRunner.Result
  {
    var env = ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    env.merge(extra) { _, new in new }
    return try await ProcessRunner.run(Self.rackwatch, arguments, environment: env, directory: home)
  }
}

/// Runs a child process to completion.
enum ProcessRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The child is waited for on a plain thread, never on the cooperative pool: a test that
  /// blocked a pool thread could starve the in-process simulator the child is talking to.
  static func run(
    _ executable: URL, _ arguments: [String], environment: [String: String],
    directory: String? = nil
  ) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        do {
          continuation.resume(
            returning: try runBlocking(executable, arguments, environment, directory))
        } catch {
          continuation.resume(throwing: error)
        }
      }
    }
  }

  /// posix_spawn + waitpid rather than Foundation's Process: a child that daemonizes
  /// (tmux's server) made Process wait forever here. Output goes to files, not pipes, for
  /// the same reason: a daemon would hold a pipe open.
  private static func runBlocking(
    _ executable: URL, _ arguments: [String], _ environment: [String: String], _ directory: String?
  ) throws -> Result {
    let scratch = NSTemporaryDirectory() + "rw-proc-" + UUID().uuidString
    defer {
      try? FileManager.default.removeItem(atPath: scratch + ".out")
      try? FileManager.default.removeItem(atPath: scratch + ".err")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, scratch + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(
      &actions, 2, scratch + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // Change directory through the shell (posix_spawn's chdir action is not in Swift's Glibc).
    let program = directory == nil ? executable.path : "/bin/sh"
    let fullArguments =
      directory.map {
        ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable.path] + arguments
      }
      ?? [executable.path] + arguments
    let argv = fullArguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    // Children start with no blocked signals and default handlers: a Swift thread's mask
    // (most signals blocked) would otherwise be inherited, and a tmux server started with it
    // never noticed its panes dying nor exited on kill-server.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var caughtByDefault = sigset_t()
    sigemptyset(&caughtByDefault)
    for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGWINCH, SIGUSR1, SIGUSR2] {
      sigaddset(&caughtByDefault, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &caughtByDefault)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exitCode: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let outData = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
    let errData = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
    return Result(
      status: exitCode, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

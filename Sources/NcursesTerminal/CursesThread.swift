import CNcurses
import Foundation
import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// The one thread that ever calls ncurses, and the serial executor of `NcursesScreen`.
///
/// It sleeps in `poll()` on the terminal and a wake-up pipe: enqueued jobs, SIGWINCH and
/// SIGTSTP write a byte to the pipe (see notes/ncurses-swift6.md: a thread asleep in poll()
/// never sees a signal delivered to another thread). No timeouts, so an idle screen costs
/// no CPU.
final class CursesThread: SerialExecutor, @unchecked Sendable {
  private let lock = NSLock()
  private var jobs: [UnownedJob] = []
  /// Read keys only between `startInput` and `stopInput` (curses mode is on).
  private var readingInput = false
  private var continuation: AsyncStream<Key>.Continuation?
  let keys: AsyncStream<Key>

  init() {
    var continuation: AsyncStream<Key>.Continuation!
    keys = AsyncStream(bufferingPolicy: .bufferingNewest(256)) { continuation = $0 }
    self.continuation = continuation
    _ = cn_prepare()
    let thread = Thread { self.run() }  // lives as long as the process: one per screen
    thread.name = "rackwatch-curses"
    thread.start()
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let unowned = UnownedJob(job)
    lock.withLock { jobs.append(unowned) }
    cn_wake(Int32(CN_WAKE_JOB))
  }

  func asUnownedSerialExecutor() -> UnownedSerialExecutor {
    UnownedSerialExecutor(ordinary: self)
  }

  /// Called on this thread (from the actor) once curses mode is on.
  func startInput() { readingInput = true }

  /// Called on this thread when curses mode ends: no more keys.
  func stopInput() {
    readingInput = false
    continuation?.finish()
    continuation = nil
  }

  private func run() {
    while true {
      let pending = lock.withLock {
        let taken = jobs
        jobs.removeAll(keepingCapacity: true)
        return taken
      }
      for job in pending { job.runSynchronously(on: asUnownedSerialExecutor()) }
      let more = lock.withLock { !jobs.isEmpty }
      if more { continue }
      waitForInput()
    }
  }

  /// Sleeps until the terminal or the pipe has something, then handles it.
  private func waitForInput() {
    var fds = [pollfd(fd: cn_wake_fd(), events: Int16(POLLIN), revents: 0)]
    if readingInput { fds.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
    let ready = fds.withUnsafeMutableBufferPointer { buffer in
      poll(buffer.baseAddress, nfds_t(buffer.count), -1)
    }
    if ready < 0 { return }  // EINTR: a signal; the pipe tells the rest
    let bits = cn_drain_wake()
    guard readingInput else { return }
    if fds.count > 1, fds[1].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0,
      fds[1].revents & Int16(POLLIN) == 0
    {
      // The terminal went away: end the key stream (the app quits) instead of spinning.
      stopInput()
      return
    }
    if bits & 4 != 0 { suspend() }
    readKeys()
  }

  /// Reads every key ncurses has, including ones it buffered while decoding sequences.
  private func readKeys() {
    var value: Int32 = 0
    while readingInput {
      let kind = Int(cn_read_key(&value))
      if kind == Int(CN_KEY_NONE) { break }
      guard let key = Self.decode(kind: kind, value: value) else { continue }
      if key == .ctrl("z") {
        suspend()
        continue
      }
      continuation?.yield(key)
    }
  }

  /// Ctrl-Z or SIGTSTP: leave curses mode, stop, and repaint on resume; the app gets a
  /// `.resize` because the terminal may have changed meanwhile.
  private func suspend() {
    cn_suspend()
    continuation?.yield(.resize)
  }

  static func decode(kind: Int, value: Int32) -> Key? {
    switch kind {
    case Int(CN_KEY_CHAR):
      guard let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else { return nil }
      return Key(scalar: scalar)
    case Int(CN_KEY_FUNCTION):
      return .function(Int(value))
    case Int(CN_KEY_SPECIAL):
      switch Int(value) {
      case Int(CN_SPECIAL_UP): return .up
      case Int(CN_SPECIAL_DOWN): return .down
      case Int(CN_SPECIAL_LEFT): return .left
      case Int(CN_SPECIAL_RIGHT): return .right
      case Int(CN_SPECIAL_PAGE_UP): return .pageUp
      case Int(CN_SPECIAL_PAGE_DOWN): return .pageDown
      case Int(CN_SPECIAL_HOME): return .home
      case Int(CN_SPECIAL_END): return .end
      case Int(CN_SPECIAL_BACK_TAB): return .backTab
      case Int(CN_SPECIAL_ENTER): return .enter
      case Int(CN_SPECIAL_BACKSPACE): return .backspace
      case Int(CN_SPECIAL_DELETE): return .delete
      case Int(CN_SPECIAL_INSERT): return .insert
      case Int(CN_SPECIAL_RESIZE): return .resize
      default: return .unknown(Int(value))
      }
    default:
      return .unknown(Int(value))
    }
  }
}

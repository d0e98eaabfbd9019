import CloudClient
import Foundation

/// What the front end does for the model: things only a terminal can do.
public struct FrontEndHooks: Sendable {
  public var copyToClipboard: @Sendable (String) -> Void
  public var bell: @Sendable () -> Void
  public var loadTheme: @Sendable (String) -> Void
  /// Appends events to the history file (the app's `HistoryFile`, off the store's actor).
  public var recordHistory: @Sendable ([HistoryEvent]) -> Void
  /// Shows a desktop notification through the terminal.
  public var notify: @Sendable (DesktopNotification) -> Void

  public init(
    copyToClipboard: @escaping @Sendable (String) -> Void = { _ in },
    bell: @escaping @Sendable () -> Void = {},
    loadTheme: @escaping @Sendable (String) -> Void = { _ in },
    recordHistory: @escaping @Sendable ([HistoryEvent]) -> Void = { _ in },
    notify: @escaping @Sendable (DesktopNotification) -> Void = { _ in }
  ) {
    self.copyToClipboard = copyToClipboard
    self.bell = bell
    self.loadTheme = loadTheme
    self.recordHistory = recordHistory
    self.notify = notify
  }
}

/// Owns the state, runs the reducer, runs effects as Tasks and feeds their results back.
///
/// The front end calls `send(_:)` for each key and draws every value of `states`. Time comes
/// from the injected clock (`ContinuousClock` in the app, a test clock in tests) and `date`.
public actor BrowserStore<C: Clock> where C.Duration == Duration {
  public private(set) var state: BrowserState
  /// Every new state, newest only if the front end falls behind. Finishes on quit.
  public nonisolated let states: AsyncStream<BrowserState>
  private let continuation: AsyncStream<BrowserState>.Continuation
  private let runner: EffectRunner
  private let clock: C
  private let date: @Sendable () -> Date
  private let hooks: FrontEndHooks
  private var tasks: [Int: Task<Void, Never>] = [:]
  private var nextTaskID = 0
  private var tickTask: Task<Void, Never>?
  private var tickDeadline: C.Instant?
  private var finished = false

  public init(
    state: BrowserState, service: any CloudService, clock: C,
    date: @escaping @Sendable () -> Date = { Date() }, hooks: FrontEndHooks = FrontEndHooks()
  ) {
    self.state = state
    self.clock = clock
    self.date = date
    self.hooks = hooks
    self.runner = EffectRunner(
      service: service, now: date, wholeListInterval: state.refresh.slow.seconds,
      longestWholeListInterval: state.refresh.wholeLongest.seconds)
    (states, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
  }

  /// Applies an action, publishes the new state and starts its effects.
  public func send(_ action: Action) {
    guard !finished else { return }
    let effects = reduce(&state, action)
    continuation.yield(state)
    for effect in effects { run(effect) }
  }

  /// Starts the app: first loads and the refresh loop.
  public func start() {
    send(.start(now: date()))
  }

  /// True once quit ran: every task is cancelled and `states` has finished.
  public var isFinished: Bool { finished }

  /// Number of cloud calls still running (tests and the status line).
  public var runningTasks: Int { tasks.count }

  /// Waits until no cloud call is running and no due tick is pending. A tick scheduled for
  /// the future is not waited for: advance the clock first.
  public func settle() async {
    while true {
      if let tickTask, let tickDeadline, clock.now >= tickDeadline {
        await tickTask.value
        continue
      }
      guard let (_, task) = tasks.first else { return }
      await task.value
    }
  }

  private func run(_ effect: Effect) {
    switch effect {
    case .scheduleTick(let delay):
      tickTask?.cancel()
      let deadline = clock.now.advanced(by: delay)
      tickDeadline = deadline
      let clock = self.clock
      tickTask = Task { [weak self] in
        do {
          try await clock.sleep(until: deadline, tolerance: nil)
        } catch {
          return  // replaced by a newer wake-up, or quitting
        }
        await self?.fireTick(deadline: deadline)
      }
    case .copyToClipboard(let text): hooks.copyToClipboard(text)
    case .bell: hooks.bell()
    case .loadTheme(let name): hooks.loadTheme(name)
    case .recordHistory(let events): hooks.recordHistory(events)
    case .notifyDesktop(let notification): hooks.notify(notification)
    case .quit: shutDown()
    default:
      let id = nextTaskID
      nextTaskID += 1
      let runner = self.runner
      tasks[id] = Task { [weak self] in
        let actions = await runner.actions(for: effect)
        await self?.complete(id, with: actions)
      }
    }
  }

  private func fireTick(deadline: C.Instant) {
    guard tickDeadline == deadline else { return }
    tickTask = nil
    tickDeadline = nil
    send(.tick(now: date()))
  }

  private func complete(_ id: Int, with actions: [Action]) {
    tasks[id] = nil
    guard !finished else { return }  // answers after quit are dropped
    for action in actions { send(action) }
  }

  /// Cancels every Task: pending requests, the wake-up. Finishes the state stream.
  private func shutDown() {
    finished = true
    tickTask?.cancel()
    tickTask = nil
    tickDeadline = nil
    for task in tasks.values { task.cancel() }
    tasks.removeAll()
    continuation.finish()
  }
}

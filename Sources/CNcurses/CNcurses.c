#include "CNcurses.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <locale.h>
#include <ncurses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// All of this state is touched by the curses thread, except what the signal handlers read:
// the pipe descriptors, the saved termios and the precomputed restore sequence, which are
// written once in cn_start before the handlers go in.
static int wake_pipe[2] = {-1, -1};
static int started = 0;
static struct termios original_termios;
static int have_original_termios = 0;
static char restore_sequence[256];
static int restore_length = 0;
static struct sigaction ncurses_winch;
static struct sigaction previous_winch, previous_tstp, previous_int, previous_term,
    previous_hup, previous_quit, previous_segv, previous_bus, previous_abrt, previous_ill,
    previous_trap, previous_fpe;

void cn_wake(int byte) {
  if (wake_pipe[1] < 0) return;
  unsigned char b = (unsigned char)byte;
  int saved = errno;
  ssize_t ignored = write(wake_pipe[1], &b, 1);  // full pipe: a wake-up is already pending
  (void)ignored;
  errno = saved;
}

int cn_wake_fd(void) { return wake_pipe[0]; }

int cn_prepare(void) {
  if (wake_pipe[0] >= 0) return 0;
  if (pipe(wake_pipe) != 0) return -1;
  for (int i = 0; i < 2; i++) {
    fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
    fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
  }
  return 0;
}

int cn_drain_wake(void) {
  int bits = 0;
  unsigned char buffer[64];
  for (;;) {
    ssize_t n = read(wake_pipe[0], buffer, sizeof buffer);
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; i++) {
      if (buffer[i] == CN_WAKE_JOB) bits |= 1;
      if (buffer[i] == CN_WAKE_RESIZE) bits |= 2;
      if (buffer[i] == CN_WAKE_SUSPEND) bits |= 4;
    }
  }
  return bits;
}

// SIGWINCH lands on any thread of a multi-threaded process, so the curses thread asleep in
// poll() would not notice. Let ncurses' own handler record the resize (so wget_wch answers
// KEY_RESIZE), then wake the curses thread through the pipe.
static void on_winch(int sig) {
  if (ncurses_winch.sa_flags & SA_SIGINFO) {
    // ncurses installs a plain handler; nothing to chain in this form.
  } else if (ncurses_winch.sa_handler != SIG_DFL && ncurses_winch.sa_handler != SIG_IGN &&
             ncurses_winch.sa_handler != NULL) {
    ncurses_winch.sa_handler(sig);
  }
  cn_wake(CN_WAKE_RESIZE);
}

// An external SIGTSTP (kill -TSTP, or Ctrl-Z when the tty is not raw): the curses thread
// does the actual suspend, so every curses call stays on that thread.
static void on_tstp(int sig) {
  (void)sig;
  cn_wake(CN_WAKE_SUSPEND);
}

// Quit signals and crashes: put the terminal back with async-signal-safe calls only (write,
// tcsetattr), then die of the same signal so the parent sees the truth.
static void on_fatal(int sig) {
  if (restore_length > 0) {
    ssize_t ignored = write(STDOUT_FILENO, restore_sequence, (size_t)restore_length);
    (void)ignored;
  }
  if (have_original_termios) tcsetattr(STDIN_FILENO, TCSAFLUSH, &original_termios);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void install(int sig, void (*handler)(int), struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(sig, &action, previous);
}

static void append_cap(const char *name) {
  char *value = tigetstr((char *)name);
  if (value == NULL || value == (char *)-1) return;
  size_t length = strlen(value);
  if (restore_length + (int)length >= (int)sizeof restore_sequence) return;
  memcpy(restore_sequence + restore_length, value, length);
  restore_length += (int)length;
}

int cn_start(void) {
  if (started) return 0;
  setlocale(LC_ALL, "");
  if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) return -1;
  if (tcgetattr(STDIN_FILENO, &original_termios) == 0) have_original_termios = 1;
  if (cn_prepare() != 0) return -1;
  // newterm instead of initscr: initscr exits the process on failure, newterm returns NULL.
  SCREEN *screen = newterm(NULL, stdout, stdin);
  if (screen == NULL) return -1;
  set_term(screen);
  raw();
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  nodelay(stdscr, TRUE);
  set_escdelay(25);
  curs_set(0);
  if (has_colors()) {
    start_color();
    use_default_colors();
  }
  restore_length = 0;
  append_cap("sgr0");
  append_cap("cnorm");
  append_cap("rmkx");
  append_cap("rmcup");

  sigaction(SIGWINCH, NULL, &ncurses_winch);
  install(SIGWINCH, on_winch, &previous_winch);
  install(SIGTSTP, on_tstp, &previous_tstp);
  install(SIGINT, on_fatal, &previous_int);
  install(SIGTERM, on_fatal, &previous_term);
  install(SIGHUP, on_fatal, &previous_hup);
  install(SIGQUIT, on_fatal, &previous_quit);
  install(SIGSEGV, on_fatal, &previous_segv);
  install(SIGBUS, on_fatal, &previous_bus);
  install(SIGABRT, on_fatal, &previous_abrt);
  install(SIGILL, on_fatal, &previous_ill);
  install(SIGTRAP, on_fatal, &previous_trap);
  install(SIGFPE, on_fatal, &previous_fpe);
  started = 1;
  return 0;
}

void cn_stop(void) {
  if (!started) return;
  started = 0;
  curs_set(1);
  endwin();
  sigaction(SIGWINCH, &previous_winch, NULL);
  sigaction(SIGTSTP, &previous_tstp, NULL);
  sigaction(SIGINT, &previous_int, NULL);
  sigaction(SIGTERM, &previous_term, NULL);
  sigaction(SIGHUP, &previous_hup, NULL);
  sigaction(SIGQUIT, &previous_quit, NULL);
  sigaction(SIGSEGV, &previous_segv, NULL);
  sigaction(SIGBUS, &previous_bus, NULL);
  sigaction(SIGABRT, &previous_abrt, NULL);
  sigaction(SIGILL, &previous_ill, NULL);
  sigaction(SIGTRAP, &previous_trap, NULL);
  sigaction(SIGFPE, &previous_fpe, NULL);
  if (have_original_termios) tcsetattr(STDIN_FILENO, TCSAFLUSH, &original_termios);
}

int cn_lines(void) { return started ? getmaxy(stdscr) : 0; }
int cn_cols(void) { return started ? getmaxx(stdscr) : 0; }
int cn_colors(void) { return (started && has_colors()) ? COLORS : 0; }
int cn_color_pairs(void) { return (started && has_colors()) ? COLOR_PAIRS : 0; }

int cn_init_pair(int pair, int fg, int bg) {
  if (!started || !has_colors()) return -1;
  return init_extended_pair(pair, fg, bg) == OK ? 0 : -1;
}

void cn_put_cell(int y, int x, const uint32_t *scalars, int count, int attrs, int pair) {
  if (!started) return;
  wchar_t text[CCHARW_MAX + 1];
  int n = count < CCHARW_MAX ? count : CCHARW_MAX;
  for (int i = 0; i < n; i++) text[i] = (wchar_t)scalars[i];
  if (n == 0) text[n++] = L' ';
  text[n] = 0;
  attr_t a = A_NORMAL;
  if (attrs & CN_ATTR_BOLD) a |= A_BOLD;
  if (attrs & CN_ATTR_UNDERLINE) a |= A_UNDERLINE;
  if (attrs & CN_ATTR_REVERSE) a |= A_REVERSE;
  if (attrs & CN_ATTR_DIM) a |= A_DIM;
  cchar_t cell;
  int color = pair;
  if (setcchar(&cell, text, a, 0, &color) != OK) {
    wchar_t fallback[2] = {L'?', 0};
    setcchar(&cell, fallback, a, 0, &color);
  }
  // Writing the bottom-right cell scrolls or errs on some terminals; the error is harmless.
  mvwadd_wch(stdscr, y, x, &cell);
}

void cn_clear(void) {
  if (started) wclear(stdscr);
}

void cn_flush(void) {
  if (!started) return;
  wnoutrefresh(stdscr);
  doupdate();
}

void cn_cursor(int y, int x) {
  if (!started) return;
  if (y < 0) {
    curs_set(0);
  } else {
    wmove(stdscr, y, x);
    curs_set(1);
  }
}

void cn_touch_all(void) {
  if (started) clearok(curscr, TRUE);
}

int cn_read_key(int32_t *value) {
  *value = 0;
  if (!started) return CN_KEY_NONE;
  wint_t ch = 0;
  int result = wget_wch(stdscr, &ch);
  if (result == ERR) return CN_KEY_NONE;
  if (result == OK) {
    *value = (int32_t)ch;
    return CN_KEY_CHAR;
  }
  switch ((int)ch) {
  case KEY_UP: *value = CN_SPECIAL_UP; return CN_KEY_SPECIAL;
  case KEY_DOWN: *value = CN_SPECIAL_DOWN; return CN_KEY_SPECIAL;
  case KEY_LEFT: *value = CN_SPECIAL_LEFT; return CN_KEY_SPECIAL;
  case KEY_RIGHT: *value = CN_SPECIAL_RIGHT; return CN_KEY_SPECIAL;
  case KEY_PPAGE: *value = CN_SPECIAL_PAGE_UP; return CN_KEY_SPECIAL;
  case KEY_NPAGE: *value = CN_SPECIAL_PAGE_DOWN; return CN_KEY_SPECIAL;
  case KEY_HOME: *value = CN_SPECIAL_HOME; return CN_KEY_SPECIAL;
  case KEY_END: *value = CN_SPECIAL_END; return CN_KEY_SPECIAL;
  case KEY_BTAB: *value = CN_SPECIAL_BACK_TAB; return CN_KEY_SPECIAL;
  case KEY_ENTER: *value = CN_SPECIAL_ENTER; return CN_KEY_SPECIAL;
  case KEY_BACKSPACE: *value = CN_SPECIAL_BACKSPACE; return CN_KEY_SPECIAL;
  case KEY_DC: *value = CN_SPECIAL_DELETE; return CN_KEY_SPECIAL;
  case KEY_IC: *value = CN_SPECIAL_INSERT; return CN_KEY_SPECIAL;
  case KEY_RESIZE: *value = CN_SPECIAL_RESIZE; return CN_KEY_SPECIAL;
  default: break;
  }
  if ((int)ch >= KEY_F(1) && (int)ch <= KEY_F(63)) {
    *value = (int32_t)ch - KEY_F0;
    return CN_KEY_FUNCTION;
  }
  *value = (int32_t)ch;
  return CN_KEY_UNKNOWN;
}

void cn_suspend(void) {
  if (!started) return;
  endwin();
  // Stop the way the shell expects (job control sees SIGTSTP), with the default action.
  struct sigaction ours;
  signal(SIGTSTP, SIG_DFL);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
  // raise() targets this thread, so the stop happens before it returns (kill() could let
  // another thread take the signal after the handler below is back in place).
  raise(SIGTSTP);
  // Here after SIGCONT.
  memset(&ours, 0, sizeof ours);
  ours.sa_handler = on_tstp;
  sigemptyset(&ours.sa_mask);
  ours.sa_flags = SA_RESTART;
  sigaction(SIGTSTP, &ours, NULL);
  clearok(curscr, TRUE);
  wnoutrefresh(stdscr);
  doupdate();
}

void cn_write_raw(const char *bytes, int count) {
  if (count <= 0) return;
  fflush(stdout);
  ssize_t ignored = write(STDOUT_FILENO, bytes, (size_t)count);
  (void)ignored;
}

void cn_beep(void) {
  if (started) beep();
}

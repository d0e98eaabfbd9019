#ifndef CNCURSES_H
#define CNCURSES_H

// rackwatch's only window onto ncursesw. The header deliberately does not include
// <ncurses.h>: Swift 6 rejects the C globals it declares (stdscr, LINES, COLS, ...), and the
// attribute and key macros do not import. Everything crosses this line as plain ints.

#include <stdint.h>

/// Attribute bits accepted by cn_put_cell (rackwatch's own, mapped to A_* inside).
enum {
  CN_ATTR_BOLD = 1,
  CN_ATTR_UNDERLINE = 2,
  CN_ATTR_REVERSE = 4,
  CN_ATTR_DIM = 8,
};

/// What cn_read_key found.
enum {
  CN_KEY_NONE = 0,      // nothing buffered (ERR in nodelay mode)
  CN_KEY_CHAR = 1,      // value is a Unicode scalar (control characters included)
  CN_KEY_SPECIAL = 2,   // value is one of CN_SPECIAL_*
  CN_KEY_FUNCTION = 3,  // value is the F-key number 1...63
  CN_KEY_UNKNOWN = 4,   // value is the raw ncurses key code
};

enum {
  CN_SPECIAL_UP = 1, CN_SPECIAL_DOWN, CN_SPECIAL_LEFT, CN_SPECIAL_RIGHT,
  CN_SPECIAL_PAGE_UP, CN_SPECIAL_PAGE_DOWN, CN_SPECIAL_HOME, CN_SPECIAL_END,
  CN_SPECIAL_BACK_TAB, CN_SPECIAL_ENTER, CN_SPECIAL_BACKSPACE, CN_SPECIAL_DELETE,
  CN_SPECIAL_INSERT, CN_SPECIAL_RESIZE,
};

/// Bytes written to the wake pipe by the signal handlers.
enum {
  CN_WAKE_JOB = 'j',
  CN_WAKE_RESIZE = 'w',
  CN_WAKE_SUSPEND = 'z',
};

/// Starts curses mode (raw, noecho, keypad, nodelay, ESC delay 25 ms, colours with the
/// terminal's defaults) and installs the signal handlers. Returns 0 on success, -1 when the
/// terminal cannot be initialised (no TTY, unknown TERM).
int cn_start(void);
/// Leaves curses mode and puts the signal handlers back. Safe to call twice.
void cn_stop(void);

/// Creates the wake pipe (idempotent). Returns 0, or -1 when pipe() fails.
int cn_prepare(void);
/// Read end of the self-pipe that signal handlers and cn_wake write to (non-blocking).
int cn_wake_fd(void);
/// Writes one byte to the wake pipe (async-signal-safe; any thread).
void cn_wake(int byte);
/// Empties the wake pipe; returns a bit set: 1 = job, 2 = resize, 4 = suspend requested.
int cn_drain_wake(void);

int cn_lines(void);
int cn_cols(void);
/// Number of colours the terminal offers (0 when it has none).
int cn_colors(void);
int cn_color_pairs(void);

/// Defines colour pair `pair` (1...) with foreground and background colour indices; -1 is the
/// terminal's own colour.
int cn_init_pair(int pair, int fg, int bg);

/// Draws one cell: `scalars` holds up to 5 Unicode scalars of one grapheme (count given).
void cn_put_cell(int y, int x, const uint32_t *scalars, int count, int attrs, int pair);
/// Clears the whole screen (used after a resize or a resume).
void cn_clear(void);
/// Pushes everything drawn since the last call to the terminal.
void cn_flush(void);
/// Shows the cursor at (y, x), or hides it when y < 0.
void cn_cursor(int y, int x);
/// Forgets what the terminal shows so the next flush repaints everything.
void cn_touch_all(void);

/// Reads one key without waiting. Sets *value as documented on CN_KEY_*.
int cn_read_key(int32_t *value);

/// Suspends the process as Ctrl-Z would: leaves curses mode, stops, and on SIGCONT comes
/// back into curses mode. Call only from the curses thread.
void cn_suspend(void);

/// Writes raw bytes to the terminal (OSC 52, bell) between curses updates.
void cn_write_raw(const char *bytes, int count);
/// Rings the terminal bell.
void cn_beep(void);

#endif

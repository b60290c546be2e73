#ifndef BRIEFING_CNCURSESW_SHIM_H
#define BRIEFING_CNCURSESW_SHIM_H

// SwiftPM drops the -D flags pkg-config gives, so the wide-character API is switched on here.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1
#endif

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

// Swift 6 refuses curses' mutable globals; these accessors read them on the caller's (single) actor.
static inline WINDOW *briefing_stdscr(void) { return stdscr; }
static inline int briefing_lines(void) { return LINES; }
static inline int briefing_cols(void) { return COLS; }
static inline int briefing_colors(void) { return COLORS; }
static inline int briefing_color_pairs(void) { return COLOR_PAIRS; }
static inline chtype briefing_acs(char c) { return NCURSES_ACS(c); }

// Attribute, color and mouse macros Swift cannot import (added for the reader).
static inline attr_t briefing_a_normal(void) { return A_NORMAL; }
static inline attr_t briefing_a_bold(void) { return A_BOLD; }
static inline attr_t briefing_a_dim(void) { return A_DIM; }
static inline attr_t briefing_a_underline(void) { return A_UNDERLINE; }
static inline attr_t briefing_a_reverse(void) { return A_REVERSE; }
static inline mmask_t briefing_mouse_events(void) { return BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int briefing_mouse_is_click(mmask_t m) { return (m & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int briefing_mouse_is_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int briefing_mouse_is_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }
static inline int briefing_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

// From <term.h>, which is not included because its capability macros are not meant for importers.
extern int setupterm(const char *, int, int *);

// 1: the terminal ($TERM) is known and can address the cursor; 0: known but cannot (dumb);
// -1: unknown to terminfo. Prints nothing and leaves the terminal untouched.
static inline int briefing_check_terminal(void) {
    int err = 0;
    if (setupterm(NULL, 1, &err) != OK) return -1;
    return briefing_has_cursor_addressing() ? 1 : 0;
}

#endif

/* ui.h: the reader, the full-screen ncursesw interface that `tidings`
 * without a command opens. Only the entry point is public: the views, the
 * key handling and the terminal are private to src/ui*.c. */
#ifndef TIDINGS_UI_H
#define TIDINGS_UI_H

struct session;

/* Run the reader on an open session until the user quits. The terminal is
 * restored on return, on SIGINT, SIGTERM and SIGHUP, and before a crash
 * (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) is let through. Returns an exit
 * status (cmd.h): 0, or EXIT_USAGE when stdin or stdout is not a terminal or
 * a key or color setting is wrong (one line on stderr). */
int ui_run(struct session *session);

#endif

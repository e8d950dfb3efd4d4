/* browser.h: opening a link in the user's browser: which program (the
 * browser setting, else $BROWSER, else xdg-open), its argument vector, and
 * starting it without a shell. No curses: the reader gives the screen up
 * itself before a browser that runs in the terminal. */
#ifndef TIDINGS_BROWSER_H
#define TIDINGS_BROWSER_H

#include <stdbool.h>

/* The command that opens links: setting when not empty, else the first
 * entry of $BROWSER (a list separated by colons), else "xdg-open". The
 * pointer is setting's, the environment's or static. */
const char *browser_command(const char *setting);

/* command split into words at blanks, double or single quotes grouping
 * them: the config's rule for every external command (owned, NULL
 * terminated; free with browser_argv_free). NULL when it has no word. */
char **browser_split(const char *command);

/* The argument vector for command and url: command split into words at
 * blanks (double or single quotes group words; no other shell syntax), every
 * word "%s" replaced by url, or url added as the last argument when no word
 * is "%s". Returns a NULL-terminated vector (owned: browser_argv_free), or
 * NULL when command has no word. */
char **browser_argv(const char *command, const char *url);
void browser_argv_free(char ***argv);

/* True when the program (argv[0], with or without a directory) is a browser
 * that runs in the terminal: lynx, w3m, links, links2, elinks, browsh,
 * carbonyl, cha, www-browser. */
bool browser_in_terminal(const char *program);

/* Start url in the browser. Only http and https URLs are opened: anything
 * else returns -1 with *error "not an http or https link". A graphical
 * browser is started in a session of its own with standard input, output and
 * error on /dev/null, and not waited for (its exit reaps itself); a terminal
 * browser (wait true) inherits the terminal and is waited for. Returns 0,
 * or -1 with *error (owned) saying why, e.g. the program was not found. */
int browser_open(const char *command, const char *url, bool wait, char **error);

#endif

/* browser.c: which program opens links, its argument vector, and starting it
 * with fork and execvp, never through a shell. Not the terminal handling
 * around a browser that runs in the terminal: that is the reader's. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "url.h"
#include "xmalloc.h"

const char *
browser_command(const char *setting)
{
	static char first[4096];
	const char *env;
	size_t n;

	if (setting != NULL && setting[strspn(setting, " \t")] != '\0')
		return setting;
	env = getenv("BROWSER");
	if (env != NULL) {
		/* $BROWSER is a list of commands separated by colons, tried in
		 * turn by those who follow the convention; the first is ours. */
		n = strcspn(env, ":");
		if (n > 0 && n < sizeof(first)) {
			memcpy(first, env, n);
			first[n] = '\0';
			if (first[strspn(first, " \t")] != '\0')
				return first;
		}
	}
	return "xdg-open";
}

char **
browser_split(const char *command)
{
	struct buf word = BUF_INIT;
	char **argv = NULL, quote = '\0';
	size_t n = 0;
	bool in_word = false;
	const char *p;

	if (command == NULL)
		return NULL;
	for (p = command;; p++) {
		if (*p != '\0' && quote != '\0') {
			if (*p == quote)
				quote = '\0';
			else
				buf_append_char(&word, *p);
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
			in_word = true;
		} else if (*p != '\0' && *p != ' ' && *p != '\t') {
			buf_append_char(&word, *p);
			in_word = true;
		} else {
			if (in_word) {
				argv = xreallocarray(argv, n + 2, sizeof(*argv));
				argv[n++] = xstrdup(buf_str(&word));
				argv[n] = NULL;
				buf_reset(&word);
				in_word = false;
			}
			if (*p == '\0')
				break;
		}
	}
	buf_free(&word);
	return argv;
}

char **
browser_argv(const char *command, const char *url)
{
	char **argv = browser_split(command);
	bool has_url = false;
	size_t n;

	if (argv == NULL)
		return NULL;
	for (n = 0; argv[n] != NULL; n++) {
		if (strcmp(argv[n], "%s") == 0) {
			free(argv[n]);
			argv[n] = xstrdup(url != NULL ? url : "");
			has_url = true;
		}
	}
	if (!has_url) {
		argv = xreallocarray(argv, n + 2, sizeof(*argv));
		argv[n++] = xstrdup(url != NULL ? url : "");
		argv[n] = NULL;
	}
	return argv;
}

void
browser_argv_free(char ***argv)
{
	size_t i;

	if (argv == NULL || *argv == NULL)
		return;
	for (i = 0; (*argv)[i] != NULL; i++)
		free((*argv)[i]);
	free(*argv);
	*argv = NULL;
}

bool
browser_in_terminal(const char *program)
{
	static const char *const names[] = { "lynx", "w3m", "links", "links2", "elinks",
	    "browsh", "carbonyl", "cha", "www-browser" };
	const char *base;
	size_t i;

	if (program == NULL)
		return false;
	base = strrchr(program, '/');
	base = base != NULL ? base + 1 : program;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(base, names[i]) == 0)
			return true;
	}
	return false;
}

/* In a child about to exec: the dispositions and mask the reader set are
 * not the browser's (an ignored SIGPIPE would survive exec). */
static void
reset_signals(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE,
	    SIGWINCH, SIGTSTP, SIGCHLD };
	sigset_t none;
	size_t i;

	for (i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		signal(signals[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* Write errno on fd and exit: a child that could not exec. Only
 * async-signal-safe calls after fork. */
static void
report_and_exit(int report)
{
	int saved = errno;

	if (write(report, &saved, sizeof(saved)) == -1) {
		/* Nothing more to do: the parent sees a plain exit. */
	}
	_exit(127);
}

static int
wait_for(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) == -1) {
		if (errno != EINTR)
			return -1;
	}
	return 0;
}

/* The error a child reported on fd before exec, 0 when exec succeeded (the
 * pipe closed on exec with nothing written). */
static int
read_report(int fd)
{
	ssize_t n;
	int error = 0;

	do
		n = read(fd, &error, sizeof(error));
	while (n == -1 && errno == EINTR);
	return n == (ssize_t)sizeof(error) ? error : 0;
}

static int
start_detached(char **argv, int pipe_fds[2])
{
	pid_t pid, grandchild;
	int status, null;

	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		/* The child starts a new session, so the browser outlives the
		 * reader and no terminal signal reaches it, and forks the
		 * browser off: the child's exit hands it to init, which reaps
		 * it, and the reader waits for nothing but this short child. */
		close(pipe_fds[0]);
		reset_signals();
		setsid();
		if ((grandchild = fork()) == -1)
			report_and_exit(pipe_fds[1]);
		if (grandchild != 0)
			_exit(0);
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
			if (null > STDERR_FILENO)
				close(null);
		}
		execvp(argv[0], argv);
		report_and_exit(pipe_fds[1]);
	}
	close(pipe_fds[1]);
	pipe_fds[1] = -1;
	status = read_report(pipe_fds[0]);
	wait_for(pid, &(int){ 0 });
	if (status != 0) {
		errno = status;
		return -1;
	}
	return 0;
}

static int
start_waiting(char **argv, int pipe_fds[2], int *exit_status)
{
	struct sigaction ignore, old_int, old_quit;
	pid_t pid;
	int report;

	/* As system(3) does: Ctrl-C while the browser runs is the browser's. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	if ((pid = fork()) == -1) {
		report = errno;
		goto out;
	}
	if (pid == 0) {
		close(pipe_fds[0]);
		reset_signals();
		execvp(argv[0], argv);
		report_and_exit(pipe_fds[1]);
	}
	close(pipe_fds[1]);
	pipe_fds[1] = -1;
	report = read_report(pipe_fds[0]);
	wait_for(pid, exit_status);
out:
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (report != 0) {
		errno = report;
		return -1;
	}
	return 0;
}

int
browser_open(const char *command, const char *url, bool wait, char **error)
{
	char **argv;
	int pipe_fds[2], rc, exit_status = 0;

	*error = NULL;
	if (!url_is_http(url)) {
		*error = xstrdup("not an http or https link");
		return -1;
	}
	if ((argv = browser_argv(command, url)) == NULL) {
		*error = xstrdup("no browser command: set browser in the config or $BROWSER");
		return -1;
	}
	/* A close-on-exec pipe tells whether exec worked: it closes
	 * unwritten on success, and carries errno on failure. */
	if (pipe2(pipe_fds, O_CLOEXEC) == -1) {
		*error = xasprintf("cannot start %s: %s", argv[0], strerror(errno));
		browser_argv_free(&argv);
		return -1;
	}
	rc = wait ? start_waiting(argv, pipe_fds, &exit_status) :
	    start_detached(argv, pipe_fds);
	if (rc == -1)
		*error = xasprintf("cannot start %s: %s", argv[0], strerror(errno));
	close(pipe_fds[0]);
	if (pipe_fds[1] != -1)
		close(pipe_fds[1]);
	browser_argv_free(&argv);
	return rc;
}

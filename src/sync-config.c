/* sync-config.c: the sync server from the settings: its address, the
 * login, and the password, read from a private file or from the output of a
 * command run without a shell. Never from the command line. */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "sync.h"
#include "xmalloc.h"

/* More than any password; the rest of a command's output is drained. */
#define MAX_SECRET 4096

/* The first line of data (len bytes), owned; NULL when empty. */
static char *
first_line(const char *data, size_t len)
{
	size_t n = 0;

	while (n < len && data[n] != '\n' && data[n] != '\r' && data[n] != '\0')
		n++;
	if (n == 0)
		return NULL;
	return xstrndup(data, n);
}

char *
sync_password_from_file(const char *path, char **error)
{
	char data[MAX_SECRET];
	struct stat sb;
	ssize_t n;
	char *password;
	int fd;

	*error = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*error = xasprintf("ttrss-password-file %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) != 0 || (sb.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		*error = xasprintf("ttrss-password-file %s can be read by others: chmod 600 it",
		    path);
		close(fd);
		return NULL;
	}
	n = read(fd, data, sizeof(data));
	close(fd);
	if (n < 0) {
		*error = xasprintf("ttrss-password-file %s: %s", path, strerror(errno));
		return NULL;
	}
	if ((password = first_line(data, (size_t)n)) == NULL)
		*error = xasprintf("ttrss-password-file %s is empty", path);
	explicit_bzero(data, sizeof(data));
	return password;
}

char *
sync_password_from_command(const char *command, char **error)
{
	char **argv, data[MAX_SECRET], sink[512];
	size_t len = 0;
	ssize_t n;
	char *password = NULL;
	int fds[2], status;
	pid_t pid;

	*error = NULL;
	if ((argv = browser_split(command)) == NULL) {
		*error = xstrdup("ttrss-password-command has no command");
		return NULL;
	}
	if (pipe(fds) != 0 || (pid = fork()) == -1) {
		*error = xasprintf("ttrss-password-command: %s", strerror(errno));
		browser_argv_free(&argv);
		return NULL;
	}
	if (pid == 0) {
		close(fds[0]);
		if (dup2(fds[1], STDOUT_FILENO) == -1)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	for (;;) {
		if (len < sizeof(data))
			n = read(fds[0], data + len, sizeof(data) - len);
		else
			n = read(fds[0], sink, sizeof(sink));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (len < sizeof(data))
			len += (size_t)n;
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			*error = xasprintf("ttrss-password-command: cannot run %s", argv[0]);
		else
			*error = xasprintf("ttrss-password-command %s failed", argv[0]);
	} else if ((password = first_line(data, len)) == NULL)
		*error = xasprintf("ttrss-password-command %s printed nothing", argv[0]);
	explicit_bzero(data, sizeof(data));
	browser_argv_free(&argv);
	return password;
}

struct sync_backend *
sync_backend_from_settings(const struct settings *settings, char **error)
{
	const char *url = settings->string[OPT_TTRSS_URL];
	const char *login = settings->string[OPT_TTRSS_LOGIN];
	const char *file = settings->string[OPT_TTRSS_PASSWORD_FILE];
	const char *command = settings->string[OPT_TTRSS_PASSWORD_COMMAND];
	struct sync_backend *b;
	char *password;

	*error = NULL;
	if (url == NULL || url[0] == '\0')
		return NULL;
	if (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) {
		*error = xasprintf("ttrss-url %s is not an http or https address", url);
		return NULL;
	}
	if (login == NULL || login[0] == '\0') {
		*error = xstrdup("ttrss-url is set but ttrss-login is not");
		return NULL;
	}
	if (file[0] != '\0' && command[0] != '\0') {
		*error = xstrdup("set ttrss-password-file or ttrss-password-command, not both");
		return NULL;
	}
	if (file[0] != '\0')
		password = sync_password_from_file(file, error);
	else if (command[0] != '\0')
		password = sync_password_from_command(command, error);
	else {
		*error = xstrdup("ttrss-url is set but no password: set ttrss-password-file"
		    " or ttrss-password-command");
		return NULL;
	}
	if (password == NULL)
		return NULL;
	b = sync_ttrss_new(url, login, password, settings);
	explicit_bzero(password, strlen(password));
	free(password);
	if (b == NULL)
		*error = xstrdup("cannot start the network library");
	return b;
}

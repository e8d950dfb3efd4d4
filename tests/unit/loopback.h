/* loopback.h: tests/server.py on loopback for the unit tests that speak
 * HTTP: started on a free port it chooses and prints first ("PORT n"), so
 * nothing waits on a clock; stopped at exit, and by itself should this
 * program die first (its standard input is a pipe only we hold). */
#ifndef TIDINGS_LOOPBACK_H
#define TIDINGS_LOOPBACK_H

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xmalloc.h"

extern char **environ;

static pid_t test_server_pid = -1;
static int test_server_stdin = -1;
/* "http://127.0.0.1:PORT", once started. */
static char test_server_base[64];

/* Loopback requests must not go through a proxy from the caller's
 * environment (libcurl honours these, as the program should). */
static inline void
test_server_no_proxy(void)
{
	unsetenv("http_proxy");
	unsetenv("HTTP_PROXY");
	unsetenv("https_proxy");
	unsetenv("HTTPS_PROXY");
	unsetenv("all_proxy");
	unsetenv("ALL_PROXY");
}

static inline void
test_server_stop(void)
{
	int status;

	if (test_server_stdin != -1) {
		close(test_server_stdin);
		test_server_stdin = -1;
	}
	if (test_server_pid > 0) {
		kill(test_server_pid, SIGTERM);
		waitpid(test_server_pid, &status, 0);
		test_server_pid = -1;
	}
}

/* Start the server with extra arguments (NULL-terminated; args may be NULL)
 * and return its base URL. Exits 77 (skip) when python3 is missing, 99
 * when the server does not start. */
static inline const char *
test_server_start(const char *const *args)
{
	const char *top = getenv("top_srcdir"), *python = getenv("PYTHON3");
	posix_spawn_file_actions_t actions;
	int in[2], out[2], error, port = 0;
	char *script, line[128];
	char *argv[16];
	size_t n = 0;
	FILE *f;

	if (top == NULL || top[0] == '\0')
		top = ".";
	if (python == NULL || python[0] == '\0')
		python = "python3";
	script = xasprintf("%s/tests/server.py", top);
	if (pipe(in) == -1 || pipe(out) == -1) {
		perror("pipe");
		exit(99);
	}
	fcntl(in[1], F_SETFD, FD_CLOEXEC);
	fcntl(out[0], F_SETFD, FD_CLOEXEC);
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, in[0], 0);
	posix_spawn_file_actions_adddup2(&actions, out[1], 1);
	posix_spawn_file_actions_addclose(&actions, in[0]);
	posix_spawn_file_actions_addclose(&actions, out[1]);
	argv[n++] = (char *)python;
	argv[n++] = script;
	argv[n++] = (char *)"--max-seconds";
	argv[n++] = (char *)"90";
	argv[n++] = (char *)"--watch-stdin";
	while (args != NULL && *args != NULL && n < sizeof(argv) / sizeof(argv[0]) - 1)
		argv[n++] = (char *)*args++;
	argv[n] = NULL;
	error = posix_spawnp(&test_server_pid, python, &actions, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&actions);
	free(script);
	close(in[0]);
	close(out[1]);
	if (error != 0) {
		printf("skip: cannot run %s: %s\n", python, strerror(error));
		exit(77);
	}
	test_server_stdin = in[1];
	atexit(test_server_stop);

	f = fdopen(out[0], "r");
	if (f == NULL || fgets(line, sizeof line, f) == NULL ||
	    sscanf(line, "PORT %d", &port) != 1 || port <= 0) {
		int status = 0;

		if (test_server_pid > 0 && waitpid(test_server_pid, &status, 0) > 0 &&
		    WIFEXITED(status) && WEXITSTATUS(status) == 127) {
			test_server_pid = -1;
			printf("skip: %s not found\n", python);
			exit(77);
		}
		fprintf(stderr, "the test server did not start\n");
		exit(99);
	}
	fclose(f);
	snprintf(test_server_base, sizeof test_server_base, "http://127.0.0.1:%d", port);
	return test_server_base;
}

#endif

/* test.h: the few macros every unit test program uses. Each program runs its
 * checks, prints the failures with file and line, then "N passed, M failed"
 * and exits 1 if anything failed (automake's harness reads the exit status). */
#ifndef TIDINGS_TEST_H
#define TIDINGS_TEST_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "xmalloc.h"

static int test_passed, test_failed;

#define CHECK(cond) do { \
	if (cond) { \
		test_passed++; \
	} else { \
		test_failed++; \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

/* Compare two strings; NULL equals only NULL. */
#define CHECK_STR(got, want) do { \
	const char *got_ = (got), *want_ = (want); \
	if ((got_ == NULL && want_ == NULL) || \
	    (got_ != NULL && want_ != NULL && strcmp(got_, want_) == 0)) { \
		test_passed++; \
	} else { \
		test_failed++; \
		fprintf(stderr, "%s:%d: %s\n  got:  %s%s%s\n  want: %s%s%s\n", \
		    __FILE__, __LINE__, #got, \
		    got_ ? "\"" : "", got_ ? got_ : "NULL", got_ ? "\"" : "", \
		    want_ ? "\"" : "", want_ ? want_ : "NULL", want_ ? "\"" : ""); \
	} \
} while (0)

#define CHECK_INT(got, want) do { \
	long long got_ = (long long)(got), want_ = (long long)(want); \
	if (got_ == want_) { \
		test_passed++; \
	} else { \
		test_failed++; \
		fprintf(stderr, "%s:%d: %s\n  got:  %lld\n  want: %lld\n", \
		    __FILE__, __LINE__, #got, got_, want_); \
	} \
} while (0)

/* The whole file at path (owned; its length in *len), or NULL. */
static inline char *
test_read_file(const char *path, size_t *len)
{
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_append(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return buf_detach(&b);
}

/* Remove path and, if it is a folder, everything below it. */
static inline void
test_remove_tree(const char *path)
{
	DIR *d;
	struct dirent *e;
	struct stat sb;
	char *child;

	if (lstat(path, &sb) == -1)
		return;
	if (S_ISDIR(sb.st_mode) && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			child = xasprintf("%s/%s", path, e->d_name);
			test_remove_tree(child);
			free(child);
		}
		closedir(d);
		rmdir(path);
	} else
		unlink(path);
}

static inline int
test_done(void)
{
	printf("%d passed, %d failed\n", test_passed, test_failed);
	return test_failed == 0 ? 0 : 1;
}

#endif

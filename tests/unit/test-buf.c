/* test-buf.c: the growable buffer: appends, UTF-8 encoding, consume, detach. */
#include "config.h"

#include <stdlib.h>

#include "buf.h"
#include "test.h"

int
main(void)
{
	struct buf b = BUF_INIT;
	char *s;
	int i;

	CHECK_STR(buf_str(&b), "");
	s = buf_detach(&b);
	CHECK_STR(s, "");
	free(s);

	buf_append_str(&b, "abc");
	buf_append_char(&b, 'd');
	buf_appendf(&b, "%d-%s", 42, "x");
	CHECK_STR(buf_str(&b), "abcd42-x");
	CHECK_INT(b.len, 8);

	buf_consume(&b, 4);
	CHECK_STR(buf_str(&b), "42-x");
	buf_consume(&b, 100);
	CHECK_STR(buf_str(&b), "");
	CHECK_INT(b.len, 0);

	buf_append_utf8(&b, 'A');
	buf_append_utf8(&b, 0x3B1);	/* α */
	buf_append_utf8(&b, 0x20AC);	/* € */
	buf_append_utf8(&b, 0x1F600);	/* 😀 */
	buf_append_utf8(&b, 0xD800);	/* a lone surrogate: U+FFFD */
	buf_append_utf8(&b, 0x110000);	/* beyond Unicode: U+FFFD */
	CHECK_STR(buf_str(&b), "A\xce\xb1\xe2\x82\xac\xf0\x9f\x98\x80\xef\xbf\xbd\xef\xbf\xbd");

	/* Growth across many doublings keeps the contents. */
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		buf_append_char(&b, (char)('a' + i % 26));
	CHECK_INT(b.len, 10000);
	CHECK(b.data[9999] == (char)('a' + 9999 % 26));
	CHECK(b.data[10000] == '\0');

	s = buf_detach(&b);
	CHECK(b.data == NULL && b.len == 0);
	free(s);
	buf_free(&b);
	return test_done();
}

/* test-url.c: STUB, replaced by the real tests. */
#include "config.h"
#include "test.h"
int main(void) { CHECK(1); return test_done(); }

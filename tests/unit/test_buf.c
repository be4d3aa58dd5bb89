/*
 * test_buf.c: unit tests of lib/buf.c and lib/status.c.
 *
 * lib/buf.c is compiled into this program with realloc() redirected to
 * fault_realloc(), which fails on demand, so that every out-of-memory path
 * is exercised.  The buf.o of libreseauter.a is then not linked in, since
 * this file already defines its symbols.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <wchar.h>
#include <cmocka.h>

#include "status.h"

/*
 * The number of allocations left before one fails, or -1 for never.  Each
 * test sets it; it is the only state of the program.
 */
static long fault_left = -1;

/*
 * Counts down fault_left and fails (returns NULL, as realloc() does
 * when memory runs out, leaving p untouched) when it reaches zero.
 */
static void *
fault_realloc(void *p, size_t n)
{
	if (fault_left == 0)
		return NULL;
	if (fault_left > 0)
		fault_left--;
	return realloc(p, n);
}

#undef realloc
#define realloc(p, n) fault_realloc((p), (n))
#include "../../lib/buf.c"
#undef realloc

/* A zeroed buffer is empty, allocates nothing and reads as "". */
static void
test_buf_zeroed(void **state)
{
	struct buf	 b = { NULL, 0, 0 };

	(void)state;
	assert_string_equal(buf_str(&b), "");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	buf_reset(&b);
	assert_null(b.data);
	buf_free(&b);
	assert_null(b.data);
}

/* Appends keep order, length and the NUL; len 0 allocates nothing. */
static void
test_buf_append(void **state)
{
	struct buf	 b = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(buf_append(&b, NULL, 0), RT_OK);
	assert_null(b.data);
	assert_int_equal(buf_append(&b, "abc", 3), RT_OK);
	assert_int_equal(buf_puts(&b, "def"), RT_OK);
	assert_int_equal(buf_puts(&b, ""), RT_OK);
	assert_int_equal(b.len, 6);
	assert_string_equal(buf_str(&b), "abcdef");
	assert_int_equal(b.data[6], '\0');
	assert_true(b.cap >= 7);
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	buf_free(&b);
}

/* Bytes with a NUL inside are kept, and len counts them. */
static void
test_buf_append_nul(void **state)
{
	struct buf	 b = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(buf_append(&b, "a\0b", 3), RT_OK);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	assert_string_equal(buf_str(&b), "a");
	buf_free(&b);
}

/* Many appends across many growths give the exact content. */
static void
test_buf_growth(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	char		 c;

	(void)state;
	for (i = 0; i < 100000; i++) {
		c = (char)('a' + i % 26);
		assert_int_equal(buf_append(&b, &c, 1), RT_OK);
	}
	assert_int_equal(b.len, 100000);
	assert_int_equal(strlen(b.data), 100000);
	for (i = 0; i < 100000; i++)
		assert_int_equal(b.data[i], 'a' + i % 26);
	assert_true(b.cap > b.len);
	buf_free(&b);
}

/* printf appends small and large output, after what was there. */
static void
test_buf_printf(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 big[1000];

	(void)state;
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "x"), RT_OK);
	assert_string_equal(buf_str(&b), "42-x");
	assert_int_equal(buf_printf(&b, "%s", ""), RT_OK);
	assert_int_equal(b.len, 4);
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(buf_printf(&b, "[%s]", big), RT_OK);
	assert_int_equal(b.len, 4 + 2 + 999);
	assert_int_equal(strlen(b.data), b.len);
	assert_memory_equal(b.data, "42-x[zzz", 8);
	assert_int_equal(b.data[b.len - 1], ']');
	assert_int_equal(buf_printf(&b, "%lld", LLONG_MIN), RT_OK);
	assert_string_equal(b.data + 4 + 2 + 999, "-9223372036854775808");
	buf_free(&b);
}

/* printf with output exactly filling the free space is right. */
static void
test_buf_printf_exact(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 s[64];

	(void)state;
	/* The first allocation is 64 bytes: 63 characters and the NUL. */
	memset(s, 'q', 63);
	s[63] = '\0';
	assert_int_equal(buf_printf(&b, "%s", s), RT_OK);
	assert_int_equal(b.len, 63);
	assert_int_equal(b.cap, 64);
	assert_int_equal(buf_printf(&b, "%c", 'r'), RT_OK);
	assert_int_equal(b.len, 64);
	assert_int_equal(b.data[63], 'r');
	assert_int_equal(b.data[64], '\0');
	buf_free(&b);
}

/* An encoding error of vsnprintf leaves the buffer as it was. */
static void
test_buf_printf_encoding_error(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	wchar_t		 w[2] = { 0x10ffff, 0 };

	(void)state;
	assert_int_equal(buf_puts(&b, "keep"), RT_OK);
	/* In the C locale a wide character above 0x7f cannot be converted. */
	assert_int_equal(buf_printf(&b, "%ls", w), RT_ENOMEM);
	assert_string_equal(buf_str(&b), "keep");
	assert_int_equal(b.len, 4);
	buf_free(&b);
}

/* Reset empties but keeps the memory; appending afterwards works. */
static void
test_buf_reset(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*p;
	size_t		 cap;

	(void)state;
	assert_int_equal(buf_puts(&b, "hello"), RT_OK);
	p = b.data;
	cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	assert_ptr_equal(b.data, p);
	assert_int_equal(b.cap, cap);
	assert_int_equal(buf_puts(&b, "x"), RT_OK);
	assert_string_equal(buf_str(&b), "x");
	buf_free(&b);
	assert_int_equal(buf_puts(&b, "again"), RT_OK);
	assert_string_equal(buf_str(&b), "again");
	buf_free(&b);
}

/* A failed first allocation leaves a zeroed buffer. */
static void
test_buf_oom_first(void **state)
{
	struct buf	 b = { NULL, 0, 0 };

	(void)state;
	fault_left = 0;
	assert_int_equal(buf_puts(&b, "x"), RT_ENOMEM);
	assert_int_equal(buf_printf(&b, "%d", 1), RT_ENOMEM);
	fault_left = -1;
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
}

/* A failed growth keeps the content, for append and for printf. */
static void
test_buf_oom_grow(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 big[200];

	(void)state;
	assert_int_equal(buf_puts(&b, "kept"), RT_OK);
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	fault_left = 0;
	assert_int_equal(buf_puts(&b, big), RT_ENOMEM);
	assert_string_equal(buf_str(&b), "kept");
	assert_int_equal(b.len, 4);
	assert_int_equal(buf_printf(&b, "%s", big), RT_ENOMEM);
	assert_string_equal(buf_str(&b), "kept");
	assert_int_equal(b.len, 4);
	/* What fits in the free space needs no allocation. */
	assert_int_equal(buf_puts(&b, "+ok"), RT_OK);
	assert_int_equal(buf_printf(&b, "%d", 7), RT_OK);
	fault_left = -1;
	assert_string_equal(buf_str(&b), "kept+ok7");
	assert_int_equal(buf_puts(&b, big), RT_OK);
	assert_int_equal(b.len, 8 + 199);
	buf_free(&b);
}

/* A length that would overflow size_t fails without allocating. */
static void
test_buf_overflow(void **state)
{
	struct buf	 b = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(buf_puts(&b, "ab"), RT_OK);
	fault_left = 0;
	assert_int_equal(buf_append(&b, "x", SIZE_MAX), RT_ENOMEM);
	assert_int_equal(buf_append(&b, "x", SIZE_MAX - 2), RT_ENOMEM);
	fault_left = -1;
	assert_string_equal(buf_str(&b), "ab");
	buf_free(&b);
}

/* Every status has its name; anything else is "unknown". */
static void
test_status_name(void **state)
{
	int	 i;

	(void)state;
	assert_string_equal(rt_status_name(RT_OK), "ok");
	assert_string_equal(rt_status_name(RT_ENOMEM), "enomem");
	assert_string_equal(rt_status_name(RT_EDB), "edb");
	assert_string_equal(rt_status_name(RT_EIO), "eio");
	assert_string_equal(rt_status_name(RT_EINVAL), "einval");
	assert_string_equal(rt_status_name(RT_EUTF8), "eutf8");
	assert_string_equal(rt_status_name(RT_ETOOBIG), "etoobig");
	assert_string_equal(rt_status_name(RT_ENOTFOUND), "enotfound");
	assert_string_equal(rt_status_name(RT_EEXISTS), "eexists");
	assert_string_equal(rt_status_name(RT_ECONFLICT), "econflict");
	assert_string_equal(rt_status_name(RT_EDENIED), "edenied");
	assert_string_equal(rt_status_name(RT_EEXPIRED), "eexpired");
	assert_string_equal(rt_status_name(RT_ETHROTTLED), "ethrottled");
	assert_string_equal(rt_status_name(RT_EBUSY), "ebusy");
	assert_string_equal(rt_status_name(RT_ESTORAGE), "estorage");
	assert_string_equal(rt_status_name(RT_STATUS__MAX), "unknown");
	assert_string_equal(rt_status_name(-1), "unknown");
	assert_string_equal(rt_status_name(INT_MAX), "unknown");
	assert_string_equal(rt_status_name(INT_MIN), "unknown");
	for (i = 0; i < RT_STATUS__MAX; i++)
		assert_string_not_equal(rt_status_name(i), "unknown");
}

/* Runs every test of this file; the exit status is the number failed. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_zeroed),
		cmocka_unit_test(test_buf_append),
		cmocka_unit_test(test_buf_append_nul),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_buf_printf),
		cmocka_unit_test(test_buf_printf_exact),
		cmocka_unit_test(test_buf_printf_encoding_error),
		cmocka_unit_test(test_buf_reset),
		cmocka_unit_test(test_buf_oom_first),
		cmocka_unit_test(test_buf_oom_grow),
		cmocka_unit_test(test_buf_overflow),
		cmocka_unit_test(test_status_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

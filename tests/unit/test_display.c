/*
 * test_display.c: the numbers of lib/display.c, in both languages.
 *
 * display_number() and display_hours() write what a person reads, with
 * the digit groups of i18n_format_int(): "1 234,5" in French (U+00A0
 * between the groups), "1,234.5" in English.  display_decimal() writes the
 * value of a form's field, which the person sends back: the decimal mark
 * of the language, never a digit group.  display_text() shows a number
 * field as display_number() does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <cmocka.h>

#include "display.h"
#include "form.h"
#include "i18n.h"
#include "workbook.h"

#define NBSP "\xC2\xA0"

/* Numbers as stored, written to be read. */
static void
test_number(void **state)
{
	char	 out[64];

	(void)state;
	display_number(LANG_FR, "3.5", out, sizeof out);
	assert_string_equal(out, "3,5");
	display_number(LANG_EN, "3.5", out, sizeof out);
	assert_string_equal(out, "3.5");
	display_number(LANG_FR, "999", out, sizeof out);
	assert_string_equal(out, "999");
	display_number(LANG_FR, "1000", out, sizeof out);
	assert_string_equal(out, "1" NBSP "000");
	display_number(LANG_EN, "1000", out, sizeof out);
	assert_string_equal(out, "1,000");
	display_number(LANG_FR, "1234.5", out, sizeof out);
	assert_string_equal(out, "1" NBSP "234,5");
	display_number(LANG_EN, "1234.5", out, sizeof out);
	assert_string_equal(out, "1,234.5");
	display_number(LANG_FR, "1234567.25", out, sizeof out);
	assert_string_equal(out, "1" NBSP "234" NBSP "567,25");
	display_number(LANG_EN, "-63206", out, sizeof out);
	assert_string_equal(out, "-63,206");
	/* The sign of a negative number smaller than one is kept. */
	display_number(LANG_FR, "-0.5", out, sizeof out);
	assert_string_equal(out, "-0,5");
	display_number(LANG_FR, "0", out, sizeof out);
	assert_string_equal(out, "0");
	/* What is not such a number is written as display_decimal() does. */
	display_number(LANG_FR, "", out, sizeof out);
	assert_string_equal(out, "");
	display_number(LANG_FR, "2.", out, sizeof out);
	assert_string_equal(out, "2,");
	display_number(LANG_FR, "1 234", out, sizeof out);
	assert_string_equal(out, "1 234");
	display_number(LANG_FR, "environ 12.5", out, sizeof out);
	assert_string_equal(out, "environ 12,5");
	display_number(LANG_EN, "12345678901234567890", out, sizeof out);
	assert_string_equal(out, "12345678901234567890");
	display_number(LANG_FR, NULL, out, sizeof out);
	assert_string_equal(out, "");
}

/* Too small a buffer gives "", never a cut number; outlen 0 writes nothing. */
static void
test_number_small(void **state)
{
	char	*buf;
	size_t	 size;
	char	 out[8];

	(void)state;
	/* "1 234,5" is 8 bytes and 9 with its NUL. */
	for (size = 1; size <= 9; size++) {
		buf = malloc(size);
		assert_non_null(buf);
		memset(buf, 'x', size);
		display_number(LANG_FR, "1234.5", buf, size);
		assert_string_equal(buf, size < 9 ? "" : "1" NBSP "234,5");
		free(buf);
	}
	out[0] = 'x';
	display_number(LANG_FR, "1234.5", out, 0);
	assert_int_equal(out[0], 'x');
}

/* Hours: two decimals at most, no trailing zeros, groups of digits. */
static void
test_hours(void **state)
{
	char	 out[64];

	(void)state;
	display_hours(LANG_FR, 3.5, out, sizeof out);
	assert_string_equal(out, "3,5");
	display_hours(LANG_EN, 3.5, out, sizeof out);
	assert_string_equal(out, "3.5");
	display_hours(LANG_FR, 2, out, sizeof out);
	assert_string_equal(out, "2");
	display_hours(LANG_FR, 2.25, out, sizeof out);
	assert_string_equal(out, "2,25");
	display_hours(LANG_EN, 0.333333, out, sizeof out);
	assert_string_equal(out, "0.33");
	display_hours(LANG_FR, 1234.5, out, sizeof out);
	assert_string_equal(out, "1" NBSP "234,5");
	display_hours(LANG_EN, 1234.5, out, sizeof out);
	assert_string_equal(out, "1,234.5");
	display_hours(LANG_FR, 1000, out, sizeof out);
	assert_string_equal(out, "1" NBSP "000");
	display_hours(LANG_EN, 999.999, out, sizeof out);
	assert_string_equal(out, "1,000");
	display_hours(LANG_FR, 0, out, sizeof out);
	assert_string_equal(out, "0");
	display_hours(LANG_FR, -0.001, out, sizeof out);
	assert_string_equal(out, "0");
	display_hours(LANG_EN, -1500, out, sizeof out);
	assert_string_equal(out, "-1,500");
	/* Larger than a long long can hold: the digits, ungrouped. */
	display_hours(LANG_EN, 1e20, out, sizeof out);
	assert_string_equal(out, "100000000000000000000");
}

/* A form's value keeps its digits together: the person sends it back. */
static void
test_decimal_for_forms(void **state)
{
	char	 out[64];

	(void)state;
	display_decimal(LANG_FR, "1234.5", out, sizeof out);
	assert_string_equal(out, "1234,5");
	display_decimal(LANG_EN, "1234.5", out, sizeof out);
	assert_string_equal(out, "1234.5");
}

/* A number field of a plan is shown grouped, whatever its kind. */
static void
test_text_of_numbers(void **state)
{
	struct wb_field	 f;
	char		 out[64];

	(void)state;
	memset(&f, 0, sizeof f);
	f.widget = WB_NUMBER;
	f.def.name = "n";
	f.def.kind = FIELD_INT;
	f.ref_section = -1;
	f.ref_list = -1;
	display_text(NULL, LANG_FR, &f, "63206", NULL, out, sizeof out);
	assert_string_equal(out, "63" NBSP "206");
	display_text(NULL, LANG_EN, &f, "63206", NULL, out, sizeof out);
	assert_string_equal(out, "63,206");
	f.def.kind = FIELD_DECIMAL;
	display_text(NULL, LANG_FR, &f, "2.5", NULL, out, sizeof out);
	assert_string_equal(out, "2,5");
	display_text(NULL, LANG_FR, &f, "1500.75", NULL, out, sizeof out);
	assert_string_equal(out, "1" NBSP "500,75");
	display_text(NULL, LANG_FR, &f, "", NULL, out, sizeof out);
	assert_string_equal(out, "");
	/* Text fields are left as typed, digits and all. */
	f.widget = WB_LINE;
	f.def.kind = FIELD_LINE;
	display_text(NULL, LANG_FR, &f, "Depuis 1992, 40000 repas", NULL, out,
	    sizeof out);
	assert_string_equal(out, "Depuis 1992, 40000 repas");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_number_small),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_decimal_for_forms),
		cmocka_unit_test(test_text_of_numbers),
	};

	return cmocka_run_group_tests_name("display", tests, NULL, NULL);
}

/*
 * fuzz.h: what the fuzz harnesses of tests/fuzz/ share.
 *
 * Each harness, tests/fuzz/fuzz_<name>.c, defines LLVMFuzzerTestOneInput()
 * (and LLVMFuzzerInitialize() when it must load something first).  It is
 * linked twice: with libFuzzer (clang, `make fuzz`), and with the replay
 * driver tests/fuzz/replay.c (gcc with ASan and UBSan, `make check`), which
 * runs every file of the harness's corpus and regressions through it.
 *
 * A harness checks properties, not only the absence of a crash: when one
 * does not hold, FUZZ_CHECK() says which and where, and aborts, which both
 * drivers count as a finding.  Every allocation of an input is freed
 * before the function returns, so that LeakSanitizer sees any leak of
 * lib/.
 */
#ifndef RESEAUTER_FUZZ_H
#define RESEAUTER_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "form.h"
#include "workbook.h"

/* The entry points that libFuzzer and replay.c call. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/*
 * Prints "fuzz: property failed at FILE:LINE: EXPR: message" on stderr and
 * aborts.  Never returns.
 */
void fuzz_fail(const char *file, int line, const char *expr,
    const char *fmt, ...)
	__attribute__((format(printf, 4, 5), noreturn));

/* Checks a property of the input; on failure, fuzz_fail(). */
#define FUZZ_CHECK(cond, ...) do {					\
	if (!(cond))							\
		fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__);	\
} while (0)

/*
 * The input, read from its front.  Reading past its end gives zeros and
 * empty strings, so that every input, however short, is a valid one.
 */
struct fuzz_in {
	const uint8_t	*p;	/* the next byte */
	size_t		 n;	/* bytes left */
};

/* The next byte, or 0 at the end. */
uint8_t fuzz_u8(struct fuzz_in *in);

/*
 * The bytes up to the next byte sep (which is consumed) or to the end, as
 * a new malloc'd buffer of exactly *len bytes plus a NUL, so that ASan
 * catches a read past the end; the bytes may hold NULs when sep is not 0.
 * Aborts when memory runs out (a harness cannot go on).  The caller frees.
 */
char *fuzz_take(struct fuzz_in *in, uint8_t sep, size_t *len);

/* The rest of the input, as fuzz_take() gives it. */
char *fuzz_rest(struct fuzz_in *in, size_t *len);

/* A malloc'd copy of s[0..len) plus a NUL; aborts when memory runs out. */
char *fuzz_dup(const void *s, size_t len);

/*
 * An independent check of UTF-8 as RFC 3629 defines it (shortest forms,
 * no surrogates, nothing past U+10FFFF), written apart from http.c's
 * utf8_valid() so that the two can be compared.  NULs are valid.  When
 * ncp is not NULL, *ncp is the number of code points (of a valid s).
 */
int fuzz_utf8_ok(const char *s, size_t len, size_t *ncp);

/* How many bytes c s[0..len) holds. */
size_t fuzz_count(const char *s, size_t len, char c);

/*
 * Checks what form.h promises of a value text that passed validation
 * against d (FIELD_OK), whatever the path it came by (a form, a JSON
 * document): valid UTF-8 with no NUL, and for its kind the characters,
 * the trimming and the bounds that form.h declares.  A FIELD_BOOL stored
 * by wbdata.c is "" or "1".  where names the value in the message.
 */
void fuzz_check_valid_text(const struct field_def *d, const char *text,
    const char *where);

/*
 * A plan for the workbook harnesses, made once and kept for the life of
 * the process: every section empty but for two items (fewer when the list
 * allows fewer) in each list that people fill, with the ids wb_list_append()
 * gives ("o1", "o2", "p1"...), and the lists made from another section in
 * step with them.  So references to those ids are valid, others not.
 */
const struct wb_plan *fuzz_plan(void);

/*
 * Checks the shape of d, whatever path filled it: each declared value is
 * there and valid UTF-8 (a FIELD_BOOL "" or "1"), no value past the
 * declared ones; each list holds at most extra items more than it may
 * (a fixed list exactly its fixed items, in order), each with a
 * well-formed id that no other item of the list has.
 */
void fuzz_check_wb_shape(const struct wb_data *d, size_t extra);

/*
 * Checks d as a section read from JSON (wb_data_read_json() accepted it):
 * its shape as fuzz_check_wb_shape(d, 0) checks it, every value within
 * its declaration (fuzz_check_valid_text(), but for the boxes), and each
 * reference empty or a well-formed id.
 */
void fuzz_check_wb_data(const struct wb_data *d);

#endif

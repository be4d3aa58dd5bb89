/*
 * account.c: a person's own account: two-factor authentication (TOTP with
 * liboath, QR codes with libqrencode, recovery codes), sessions, password
 * and name, and the instance's setting that requires two-factor of its
 * trainers and administrators.
 *
 * Codes are compared in constant time (sodium_memcmp) against every
 * candidate, so that the time taken tells nothing of which step or which
 * recovery code came close.  A recovery code is stored as the BLAKE2b
 * hash (crypto_generichash, 32 bytes) of its stored form, keyed with 16
 * random bytes of its own: schema.sql says why a fast hash is enough.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>
#include <sqlite3.h>

#include "status.h"
#include "buf.h"
#include "db.h"
#include "auth.h"
#include "cohort.h"
#include "account.h"
#include "sql.h"

#define ACCOUNT_SALT_LEN  16   /* bytes of a recovery code's key */
#define ACCOUNT_HASH_LEN  32   /* bytes of a recovery code's hash */
#define ACCOUNT_QR_QUIET  4    /* modules of white around a QR code */

_Static_assert(ACCOUNT_SALT_LEN >= crypto_generichash_KEYBYTES_MIN,
    "a recovery code's key must be long enough for crypto_generichash");

/* See account.h.  liboath's own start: nothing of it is kept per thread. */
int
account_init(void)
{
	return oath_init() == OATH_OK ? RT_OK : RT_EINVAL;
}

/* See account.h. */
void
account_done(void)
{
	oath_done();
}

/* See account.h. */
int
account_totp_code(const unsigned char key[ACCOUNT_TOTP_KEY_LEN],
    int64_t step, char out[ACCOUNT_TOTP_DIGITS + 1])
{
	assert(key != NULL && out != NULL);
	out[0] = '\0';
	if (step < 0)
		return RT_EINVAL;
	if (oath_totp_generate((const char *)key, ACCOUNT_TOTP_KEY_LEN,
	    (time_t)(step * ACCOUNT_TOTP_STEP), ACCOUNT_TOTP_STEP, 0,
	    ACCOUNT_TOTP_DIGITS, out) != OATH_OK) {
		out[0] = '\0';
		return RT_EINVAL;
	}
	return RT_OK;
}

/*
 * See account.h.  Every step of the window is computed and compared,
 * whether or not an earlier one matched; the newest matching step that is
 * after after_step wins.
 */
int
account_totp_match(const unsigned char key[ACCOUNT_TOTP_KEY_LEN],
    const char *code, time_t now, int64_t after_step, int64_t *step)
{
	char	 want[ACCOUNT_TOTP_DIGITS + 1];
	int64_t	 cur, s, found = -1;
	size_t	 i;

	assert(key != NULL && code != NULL && step != NULL);
	*step = 0;
	if (strlen(code) != ACCOUNT_TOTP_DIGITS)
		return RT_EDENIED;
	for (i = 0; i < ACCOUNT_TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return RT_EDENIED;
	cur = (int64_t)now / ACCOUNT_TOTP_STEP;
	for (s = cur - ACCOUNT_TOTP_WINDOW; s <= cur + ACCOUNT_TOTP_WINDOW;
	    s++) {
		if (account_totp_code(key, s, want) != RT_OK)
			continue;
		if (sodium_memcmp(want, code, ACCOUNT_TOTP_DIGITS) == 0 &&
		    s > after_step)
			found = s;
	}
	sodium_memzero(want, sizeof(want));
	if (found < 0)
		return RT_EDENIED;
	*step = found;
	return RT_OK;
}

/* See account.h.  20 bytes are exactly 32 characters: no padding. */
void
account_totp_base32(const unsigned char key[ACCOUNT_TOTP_KEY_LEN],
    char out[ACCOUNT_TOTP_B32_LEN + 1])
{
	static const char	 alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	uint32_t		 acc = 0;
	int			 bits = 0;
	size_t			 i, n = 0;

	_Static_assert(ACCOUNT_TOTP_KEY_LEN * 8 == ACCOUNT_TOTP_B32_LEN * 5,
	    "a key is a whole number of base32 characters");
	for (i = 0; i < ACCOUNT_TOTP_KEY_LEN; i++) {
		acc = (acc << 8) | key[i];
		bits += 8;
		while (bits >= 5) {
			out[n++] = alphabet[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	out[n] = '\0';
	acc = 0;
}

/*
 * Appends s to b percent-encoded for a URI's path or query: everything but
 * the unreserved characters of RFC 3986 is escaped, '@' included (the apps
 * read it either way).
 */
static int
account_uri_escape(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	int			 rc = RT_OK;

	for (p = (const unsigned char *)s; *p != '\0' && rc == RT_OK; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~')
			rc = buf_append(b, (const char *)p, 1);
		else
			rc = buf_printf(b, "%%%c%c", hex[*p >> 4],
			    hex[*p & 15]);
	}
	return rc;
}

/*
 * See account.h.  The form Google Authenticator documented and every app
 * reads: otpauth://totp/<issuer>:<account>?secret=...&issuer=...&
 * algorithm=SHA1&digits=6&period=30.
 */
int
account_otpauth_uri(const char *issuer, const char *account,
    const char *b32, char *out, size_t outlen)
{
	struct buf	 b = { 0 };
	int		 rc;

	assert(issuer != NULL && account != NULL && b32 != NULL);
	assert(out != NULL && outlen > 0);
	out[0] = '\0';
	rc = buf_puts(&b, "otpauth://totp/");
	if (rc == RT_OK)
		rc = account_uri_escape(&b, issuer);
	if (rc == RT_OK)
		rc = buf_puts(&b, ":");
	if (rc == RT_OK)
		rc = account_uri_escape(&b, account);
	if (rc == RT_OK)
		rc = buf_printf(&b, "?secret=%s&issuer=", b32);
	if (rc == RT_OK)
		rc = account_uri_escape(&b, issuer);
	if (rc == RT_OK)
		rc = buf_printf(&b, "&algorithm=SHA1&digits=%d&period=%d",
		    ACCOUNT_TOTP_DIGITS, ACCOUNT_TOTP_STEP);
	if (rc == RT_OK && b.len >= outlen)
		rc = RT_ETOOBIG;
	if (rc == RT_OK)
		memcpy(out, buf_str(&b), b.len + 1);
	if (b.data != NULL)
		sodium_memzero(b.data, b.cap);
	buf_free(&b);
	return rc;
}

/*
 * See account.h.  Each run of dark modules in a row is one rectangle of
 * the path ("M x y h n v 1 h -n z"), which keeps the path short and
 * leaves no hairline between modules.  libqrencode marks a dark module
 * with bit 0 of its byte.
 */
int
account_qr_path(const char *text, char **path, int *size)
{
	QRcode		*qr;
	struct buf	 b = { 0 };
	int		 x, y, run, w, rc = RT_OK;

	assert(text != NULL && path != NULL && size != NULL);
	*path = NULL;
	*size = 0;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL)
		return RT_ETOOBIG;
	w = qr->width;
	for (y = 0; y < w && rc == RT_OK; y++) {
		for (x = 0; x < w && rc == RT_OK; x += run > 0 ? run : 1) {
			run = 0;
			while (x + run < w && (qr->data[y * w + x + run] & 1))
				run++;
			if (run > 0)
				rc = buf_printf(&b, "%sM%d %dh%dv1h-%dz",
				    b.len > 0 ? " " : "", x + ACCOUNT_QR_QUIET,
				    y + ACCOUNT_QR_QUIET, run, run);
		}
	}
	QRcode_free(qr);
	if (rc == RT_OK && b.data == NULL)
		rc = RT_ENOMEM;      /* a QR code always has dark modules */
	if (rc != RT_OK) {
		buf_free(&b);
		return RT_ENOMEM;
	}
	*path = b.data;
	*size = w + 2 * ACCOUNT_QR_QUIET;
	return RT_OK;
}

/* See account.h.  Lower case is read as upper case. */
int
account_code_normalise(const char *in, char out[ACCOUNT_CODE_LEN + 1])
{
	size_t	 n = 0;
	char	 c;

	assert(in != NULL && out != NULL);
	out[0] = '\0';
	for (; *in != '\0'; in++) {
		c = *in;
		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (n == ACCOUNT_CODE_LEN ||
		    strchr(COHORT_CODE_ALPHABET, c) == NULL) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = c;
	}
	if (n != ACCOUNT_CODE_LEN) {
		out[0] = '\0';
		return 0;
	}
	out[n] = '\0';
	return 1;
}

/* See account.h. */
void
account_code_format(const char *code, account_code out)
{
	assert(code != NULL && strlen(code) == ACCOUNT_CODE_LEN);
	snprintf(out, sizeof(account_code), "%.5s-%.5s", code, code + 5);
}

/* Makes a new recovery code, in its stored form, into out. */
static void
account_code_new(char out[ACCOUNT_CODE_LEN + 1])
{
	static const char	 alphabet[] = COHORT_CODE_ALPHABET;
	size_t			 i;

	for (i = 0; i < ACCOUNT_CODE_LEN; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[ACCOUNT_CODE_LEN] = '\0';
}

/* Writes the hash of the stored code under the key salt. */
static void
account_code_hash(const char *code, const unsigned char *salt,
    unsigned char out[ACCOUNT_HASH_LEN])
{
	crypto_generichash(out, ACCOUNT_HASH_LEN, (const unsigned char *)code,
	    strlen(code), salt, ACCOUNT_SALT_LEN);
}

/*
 * Maps a failed step's status to what this module returns: RT_EBUSY and
 * RT_ESTORAGE stay (the caller may answer "try again"), anything else is
 * RT_EDB.
 */
static int
account_dbstatus(int rc)
{
	return rc == RT_EBUSY || rc == RT_ESTORAGE ? rc : RT_EDB;
}

/*
 * Runs statement id on connection c with the int64 parameters a (and b
 * when nparams is 2) and expects no row.  Returns RT_OK or RT_EDB /
 * RT_EBUSY.
 */
static int
account_exec2(struct db_conn *c, enum db_stmt id, int nparams, int64_t a,
    int64_t b, const char *where)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(c, id)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, a) != SQLITE_OK ||
	    (nparams > 1 && sqlite3_bind_int64(st, 2, b) != SQLITE_OK))
		rc = db_fail(c, where);
	else
		rc = db_step_done(c, st, where);
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : account_dbstatus(rc);
}

/*
 * What a connection reads of a person's two-factor: the key, whether and
 * when it was enabled, the last step used and the recovery codes left.
 */
struct account_totp_row {
	unsigned char key[ACCOUNT_TOTP_KEY_LEN];
	int64_t       enabled_at;   /* 0: a set-up not confirmed yet */
	int64_t       last_step;
	int           codes_left;
};

/*
 * Reads the two-factor row of user_id on c into *out.  Returns RT_OK,
 * RT_ENOTFOUND (no row) or RT_EDB; a key of the wrong length (which the
 * schema forbids) is RT_EDB.
 */
static int
account_totp_row(struct db_conn *c, int64_t user_id,
    struct account_totp_row *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((st = db_stmt(c, DB_STMT_ACCOUNT_TOTP_GET)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK)
		rc = db_fail(c, "bind totp");
	else
		rc = db_step_row(c, st, "get totp");
	if (rc == RT_OK) {
		if (sqlite3_column_bytes(st, 0) != ACCOUNT_TOTP_KEY_LEN)
			rc = RT_EDB;
		else {
			memcpy(out->key, sqlite3_column_blob(st, 0),
			    ACCOUNT_TOTP_KEY_LEN);
			out->enabled_at = sqlite3_column_int64(st, 1);
			out->last_step = sqlite3_column_int64(st, 2);
			out->codes_left = sqlite3_column_int(st, 3);
		}
	}
	db_stmt_release(st);
	if (rc != RT_OK && rc != RT_ENOTFOUND) {
		sodium_memzero(out, sizeof(*out));
		return account_dbstatus(rc);
	}
	return rc;
}

/* See account.h. */
int
account_totp_get(struct dbh *h, int64_t user_id, struct account_totp *out)
{
	struct account_totp_row	 row;
	int			 rc;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	rc = account_totp_row(h->rd, user_id, &row);
	sodium_memzero(row.key, sizeof(row.key));
	if (rc == RT_ENOTFOUND)
		return RT_OK;
	if (rc != RT_OK)
		return rc;
	if (row.enabled_at != 0) {
		out->enabled = 1;
		out->enabled_at = row.enabled_at;
		out->codes_left = row.codes_left;
	}
	return RT_OK;
}

/* See account.h.  Reading and creating are one write transaction. */
int
account_totp_setup(struct dbh *h, int64_t user_id, time_t now,
    unsigned char key[ACCOUNT_TOTP_KEY_LEN])
{
	struct account_totp_row	 row;
	struct db_conn		*w;
	sqlite3_stmt		*st;
	int			 rc;

	assert(h != NULL && h->db != NULL && key != NULL);
	memset(key, 0, ACCOUNT_TOTP_KEY_LEN);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	rc = account_totp_row(w, user_id, &row);
	if (rc == RT_OK && row.enabled_at != 0)
		rc = RT_EEXISTS;
	else if (rc == RT_OK)
		memcpy(key, row.key, ACCOUNT_TOTP_KEY_LEN);
	else if (rc == RT_ENOTFOUND) {
		randombytes_buf(key, ACCOUNT_TOTP_KEY_LEN);
		if ((st = db_stmt(w, DB_STMT_ACCOUNT_TOTP_ADD)) == NULL)
			rc = RT_EDB;
		else if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
		    sqlite3_bind_blob(st, 2, key, ACCOUNT_TOTP_KEY_LEN,
		    SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK)
			rc = db_fail(w, "bind totp add");
		else
			rc = db_step_done(w, st, "totp add");
		db_stmt_release(st);
		if (rc != RT_OK)
			rc = account_dbstatus(rc);
	}
	sodium_memzero(&row, sizeof(row));
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		memset(key, 0, ACCOUNT_TOTP_KEY_LEN);
		return rc;
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		memset(key, 0, ACCOUNT_TOTP_KEY_LEN);
	return rc;
}

/*
 * On the writer w, replaces the recovery codes of user_id by
 * ACCOUNT_CODES new ones, written into codes (stored form).  Returns
 * RT_OK or RT_EDB / RT_EBUSY.
 */
static int
account_codes_write(struct db_conn *w, int64_t user_id, time_t now,
    account_code codes[ACCOUNT_CODES])
{
	unsigned char	 salt[ACCOUNT_SALT_LEN], hash[ACCOUNT_HASH_LEN];
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	if ((rc = account_exec2(w, DB_STMT_ACCOUNT_CODES_DEL, 1, user_id, 0,
	    "delete codes")) != RT_OK)
		return rc;
	for (i = 0; i < ACCOUNT_CODES && rc == RT_OK; i++) {
		account_code_new(codes[i]);
		randombytes_buf(salt, sizeof(salt));
		account_code_hash(codes[i], salt, hash);
		if ((st = db_stmt(w, DB_STMT_ACCOUNT_CODE_ADD)) == NULL)
			return RT_EDB;
		if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
		    sqlite3_bind_blob(st, 2, salt, sizeof(salt),
		    SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_blob(st, 3, hash, sizeof(hash),
		    SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK)
			rc = db_fail(w, "bind code add");
		else
			rc = db_step_done(w, st, "code add");
		db_stmt_release(st);
	}
	return rc == RT_OK ? RT_OK : account_dbstatus(rc);
}

/*
 * On the writer w, looks for the recovery code code (stored form) among
 * the unused codes of user_id, comparing with every one of them, and
 * marks it used at now.  Returns RT_OK, RT_EDENIED (no such unused code)
 * or RT_EDB / RT_EBUSY.
 */
static int
account_code_use(struct db_conn *w, int64_t user_id, const char *code,
    time_t now)
{
	unsigned char	 hash[ACCOUNT_HASH_LEN];
	sqlite3_stmt	*st;
	int64_t		 found = 0;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_ACCOUNT_CODES_UNUSED)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK) {
		db_stmt_release(st);
		return db_fail(w, "bind codes");
	}
	while ((rc = db_step_row(w, st, "codes")) == RT_OK) {
		if (sqlite3_column_bytes(st, 1) != ACCOUNT_SALT_LEN ||
		    sqlite3_column_bytes(st, 2) != ACCOUNT_HASH_LEN)
			continue;
		account_code_hash(code, sqlite3_column_blob(st, 1), hash);
		if (sodium_memcmp(hash, sqlite3_column_blob(st, 2),
		    ACCOUNT_HASH_LEN) == 0)
			found = sqlite3_column_int64(st, 0);
	}
	db_stmt_release(st);
	if (rc != RT_ENOTFOUND)
		return account_dbstatus(rc);
	if (found == 0)
		return RT_EDENIED;
	return account_exec2(w, DB_STMT_ACCOUNT_CODE_USE, 2, found,
	    (int64_t)now, "use code");
}

/*
 * Copies code into out (outlen bytes) without its spaces and tabs: a code
 * of the app as the app shows it ("123 456") or as it is read out.
 * Returns 1, or 0 when what is left does not fit.
 */
static int
account_code_digits(const char *code, char *out, size_t outlen)
{
	size_t	 n = 0;

	for (; *code != '\0'; code++) {
		if (*code == ' ' || *code == '\t')
			continue;
		if (n + 1 >= outlen)
			return 0;
		out[n++] = *code;
	}
	out[n] = '\0';
	return 1;
}

/*
 * On the writer w, checks code for the enabled two-factor of user_id: a
 * 6-digit code of the app (whose step is then marked used) or a recovery
 * code (then marked used).  Sets *recovery accordingly.  Returns RT_OK,
 * RT_EDENIED, RT_ENOTFOUND (two-factor is off) or RT_EDB / RT_EBUSY.
 */
static int
account_code_check(struct db_conn *w, int64_t user_id, const char *code,
    time_t now, int *recovery)
{
	struct account_totp_row	 row;
	char			 digits[16], rcode[ACCOUNT_CODE_LEN + 1];
	int64_t			 step;
	int			 rc;

	*recovery = 0;
	if ((rc = account_totp_row(w, user_id, &row)) != RT_OK)
		return rc;
	if (row.enabled_at == 0) {
		rc = RT_ENOTFOUND;
		goto out;
	}
	/* "123 456" is read as the app shows it; anything else may be a recovery code. */
	if (account_code_digits(code, digits, sizeof(digits)) &&
	    account_totp_match(row.key, digits, now, row.last_step, &step) ==
	    RT_OK)
		rc = account_exec2(w, DB_STMT_ACCOUNT_TOTP_STEP, 2, user_id,
		    step, "totp step");
	else if (account_code_normalise(code, rcode)) {
		if ((rc = account_code_use(w, user_id, rcode, now)) == RT_OK)
			*recovery = 1;
	} else
		rc = RT_EDENIED;
out:
	sodium_memzero(&row, sizeof(row));
	sodium_memzero(digits, sizeof(digits));
	sodium_memzero(rcode, sizeof(rcode));
	return rc;
}

/* The throttling key of the codes of user_id. */
static void
account_throttle_key(int64_t user_id, char out[32])
{
	snprintf(out, 32, "totp:%lld", (long long)user_id);
}

/*
 * Records the outcome of a code checked for user_id: a failure (rc
 * RT_EDENIED) is counted, a success forgets the earlier failures.  Other
 * outcomes write nothing.  Returns rc, or the status of the write when it
 * failed.
 */
static int
account_throttle_after(struct dbh *h, int64_t user_id, const char *addr,
    time_t now, int rc)
{
	char	 key[32];
	int	 wrc;

	if (rc != RT_OK && rc != RT_EDENIED)
		return rc;
	account_throttle_key(user_id, key);
	wrc = auth_throttle_record(h, rc == RT_OK, key, addr, now);
	return wrc == RT_OK ? rc : wrc;
}

/* Checks the throttling of user_id's codes from addr. */
static int
account_throttle(struct auth *a, struct dbh *h, int64_t user_id,
    const char *addr, time_t now)
{
	char	 key[32];

	account_throttle_key(user_id, key);
	return auth_throttle_check(a, h, key, addr, now);
}

/* See account.h. */
int
account_totp_enable(struct auth *a, struct dbh *h, int64_t user_id,
    int64_t keep_session, const char *code, const char *addr, time_t now,
    account_code codes[ACCOUNT_CODES])
{
	struct account_totp_row	 row;
	struct db_conn		*w;
	sqlite3_stmt		*st;
	char			 digits[16];
	int64_t			 step;
	int			 rc;

	assert(a != NULL && h != NULL && code != NULL && codes != NULL);
	memset(codes, 0, sizeof(account_code) * ACCOUNT_CODES);
	if ((rc = account_throttle(a, h, user_id, addr, now)) != RT_OK)
		return rc;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	rc = account_totp_row(w, user_id, &row);
	if (rc == RT_OK && row.enabled_at != 0)
		rc = RT_EEXISTS;
	/* The code as the app shows it, "123 456", as at the login. */
	if (rc == RT_OK)
		rc = account_code_digits(code, digits, sizeof(digits)) ?
		    account_totp_match(row.key, digits, now, 0, &step) :
		    RT_EDENIED;
	sodium_memzero(&row, sizeof(row));
	sodium_memzero(digits, sizeof(digits));
	if (rc == RT_OK) {
		if ((st = db_stmt(w, DB_STMT_ACCOUNT_TOTP_ENABLE)) == NULL)
			rc = RT_EDB;
		else if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 2, (int64_t)now) != SQLITE_OK ||
		    sqlite3_bind_int64(st, 3, step) != SQLITE_OK)
			rc = db_fail(w, "bind totp enable");
		else
			rc = db_step_done(w, st, "totp enable");
		db_stmt_release(st);
		if (rc != RT_OK)
			rc = account_dbstatus(rc);
	}
	if (rc == RT_OK)
		rc = account_codes_write(w, user_id, now, codes);
	if (rc == RT_OK)
		rc = account_exec2(w, DB_STMT_ACCOUNT_SESSIONS_DEL, 2, user_id,
		    keep_session, "end other sessions");
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		memset(codes, 0, sizeof(account_code) * ACCOUNT_CODES);
		return account_throttle_after(h, user_id, addr, now, rc);
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK) {
		memset(codes, 0, sizeof(account_code) * ACCOUNT_CODES);
		return rc;
	}
	return account_throttle_after(h, user_id, addr, now, RT_OK);
}

/*
 * On the writer w, deletes the two-factor of user_id and its recovery
 * codes.  Returns RT_OK, RT_ENOTFOUND (there was none) or RT_EDB.
 */
static int
account_totp_delete(struct db_conn *w, int64_t user_id)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_ACCOUNT_TOTP_DEL)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK)
		rc = db_fail(w, "bind totp delete");
	else
		rc = db_step_row(w, st, "totp delete");
	db_stmt_release(st);
	if (rc != RT_OK && rc != RT_ENOTFOUND)
		return account_dbstatus(rc);
	if (rc == RT_OK)
		rc = account_exec2(w, DB_STMT_ACCOUNT_CODES_DEL, 1, user_id, 0,
		    "delete codes");
	return rc;
}

/* See account.h. */
int
account_totp_disable(struct auth *a, struct dbh *h, int64_t user_id,
    const char *code, const char *addr, time_t now)
{
	struct db_conn	*w;
	int		 rc, recovery;

	assert(a != NULL && h != NULL && code != NULL);
	if ((rc = account_throttle(a, h, user_id, addr, now)) != RT_OK)
		return rc;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	rc = account_code_check(w, user_id, code, now, &recovery);
	if (rc == RT_OK)
		rc = account_totp_delete(w, user_id);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return account_throttle_after(h, user_id, addr, now, rc);
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		return rc;
	return account_throttle_after(h, user_id, addr, now, RT_OK);
}

/* See account.h. */
int
account_totp_remove(struct dbh *h, int64_t user_id)
{
	struct db_conn	*w;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	rc = account_totp_delete(w, user_id);
	if (rc == RT_OK)
		rc = account_exec2(w, DB_STMT_ACCOUNT_SESSIONS_DEL, 2, user_id,
		    0, "end sessions");
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return rc;
	}
	return db_write_commit(h->db, w);
}

/* See account.h. */
int
account_codes_renew(struct dbh *h, int64_t user_id, time_t now,
    account_code codes[ACCOUNT_CODES])
{
	struct account_totp_row	 row;
	struct db_conn		*w;
	int			 rc;

	assert(h != NULL && h->db != NULL && codes != NULL);
	memset(codes, 0, sizeof(account_code) * ACCOUNT_CODES);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	rc = account_totp_row(w, user_id, &row);
	if (rc == RT_OK && row.enabled_at == 0)
		rc = RT_ENOTFOUND;
	sodium_memzero(&row, sizeof(row));
	if (rc == RT_OK)
		rc = account_codes_write(w, user_id, now, codes);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		memset(codes, 0, sizeof(account_code) * ACCOUNT_CODES);
		return rc;
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		memset(codes, 0, sizeof(account_code) * ACCOUNT_CODES);
	return rc;
}

/* See account.h. */
int
account_session_state(struct dbh *h, int64_t session_id, int64_t user_id,
    struct account_state *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && out != NULL);
	memset(out, 0, sizeof(*out));
	if ((st = db_stmt(h->rd, DB_STMT_ACCOUNT_STATE)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, session_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(h->rd, "bind state");
	else
		rc = db_step_row(h->rd, st, "session state");
	if (rc == RT_OK) {
		out->pending = sqlite3_column_int(st, 0) != 0;
		out->totp = sqlite3_column_int(st, 1) != 0;
		out->require_staff = sqlite3_column_int(st, 2) != 0;
	}
	db_stmt_release(st);
	if (rc != RT_OK) {
		memset(out, 0, sizeof(*out));
		return account_dbstatus(rc);
	}
	return RT_OK;
}

/*
 * On the writer w, inserts a session of user_id with a new token (written
 * into token) and CSRF token, and its session_info row: agent and addr
 * when copy_from is 0, else those of session copy_from.  Returns RT_OK or
 * RT_EDB / RT_EBUSY.
 */
static int
account_session_insert(struct db_conn *w, int64_t user_id, int pending,
    const char *agent, const char *addr, int64_t copy_from, time_t now,
    char token[AUTH_TOKEN_LEN + 1])
{
	unsigned char	 th[DB_TOKEN_HASH_LEN];
	char		 csrf[AUTH_TOKEN_LEN + 1];
	sqlite3_stmt	*st;
	int64_t		 id = 0;
	int		 rc;

	db_token_new(token, th);
	auth_token_new(csrf);
	if ((st = db_stmt(w, DB_STMT_ACCOUNT_SESSION_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_blob(st, 1, th, sizeof(th), SQLITE_STATIC) !=
	    SQLITE_OK || sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, csrf, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 4, (int64_t)now) != SQLITE_OK)
		rc = db_fail(w, "bind session add");
	else if ((rc = db_step_row(w, st, "session add")) == RT_OK)
		id = sqlite3_column_int64(st, 0);
	db_stmt_release(st);
	sodium_memzero(csrf, sizeof(csrf));
	if (rc != RT_OK)
		return account_dbstatus(rc);
	if (copy_from != 0)
		return account_exec2(w, DB_STMT_ACCOUNT_INFO_COPY, 2, id,
		    copy_from, "copy session info");
	if ((st = db_stmt(w, DB_STMT_ACCOUNT_INFO_ADD)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, agent != NULL ? agent : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, addr != NULL ? addr : "", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_int(st, 4, pending ? 1 : 0) != SQLITE_OK)
		rc = db_fail(w, "bind session info");
	else
		rc = db_step_done(w, st, "session info");
	db_stmt_release(st);
	return rc == RT_OK ? RT_OK : account_dbstatus(rc);
}

/*
 * On the writer w, deletes session_id when it is one of user_id's.
 * Returns RT_OK, RT_ENOTFOUND or RT_EDB / RT_EBUSY.
 */
static int
account_session_del(struct db_conn *w, int64_t user_id, int64_t session_id)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_stmt(w, DB_STMT_ACCOUNT_SESSION_DEL)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_int64(st, 1, session_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(w, "bind end session");
	else
		rc = db_step_row(w, st, "end session");
	db_stmt_release(st);
	if (rc != RT_OK && rc != RT_ENOTFOUND)
		return account_dbstatus(rc);
	return rc;
}

/*
 * See account.h.  An agent or address longer than the schema allows is
 * cut (at a byte: both are ASCII as this program makes them).
 */
int
account_session_start(struct auth *a, struct dbh *h, int64_t user_id,
    int pending, const char *agent, const char *addr, time_t now,
    char token[AUTH_TOKEN_LEN + 1])
{
	struct db_conn	*w;
	char		 ag[ACCOUNT_AGENT_MAX + 1], ad[ACCOUNT_ADDR_MAX + 1];
	int		 rc;

	assert(a != NULL && h != NULL && h->db != NULL && token != NULL);
	token[0] = '\0';
	snprintf(ag, sizeof(ag), "%s", agent != NULL ? agent : "");
	snprintf(ad, sizeof(ad), "%s", addr != NULL ? addr : "");
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = auth_sessions_prune_in(a, w, now)) != RT_OK ||
	    (rc = account_session_insert(w, user_id, pending, ag, ad, 0, now,
	    token)) != RT_OK) {
		db_write_rollback(h->db, w);
		token[0] = '\0';
		return rc;
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK)
		token[0] = '\0';
	return rc;
}

/* See account.h. */
int
account_second_factor(struct auth *a, struct dbh *h, int64_t session_id,
    int64_t user_id, const char *code, const char *addr, time_t now,
    char token[AUTH_TOKEN_LEN + 1], int *recovery, int *codes_left)
{
	struct account_totp_row	 row;
	struct db_conn		*w;
	sqlite3_stmt		*st;
	int			 rc;

	assert(a != NULL && h != NULL && code != NULL && token != NULL);
	assert(recovery != NULL && codes_left != NULL);
	token[0] = '\0';
	*recovery = 0;
	*codes_left = 0;
	if ((rc = account_throttle(a, h, user_id, addr, now)) != RT_OK)
		return rc;
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_ACCOUNT_PENDING)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, session_id) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 2, user_id) != SQLITE_OK)
		rc = db_fail(w, "bind pending");
	else
		rc = db_step_row(w, st, "pending session");
	db_stmt_release(st);
	if (rc == RT_OK)
		rc = account_code_check(w, user_id, code, now, recovery);
	if (rc == RT_OK)
		rc = account_session_insert(w, user_id, 0, NULL, NULL,
		    session_id, now, token);
	if (rc == RT_OK)
		rc = account_session_del(w, user_id, session_id);
	if (rc == RT_OK && (rc = account_totp_row(w, user_id, &row)) ==
	    RT_OK)
		*codes_left = row.codes_left;
	sodium_memzero(&row, sizeof(row));
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		token[0] = '\0';
		*recovery = 0;
		*codes_left = 0;
		return account_throttle_after(h, user_id, addr, now, rc);
	}
	if ((rc = db_write_commit(h->db, w)) != RT_OK) {
		token[0] = '\0';
		return rc;
	}
	return account_throttle_after(h, user_id, addr, now, RT_OK);
}

/* Fills the account_session e from a row of DB_STMT_ACCOUNT_SESSIONS. */
static void
account_session_fill(sqlite3_stmt *st, void *e)
{
	struct account_session *s = e;

	s->id = sqlite3_column_int64(st, 0);
	s->created = sqlite3_column_int64(st, 1);
	s->last_seen = sqlite3_column_int64(st, 2);
	db_column_copy(st, 3, s->agent, sizeof(s->agent));
	db_column_copy(st, 4, s->addr, sizeof(s->addr));
	s->pending = sqlite3_column_int(st, 5) != 0;
}

/* See account.h. */
int
account_sessions(struct auth *a, struct dbh *h, int64_t user_id,
    time_t now, struct account_session **out, size_t *n)
{
	int64_t	 args[3];
	long	 idle, max;
	void	*v;
	int	 rc;

	assert(a != NULL && h != NULL && h->rd != NULL);
	assert(out != NULL && n != NULL);
	auth_session_limits(a, &idle, &max);
	args[0] = user_id;
	args[1] = (int64_t)now - idle;
	args[2] = (int64_t)now - max;
	rc = db_rows(h->rd, DB_STMT_ACCOUNT_SESSIONS, args, 3, "sessions",
	    sizeof(**out), account_session_fill, &v, n);
	*out = v;
	return rc;
}

/* See account.h. */
int
account_session_end(struct dbh *h, int64_t user_id, int64_t session_id)
{
	struct db_conn	*w;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((rc = account_session_del(w, user_id, session_id)) != RT_OK) {
		db_write_rollback(h->db, w);
		return rc;
	}
	return db_write_commit(h->db, w);
}

/*
 * Runs statement id with the int64 user_id and a second parameter v (an
 * int64 when text is NULL, else text) in a write transaction of its own.
 * Returns RT_OK or RT_EDB.
 */
static int
account_write(struct dbh *h, enum db_stmt id, int64_t user_id, int64_t v,
    const char *text, const char *where)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, id)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    (text != NULL ? sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC) :
	    sqlite3_bind_int64(st, 2, v)) != SQLITE_OK)
		rc = db_fail(w, where);
	else
		rc = db_step_done(w, st, where);
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return account_dbstatus(rc);
	}
	return db_write_commit(h->db, w);
}

/* See account.h. */
int
account_sessions_end_others(struct dbh *h, int64_t user_id, int64_t keep)
{
	assert(h != NULL && h->db != NULL);
	return account_write(h, DB_STMT_ACCOUNT_SESSIONS_DEL, user_id, keep,
	    NULL, "end other sessions");
}

/* See account.h. */
int
account_password_set(struct dbh *h, int64_t user_id, int64_t keep,
    const char *pwhash, time_t now)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL && pwhash != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_ACCOUNT_PWHASH_SET)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_int64(st, 1, user_id) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, pwhash, -1, SQLITE_STATIC) != SQLITE_OK)
		rc = db_fail(w, "bind password");
	else
		rc = db_step_done(w, st, "set password");
	db_stmt_release(st);
	if (rc == RT_OK)
		rc = account_exec2(w, DB_STMT_ACCOUNT_SESSIONS_DEL, 2, user_id,
		    keep, "end other sessions");
	/*
	 * A reset link handed out before, by an administrator or to someone
	 * who asked for it in the person's name, would otherwise still set
	 * another password after this one.
	 */
	if (rc == RT_OK)
		rc = account_exec2(w, DB_STMT_ADMIN_RESETS_END, 2, user_id,
		    (int64_t)now, "end reset links");
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return account_dbstatus(rc);
	}
	return db_write_commit(h->db, w);
}

/* See account.h. */
int
account_name_set(struct dbh *h, int64_t user_id, const char *name)
{
	assert(h != NULL && h->db != NULL && name != NULL);
	return account_write(h, DB_STMT_ACCOUNT_NAME_SET, user_id, 0, name,
	    "set name");
}

/* See account.h.  No row is the default: not required. */
int
account_require_2fa(struct dbh *h, int *on)
{
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->rd != NULL && on != NULL);
	*on = 0;
	if ((st = db_stmt(h->rd, DB_STMT_ACCOUNT_SETTING_GET)) == NULL)
		return RT_EDB;
	if (sqlite3_bind_text(st, 1, "require_2fa_staff", -1, SQLITE_STATIC) !=
	    SQLITE_OK)
		rc = db_fail(h->rd, "bind setting");
	else
		rc = db_step_row(h->rd, st, "setting");
	if (rc == RT_OK) {
		const unsigned char *v = sqlite3_column_text(st, 0);

		*on = v != NULL && strcmp((const char *)v, "1") == 0;
	}
	db_stmt_release(st);
	if (rc == RT_ENOTFOUND)
		return RT_OK;
	return rc == RT_OK ? RT_OK : account_dbstatus(rc);
}

/* See account.h.  by_user 0 is stored as NULL. */
int
account_require_2fa_set(struct dbh *h, int on, int64_t by_user, time_t now)
{
	struct db_conn	*w;
	sqlite3_stmt	*st;
	int		 rc;

	assert(h != NULL && h->db != NULL);
	if ((rc = db_write_begin(h->db, &w)) != RT_OK)
		return rc;
	if ((st = db_stmt(w, DB_STMT_ACCOUNT_SETTING_PUT)) == NULL)
		rc = RT_EDB;
	else if (sqlite3_bind_text(st, 1, "require_2fa_staff", -1,
	    SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, on ? "1" : "0", -1, SQLITE_STATIC) !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(st, 3, (int64_t)now) != SQLITE_OK ||
	    (by_user != 0 ? sqlite3_bind_int64(st, 4, by_user) :
	    sqlite3_bind_null(st, 4)) != SQLITE_OK)
		rc = db_fail(w, "bind setting put");
	else
		rc = db_step_done(w, st, "setting put");
	db_stmt_release(st);
	if (rc != RT_OK) {
		db_write_rollback(h->db, w);
		return account_dbstatus(rc);
	}
	return db_write_commit(h->db, w);
}

/* A name to write when a User-Agent holds a marker. */
struct account_agent_rule {
	const char *marker;
	const char *name;
};

/*
 * The browsers, in the order to test them: Edge and Opera say "Chrome"
 * too, and Chrome says "Safari".
 */
static const struct account_agent_rule account_browsers[] = {
	{ "Edg/", "Edge" }, { "EdgA/", "Edge" }, { "EdgiOS/", "Edge" },
	{ "OPR/", "Opera" }, { "SamsungBrowser/", "Samsung Internet" },
	{ "Firefox/", "Firefox" }, { "FxiOS/", "Firefox" },
	{ "CriOS/", "Chrome" }, { "Chromium/", "Chromium" },
	{ "Chrome/", "Chrome" }, { "Safari/", "Safari" },
	{ "curl/", "curl" }, { "Wget/", "Wget" },
	{ NULL, NULL }
};

/* The systems, in the same spirit: Android says "Linux". */
static const struct account_agent_rule account_systems[] = {
	{ "Android", "Android" }, { "iPhone", "iPhone" }, { "iPad", "iPad" },
	{ "CrOS", "ChromeOS" }, { "Windows", "Windows" },
	{ "Macintosh", "macOS" }, { "Mac OS X", "macOS" },
	{ "Linux", "Linux" }, { "BSD", "BSD" },
	{ NULL, NULL }
};

/* Returns the name of the first rule whose marker ua holds, or "". */
static const char *
account_agent_find(const char *ua, const struct account_agent_rule *rules)
{
	size_t	 i;

	for (i = 0; rules[i].marker != NULL; i++)
		if (strstr(ua, rules[i].marker) != NULL)
			return rules[i].name;
	return "";
}

/* See account.h.  The header is only searched, never copied. */
void
account_agent_summary(const char *ua, char out[ACCOUNT_AGENT_MAX + 1])
{
	assert(out != NULL);
	if (ua == NULL)
		ua = "";
	snprintf(out, ACCOUNT_AGENT_MAX + 1, "%s/%s",
	    account_agent_find(ua, account_browsers),
	    account_agent_find(ua, account_systems));
}

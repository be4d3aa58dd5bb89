-- schema.sql: the database of reseauter, schema version 1.
--
-- This file is the only description of the schema.  lib/db.c runs it, in one
-- transaction, on an empty database; a database made by an older program is
-- brought up to date by the migration steps compiled into lib/db.c, and a
-- database whose version is newer than the program's is refused.  The
-- version is PRAGMA user_version, set by the last line of this file: when
-- the schema changes, this file shows the new complete schema, the version
-- below goes up by one, and lib/db.c gets one migration step from the old
-- version.
--
-- It must not hold BEGIN or COMMIT (lib/db.c wraps it) nor pragmas that
-- cannot run inside a transaction (journal_mode is set by lib/db.c).  The
-- same text also works by hand: `sqlite3 new.db < schema.sql`.
--
-- Conventions: timestamps are unix seconds (INTEGER); every child row goes
-- away with its parent (ON DELETE CASCADE), except the "who did it" columns,
-- which only forget the person (ON DELETE SET NULL).  Lengths are in
-- characters (SQLite's length() of TEXT) and mirror the limits of lib/*.h;
-- they are a last line of defence, the forms check first.

-- A person with an account.  The e-mail is unique whatever its case.
CREATE TABLE users (
	id         INTEGER PRIMARY KEY,
	email      TEXT NOT NULL UNIQUE COLLATE NOCASE
	           CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
	name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	pwhash     TEXT NOT NULL CHECK (pwhash LIKE '$argon2%'),
	lang       TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'fr', 'en')),
	created_at INTEGER NOT NULL
);

-- A community organisation: the unit that owns a plan.
CREATE TABLE orgs (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
	created_at INTEGER NOT NULL,
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL
);

-- Who belongs to which organisation, and as what.
CREATE TABLE memberships (
	org_id     INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role IN ('owner', 'member')),
	created_at INTEGER NOT NULL,
	PRIMARY KEY (org_id, user_id)
) WITHOUT ROWID;
CREATE INDEX memberships_user ON memberships(user_id);

-- A login.  The cookie's token is never stored: only its BLAKE2b hash
-- (crypto_generichash, 32 bytes).  The CSRF token is the one every form of
-- the session carries.
CREATE TABLE sessions (
	id         INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL CHECK (length(csrf) = 43),
	created_at INTEGER NOT NULL,
	last_seen  INTEGER NOT NULL CHECK (last_seen >= created_at)
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_last_seen ON sessions(last_seen);
CREATE INDEX sessions_created ON sessions(created_at);

-- A one-time link to join an organisation; only the token's hash is kept.
CREATE TABLE invitations (
	id         INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	org_id     INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
	used_at    INTEGER,
	used_by    INTEGER REFERENCES users(id) ON DELETE SET NULL,
	revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
	CHECK (used_by IS NULL OR used_at IS NOT NULL)
);
CREATE INDEX invitations_org ON invitations(org_id);

-- Failed logins of the last 15 minutes, for throttling; older rows are
-- deleted as new ones come.
CREATE TABLE login_failures (
	email      TEXT NOT NULL COLLATE NOCASE,
	addr       TEXT NOT NULL,
	at         INTEGER NOT NULL
);
CREATE INDEX login_failures_email ON login_failures(email, at);
CREATE INDEX login_failures_addr ON login_failures(addr, at);
CREATE INDEX login_failures_at ON login_failures(at);

-- The version of each section of each plan ('mission', 'objectives'...):
-- a save names the version it started from.  No row means version 0, never
-- saved.
CREATE TABLE plan_sections (
	org_id     INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	section    TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 32),
	version    INTEGER NOT NULL CHECK (version >= 1),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	PRIMARY KEY (org_id, section)
) WITHOUT ROWID;

-- Section 'mission': the three sentences that open the workbook.
CREATE TABLE plan_mission (
	org_id     INTEGER PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
	mission    TEXT NOT NULL DEFAULT '' CHECK (length(mission) <= 4000),
	means      TEXT NOT NULL DEFAULT '' CHECK (length(means) <= 4000),
	strategy   TEXT NOT NULL DEFAULT '' CHECK (length(strategy) <= 4000)
);

-- Section 'objectives': up to three, at positions 1, 2, 3.  kind is a key
-- of plan_objective_kind_keys (lib/plan.c), NULL when not chosen; due is
-- '' or a real calendar day as YYYY-MM-DD (the round trip through
-- julianday() turns 2023-02-29 into 2023-03-01, so the check refuses it).
CREATE TABLE plan_objectives (
	org_id     INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
	text       TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 4000),
	kind       TEXT CHECK (kind IS NULL OR length(kind) BETWEEN 1 AND 32),
	serves     TEXT NOT NULL DEFAULT '' CHECK (length(serves) <= 4000),
	indicator  TEXT NOT NULL DEFAULT '' CHECK (length(indicator) <= 4000),
	target     TEXT NOT NULL DEFAULT '' CHECK (length(target) <= 4000),
	due        TEXT NOT NULL DEFAULT ''
	           CHECK (due = '' OR date(julianday(due)) IS due),
	PRIMARY KEY (org_id, position)
) WITHOUT ROWID;

PRAGMA user_version = 1;

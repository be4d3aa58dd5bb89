-- schema.sql: the database of reseauter, schema version 6.
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

-- The accounts made by sign-up in the last hour, for throttling: the
-- client address each came from and when; older rows are deleted as new
-- ones come.  Only accounts made count, not refused forms.
CREATE TABLE signups (
	addr TEXT NOT NULL CHECK (length(addr) <= 64),
	at   INTEGER NOT NULL
);
CREATE INDEX signups_addr ON signups(addr, at);
CREATE INDEX signups_at ON signups(at);

-- The sections of each plan, one row per section ever saved: the section's
-- content as one JSON document (lib/workbook.h gives its form,
-- wb_data_write_json() writes it) and its version, which goes up by one at
-- each save; a save names the version it started from.  section is the
-- section's slug ('mission', 'objectives'... wb_sections[] in
-- lib/workbook.c).  No row means version 0, never saved, empty.  An
-- ordinary rowid table rather than WITHOUT ROWID: a document can weigh tens
-- of kilobytes, and SQLite advises rowid tables for rows that large.
CREATE TABLE plan_sections (
	org_id     INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	section    TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 32),
	version    INTEGER NOT NULL CHECK (version >= 1),
	data       TEXT NOT NULL CHECK (json_valid(data)),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	PRIMARY KEY (org_id, section)
);

-- Every version of every section, as saved: the whole document, who saved
-- it and when.  The row of version N is written in the same transaction as
-- plan_sections' version N, so the newest revision of a section is always
-- its current content.  restored_from is the version whose content a
-- restore brought back (0 for an ordinary save).  The UNIQUE index serves
-- the history page (newest first) and the loading of one version.
CREATE TABLE plan_revisions (
	id            INTEGER PRIMARY KEY,
	org_id        INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	section       TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 32),
	version       INTEGER NOT NULL CHECK (version >= 1),
	data          TEXT NOT NULL CHECK (json_valid(data)),
	user_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at    INTEGER NOT NULL,
	restored_from INTEGER NOT NULL DEFAULT 0
	              CHECK (restored_from >= 0 AND restored_from < version),
	UNIQUE (org_id, section, version)
);
-- Forgetting a deleted person (ON DELETE SET NULL) looks up their revisions.
CREATE INDEX plan_revisions_user ON plan_revisions(user_id);

-- The standing of each plan, recomputed (lib/coach.h) by every save of any
-- of its sections: one row per organisation, so that a list of many plans
-- reads it in one query without loading a single document, e.g.
--   SELECT o.id, o.name, s.overall, s.pitfalls, s.percents
--   FROM orgs o LEFT JOIN plan_standing s ON s.org_id = o.id
-- which for 500 organisations is one scan of orgs and 500 primary-key
-- lookups, with no JSON parsed by SQLite.  overall and
-- pitfalls are columns, so a dashboard can sort and filter on them in SQL;
-- percents holds the completion of every section as one JSON object keyed
-- by slug ({"start": 40, "accounts": 0, ...}, every value 0..100), read
-- with the row (or in SQL with json_extract(percents, '$.mission')).  Keyed
-- by slug rather than by position, so a section added later reads as 0 in
-- older rows.  No row: a plan never saved, or one migrated from version 1
-- and not saved since (the migration cannot run the coach, which is C);
-- plan_standing() in lib/plan.c then computes it from the sections.  The
-- plan page (plan_load_view() in lib/plan.c) shows a row as it is unless
-- a section was saved after it or it lacks a section of the program, and
-- computes the standing from the sections then.  So a migration that
-- rewrites documents, or a release that changes how the coach counts,
-- deletes the rows (DELETE FROM plan_standing): each plan's standing is
-- then computed from its sections until its next save stores it again.
CREATE TABLE plan_standing (
	org_id     INTEGER PRIMARY KEY REFERENCES orgs(id) ON DELETE CASCADE,
	overall    INTEGER NOT NULL CHECK (overall BETWEEN 0 AND 100),
	pitfalls   INTEGER NOT NULL CHECK (pitfalls >= 0),
	percents   TEXT NOT NULL CHECK (json_valid(percents)),
	updated_at INTEGER NOT NULL
);

-- A read-only link to an organisation's summary, for people without an
-- account (a board, a funder): whoever holds /s/<token> reads the plan and
-- its downloads, nothing else.  As for invitations, only the token's hash
-- is kept, so the link is shown once, when it is made.  label is a note of
-- the members' own ("for the board"), '' when none.  expires_at is the
-- first second the link no longer works (NULL: until revoked); revoked_at
-- is when a member withdrew it (NULL: never); a link past either is gone
-- for good.  last_access_at is the last time someone opened it, written at
-- most once a minute.
CREATE TABLE share_links (
	id             INTEGER PRIMARY KEY,
	org_id         INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	token_hash     BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	label          TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 100),
	created_by     INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at     INTEGER NOT NULL,
	expires_at     INTEGER CHECK (expires_at > created_at),
	revoked_at     INTEGER,
	last_access_at INTEGER
);
CREATE INDEX share_links_org ON share_links(org_id);
-- Forgetting a deleted person (ON DELETE SET NULL) looks up their links.
CREATE INDEX share_links_user ON share_links(created_by);

-- The roles a person holds across the whole instance, beside their
-- memberships: 'admin' runs the instance (accounts, roles, backups, but
-- not the plans), 'trainer' runs cohorts and reads the plans of the
-- organisations that joined them.  No row: neither.  granted_by is NULL
-- when the command-line tool (reseauter-admin) granted it.
CREATE TABLE user_roles (
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	role       TEXT NOT NULL CHECK (role IN ('admin', 'trainer')),
	granted_at INTEGER NOT NULL,
	granted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
-- Forgetting a deleted person (ON DELETE SET NULL) looks up their grants.
CREATE INDEX user_roles_granted_by ON user_roles(granted_by);

-- A one-time link to choose a new password, made by an administrator or
-- by reseauter-admin for a person who lost theirs.  As for invitations,
-- only the token's hash is kept.  created_by is NULL when the command-line
-- tool made it.  Using it sets used_at and ends every session of the user.
CREATE TABLE password_resets (
	id         INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL CHECK (expires_at > created_at),
	used_at    INTEGER
);
CREATE INDEX password_resets_user ON password_resets(user_id);
CREATE INDEX password_resets_creator ON password_resets(created_by);

-- A cohort: the groups of one workshop or series, followed by its
-- trainers.  join_code is what an owner types to join it: 8 characters of
-- an alphabet without look-alikes (lib/cohort.h), stored without the
-- hyphen shown in the middle.  starts_on and ends_on are ISO dates
-- (YYYY-MM-DD) or '' when not given.  state: 'open' takes new
-- organisations, 'closed' takes none, 'archived' is closed and kept out of
-- the trainers' list of current cohorts; its trainers still read it.
CREATE TABLE cohorts (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
	starts_on  TEXT NOT NULL DEFAULT ''
	           CHECK (starts_on = '' OR date(starts_on) IS starts_on),
	ends_on    TEXT NOT NULL DEFAULT ''
	           CHECK (ends_on = '' OR date(ends_on) IS ends_on),
	notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
	join_code  TEXT NOT NULL UNIQUE CHECK (length(join_code) = 8),
	state      TEXT NOT NULL DEFAULT 'open'
	           CHECK (state IN ('open', 'closed', 'archived')),
	created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX cohorts_creator ON cohorts(created_by);

-- The trainers of each cohort: whoever made it, and the co-facilitators
-- they added.  A trainer reads the plans of a cohort only while they also
-- hold the 'trainer' role of user_roles.
CREATE TABLE cohort_trainers (
	cohort_id INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
	user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	added_at  INTEGER NOT NULL,
	PRIMARY KEY (cohort_id, user_id)
) WITHOUT ROWID;
CREATE INDEX cohort_trainers_user ON cohort_trainers(user_id);

-- The organisations in each cohort.  An owner's joining writes the row,
-- leaving deletes it: from then on the cohort's trainers no longer read
-- the plan.  demo is 1 for the demonstration organisation a trainer filled
-- with the workbook's example, left out of the debrief's figures.
CREATE TABLE cohort_orgs (
	cohort_id INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
	org_id    INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	joined_at INTEGER NOT NULL,
	joined_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	demo      INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	PRIMARY KEY (cohort_id, org_id)
) WITHOUT ROWID;
CREATE INDEX cohort_orgs_org ON cohort_orgs(org_id);
CREATE INDEX cohort_orgs_user ON cohort_orgs(joined_by);

-- Comments on a section of a plan, in threads: a row with thread_id NULL
-- opens a thread, the replies point at it.  by_trainer says on which side
-- the author wrote (a trainer reading the plan, or a member of the
-- organisation), kept even when the account is gone.  resolved_at and
-- resolved_by are set on the opening row only, when a member (or the
-- trainer) marks the thread resolved; reopening clears them.
CREATE TABLE comments (
	id          INTEGER PRIMARY KEY,
	org_id      INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	section     TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 32),
	thread_id   INTEGER REFERENCES comments(id) ON DELETE CASCADE,
	user_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
	by_trainer  INTEGER NOT NULL CHECK (by_trainer IN (0, 1)),
	body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	created_at  INTEGER NOT NULL,
	resolved_at INTEGER,
	resolved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	CHECK (thread_id IS NULL OR resolved_at IS NULL)
);
CREATE INDEX comments_org ON comments(org_id, section, created_at);
CREATE INDEX comments_thread ON comments(thread_id);
CREATE INDEX comments_user ON comments(user_id);
CREATE INDEX comments_resolver ON comments(resolved_by);

-- When each trainer last read each plan, to show what changed since.  A
-- visit is a run of page views with no gap over an hour: last_seen_at is
-- the newest view, since_at the end of the visit before this one (0 on a
-- first visit), and the plan view shows the changes made after since_at.
CREATE TABLE trainer_visits (
	user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	org_id       INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
	since_at     INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL CHECK (last_seen_at >= since_at),
	PRIMARY KEY (user_id, org_id)
) WITHOUT ROWID;
CREATE INDEX trainer_visits_org ON trainer_visits(org_id);

-- How a session was opened, kept beside it (a table of its own, so that
-- sessions keeps the text version 4 gave it): user_agent is a short
-- readable summary of the browser's User-Agent ("Firefox on Linux"), never
-- the header itself; addr is the client address of the login.
-- mfa_pending is 1 while a person who has two-factor authentication has
-- typed their password but not yet their code: such a session opens no
-- page but the second step of the login (cgi/main.c).  A session without
-- a row here (opened before version 5) counts as complete.
CREATE TABLE session_info (
	session_id  INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
	user_agent  TEXT NOT NULL DEFAULT '' CHECK (length(user_agent) <= 100),
	addr        TEXT NOT NULL DEFAULT '' CHECK (length(addr) <= 64),
	mfa_pending INTEGER NOT NULL DEFAULT 0 CHECK (mfa_pending IN (0, 1))
);

-- A person's two-factor authentication with time-based one-time codes
-- (TOTP, RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits).  secret is the
-- raw 20-byte key that the person's authenticator app also holds, stored
-- as it is: a key that encrypted it would have to live beside the
-- database for the program to read it, and a backup restored without it
-- would lock every such person out; whoever reads the database or a
-- backup can therefore make codes (keep backups as private as the site).
-- enabled_at is NULL while the person is setting it up (the secret is
-- shown, no code confirmed yet): two-factor is on only once it is set.
-- last_used_step is the time step (unix time / 30) of the last code
-- accepted: a code of that step or an earlier one is refused, so a code
-- seen over a shoulder cannot be used again.
CREATE TABLE user_totp (
	user_id        INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	secret         BLOB NOT NULL CHECK (length(secret) = 20),
	created_at     INTEGER NOT NULL,
	enabled_at     INTEGER,
	last_used_step INTEGER NOT NULL DEFAULT 0 CHECK (last_used_step >= 0)
);

-- The recovery codes of a person with two-factor authentication, each
-- usable once instead of a code from the app.  Only a keyed BLAKE2b hash
-- of each is kept (crypto_generichash, 32 bytes, keyed with a random salt
-- of 16 bytes of its own): the codes are random (10 characters of a
-- 29-letter alphabet, about 48 bits), not chosen by people, so a slow
-- password hash would add nothing but ten argon2 runs per attempt.
-- used_at is set when one is used.  Making new codes deletes the old ones.
CREATE TABLE user_recovery_codes (
	id         INTEGER PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	salt       BLOB NOT NULL CHECK (length(salt) = 16),
	code_hash  BLOB NOT NULL CHECK (length(code_hash) = 32),
	created_at INTEGER NOT NULL,
	used_at    INTEGER
);
CREATE INDEX user_recovery_codes_user ON user_recovery_codes(user_id);

-- The instance's settings that its administrators change on /admin, one
-- row per key; no row means the default.  'require_2fa_staff': '1' when
-- trainers and administrators must use two-factor authentication (a
-- person holding either role without it is held on its set-up page after
-- logging in), '0' or no row when not.
CREATE TABLE settings (
	key        TEXT PRIMARY KEY CHECK (key IN ('require_2fa_staff')),
	value      TEXT NOT NULL CHECK (length(value) <= 100),
	updated_at INTEGER NOT NULL,
	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL
) WITHOUT ROWID;
-- Forgetting a deleted person (ON DELETE SET NULL) looks up their changes.
CREATE INDEX settings_updated_by ON settings(updated_by);

PRAGMA user_version = 6;

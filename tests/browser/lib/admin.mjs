// tests/browser/lib/admin.mjs: what the administrator of the instance does
// for a journey, outside the browser: giving an account a role.
//
// With build/reseauter-admin, as an administrator does it on a server
// (`reseauter-admin -d DB grant trainer EMAIL`); without it (the tool is
// not built in every tree), with sqlite3 on the program's database, as
// tests/e2e/cohorts.sh does.  The program reads the roles at every
// request: the account's next page shows them.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILD, DATABASE } from './env.mjs';

const run = promisify(execFile);

// The administrators' tool, when it was built.
export const ADMIN_TOOL = join(BUILD, 'reseauter-admin');

// A string as an SQL literal.
function sqlString(s) {
	return `'${String(s).replace(/'/g, "''")}'`;
}

// Gives the account of email the role ('trainer' or 'admin').  Throws
// with what the tool said when it refuses (no such account, say).
// Returns how it was done: 'reseauter-admin' or 'sqlite3'.
export async function grantRole(email, role = 'trainer') {
	if (existsSync(ADMIN_TOOL)) {
		await run(ADMIN_TOOL, ['-d', DATABASE, 'grant', role, email], { timeout: 30000 });
		return 'reseauter-admin';
	}
	const sql = 'INSERT INTO user_roles (user_id, role, granted_at) ' +
	    `SELECT id, ${sqlString(role)}, strftime('%s') FROM users WHERE email = ${sqlString(email)}; ` +
	    `SELECT changes();`;
	const { stdout } = await run('sqlite3', ['-cmd', '.timeout 10000', DATABASE, sql], { timeout: 30000 });
	if (stdout.trim() !== '1')
		throw new Error(`sqlite3: no account ${email} was given the role ${role} (${stdout.trim()})`);
	return 'sqlite3';
}

// tests/browser/lib/administration.mjs: what an administrator of the
// instance does in the browser, on /admin (templates/admin.tpl), and what
// a person does with the password reset link an administrator gave them
// (/reset/<token>, templates/reset.tpl).  lib/admin.mjs gives the roles
// outside the browser, as the administrator of a server does it; these
// click the buttons of the administration page, as a person holding the
// administrator role does.
//
//   await openAdministration(admin);                 // "Administration"
//   await grantTrainer(admin, yves);                 // "Make a trainer, Yves"
//   const link = await makeResetLink(admin, rosalie); // the reset link
//   await chooseNewPassword(rosalie, 'Nouveau-mot-de-passe-7');
import { squash, literal } from './person.mjs';

// "Administration" in the header (shown to administrators only): the
// administration page.
export async function openAdministration(admin) {
	await admin.navigate(() => admin.control('link', 'Administration', { scope: admin.accountNav() }).click());
	if (!admin.isOn('admin'))
		throw new Error(`Administration: expected the administration page, got ${admin.pageName} (${admin.status})`);
}

// The row of the accounts' table that shows person's e-mail address.
export function accountRow(admin, person) {
	return admin.main().getByRole('row').filter({ hasText: person.email });
}

// The cells of person's row as shown: { name, email, roles, twoFactor,
// orgs, created, seen }, each squashed.
export async function readAccount(admin, person) {
	const cells = (await accountRow(admin, person).getByRole('cell').allInnerTexts()).map(squash);
	if (cells.length < 7)
		throw new Error(`the administration page has no row for ${person.email}`);
	const [name, email, roles, twoFactor, orgs, created, seen] = cells;
	return { name, email, roles, twoFactor, orgs, created, seen };
}

// The button of person's row that says msgid, by the name a screen reader
// reads: "Make a trainer, Yves Cloutier" (the person's name is there for
// screen readers only; the row shows it).  The name is computed as
// Playwright does it, with a space where the hidden words start a box of
// their own.
export function accountButton(admin, person, msgid) {
	const name = new RegExp(`^${literal(admin.t(msgid))}\\s*,\\s*${literal(person.name)}$`);
	return accountRow(admin, person).getByRole('button', { name });
}

// Gives person the trainer role with "Make a trainer" on their row.  Back
// on the administration page, which says their roles were changed.
export async function grantTrainer(admin, person) {
	if (!admin.isOn('admin'))
		await openAdministration(admin);
	const status = await admin.navigate(() => accountButton(admin, person, 'Make a trainer').click());
	if (!admin.isOn('admin') || status !== 200)
		throw new Error(`making ${person.name} a trainer: got ${admin.pageName} (${status}): ${await admin.alertText()}`);
}

// Makes a password reset link for person with "Make a password reset
// link" on their row: lands on the page that shows it once
// ('admin-reset').  Returns the link as the page shows it.
export async function makeResetLink(admin, person) {
	if (!admin.isOn('admin'))
		await openAdministration(admin);
	const status = await admin.navigate(() => accountButton(admin, person, 'Make a password reset link').click());
	if (admin.pageName !== 'admin-reset')
		throw new Error(`a reset link for ${person.name}: got ${admin.pageName} (${status}): ${await admin.alertText()}`);
	return admin.field('Password reset link', { scope: admin.main() }).inputValue();
}

// On the page of a reset link, types password in "New password" and
// confirm (the same unless given) in "The same password again", and
// saves.  expect: 'in' (the default: logged in, on the plan; the person
// remembers the new password) or 'errors' (422, the form again with its
// messages); anything else throws with what the page says.
export async function chooseNewPassword(person, password, { confirm = password, expect = 'in' } = {}) {
	if (!person.isOn('reset'))
		throw new Error(`choosing a new password: the person is on ${person.pageName}`);
	await person.fillFields({ 'New password': password, 'The same password again': confirm }, { scope: person.main() });
	const status = await person.click('Save the new password', { scope: person.main() });
	const ok = expect === 'in' ? status === 200 && !person.isOn('reset') && !person.isOn('login')
	    : status === 422 && person.pageName === 'reset-errors';
	if (!ok)
		throw new Error(`choosing a new password: expected ${expect}, got ${person.pageName} (${status}): ${await person.alertText()}`);
	if (expect === 'in')
		person.password = password;
	return status;
}

// What people typed that the administration page shows: the names and
// e-mail addresses of every account and the names of every organisation
// of the instance (other journeys' people included), to leave out of a
// check of the page's language.
export async function typedOnAdministration(admin) {
	return admin.main().evaluate((m) => {
		const out = [];
		for (const table of m.querySelectorAll('table.list')) {
			for (const tr of table.querySelectorAll('tbody > tr')) {
				const cells = tr.querySelectorAll('td');
				// The name (without the "you" tag) and, for an account, its address.
				const name = cells[0] ? [...cells[0].childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join('') : '';
				if (name.trim())
					out.push(name.trim());
				if (cells.length >= 8 && cells[1])
					out.push(cells[1].textContent.trim());
			}
		}
		return out;
	});
}

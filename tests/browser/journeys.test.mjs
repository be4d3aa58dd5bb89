// tests/browser/journeys.test.mjs: what people do with reseauter, in a real
// browser (Debian's chromium, driven by playwright-core), against the
// program behind lighttpd that tests/browser/run.sh started.
//
// Each test is one journey, with people of its own (a new organisation,
// new browser contexts); the journeys run three at a time
// (BROWSER_JOURNEYS_AT_ONCE).  axe-core looks at every page they reach
// (lib/person.mjs arrived()); the last test, after all the journeys, says
// what it found.  Screenshots of the main pages, at desktop and phone
// width, go to build/screenshots/ as PAGE-WIDTH.png.
//
// The workbook's fourteen sections, and what a person types in each, are
// data: lib/workbook.mjs.  The trainers' journeys give the trainer role
// as the instance's administrator does (lib/admin.mjs), then go through a
// cohort's life with a trainer and a group's owner, each in a browser of
// their own.  The journeys of two-factor authentication type the codes
// that oathtool computes from the key the set-up page shows, as the app
// on a person's phone would (lib/totp.mjs).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Person, startBrowser, stopBrowser, uniqueEmail, readShown, squash, literal, STATES } from './lib/person.mjs';
import { grantRole } from './lib/admin.mjs';
import { openAdministration, readAccount, accountButton, grantTrainer, makeResetLink, chooseNewPassword, typedOnAdministration } from './lib/administration.mjs';
import { printProblems, shootPrinted, printToPdf } from './lib/print.mjs';
import { t, distinctMessages } from './lib/i18n.mjs';
import { axeReport, formatViolations, layoutProblems, focusState, brokenWords } from './lib/checks.mjs';
import { tabTo, typeText, pressEnter } from './lib/keyboard.mjs';
import {
	SECTIONS, START, MISSION, OBJECTIVES, AUDIENCES, PLATFORMS, POSTS,
	saveSection, fillSection, expectForm, expectSummary, variant, typedValues,
	readOverview, sectionPitfalls,
	ACCOUNTS, longDate,
} from './lib/workbook.mjs';
import { isPdf, pdfText } from './lib/pdf.mjs';
import { BASE_URL } from './lib/env.mjs';
import { AuthenticatorApp } from './lib/totp.mjs';

// The time a journey may take, and the long ones (on a busy machine they
// take three times what they take on a quiet one: the language tour took
// 283 s under a load of 15 on two cores).
const TEST_TIMEOUT = 90_000;
const LONG_TIMEOUT = 450_000;
// The organiser's journey, with or without JavaScript: the fourteen
// sections, then the share link, the shared summary and two PDFs.
const ORGANISER_TIMEOUT = 450_000;
// Journeys at once (see the describe below).
const JOURNEYS_AT_ONCE = Number(process.env.BROWSER_JOURNEYS_AT_ONCE || 3);

const MISSION_FIELD = 'The mission of our organisation is to…';
const HOURS_OVER = 'Planned hours are above what the team can give';

// The pages of the program a person reaches, by the name arrived() gives
// (without its state: saved, errors, conflict, restored, created, joined,
// left).
const MAIN_PAGES = [
	'home', 'signup', 'login', 'overview', ...SECTIONS.map((s) => s.slug),
	'summary', 'members', 'invite', 'mission-history', 'mission-revision',
	'share', 'shared',
	'cohorts', 'cohorts-new', 'cohort-settings', 'dashboard', 'debrief',
	'org-cohorts', 'join', 'join-confirm', 'error-404',
	'account', 'account-2fa', 'account-codes', 'login-2fa',
];

// Runs fn with the people it opens, closing them whatever happens.  Then
// fails if any of their browsers asked another host than the program's
// for anything (a font, a script, an image), even where the CSP blocked it.
async function withPeople(fn) {
	const people = [];
	const open = async (opts) => {
		const p = await Person.open(opts);
		people.push(p);
		return p;
	};
	try {
		await fn(open);
	} finally {
		for (const p of people)
			await p.close().catch(() => {});
	}
	const foreign = people.flatMap((p) => p.foreignRequests().map((r) => `${p.name}: ${r}`));
	assert.deepEqual(foreign, [], `requests to another host than ${BASE_URL}:\n${foreign.join('\n')}`);
}

// The day that many days from today, as YYYY-MM-DD (a date field's value).
function isoDay(days) {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// The fields of the account registry that only the team reads: a share
// link and its PDF leave them out (lib/workbook.c, LINEH_TEAM and TEXTH_TEAM).
const TEAM_ONLY = ['Recovery e-mail or phone (described, never the password)', 'Notes'];

// What section's lists hold in the fields for the team only.
function teamOnly(section) {
	return section.lists.flatMap((l) => l.items.flatMap((it) => TEAM_ONLY.filter((k) => it[k]).map((k) => it[k])));
}

// The section as a share link shows it: its fields for the team only empty.
function withoutTeamOnly(section) {
	return {
		...section,
		lists: section.lists.map((l) => ({
			...l,
			items: l.items.map((it) => Object.fromEntries(Object.entries(it).map(([k, v]) => [k, TEAM_ONLY.includes(k) ? '' : v]))),
		})),
	};
}

// Checks that a download ({ name, bytes }, Person.download()) is a PDF
// document: a file named *.pdf, not empty, starting "%PDF-".
function expectPdf(file, where) {
	assert.match(file.name, /\.pdf$/, `${where}: the PDF's file name`);
	assert.ok(isPdf(file.bytes), `${where}: a PDF document (${file.bytes.length} bytes, starting ${JSON.stringify(file.bytes.subarray(0, 8).toString('latin1'))})`);
}

// Goes back to the section's form and follows "History of this section".
async function openHistory(person, section) {
	if (!person.isOn(section.slug))
		await person.openSection(section.title);
	await person.follow('History of this section', { scope: person.page.getByRole('main') });
	assert.equal(person.pageName, `${section.slug}-history`);
}

// The versions listed on a history page, newest first, as their text.
async function versions(person) {
	return (await person.page.getByRole('main').locator('ol.history > li').allInnerTexts())
	    .map((s) => s.replace(/\s+/g, ' ').trim());
}

// Creates an invitation link as the owner (from the members page).
async function inviteLink(owner) {
	await owner.openSection('Members');
	await owner.click('Create an invitation link');
	assert.equal(owner.pageName, 'members-link');
	return owner.field('Invitation link').inputValue();
}

// Types date into the Date field of scope as a browser without a date
// picker lets a person do: as text.  A browser with a date picker never
// sends an impossible date (it refuses to submit the form), so only such
// a browser reaches the program's own check.
async function badDate(person, scope, date) {
	const field = person.field('Date', { scope });
	await field.evaluate((e) => { e.type = 'text'; });
	await field.fill(date);
}

// What a page must show in each language: message ids of its own text.
const KNOWN = {
	home: ['A social-media strategy that serves your mission', 'Start our workbook'],
	signup: ['Create your workbook', 'Name of the organisation'],
	login: ['No account yet?', 'E-mail address'],
	invite: ['Create your account', 'Already have an account?'],
	overview: ['Our plan', 'Read the strategy summary', 'Time budget'],
	summary: ['Social-media strategy', 'Pitfalls still open'],
	members: ['Invite someone from your team', 'Member since'],
	'mission-history': ['Back to the section'],
	'mission-revision': ['Restore this version'],
};
// Every section page shows its own title and these.
const SECTION_KNOWN = ['Save', 'History of this section'];
const EVERY_PAGE = ['reseauter helps community groups build a social-media strategy that serves their mission.', 'Skip to content'];

// What the trainers' pages must show in each language (message ids),
// by page and, where the same page differs, by what it shows.
const TRAINER_KNOWN = {
	cohorts: ['The workshops and series you run, with the groups that joined them. Open a cohort\'s dashboard to follow its plans; its settings hold the join code to give the groups.', 'New cohort'],
	'cohorts-new': ['Name of the cohort', 'Create the cohort'],
	dashboard: ['Reading the table', 'Download the table (CSV)', 'Comments awaiting a reply'],
	'cohort-settings': ['Cohort settings', 'Who can join', 'Save the settings', 'Add a co-trainer'],
	debrief: ['Cohort debrief', 'Platforms chosen', 'Most frequent pitfalls'],
	'overview+trainer': ['Replies from the group', 'Read only: you follow this plan as a trainer'],
	'section+trainer': ['History of this section', 'The group sees your comments on this section and on the overview of its plan, and can answer them.', 'Send the comment'],
	'org-cohorts': ['Leave this cohort', 'What the trainers will see and do'],
	join: ['Join a cohort', 'Capitals, spaces and the hyphen do not matter.'],
	'join-confirm': ['What the trainers will see and do', 'Join, and let these trainers read our plan'],
	'overview+conversations': ['Our plan', 'Comments to answer'],
	'section+comments': ['Comments from your trainer', 'Send the reply', 'Mark resolved'],
};

// What a person's own pages must show in each language (message ids).
const ACCOUNT_KNOWN = {
	account: ['My account', 'Two-factor authentication', 'Where you are logged in', 'Change my password', 'this session'],
	'account+totp-on': ['Make new recovery codes', 'Turn off two-factor authentication', 'Where you are logged in'],
	'account-2fa': ['1. Add this site to your app', 'Cannot scan it? Type this key in the app instead, as a time-based key:', '2. Confirm with a code', 'Turn on two-factor authentication'],
	'account-codes': ['Two-factor authentication is on', 'Your recovery codes', 'I have saved my recovery codes: back to my account'],
	'login-2fa': ['Two-step verification', 'No phone at hand? Type one of your recovery codes instead; each works once.', 'Cancel and log in as someone else'],
};

// Checks that the person's page is all in lang: html lang, the page's
// known strings (known, message ids, or else those of KNOWN for the page),
// and none of the catalogue's sentences of the other language outside
// what people typed.  Returns the problems found.
async function languageProblems(person, lang, typed, known = undefined) {
	const other = lang === 'fr' ? 'en' : 'fr';
	const problems = [];
	const where = `${person.stateKey} (${lang})`;
	const htmlLang = await person.page.locator('html').getAttribute('lang');
	if (htmlLang !== lang)
		problems.push(`${where}: <html lang="${htmlLang}">`);
	let text = (await person.page.locator('body').evaluate((b) => b.textContent)).replace(/\s+/g, ' ');
	for (const words of typed)
		text = text.split(words.replace(/\s+/g, ' ')).join(' ');
	const name = person.page0;
	const section = SECTIONS.find((s) => s.slug === name);
	known ??= section ? [section.title, ...SECTION_KNOWN] : KNOWN[name] ?? [];
	// Compared as the page's text is: white space (the no-break spaces of
	// French before a colon included) as one space.
	const squashed = (s) => s.replace(/\s+/g, ' ');
	for (const id of [...known, ...EVERY_PAGE]) {
		if (!text.includes(squashed(t(id, lang))))
			problems.push(`${where}: "${t(id, lang)}" is missing`);
	}
	for (const m of distinctMessages()) {
		if (text.includes(squashed(m[other])))
			problems.push(`${where}: "${m[other]}" is in ${other === 'fr' ? 'French' : 'English'}`);
	}
	return problems;
}

// --- Trainers and cohorts -------------------------------------------------

// What a group's plan holds when it joins a cohort: a few sections, one
// platform (the debrief counts it) with more hours than the team gives (a
// pitfall), no example persona (those are copied in the language of the
// day).
const GROUP_PLAN = [
	START, MISSION, OBJECTIVES, { ...AUDIENCES, copy: undefined },
	{ ...PLATFORMS, lists: [{ ...PLATFORMS.lists[0], items: { Facebook: {
		...PLATFORMS.lists[0].items.Facebook,
		'Personas we reach there': { ticks: ['Sofia'], contains: true },
		'Hours a week we plan': '9',
	} } }] },
];

// A trainer: signs up (every account starts with an organisation of its
// own), is given the trainer role by the administrator, and sees "My
// cohorts" in the header once the page is loaded again.
async function openTrainer(open, opts) {
	const trainer = await open(opts);
	await trainer.signUp({ org: opts.org });
	assert.equal(await trainer.control('link', 'My cohorts', { scope: trainer.accountNav() }).count(), 0,
	    'without the trainer role, no "My cohorts" in the header');
	await grantRole(trainer.email, 'trainer');
	await trainer.goto(new URL(trainer.page.url()).pathname);
	assert.equal(await trainer.control('link', 'My cohorts', { scope: trainer.accountNav() }).count(), 1,
	    'with the role, "My cohorts" is in the header');
	return trainer;
}

// A group's owner who signs up and saves the sections of plan.
async function openGroup(open, opts, plan = GROUP_PLAN) {
	const owner = await open(opts);
	await owner.signUp({ org: opts.org });
	for (const section of plan)
		await saveSection(owner, section);
	return owner;
}

// The code as a person types it from a slide: in lower case, a space for
// the hyphen ("abcd efgh" for ABCD-EFGH).
function typedCode(code) {
	return code.toLowerCase().replace('-', ' ');
}

// A trainer with a cohort and a group's owner in it, the trainer's first
// comment on the mission and the group's reply: the set-up of the
// journeys that look at the trainer's pages (language, phone width).
// opts: { trainer, group (Person.open options with org), cohort (the
// cohort's fields), comment, reply }.
async function cohortWithAConversation(open, opts) {
	const trainer = await openTrainer(open, opts.trainer);
	const cohort = await trainer.createCohort(opts.cohort);
	const code = await trainer.readJoinCode();
	const owner = await openGroup(open, opts.group);
	await owner.enterJoinCode(typedCode(code));
	await owner.acceptJoin();
	await trainer.openCohort(cohort.name);
	await trainer.openGroupPlan(owner.org);
	const plan = new URL(trainer.page.url()).pathname;
	await trainer.openSection(MISSION.title);
	await trainer.writeComment(opts.comment);
	await owner.openSection(MISSION.title);
	await owner.replyTo(opts.comment, opts.reply);
	return { trainer, owner, cohort, code, plan };
}

// --- My account and two-factor authentication ------------------------------

// Checks the set-up page of two-factor as a person sees it: the QR code
// drawn (an image named for what it is, square, visible, within the
// window) and the key as text to type instead.  Returns the problems.
async function setupProblems(person) {
	const problems = [];
	const qr = person.main().getByRole('img', { name: person.t('QR code to scan with your authenticator app'), exact: true });
	if (await qr.count() !== 1)
		return [`${person.stateKey}: no image named "${person.t('QR code to scan with your authenticator app')}"`];
	const drawn = await qr.evaluate((svg) => ({
		tag: svg.tagName.toLowerCase(),
		modules: (svg.querySelector('path')?.getAttribute('d') ?? '').split('h').length - 1,
		title: svg.querySelector('title')?.textContent.trim() ?? '',
	}));
	if (drawn.tag !== 'svg' || drawn.modules < 100)
		problems.push(`${person.stateKey}: the QR code is not drawn inline (${JSON.stringify(drawn)})`);
	if (drawn.title !== person.t('QR code to scan with your authenticator app'))
		problems.push(`${person.stateKey}: the QR code's text alternative is "${drawn.title}"`);
	if (!await qr.isVisible())
		problems.push(`${person.stateKey}: the QR code is not visible`);
	const box = await qr.boundingBox();
	const width = person.viewport.width;
	if (!box || box.x < 0 || box.x + box.width > width + 0.5)
		problems.push(`${person.stateKey}: the QR code does not fit the ${width} px window (${JSON.stringify(box)})`);
	else if (Math.abs(box.width - box.height) > 1 || box.width < 160)
		problems.push(`${person.stateKey}: the QR code is ${Math.round(box.width)}x${Math.round(box.height)} px, too small or not square to scan`);
	const key = (await person.readTwoFactorKey()).replace(/\s+/g, '');
	if (!/^[A-Z2-7]{32}$/.test(key))
		problems.push(`${person.stateKey}: the key to type is "${key}", not 32 characters of base32`);
	return problems;
}

// The error next to the field labelled label (a message id): its text
// (squashed), whether it stands in the field's box just before the field, and
// whether the field is marked invalid and described by it.
async function fieldError(person, label) {
	const field = person.field(label, { scope: person.main() });
	return field.evaluate((f) => {
		const box = f.closest('.field');
		const error = box ? box.querySelector('.error') : null;
		const described = (f.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
		return {
			text: error ? error.textContent.replace(/\s+/g, ' ').trim() : null,
			before: !!error && error.compareDocumentPosition(f) === Node.DOCUMENT_POSITION_FOLLOWING,
			invalid: f.getAttribute('aria-invalid') === 'true',
			describedBy: !!error && described.includes(error.id),
			value: f.value,
		};
	});
}

const WRONG_CODE = 'This code is not right, or was already used. Type the code your app shows now, or one of your recovery codes.';

// What the pages beyond the plan and the administration must show in
// each language (message ids), by page: those the language tours reach
// besides the workbook's, and the administration's journey.
const TOUR_KNOWN = {
	orgs: ['Your organisations', 'Start a new organisation', 'Owner'],
	'orgs-new': ['You will be its owner, and can invite your team afterwards. Start from an empty workbook, or from a plan file downloaded from reseauter.',
		'Plan file (optional)', 'Create the organisation', 'Back to your organisations'],
	share: ['Share the plan', 'Links that work now', 'Make a share link', 'Valid until (optional)'],
	shared: ["A read-only copy of this organisation's plan, shared with you through a link.", 'Social-media strategy'],
	import: ['Export and import the plan', 'Download the plan', 'Replace the plan with a file', 'Read the file'],
	'error-404': ['Page not found', 'This page does not exist.', 'Back to the home page'],
	admin: ['Administration', 'Accounts', 'Organisations', 'Two-factor authentication', 'Backup', 'Download a backup', 'Make a password reset link'],
	'admin-reset': ['Password reset link', 'Back to the administration'],
	reset: ['Choose a new password', 'New password', 'The same password again', 'Save the new password'],
};
// The pages of TOUR_KNOWN that axe must have looked at, beyond MAIN_PAGES,
// and their states, as the axe test's wanted list (below) names them.
const TOUR_PAGES = ['orgs', 'orgs-new', 'share', 'shared', 'import', 'admin', 'admin-reset', 'reset'];
const TOUR_WANTED = [
	['orgs', [], 'en'], ['orgs-new', [], 'en'], ['share', [], 'en'], ['shared', [], 'en'], ['import', [], 'en'], ['error-404', [], 'en'],
	['admin', [], '375px'], ['admin', [], 'en'], ['admin-reset', [], '375px'], ['admin-reset', [], 'en'],
	['reset', [], '375px'], ['reset', [], 'en'], ['reset-errors', [], 'en'],
];

before(async () => {
	await startBrowser();
});

after(async () => {
	await stopBrowser();
});

// The journeys run three at a time: each waits on the browser and the
// program more than it computes, and each has people of its own.  The
// three long ones come first.
describe('journeys', { concurrency: JOURNEYS_AT_ONCE }, () => {
	test('an organiser fills every section, fixes a pitfall, reads the summary, reaches 100 %, shares the plan and downloads the PDF', { timeout: ORGANISER_TIMEOUT }, async () => {
		await withPeople((open) => organiserJourney(open, { javaScript: true }));
	});

	// The organiser's journey, with JavaScript on (above) or off (the
	// journey "with JavaScript off" below): from the home page she signs
	// up, fills and saves every section (the items of a list added with
	// "Save, then add another"), sees the pitfall of the hours and fixes
	// it, reads the summary and the overview at 100 %, opens the history,
	// logs out and in, makes a share link that a person without an account
	// opens in a browser of their own, and downloads the PDF of both
	// summaries.  Without JavaScript, the counter of a post is the one the
	// program writes when it saves, and no screenshot is taken.  Returns
	// the organiser, logged in, on the share page.
	async function organiserJourney(open, { javaScript }) {
		const who = javaScript ? { name: 'Alice Gagnon', org: 'Maison de quartier Hochelaga' }
		    : { name: 'Nadia Sans-Script', org: 'Comité logement sans script' };
		// axe looks at each section as she saves it; the language
		// journey's tour looks at the empty forms.
		const alice = await open({ name: who.name, axe: 'filled', javaScript });
		const shoot = (name) => (javaScript ? alice.shoot(name) : null);
		await alice.goto('/');
		assert.equal(alice.lang, 'fr', 'the home page is in French for a browser in fr-CA');
		if (!javaScript) {
			// A script of the page would set this; with JavaScript off, nothing runs.
			await alice.page.addScriptTag({ content: 'document.documentElement.dataset.js = "on"' }).catch(() => {});
			assert.equal(await alice.page.locator('html').getAttribute('data-js'), null, 'JavaScript is really off');
		}
		await shoot('home');
		await alice.follow('Start our workbook');
		assert.equal(alice.pageName, 'signup');
		await shoot('signup');
		await alice.signUp({ org: who.org });
		await shoot('overview-new');
		const fresh = await readOverview(alice);
		assert.equal(fresh.overall, 0, 'a new plan is 0 % complete');

		// What the plan holds once each section is saved.
		const saved = [];
		for (const section of SECTIONS) {
			if (section === POSTS) {
				await writePosts(alice);
			} else {
				await saveSection(alice, section);
			}
			await expectForm(alice, section);
			await shoot(section.slug);
			saved.push(section === PLATFORMS ? await fixTheHours(alice) : section);
		}

		const plan = await alice.readSummary();
		assert.equal(plan.title, alice.org, 'the summary is titled with the organisation');
		for (const section of saved)
			expectSummary(alice, plan, section);
		await shoot('summary');

		const overview = await readOverview(alice);
		for (const section of SECTIONS.filter((s) => s.complete))
			assert.equal(overview.cards[alice.t(section.title)], 100, `the overview shows "${alice.t(section.title)}" at 100 %`);
		assert.equal(overview.overall, 100, 'the plan is 100 % complete');
		assert.equal(await alice.page.getByText(alice.t("The plan is {{OVERALL}} % complete.", { OVERALL: 100 })).count(), 1, "and says so");
		assert.deepEqual(overview.pitfalls, [], 'no pitfall is left open');
		assert.equal(await alice.page.getByText(alice.t('No pitfall open for now.')).count(), 1, 'the overview says no pitfall is open');
		await shoot('overview');

		// The platforms were saved twice (the hours lowered): a history.
		await openHistory(alice, PLATFORMS);
		assert.equal((await versions(alice)).length, 2, 'two versions of the platforms');
		await shoot('history');
		await alice.follow('Version {{VERSION}}', { vars: { VERSION: 1 } });
		assert.equal(alice.pageName, 'platforms-revision');
		await shoot('revision');

		// Out and back in: the plan is still there.
		await alice.logOut();
		assert.equal(alice.pageName, 'home', 'logging out leads home');
		await alice.goto('/login');
		await shoot('login');
		await alice.logIn();
		assert.equal(alice.pageName, 'overview', 'logging in leads to the plan');
		const team = await alice.readSummary();
		expectSummary(alice, team, MISSION);
		await shareThePlan(alice, team);
		return alice;

		// The sample posts: the second one is typed key by key on Instagram.
		// With JavaScript, its counter follows every key and every change of
		// platform; without, the program counts the post it saved, and
		// typing changes nothing until the next save.
		async function writePosts(person) {
			await fillSection(person, POSTS);
			const text = POSTS.lists[0].items[1]['Text of the post'].keys;
			// Counts are grouped as the page's language groups them:
			// "2 200" (U+00A0) in French, "2,200" in English.
			const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, person.lang === 'en' ? ',' : '\u00a0');
			const reads = (n, max) => person.t('{n} of {max} characters').replace('{n}', grouped(n)).replace('{max}', grouped(max));
			const n = [...text].length;
			if (!javaScript) {
				await person.save();
				const block = person.item({ title: 'Post %d', n: 2 });
				const area = person.field('Text of the post', { scope: block });
				const counter = block.locator('.counter');
				assert.equal(await counter.innerText(), reads(n, 2200), 'the program counts the saved post, against Instagram\'s limit');
				await area.press('End');
				await area.press('!');
				assert.equal(await counter.innerText(), reads(n, 2200), 'without JavaScript, the counter stays as the program wrote it');
				await area.press('Backspace');
				return;
			}
			const block = person.item({ add: 'Add a post' });
			const area = person.field('Text of the post', { scope: block });
			const counter = block.locator('.counter');
			assert.equal(await counter.innerText(), reads(n, 2200), 'the counter counts what was typed, against Instagram\'s limit');
			await area.press('End');
			await area.press('!');
			assert.equal(await counter.innerText(), reads(n + 1, 2200), 'one more key, one more character');
			await area.press('Backspace');
			await person.fill('Platform', 'X', { scope: block });
			assert.equal(await counter.innerText(), reads(n, 280), 'on X, the limit is 280');
			await person.fill('Platform', 'Instagram', { scope: block });
			assert.equal(await counter.innerText(), reads(n, 2200), 'back on Instagram');
			await person.save();
		}

		// The hours planned (3 + 3) are above the 4.5 the team can give: the
		// platforms page and the overview say so; lowering Instagram's hours
		// to 1 removes the pitfall from both.  Returns the platforms as saved
		// then.
		async function fixTheHours(person) {
			const here = await sectionPitfalls(person);
			const numbers = person.t('Planned: {{PLANNED}} h a week; available: {{AVAILABLE}} h.', { PLANNED: '6', AVAILABLE: '4,5' });
			assert.ok(here.some((p) => p.includes(person.t(HOURS_OVER)) && p.includes(numbers)),
			    `the platforms page shows the pitfall "${person.t(HOURS_OVER)}" with "${numbers}": ${here.join(' | ')}`);
			assert.equal(await person.page.getByText(person.t('You plan more hours than your team can give: {{PLANNED}} h against {{AVAILABLE}} h a week.',
			    { PLANNED: '6', AVAILABLE: '4,5' })).count(), 1, 'the time budget warns too');

			const overview = await readOverview(person);
			assert.ok(overview.pitfalls.some((p) => p.includes(person.t(HOURS_OVER))), `the overview lists the pitfall: ${overview.pitfalls.join(' | ')}`);
			const chart = person.page.getByRole('img', { name: person.t('Time budget') });
			assert.equal(await chart.count(), 1, 'the overview draws the time budget');
			await shoot('overview-pitfall');

			// The pitfall's link leads to where it is fixed.
			await person.follow('Go to “{{PIT_SECTION}}”', { vars: { PIT_SECTION: person.t('Platforms') } });
			assert.equal(person.pageName, 'platforms');
			await person.fill('Hours a week we plan', '1', { scope: person.item({ title: 'Instagram' }) });
			await person.save();
			assert.deepEqual((await sectionPitfalls(person)).filter((p) => p.includes(person.t(HOURS_OVER))), [],
			    'the platforms page no longer shows the pitfall');
			const { Facebook, Instagram } = PLATFORMS.lists[0].items;
			const lowered = { ...PLATFORMS, lists: [{ ...PLATFORMS.lists[0], items: { Facebook, Instagram: { ...Instagram, 'Hours a week we plan': '1' } } }] };
			await expectForm(person, lowered);
			const after = await readOverview(person);
			assert.ok(!after.pitfalls.some((p) => p.includes(person.t(HOURS_OVER))), 'nor does the overview');
			return lowered;
		}

		// From the summary (team: what she read there): the PDF downloaded;
		// a share link for the board, valid for two months, made on the
		// share page; the link opened by a person without an account in a
		// browser of their own, who reads the same summary without what is
		// for the team only (the accounts' recovery and notes), and
		// downloads its PDF; back on the share page, the link was opened.
		async function shareThePlan(person, team) {
			const teamPdf = await person.downloadPdf();
			expectPdf(teamPdf, 'the team\'s summary');
			const accounts = team.parts[person.t(ACCOUNTS.title)];
			for (const secret of teamOnly(ACCOUNTS))
				assert.ok(accounts.text.includes(squash(secret)), `the team's summary shows "${secret}"`);

			const label = 'Pour le conseil d’administration';
			const until = isoDay(60);
			await person.openShare();
			assert.equal(await person.main().getByText(person.t('None.'), { exact: true }).count(), 1, 'no share link yet');
			await shoot('share');
			const link = await person.makeShareLink({ label, until });
			assert.match(link, new RegExp(`^${literal(BASE_URL)}/s/[A-Za-z0-9_-]{20,}$`), 'the page shows the link\'s address');
			const works = person.t('Send this link to the people who should read the plan. It works until {{EXPIRES}} included.', { EXPIRES: longDate(until, person.lang) });
			assert.equal(await person.page.getByRole('status').filter({ hasText: squash(works) }).count(), 1, `the page says "${works}"`);
			const links = await person.readShareLinks();
			assert.deepEqual(links.map((l) => [l.label, l.until, l.seen]), [[label, longDate(until, person.lang), squash(person.t('Not yet'))]],
			    'the links that work now: the new one, with its label and its last day, never opened');
			await shoot('share-link');

			const reader = await open({ name: 'Lucie Bérubé', javaScript });
			assert.deepEqual(await reader.context.cookies(), [], 'the reader\'s browser has no cookie');
			await reader.goto(link);
			assert.equal(reader.pageName, 'shared', `the link opens the shared summary: ${reader.stateKey} (${reader.status})`);
			assert.equal(await reader.main().getByText(reader.t('A read-only copy of this organisation\'s plan, shared with you through a link.')).count(), 1,
			    'which says it is a read-only copy');
			assert.equal(await reader.planNav().count(), 0, 'without the plan\'s navigation');
			assert.equal(await reader.main().locator('form, button, input, select, textarea').count(), 0, 'nothing on it changes the plan');
			assert.equal(await reader.control('link', 'Make or withdraw share links').count(), 0, 'nor makes share links');
			const shared = await reader.readSummary();
			assert.equal(shared.title, person.org, 'the shared summary is titled with the organisation');
			assert.deepEqual(shared.toc, team.toc, 'its contents are the team\'s');
			assert.deepEqual(Object.keys(shared.parts), Object.keys(team.parts), 'its parts are the team\'s, in the same order');
			for (const section of saved)
				expectSummary(reader, shared, section === ACCOUNTS ? withoutTeamOnly(ACCOUNTS) : section);
			for (const [heading, part] of Object.entries(team.parts)) {
				if (part.id !== `part-${ACCOUNTS.slug}`)
					assert.deepEqual(shared.parts[heading], part, `"${heading}" reads as on the team's summary`);
			}
			const html = await reader.page.content();
			for (const secret of teamOnly(ACCOUNTS))
				assert.ok(!html.includes(secret), `the shared summary leaves out "${secret}", for the team only`);
			if (javaScript)
				await reader.shoot('shared');

			const sharedPdf = await reader.downloadPdf();
			expectPdf(sharedPdf, 'the shared summary');
			const teamText = pdfText(teamPdf.bytes);
			if (teamText !== null) {
				const sharedText = pdfText(sharedPdf.bytes);
				const mission = squash(MISSION.fields[MISSION_FIELD]);
				assert.ok(teamText.includes(mission), `the team's PDF holds the mission: ${teamText.slice(0, 400)}`);
				assert.ok(sharedText.includes(mission), `the shared PDF holds the mission: ${sharedText.slice(0, 400)}`);
				for (const secret of teamOnly(ACCOUNTS)) {
					assert.ok(teamText.includes(squash(secret)), `the team's PDF holds "${secret}"`);
					assert.ok(!sharedText.includes(squash(secret)), `the shared PDF leaves out "${secret}"`);
				}
			}

			await person.openShare();
			const [opened] = await person.readShareLinks();
			assert.notEqual(opened.seen, squash(person.t('Not yet')), `the share page says when the link was last opened: ${opened.seen}`);
		}
	}

	test('the language switch turns every page of the journey into English and back', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const problems = [];
			const owner = await open({ name: 'Élise Lavoie' });
			await owner.signUp({ org: 'Centre des femmes de Verdun' });
			// A plan with a pitfall (hours above what the team gives) and a
			// time budget; no example persona (those are copied in the language
			// of the day, and would stay French on the English pages).
			const noExample = { ...AUDIENCES, copy: undefined };
			const facebookOnly = { ...PLATFORMS, lists: [{ ...PLATFORMS.lists[0], items: { Facebook: { ...PLATFORMS.lists[0].items.Facebook, 'Personas we reach there': { ticks: ['Sofia'], contains: true }, 'Hours a week we plan': '9' } } }] };
			const plan = [START, MISSION, OBJECTIVES, noExample, facebookOnly];
			for (const section of plan)
				await saveSection(owner, section);
			await saveSection(owner, variant(MISSION, (v) => `${v} (bis)`));
			const typed = [...plan.flatMap(typedValues), owner.org, owner.name, '(bis)'];
			const link = await inviteLink(owner);
			const visitor = await open({ name: 'Visiteur' });

			// Visits every page of both people in lang and checks each: the
			// visitor's and the owner's at the same time.
			const tour = (lang) => Promise.all([visitorTour(lang), ownerTour(lang)]);
			const visitorTour = async (lang) => {
				for (const path of ['/', '/signup', '/login', link]) {
					await visitor.goto(path);
					problems.push(...await languageProblems(visitor, lang, typed));
				}
			};
			const ownerTour = async (lang) => {
				await owner.openSection('Overview');
				problems.push(...await languageProblems(owner, lang, typed));
				for (const section of SECTIONS) {
					await owner.openSection(section.title);
					problems.push(...await languageProblems(owner, lang, typed));
				}
				await openHistory(owner, MISSION);
				problems.push(...await languageProblems(owner, lang, typed));
				await owner.follow('Version {{VERSION}}', { vars: { VERSION: 1 } });
				problems.push(...await languageProblems(owner, lang, typed));
				for (const s of ['Summary', 'Members']) {
					await owner.openSection(s);
					problems.push(...await languageProblems(owner, lang, typed));
				}
			};

			await tour('fr');
			// The switch on a page stays on that page, in the other language.
			await visitor.goto('/login');
			await visitor.switchLanguage();
			assert.equal(visitor.pageName, 'login', 'the switch comes back to the same page');
			await owner.openSection(MISSION.title);
			await owner.switchLanguage();
			assert.equal(owner.pageName, 'mission', 'the switch comes back to the same section');
			assert.equal(await owner.valueOf(MISSION_FIELD), `${MISSION.fields[MISSION_FIELD]} (bis)`, 'the plan does not change with the language');
			await tour('en');
			await owner.openSection(MISSION.title);
			await owner.shoot('mission-en');

			await visitor.switchLanguage();
			await owner.switchLanguage();
			await tour('fr');
			assert.deepEqual(problems, [], problems.join('\n'));
		});
	});

	test('the language switch turns the pages beyond the workbook into English and back: organisations, import, share links, a shared summary, a missing page', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const problems = [];
			const owner = await open({ name: 'Mireille Thibodeau' });
			await owner.signUp({ org: 'Carrefour familial de Limoilou' });
			const plan = [START, MISSION];
			for (const section of plan)
				await saveSection(owner, section);
			// A share link, for a visitor to open without an account.
			const shareLabel = 'Pour le conseil d’administration';
			const shared = await owner.makeShareLink({ label: shareLabel });
			const typed = [...plan.flatMap(typedValues), owner.org, owner.name, shareLabel];
			const visitor = await open({ name: 'Visiteuse' });

			// Checks the page name in lang (TOUR_KNOWN); a screenshot of
			// it in English.
			const visit = async (who, lang, name) => {
				if (who.pageName !== name)
					problems.push(`expected the page ${name} (${lang}), got ${who.pageName} (${who.status})`);
				problems.push(...await languageProblems(who, lang, typed, TOUR_KNOWN[name]));
				if (lang === 'en')
					await who.shoot(`${name}-en`);
			};
			// The owner, by the links a person follows: export and import,
			// a new organisation's form, the list of organisations, then
			// the plan's share links.  The visitor: the summary shared with
			// the link, and a page that does not exist.
			const ownerTour = async (lang) => {
				await owner.openSection('Overview');
				await owner.follow('Export and import the plan', { scope: owner.main() });
				await visit(owner, lang, 'import');
				await owner.follow('Start a new organisation', { scope: owner.main() });
				await visit(owner, lang, 'orgs-new');
				await owner.follow('Back to your organisations', { scope: owner.main() });
				await visit(owner, lang, 'orgs');
				await owner.backToPlan();
				await owner.follow('Share', { scope: owner.planNav() });
				await visit(owner, lang, 'share');
			};
			const visitorTour = async (lang) => {
				await visitor.goto(shared);
				await visit(visitor, lang, 'shared');
				await visitor.goto('/nowhere');
				await visit(visitor, lang, 'error-404');
			};
			const tour = (lang) => Promise.all([ownerTour(lang), visitorTour(lang)]);

			await tour('fr');
			// The switch on these pages stays on them, in the other language.
			await owner.switchLanguage();
			assert.equal(owner.pageName, 'share', 'the switch comes back to the share page');
			await visitor.goto(shared);
			await visitor.switchLanguage();
			assert.equal(visitor.pageName, 'shared', 'and to the shared summary');
			await tour('en');
			await owner.switchLanguage();
			await visitor.switchLanguage();
			await tour('fr');
			assert.deepEqual([owner.lang, visitor.lang], ['fr', 'fr'], 'both back in French');
			assert.deepEqual(problems, [], problems.join('\n'));
		});
	});

	test('at phone width (375 px) nothing overflows and every control is within reach', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const problems = [];
			const check = async (who, shot) => {
				for (const p of await layoutProblems(who.page))
					problems.push(`${who.pageName}: ${p}`);
				if (shot)
					await who.shoot(shot);
			};
			// Long words without a break: an organisation's full name, an address.
			const org = 'Regroupement-des-organismes-communautaires-autonomes-en-alphabétisation (www.regroupementalphabetisation.qc.ca)';
			const phone = await open({ phone: true, name: 'Maximilien-Théodore Bélanger-Villeneuve', email: uniqueEmail('maximilien-theodore.belanger-villeneuve.coordination') });
			await phone.goto('/');
			await check(phone, 'home');
			await phone.goto('/login');
			await check(phone, 'login');
			await phone.goto('/signup');
			await check(phone, 'signup');
			await phone.signUp({ org });
			await check(phone, 'overview-new');

			const long = variant(MISSION, (v) => `${v} https://www.facebook.com/regroupement.des.organismes.communautaires.autonomes.en.alphabetisation`);
			const onePost = { ...POSTS, lists: [{ ...POSTS.lists[0], items: [POSTS.lists[0].items[0]] }] };
			for (const section of [START, long, OBJECTIVES, AUDIENCES, PLATFORMS, onePost])
				await saveSection(phone, section);
			// A second version of the mission, for its history.
			await saveSection(phone, variant(MISSION, (v) => `${v} (deuxième version)`));

			// Every section, filled or not, at 375 px.
			for (const section of SECTIONS) {
				await phone.openSection(section.title);
				await check(phone, section.slug);
			}
			await phone.openSection('Overview');
			assert.equal(await phone.page.getByRole('img', { name: phone.t('Time budget') }).count(), 1, 'the overview draws the time budget');
			await check(phone, 'overview');
			await phone.readSummary();
			await check(phone, 'summary');
			await openHistory(phone, MISSION);
			await check(phone, 'history');
			await phone.follow('Version {{VERSION}}', { vars: { VERSION: 1 } });
			await check(phone, 'revision');
			const link = await inviteLink(phone);
			await check(phone, 'members');
			const share = await phone.makeShareLink({ label: 'Pour la Table de quartier, jusqu’à la fin de l’année scolaire', until: isoDay(30) });
			await check(phone, 'share');

			const guest = await open({ phone: true, name: 'Guillaume' });
			await guest.goto(link);
			await check(guest, 'invite');
			await guest.goto(share);
			assert.equal(guest.pageName, 'shared');
			await check(guest, 'shared');
			await guest.goto('/nowhere');
			assert.equal(guest.pageName, 'error-404');
			await check(guest, 'error-404');

			// A form with its errors (a conflict at this width: the conflict journey).
			await phone.openSection(OBJECTIVES.title);
			await badDate(phone, phone.item({ title: 'Objective %d', n: 1 }), '2026-02-30');
			await phone.save({ expect: 'errors' });
			await check(phone, 'objectives-errors');

			assert.deepEqual(problems, [], `at 375 px:\n${problems.join('\n')}`);
		});
	});

	test('a trainer creates a cohort, a group joins with the code, they talk in comments, the dashboard follows, then the group leaves', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			// The trainer: My cohorts, New cohort, the form.
			const trainer = await openTrainer(open, { name: 'Geneviève Trudel', org: 'Formations Trudel' });
			await trainer.openCohorts();
			assert.equal(await trainer.main().getByText(trainer.t('You have no cohort yet. Create one for your next workshop: you will get a code to give the groups.')).count(), 1,
			    'a new trainer has no cohort yet');
			const cohort = await trainer.createCohort({
				name: 'Atelier du 14 mars, Longueuil', startsOn: '2026-03-14', endsOn: '2026-03-14',
				notes: 'Salle 2 du centre communautaire; apporter le projecteur.',
			});
			assert.equal(await trainer.page.getByRole('status').filter({ hasText: trainer.t('Your cohort is ready. Give the groups the code below.') }).count(), 1,
			    'the settings say the cohort is ready');
			assert.equal(squash(await trainer.main().getByRole('heading', { level: 1 }).innerText()), cohort.name, 'the settings are the new cohort\'s');
			assert.equal(await trainer.valueOf('Notes (optional)'), 'Salle 2 du centre communautaire; apporter le projecteur.', 'the notes are kept');
			const code = await trainer.readJoinCode();
			assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/, `the join code reads as ABCD-EFGH: ${code}`);
			assert.ok((await trainer.field('Or send this link, by e-mail or in the chat of a video call:').inputValue()).endsWith(`/join/${code}`),
			    'the join link carries the code');
			await trainer.shoot('cohort-settings');
			await trainer.openCohorts();
			assert.ok((await trainer.main().getByRole('row').allInnerTexts()).some((r) => r.includes(cohort.name) && r.includes(code)),
			    'My cohorts lists the cohort with its code');
			await trainer.shoot('cohorts');
			await trainer.navigate(() => trainer.main().getByRole('link', { name: cohort.name, exact: true }).click());
			assert.equal(trainer.pageName, 'dashboard');
			assert.equal(await trainer.main().getByRole('heading', { name: trainer.t('No group has joined this cohort yet') }).count(), 1,
			    'an empty cohort\'s dashboard says no group joined yet');
			await trainer.shoot('dashboard-empty');

			// The group: a plan with a few sections, then Cohorts, the code
			// typed as people type it.
			const owner = await openGroup(open, { name: 'Marc-André Fortin', org: 'Comité logement de la Petite-Patrie' });
			const progress = (await readOverview(owner)).overall;
			await owner.openSection('Cohorts');
			assert.equal(owner.pageName, 'org-cohorts');
			assert.equal(await owner.main().getByText(owner.t('{{ORG_NAME}} is in no cohort: no trainer reads your plan.', { ORG_NAME: owner.org })).count(), 1,
			    'the group is in no cohort yet');
			await owner.enterJoinCode(typedCode(code));
			const seen = await owner.readJoinConfirmation();
			assert.equal(seen.cohort, cohort.name, 'the code leads to the trainer\'s cohort');
			assert.equal(seen.facts[owner.t('Trainers')], trainer.name, 'with its trainer\'s name');
			assert.ok(seen.sees.includes(squash(owner.t('change anything in the plan;'))), `it says the trainers cannot change the plan: ${seen.sees}`);
			assert.ok(seen.sees.includes(squash(owner.t('write comments on the sections, which your members see and can answer.'))), 'and that they comment');
			assert.equal(seen.org, owner.org, 'the organisation the owner owns is chosen');
			await owner.shoot('join-confirm');
			// Nothing happened yet: the trainer's dashboard is still empty.
			await trainer.goto(new URL(trainer.page.url()).pathname);
			assert.deepEqual((await trainer.readDashboard()).rows, {}, 'reading the confirmation joins nothing');
			await owner.acceptJoin();
			assert.equal(await owner.page.getByRole('status').filter({ hasText: owner.t('{{ORG_NAME}} joined the cohort “{{COHORT}}”. Its trainers can now read your plan.', { ORG_NAME: owner.org, COHORT: cohort.name }) }).count(), 1,
			    'the Cohorts page says the group joined');
			assert.equal(await owner.main().getByRole('heading', { name: cohort.name, exact: true }).count(), 1, 'and lists the cohort');
			await owner.shoot('org-cohorts');

			// The dashboard: the group, its progress, its plan changed since
			// the trainer never read it, no comment awaiting anyone.
			await trainer.openCohort(cohort.name);
			let dash = await trainer.readDashboard();
			let row = dash.rows[owner.org];
			assert.ok(row, `the dashboard lists the group: ${Object.keys(dash.rows).join(', ')}`);
			assert.equal(row.overall, progress, 'with the progress its overview shows');
			assert.equal(row.sections.length, SECTIONS.length, 'and a cell per section');
			assert.ok(row.changed, 'a plan the trainer never read shows as changed');
			assert.ok(!row.demo, 'a real group is no demonstration');
			assert.ok(row.replies.includes(trainer.t('none')), `no comment awaits anyone: ${row.replies}`);
			await trainer.shoot('dashboard');

			// The plan, read only: the overview, then the mission.
			await trainer.openGroupPlan(owner.org);
			const plan = new URL(trainer.page.url()).pathname;
			assert.ok(trainer.variants.includes('trainer'), 'the plan\'s navigation says it is read only');
			assert.equal(squash(await trainer.main().getByRole('heading', { level: 1 }).innerText()),
			    squash(trainer.t('The plan of {{ORG_NAME}}', { ORG_NAME: owner.org })), 'the trainer reads the group\'s plan');
			// Every section, read only: no Save button, no field of the plan,
			// nothing to add or copy; only the comment's field and button.
			for (const section of SECTIONS) {
				await trainer.openSection(section.title);
				assert.equal(trainer.pageName, section.slug);
				assert.equal(await trainer.page.getByRole('button', { name: trainer.t('Save') }).count(), 0, `no Save button on ${section.slug}`);
				const controls = await trainer.main().evaluate((m) => ({
					buttons: [...m.querySelectorAll('button')].map((b) => b.textContent.trim()),
					fields: [...m.querySelectorAll('input:not([type=hidden]), select, textarea')].map((f) => f.name),
				}));
				assert.deepEqual(controls, { buttons: [trainer.t('Send the comment')], fields: ['body'] },
				    `${section.slug}: a trainer only comments`);
			}
			await trainer.openSection(MISSION.title);
			const shown = await readShown(trainer.main().locator('.sheet-read'));
			assert.equal(shown.parts[''].entries[trainer.t(MISSION_FIELD)], MISSION.fields[MISSION_FIELD], 'the trainer reads what the group wrote');
			const comment = 'Belle mission! Pourriez-vous nommer le quartier dans la première phrase?';
			await trainer.writeComment(comment);
			let threads = await trainer.readComments();
			assert.equal(threads.length, 1, 'one conversation on the mission');
			assert.deepEqual(threads[0].messages, [{ author: trainer.name, side: trainer.t('trainer'), body: comment }], 'the trainer\'s comment, signed');
			await trainer.shoot('mission-trainer');

			await trainer.openCohort(cohort.name);
			row = (await trainer.readDashboard()).rows[owner.org];
			assert.ok(!row.changed, 'once read, the plan no longer shows as changed');
			assert.ok(row.replies.includes(trainer.t('{{N}} awaiting the group', { N: 1 })), `the comment awaits the group: ${row.replies}`);
			assert.ok(!row.replies.includes(trainer.t('{{N}} to answer', { N: 1 })), 'nothing is for the trainer to answer');

			// The group: the comment on the overview, and on the section.
			await owner.openSection('Overview');
			const toAnswer = await owner.readConversations();
			assert.ok(toAnswer, 'the overview has comments for the group');
			assert.equal(toAnswer.heading, owner.t('Comments to answer'));
			assert.equal(toAnswer.entries.length, 1, `one comment to answer: ${toAnswer.text}`);
			assert.ok(toAnswer.entries[0].includes(owner.t(MISSION.title)) && toAnswer.entries[0].includes(trainer.name) && toAnswer.entries[0].includes('Belle mission'),
			    `it names the section, the trainer and what she wrote: ${toAnswer.entries[0]}`);
			assert.equal(await owner.main().getByRole('link', { name: owner.t('Open comments: {{OPEN}}', { OPEN: 1 }) }).count(), 1,
			    'the mission\'s card says one comment is open');
			await owner.shoot('overview-comments');
			await owner.navigate(() => owner.main().locator('section.conversations').getByRole('link', { name: owner.t(MISSION.title) }).click());
			assert.equal(owner.pageName, 'mission', 'the entry leads to the section');
			assert.equal(await owner.page.getByRole('heading', { name: owner.t('Comments from your trainer') }).count(), 1, 'which shows the trainer\'s comments');
			threads = await owner.readComments();
			assert.deepEqual(threads[0].messages, [{ author: trainer.name, side: owner.t('trainer'), body: comment }], 'the group reads the comment');
			const reply = 'Bonne idée : on écrira « Petite-Patrie » dès la première ligne.';
			await owner.replyTo(comment, reply);
			threads = await owner.readComments();
			assert.deepEqual(threads[0].messages.map((m) => [m.author, m.side, m.body]),
			    [[trainer.name, owner.t('trainer'), comment], [owner.name, owner.t('the group'), reply]], 'the reply follows the comment');
			assert.equal(await owner.valueOf(MISSION_FIELD), MISSION.fields[MISSION_FIELD], 'answering leaves the plan as it was');
			await owner.shoot('mission-comments');

			// The trainer: the reply is hers to answer.
			await trainer.openCohort(cohort.name);
			row = (await trainer.readDashboard()).rows[owner.org];
			assert.ok(row.replies.includes(trainer.t('{{N}} to answer', { N: 1 })), `the reply awaits the trainer: ${row.replies}`);
			assert.ok(!row.replies.includes(trainer.t('{{N}} awaiting the group', { N: 1 })), 'and no longer the group');
			await trainer.openGroupPlan(owner.org);
			const replies = await trainer.readConversations();
			assert.equal(replies && replies.heading, trainer.t('Replies from the group'), 'the trainer\'s overview lists the replies');
			assert.ok(replies.entries.length === 1 && replies.entries[0].includes(owner.name), `the group's reply: ${replies && replies.text}`);
			await trainer.openSection(MISSION.title);
			threads = await trainer.readComments();
			assert.deepEqual(threads[0].messages.map((m) => m.body), [comment, reply], 'the trainer reads the reply under her comment');
			await trainer.shoot('mission-comments-trainer');

			// The group marks the conversation resolved.
			await owner.resolve(comment);
			threads = await owner.readComments();
			assert.equal(threads.length, 1);
			assert.ok(threads[0].resolved, 'the conversation is resolved');
			assert.equal(await owner.page.getByRole('heading', { name: owner.t('Resolved conversations') }).count(), 1, 'and listed as such');
			await owner.openSection('Overview');
			assert.equal(await owner.main().getByRole('link', { name: owner.t('Open comments: {{OPEN}}', { OPEN: 1 }) }).count(), 0,
			    'no comment is open on the overview any more');
			const after = await owner.readConversations();
			assert.ok(after === null || after.entries.length === 0, `nothing left to answer: ${after && after.text}`);

			await trainer.openCohort(cohort.name);
			row = (await trainer.readDashboard()).rows[owner.org];
			assert.ok(row.replies.includes(trainer.t('none')), `a resolved conversation awaits no one: ${row.replies}`);
			assert.ok(!row.replies.includes(trainer.t('{{N}} to answer', { N: 1 })), 'not the trainer');

			// The debrief and the CSV file.
			await trainer.follow('Cohort debrief', { scope: trainer.main() });
			assert.equal(trainer.pageName, 'debrief');
			assert.equal(squash(await trainer.main().getByRole('heading', { level: 1 }).innerText()), cohort.name);
			assert.ok(squash(await trainer.main().innerText()).includes(squash(trainer.t('Groups counted: {{GROUPS}}.', { GROUPS: 1 }))), 'the debrief counts the group');
			const platforms = trainer.main().getByRole('table', { name: trainer.t('Groups per platform') });
			assert.ok((await platforms.getByRole('row').allInnerTexts()).some((r) => /^Facebook\s+1\s/.test(r)), 'one group chose Facebook');
			await trainer.shoot('debrief');
			// Printed (or saved as PDF, as the page suggests): the figures,
			// without the links, the header and the footer of the screen.
			assert.deepEqual(await printProblems(trainer.page, {
				hidden: ['.noprint', 'header.site', 'footer.site'],
				shown: ['h1', 'svg.debrief-bars', 'table.debrief-table', 'ol.debrief-pitfalls > li'],
			}), [], 'the debrief prints its charts and tables, not the controls of the screen');
			await shootPrinted(trainer.page, 'debrief');
			const pdf = await printToPdf(trainer.page, 'debrief');
			assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-', `Chromium prints the debrief to a PDF (${pdf.file})`);
			assert.ok(pdf.pages >= 1, `of at least one page: ${pdf.pages}`);
			await trainer.follow('Back to the dashboard', { scope: trainer.main() });
			// The dashboard prints its table whole, without its actions.
			assert.deepEqual(await printProblems(trainer.page, {
				hidden: ['.dash-actions', 'header.site'],
				shown: ['table.dash', 'table.dash tbody tr'],
				style: { '.dash-scroll': { 'overflow-x': 'visible' } },
			}), [], 'the dashboard prints its table, not its actions');
			const csv = await trainer.downloadCsv();
			assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV file starts with the UTF-8 byte order mark');
			assert.match(csv.name, /\.csv$/, `a .csv file: ${csv.name}`);
			const lines = csv.text.split('\r\n').filter((l) => l !== '');
			assert.equal(lines.length, 2, `a header and one row: ${csv.text}`);
			assert.ok(lines[0].startsWith(`${trainer.t('Organisation')};${trainer.t('Overall progress (%)')};`), `the header, with ; in French: ${lines[0]}`);
			assert.ok(lines[1].startsWith(`${owner.org};${progress};`), `the group's row, with its progress: ${lines[1]}`);

			// The demonstration plan, from the settings.
			await trainer.openCohortSettings();
			await trainer.click('Add the example plan (a fictional housing committee) as a demonstration group');
			assert.equal(trainer.pageName, 'overview', 'the demonstration opens on its overview');
			assert.ok(!trainer.variants.includes('trainer'), 'the trainer owns it, to show the room the workbook as a group sees it');
			assert.equal(squash(await trainer.main().getByRole('heading', { level: 1 }).innerText()), squash(trainer.t('Our plan')));
			assert.equal((await readOverview(trainer)).overall, 100, 'the example plan is complete');
			await trainer.openCohort(cohort.name);
			dash = await trainer.readDashboard();
			const demos = Object.values(dash.rows).filter((r) => r.demo);
			assert.equal(demos.length, 1, `one row marked as a demonstration: ${JSON.stringify(dash.rows)}`);
			assert.equal(demos[0].overall, 100);
			assert.ok(!dash.rows[owner.org].demo, 'the group is not marked');
			await trainer.shoot('dashboard-demo');
			await trainer.follow('Cohort debrief', { scope: trainer.main() });
			const text = squash(await trainer.main().innerText());
			assert.ok(text.includes(squash(trainer.t('The demonstration plan is left out.'))), 'the debrief leaves the demonstration out');
			assert.ok(text.includes(squash(trainer.t('Groups counted: {{GROUPS}}.', { GROUPS: 1 }))), 'and counts the one group');

			// The group leaves: the trainer no longer reads its plan.
			await owner.leaveCohort(cohort.name);
			assert.equal(await owner.page.getByRole('status').filter({ hasText: owner.t('{{ORG_NAME}} left the cohort. Its trainers can no longer read your plan.', { ORG_NAME: owner.org }) }).count(), 1,
			    'the Cohorts page says the group left');
			await trainer.goto(plan);
			assert.equal(trainer.status, 404, 'the plan is not found any more');
			assert.equal(trainer.pageName, 'error-404');
			assert.equal(await trainer.main().getByText(trainer.t('This page does not exist.')).count(), 1, 'the page says so');
			await trainer.goto(`${plan}${MISSION.slug}`);
			assert.equal(trainer.status, 404, 'nor its sections');
			await trainer.openCohort(cohort.name);
			assert.deepEqual(Object.keys((await trainer.readDashboard()).rows), demos.map((r) => r.name), 'only the demonstration is left on the dashboard');
		});
	});

	test('the language switch turns every page of the trainers\' journey into English and back', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const problems = [];
			const comment = 'Votre mission parle des familles : lesquelles, au juste?';
			const reply = 'Les familles du quartier qui viennent à la halte-garderie.';
			const notes = 'Local 204, prévoir des rallonges.';
			const { trainer, owner, cohort, code, plan } = await cohortWithAConversation(open, {
				trainer: { name: 'Sylvie Gauthier', org: 'Coopérative de formation Gauthier' },
				group: { name: 'Nathalie Bergeron', org: 'Centre d’entraide de Rosemont' },
				cohort: { name: 'Série du printemps, Rosemont', startsOn: '2026-04-07', endsOn: '2026-05-26', notes },
				comment, reply,
			});
			// A second cohort whose code the owner has not typed yet: its
			// confirmation is shown, nothing joined.
			const other = await trainer.createCohort({ name: 'Atelier d’automne, Verdun' });
			const otherCode = await trainer.readJoinCode();
			const typed = [trainer.name, trainer.org, owner.name, owner.org, cohort.name, other.name, notes, comment, reply,
				code, otherCode, ...GROUP_PLAN.flatMap(typedValues)];
			const check = async (who, known) => {
				problems.push(...await languageProblems(who, who.lang, typed, known));
			};
			const trainerTour = async () => {
				await trainer.openCohorts();
				await check(trainer, TRAINER_KNOWN.cohorts);
				await trainer.follow('New cohort', { scope: trainer.main() });
				await check(trainer, TRAINER_KNOWN['cohorts-new']);
				await trainer.openCohort(cohort.name);
				await check(trainer, TRAINER_KNOWN.dashboard);
				await trainer.openCohortSettings();
				await check(trainer, TRAINER_KNOWN['cohort-settings']);
				await trainer.follow('Debrief', { scope: trainer.main() });
				await check(trainer, TRAINER_KNOWN.debrief);
				await trainer.goto(plan);
				await check(trainer, TRAINER_KNOWN['overview+trainer']);
				await trainer.openSection(MISSION.title);
				await check(trainer, [MISSION.title, ...TRAINER_KNOWN['section+trainer']]);
			};
			const ownerTour = async () => {
				await owner.openSection('Cohorts');
				await check(owner, TRAINER_KNOWN['org-cohorts']);
				await owner.goto('/join');
				await check(owner, TRAINER_KNOWN.join);
				await owner.goto(`/join/${otherCode}`);
				await check(owner, TRAINER_KNOWN['join-confirm']);
				await owner.openSection('Overview');
				await check(owner, TRAINER_KNOWN['overview+conversations']);
				await owner.openSection(MISSION.title);
				await check(owner, [MISSION.title, ...SECTION_KNOWN, ...TRAINER_KNOWN['section+comments']]);
			};
			const tour = () => Promise.all([trainerTour(), ownerTour()]);

			await tour();
			assert.deepEqual([trainer.lang, owner.lang], ['fr', 'fr']);
			// The switch on a trainer's page stays on that page.
			await trainer.openCohort(cohort.name);
			await trainer.switchLanguage();
			assert.equal(trainer.pageName, 'dashboard', 'the switch comes back to the dashboard');
			await trainer.shoot('dashboard-en');
			await owner.openSection('Cohorts');
			await owner.switchLanguage();
			assert.equal(owner.pageName, 'org-cohorts', 'and to the plan\'s Cohorts page');
			await tour();
			assert.deepEqual([trainer.lang, owner.lang], ['en', 'en'], 'both in English');
			const csv = await (async () => {
				await trainer.openCohort(cohort.name);
				return trainer.downloadCsv();
			})();
			assert.ok(csv.text.startsWith('Organisation,Overall progress (%),'), `the CSV file is in English, with commas: ${csv.text.slice(0, 60)}`);
			await trainer.switchLanguage();
			await owner.switchLanguage();
			await tour();
			assert.deepEqual([trainer.lang, owner.lang], ['fr', 'fr'], 'both back in French');
			assert.deepEqual(problems, [], problems.join('\n'));
		});
	});

	test('at phone width (375 px) the trainers\' pages fit: nothing overflows and every control is within reach', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const problems = [];
			const check = async (who, shot) => {
				for (const p of await layoutProblems(who.page))
					problems.push(`${who.stateKey}: ${p}`);
				if (shot)
					await who.shoot(shot);
			};
			// Long words without a break: a cohort's full name, an address in
			// a comment, a trainer's and a group's long names.
			const comment = 'Regardez comment fait https://www.facebook.com/regroupement.des.organismes.communautaires.autonomes.en.alphabetisation avant de choisir vos plateformes.';
			const { trainer, owner, cohort, plan } = await cohortWithAConversation(open, {
				trainer: { phone: true, name: 'Marie-Ève Desrosiers-Lamontagne', org: 'Formations-communautaires-Desrosiers-Lamontagne', email: uniqueEmail('marie-eve.desrosiers-lamontagne.formation') },
				group: { phone: true, name: 'Jean-Sébastien Bouchard', org: 'Regroupement-des-organismes-communautaires-autonomes-en-alphabétisation' },
				cohort: { name: 'Formation-intensive-printemps-2026-Longueuil-Saint-Hubert-Brossard', startsOn: '2026-04-07', endsOn: '2026-05-26', notes: 'Salle 2' },
				comment, reply: 'Merci, nous allons regarder.',
			});
			// The trainer's pages.
			await trainer.openCohorts();
			await check(trainer, 'cohorts');
			await trainer.follow('New cohort', { scope: trainer.main() });
			await check(trainer, 'cohorts-new');
			await trainer.openCohort(cohort.name);
			await check(trainer, 'dashboard');
			// Its table is wider than a phone: it scrolls in its own box.
			const [tableWidth, boxWidth] = await trainer.main().getByRole('region', { name: trainer.t('Groups of the cohort ({{SHOWN}})', { SHOWN: 1 }) })
			    .evaluate((box) => [box.scrollWidth, box.clientWidth]);
			assert.ok(tableWidth > boxWidth && boxWidth <= 375, `the table (${tableWidth} px) scrolls in its box (${boxWidth} px)`);
			await trainer.openCohortSettings();
			await check(trainer, 'cohort-settings');
			await trainer.follow('Debrief', { scope: trainer.main() });
			await check(trainer, 'debrief');
			await trainer.goto(plan);
			await check(trainer, 'overview-trainer');
			await trainer.openSection(MISSION.title);
			assert.ok(trainer.variants.includes('comments'));
			await check(trainer, 'mission-comments-trainer');

			// The group's: Cohorts, the code's form and its confirmation, the
			// section with the conversation.
			await owner.openSection('Cohorts');
			await check(owner, 'org-cohorts');
			await owner.goto('/join');
			await check(owner, 'join');
			await trainer.createCohort({ name: 'Deuxième-atelier-de-formation-intensive-Longueuil' });
			await owner.enterJoinCode(typedCode(await trainer.readJoinCode()));
			await check(owner, 'join-confirm');
			await owner.acceptJoin();
			await check(owner);
			await owner.openSection('Overview');
			await check(owner, 'overview-comments');
			await owner.openSection(MISSION.title);
			await check(owner, 'mission-comments');
			// A form with its error: an empty reply.
			await owner.click('Send the reply', { scope: owner.thread(comment) });
			assert.equal(owner.pageName, 'mission-errors', 'an empty reply is refused, on the section');
			await check(owner);

			assert.deepEqual(problems, [], `at 375 px:\n${problems.join('\n')}`);
		});
	});

	test('an administrator makes a trainer and a password reset link; the person chooses a new password with it and logs in', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const problems = [];
			// The layout at the person's width, the language when given, a
			// screenshot when named.
			const check = async (who, { shot, lang, typed = [] } = {}) => {
				for (const p of await layoutProblems(who.page))
					problems.push(`${who.stateKey} (${who.lang}, ${who.viewport.width} px): ${p}`);
				if (lang)
					problems.push(...await languageProblems(who, lang, typed, TOUR_KNOWN[who.page0]));
				if (shot)
					await who.shoot(shot);
			};

			// The administrator: an account like any other, given the role
			// on the server; "Administration" shows in her header.
			const admin = await open({ name: 'Hélène Côté' });
			await admin.signUp({ org: 'Hébergement communautaire Côté' });
			assert.equal(await admin.control('link', 'Administration', { scope: admin.accountNav() }).count(), 0,
			    'without the role, no "Administration" in the header');
			await grantRole(admin.email, 'admin');
			await admin.goto(new URL(admin.page.url()).pathname);
			assert.equal(await admin.control('link', 'Administration', { scope: admin.accountNav() }).count(), 1,
			    'with the role, "Administration" is in the header');

			// Yves, to be made a trainer; Rosalie, who forgot her password.
			const yves = await open({ name: 'Yves Cloutier' });
			await yves.signUp({ org: 'Maison des jeunes Cloutier' });
			const rosalie = await open({
				name: 'Rosalie Bérubé-Desjardins-Laframboise',
				email: uniqueEmail('rosalie.berube-desjardins-laframboise.direction'),
			});
			await rosalie.signUp({ org: 'Regroupement-des-cuisines-collectives-de-Rimouski-Neigette' });

			await openAdministration(admin);
			assert.equal(admin.pageName, 'admin');
			let row = await readAccount(admin, yves);
			assert.equal(row.name, yves.name, `the accounts list Yves: ${JSON.stringify(row)}`);
			assert.equal(row.roles, admin.t('None'), 'with no role');
			await check(admin, { shot: 'admin' });

			// The trainer role, with the button of Yves's row.
			await grantTrainer(admin, yves);
			assert.equal(await admin.page.getByRole('status').filter({ hasText: admin.t('The roles of {{NAME}} were changed.', { NAME: yves.name }) }).count(), 1,
			    'the page says Yves\'s roles were changed');
			row = await readAccount(admin, yves);
			assert.equal(row.roles, admin.t('Trainer'), `Yves is a trainer: ${row.roles}`);
			assert.equal(await accountButton(admin, yves, 'Remove the trainer role').count(), 1, 'and the button now removes the role');
			await yves.goto(new URL(yves.page.url()).pathname);
			assert.equal(await yves.control('link', 'My cohorts', { scope: yves.accountNav() }).count(), 1,
			    'Yves\'s next page has "My cohorts" in the header');
			await yves.openCohorts();
			assert.equal(yves.pageName, 'cohorts', 'which opens his cohorts');

			// A password reset link for Rosalie, shown once.
			const link = await makeResetLink(admin, rosalie);
			assert.match(link, /^https?:\/\/[^/]+\/reset\/[A-Za-z0-9_-]{20,}$/, `a whole link with its secret: ${link}`);
			const said = squash(await admin.page.getByRole('status').innerText());
			assert.ok(said.includes(rosalie.name) && said.includes(rosalie.email), `the page names whose link it is: ${said}`);
			await check(admin, { shot: 'admin-reset' });
			await admin.follow('Back to the administration', { scope: admin.main() });
			assert.equal(admin.pageName, 'admin');

			// Rosalie opens it in a browser of her own, on her phone.
			const phone = await open({ phone: true, name: rosalie.name, email: rosalie.email, password: 'pas-le-bon' });
			await phone.goto(link);
			assert.equal(phone.pageName, 'reset', `the link opens the form: ${phone.pageName} (${phone.status})`);
			const lead = squash(await phone.main().locator('p.lead').innerText());
			assert.ok(lead.includes(rosalie.name) && lead.includes(rosalie.email), `for her account: ${lead}`);
			const typed = [rosalie.name, rosalie.email];
			await check(phone, { shot: 'reset', lang: 'fr', typed });
			// In English, from the switch on the page itself; then two
			// passwords that differ, refused with the message next to the field.
			await phone.switchLanguage();
			assert.equal(phone.pageName, 'reset', 'the switch comes back to the form');
			await check(phone, { shot: 'reset-en', lang: 'en', typed });
			await chooseNewPassword(phone, 'Framboises-du-jardin-31', { confirm: 'Framboises-du-jardin-13', expect: 'errors' });
			const error = await fieldError(phone, 'The same password again');
			assert.equal(error.text, squash(t('The two passwords are not the same. Type the new password again in both fields.', 'en')),
			    'the message, in English, next to the field');
			assert.ok(error.before && error.invalid && error.describedBy, `before the field, which is marked invalid and described by it: ${JSON.stringify(error)}`);
			assert.equal(await phone.page.locator('.error-summary').getByRole('link').getAttribute('href'), '#f-confirm', 'the summary at the top links to the field');
			await check(phone, { shot: 'reset-errors', lang: 'en', typed });
			await phone.switchLanguage();
			assert.equal(phone.pageName, 'reset', 'back in French, the form again');
			await check(phone, { lang: 'fr', typed });
			await chooseNewPassword(phone, 'Framboises-du-jardin-31');
			assert.equal(phone.pageName, 'overview', 'the new password logs her in, on her plan');

			// The link worked once.
			await phone.goto(link);
			assert.ok(phone.status === 410 || phone.status === 404, `the link no longer opens the form: ${phone.pageName} (${phone.status})`);
			assert.ok(squash(await phone.main().innerText()).includes(squash(phone.t('This password reset link has already been used, was replaced by a newer one, was cancelled by a change of password, or has expired. Ask an administrator of this site for a new one.'))),
			    'the page says it was used');

			// Her other browser was logged out; the old password no longer
			// works there, the new one does.
			await rosalie.navigate(() => rosalie.control('link', 'My account', { scope: rosalie.accountNav() }).click());
			assert.equal(rosalie.pageName, 'login', 'her other session ended');
			await rosalie.fillFields({ 'E-mail address': rosalie.email, 'Password': rosalie.password });
			await rosalie.click('Log in', { scope: rosalie.main() });
			assert.equal(rosalie.pageName, 'login-errors', 'the old password no longer works');
			rosalie.password = phone.password;
			await rosalie.logIn();
			assert.equal(rosalie.pageName, 'overview', 'the new one does');
			assert.equal(rosalie.orgPath, phone.orgPath, 'on her plan');

			// The administrator on her phone: the administration, a reset
			// link, both in English and back.
			const adminPhone = await open({ phone: true, name: admin.name, email: admin.email, password: admin.password });
			await adminPhone.logIn();
			await openAdministration(adminPhone);
			row = await readAccount(adminPhone, rosalie);
			assert.equal(row.email, rosalie.email, 'the administration lists Rosalie at phone width');
			await check(adminPhone, { shot: 'admin' });
			await adminPhone.switchLanguage();
			assert.equal(adminPhone.pageName, 'admin', 'the switch comes back to the administration');
			await check(adminPhone, { shot: 'admin-en', lang: 'en', typed: await typedOnAdministration(adminPhone) });
			await makeResetLink(adminPhone, yves);
			await check(adminPhone, { shot: 'admin-reset', lang: 'en', typed: [yves.name, yves.email] });
			await adminPhone.follow('Back to the administration', { scope: adminPhone.main() });
			await adminPhone.switchLanguage();
			assert.equal(adminPhone.pageName, 'admin');
			await check(adminPhone, { lang: 'fr', typed: await typedOnAdministration(adminPhone) });

			assert.deepEqual(problems, [], problems.join('\n'));
		});
	});

	test('keyboard only: an owner joins a cohort with Tab, typing and Enter, the focus always visible', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const trainer = await openTrainer(open, { name: 'Louise Caron', org: 'Formations Caron' });
			const cohort = await trainer.createCohort({ name: 'Atelier au clavier' });
			const code = await trainer.readJoinCode();
			const kb = { problems: [] };
			const kim = await open({ name: 'Karim Haddad' });
			await kim.signUp({ org: 'Maison des jeunes du clavier' });

			await tabTo(kim, kim.t('Cohorts'), kb);
			await pressEnter(kim);
			assert.equal(kim.pageName, 'org-cohorts');
			await tabTo(kim, kim.t('Join code'), kb);
			await typeText(kim, typedCode(code));
			await tabTo(kim, kim.t('Continue'), { max: 2, ...kb });
			await pressEnter(kim);
			assert.equal(kim.pageName, 'join-confirm', 'the code leads to the confirmation');
			assert.equal((await kim.readJoinConfirmation()).cohort, cohort.name);
			await tabTo(kim, kim.t('Join, and let these trainers read our plan'), kb);
			await kim.shoot('join-confirm-focus');
			await pressEnter(kim);
			assert.equal(kim.pageName, 'org-cohorts-joined', 'joined with the keyboard');
			assert.equal(await kim.main().getByRole('heading', { name: cohort.name, exact: true }).count(), 1, 'the cohort is listed');

			// The trainer sees the group.
			await trainer.openCohort(cohort.name);
			assert.ok((await trainer.readDashboard()).rows[kim.org], 'the group is on the trainer\'s dashboard');
			assert.deepEqual(kb.problems, [], kb.problems.join('\n'));
		});
	});

	test('the same journey with JavaScript off', { timeout: ORGANISER_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			// The organiser's whole journey, every page checked by axe in a
			// copy that a browser with JavaScript shows.
			const noJs = await organiserJourney(open, { javaScript: false });
			await noJs.switchLanguage();
			assert.equal(noJs.lang, 'en', 'the language switch works without JavaScript');
			await noJs.logOut();
			assert.equal(noJs.pageName, 'home', 'logging out works without JavaScript');
		});
	});

	test('a conflict: the second member\'s save shows the message, keeps their text and shows the other version', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const alice = await open({ name: 'Chantal Roy' });
			await alice.signUp({ org: 'Table de concertation en sécurité alimentaire' });
			const link = await inviteLink(alice);
			await alice.shoot('members');

			// Bob: another browser, no cookie of Alice's, on a phone.
			const bob = await open({ name: 'Bob Tremblay', password: 'Castor-des-berges-17', phone: true });
			await bob.goto(link);
			assert.equal(bob.pageName, 'invite');
			await bob.shoot('invite');
			await bob.fillFields({ 'Your name': bob.name, 'E-mail address': bob.email, 'Password': bob.password });
			await bob.click('Join {{INVITE_ORG}}', { vars: { INVITE_ORG: alice.org }, scope: bob.page.getByRole('main').locator('form.stack') });
			assert.equal(bob.pageName, 'overview', 'the new member lands on the plan');
			assert.equal(bob.orgPath, alice.orgPath, 'the same organisation');

			const first = variant(MISSION, (v) => `${v} (version d’Alice, https://www.facebook.com/tabledeconcertationensecuritealimentaire)`);
			const second = variant(MISSION, (v) => `${v} (version de Bob)`);
			await alice.openSection(MISSION.title);
			await bob.openSection(MISSION.title);
			await saveSection(alice, first);
			await fillSection(bob, second);
			await bob.save({ expect: 'conflict' });

			const alert = bob.page.getByRole('alert');
			await assert.doesNotReject(alert.getByRole('heading', { name: bob.t('Someone else saved this section while you were writing') }).waitFor(),
			    'the conflict message is shown');
			const theirs = await readShown(alert);
			assert.equal(theirs.parts[''].entries[bob.t(MISSION_FIELD)], first.fields[MISSION_FIELD], 'the message shows the version the first member saved');
			assert.ok(theirs.parts[''].text.includes(alice.name), 'and who saved it');
			await expectForm(bob, second);
			assert.deepEqual(await layoutProblems(bob.page), [], 'the conflict fits a phone');
			await bob.shoot('mission-conflict');

			// Saving again, on purpose, now wins; both read the same summary.
			await bob.save();
			await expectForm(bob, second);
			const seenByAlice = await alice.readSummary();
			expectSummary(alice, seenByAlice, second);
			assert.deepEqual(await bob.readSummary(), seenByAlice, 'Alice and Bob read the same summary');

			await bob.openSection('Members');
			const rows = await bob.page.getByRole('row').allInnerTexts();
			assert.ok(rows.some((r) => r.includes(alice.name)), 'Bob sees Alice among the members');
			assert.ok(rows.some((r) => r.includes(bob.name)), 'Bob sees himself among the members');
			assert.equal(await bob.page.getByRole('button', { name: bob.t('Create an invitation link') }).count(), 0,
			    'a member who is not the owner is not offered to invite');
		});
	});

	test('a draft is kept: leaving without saving, coming back offers it, restoring puts it back, saving clears it', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const dora = await open({ name: 'Dora Bouchard' });
			await dora.signUp({ org: 'Centre d’action bénévole du brouillon' });
			await dora.openSection(MISSION.title);
			const text = MISSION.fields[MISSION_FIELD];
			const key = `reseauter:draft:${dora.orgPath.replace('/o/', '')}/mission`;
			const stored = () => dora.page.evaluate((k) => localStorage.getItem(k), key);
			await dora.page.getByText(dora.t('While you type, a draft of this page is kept in this browser until you save.')).waitFor();
			await dora.field(MISSION_FIELD).pressSequentially(text);
			// The draft is written half a second after the last key.
			await dora.page.waitForFunction((k) => localStorage.getItem(k) !== null, key);

			// Away, without saving, and back.
			await dora.openSection(OBJECTIVES.title);
			await dora.openSection(MISSION.title);
			assert.equal(await dora.valueOf(MISSION_FIELD), '', 'nothing was saved');
			const offer = dora.page.getByRole('status').filter({ hasText: dora.t('This browser kept a draft of this page that was never saved.') });
			await offer.waitFor();
			assert.ok(await offer.isVisible(), 'the draft is offered');
			await dora.shoot('mission-draft');
			await offer.getByRole('button', { name: dora.t('Put the draft back in the form'), exact: true }).click();
			assert.equal(await dora.valueOf(MISSION_FIELD), text, 'restoring puts the text back');
			assert.ok(await offer.isHidden(), 'the offer goes away');

			await dora.save();
			assert.equal(await stored(), null, 'saving clears the draft');
			assert.equal(await dora.valueOf(MISSION_FIELD), text, 'the text is saved');
			await dora.page.reload();
			assert.ok(await offer.isHidden(), 'no draft is offered after saving');

			// Another draft, discarded this time.
			const means = 'We do this through…';
			await dora.field(means).fill('Un brouillon à jeter');
			await dora.page.waitForFunction((k) => localStorage.getItem(k) !== null, key);
			await dora.openSection(OBJECTIVES.title);
			await dora.openSection(MISSION.title);
			await offer.waitFor();
			await offer.getByRole('button', { name: dora.t('Discard the draft'), exact: true }).click();
			assert.ok(await offer.isHidden(), 'discarding hides the offer');
			assert.equal(await stored(), null, 'and forgets the draft');
			assert.equal(await dora.valueOf(means), '', 'what is saved stays (nothing, in this field)');
			assert.equal(await dora.valueOf(MISSION_FIELD), text, 'and in the other');
		});
	});

	test('history: two saves, the older version opened and restored', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const hugo = await open({ name: 'Hugo Lefebvre' });
			await hugo.signUp({ org: 'Carrefour familial des mémoires' });
			const older = variant(MISSION, (v) => `${v} (première rédaction)`);
			const newer = variant(MISSION, (v) => `${v} (deuxième rédaction)`);
			await saveSection(hugo, older);
			await saveSection(hugo, newer);

			await openHistory(hugo, MISSION);
			let list = await versions(hugo);
			assert.equal(list.length, 2, `two versions: ${list.join(' | ')}`);
			assert.ok(list[0].startsWith(hugo.t('Version {{VERSION}}', { VERSION: 2 })) && list[0].includes(hugo.t('current')), `the newest first, current: ${list[0]}`);
			assert.ok(list[0].includes(hugo.name), 'with who saved it');

			await hugo.follow('Version {{VERSION}}', { vars: { VERSION: 1 } });
			assert.equal(hugo.pageName, 'mission-revision');
			const shown = await readShown(hugo.page.locator('.sheet-read'));
			assert.equal(shown.parts[''].entries[hugo.t(MISSION_FIELD)], older.fields[MISSION_FIELD], 'the older version is shown');
			await hugo.click('Restore this version');
			assert.equal(hugo.pageName, 'mission-restored');
			assert.equal(await hugo.page.getByRole('status').filter({ hasText: hugo.t('The earlier version was restored. The one it replaced is still in the history.') }).count(), 1,
			    'the section says the version was restored');
			await expectForm(hugo, older);

			await openHistory(hugo, MISSION);
			list = await versions(hugo);
			assert.equal(list.length, 3, `nothing is lost: ${list.join(' | ')}`);
			assert.ok(list[0].includes(hugo.t('restores version {{FROM}}', { FROM: 1 })), `the new version says what it restores: ${list[0]}`);
		});
	});

	test('keyboard only: sign up and save a section with Tab, Enter and typing, the focus always visible', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const kim = await open({ name: 'Kim Nguyen' });
			const kb = { problems: [] };
			const mission = MISSION.fields[MISSION_FIELD];
			await kim.goto('/');

			// The first stop is the skip link, shown when focused.
			const { state } = await tabTo(kim, kim.t('Skip to content'), { max: 1, ...kb });
			assert.equal(state.tag, 'a');
			await tabTo(kim, kim.t('Create an account'), kb);
			await pressEnter(kim);
			assert.equal(kim.pageName, 'signup');

			// The skip link leads past the header, to the form.
			await tabTo(kim, kim.t('Skip to content'), { max: 1, ...kb });
			await kim.page.keyboard.press('Enter');
			await tabTo(kim, kim.t('Name of the organisation'), { max: 1, ...kb });
			await typeText(kim, 'Carrefour jeunesse-emploi du clavier');
			await tabTo(kim, kim.t('Your name'), kb);
			await typeText(kim, kim.name);
			await tabTo(kim, kim.t('E-mail address'), kb);
			await typeText(kim, kim.email);
			await tabTo(kim, kim.t('Password'), kb);
			await typeText(kim, kim.password);
			await tabTo(kim, kim.t('Create our workbook'), kb);
			await pressEnter(kim);
			assert.equal(kim.pageName, 'overview', 'signed up with the keyboard');

			await tabTo(kim, `3. ${kim.t('Mission')}`, kb);
			await pressEnter(kim);
			assert.equal(kim.pageName, 'mission');
			await tabTo(kim, kim.t(MISSION_FIELD), { max: 60, ...kb });
			await typeText(kim, mission);
			await tabTo(kim, kim.t('Save'), kb);
			await kim.shoot('mission-focus');
			await pressEnter(kim);
			assert.equal(kim.pageName, 'mission-saved', 'saved with the keyboard');
			assert.equal(await kim.valueOf(MISSION_FIELD), mission);

			// Enter in a one-line field saves the page, as in any form, and
			// does nothing else (the page's first button copies an example).
			await tabTo(kim, `${kim.t(AUDIENCES.title)} 0 %`, { max: 60, ...kb });
			await pressEnter(kim);
			assert.equal(kim.pageName, 'audiences');
			await tabTo(kim, kim.t('Other groups'), { max: 60, ...kb });
			await typeText(kim, AUDIENCES.fields['Other groups']);
			await pressEnter(kim);
			assert.equal(kim.pageName, 'audiences-saved', 'Enter in a field saves');
			assert.equal(await kim.valueOf('Other groups'), AUDIENCES.fields['Other groups']);
			const copied = await kim.page.getByRole('main').getByRole('group', { name: new RegExp(`^${kim.t('Persona %d', { N: 1 })}`) }).count();
			assert.equal(copied, 0, 'Enter in a field copies no example persona');

			// A platform: its fold opens with Enter, its box ticks with Space.
			await tabTo(kim, `${kim.t(PLATFORMS.title)} 0 %`, { max: 60, ...kb });
			await pressEnter(kim);
			assert.equal(kim.pageName, 'platforms');
			await tabTo(kim, 'Facebook', { max: 60, ...kb });
			await kim.page.keyboard.press('Enter');
			await tabTo(kim, kim.t('We choose this platform'), { max: 3, ...kb });
			await kim.page.keyboard.press('Space');
			await tabTo(kim, kim.t('Hours a week we plan'), kb);
			await typeText(kim, '2');
			await pressEnter(kim);
			assert.equal(kim.pageName, 'platforms-saved', 'Enter in the hours saves');
			const facebook = kim.item({ title: 'Facebook' });
			assert.equal(await kim.valueOf('We choose this platform', { scope: facebook }), true, 'Facebook is chosen');
			assert.equal(await kim.valueOf('Hours a week we plan', { scope: facebook }), '2');

			// Every kind of control seen so far showed its focus.
			assert.deepEqual(kb.problems, [], kb.problems.join('\n'));
		});
	});

	test('form errors: an impossible date shows next to the field and in the summary at the top, values kept', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const ed = await open({ name: 'Édouard Paquette' });
			await ed.signUp({ org: 'Coop d’habitation des Érables' });
			const objective = OBJECTIVES.lists[0].items[0];
			await ed.openSection(OBJECTIVES.title);
			const block = ed.item({ add: 'Add an objective' });
			await ed.fillFields(objective, { scope: block });

			// A browser with a date picker refuses a date out of range itself.
			const date = ed.field('Date', { scope: block });
			await date.fill('2206-06-30');
			assert.equal(await date.evaluate((e) => e.validity.rangeOverflow), true, 'the browser knows 2206 is out of range');
			assert.equal(await date.evaluate((e) => e.form.checkValidity()), false, 'and would not send the form');

			// Without a date picker, the program says what is wrong.
			await badDate(ed, block, '2026-02-30');
			await ed.save({ expect: 'errors' });
			await ed.shoot('objectives-errors');

			// The objective comes back as the list's first, unsaved.
			const message = ed.t('Please enter a date as YYYY-MM-DD.');
			const again = ed.item({ title: 'Objective %d', n: 1 });
			const field = ed.field('Date', { scope: again });

			// The summary at the top, before the form, links to the field.
			const summary = ed.page.locator('.error-summary');
			assert.equal(await summary.getAttribute('role'), 'alert');
			assert.ok((await summary.innerText()).includes(ed.t('Some answers need your attention')));
			const entry = summary.getByRole('link').filter({ hasText: message });
			assert.equal(await entry.count(), 1, 'one entry of the summary is about the date');
			const entryText = await entry.innerText();
			assert.ok(entryText.includes(ed.t('Date')) && entryText.includes(ed.t('Objective %d', { N: 1 })), `the entry names the field and its objective: ${entryText}`);
			const formTop = (await ed.page.locator('main form.stack').boundingBox()).y;
			assert.ok((await summary.boundingBox()).y < formTop, 'the summary stands above the form');
			assert.equal(await entry.getAttribute('href'), `#${await field.getAttribute('id')}`, 'the entry links to the field');

			// Next to the field: in its box, just before it, and read with it.
			const error = field.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]').locator('.error');
			assert.equal((await error.innerText()).trim(), message, 'the message stands in the field\'s box');
			assert.equal(await error.evaluate((e) => e.nextElementSibling && e.nextElementSibling.name), 'objective-1-due',
			    'the message comes just before the field');
			assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
			const described = await field.evaluate((e) => (e.getAttribute('aria-describedby') || '').split(/\s+/)
			    .map((id) => document.getElementById(id)?.textContent.trim()).join(' '));
			assert.ok(described.includes(message), `the field's description includes the message: ${described}`);

			// Nothing typed is lost: every other field, and the wrong date
			// itself, in view: a date picker cannot show an impossible date,
			// so the field comes back as a text field holding what was typed.
			for (const [label, value] of Object.entries(objective)) {
				if (label !== 'Date')
					assert.equal(await ed.valueOf(label, { scope: again }), ed.word(value), `"${label}" is kept`);
			}
			assert.equal(await field.evaluate((e) => e.type), 'text', 'the date with an error comes back as a text field');
			assert.equal(await field.inputValue(), '2026-02-30', 'the wrong date is in view, as typed');

			// The link of the summary takes the person to the field, with its
			// label and its message in view too.
			await entry.click();
			const inView = async (loc) => loc.evaluate((e) => {
				const r = e.getBoundingClientRect();
				return r.top >= -1 && r.bottom <= window.innerHeight + 1;
			});
			assert.ok(await inView(field), 'following the entry brings the field into view');
			assert.ok(await inView(error), 'and the message about it');
			assert.ok(await inView(again.getByText(ed.t('Date'), { exact: true })), 'and its label');

			await ed.fill('Date', objective.Date, { scope: again });
			await ed.save();
			const saved = ed.field('Date', { scope: ed.item({ title: 'Objective %d', n: 1 }) });
			assert.equal(await saved.evaluate((e) => e.type), 'date', 'once right, the date is a date field again');
			assert.equal(await saved.inputValue(), objective.Date, 'holding the date');
			const first = { ...OBJECTIVES, lists: [{ ...OBJECTIVES.lists[0], items: [objective] }] };
			expectSummary(ed, await ed.readSummary(), first);
		});
	});

	// My account and two-factor authentication: turned on with the codes
	// oathtool computes from the key the page shows (lib/totp.mjs).
	test('two-factor: an organiser turns it on from My account, logs in with a code, ends another browser\'s session and changes the password', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const lea = await open({ name: 'Léa Charbonneau', password: 'Rivière-des-Prairies-31' });
			await lea.signUp({ org: 'Maison de la famille de Saint-Michel' });

			// My account, from the header.
			await lea.openAccount();
			assert.equal(await lea.control('link', 'My account', { scope: lea.accountNav() }).getAttribute('aria-current'), 'page',
			    'the header marks My account as the current page');
			const main = squash(await lea.main().innerText());
			assert.ok(main.includes(squash(lea.t('You log in as {{EMAIL}}.', { EMAIL: lea.email }))), 'the page says which address she logs in with');
			let sessions = await lea.readSessions();
			assert.equal(sessions.length, 1, `one session: ${sessions.map((x) => x.text).join(' / ')}`);
			assert.ok(sessions[0].current, 'marked as this session');
			await lea.shoot('account');

			// The set-up: the QR code and the key.
			await lea.startTwoFactor();
			assert.deepEqual(await setupProblems(lea), []);
			const shownKey = await lea.readTwoFactorKey();
			await lea.shoot('account-2fa');
			await lea.page.reload();
			await lea.arrived();
			assert.equal(await lea.readTwoFactorKey(), shownKey, 'the set-up shows the same key when loaded again');

			// A code of another time is refused, next to its field.
			const phone = new AuthenticatorApp(shownKey);
			await lea.fillFields({ 'Your password': lea.password, 'Code from the app': phone.wrongCode() });
			await lea.click('Turn on two-factor authentication');
			assert.equal(lea.pageName, 'account-2fa-errors', 'a wrong code is refused');
			let error = await fieldError(lea, 'Code from the app');
			assert.equal(error.text, squash(lea.t('This code is not right, or was already used. Type the code your app shows now.')), 'the message stands next to the code');
			assert.ok(error.before && error.invalid && error.describedBy, `before the field, which is marked invalid and described by it: ${JSON.stringify(error)}`);
			assert.deepEqual(await setupProblems(lea), [], 'the set-up is shown again whole');
			assert.equal(await lea.readTwoFactorKey(), shownKey, 'with the same key');

			// The right code, typed as the app shows it ("123 456").
			const { key, codes } = await lea.turnOn2fa();
			assert.equal(key, shownKey);
			assert.equal(codes.length, 10, `ten recovery codes: ${codes.join(' ')}`);
			assert.equal(new Set(codes).size, 10, 'all different');
			for (const c of codes)
				assert.match(c, /^[A-Z2-9]{5}-[A-Z2-9]{5}$/, `a recovery code reads as ABCDE-FGHIJ: ${c}`);
			assert.equal(await lea.page.getByRole('status').filter({ hasText: lea.t('From now on, logging in asks for your password and a code from your app. Your other sessions were ended.') }).count(), 1,
			    'the page says two-factor is on');
			await lea.shoot('account-codes');

			// Shown once: loading the page again does not show them.
			await lea.navigate(() => lea.page.reload());
			assert.equal(lea.pageName, 'account', `loading it again leads to the account page, not the codes: ${lea.pageName}`);
			assert.deepEqual(await lea.readRecoveryCodes(), [], 'the codes are not shown again');
			let text = squash(await lea.main().innerText());
			assert.ok(!codes.some((c) => text.includes(c)), 'nor anywhere on the page');
			const left = squash(lea.t('On since {{ENABLED}}. Recovery codes left: {{CODES_LEFT}}.', { CODES_LEFT: 10 }).split('{{ENABLED}}')[1]);
			assert.ok(text.includes(left), `the account page says two-factor is on, with 10 recovery codes ("${left}"): ${text.slice(0, 300)}`);
			assert.ok(lea.variants.includes('totp-on'), 'and offers new codes or to turn it off');
			await lea.shoot('account-2fa-on');

			// Out, and in again: the second step asks for the code.
			await lea.logOut();
			await lea.logIn();
			assert.equal(lea.pageName, 'login-2fa', 'after the password, the second step');
			assert.equal(await lea.field('Code').getAttribute('autocomplete'), 'one-time-code', 'the field is a one-time code');
			await lea.goto(`${lea.orgPath}/`);
			assert.equal(lea.pageName, 'login-2fa', 'the plan is not reachable before the code');
			await lea.shoot('login-2fa');
			await lea.secondStep(phone.wrongCode(), { expect: 'errors' });
			error = await fieldError(lea, 'Code');
			assert.equal(error.text, squash(lea.t(WRONG_CODE)), 'a wrong code: the message, in French, next to the field');
			assert.ok(error.before && error.invalid && error.describedBy, `before the field, which is marked invalid and described by it: ${JSON.stringify(error)}`);
			assert.equal(error.value, '', 'the wrong code is not kept in the field');
			const summary = lea.page.locator('.error-summary');
			assert.equal(await summary.getAttribute('role'), 'alert');
			assert.equal(await summary.getByRole('link').getAttribute('href'), '#f-code', 'the summary at the top links to the field');
			await lea.shoot('login-2fa-errors');
			await lea.secondStep();
			assert.equal(lea.pageName, 'overview', 'the right code opens the plan');

			// A second browser logs in with a recovery code.
			const other = await open({ name: lea.name, email: lea.email, password: lea.password });
			await other.logIn();
			assert.equal(other.pageName, 'login-2fa');
			await other.secondStep(codes[0].toLowerCase());
			assert.equal(other.pageName, 'account-recovered', 'a recovery code leads to the account page');
			assert.equal(await other.page.getByRole('status').filter({ hasText: other.t('You logged in with a recovery code, which now no longer works. Recovery codes left: {{CODES_LEFT}}.', { CODES_LEFT: 9 }) }).count(), 1,
			    'which says the code is spent and 9 are left');

			// The first browser sees both sessions and ends the other.
			await lea.openAccount();
			sessions = await lea.readSessions();
			assert.equal(sessions.length, 2, `two sessions: ${sessions.map((x) => x.text).join(' / ')}`);
			assert.equal(sessions.filter((x) => x.current).length, 1, 'one of them is this one');
			assert.ok(sessions.every((x) => x.address.includes('127.0.0.1')), `with their address: ${sessions.map((x) => x.address).join(', ')}`);
			assert.deepEqual(await brokenWords(lea.main().getByRole('table')), [], 'no word of the list is cut at the end of a line');
			await lea.shoot('account-sessions');
			await lea.endOtherSession();
			assert.equal(await lea.page.getByRole('status').filter({ hasText: lea.t('The session was ended.') }).count(), 1, 'the page says the session was ended');
			sessions = await lea.readSessions();
			assert.equal(sessions.length, 1, 'one session is left');
			assert.ok(sessions[0].current, 'this one');

			// The other browser's next click leads to the login.
			await other.navigate(() => other.control('link', 'My account', { scope: other.accountNav() }).click());
			assert.equal(other.pageName, 'login', 'the ended session is sent to the login');

			// The password changed: the other browser's session ends, not this one.
			await other.logIn();
			await other.secondStep(codes[1]);
			await lea.openAccount();
			assert.equal((await lea.readSessions()).length, 2, 'two sessions again');
			const oldPassword = lea.password;
			await lea.changePassword('Pont-Jacques-Cartier-au-matin-58');
			assert.equal(await lea.page.getByRole('status').filter({ hasText: lea.t('Your new password was saved. Every other session of your account was ended; this one goes on.') }).count(), 1,
			    'the page says the password was changed');
			sessions = await lea.readSessions();
			assert.equal(sessions.length, 1, `only this session is left: ${sessions.map((x) => x.text).join(' / ')}`);
			await lea.openSection('Overview');
			assert.equal(lea.pageName, 'overview', 'this browser goes on');
			await other.navigate(() => other.control('link', 'My account', { scope: other.accountNav() }).click());
			assert.equal(other.pageName, 'login', 'the other browser is sent to the login');
			await other.fillFields({ 'E-mail address': lea.email, 'Password': oldPassword });
			await other.click('Log in', { scope: other.main() });
			assert.equal(other.pageName, 'login-errors', 'the old password no longer works');
			await other.fillFields({ 'E-mail address': lea.email, 'Password': lea.password });
			await other.click('Log in', { scope: other.main() });
			assert.equal(other.pageName, 'login-2fa', 'the new one does, and the code is still asked');

			// My account in English, from the language switch.
			await lea.openAccount();
			await lea.switchLanguage();
			assert.equal(lea.pageName, 'account', 'the switch comes back to the account page');
			const typed = [lea.name, lea.email, lea.org];
			assert.deepEqual(await languageProblems(lea, 'en', typed, ACCOUNT_KNOWN['account+totp-on']), []);
			await lea.shoot('account-en');
			await lea.switchLanguage();
			assert.deepEqual(await languageProblems(lea, 'fr', typed, ACCOUNT_KNOWN['account+totp-on']), []);
		});
	});

	test('two-factor at phone width (375 px), in French then in English: the QR code fits, nothing overflows, every control is within reach', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const problems = [];
			const check = async (who, { shot, lang, known } = {}) => {
				for (const p of await layoutProblems(who.page))
					problems.push(`${who.stateKey} (${who.lang}): ${p}`);
				if (lang)
					problems.push(...await languageProblems(who, lang, typed, known));
				if (shot)
					await who.shoot(shot);
			};
			const email = uniqueEmail('marie-josee.archambault-desjardins.coordination');
			const noor = await open({ phone: true, name: 'Marie-Josée Archambault-Desjardins', email });
			const org = 'Regroupement-des-cuisines-collectives-du-Grand-Plateau-Mont-Royal';
			const typed = [noor.name, noor.email, org];
			await noor.signUp({ org });
			await noor.openAccount();
			await check(noor, { shot: 'account', lang: 'fr', known: ACCOUNT_KNOWN.account });
			await noor.startTwoFactor();
			problems.push(...await setupProblems(noor));
			await check(noor, { shot: 'account-2fa', lang: 'fr', known: ACCOUNT_KNOWN['account-2fa'] });

			// In English, from the switch on the set-up page itself.
			await noor.switchLanguage();
			assert.equal(noor.pageName, 'account-2fa', 'the switch comes back to the set-up');
			problems.push(...await setupProblems(noor));
			await check(noor, { shot: 'account-2fa-en', lang: 'en', known: ACCOUNT_KNOWN['account-2fa'] });
			await noor.fillFields({ 'Your password': 'not-my-password', 'Code from the app': '123456' });
			await noor.click('Turn on two-factor authentication');
			assert.equal(noor.pageName, 'account-2fa-errors');
			const error = await fieldError(noor, 'Your password');
			assert.equal(error.text, squash(noor.t('This password is not right.')), 'a wrong password: the message in English, next to the field');
			await check(noor, { lang: 'en', known: ACCOUNT_KNOWN['account-2fa'] });
			problems.push(...await setupProblems(noor));

			const { codes } = await noor.turnOn2fa();
			await check(noor, { shot: 'account-codes-en', lang: 'en', known: ACCOUNT_KNOWN['account-codes'] });
			typed.push(...codes);
			const back = noor.main().getByRole('link', { name: noor.t('I have saved my recovery codes: back to my account'), exact: true });
			await noor.navigate(() => back.click());
			assert.ok(noor.isOn('account'));
			await check(noor, { shot: 'account-en', lang: 'en', known: ACCOUNT_KNOWN['account+totp-on'] });

			// The second step, its error in English.
			await noor.logOut();
			await noor.logIn();
			assert.equal(noor.pageName, 'login-2fa');
			await check(noor, { shot: 'login-2fa-en', lang: 'en', known: ACCOUNT_KNOWN['login-2fa'] });
			await noor.secondStep(noor.app.wrongCode(), { expect: 'errors' });
			assert.equal((await fieldError(noor, 'Code')).text, squash(t(WRONG_CODE, 'en')), 'the wrong code\'s message is in English');
			assert.equal(noor.lang, 'en', 'the second step is in English, as the person chose');
			await check(noor, { shot: 'login-2fa-errors', lang: 'en', known: ACCOUNT_KNOWN['login-2fa'] });
			await noor.secondStep();
			assert.equal(noor.pageName, 'overview');
			await noor.openAccount();
			await check(noor);
			for (const w of await brokenWords(noor.main().getByRole('table')))
				problems.push(`${noor.stateKey}: "${w}" is cut at the end of a line in the list of sessions`);

			assert.deepEqual(problems, [], `at 375 px:\n${problems.join('\n')}`);
		});
	});

	test('keyboard only: the second step of the login with Tab, typing and Enter, the focus always visible', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const kb = { problems: [] };
			const kai = await open({ name: 'Kaï Tremblay-Ouellet' });
			await kai.signUp({ org: 'Entraide des aînés du clavier' });
			await kai.turnOn2fa({ spaced: false });
			await kai.logOut();
			await kai.logIn();
			assert.equal(kai.pageName, 'login-2fa');

			// A wrong code first: Enter in the field sends it.
			await tabTo(kai, kai.t('Code'), kb);
			await typeText(kai, kai.app.wrongCode());
			await pressEnter(kai);
			assert.equal(kai.pageName, 'login-2fa-errors', 'Enter in the field sends the code');
			// The summary's link leads to the field (focused, or the next
			// stop of Tab).
			await tabTo(kai, squash(kai.t('{{LABEL}}: {{MESSAGE}}', { LABEL: kai.t('Code'), MESSAGE: kai.t(WRONG_CODE) })), kb);
			await kai.page.keyboard.press('Enter');
			const at = await focusState(kai.page);
			if (!at || at.name !== kai.t('Code'))
				await tabTo(kai, kai.t('Code'), { max: 1, ...kb });
			// The right one, and Tab to the button.
			await typeText(kai, kai.app.code());
			await tabTo(kai, kai.t('Log in'), { max: 1, ...kb });
			await kai.shoot('login-2fa-focus');
			await pressEnter(kai);
			assert.equal(kai.pageName, 'overview', 'logged in with the keyboard');
			assert.deepEqual(kb.problems, [], kb.problems.join('\n'));
		});
	});
});

test('axe finds no WCAG 2 A or AA violation on any page reached', { timeout: TEST_TIMEOUT }, async (ctx) => {
	const report = axeReport();
	ctx.diagnostic(`axe looked at ${report.keys.length} page states: ${report.keys.join(', ')}`);
	// The violations come first: a run of a few journeys
	// (--test-name-pattern) reports those of its pages too.
	const problems = [];
	if (report.violations.length > 0)
		problems.push(`${report.violations.length} violations on ${report.keys.length} page states:\n${formatViolations(report.violations)}`);
	// A key is "page-state+tag+tag lang width" (Person.arrived()).
	const keys = report.keys.map((k) => {
		const [state, lang, width] = k.split(' ');
		const [name, ...tags] = state.split('+');
		return { name, page: name.replace(STATES, ''), tags, lang, width };
	});
	const missing = [...MAIN_PAGES, ...TOUR_PAGES].filter((p) => !keys.some((k) => k.page === p));
	if (missing.length > 0)
		problems.push(`pages axe never looked at: ${missing.join(', ')} (looked at: ${report.keys.join(', ')})`);
	// The states, and the pages that show more than their name says (a
	// section with comments, read by a trainer or by the group), each
	// [name, tags, width or language] as in the key.
	const wanted = [
		['mission-conflict'], ['objectives-errors'], ['mission-restored'],
		// The share page with its new link and the summary a link opens; the
		// organiser's journey without JavaScript.
		['share', ['new-link']], ['shared'], ['share', [], '375px'], ['shared', [], '375px'],
		['overview', ['nojs']], ['platforms-saved', ['nojs']], ['summary', ['nojs']], ['share', ['new-link', 'nojs']], ['shared', ['nojs']],
		['cohort-settings-created'], ['org-cohorts-joined'], ['org-cohorts-left'],
		['dashboard', ['groups']], ['overview', ['trainer', 'conversations']], ['overview', ['conversations']],
		['mission', ['trainer', 'comments']], ['mission', ['comments']], ['mission', ['comments', 'resolved']],
		['dashboard', ['groups'], '375px'], ['mission', ['trainer', 'comments'], '375px'], ['mission', ['comments'], '375px'],
		['dashboard', ['groups'], 'en'], ['mission', ['trainer', 'comments'], 'en'], ['join-confirm', [], 'en'],
		// A person's own account and the two steps of the login.
		['account', ['totp-on']], ['account-2fa-errors'], ['account-recovered'], ['account-done'], ['login-2fa-errors'],
		['account', [], '375px'], ['account-2fa', [], '375px'], ['account-codes', [], '375px'], ['login-2fa', [], '375px'],
		['account', ['totp-on'], 'en'], ['account-2fa', [], 'en'], ['account-codes', [], 'en'], ['login-2fa-errors', [], 'en'],
	];
	for (const [name, tags = [], where] of [...wanted, ...TOUR_WANTED]) {
		if (!keys.some((k) => k.name === name && tags.every((t) => k.tags.includes(t)) && (!where || k.lang === where || k.width === where)))
			problems.push(`axe never looked at ${[name, ...tags].join('+')}${where ? ` (${where})` : ''}`);
	}
	if (!keys.some((k) => k.width === '375px'))
		problems.push('axe looked at no page at phone width');
	if (!keys.some((k) => k.lang === 'en'))
		problems.push('axe looked at no page in English');
	assert.deepEqual(problems, [], problems.join('\n'));
});

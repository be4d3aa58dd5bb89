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
// data: lib/workbook.mjs.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Person, startBrowser, stopBrowser, uniqueEmail, readShown } from './lib/person.mjs';
import { t, distinctMessages } from './lib/i18n.mjs';
import { axeReport, formatViolations, layoutProblems } from './lib/checks.mjs';
import { tabTo, typeText, pressEnter } from './lib/keyboard.mjs';
import {
	SECTIONS, START, MISSION, OBJECTIVES, AUDIENCES, PLATFORMS, POSTS,
	saveSection, fillSection, expectForm, expectSummary, variant, typedValues,
	readOverview, sectionPitfalls,
} from './lib/workbook.mjs';
import { BASE_URL } from './lib/env.mjs';

// The time a journey may take, and the three long ones (on a busy
// machine they take three times what they take on a quiet one).
const TEST_TIMEOUT = 90_000;
const LONG_TIMEOUT = 300_000;
// Journeys at once (see the describe below).
const JOURNEYS_AT_ONCE = Number(process.env.BROWSER_JOURNEYS_AT_ONCE || 3);

const MISSION_FIELD = 'The mission of our organisation is to…';
const HOURS_OVER = 'Planned hours are above what the team can give';

// The pages of the program a person reaches, by the name arrived() gives
// (without its state: saved, errors, conflict, restored).
const MAIN_PAGES = [
	'home', 'signup', 'login', 'overview', ...SECTIONS.map((s) => s.slug),
	'summary', 'members', 'invite', 'mission-history', 'mission-revision',
];

// Runs fn with the people it opens, closing them whatever happens.
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

// Checks that the person's page is all in lang: html lang, the page's
// known strings, and none of the catalogue's sentences of the other
// language outside what people typed.  Returns the problems found.
async function languageProblems(person, lang, typed) {
	const other = lang === 'fr' ? 'en' : 'fr';
	const problems = [];
	const where = `${person.pageName} (${lang})`;
	const htmlLang = await person.page.locator('html').getAttribute('lang');
	if (htmlLang !== lang)
		problems.push(`${where}: <html lang="${htmlLang}">`);
	let text = (await person.page.locator('body').evaluate((b) => b.textContent)).replace(/\s+/g, ' ');
	for (const words of typed)
		text = text.split(words.replace(/\s+/g, ' ')).join(' ');
	const name = person.page0;
	const section = SECTIONS.find((s) => s.slug === name);
	const known = section ? [section.title, ...SECTION_KNOWN] : KNOWN[name] ?? [];
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
	test('an organiser fills every section, fixes a pitfall, reads the summary and reaches 100 %', { timeout: LONG_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			// axe looks at each section as she saves it; the language
			// journey's tour looks at the empty forms.
			const alice = await open({ name: 'Alice Gagnon', axe: 'filled' });
			await alice.goto('/');
			assert.equal(alice.lang, 'fr', 'the home page is in French for a browser in fr-CA');
			await alice.shoot('home');
			await alice.follow('Start our workbook');
			assert.equal(alice.pageName, 'signup');
			await alice.shoot('signup');
			await alice.signUp({ org: 'Maison de quartier Hochelaga' });
			await alice.shoot('overview-new');
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
				await alice.shoot(section.slug);
				saved.push(section === PLATFORMS ? await fixTheHours(alice) : section);
			}

			const plan = await alice.readSummary();
			assert.equal(plan.title, alice.org, 'the summary is titled with the organisation');
			for (const section of saved)
				expectSummary(alice, plan, section);
			await alice.shoot('summary');

			const overview = await readOverview(alice);
			for (const section of SECTIONS.filter((s) => s.complete))
				assert.equal(overview.cards[alice.t(section.title)], 100, `the overview shows "${alice.t(section.title)}" at 100 %`);
			assert.equal(overview.overall, 100, 'the plan is 100 % complete');
			assert.equal(await alice.page.getByText(alice.t("The plan is {{OVERALL}} % complete.", { OVERALL: 100 })).count(), 1, "and says so");
			assert.deepEqual(overview.pitfalls, [], 'no pitfall is left open');
			assert.equal(await alice.page.getByText(alice.t('No pitfall open for now.')).count(), 1, 'the overview says no pitfall is open');
			await alice.shoot('overview');

			// The platforms were saved twice (the hours lowered): a history.
			await openHistory(alice, PLATFORMS);
			assert.equal((await versions(alice)).length, 2, 'two versions of the platforms');
			await alice.shoot('history');
			await alice.follow('Version {{VERSION}}', { vars: { VERSION: 1 } });
			assert.equal(alice.pageName, 'platforms-revision');
			await alice.shoot('revision');

			// Out and back in: the plan is still there.
			await alice.logOut();
			assert.equal(alice.pageName, 'home', 'logging out leads home');
			await alice.goto('/login');
			await alice.shoot('login');
			await alice.logIn();
			assert.equal(alice.pageName, 'overview', 'logging in leads to the plan');
			expectSummary(alice, await alice.readSummary(), MISSION);
		});

		// The sample posts: the second one is typed key by key on Instagram,
		// and its counter follows every key and every change of platform.
		async function writePosts(person) {
			await fillSection(person, POSTS);
			const block = person.item({ add: 'Add a post' });
			const text = POSTS.lists[0].items[1]['Text of the post'].keys;
			const area = person.field('Text of the post', { scope: block });
			const counter = block.locator('.counter');
			// Counts are grouped as the page's language groups them:
			// "2 200" (U+00A0) in French, "2,200" in English.
			const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, person.lang === 'en' ? ',' : '\u00a0');
			const reads = (n, max) => person.t('{n} of {max} characters').replace('{n}', grouped(n)).replace('{max}', grouped(max));
			const n = [...text].length;
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
			await person.shoot('overview-pitfall');

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
	});

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

			const guest = await open({ phone: true, name: 'Guillaume' });
			await guest.goto(link);
			await check(guest, 'invite');
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

	test('the same journey with JavaScript off', { timeout: TEST_TIMEOUT }, async () => {
		await withPeople(async (open) => {
			const noJs = await open({ name: 'Nadia Sans-Script', javaScript: false });
			await noJs.goto('/');
			// A script of the page would set this; with JavaScript off, nothing runs.
			await noJs.page.addScriptTag({ content: 'document.documentElement.dataset.js = "on"' }).catch(() => {});
			assert.equal(await noJs.page.locator('html').getAttribute('data-js'), null, 'JavaScript is really off');
			await noJs.signUp({ org: 'Comité logement sans script' });
			const shorter = [START, MISSION, OBJECTIVES, AUDIENCES];
			for (const section of shorter) {
				await saveSection(noJs, section);
				await expectForm(noJs, section);
			}
			// One platform, opened from its fold without a script.
			const facebook = { ...PLATFORMS, lists: [{ ...PLATFORMS.lists[0], items: { Facebook: PLATFORMS.lists[0].items.Facebook } }] };
			await saveSection(noJs, facebook);
			await expectForm(noJs, facebook);
			const plan = await noJs.readSummary();
			for (const section of [...shorter, facebook])
				expectSummary(noJs, plan, section);
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
});

test('axe finds no WCAG 2 A or AA violation on any page reached', { timeout: TEST_TIMEOUT }, async (ctx) => {
	const report = axeReport();
	ctx.diagnostic(`axe looked at ${report.keys.length} page states: ${report.keys.join(', ')}`);
	const states = /-(saved|errors|conflict|restored|link)$/;
	const missing = MAIN_PAGES.filter((p) => !report.keys.some((k) => k.split(' ')[0].replace(states, '') === p));
	assert.deepEqual(missing, [], `pages axe never looked at: ${missing.join(', ')} (looked at: ${report.keys.join(', ')})`);
	for (const state of ['mission-conflict', 'objectives-errors', 'mission-restored'])
		assert.ok(report.keys.some((k) => k.startsWith(`${state} `)), `axe looked at ${state}`);
	assert.ok(report.keys.some((k) => k.endsWith(' 375px')), 'axe looked at pages at phone width');
	assert.ok(report.keys.some((k) => k.includes(' en ')), 'axe looked at pages in English');
	assert.equal(report.violations.length, 0,
	    `${report.violations.length} violations on ${report.keys.length} page states:\n${formatViolations(report.violations)}`);
});

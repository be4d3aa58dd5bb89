// tests/browser/journeys.test.mjs: what people do with reseauter, in a real
// browser (Debian's chromium, driven by playwright-core), against the
// program behind lighttpd that tests/browser/run.sh started.
//
// Each test is one journey, with people of its own (a new organisation,
// new browser contexts).  axe-core looks at every page they reach
// (lib/person.mjs arrived()); the last test says what it found.
// Screenshots of the main pages, at desktop and phone width, go to
// build/screenshots/ as PAGE-WIDTH.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Person, startBrowser, stopBrowser, uniqueEmail } from './lib/person.mjs';
import { t, distinctMessages } from './lib/i18n.mjs';
import { axeReport, formatViolations, layoutProblems } from './lib/checks.mjs';
import { tabTo, typeText, pressEnter } from './lib/keyboard.mjs';
import {
	MISSION, OBJECTIVES, SECTIONS, saveSection, fillSection, expectForm, expectSummary, variant, typedValues,
} from './lib/workbook.mjs';
import { BASE_URL } from './lib/env.mjs';

const TEST_TIMEOUT = 90_000;

// The pages of the program a person reaches, by the name arrived() gives.
const MAIN_PAGES = ['home', 'signup', 'login', 'overview', 'mission', 'objectives', 'summary', 'members', 'invite'];

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

before(async () => {
	await startBrowser();
});

after(async () => {
	await stopBrowser();
});

test('an organiser signs up, saves the mission and the objectives, and reads them on the summary', { timeout: TEST_TIMEOUT }, async () => {
	await withPeople(async (open) => {
		const alice = await open({ name: 'Alice Gagnon' });
		await alice.goto('/');
		assert.equal(alice.lang, 'fr', 'the home page is in French for a browser in fr-CA');
		await alice.shoot('home');
		await alice.follow('Start our workbook');
		assert.equal(alice.pageName, 'signup');
		await alice.shoot('signup');
		await alice.signUp({ org: 'Maison de quartier Hochelaga' });
		await alice.shoot('overview-new');

		await saveSection(alice, MISSION);
		await expectForm(alice, MISSION);
		await alice.shoot('mission');
		await saveSection(alice, OBJECTIVES);
		await expectForm(alice, OBJECTIVES);
		await alice.shoot('objectives');

		const plan = await alice.readSummary();
		assert.equal(plan.title, alice.org, 'the summary is titled with the organisation');
		for (const section of SECTIONS)
			expectSummary(alice, plan, section);
		await alice.shoot('summary');

		await alice.openSection('Overview');
		await alice.shoot('overview');

		// Out and back in: the plan is still there.
		await alice.logOut();
		assert.equal(alice.pageName, 'home', 'logging out leads home');
		await alice.goto('/login');
		await alice.shoot('login');
		await alice.logIn();
		assert.equal(alice.pageName, 'overview', 'logging in leads to the plan');
		expectSummary(alice, await alice.readSummary(), MISSION);
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
		await saveSection(noJs, MISSION);
		await expectForm(noJs, MISSION);
		await saveSection(noJs, OBJECTIVES);
		await expectForm(noJs, OBJECTIVES);
		const plan = await noJs.readSummary();
		for (const section of SECTIONS)
			expectSummary(noJs, plan, section);
		await noJs.switchLanguage();
		assert.equal(noJs.lang, 'en', 'the language switch works without JavaScript');
		await noJs.logOut();
		assert.equal(noJs.pageName, 'home', 'logging out works without JavaScript');
	});
});

test('at phone width (375 px) nothing overflows and every control is within reach', { timeout: TEST_TIMEOUT }, async () => {
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
		await saveSection(phone, long);
		await check(phone, 'mission');
		await saveSection(phone, OBJECTIVES);
		await check(phone, 'objectives');
		await phone.readSummary();
		await check(phone, 'summary');
		await phone.openSection('Overview');
		await check(phone, 'overview');
		await phone.openSection('Members');
		await check(phone);
		await phone.click('Create an invitation link');
		await check(phone, 'members');
		const link = await phone.field('Invitation link').inputValue();

		const guest = await open({ phone: true, name: 'Guillaume' });
		await guest.goto(link);
		await check(guest, 'invite');
		await guest.goto('/nowhere');
		assert.equal(guest.pageName, 'error-404');
		await check(guest, 'error-404');

		// A form with its errors (a conflict at this width: the conflict journey).
		await phone.openSection('Objectives');
		await phone.fill('Date', '2300-01-01', { scope: phone.group('Objective {{N}}', { N: 1 }) });
		await phone.save({ expect: 'errors' });
		await check(phone, 'objectives-errors');

		assert.deepEqual(problems, [], `at 375 px:\n${problems.join('\n')}`);
	});
});

// What a page must show in each language: message ids of its own text.
const KNOWN = {
	home: ['A social-media strategy that serves your mission', 'Start our workbook'],
	signup: ['Create your workbook', 'Name of the organisation'],
	login: ['No account yet?', 'E-mail address'],
	invite: ['Create your account', 'Already have an account?'],
	overview: ['Our plan', 'Read the strategy summary'],
	mission: ['The mission of our organisation is to…', 'Next: objectives'],
	objectives: ['Kind of objective', 'Next: read the summary'],
	summary: ['Social-media strategy', 'How it serves the mission'],
	members: ['Invite someone from your team', 'Member since'],
};
const EVERY_PAGE = ['reseauter helps community groups build a social-media strategy that serves their mission.', 'Skip to content'];

// What people typed in these journeys: their words are in French whatever
// the language of the pages.
const TYPED = SECTIONS.flatMap(typedValues);

// Checks that the person's page is all in lang: html lang, the page's
// known strings, and none of the catalogue's sentences of the other
// language outside what people typed.  Returns the problems found.
async function languageProblems(person, lang) {
	const other = lang === 'fr' ? 'en' : 'fr';
	const problems = [];
	const where = `${person.pageName} (${lang})`;
	const htmlLang = await person.page.locator('html').getAttribute('lang');
	if (htmlLang !== lang)
		problems.push(`${where}: <html lang="${htmlLang}">`);
	let text = (await person.page.locator('body').evaluate((b) => b.textContent)).replace(/\s+/g, ' ');
	for (const typed of TYPED)
		text = text.split(typed).join(' ');
	const name = person.pageName.replace(/-.*/, '');
	for (const id of [...(KNOWN[name] ?? []), ...EVERY_PAGE]) {
		if (!text.includes(t(id, lang)))
			problems.push(`${where}: "${t(id, lang)}" is missing`);
	}
	for (const m of distinctMessages()) {
		if (text.includes(m[other]))
			problems.push(`${where}: "${m[other]}" is in ${other === 'fr' ? 'French' : 'English'}`);
	}
	return problems;
}

test('the language switch turns every page into English and back', { timeout: TEST_TIMEOUT }, async () => {
	await withPeople(async (open) => {
		const problems = [];
		const owner = await open({ name: 'Élise Lavoie' });
		await owner.signUp({ org: 'Centre des femmes de Verdun' });
		await saveSection(owner, MISSION);
		await saveSection(owner, OBJECTIVES);
		await owner.openSection('Members');
		await owner.click('Create an invitation link');
		const link = await owner.field('Invitation link').inputValue();
		const visitor = await open({ name: 'Visiteur' });

		// Visits every page of both people in lang and checks each.
		const tour = async (lang) => {
			for (const path of ['/', '/signup', '/login', link]) {
				await visitor.goto(path);
				problems.push(...await languageProblems(visitor, lang));
			}
			await owner.openSection('Overview');
			problems.push(...await languageProblems(owner, lang));
			for (const s of ['Mission', 'Objectives', 'Summary', 'Members']) {
				await owner.openSection(s);
				problems.push(...await languageProblems(owner, lang));
			}
		};

		await tour('fr');
		// The switch on a page stays on that page, in the other language.
		await visitor.goto('/login');
		await visitor.switchLanguage();
		assert.equal(visitor.pageName, 'login', 'the switch comes back to the same page');
		await owner.openSection('Mission');
		await owner.switchLanguage();
		assert.equal(owner.pageName, 'mission', 'the switch comes back to the same section');
		assert.equal(await owner.valueOf('The mission of our organisation is to…'),
		    MISSION.fields['The mission of our organisation is to…'], 'the plan does not change with the language');
		await tour('en');
		await owner.shoot('mission-en');

		await visitor.switchLanguage();
		await owner.switchLanguage();
		await tour('fr');
		assert.deepEqual(problems, [], problems.join('\n'));
	});
});

test('keyboard only: sign up and save the mission with Tab, Enter and typing, the focus always visible', { timeout: TEST_TIMEOUT }, async () => {
	await withPeople(async (open) => {
		const kim = await open({ name: 'Kim Nguyen' });
		const kb = { problems: [] };
		const mission = MISSION.fields['The mission of our organisation is to…'];
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

		await tabTo(kim, kim.t('Mission'), kb);
		await pressEnter(kim);
		assert.equal(kim.pageName, 'mission');
		await tabTo(kim, kim.t('The mission of our organisation is to…'), kb);
		await typeText(kim, mission);
		await tabTo(kim, kim.t('Save'), kb);
		await kim.shoot('mission-focus');
		await pressEnter(kim);
		assert.equal(kim.pageName, 'mission-saved', 'saved with the keyboard');
		assert.equal(await kim.valueOf('The mission of our organisation is to…'), mission);

		// Every kind of control seen so far showed its focus.
		assert.deepEqual(kb.problems, [], kb.problems.join('\n'));
	});
});

test('a second member accepts an invitation and both see the same plan', { timeout: TEST_TIMEOUT }, async () => {
	await withPeople(async (open) => {
		const alice = await open({ name: 'Alice Gagnon' });
		await alice.signUp({ org: 'Maison des jeunes de Rosemont' });
		await saveSection(alice, MISSION);
		await alice.openSection('Members');
		await alice.click('Create an invitation link');
		assert.equal(alice.pageName, 'members-link');
		const link = await alice.field('Invitation link').inputValue();
		assert.match(link, new RegExp(`^${BASE_URL.replace(/[.]/g, '\\.')}/invite/[A-Za-z0-9_-]{43}$`), 'the link is an address of the site');
		await alice.shoot('members');

		// Bob: another browser, no cookie of Alice's.
		const bob = await open({ name: 'Bob Tremblay', password: 'Castor-des-berges-17' });
		await bob.goto(link);
		assert.equal(bob.pageName, 'invite');
		await bob.shoot('invite');
		await bob.fillFields({ 'Your name': bob.name, 'E-mail address': bob.email, 'Password': bob.password });
		await bob.click('Join {{INVITE_ORG}}', { vars: { INVITE_ORG: alice.org }, scope: bob.page.getByRole('main').locator('form.stack') });
		assert.equal(bob.pageName, 'overview', 'the new member lands on the plan');
		assert.equal(bob.orgPath, alice.orgPath, 'the same organisation');

		// Bob adds the objectives; both read one and the same summary.
		await saveSection(bob, OBJECTIVES);
		const seenByBob = await bob.readSummary();
		const seenByAlice = await alice.readSummary();
		assert.deepEqual(seenByAlice, seenByBob, 'Alice and Bob read the same summary');
		expectSummary(alice, seenByAlice, MISSION);
		expectSummary(alice, seenByAlice, OBJECTIVES);

		await bob.openSection('Members');
		const rows = await bob.page.getByRole('row').allInnerTexts();
		assert.ok(rows.some((r) => r.includes('Alice Gagnon')), 'Bob sees Alice among the members');
		assert.ok(rows.some((r) => r.includes('Bob Tremblay')), 'Bob sees himself among the members');
		assert.equal(await bob.page.getByRole('button', { name: bob.t('Create an invitation link') }).count(), 0,
		    'a member who is not the owner is not offered to invite');
	});
});

test('a conflict: the second save shows the message and keeps the second person\'s text', { timeout: TEST_TIMEOUT }, async () => {
	await withPeople(async (open) => {
		const laptop = await open({ name: 'Chantal Roy' });
		await laptop.signUp({ org: 'Table de concertation en sécurité alimentaire' });
		const phone = await open({ name: 'Chantal Roy', email: laptop.email, password: laptop.password, phone: true });
		await phone.logIn();

		const first = variant(MISSION, (v) => `${v} (première version, https://www.facebook.com/tabledeconcertationensecuritealimentaire)`);
		const second = variant(MISSION, (v) => `${v} (seconde version)`);
		await laptop.openSection('Mission');
		await phone.openSection('Mission');
		await fillSection(laptop, first);
		await laptop.save();
		await fillSection(phone, second);
		await phone.save({ expect: 'conflict' });

		const alert = phone.page.getByRole('alert');
		await assert.doesNotReject(alert.getByRole('heading', { name: phone.t('Someone else saved this section while you were writing') }).waitFor(),
		    'the conflict message is shown');
		const shown = await alert.innerText();
		assert.ok(shown.includes(first.fields['The mission of our organisation is to…']), 'the message shows what the first save wrote');
		await expectForm(phone, second);
		assert.deepEqual(await layoutProblems(phone.page), [], 'the conflict fits a phone');
		await phone.shoot('mission-conflict');

		// Saving again, on purpose, now wins.
		await phone.save();
		await expectForm(phone, second);
		expectSummary(laptop, await laptop.readSummary(), second);
	});
});

test('form errors: an impossible date shows next to the field and in the summary at the top, values kept', { timeout: TEST_TIMEOUT }, async () => {
	await withPeople(async (open) => {
		const ed = await open({ name: 'Édouard Paquette' });
		await ed.signUp({ org: 'Coop d’habitation des Érables' });
		// 2206 for 2026: a date the browser takes and the workbook refuses.
		const typo = {
			...OBJECTIVES,
			blocks: [{ ...OBJECTIVES.blocks[0], Date: '2206-06-30' }, OBJECTIVES.blocks[1]],
		};
		await fillSection(ed, typo);
		await ed.save({ expect: 'errors' });
		await ed.shoot('objectives-errors');

		const message = ed.t('Please enter a date as YYYY-MM-DD.');
		const group = ed.group('Objective {{N}}', { N: 1 });
		const date = ed.field('Date', { scope: group });

		// The summary at the top, before the form, links to the field.
		const summary = ed.page.locator('.error-summary');
		assert.equal(await summary.getAttribute('role'), 'alert');
		assert.ok((await summary.innerText()).includes(ed.t('Some answers need your attention')));
		const entry = summary.getByRole('link').filter({ hasText: message });
		assert.equal(await entry.count(), 1, 'one entry of the summary is about the date');
		const entryText = await entry.innerText();
		assert.ok(entryText.includes(ed.t('Date')) && entryText.includes('1'), `the entry names the field: ${entryText}`);
		const formTop = (await ed.page.locator('main form.stack').boundingBox()).y;
		assert.ok((await summary.boundingBox()).y < formTop, 'the summary stands above the form');
		assert.equal(await entry.getAttribute('href'), `#${await date.getAttribute('id')}`, 'the entry links to the field');

		// Next to the field: in its box, just before it, and read with it.
		const error = date.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]').locator('.error');
		assert.equal((await error.innerText()).trim(), message, 'the message stands in the field\'s box');
		assert.equal(await error.evaluate((e) => e.nextElementSibling && e.nextElementSibling.name), 'objective_due',
		    'the message comes just before the field');
		assert.equal(await date.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
		const described = await date.evaluate((e) => (e.getAttribute('aria-describedby') || '').split(/\s+/)
		    .map((id) => document.getElementById(id)?.textContent.trim()).join(' '));
		assert.ok(described.includes(message), `the field's description includes the message: ${described}`);

		// Nothing typed is lost, the wrong date included.
		await expectForm(ed, typo);

		// The link of the summary takes the person to the field, with its
		// label and its message in view too.
		await entry.click();
		const inView = async (loc) => loc.evaluate((e) => {
			const r = e.getBoundingClientRect();
			return r.top >= -1 && r.bottom <= window.innerHeight + 1;
		});
		assert.ok(await inView(date), 'following the entry brings the field into view');
		assert.ok(await inView(error), 'and the message about it');
		assert.ok(await inView(group.getByText(ed.t('Date'), { exact: true })), 'and its label');

		await ed.fill('Date', '2026-06-30', { scope: group });
		await ed.save();
		expectSummary(ed, await ed.readSummary(), OBJECTIVES);
	});
});

test('axe finds no WCAG 2.1 A or AA violation on any page reached', { timeout: TEST_TIMEOUT }, async (ctx) => {
	const report = axeReport();
	ctx.diagnostic(`axe looked at ${report.keys.length} page states: ${report.keys.join(', ')}`);
	const missing = MAIN_PAGES.filter((p) => !report.keys.some((k) => k.split(' ')[0].replace(/-(saved|errors|conflict|link)$/, '') === p));
	assert.deepEqual(missing, [], `pages axe never looked at: ${missing.join(', ')} (looked at: ${report.keys.join(', ')})`);
	assert.ok(report.keys.some((k) => k.endsWith(' 375px')), 'axe looked at pages at phone width');
	assert.ok(report.keys.some((k) => k.includes(' en ')), 'axe looked at pages in English');
	assert.equal(report.violations.length, 0,
	    `${report.violations.length} violations on ${report.keys.length} page states:\n${formatViolations(report.violations)}`);
});

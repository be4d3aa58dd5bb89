// tests/browser/lib/person.mjs: a person using reseauter in a browser.
//
// One chromium for the whole suite (startBrowser / stopBrowser); each
// Person has a browser context of their own (their own cookies, window
// size, language, JavaScript on or off) and one tab.  The methods do what
// a person does, by what they see: a field by its label, a button by its
// text, in the language the page is in (lib/i18n.mjs gives the words).
//
// Every page a Person reaches goes through arrived(): its status and
// language are read, and axe checks it (once per page state).  A journey
// reads person.status, person.pageName, person.lang afterwards.
//
//   const alice = await Person.open({ name: 'Alice' });
//   await alice.signUp({ org: 'Maison de quartier' });
//   await alice.openSection('Mission');       // a section, by its title
//   await alice.fillFields({ 'The mission of our organisation is to…': 'Loger' });
//   await alice.save();                       // expects "Saved."
//   const plan = await alice.readSummary();   // { title, toc, parts }
//   const { codes } = await alice.turnOn2fa(); // her phone: alice.app
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BASE_URL, CHROMIUM, SCREENSHOTS, TIMEOUT } from './env.mjs';
import { t, catalogue } from './i18n.mjs';
import { axeScan, axeScanned } from './checks.mjs';
import { AuthenticatorApp } from './totp.mjs';

// chromium's switches: headless, no sandbox (root in CI), no GPU, no QUIC,
// and nothing that reaches out to the network by itself.  playwright-core
// gives each launch a fresh profile in a temporary directory of its own,
// removed when the browser closes (launch() refuses --user-data-dir).
export const CHROMIUM_ARGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

let browser = null;

export async function startBrowser() {
	if (!browser)
		browser = await chromium.launch({
			executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30000,
		});
	return browser;
}

export async function stopBrowser() {
	if (browser)
		await browser.close();
	browser = null;
}

let serial = 0;

// A unique e-mail address for this run: who-N-PID@example.org.
export function uniqueEmail(who) {
	serial += 1;
	return `${who.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${serial}-${process.pid}@example.org`;
}

// The pages of the program, by path: [pattern, name].  A section is
// named by its slug ('mission'), its history 'mission-history', one of
// its earlier versions 'mission-revision'.  A trainer's pages: 'cohorts'
// (My cohorts), 'cohorts-new', 'cohort-settings', 'dashboard',
// 'debrief'; an owner's: 'org-cohorts' (the plan's Cohorts), 'join' (the
// form to type a code) and 'join-confirm' (what the trainers will see,
// at /join once a code is sent, or at /join/CODE).  A person's own:
// 'account' (My account), 'account-2fa' (the set-up of two-factor),
// 'account-codes' (the recovery codes, shown once, where two-factor was
// turned on or new codes made) and 'login-2fa' (the login's second step).
// The plan's share links: 'share' (/o/ID/share, by the rule of sections);
// the summary a share link opens, without an account: 'shared'.
const PAGES = [
	[/^\/$/, 'home'],
	[/^\/signup\/?$/, 'signup'],
	[/^\/login\/?$/, 'login'],
	[/^\/orgs\/?$/, 'orgs'],
	[/^\/orgs\/new\/?$/, 'orgs-new'],
	[/^\/o\/\d+\/?$/, 'overview'],
	[/^\/o\/\d+\/members\/invite\/?$/, 'members-link'],
	[/^\/o\/\d+\/cohorts(\/leave)?\/?$/, 'org-cohorts'],
	[/^\/o\/\d+\/([a-z_-]+)\/comments\/?$/, (m) => m[1]],
	[/^\/cohorts\/?$/, 'cohorts'],
	[/^\/cohorts\/new\/?$/, 'cohorts-new'],
	[/^\/c\/\d+\/?$/, 'dashboard'],
	[/^\/c\/\d+\/(edit|state|trainers|demo)\/?$/, 'cohort-settings'],
	[/^\/c\/\d+\/debrief\/?$/, 'debrief'],
	[/^\/join\/?$/, 'join'],
	[/^\/join\/[^/]+\/?$/, 'join-confirm'],
	// The administration ('admin'), the page that shows a password reset
	// link once ('admin-reset'), the page of such a link ('reset'), and a
	// plan's summary shared through a link ('shared').
	[/^\/admin\/?$/, 'admin'],
	[/^\/admin\/users\/\d+\/reset\/?$/, 'admin-reset'],
	[/^\/reset\/[^/]+\/?$/, 'reset'],
	[/^\/s\/[^/]+\/?$/, 'shared'],
	[/^\/o\/\d+\/([a-z_-]+)\/?$/, (m) => m[1]],
	[/^\/o\/\d+\/([a-z_-]+)\/history\/?$/, (m) => `${m[1]}-history`],
	[/^\/o\/\d+\/([a-z_-]+)\/history\/\d+\/?$/, (m) => `${m[1]}-revision`],
	[/^\/invite\/[A-Za-z0-9_-]+\/?$/, 'invite'],
	[/^\/account\/?$/, 'account'],
	[/^\/account\/2fa\/?$/, 'account-2fa'],
	[/^\/account\/2fa\/codes\/?$/, 'account-codes'],
	[/^\/login\/2fa\/?$/, 'login-2fa'],
];

// The states a page name may end with (see arrived()).
export const STATES = /-(saved|errors|conflict|restored|link|created|joined|left|done|recovered)$/;

// What a page shows beyond its name, for axe to look at each such state
// once (see arrived()): the selector that tells it, and the tag added to
// the key of the scan ('mission+trainer+comments fr 1280px').
const VARIANTS = [
	['trainer', 'nav.plan .badge'],
	['comments', 'main .comments .thread'],
	['resolved', 'main .comments details.thread.resolved'],
	['conversations', 'main section.conversations'],
	['changes', 'main section.changes'],
	['groups', 'main table.dash tbody tr'],
	['totp-on', 'main form[action="/account/2fa/off"]'],
	['new-link', 'main .new-link'],
];

// A string as a regular expression that matches it literally.
export function literal(s) {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Reads what show.tpl shows inside root (a locator): one version of a
// section, label by label.  { title: the h1, parts: { heading: {
// entries, items, toComplete, text } } }; without parts of its own
// (a version of one section), root itself is the one part, under ''.
export async function readShown(root) {
	return root.evaluate((top) => {
		const text = (e) => (e ? e.innerText.trim() : '');
		const entries = (dl) => {
			const out = {};
			if (!dl)
				return out;
			for (const dt of dl.querySelectorAll(':scope > dt')) {
				const dd = dt.nextElementSibling;
				out[text(dt)] = dd && dd.tagName === 'DD' ? text(dd) : '';
			}
			return out;
		};
		const part = (s) => ({
			entries: entries(s.querySelector(':scope > dl.show')),
			items: [...s.querySelectorAll(':scope > .show-item')].map((it) => ({
				title: text(it.querySelector('h3')),
				entries: entries(it.querySelector('dl')),
			})),
			toComplete: [...s.querySelectorAll(':scope > .todo')].map(text),
			text: text(s),
		});
		const parts = {};
		const sections = top.querySelectorAll(':scope > section');
		if (sections.length === 0)
			parts[''] = part(top);
		for (const s of sections)
			parts[text(s.querySelector('h2'))] = part(s);
		return { title: text(top.querySelector('h1')), parts };
	});
}

// Text as compared: runs of white space (the no-break spaces of French
// before a colon included) as one space, none at either end.
export function squash(s) {
	return String(s).replace(/\s+/g, ' ').trim();
}

// A label as compared: squashed, without its closing colon ("Persona :"
// and "Persona:" are the label "Persona").
export function labelOf(s) {
	return squash(s).replace(/\s*:$/, '');
}

// Reads the strategy summary (summary.tpl) inside root, the document's
// <article>: { title: the h1, toc: [{ href, text, todo }], parts: {
// heading: part } }, one part per numbered <section class="part">, the
// pitfalls included, by the text of its h2 (the number is drawn by CSS).
// A part, and each item in it, is
//   { id, num, title, n, name, toComplete, entries, lists, refs, items, text }
//   id, num     the part's id ("part-mission") and data-num;
//   title, n    an item's title (a post's label, "Objective 1", a
//               persona's or an event's heading, a practice's name) and
//               its number when its id has one ("objective-2");
//   name        an objective's text, a persona's name;
//   toComplete  the "To complete" notes of the part;
//   entries     { label: value } of what the document shows under a
//               label: <dt>/<dd>, a stem ("Objectives it serves:") and
//               what follows it, a quote's caption, a scale's axis and its
//               word, a role, a stage, the media of a post;
//   lists       { label: [texts] } of its chips (labelled by aria-label or
//               by the heading or line just before them);
//   refs        [{ label, text, target }] of its links inside the document:
//               the stem before them, their text, and the name of what
//               they lead to (the objective's text, the persona's name);
//   items       the cards of a part (objectives, personas, accounts,
//               platforms, posts, reviews, events, values, practices);
//   text        all its text, squashed.
// A part's entries, lists and refs leave out what its items hold.  Labels
// are read as written (textContent, not the upper case CSS may show) and
// without their closing colon; values as a person reads them.
export async function readSummaryDocument(root) {
	return root.evaluate((top) => {
		const ITEMS = ['.objective.card', '.persona.card', '.account.card', '.platform.card',
			'figure.post', '.review.card', '.event.card', 'ul.values > li', 'ul.commitments > li'].join(', ');
		const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
		const value = (e) => (e ? squash(e.innerText) : '');
		const label = (e) => (e ? squash(e.textContent).replace(/\s*:$/, '') : '');
		// The elements of box matching sel that belong to box itself, not
		// to an item inside it.
		const own = (box, sel) => {
			const mine = box.matches(ITEMS) ? box : null;
			return [...box.querySelectorAll(sel)].filter((e) => e.closest(ITEMS) === mine);
		};
		// The text of an element without that of one of its children.
		const without = (e, child) => squash([...e.childNodes].filter((c) => c !== child)
		    .map((c) => (c.nodeType === 1 ? c.innerText : c.textContent)).join(''));
		const nameOf = (e) => value(e.querySelector('.obj-text, h4, h3')) || value(e);
		const read = (box) => {
			const entries = {};
			const put = (k, v) => {
				if (k !== '')
					entries[k] = v;
			};
			for (const dt of own(box, 'dt')) {
				const dd = dt.nextElementSibling;
				put(label(dt), dd && dd.tagName === 'DD' ? value(dd) : '');
			}
			for (const stem of own(box, '.stem'))
				put(label(stem), without(stem.parentElement, stem));
			for (const cap of own(box, 'figure > figcaption')) {
				const quote = cap.parentElement.querySelector(':scope > blockquote');
				if (quote)
					put(label(cap), value(quote));
			}
			for (const [key, val] of [['.axis', '.word'], ['.role-name', 'strong'], ['.stage', '.v'], ['.media-label', '.media-text']]) {
				for (const k of own(box, key))
					put(label(k), value(k.parentElement.querySelector(`:scope > ${val}`)));
			}
			const lists = {};
			for (const ul of own(box, 'ul.chips')) {
				const before = ul.previousElementSibling;
				const k = ul.getAttribute('aria-label') ? squash(ul.getAttribute('aria-label')).replace(/\s*:$/, '') : label(before);
				lists[k] = [...ul.querySelectorAll(':scope > li')].map(value);
			}
			const refs = own(box, 'a[href^="#"]').map((a) => {
				const p = a.closest('p, figcaption, th, li');
				const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
				return {
					label: label(p && p.querySelector(':scope > .stem')),
					text: value(a),
					target: target ? nameOf(target) : null,
				};
			});
			return { entries, lists, refs, text: value(box) };
		};
		const item = (e) => {
			const num = e.querySelector('.obj-num');
			const card = e.querySelector('.post-card[aria-label]');
			const title = card ? squash(card.getAttribute('aria-label'))
			    : num ? squash([...num.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join(''))
			    : value(e.querySelector('h4') ?? e.querySelector('h3') ?? e.querySelector('.account-name') ?? e.querySelector('strong'));
			const n = /-(\d+)$/.exec(e.id ?? '');
			return {
				title,
				n: n ? Number(n[1]) : undefined,
				name: value(e.querySelector('.obj-text, h4')) || undefined,
				...read(e),
			};
		};
		const parts = {};
		for (const s of top.querySelectorAll(':scope > section.part')) {
			parts[value(s.querySelector(':scope > h2'))] = {
				id: s.id,
				num: s.querySelector(':scope > h2').getAttribute('data-num'),
				toComplete: own(s, ':scope > .todo').map(value),
				...read(s),
				items: [...s.querySelectorAll(ITEMS)].map(item),
			};
		}
		const toc = [...top.querySelectorAll('nav.toc li')].map((li) => ({
			href: li.querySelector('a').getAttribute('href'),
			text: value(li.querySelector('a')),
			todo: li.querySelector('.todo') !== null,
		}));
		return { title: value(top.querySelector('h1')), toc, parts };
	});
}

export class Person {
	// Person.open({ name, email, password, phone, width, height,
	// javaScript, locale, axe }): a new browser context, 1280x800 or, with
	// phone, 375x740 on a touch screen.  locale is the browser's language
	// (Accept-Language), fr-CA by default; axe: false leaves the pages of
	// this person to other journeys' axe checks, axe: 'filled' only their
	// sections' forms before they are saved (for a journey that fills
	// every section: axe looks at each form as saved, the empty forms are
	// other journeys').  E-mail and password are made up unless given.
	static async open(opts = {}) {
		const b = await startBrowser();
		const size = opts.phone ? PHONE : { ...DESKTOP };
		const viewport = { width: opts.width ?? size.width, height: opts.height ?? size.height };
		const context = await b.newContext({
			viewport,
			locale: opts.locale ?? 'fr-CA',
			javaScriptEnabled: opts.javaScript ?? true,
			isMobile: !!opts.phone,
			hasTouch: !!opts.phone,
			deviceScaleFactor: 1,
			reducedMotion: 'reduce',
		});
		context.setDefaultTimeout(TIMEOUT);
		context.setDefaultNavigationTimeout(TIMEOUT);
		const page = await context.newPage();
		return new Person(context, page, viewport, opts);
	}

	constructor(context, page, viewport, opts) {
		this.context = context;
		this.page = page;
		this.viewport = viewport;
		this.javaScript = opts.javaScript ?? true;
		this.name = opts.name ?? 'Alice Gagnon';
		this.email = opts.email ?? uniqueEmail(this.name);
		this.password = opts.password ?? 'Hirondelle-du-canal-42';
		this.lang = 'fr';
		this.status = 0;
		this.pageName = '';
		this.orgPath = null;
		this.axe = opts.axe ?? true;
		this.opts = opts;
		this.variants = [];
		// The status of the last document of the main frame (after redirects).
		page.on('response', (r) => {
			if (r.request().isNavigationRequest() && r.frame() === page.mainFrame())
				this.status = r.status();
		});
		// Every request of this person's browser to another host than the
		// program's (a font, a script, an image from elsewhere), even one
		// the CSP blocks: journeys fail on any (foreignRequests()).
		this.foreign = [];
		const origin = new URL(BASE_URL).origin;
		context.on('request', (r) => {
			const url = r.url();
			if (/^(data|blob|about):/.test(url) || new URL(url).origin === origin)
				return;
			let from = '?';
			try {
				from = r.frame().url();
			} catch {
				// A service worker's request has no frame.
			}
			this.foreign.push(`${url} (from ${from})`);
		});
	}

	// The requests this person's browser made to another host than the
	// program's, each "URL (from the page's address)".
	foreignRequests() {
		return [...this.foreign];
	}

	// t(msgid, vars): msgid in the language of the page the person is on.
	t(msgid, vars) {
		return t(msgid, this.lang, vars);
	}

	async close() {
		if (this.copy)
			await this.copy.context().close();
		await this.context.close();
	}

	// Opens path (relative to the site, or a whole address of it) as if
	// typed in the address bar.
	async goto(path) {
		const resp = await this.page.goto(/^https?:/.test(path) ? path : BASE_URL + path);
		this.status = resp ? resp.status() : 0;
		return this.arrived();
	}

	// Runs action (a click, a key press) and waits for the page it leads
	// to, then arrived().  Returns the status of that page.
	async navigate(action) {
		const page = this.page;
		const nav = page.waitForEvent('framenavigated', {
			predicate: (f) => f === page.mainFrame(), timeout: TIMEOUT,
		});
		try {
			await action();
		} catch (e) {
			// The page may close before the navigation would have come:
			// what failed is the action.
			nav.catch(() => {});
			throw e;
		}
		await nav;
		await page.waitForLoadState('load');
		return this.arrived();
	}

	// What follows every page reached: read its language, name its state,
	// and let axe look at it.
	async arrived() {
		const url = new URL(this.page.url());
		const lang = await this.page.locator('html').getAttribute('lang');
		if (lang === 'fr' || lang === 'en')
			this.lang = lang;
		let name = 'unknown';
		for (const [re, n] of PAGES) {
			const m = re.exec(url.pathname);
			if (m) {
				name = typeof n === 'function' ? n(m) : n;
				break;
			}
		}
		// The code sent from the form at /join: the confirmation.
		if (name === 'join' && this.status === 200 &&
		    await this.page.locator('main input[name=confirm]').count() > 0)
			name = 'join-confirm';
		// Two-factor just turned on: the set-up's address shows the codes.
		if (name === 'account-2fa' && this.status === 200 &&
		    await this.page.locator('main ol.codes').count() > 0)
			name = 'account-codes';
		// A section's form in conflict is the section; a restore refused
		// (409 too) is an error page.
		if (this.status === 409 && name !== 'unknown')
			name += '-conflict';
		else if (this.status === 422)
			name += '-errors';
		else if (this.status >= 400)
			name = `error-${this.status}`;
		else if (url.searchParams.get('saved') === '1')
			name += '-saved';
		else if (url.searchParams.get('restored') === '1')
			name += '-restored';
		else if (url.searchParams.get('created') === '1')
			name += '-created';
		else if (url.searchParams.has('joined'))
			name += '-joined';
		else if (url.searchParams.has('left'))
			name += '-left';
		else if (url.searchParams.has('done'))
			name += '-done';
		else if (url.searchParams.get('recovery') === '1')
			name += '-recovered';
		const m = /^(\/o\/\d+)\//.exec(url.pathname);
		if (m)
			this.orgPath = m[1];
		this.pageName = name;
		this.variants = [];
		for (const [tag, sel] of VARIANTS) {
			if (await this.page.locator(sel).count() > 0)
				this.variants.push(tag);
		}
		if (!this.javaScript)
			this.variants.push('nojs');
		// axe runs in the page; where JavaScript is off, in a copy of the
		// page that a browser with JavaScript shows (axeCopy()).
		const before = this.axe === 'filled' && name === this.page0 &&
		    await this.page.locator('form.section-form').count() > 0;
		const key = `${this.stateKey} ${this.lang} ${this.viewport.width}px`;
		if (this.axe && !before)
			await (this.javaScript ? axeScan(this.page, key) : this.axeCopy(key));
		return this.status;
	}

	// axe on a page shown without JavaScript: axe needs scripts, so its
	// HTML as the person's browser has it is shown in a tab of another
	// context, with JavaScript, the same window and language, which
	// fetches the same style sheets and images from the program but none
	// of the page's scripts and nothing from elsewhere, and axe looks at
	// it there under key.
	async axeCopy(key) {
		if (axeScanned(key))
			return [];
		if (!this.copy) {
			const context = await (await startBrowser()).newContext({
				viewport: this.viewport,
				locale: this.opts.locale ?? 'fr-CA',
				isMobile: !!this.opts.phone,
				hasTouch: !!this.opts.phone,
				deviceScaleFactor: 1,
				reducedMotion: 'reduce',
			});
			context.setDefaultTimeout(TIMEOUT);
			context.setDefaultNavigationTimeout(TIMEOUT);
			const copy = await context.newPage();
			const origin = new URL(BASE_URL).origin;
			await copy.route('**/*', (route) => {
				const r = route.request();
				if (r.isNavigationRequest() && r.frame() === copy.mainFrame())
					return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: this.copyHtml });
				if (r.resourceType() === 'script' || new URL(r.url()).origin !== origin)
					return route.abort();
				return route.continue();
			});
			this.copy = copy;
		}
		this.copyHtml = await this.page.content();
		const url = new URL(this.page.url());
		url.hash = '';
		await this.copy.goto(url.href);
		// Without its style sheet, axe could not judge contrasts.
		const styled = await this.copy.evaluate(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0));
		if (!styled)
			throw new Error(`axe on a copy of ${key} (${url.href}): its style sheet did not load`);
		return axeScan(this.copy, key);
	}

	// The page's name with what it shows beyond it: 'mission+trainer+comments'
	// for a section a trainer reads, with comments on it.
	get stateKey() {
		return [this.pageName, ...this.variants].join('+');
	}

	// Whether the person is on the page named name, in any state (saved,
	// with errors, in conflict, restored).
	isOn(name) {
		return this.pageName.replace(STATES, '') === name;
	}

	// The page's name without its state: 'mission' for 'mission-saved'.
	get page0() {
		return this.pageName.replace(STATES, '');
	}

	// The control named name (a message id, translated) of the given role.
	control(role, msgid, { vars, scope, exact = true } = {}) {
		return (scope ?? this.page).getByRole(role, { name: this.t(msgid, vars), exact });
	}

	// Clicks the button or link named msgid and waits for the next page.
	async click(msgid, { role = 'button', vars, scope } = {}) {
		const target = this.control(role, msgid, { vars, scope });
		return this.navigate(() => target.click());
	}

	// Follows the link named msgid and waits for the page it leads to.
	async follow(msgid, opts = {}) {
		return this.click(msgid, { ...opts, role: 'link' });
	}

	// The form field whose label is msgid (translated), within scope.
	field(label, { scope, vars } = {}) {
		return (scope ?? this.page).getByLabel(this.t(label, vars), { exact: true });
	}

	// A word of the catalogue in the page's language, or the text itself
	// when the catalogue does not have it (a brand name, what was typed).
	word(text) {
		return catalogue(this.lang).has(text) ? this.t(text) : text;
	}

	// Fills the field labelled label (a message id) with value, as a person
	// does it, by what the value is:
	//   'text'            typed into a text field or a text area, or the
	//                     option of a menu whose text it is (a message id
	//                     when the catalogue has it);
	//   true / false      a checkbox ticked or not;
	//   { pick: 'text' }  the option of a menu whose text holds text (a
	//                     menu of another section's items, "Objective 1:
	//                     text of the objective");
	//   { scale: 4 }      the radio button 4 of the scale whose legend is
	//                     label;
	//   { ticks: [...] }  in the group of checkboxes whose legend is label,
	//                     each box whose label is one of these (message
	//                     ids or brand names) ticked, the others not;
	//                     with { contains: true }, a box whose label holds
	//                     one of them.
	//   { keys: 'text' }  typed key by key into an empty field (a sample
	//                     post, whose counter follows every key).
	async fill(label, value, opts = {}) {
		if (value !== null && typeof value === 'object') {
			if ('scale' in value) {
				const group = (opts.scope ?? this.page).getByRole('group', { name: this.t(label), exact: true });
				await group.getByRole('radio', { name: String(value.scale), exact: true }).check();
				return;
			}
			if ('ticks' in value) {
				const group = (opts.scope ?? this.page).getByRole('group', { name: this.t(label), exact: true });
				const names = value.ticks.map((w) => this.word(w));
				const boxes = group.getByRole('checkbox');
				for (const box of await boxes.all()) {
					const name = (await box.evaluate((e) => (e.labels[0] ? e.labels[0].textContent : ''))).trim();
					const want = names.some((n) => (value.contains ? name.includes(n) : name === n));
					await box.setChecked(want);
				}
				const ticked = await group.getByRole('checkbox', { checked: true }).count();
				if (ticked !== names.length)
					throw new Error(`${this.pageName}: "${this.t(label)}": ${ticked} boxes ticked for ${names.join(', ')}`);
				return;
			}
		}
		const f = this.field(label, opts);
		const kind = await f.evaluate((e) => `${e.tagName.toLowerCase()}:${e.type || ''}`);
		if (kind.startsWith('select')) {
			if (value !== null && typeof value === 'object' && 'pick' in value) {
				const texts = await f.locator('option').allTextContents();
				const text = texts.find((x) => x.includes(value.pick));
				if (text === undefined)
					throw new Error(`${this.pageName}: "${this.t(label)}" has no option with "${value.pick}": ${texts.join(' | ')}`);
				await f.selectOption({ label: text.trim() });
			} else {
				await f.selectOption({ label: this.word(value) });
			}
		} else if (kind === 'input:checkbox' || kind === 'input:radio') {
			await f.setChecked(!!value);
		} else if (value !== null && typeof value === 'object' && 'keys' in value) {
			await f.fill('');
			await f.pressSequentially(value.keys);
		} else {
			await f.fill(value);
		}
	}

	// Fills several fields: { label: value, ... }, in that order.
	async fillFields(fields, opts = {}) {
		for (const [label, value] of Object.entries(fields))
			await this.fill(label, value, opts);
	}

	// What a field holds now, in the shape fill() takes: the text of a
	// field or of the selected option of a menu, whether a box is ticked,
	// { scale: n } for a scale, { ticks: [labels] } for a group of boxes.
	async valueOf(label, opts = {}) {
		const scope = opts.scope ?? this.page;
		const group = scope.getByRole('group', { name: this.t(label), exact: true });
		if (await group.count() === 1 && await group.evaluate((g) => g.matches('fieldset.choices'))) {
			return group.evaluate((g) => {
				const radio = g.querySelector('input[type=radio]');
				if (radio) {
					const on = g.querySelector('input[type=radio]:checked');
					return { scale: on ? Number(on.value) : null };
				}
				return { ticks: [...g.querySelectorAll('input[type=checkbox]:checked')]
				    .map((e) => (e.labels[0] ? e.labels[0].textContent.trim() : e.value)) };
			});
		}
		const f = this.field(label, opts);
		return f.evaluate((e) => e.tagName === 'SELECT'
		    ? (e.selectedOptions[0] ? e.selectedOptions[0].textContent.trim() : '')
		    : e.type === 'checkbox' ? e.checked : e.value);
	}

	// The fieldset (group) whose legend is msgid (translated, with vars):
	// a scope for fill() and field().
	group(msgid, vars) {
		return this.page.getByRole('group', { name: this.t(msgid, vars), exact: true });
	}

	// The block of an item of a list, by its legend: the nth item
	// ('Objective %d' and n: "Objective 2" or "Objective 2 : text"), the
	// empty block that adds one (add: 'Add an objective'), or a fixed item
	// (title: 'Facebook', 'Use photos').
	item({ title, add, n }) {
		const main = this.page.getByRole('main');
		if (add)
			return main.getByRole('group', { name: this.t(add), exact: true });
		if (n === undefined)
			return main.getByRole('group', { name: this.word(title), exact: true });
		const prefix = literal(this.t(title, { N: n }));
		return main.getByRole('group', { name: new RegExp(`^${prefix}(\\s:|:|$)`) });
	}

	// Presses the section's Save button.  expect: 'saved' (the default:
	// back on the section with "Saved."), 'conflict' (409, someone saved in
	// between) or 'errors' (422, the form with its messages); anything
	// else throws with what the page says.
	async save({ expect = 'saved', button = 'Save' } = {}) {
		const status = await this.click(button);
		const want = { saved: 200, conflict: 409, errors: 422 }[expect];
		if (status !== want)
			throw new Error(`saving ${this.pageName}: expected ${expect} (${want}), got ${status}: ${await this.alertText()}`);
		if (expect === 'saved') {
			const msg = this.page.getByRole('status').filter({ hasText: this.t('Saved.') });
			if (await msg.count() !== 1)
				throw new Error(`saving ${this.pageName}: no "${this.t('Saved.')}" message`);
		}
		return status;
	}

	// The text of the page's alerts (error summary, conflict), for messages.
	async alertText() {
		const texts = await this.page.getByRole('alert').allInnerTexts();
		return texts.join(' | ').replace(/\s+/g, ' ').slice(0, 300) || '(no alert)';
	}

	// Signs up with a new organisation, from the sign-up page or else from
	// the home page through "Create an account".  Lands on the overview.
	async signUp({ org }) {
		this.org = org;
		if (!this.isOn('signup')) {
			await this.goto('/');
			await this.follow('Create an account', { scope: this.accountNav() });
		}
		await this.fillFields({
			'Name of the organisation': org,
			'Your name': this.name,
			'E-mail address': this.email,
			'Password': this.password,
		});
		const status = await this.click('Create our workbook');
		if (this.pageName !== 'overview')
			throw new Error(`sign-up: expected the overview, got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// Logs in through the login link of the header; lands on the plan, or
	// with two-factor on, on the second step (secondStep()).
	async logIn() {
		await this.goto('/');
		await this.follow('Log in', { scope: this.accountNav() });
		await this.fillFields({ 'E-mail address': this.email, 'Password': this.password });
		const status = await this.click('Log in', { scope: this.page.getByRole('main') });
		if (status !== 200 || this.pageName === 'login')
			throw new Error(`log-in: got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	async logOut() {
		return this.click('Log out', { scope: this.accountNav() });
	}

	// The navigation at the top of every page: log in or out, language.
	accountNav() {
		return this.page.getByRole('navigation', { name: this.t('Account') });
	}

	// The plan's navigation: the workbook (the overview), the summary,
	// the members.
	planNav() {
		return this.page.getByRole('navigation', { name: this.t('Plan') });
	}

	// The list of the workbook's sections beside a section's form.
	stepsNav() {
		return this.page.getByRole('navigation', { name: this.t('Sections of the workbook') });
	}

	// Back to the plan from a page outside it (a join page, the list of
	// organisations): the site's name in the header leads to the plan of
	// a person in one organisation, else to their list, where their plan
	// is a link by its name.
	async backToPlan() {
		if (await this.planNav().count() > 0)
			return;
		await this.navigate(() => this.page.getByRole('banner').getByRole('link', { name: 'reseauter', exact: true }).click());
		if (await this.planNav().count() === 0 && this.isOn('orgs') && this.org)
			await this.navigate(() => this.main().getByRole('link', { name: this.org, exact: true }).click());
	}

	// Goes where msgid says, as a person would: 'Overview' (the plan's
	// "Workbook"), 'Summary', 'Members' and 'Cohorts' with the plan's
	// navigation; a section by its title ('Mission', 'Starting point')
	// with the list of sections beside the form, or from the overview's
	// cards.  From a page outside the plan, back to it first.
	async openSection(msgid) {
		const nav = { Overview: 'Workbook', Workbook: 'Workbook', Summary: 'Summary', Members: 'Members', Cohorts: 'Cohorts' }[msgid];
		if (nav) {
			await this.backToPlan();
			return this.navigate(() => this.control('link', nav, { scope: this.planNav() }).click());
		}
		const title = literal(this.t(msgid));
		const steps = this.stepsNav();
		if (await steps.count() === 1) {
			// "Mission 40 %": the title, then how far it is filled, and
			// "Open comments: 1" when a trainer's comments are open.
			const comments = literal(this.t('Open comments: {{OPEN}}')).replace(/\s+/g, '\\s*').replace('\\{\\{OPEN\\}\\}', '\\d+');
			const link = steps.getByRole('link', { name: new RegExp(`^(\\d+\\.\\s*)?${title}\\s+\\d+\\s*%(\\s+${comments})?$`) });
			return this.navigate(() => link.click());
		}
		if (!this.isOn('overview'))
			await this.openSection('Overview');
		// "3. Mission": the card's number, then the title.
		const card = this.page.getByRole('main').getByRole('link', { name: new RegExp(`^\\d+\\.\\s*${title}$`) });
		return this.navigate(() => card.click());
	}

	// The language switch of the header ("English" / "Français").
	async switchLanguage() {
		const to = this.lang === 'fr' ? 'English' : 'Français';
		return this.navigate(() => this.accountNav().getByRole('button', { name: to, exact: true }).click());
	}

	// Reads the strategy summary (opening it with the plan's navigation
	// unless already there, or on the summary a share link opens):
	// readSummaryDocument()'s { title, toc, parts }, each part under its
	// heading as the page shows it.
	async readSummary() {
		if (!this.isOn('summary') && !this.isOn('shared'))
			await this.openSection('Summary');
		return readSummaryDocument(this.page.locator('article.summary'));
	}

	// The page's main region: a scope for what is not in the header.
	main() {
		return this.page.getByRole('main');
	}

	// --- My account and two-factor authentication ----------------------------

	// "My account" in the header: the account page.
	async openAccount() {
		await this.navigate(() => this.control('link', 'My account', { scope: this.accountNav() }).click());
		if (!this.isOn('account'))
			throw new Error(`My account: expected the account page, got ${this.pageName} (${this.status})`);
	}

	// From the account page, "Set up two-factor authentication": the
	// set-up, with its QR code and its key.
	async startTwoFactor() {
		if (!this.isOn('account'))
			await this.openAccount();
		await this.follow('Set up two-factor authentication', { scope: this.main() });
		if (!this.isOn('account-2fa'))
			throw new Error(`the set-up of two-factor: got ${this.pageName} (${this.status})`);
	}

	// The key the set-up page shows for typing it in an app ("ABCD EFGH
	// ..."), as shown.
	async readTwoFactorKey() {
		return squash(await this.main().locator('p.secret code').innerText());
	}

	// The recovery codes the page shows, in order.
	async readRecoveryCodes() {
		return (await this.main().locator('ol.codes > li').allInnerTexts()).map(squash);
	}

	// Turns two-factor on as a person does: My account, the set-up, the key
	// typed into the app on their phone (this.app, an AuthenticatorApp),
	// the password and the code the app shows typed on the page, as the
	// app shows it ("123 456") unless spaced is false.  Lands on the
	// recovery codes, kept as this.recoveryCodes.  Returns { key, codes }.
	async turnOn2fa({ spaced = true } = {}) {
		if (!this.isOn('account-2fa'))
			await this.startTwoFactor();
		const key = await this.readTwoFactorKey();
		this.app = new AuthenticatorApp(key);
		const code = this.app.code();
		await this.fillFields({
			'Your password': this.password,
			'Code from the app': spaced ? `${code.slice(0, 3)} ${code.slice(3)}` : code,
		});
		const status = await this.click('Turn on two-factor authentication');
		if (this.pageName !== 'account-codes')
			throw new Error(`turning two-factor on: got ${this.pageName} (${status}): ${await this.alertText()}`);
		this.recoveryCodes = await this.readRecoveryCodes();
		return { key, codes: this.recoveryCodes };
	}

	// The login's second step: types code (by default the one the app
	// shows now) in its field and logs in.  expect: 'in' (the default:
	// past the second step) or 'errors' (422, the step again with its
	// message); anything else throws with what the page says.
	async secondStep(code, { expect = 'in' } = {}) {
		if (!this.isOn('login-2fa'))
			throw new Error(`the second step: the person is on ${this.pageName}`);
		await this.fill('Code', code ?? this.app.code());
		const status = await this.click('Log in', { scope: this.main() });
		const past = !this.isOn('login-2fa') && !this.isOn('login') && status === 200;
		if ((expect === 'in') !== past || (expect === 'errors' && status !== 422))
			throw new Error(`the second step: expected ${expect}, got ${this.pageName} (${status}): ${await this.alertText()}`);
		return status;
	}

	// The sessions the account page lists: [{ browser, address, current
	// (this session), text, row (its locator) }], as shown.
	async readSessions() {
		const rows = this.main().getByRole('region', { name: this.t('Where you are logged in'), exact: true })
		    .getByRole('row').filter({ has: this.page.getByRole('cell') });
		const out = [];
		for (const row of await rows.all()) {
			const cells = (await row.getByRole('cell').allInnerTexts()).map(squash);
			out.push({
				browser: cells[0], address: cells[1], text: cells.join(' | '),
				current: cells[0].includes(this.t('this session')), row,
			});
		}
		return out;
	}

	// Ends the first session of the list that is not this one, with its
	// End button.  Back on the account page, which says so.
	async endOtherSession() {
		const other = (await this.readSessions()).find((s) => !s.current);
		if (!other)
			throw new Error('ending another session: the list has none');
		const status = await this.navigate(() => other.row.getByRole('button').click());
		if (this.pageName !== 'account-done')
			throw new Error(`ending a session: got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// Changes the password on the account page; remembers the new one.
	// Back on the account page, which says so.
	async changePassword(password) {
		if (!this.isOn('account'))
			await this.openAccount();
		const box = this.main().getByRole('region', { name: this.t('Password'), exact: true });
		await this.fillFields({
			'Current password': this.password,
			'New password': password,
			'The same password again': password,
		}, { scope: box });
		const status = await this.click('Change my password', { scope: box });
		if (this.pageName !== 'account-done')
			throw new Error(`changing the password: got ${this.pageName} (${status}): ${await this.alertText()}`);
		this.password = password;
	}

	// --- A trainer's pages -------------------------------------------------

	// "My cohorts" in the header (shown to trainers only): the cohorts list.
	async openCohorts() {
		await this.navigate(() => this.control('link', 'My cohorts', { scope: this.accountNav() }).click());
		if (!this.isOn('cohorts'))
			throw new Error(`My cohorts: expected the cohorts list, got ${this.pageName} (${this.status})`);
	}

	// Creates a cohort as a trainer does: My cohorts, New cohort, the form
	// filled by its labels, "Create the cohort".  startsOn and endsOn are
	// YYYY-MM-DD.  Lands on the cohort's settings, which say it is ready;
	// remembers the cohort as this.cohort { name, id, path }.
	async createCohort({ name, startsOn, endsOn, notes }) {
		await this.openCohorts();
		await this.follow('New cohort', { scope: this.main() });
		if (!this.isOn('cohorts-new'))
			throw new Error(`New cohort: expected its form, got ${this.pageName} (${this.status})`);
		const fields = { 'Name of the cohort': name };
		if (startsOn)
			fields['First day (optional)'] = startsOn;
		if (endsOn)
			fields['Last day (optional)'] = endsOn;
		if (notes)
			fields['Notes (optional)'] = notes;
		await this.fillFields(fields);
		const status = await this.click('Create the cohort');
		if (this.pageName !== 'cohort-settings-created')
			throw new Error(`creating the cohort: got ${this.pageName} (${status}): ${await this.alertText()}`);
		const id = /^\/c\/(\d+)\//.exec(new URL(this.page.url()).pathname)[1];
		this.cohort = { name, id, path: `/c/${id}` };
		return this.cohort;
	}

	// Reads the join code as the settings page shows it, in its "Join
	// code" box ("ABCD-EFGH").
	async readJoinCode() {
		const box = this.page.getByRole('region', { name: this.t('Join code'), exact: true });
		return squash(await box.locator('.join-code').innerText());
	}

	// Opens the dashboard of the cohort named name from My cohorts.
	async openCohort(name) {
		await this.openCohorts();
		await this.navigate(() => this.main().getByRole('link', { name, exact: true }).click());
		if (!this.isOn('dashboard'))
			throw new Error(`cohort "${name}": expected its dashboard, got ${this.pageName} (${this.status})`);
	}

	// From the dashboard, "Settings of the cohort".
	async openCohortSettings() {
		await this.follow('Settings of the cohort', { scope: this.main() });
	}

	// Reads the dashboard's table: { caption, rows: { name: row } }, each
	// row { name, href, overall (a number), demo, changed, replies (the
	// text of its "Comments awaiting a reply" cell, squashed), sections
	// (the percent of each section, as read by a screen reader) }.
	async readDashboard() {
		const table = this.main().locator('table.dash');
		if (await table.count() === 0)
			return { caption: '', rows: {} };
		const read = await table.evaluate((t) => {
			const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
			return {
				caption: squash(t.querySelector('caption').innerText),
				rows: [...t.querySelectorAll('tbody > tr')].map((tr) => {
					const head = tr.querySelector('th');
					const a = head.querySelector('a');
					return {
						name: squash(a.innerText),
						href: a.getAttribute('href'),
						tags: [...head.querySelectorAll('.tag')].map((e) => squash(e.textContent)),
						overall: squash(tr.querySelector('.col-overall .pct').textContent),
						sections: [...tr.querySelectorAll('td.sec')].map((td) => squash(td.textContent)),
						replies: squash(tr.querySelector('.col-replies').textContent),
					};
				}),
			};
		});
		const rows = {};
		for (const r of read.rows) {
			rows[r.name] = {
				...r,
				overall: Number(r.overall.replace(/[^\d]/g, '')),
				demo: r.tags.includes(this.t('demonstration')),
				changed: r.tags.includes(this.t('changed since your last visit')),
			};
		}
		return { caption: read.caption, rows };
	}

	// From the dashboard, opens the plan of the group named name (its
	// overview, read-only for a trainer).
	async openGroupPlan(name) {
		const table = this.main().locator('table.dash');
		await this.navigate(() => table.getByRole('link', { name, exact: true }).click());
		if (!this.isOn('overview'))
			throw new Error(`the plan of ${name}: got ${this.pageName} (${this.status})`);
	}

	// Writes a comment on the section the trainer reads: the "New comment
	// on this section" field, "Send the comment".  Back on the section.
	async writeComment(text) {
		const section = this.page0;
		await this.fill('New comment on this section', text);
		const status = await this.click('Send the comment');
		if (this.pageName !== section)
			throw new Error(`commenting on ${section}: got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// Downloads the dashboard's table with its link: { name, bytes (a
	// Buffer), text (without the byte order mark) }.
	async downloadCsv() {
		const link = this.control('link', 'Download the table (CSV)', { scope: this.main() });
		const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
		const failure = await download.failure();
		if (failure)
			throw new Error(`downloading the CSV: ${failure}`);
		const chunks = [];
		for await (const chunk of await download.createReadStream())
			chunks.push(chunk);
		const bytes = Buffer.concat(chunks);
		return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
	}

	// --- An owner and the cohorts of their plan -----------------------------

	// Types code on the plan's Cohorts page and continues: lands on the
	// confirmation (what the trainers will see), nothing joined yet.
	async enterJoinCode(code) {
		if (!this.isOn('org-cohorts'))
			await this.openSection('Cohorts');
		const box = this.page.getByRole('region', { name: this.t('Join a cohort'), exact: true });
		await this.fill('Join code', code, { scope: box });
		const status = await this.click('Continue', { scope: box });
		if (this.pageName !== 'join-confirm')
			throw new Error(`the code ${code}: expected the confirmation, got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// Reads the confirmation of a code: { cohort (its name), facts {
	// Dates, Trainers } (labels as written, not as CSS may show them), sees (the text of "What the trainers will see
	// and do"), org (the organisation chosen in the menu) }.
	async readJoinConfirmation() {
		const main = this.main();
		const facts = {};
		for (const dt of await main.locator('dl.facts > dt').all())
			facts[labelOf(await dt.textContent())] = squash(await dt.locator('xpath=following-sibling::dd[1]').innerText());
		const sees = this.page.getByRole('region', { name: this.t('What the trainers will see and do'), exact: true });
		return {
			cohort: squash(await main.getByRole('heading', { level: 1 }).innerText()),
			facts,
			sees: squash(await sees.innerText()),
			org: await this.valueOf('Organisation that joins'),
		};
	}

	// Accepts on the confirmation: back on the plan's Cohorts page, which
	// says the organisation joined.
	async acceptJoin() {
		const status = await this.click('Join, and let these trainers read our plan');
		if (this.pageName !== 'org-cohorts-joined')
			throw new Error(`joining: got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// Leaves the cohort named name from the plan's Cohorts page.
	async leaveCohort(name) {
		if (!this.isOn('org-cohorts'))
			await this.openSection('Cohorts');
		const card = this.main().getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
		const status = await this.click('Leave this cohort', { scope: card });
		if (this.pageName !== 'org-cohorts-left')
			throw new Error(`leaving ${name}: got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// --- Comments on a section, either side ---------------------------------

	// The threads of the section's comments, as shown: [{ id, resolved,
	// open (a resolved one unfolded), messages: [{ author, side, body }] }].
	async readComments() {
		const box = this.main().locator('section.comments');
		if (await box.count() === 0)
			return [];
		return box.evaluate((s) => {
			const squash = (x) => String(x ?? '').replace(/\s+/g, ' ').trim();
			return [...s.querySelectorAll('.thread')].map((t) => ({
				id: t.id,
				resolved: t.classList.contains('resolved'),
				messages: [...t.querySelectorAll('li.msg')].map((m) => ({
					author: squash(m.querySelector('.msg-meta strong').textContent),
					side: squash(m.querySelector('.msg-meta .side').textContent),
					body: squash(m.querySelector('.msg-body').textContent),
				})),
			}));
		});
	}

	// The thread of the section whose messages hold text.
	thread(text) {
		return this.main().locator('section.comments .thread').filter({ hasText: text });
	}

	// Answers the thread that holds about: its "Your reply" field, "Send
	// the reply".  Back on the section.
	async replyTo(about, text) {
		const section = this.page0;
		const thread = this.thread(about);
		await this.fill('Your reply', text, { scope: thread });
		const status = await this.click('Send the reply', { scope: thread });
		if (this.pageName !== section)
			throw new Error(`replying on ${section}: got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// Marks the thread that holds about resolved.  Back on the section.
	async resolve(about) {
		const section = this.page0;
		const status = await this.click('Mark resolved', { scope: this.thread(about) });
		if (this.pageName !== section)
			throw new Error(`resolving on ${section}: got ${this.pageName} (${status}): ${await this.alertText()}`);
	}

	// The "Comments to answer" (a group) or "Replies from the group" (a
	// trainer) of the overview: the text of each entry, squashed, or null
	// when the overview has no such box.
	async readConversations() {
		const box = this.main().locator('section.conversations');
		if (await box.count() === 0)
			return null;
		return {
			heading: squash(await box.getByRole('heading', { level: 2 }).innerText()),
			text: squash(await box.innerText()),
			entries: (await box.locator('ul.to-answer > li').allInnerTexts()).map(squash),
		};
	}

	// Saves a full-page screenshot as SCREENSHOTS/NAME-WIDTH.png (NAME: the
	// page's own name unless given).  Returns the file's path.
	async shoot(name) {
		mkdirSync(SCREENSHOTS, { recursive: true });
		const file = join(SCREENSHOTS, `${name ?? this.pageName}-${this.viewport.width}.png`);
		await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
		return file;
	}

	// --- Sharing the plan and downloading it ----------------------------------

	// The share page: from the summary, the link of its "Share this plan"
	// box; from elsewhere, "Share" in the plan's navigation.
	async openShare() {
		if (this.isOn('summary')) {
			await this.follow('Make or withdraw share links', { scope: this.main() });
		} else {
			await this.backToPlan();
			await this.follow('Share', { scope: this.planNav() });
		}
		if (!this.isOn('share'))
			throw new Error(`the share page: got ${this.pageName} (${this.status})`);
	}

	// Makes a share link on the share page as a person does: the label
	// typed, the last day it works (YYYY-MM-DD) when until is given, "Make
	// a share link".  Back on the share page, which shows the new link
	// once: returns its address as the page shows it.
	async makeShareLink({ label, until } = {}) {
		if (!this.isOn('share'))
			await this.openShare();
		const fields = {};
		if (label !== undefined)
			fields['Label (optional)'] = label;
		if (until !== undefined)
			fields['Valid until (optional)'] = until;
		await this.fillFields(fields);
		const status = await this.click('Make a share link');
		if (status !== 200 || !this.isOn('share') || !this.variants.includes('new-link'))
			throw new Error(`making a share link: got ${this.stateKey} (${status}): ${await this.alertText()}`);
		return this.field('Share link', { scope: this.main() }).inputValue();
	}

	// The share page's table of the links that work now, as shown:
	// [{ label, created, until, seen }], each the text of its cell.
	async readShareLinks() {
		const rows = this.main().locator('table.list tbody tr');
		const out = [];
		for (const row of await rows.all()) {
			const [label, created, until, seen] = (await row.getByRole('cell').allInnerTexts()).map(squash);
			out.push({ label, created, until, seen });
		}
		return out;
	}

	// Downloads the file of the link named msgid (a message id) in scope,
	// by clicking it: { name (the file's name), bytes (a Buffer) }.
	async download(msgid, { scope } = {}) {
		const link = this.control('link', msgid, { scope: scope ?? this.main() });
		const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
		const failure = await download.failure();
		if (failure)
			throw new Error(`downloading "${this.t(msgid)}" from ${this.pageName}: ${failure}`);
		const chunks = [];
		for await (const chunk of await download.createReadStream())
			chunks.push(chunk);
		return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
	}

	// Downloads the summary as PDF with its link among the summary's
	// downloads (on the plan's summary, or on the one a share link opens).
	async downloadPdf() {
		return this.download('PDF document', {
			scope: this.main().getByRole('navigation', { name: this.t('Downloads'), exact: true }),
		});
	}
}

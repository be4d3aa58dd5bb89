// tests/browser/lib/workbook.mjs: the sections of the workbook as data, and
// what a journey does with any of them: fill it, save it, find it again
// on the summary.
//
// A section is { slug, nav, summary, fields } or { slug, nav, summary,
// group, blocks }:
//   slug     the last part of its address (/o/ID/slug);
//   nav      the link of the plan's navigation (a message id);
//   summary  the heading of its part of the summary (a message id);
//   fields   { label message id: value } for a plain form;
//   group    the legend of a repeated block ('Objective {{N}}'), and
//   blocks   one { label: value } per block, in order; an empty block
//            (title '') is not on the summary;
//   title    the field whose value titles a block on the summary;
//   menus    the labels of menus: their value is the message id of an
//            option (the text shown, translated);
//   dates    the labels of date fields (YYYY-MM-DD; the summary writes
//            them out in words);
//   terms    { form label: summary term } where the summary names a
//            field otherwise.
// Other values are typed as they are.  Adding a section of the workbook
// is adding one object here.
import assert from 'node:assert/strict';

export const MISSION = {
	slug: 'mission',
	nav: 'Mission',
	summary: 'Mission',
	fields: {
		'The mission of our organisation is to…':
		    'Offrir aux familles du quartier un lieu de rencontre et d’entraide, « ouvert à tous ».',
		'We do this through…': 'Une halte-garderie, une cuisine collective et des ateliers de français.',
		'Our social-media strategy will support these objectives by…':
		    'Montrer la vie de la maison chaque semaine, avec les gens qui la font.',
	},
};

export const OBJECTIVES = {
	slug: 'objectives',
	nav: 'Objectives',
	summary: 'Objectives',
	group: 'Objective {{N}}',
	title: 'Objective',
	menus: ['Kind of objective'],
	dates: ['Date'],
	terms: { 'Kind of objective': 'Kind' },
	blocks: [
		{
			'Objective': 'Faire connaître la halte-garderie aux nouvelles familles',
			'Kind of objective': 'Reach specific audiences',
			'How it serves the mission': 'Les parents isolés trouvent un répit et un réseau.',
			'Indicator': 'Inscriptions à la halte-garderie',
			'Target': '30 familles inscrites',
			'Date': '2026-06-30',
		},
		{
			'Objective': 'Recruter des bénévoles pour la cuisine collective',
			'Kind of objective': 'Recruit volunteers',
			'How it serves the mission': '',
			'Indicator': 'Bénévoles actifs chaque mois',
			'Target': '10',
			'Date': '2026-09-01',
		},
	],
};

// The sections that exist now, in the order of the workbook.
export const SECTIONS = [MISSION, OBJECTIVES];

// A copy of section with each typed value (not menus, dates or empty
// values) passed through change(value, label), for a journey that needs
// other words in the same shape.
export function variant(section, change) {
	const fixed = new Set([...(section.menus ?? []), ...(section.dates ?? [])]);
	const map = (fields) => Object.fromEntries(Object.entries(fields).map(([label, v]) =>
	    [label, fixed.has(label) || v === '' ? v : change(v, label)]));
	return section.blocks
	    ? { ...section, blocks: section.blocks.map(map) }
	    : { ...section, fields: map(section.fields) };
}

// Fills the section in, opening it first with the plan's navigation
// unless the person is on it (what the form holds then is kept where
// section does not say otherwise: nothing is reloaded).
export async function fillSection(person, section) {
	if (!person.isOn(section.slug))
		await person.openSection(section.nav);
	if (section.fields) {
		await person.fillFields(section.fields);
		return;
	}
	for (const [i, block] of section.blocks.entries()) {
		const scope = person.group(section.group, { N: i + 1 });
		await person.fillFields(block, { scope });
	}
}

// Fills the section in and saves it; the page must say "Saved.".
export async function saveSection(person, section) {
	await fillSection(person, section);
	await person.save();
}

// Every value typed in section (to tell a person's words from the
// program's).
export function typedValues(section) {
	const fixed = new Set([...(section.menus ?? []), ...(section.dates ?? [])]);
	const all = section.blocks ? section.blocks : [section.fields];
	return all.flatMap((f) => Object.entries(f).filter(([l, v]) => v !== '' && !fixed.has(l)).map(([, v]) => v));
}

// Checks that the form of the section, as the person sees it now, holds
// what section says.
export async function expectForm(person, section) {
	if (section.fields) {
		for (const [label, value] of Object.entries(section.fields))
			assert.equal(await person.valueOf(label), value, `${section.nav}: the field "${label}" reads back`);
		return;
	}
	for (const [i, block] of section.blocks.entries()) {
		const scope = person.group(section.group, { N: i + 1 });
		for (const [label, value] of Object.entries(block)) {
			const want = (section.menus ?? []).includes(label) ? person.t(value) : value;
			assert.equal(await person.valueOf(label, { scope }), want,
			    `${section.nav} ${i + 1}: the field "${label}" reads back`);
		}
	}
}

// A date of the workbook (YYYY-MM-DD) as the summary writes it.
export function longDate(iso, lang) {
	const [y, m, d] = iso.split('-').map(Number);
	const fr = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet',
	    'août', 'septembre', 'octobre', 'novembre', 'décembre'];
	const en = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
	    'August', 'September', 'October', 'November', 'December'];
	if (lang === 'en')
		return `${en[m - 1]} ${d}, ${y}`;
	return `${d === 1 ? '1er' : d} ${fr[m - 1]} ${y}`;
}

// Checks that the summary read by person.readSummary() holds the section
// as it was saved: each field under its label, each block with its title
// and details.
export function expectSummary(person, plan, section) {
	const heading = person.t(section.summary);
	const part = plan.sections[heading];
	assert.ok(part, `the summary has a part "${heading}" (it has: ${Object.keys(plan.sections).join(', ')})`);
	if (section.fields) {
		for (const [label, value] of Object.entries(section.fields))
			assert.equal(part.entries[person.t(label)], value, `the summary shows "${label}"`);
		return;
	}
	const items = section.blocks.filter((b) => b[section.title] !== '');
	assert.equal(part.items.length, items.length, `the summary lists ${items.length} ${section.nav}`);
	for (const [i, block] of items.entries()) {
		const item = part.items[i];
		for (const [label, value] of Object.entries(block)) {
			if (label === section.title) {
				assert.equal(item.title, value, `${section.nav} ${i + 1}: its title`);
				continue;
			}
			if (value === '')
				continue;
			const want = (section.menus ?? []).includes(label) ? person.t(value)
			    : (section.dates ?? []).includes(label) ? longDate(value, person.lang) : value;
			const term = person.t(section.terms?.[label] ?? label);
			assert.equal(item.entries[term], want, `${section.nav} ${i + 1}: "${label}" on the summary`);
		}
	}
}

// tests/browser/lib/workbook.mjs: the fourteen sections of the workbook as
// data, and what a journey does with any of them: fill it in, save it,
// read it back in the form, find it again on the summary.
//
// A section is
//   { slug, title, fields, lists, copy, complete }
//   slug      the last part of its address (/o/ID/slug);
//   title     its title (a message id): the list of sections, the
//             overview's card and the summary's heading all use it;
//   fields    { label: value } of its own fields, in the order a person
//             fills them (labels are message ids; values in the shapes
//             Person.fill() takes);
//   lists     its lists, each { item, add, items } for items people add
//             ('Objective %d', 'Add an objective', [{ label: value }...]),
//             { fixed: true, fold, items } for fixed items ({ 'Facebook':
//             {...} }; fold: each folded in a <details> until chosen), or
//             { from: true, item, items } for one item per item of another
//             section (the evaluation's reviews, one per objective);
//   copy      the example personas (1 to 3) copied into the list, after
//             the items typed: copying saves the page;
//   complete  every field that counts is answered: the overview says
//             100 %;
//   shown     where the summary shows a field (its own or a list's), by
//             the field's label, when not under that same label:
//               'Label'            under another label (a message id);
//               null               in the text of its part or its card,
//                                  without a label (a title, a tag, a
//                                  note; a box ticked: the card itself);
//               { text: 'msgid', v: 'NAME' }  in that sentence of the
//                                  catalogue, the value as {{NAME}};
//               { after: 'msgid' }  right after those words ("Persona:");
//               { ref: true }      a link of the card leads to it.
// Plain strings are typed as they are, or are the text of a menu's option
// (a message id when the catalogue has it).  How a value reads on the
// summary follows from its shape (expectShown()).  Adding a section to the
// workbook is adding one object here.
import assert from 'node:assert/strict';
import { literal, squash, labelOf } from './person.mjs';
import { has } from './i18n.mjs';

export const START = {
	slug: 'start',
	title: 'Starting point',
	complete: true,
	fields: {
		'Website': 'https://maisondequartier-hochelaga.example.org',
		'Blog': 'Un blogue sur notre site, mis à jour deux fois par année.',
		'Newsletter': 'Une infolettre mensuelle à nos 250 membres.',
		'Where we are already present online': 'Une page Facebook de 600 abonnés et un compte Instagram ouvert en 2022, peu actif.',
		'What we already do well online': 'Les photos de la cuisine collective sont beaucoup partagées.',
		'How our community uses social media': 'Les parents du quartier se parlent dans le groupe Facebook « Parents d’Hochelaga ».',
		'Hours a week the team can really give': '4,5',
		'The people involved': 'Julie, coordonnatrice, deux heures par semaine; Marc, bénévole, prend de belles photos.',
	},
	shown: {
		'Hours a week the team can really give': { text: '{{V}} h a week', v: 'V' },
	},
};

export const ACCOUNTS = {
	slug: 'accounts',
	title: 'Account registry',
	complete: true,
	lists: [{
		item: 'Account %d',
		add: 'Add an account',
		items: [
			{
				'Platform': 'Facebook',
				'Name or address of the account': 'facebook.com/maisondequartierhochelaga',
				'Who holds the access': 'Julie, la coordonnatrice',
				'Who can take over': 'Ahmed, trésorier du conseil',
				'Recovery e-mail or phone (described, never the password)': 'L’adresse info@ de la maison et le cellulaire du bureau',
				'Notes': 'Ouvert en 2017; la validation en deux étapes est activée.',
			},
			{
				'Platform': 'Instagram',
				'Name or address of the account': '@maisonhochelaga',
				'Who holds the access': 'Marc, bénévole',
				'Who can take over': 'Julie, la coordonnatrice',
				'Recovery e-mail or phone (described, never the password)': 'L’adresse info@ de la maison',
				'Notes': 'Le mot de passe est dans le gestionnaire de l’équipe.',
			},
		],
	}],
	shown: {
		'Platform': null,
		'Name or address of the account': null,
		'Who holds the access': 'Held by',
		'Who can take over': 'Can take over',
		'Recovery e-mail or phone (described, never the password)': 'Recovery',
		'Notes': null,
	},
};

export const MISSION = {
	slug: 'mission',
	title: 'Mission',
	complete: true,
	fields: {
		'The mission of our organisation is to…':
		    'Offrir aux familles du quartier un lieu de rencontre et d’entraide, « ouvert à tous ».',
		'We do this through…': 'Une halte-garderie, une cuisine collective et des ateliers de français.',
		'Our social-media strategy will support these objectives by…':
		    'Montrer la vie de la maison chaque semaine, avec les gens qui la font.',
	},
};

export const OBJECTIVES = {
	slug: 'objectives',
	title: 'Objectives',
	complete: true,
	lists: [{
		item: 'Objective %d',
		add: 'Add an objective',
		items: [
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
				'How it serves the mission': 'Avec plus de bras, la cuisine ouvre deux soirs par semaine.',
				'Indicator': 'Bénévoles actifs chaque mois',
				'Target': '10 bénévoles',
				'Date': '2026-09-01',
			},
		],
	}],
	shown: {
		'Objective': null,
		'Kind of objective': null,
		'How it serves the mission': 'How it serves the mission:',
		'Date': 'To check on',
	},
};

export const STORY = {
	slug: 'story',
	title: 'Our story',
	complete: true,
	fields: {
		'What do we do?': 'Nous accueillons les familles du quartier et leur offrons du répit.',
		'What problem do we address?': 'Beaucoup de parents sont isolés, loin de leur famille.',
		'What is our solution?': 'Une maison ouverte, une halte-garderie et des repas partagés.',
		'Why are we credible?': 'Vingt ans dans Hochelaga, 300 familles accueillies l’an dernier.',
		'What do we bring that nobody else does?': 'Le seul endroit du quartier où l’on peut venir sans rendez-vous.',
		'Who are we?': 'Trois employées, une quarantaine de bénévoles et un conseil de parents.',
		'How did we start?': 'En 2005, cinq mères ont ouvert une halte dans un sous-sol d’église.',
		'What are our major successes?': 'Une deuxième cuisine collective, ouverte grâce aux bénévoles.',
		'The back cover of our biography': 'L’histoire d’une maison où personne n’est de trop.',
		'Short pitch (280 characters at most)': 'La Maison de quartier accueille les familles d’Hochelaga : répit, repas partagés, ateliers. Venez nous voir!',
		'Longer pitch': 'Depuis 2005, la Maison de quartier accueille les familles d’Hochelaga sans rendez-vous.',
	},
	lists: [{
		item: 'Value %d',
		add: 'Add a value',
		items: [
			{ 'Value': 'Solidarité', 'A concrete example of how we live it': 'Les familles gardent les enfants les unes des autres.' },
		],
	}],
	shown: {
		'Short pitch (280 characters at most)': 'Our pitch, in a few words',
		'Longer pitch': 'Our pitch, at more length',
		'Value': null,
		'A concrete example of how we live it': null,
	},
};

export const TONE = {
	slug: 'tone',
	title: 'Culture and tone',
	complete: true,
	fields: {
		'Indignant or warm': { scale: 4 },
		'Formal or familiar': { scale: 5 },
		'Serious or playful': { scale: 3 },
		'Adjective 1': 'accueillante',
		'Adjective 2': 'tenace',
		'Adjective 3': 'joyeuse',
		'One sentence written in our voice': 'Besoin d’une pause? La halte vous attend mardi matin, le café est prêt.',
	},
	shown: {
		'Adjective 1': 'In a few words, we are:',
		'Adjective 2': 'In a few words, we are:',
		'Adjective 3': 'In a few words, we are:',
		'One sentence written in our voice': 'One sentence in our voice',
	},
};

export const AUDIENCES = {
	slug: 'audiences',
	title: 'Audiences and personas',
	complete: true,
	fields: {
		'Audience groups that matter to us': { ticks: ['Current and potential members', 'Current and potential volunteers', 'Partner organisations'] },
		'Other groups': 'Les élus municipaux et les commerces de la rue Ontario.',
	},
	lists: [{
		item: 'Persona %d',
		add: 'Add a persona',
		items: [
			{
				'Name': 'Sofia, la jeune maman',
				'Role or audience group': 'Membre potentielle',
				'Age': '25 à 35',
				'Languages': 'Espagnol et français',
				'Platforms they use': { ticks: ['Facebook', 'Instagram'] },
				'What they care about': 'Rencontrer d’autres parents et souffler un peu.',
				'The words they use for their problems': '« Je suis toute seule avec le bébé. »',
				'Their worries about supporting us': 'Elle croit qu’il faut payer ou s’inscrire longtemps d’avance.',
				'How to reach them': 'Une photo chaleureuse sur Instagram, puis une invitation en personne.',
				'Other details': 'Arrivée de Colombie il y a deux ans.',
			},
		],
	}],
	copy: [2],
	shown: {
		'Audience groups that matter to us': 'The groups we want to reach',
		'Other groups': 'The groups we want to reach',
		'Name': null,
		'Role or audience group': null,
	},
};

// The example personas that AUDIENCES copies, as the summary names them.
export const EXAMPLES = { 1: 'Mélanie, the activist', 2: 'Lina, the tenant', 3: 'Pascha, the professional' };

export const PLATFORMS = {
	slug: 'platforms',
	title: 'Platforms',
	complete: true,
	lists: [{
		fixed: true,
		fold: true,
		items: {
			'Facebook': {
				'We choose this platform': true,
				'Objectives it serves': { ticks: ['Faire connaître la halte-garderie', 'Recruter des bénévoles'], contains: true },
				'Personas we reach there': { ticks: ['Sofia', 'Lina'], contains: true },
				'Hours a week we plan': '3',
				'Posts a week': '5',
				'What we will do there': 'Annoncer les activités de la semaine et répondre aux parents.',
			},
			'Instagram': {
				'We choose this platform': true,
				'Objectives it serves': { ticks: ['Faire connaître la halte-garderie'], contains: true },
				'Personas we reach there': { ticks: ['Sofia'], contains: true },
				'Hours a week we plan': '3',
				'Posts a week': '2',
				'What we will do there': 'Des photos de la cuisine collective et de la halte.',
			},
		},
	}],
	shown: {
		'We choose this platform': null,
		'Objectives it serves': 'Objectives it serves:',
		'Personas we reach there': 'Personas we reach there:',
		'Hours a week we plan': { text: '{{HOURS}} h a week', v: 'HOURS' },
		'Posts a week': { text: '{{POSTS}} posts a week', v: 'POSTS' },
		'What we will do there': null,
	},
};

export const RESOURCES = {
	slug: 'resources',
	title: 'Resources',
	complete: true,
	fields: {
		'Where we stand between curating and creating': { scale: 2 },
		'The kinds of content we will share or make': 'Les nouvelles du regroupement des maisons de la famille, et nos propres photos.',
		'What that means for our hours': 'Partager prend une heure par semaine; les photos, une heure de plus.',
	},
	shown: {
		'The kinds of content we will share or make': 'What we will share or make',
		'What that means for our hours': 'What it means for our hours',
	},
};

// The eight practices, each ticked with a line about how.
const PRACTICE_HOW = {
	'Use photos': 'Une photo à chaque activité, avec le consentement des gens.',
	'Work with others': 'Identifier le CLSC et les organismes partenaires.',
	'Short and personal': 'Des textes de deux phrases, signés par l’équipe.',
	'Stay positive': 'Remercier les bénévoles chaque vendredi.',
	'Think of the audience first': 'Se demander si la publication aide un parent.',
	'Invite engagement': 'Finir par une question une fois par semaine.',
	'Use the news': 'Relier nos activités à la rentrée et aux fêtes.',
	'Lean on existing networks': 'Demander au regroupement de partager nos nouvelles.',
};
export const PRACTICES = {
	slug: 'practices',
	title: 'Content practices',
	complete: true,
	lists: [{
		fixed: true,
		items: Object.fromEntries(Object.entries(PRACTICE_HOW).map(([title, how]) =>
		    [title, { 'We commit to this': true, 'How we will do it': how }])),
	}],
	shown: { 'We commit to this': null, 'How we will do it': null },
};

export const POSTS = {
	slug: 'posts',
	title: 'Sample posts',
	complete: true,
	lists: [{
		item: 'Post %d',
		add: 'Add a post',
		items: [
			{
				'Platform': 'Facebook',
				'Objective': { pick: 'Faire connaître la halte-garderie' },
				'Persona': { pick: 'Sofia' },
				'Text of the post': 'Nouvelle dans le quartier? La halte-garderie vous accueille mardi et jeudi matin, sans rendez-vous.',
				'Hashtags': '#Hochelaga #famille',
				'Image or video': 'Deux mamans rient autour d’une table à dessin.',
			},
			{
				'Platform': 'Instagram',
				'Objective': { pick: 'Recruter des bénévoles' },
				'Persona': { pick: 'Lina' },
				'Text of the post': { keys: 'Merci aux 12 bénévoles de la cuisine collective : 140 repas cette semaine! On cherche deux paires de bras pour jeudi.' },
				'Hashtags': '#bénévolat #Hochelaga',
				'Image or video': 'Photo : la cuisine pleine de monde, des chaudrons qui fument.',
			},
		],
	}],
	shown: {
		'Platform': null,
		'Objective': { ref: true },
		'Persona': { after: 'Persona:' },
		'Text of the post': null,
		'Hashtags': null,
	},
};

export const TEAM = {
	slug: 'team',
	title: 'Team and rules',
	complete: true,
	fields: {
		'Person responsible': 'Julie Tremblay, coordonnatrice',
		'Will they still be with us in a year?': 'Yes',
		'Back-up person': 'Ahmed Benali, trésorier du conseil',
		'Who may post for the organisation': 'L’équipe et deux bénévoles formés.',
		'Under what conditions': 'Avoir lu ce plan et ne jamais publier la photo d’un enfant sans l’accord du parent.',
		'What we listen for: mentions, keywords, partners': 'Notre nom, « halte-garderie Hochelaga », les publications du CLSC.',
		'How often we check mentions and messages': 'Every weekday',
		'How fast we answer questions': 'Within 24 hours',
		'Who to call in a crisis': 'Julie, puis la présidente du conseil',
		'What we commit to make public': 'Le bilan annuel et l’usage des dons.',
	},
	shown: {
		'Person responsible': 'Responsible',
		'Will they still be with us in a year?': { after: 'Still with us in a year:' },
		'Back-up person': 'Takes over when needed',
		'Who to call in a crisis': 'To call in a crisis',
	},
};

export const EVALUATION = {
	slug: 'evaluation',
	title: 'Evaluation',
	complete: true,
	lists: [{
		from: true,
		item: 'Review %d',
		items: [
			{
				'What we measured': '24 familles inscrites, dont 9 venues par Facebook.',
				'What worked': 'Les photos de la halte.',
				'What did not work': 'Les longues publications.',
				'What we will change': 'Publier plus court, plus souvent.',
				'Reviewed on': '2026-07-15',
			},
			{
				'What we measured': '8 nouveaux bénévoles.',
				'What worked': 'Les remerciements publics.',
				'What did not work': 'Instagram seul.',
				'What we will change': 'Demander aux bénévoles de partager.',
				'Reviewed on': '2026-09-15',
			},
		],
	}],
	shown: { 'Reviewed on': null },
};

export const EVENTS = {
	slug: 'events',
	title: 'Event campaigns',
	complete: true,
	lists: [{
		item: 'Event %d',
		add: 'Add an event',
		items: [
			{
				'Event': 'Assemblée générale annuelle',
				'Date': '2026-06-12',
				'Objectives before the event': 'Trois publications dans les deux semaines avant, et un rappel la veille.',
				'Objectives during the event': 'Des photos et quelques citations, publiées en direct.',
				'Objectives after the event': 'Un merci avec les photos et les décisions prises.',
				'Platforms': { ticks: ['Facebook', 'Instagram'] },
				'Notes': 'Marc prend les photos.',
			},
		],
	}],
	shown: {
		'Event': null,
		'Date': null,
		'Objectives before the event': 'Before',
		'Objectives during the event': 'During',
		'Objectives after the event': 'After',
		'Notes': null,
	},
};

// Every section, in the order of the workbook.
export const SECTIONS = [
	START, ACCOUNTS, MISSION, OBJECTIVES, STORY, TONE, AUDIENCES, PLATFORMS,
	RESOURCES, PRACTICES, POSTS, TEAM, EVALUATION, EVENTS,
];

// A copy of section with each typed value (plain strings other than
// menus' options, dates and numbers, and typed keys) passed through
// change(value, label), for a journey that needs other words in the same
// shape.  Lists are left as they are.
export function variant(section, change) {
	const map = (fields) => Object.fromEntries(Object.entries(fields).map(([label, v]) =>
	    [label, typeof v === 'string' && isTyped(v) ? change(v, label) : v]));
	return { ...section, fields: section.fields ? map(section.fields) : undefined };
}

// Whether a plain string value is typed text rather than an option of
// the catalogue ('Yes', 'Recruit volunteers'), a brand name, a date or a
// number.
const BRANDS = new Set(['Facebook', 'Instagram', 'LinkedIn', 'X', 'YouTube', 'TikTok', 'Pinterest',
	'Snapchat', 'Threads', 'Bluesky', 'Mastodon', 'Flickr', 'Reddit']);
function isTyped(v) {
	return v !== '' && !has(v) && !BRANDS.has(v) && !/^\d{4}-\d{2}-\d{2}$/.test(v) && !/^\d+([.,]\d+)?$/.test(v);
}

// Every value typed in section, its lists included (to tell a person's
// words from the program's).
export function typedValues(section) {
	const out = [];
	const add = (fields) => {
		for (const v of Object.values(fields)) {
			if (typeof v === 'string' && isTyped(v))
				out.push(v);
			else if (v && typeof v === 'object' && 'keys' in v)
				out.push(v.keys);
		}
	};
	if (section.fields)
		add(section.fields);
	for (const list of section.lists ?? [])
		for (const block of Object.values(list.items))
			add(block);
	return out;
}

// Opens the <details> that folds the fixed item title (a platform),
// unless it stands open.
async function unfold(person, title) {
	const fold = person.page.getByRole('main').locator('details.item-fold')
	    .filter({ has: person.page.locator(':scope > summary', { hasText: new RegExp(`^\\s*${literal(person.word(title))}`) }) });
	if (!await fold.evaluate((d) => d.open)) {
		await fold.locator(':scope > summary').click();
		assert.ok(await fold.evaluate((d) => d.open), `${title}: its details open on a click`);
	}
}

// Copies example persona n (1 to 3) into the plan: opens the examples,
// presses the copy button of that example.  The page is saved.
export async function copyExample(person, n) {
	const examples = person.page.getByRole('main').locator('details.examples');
	if (!await examples.evaluate((d) => d.open))
		await examples.locator(':scope > summary').click();
	const name = person.t(EXAMPLES[n]);
	const button = examples.getByRole('button', { name: person.t('Copy “{{EXAMPLE_NAME}}” into our personas', { EXAMPLE_NAME: name }), exact: true });
	const status = await person.navigate(() => button.click());
	assert.equal(status, 200, `copying "${name}": ${await person.alertText()}`);
	assert.equal(await person.page.getByRole('status').filter({ hasText: person.t('Saved.') }).count(), 1,
	    `copying "${name}" saves the page`);
}

// Fills the section in as a person would, opening it first (unless the
// person is on it): its own fields, then each list: the fixed items
// (unfolded when folded), the items made from another section, and the
// items people add, one by one, with "Save, then add another" between
// them.  Returns nothing; the last items are not saved yet, unless the
// section copies examples (copying saves).
export async function fillSection(person, section) {
	if (!person.isOn(section.slug))
		await person.openSection(section.title);
	if (section.fields)
		await person.fillFields(section.fields);
	for (const list of section.lists ?? []) {
		if (list.fixed) {
			for (const [title, block] of Object.entries(list.items)) {
				if (list.fold)
					await unfold(person, title);
				await person.fillFields(block, { scope: person.item({ title }) });
			}
			continue;
		}
		if (list.from) {
			for (const [i, block] of list.items.entries())
				await person.fillFields(block, { scope: person.item({ title: list.item, n: i + 1 }) });
			continue;
		}
		for (const [i, block] of list.items.entries()) {
			if (i > 0)
				await person.save({ button: 'Save, then add another' });
			await person.fillFields(block, { scope: person.item({ add: list.add }) });
		}
	}
}

// Fills the section in and saves it (with Save, or by copying the
// examples it copies); the page must say "Saved.".
export async function saveSection(person, section) {
	await fillSection(person, section);
	if (section.copy) {
		for (const n of section.copy)
			await copyExample(person, n);
	} else {
		await person.save();
	}
}

// Each block of the section's lists as saved: { where (for messages),
// scope() (its fieldset in the form), block (what it must hold), and
// title (a fixed item's title: "Facebook", "Use photos"), or index (its
// place in its list, from 0) and from (the list has one item per item of
// another section) }.
function savedBlocks(person, section) {
	const out = [];
	for (const list of section.lists ?? []) {
		if (list.fixed) {
			for (const [title, block] of Object.entries(list.items))
				out.push({ where: title, scope: () => person.item({ title }), block, title: person.word(title) });
			continue;
		}
		for (const [i, block] of list.items.entries()) {
			out.push({
				where: list.item.replace('%d', i + 1),
				scope: () => person.item({ title: list.item, n: i + 1 }),
				block,
				index: i,
				from: !!list.from,
			});
		}
	}
	return out;
}

// Checks that what a form control holds (Person.valueOf()) is value, as
// the person gave it.
function expectValue(person, value, got, where) {
	if (typeof value === 'string') {
		assert.equal(got, person.word(value), `${where} reads back`);
	} else if (typeof value === 'boolean') {
		assert.equal(got, value, `${where} is ${value ? '' : 'not '}ticked`);
	} else if ('scale' in value) {
		assert.deepEqual(got, value, `${where}: the scale reads back`);
	} else if ('ticks' in value) {
		const want = value.ticks.map((w) => person.word(w));
		assert.equal(got.ticks.length, want.length, `${where}: ${got.ticks.join(', ')} ticked, for ${want.join(', ')}`);
		for (const w of want)
			assert.ok(got.ticks.some((g) => (value.contains ? g.includes(w) : g === w)), `${where}: "${w}" is ticked (${got.ticks.join(', ')})`);
	} else if ('pick' in value) {
		assert.ok(got.includes(value.pick), `${where}: the option chosen holds "${value.pick}" (${got})`);
	} else if ('keys' in value) {
		assert.equal(got, value.keys, `${where} reads back`);
	}
}

// Checks that the form of the section, as the person sees it now, holds
// what section says: every field and every item.
export async function expectForm(person, section) {
	for (const [label, value] of Object.entries(section.fields ?? {}))
		expectValue(person, value, await person.valueOf(label), `${section.slug}: "${label}"`);
	for (const { where, scope, block } of savedBlocks(person, section)) {
		for (const [label, value] of Object.entries(block))
			expectValue(person, value, await person.valueOf(label, { scope: scope() }), `${section.slug}, ${where}: "${label}"`);
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

// The words the summary gives each point of a five-point scale, by the
// scale's label (cgi/summary.c says the same).
const SCALE_WORDS = {
	'Indignant or warm': ['Indignant', 'Rather indignant', 'Between indignant and warm', 'Rather warm', 'Warm'],
	'Formal or familiar': ['Formal', 'Rather formal', 'Between formal and familiar', 'Rather familiar', 'Familiar'],
	'Serious or playful': ['Serious', 'Rather serious', 'Between serious and playful', 'Rather playful', 'Playful'],
	'Where we stand between curating and creating': ['Curating what others make', 'Mostly curating',
		'As much curating as creating', 'Mostly creating', 'Creating our own content'],
};

// A plain value as the summary writes it: a date in words, a number with
// the language's decimal sign, an option's label, typed text as typed.
function written(person, value) {
	if (/^\d{4}-\d{2}-\d{2}$/.test(value))
		return longDate(value, person.lang);
	if (/^\d+[.,]\d+$/.test(value))
		return value.replace(/[.,]/, person.lang === 'fr' ? ',' : '.');
	return squash(person.word(value));
}

// Whether text holds words as a whole: not the end of a longer number or
// word ("3 h" is not in "13 h").
function holds(text, words) {
	return new RegExp(`(?:^|[^\\p{L}\\p{N}])${literal(words)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

// Checks that box (a part of the summary or a card in it, as
// readSummaryDocument() reads it) shows the value of the field label as
// the summary writes it, where spec says (the section's "shown", see the
// top of this file): under its label (a <dt>, a stem, a caption, a
// scale's axis...), in a list of chips, in links to what it names, or in
// the text.  Empty values are not on the summary at all (the caller
// checks).
function expectShown(person, box, label, value, spec, where) {
	const key = labelOf(person.t(typeof spec === 'string' ? spec : label));
	const under = () => {
		assert.ok(key in box.entries || key in box.lists,
		    `${where} is on the summary under "${key}" (its labels: ${[...Object.keys(box.entries), ...Object.keys(box.lists)].join(' | ')})`);
		return box.entries[key];
	};
	if (typeof value === 'boolean') {
		// A box ticked is the card itself (the caller found it), or "Yes".
		if (spec !== null)
			assert.equal(under(), squash(person.t('Yes')), `${where} on the summary`);
	} else if (typeof value === 'string' || 'keys' in value) {
		const want = typeof value === 'string' ? written(person, value) : squash(value.keys);
		if (spec === null) {
			assert.ok(holds(box.text, want), `${where}: "${want}" on the summary: ${box.text}`);
		} else if (spec && spec.text) {
			const said = squash(person.t(spec.text, { [spec.v]: want }));
			assert.ok(holds(box.text, said), `${where}: "${said}" on the summary: ${box.text}`);
		} else if (spec && spec.after) {
			const said = `${squash(person.t(spec.after))} ${want}`;
			assert.ok(holds(box.text, said), `${where}: "${said}" on the summary: ${box.text}`);
		} else if (key in box.lists && !(key in box.entries)) {
			assert.ok(box.lists[key].includes(want), `${where}: "${want}" is among ${box.lists[key].join(', ')}`);
		} else {
			assert.equal(under(), want, `${where} on the summary`);
		}
	} else if ('scale' in value) {
		const words = SCALE_WORDS[label];
		assert.ok(words, `${where}: the words of the scale are known`);
		assert.equal(under(), squash(person.t(words[value.scale - 1])), `${where}: the scale on the summary, as a word`);
		assert.ok(holds(box.text, squash(person.t('{{VALUE}} on a scale of 5', { VALUE: value.scale }))),
		    `${where}: the summary says "${person.t('{{VALUE}} on a scale of 5', { VALUE: value.scale })}" to a screen reader`);
	} else if ('ticks' in value && value.contains) {
		// Items of another section, each a link to its card.
		const refs = box.refs.filter((r) => r.label === key);
		assert.equal(refs.length, value.ticks.length,
		    `${where}: ${value.ticks.length} links under "${key}" (${refs.map((r) => r.text).join(', ')})`);
		for (const w of value.ticks)
			assert.ok(refs.some((r) => r.target !== null && r.target.includes(w)),
			    `${where}: a link under "${key}" leads to "${w}" (they lead to: ${refs.map((r) => r.target).join(' | ')})`);
	} else if ('ticks' in value) {
		under();
		const chips = box.lists[key];
		assert.ok(chips, `${where}: the summary lists them under "${key}"`);
		for (const w of value.ticks)
			assert.ok(chips.includes(squash(person.word(w))), `${where}: "${person.word(w)}" is among ${chips.join(', ')}`);
	} else if ('pick' in value) {
		if (spec && spec.ref) {
			assert.ok(box.refs.some((r) => r.target !== null && r.target.includes(value.pick)),
			    `${where}: a link of the card leads to "${value.pick}" (they lead to: ${box.refs.map((r) => r.target).join(' | ')})`);
		} else if (spec && spec.after) {
			const said = `${squash(person.t(spec.after))} ${value.pick}`;
			assert.ok(box.text.includes(said), `${where}: "${said}" on the summary: ${box.text}`);
		} else {
			assert.ok(holds(box.text, value.pick), `${where}: "${value.pick}" on the summary: ${box.text}`);
		}
	} else {
		assert.fail(`${where}: a value of unknown shape ${JSON.stringify(value)}`);
	}
}

// Whether a value is empty (not shown on the summary).
function isEmpty(value) {
	return value === '' || value === false || (value && typeof value === 'object' && 'ticks' in value && value.ticks.length === 0);
}

// Checks that the summary read by person.readSummary() holds the section
// as it was saved: its part, numbered and anchored as in the workbook and
// in the contents, not "to complete"; each field where the section's
// "shown" says; each item of its lists as a card, in the list's order
// (a fixed item by its title), with its details; the examples copied.
export function expectSummary(person, plan, section) {
	const heading = person.t(section.title);
	const where = (w) => (w ? `${heading}, ${w}` : heading);
	const part = plan.parts[heading];
	assert.ok(part, `the summary has a part "${heading}" (it has: ${Object.keys(plan.parts).join(', ')})`);
	const num = SECTIONS.findIndex((s) => s.slug === section.slug) + 1;
	assert.equal(part.id, `part-${section.slug}`, `${heading}: the part's anchor`);
	assert.equal(part.num, String(num), `${heading}: the part's number`);
	const entry = plan.toc.find((e) => e.href === `#part-${section.slug}`);
	assert.ok(entry, `${heading}: the contents link to the part`);
	assert.equal(entry.text, squash(heading), `${heading}: the contents name the part`);
	assert.equal(entry.todo, false, `${heading}: the contents do not say it is still to complete`);
	assert.deepEqual(part.toComplete, [], `${heading}: the summary does not say it is still to complete`);
	const shown = section.shown ?? {};
	for (const [label, value] of Object.entries(section.fields ?? {})) {
		if (!isEmpty(value))
			expectShown(person, part, label, value, shown[label], where(`"${label}"`));
	}
	const blocks = savedBlocks(person, section);
	const listed = blocks.filter((b) => b.title === undefined);
	if (listed.length > 0)
		assert.equal(part.items.length, listed.length + (section.copy ?? []).length,
		    `${heading}: one card per item (it shows: ${part.items.map((i) => i.title).join(' | ')})`);
	for (const { where: w, block, title, index, from } of blocks) {
		const item = title !== undefined ? part.items.find((it) => it.title === title) : part.items[index];
		assert.ok(item, `${where(w)} is on the summary (it shows: ${part.items.map((i) => i.title).join(' | ')})`);
		if (item.n !== undefined)
			assert.equal(item.n, index + 1, `${where(w)}: its card is numbered ${index + 1}`);
		if (from)
			assert.ok(item.title.startsWith(squash(person.t('Review of objective {{N}}', { N: index + 1 }))),
			    `${where(w)}: its card names objective ${index + 1}: ${item.title}`);
		for (const [label, value] of Object.entries(block)) {
			if (!isEmpty(value))
				expectShown(person, item, label, value, shown[label], where(`${w}: "${label}"`));
		}
	}
	for (const n of section.copy ?? []) {
		const name = person.t(EXAMPLES[n]);
		assert.ok(part.items.some((it) => it.title.includes(name)), `${heading}: the example "${name}" copied is on the summary`);
	}
}

// Reads the overview: { overall: percent, cards: { title: percent },
// pitfalls: [text of each pitfall] }.
export async function readOverview(person) {
	if (!person.isOn('overview'))
		await person.openSection('Overview');
	return person.page.getByRole('main').evaluate((main) => {
		const cards = {};
		for (const li of main.querySelectorAll('li.section-card')) {
			const title = li.querySelector('h2 a').textContent.replace(/^\s*\d+\.\s*/, '').trim();
			cards[title] = Number(li.querySelector('progress').getAttribute('value'));
		}
		const overall = main.querySelector('.overall progress');
		return {
			overall: overall ? Number(overall.getAttribute('value')) : null,
			cards,
			pitfalls: [...main.querySelectorAll('.pitfalls li')].map((li) => li.innerText.replace(/\s+/g, ' ').trim()),
		};
	});
}

// The text of the pitfalls shown in the section's "Worth a second look".
export async function sectionPitfalls(person) {
	return person.page.getByRole('main').locator('aside.pitfalls li').allInnerTexts();
}

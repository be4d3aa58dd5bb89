// tests/browser/lib/i18n.mjs: the words a person sees, read from the
// catalogues po/fr.po and po/en.po, so that a journey names a label or a
// button by its English message id and finds it in either language.
//
//   t('Save')                        'Enregistrer' (French is the default)
//   t('Save', 'en')                  'Save'
//   t('Objective %d', 'fr', {N: 2})      'Objectif 2'
//   t('Go to “{{PIT_SECTION}}”', 'en', {PIT_SECTION: 'Platforms'})
//
// A message id missing from the catalogue throws: a journey that names a
// string the program does not have is wrong, and says so at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './env.mjs';

const catalogues = new Map();

// Reads one .po string token: the text between the quotes, unescaped.
function poString(token) {
	const body = token.replace(/^\s*"/, '').replace(/"\s*$/, '');
	return body.replace(/\\(.)/g, (_, c) =>
	    ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' })[c] ?? c);
}

// Parses a .po file into a Map msgid -> msgstr, leaving out the header,
// obsolete ("#~") and fuzzy entries and those without a translation.
export function parsePo(text) {
	const map = new Map();
	let id = null, str = null, field = null, fuzzy = false;
	const flush = () => {
		if (id !== null && id !== '' && str !== null && str !== '' && !fuzzy)
			map.set(id, str);
		id = null; str = null; field = null; fuzzy = false;
	};
	for (const line of text.split('\n')) {
		if (line.startsWith('#,') && line.includes('fuzzy')) {
			flush();
			fuzzy = true;
		} else if (line.startsWith('msgid ')) {
			if (field === 'str')
				flush();
			id = poString(line.slice(6));
			field = 'id';
		} else if (line.startsWith('msgstr ')) {
			str = poString(line.slice(7));
			field = 'str';
		} else if (line.startsWith('"')) {
			if (field === 'id')
				id += poString(line);
			else if (field === 'str')
				str += poString(line);
		} else if (line.trim() === '' || line.startsWith('#~')) {
			if (field === 'str')
				flush();
		}
	}
	flush();
	return map;
}

export function catalogue(lang) {
	if (!catalogues.has(lang))
		catalogues.set(lang, parsePo(readFileSync(join(ROOT, 'po', `${lang}.po`), 'utf8')));
	return catalogues.get(lang);
}

// t(msgid, lang, vars): the text of msgid in lang ('fr' or 'en'), with
// each {{NAME}} replaced by vars.NAME when given, and the %d of the C
// sources' item titles ("Objective %d") by vars.N.
export function t(msgid, lang = 'fr', vars = {}) {
	const text = catalogue(lang).get(msgid);
	if (text === undefined)
		throw new Error(`no message "${msgid}" in po/${lang}.po`);
	return text.replace(/\{\{([A-Za-z_]+)\}\}/g, (m, name) =>
	    name in vars ? String(vars[name]) : m)
	    .replace(/%d/g, (m) => ('N' in vars ? String(vars.N) : m));
}

// Whether the catalogue of lang has msgid.
export function has(msgid, lang = 'fr') {
	return catalogue(lang).has(msgid);
}

// The messages that differ between French and English and can be told
// apart in a page's text: whole sentences or labels of at least minLength
// characters, without placeholders, whose text in one language is no
// message's text in the other (the French of "Administrator" is the
// English "Administration").  For each, {fr, en}.
export function distinctMessages(minLength = 12) {
	const fr = catalogue('fr'), en = catalogue('en');
	const frTexts = new Set(fr.values()), enTexts = new Set(en.values());
	const out = [];
	for (const [id, frText] of fr) {
		const enText = en.get(id);
		if (enText === undefined || frText === enText)
			continue;
		if (enTexts.has(frText) || frTexts.has(enText))
			continue;
		if (/\{\{|%/.test(id) || frText.length < minLength || enText.length < minLength)
			continue;
		out.push({ id, fr: frText, en: enText });
	}
	return out;
}

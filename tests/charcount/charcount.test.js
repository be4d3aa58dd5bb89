/*
 * charcount.test.js: static/charcount.js against tests/charcount/cases.txt,
 * the cases that tests/unit/test_charcount.c checks lib/charcount.c with.
 *
 * tests/charcount/numbers.txt holds how counts are written in each
 * language; formatInt() must write them as i18n_format_int() does, which
 * tests/unit/test_i18n.c checks against the same file.
 *
 * Run with `node --test tests/charcount/` (Node 18 or later: node:test).
 * Each case line is one test, named after its line number; the
 * @platform lines are checked against the table of static/charcount.js,
 * both ways, so that the table cannot miss or add a platform.
 */
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const reseauterCount = require('../../static/charcount.js');

const CASES = path.join(__dirname, 'cases.txt');
const NUMBERS = path.join(__dirname, 'numbers.txt');
const NAMES = {
	count: 'count', limit: 'limit', over: 'over', hashtags: 'hashtags',
	toomany: 'tooManyHashtags', lines: 'lines', long: 'longText'
};

/*
 * Expands "{{N*piece}}" repetitions, then the escapes \n \r \t \\ and
 * \u{HEX}, as the C test does.  Throws on an escape it does not know, so
 * that a typo in cases.txt fails loudly.
 */
function unescape(raw) {
	const repeated = raw.replace(/\{\{(\d+)\*(.*?)\}\}/g,
	    (m, n, piece) => piece.repeat(Number(n)));
	let out = '';

	for (let i = 0; i < repeated.length; i++) {
		const ch = repeated[i];
		if (ch !== '\\') {
			out += ch;
			continue;
		}
		const e = repeated[++i];
		if (e === 'n')
			out += '\n';
		else if (e === 'r')
			out += '\r';
		else if (e === 't')
			out += '\t';
		else if (e === '\\')
			out += '\\';
		else if (e === 'u' && repeated[i + 1] === '{') {
			const close = repeated.indexOf('}', i);
			if (close < 0)
				throw new Error('unterminated \\u{ in ' + raw);
			out += String.fromCodePoint(parseInt(repeated.slice(i + 2, close), 16));
			i = close;
		} else
			throw new Error('unknown escape \\' + e + ' in ' + raw);
	}
	return out;
}

/* Reads cases.txt into { platforms: {key: [...]}, cases: [...] }. */
function readCases() {
	const platforms = {};
	const cases = [];

	fs.readFileSync(CASES, 'utf8').split('\n').forEach((line, i) => {
		const lineno = i + 1;

		if (line === '' || line.startsWith('#'))
			return;
		if (line.startsWith('@platform ')) {
			const f = line.split(' ');
			assert.strictEqual(f.length, 6, 'line ' + lineno);
			assert.ok(!(f[1] in platforms), 'line ' + lineno + ': ' + f[1] + ' twice');
			platforms[f[1]] = { lineno, count: f[2], limit: Number(f[3]),
			    hashtagLimit: Number(f[4]), softLines: Number(f[5]) };
			return;
		}
		const f = line.split('\t');
		assert.strictEqual(f.length, 4, 'line ' + lineno + ' needs 4 tab-separated fields');
		const expected = {};
		f[3].split(' ').filter((s) => s !== '').forEach((kv) => {
			const m = /^([a-z]+)=(\d+)$/.exec(kv);
			assert.ok(m && m[1] in NAMES, 'line ' + lineno + ': bad expectation ' + kv);
			expected[m[1]] = Number(m[2]);
		});
		cases.push({ lineno, key: f[0], text: unescape(f[1]),
		    hashtags: f[2] === '-' ? undefined : unescape(f[2]), expected,
		    raw: f[1].slice(0, 40) });
	});
	return { platforms, cases };
}

const data = readCases();

test('cases.txt has cases and a line for every platform', () => {
	assert.ok(data.cases.length >= 50);
	assert.deepStrictEqual(Object.keys(data.platforms).sort(),
	    Object.keys(reseauterCount.platforms).sort());
});

test('the platform table matches the @platform lines', () => {
	for (const key of Object.keys(reseauterCount.platforms)) {
		const mine = reseauterCount.platforms[key];
		const want = data.platforms[key];
		assert.deepStrictEqual(
		    [mine.count, mine.limit, mine.hashtagLimit, mine.softLines],
		    [want.count, want.limit, want.hashtagLimit, want.softLines],
		    'platform ' + key + ' (line ' + want.lineno + ')');
	}
});

test('the result has every field, and no hashtags means zero', () => {
	const r = reseauterCount('x', 'abc');
	assert.deepStrictEqual(Object.keys(r).sort(), ['count', 'hashtagLimit',
	    'hashtags', 'limit', 'lines', 'longText', 'over', 'tooManyHashtags']);
	assert.strictEqual(reseauterCount('x', 'abc', null).hashtags, 0);
	assert.strictEqual(reseauterCount('x', null).count, 0);
	assert.strictEqual(reseauterCount('hasOwnProperty', 'abc').limit, 0);
});

test('a lone surrogate counts as one character, as invalid UTF-8 does in C', () => {
	assert.strictEqual(reseauterCount('facebook', 'a\uD800b').count, 3);
	assert.strictEqual(reseauterCount('x', '\uDC00').count, 2);
});

for (const c of data.cases) {
	test('line ' + c.lineno + ': ' + c.key + ' ' + JSON.stringify(c.raw), () => {
		const r = reseauterCount(c.key, c.text, c.hashtags);
		for (const name of Object.keys(c.expected)) {
			const got = r[NAMES[name]];
			assert.strictEqual(typeof got === 'boolean' ? Number(got) : got,
			    c.expected[name], name);
		}
	});
}

/* Reads numbers.txt into [{ lineno, lang, n, expected }]. */
function readNumbers() {
	const out = [];

	fs.readFileSync(NUMBERS, 'utf8').split('\n').forEach((line, i) => {
		if (line === '' || line.startsWith('#'))
			return;
		const f = line.split('\t');
		assert.strictEqual(f.length, 3, 'numbers.txt line ' + (i + 1) + ' needs 3 tab-separated fields');
		assert.ok(/^-?\d+$/.test(f[1]), 'numbers.txt line ' + (i + 1) + ': bad number ' + f[1]);
		assert.ok(Number.isSafeInteger(Number(f[1])), 'numbers.txt line ' + (i + 1) + ': not exact in JavaScript');
		out.push({ lineno: i + 1, lang: f[0], n: Number(f[1]), expected: unescape(f[2]) });
	});
	return out;
}

const numbers = readNumbers();

test('numbers.txt has cases in both languages', () => {
	assert.ok(numbers.length >= 20);
	assert.ok(numbers.some((c) => c.lang === 'fr') && numbers.some((c) => c.lang === 'en'));
});

for (const c of numbers) {
	test('numbers.txt line ' + c.lineno + ': ' + c.lang + ' ' + c.n, () => {
		assert.strictEqual(reseauterCount.formatInt(c.lang, c.n), c.expected);
	});
}

test('formatInt: French by default, no Intl, whole numbers only', () => {
	assert.strictEqual(reseauterCount.formatInt('', 63206), '63\u00a0206');
	assert.strictEqual(reseauterCount.formatInt(undefined, 1000), '1\u00a0000');
	assert.strictEqual(reseauterCount.formatInt('EN', 1000), '1,000');
	assert.strictEqual(reseauterCount.formatInt('english', 1000), '1\u00a0000');
	assert.strictEqual(reseauterCount.formatInt('en', 1234.9), '1,234');
	assert.strictEqual(reseauterCount.formatInt('en', -0), '0');
	assert.ok(!/\u202f/.test(reseauterCount.formatInt('fr', 1234567)), 'never U+202F');
});

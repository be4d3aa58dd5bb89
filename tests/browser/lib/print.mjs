// tests/browser/lib/print.mjs: a page as it prints.  The print style
// sheet (static/style.css, @media print) hides what is only for the
// screen (the header, the footer, forms, .noprint, the dashboard's
// .dash-actions) and keeps what a printed page is for (the charts and
// tables of a debrief).  These look at the page with the print media
// emulated, as Chromium's Print command lays it out, and at the PDF that
// Chromium makes of it.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS } from './env.mjs';

// Looks at page on screen, then as printed, and returns what is wrong
// (none when all is well):
//   hidden  selectors of what the screen shows and the print leaves out:
//           each matches something visible on screen (else the check
//           would prove nothing), and nothing of it is drawn in print;
//   shown   selectors of what the print keeps: each matches something,
//           and every element it matches is drawn in print, with a size;
//   style   { selector: { property: value } } of computed styles the
//           print must have (a box that scrolls on screen and not in
//           print, say).
// The page is back on the screen media afterwards.
export async function printProblems(page, { hidden = [], shown = [], style = {} } = {}) {
	const problems = [];
	const drawn = (sel) => page.evaluate((s) => [...document.querySelectorAll(s)].map((el) => {
		const cs = getComputedStyle(el);
		const r = el.getBoundingClientRect();
		return el.getClientRects().length > 0 && cs.visibility !== 'hidden' && r.width > 0 && r.height > 0;
	}), sel);
	for (const sel of hidden) {
		const onScreen = await drawn(sel);
		if (!onScreen.some(Boolean))
			problems.push(`on screen, nothing visible matches ${sel}: the print check would prove nothing`);
	}
	await page.emulateMedia({ media: 'print' });
	try {
		for (const sel of hidden) {
			const n = (await drawn(sel)).filter(Boolean).length;
			if (n > 0)
				problems.push(`in print, ${n} element(s) of ${sel} are still drawn`);
		}
		for (const sel of shown) {
			const list = await drawn(sel);
			if (list.length === 0)
				problems.push(`nothing matches ${sel}`);
			else if (!list.every(Boolean))
				problems.push(`in print, ${list.filter((x) => !x).length} of the ${list.length} element(s) of ${sel} are not drawn`);
		}
		for (const [sel, props] of Object.entries(style)) {
			const got = await page.evaluate(([s, names]) => {
				const el = document.querySelector(s);
				if (!el)
					return null;
				const cs = getComputedStyle(el);
				return Object.fromEntries(names.map((n) => [n, cs.getPropertyValue(n)]));
			}, [sel, Object.keys(props)]);
			if (got === null) {
				problems.push(`nothing matches ${sel}`);
				continue;
			}
			for (const [name, want] of Object.entries(props)) {
				if (got[name] !== want)
					problems.push(`in print, ${sel} has ${name}: ${got[name]}, not ${want}`);
			}
		}
	} finally {
		await page.emulateMedia({ media: null });
	}
	return problems;
}

// A full-page screenshot of page as printed: SCREENSHOTS/NAME-print.png.
export async function shootPrinted(page, name) {
	mkdirSync(SCREENSHOTS, { recursive: true });
	await page.emulateMedia({ media: 'print' });
	try {
		const file = join(SCREENSHOTS, `${name}-print.png`);
		await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
		return file;
	} finally {
		await page.emulateMedia({ media: null });
	}
}

// Prints page to a PDF as Chromium's "Save as PDF" does (A4, the
// backgrounds the style sheet asks to keep), keeps it as
// SCREENSHOTS/NAME.pdf for a person to look at, and returns { bytes,
// pages (the page count of its page tree), file }.
export async function printToPdf(page, name) {
	const bytes = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
	mkdirSync(SCREENSHOTS, { recursive: true });
	const file = join(SCREENSHOTS, `${name}.pdf`);
	writeFileSync(file, bytes);
	// The page tree's root says how many pages: "/Type /Pages ... /Count N".
	const text = bytes.toString('latin1');
	let pages = 0;
	for (const m of text.matchAll(/<<((?:(?!>>)[\s\S])*\/Type\s*\/Pages\b(?:(?!>>)[\s\S])*)>>/g)) {
		const count = /\/Count\s+(\d+)/.exec(m[1]);
		if (count)
			pages = Math.max(pages, Number(count[1]));
	}
	return { bytes, pages, file };
}

// tests/browser/lib/checks.mjs: what is checked on a page whatever the
// journey: accessibility (axe-core), horizontal overflow and controls out
// of reach at a narrow width, and a visible keyboard focus.
import { AxeBuilder } from '@axe-core/playwright';

// WCAG 2.0, 2.1 and 2.2, levels A and AA.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Every page state scanned so far: key -> { url, violations }.  A state is
// scanned once (its key says page, state, language and width), whichever
// journey reaches it first.
const scanned = new Map();

// Runs axe on the page as it is now, unless a page of the same key was
// scanned already.  Returns the violations found (empty when skipped).
export async function axeScan(page, key) {
	if (scanned.has(key))
		return [];
	const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	scanned.set(key, { url: page.url(), violations: result.violations });
	return result.violations;
}

// Whether a page state of that key was scanned already.
export function axeScanned(key) {
	return scanned.has(key);
}

// What axe found on all pages scanned: { keys, violations: [{key, url,
// violation}] }.
export function axeReport() {
	const violations = [];
	for (const [key, { url, violations: list }] of scanned)
		for (const v of list)
			violations.push({ key, url, violation: v });
	return { keys: [...scanned.keys()], violations };
}

// Formats axe violations for a person: page, rule, impact, what to do,
// and each element with axe's summary of what fails.
export function formatViolations(items) {
	const lines = [];
	for (const { key, url, violation: v } of items) {
		lines.push(`${key} (${url}): ${v.id} [${v.impact}] ${v.help}`);
		lines.push(`  ${v.helpUrl}`);
		for (const node of v.nodes.slice(0, 5)) {
			lines.push(`  at ${node.target.join(' ')}: ${node.html.slice(0, 160)}`);
			const summary = (node.failureSummary || '').split('\n')
			    .map((l) => l.trim()).filter(Boolean).slice(0, 3);
			for (const s of summary)
				lines.push(`    ${s}`);
		}
		if (v.nodes.length > 5)
			lines.push(`  and ${v.nodes.length - 5} more elements`);
	}
	return lines.join('\n');
}

// Returns what does not fit a narrow window, as readable lines (none when
// all is well):
//  - the document wider than the window (scrollWidth, or on a phone the
//    layout viewport, wider than the width set), with the elements that
//    stick out;
//  - a control (link, button, field) that cannot be focused, that lies
//    outside the window once scrolled to, or that something else covers.
// Each control is focused and scrolled into view in turn: the skip link
// shows only when focused, as a person using a keyboard would see it.
// What a closed <details> folds away is left out; its summary is not.
export async function layoutProblems(page) {
	// The window's width as set, not innerWidth: a phone's browser widens
	// its layout to whatever is too wide, and innerWidth with it.
	const width = page.viewportSize().width;
	return page.evaluate((vw) => {
		const problems = [];
		const describe = (el) => {
			let s = el.tagName.toLowerCase();
			if (el.id)
				s += `#${el.id}`;
			else if (el.classList.length)
				s += '.' + [...el.classList].join('.');
			const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '')
			    .trim().replace(/\s+/g, ' ').slice(0, 40);
			return name ? `${s} "${name}"` : s;
		};
		const doc = document.documentElement;
		if (doc.scrollWidth > vw || window.innerWidth > vw) {
			const culprits = [];
			for (const el of document.body.querySelectorAll('*')) {
				const r = el.getBoundingClientRect();
				if (r.width === 0 || r.right <= vw + 0.5)
					continue;
				// Inside a box that scrolls or clips on its own: not the page's.
				// A box positioned absolutely is clipped by such a box only
				// when the box it is positioned against is inside it;
				// otherwise it escapes and widens the page.
				const pos = getComputedStyle(el).position;
				const anchor = pos === 'fixed' ? null : pos === 'absolute' ? el.offsetParent : el;
				let p = el.parentElement, contained = false;
				while (p && p !== document.body && anchor) {
					const ox = getComputedStyle(p).overflowX;
					if (ox !== 'visible' && ox !== 'clip' && p.getBoundingClientRect().right <= vw + 0.5 && p.contains(anchor)) {
						contained = true;
						break;
					}
					p = p.parentElement;
				}
				if (!contained)
					culprits.push(`${describe(el)} (right edge ${Math.round(r.right + window.scrollX)} px)`);
			}
			problems.push(`the page is ${Math.max(doc.scrollWidth, window.innerWidth)} px wide in a ${vw} px window; wider: ` +
			    (culprits.slice(0, 6).join(', ') || 'nothing found'));
		}
		const controls = document.querySelectorAll(
		    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
		for (const el of controls) {
			const style = getComputedStyle(el);
			if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[hidden]'))
				continue;
			// Inside a closed <details>: out of reach until its summary,
			// itself checked, opens it.
			const fold = el.closest('details:not([open])');
			if (fold && el !== fold.querySelector(':scope > summary'))
				continue;
			el.focus({ preventScroll: true });
			if (document.activeElement !== el) {
				problems.push(`${describe(el)} cannot be focused`);
				continue;
			}
			el.scrollIntoView({ block: 'center', inline: 'nearest' });
			const r = el.getBoundingClientRect();
			if (r.width < 1 || r.height < 1) {
				problems.push(`${describe(el)} has no size (${r.width}x${r.height})`);
				continue;
			}
			if (r.left < -0.5 || r.right > vw + 0.5) {
				problems.push(`${describe(el)} is outside the window (${Math.round(r.left)} to ${Math.round(r.right)} px of ${vw})`);
				continue;
			}
			// A link that wraps has a box per line: aim at the first one.
			const box = el.getClientRects()[0] || r;
			const x = Math.min(Math.max(box.left + box.width / 2, 0), vw - 1);
			const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
			const hit = document.elementFromPoint(x, y);
			const labelled = el.labels && [...el.labels].some((l) => l.contains(hit));
			if (!hit || !(el === hit || el.contains(hit) || labelled))
				problems.push(`${describe(el)} is covered by ${hit ? describe(hit) : 'nothing'}`);
		}
		if (document.activeElement && document.activeElement !== document.body)
			document.activeElement.blur();
		window.scrollTo(0, 0);
		return problems;
	}, width);
}

// Describes the focused element and how its focus shows: { tag, name,
// focusVisible (it matches :focus-visible), outline (style, width in px,
// colour), contrast (of the outline against the background around it) }.
// name is the element's text, label or value, to find it by.
export async function focusState(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body)
			return null;
		const parse = (c) => {
			const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
			return m ? { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] } : null;
		};
		const lum = ({ r, g, b }) => {
			const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
			return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
		};
		// The background the outline is drawn on: the first ancestor with
		// an opaque background (the outline is offset outside the element).
		let bg = { r: 255, g: 255, b: 255, a: 1 };
		for (let p = el.parentElement; p; p = p.parentElement) {
			const c = parse(getComputedStyle(p).backgroundColor);
			if (c && c.a > 0.99) {
				bg = c;
				break;
			}
		}
		const s = getComputedStyle(el);
		const color = parse(s.outlineColor);
		let contrast = 0;
		if (color) {
			const a = lum(color), b = lum(bg);
			contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
		}
		const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
		return {
			tag: el.tagName.toLowerCase(),
			id: el.id,
			name: (el.getAttribute('aria-label') || labels || el.textContent || el.value || '')
			    .trim().replace(/\s+/g, ' '),
			focusVisible: el.matches(':focus-visible'),
			outline: { style: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0, color: s.outlineColor },
			contrast: Math.round(contrast * 100) / 100,
		};
	});
}

// Returns why the focus is not visible enough (null when it is): the
// focused element must match :focus-visible and draw a solid outline at
// least 2 px wide whose colour contrasts 3:1 with what surrounds it
// (WCAG 2.1, 1.4.11).
export function focusProblem(state) {
	if (!state)
		return 'nothing has the focus';
	const what = `${state.tag}${state.id ? '#' + state.id : ''} "${state.name.slice(0, 40)}"`;
	if (!state.focusVisible)
		return `${what} does not match :focus-visible`;
	if (state.outline.style === 'none' || state.outline.width < 2)
		return `${what} has no visible outline (${state.outline.style} ${state.outline.width}px)`;
	if (state.contrast < 3)
		return `${what}: its outline ${state.outline.color} contrasts only ${state.contrast}:1 with the background`;
	return null;
}

// Returns the words inside locator that a line break cuts in two, as
// "127.0.0." and "1" in a column too narrow for an address: each word
// (a run without space or hyphen, where a line may break) whose text
// lies on more than one line.
export async function brokenWords(locator) {
	return locator.evaluate((root) => {
		const out = [];
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const words = /[^\s\u00a0-]+/g;
			for (let m = words.exec(n.data); m; m = words.exec(n.data)) {
				const r = document.createRange();
				r.setStart(n, m.index);
				r.setEnd(n, m.index + m[0].length);
				const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
				if (tops.size > 1)
					out.push(m[0]);
			}
		}
		return out;
	});
}

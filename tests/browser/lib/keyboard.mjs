// tests/browser/lib/keyboard.mjs: moving through a page with the keyboard
// only, as a person who does not use a mouse does.
import { focusState, focusProblem } from './checks.mjs';

// Presses Tab until the focused element's name (its label, text or
// aria-label, spaces squeezed) is text, at most max times.  At every stop,
// the focus must be visible (checks.mjs focusProblem); what is not is
// added to problems, which is returned with the last focus state.
// Throws when text is not reached: the control cannot be reached with Tab.
export async function tabTo(person, text, { max = 40, problems = [] } = {}) {
	const seen = [];
	for (let i = 0; i < max; i++) {
		await person.page.keyboard.press('Tab');
		const state = await focusState(person.page);
		const problem = focusProblem(state);
		if (problem && !problems.includes(`${person.pageName}: ${problem}`))
			problems.push(`${person.pageName}: ${problem}`);
		if (state && state.name === text)
			return { state, problems };
		seen.push(state ? `${state.tag} "${state.name.slice(0, 30)}"` : '(nothing)');
	}
	throw new Error(`${person.pageName}: "${text}" not reached with ${max} presses of Tab; went through ${seen.join(', ')}`);
}

// Types text into the focused field, key by key.
export async function typeText(person, text) {
	await person.page.keyboard.type(text);
}

// Presses Enter on the focused link or button and waits for the page it
// leads to.  Returns its status.
export async function pressEnter(person) {
	return person.navigate(() => person.page.keyboard.press('Enter'));
}

/*
 * app.js: the only script of reseauter's pages.  Every page works without
 * it; where it runs it adds two things and nothing more:
 *  - a draft of each workbook section, kept in this browser while the
 *    person types, offered back if the page is left without saving;
 *  - live character counters under pitches and sample posts, counting as
 *    each platform counts (charcount.js, the same rules as the server).
 * Every text it shows comes from the page, already translated.
 */
(function () {
	'use strict';

	var store = null;
	try {
		store = window.localStorage;
		store.setItem('reseauter:probe', '1');
		store.removeItem('reseauter:probe');
	} catch (e) {
		store = null;
	}

	/* The form's values that a person typed, as [name, value] pairs. */
	function fields(form) {
		var out = [], i, el;

		for (i = 0; i < form.elements.length; i++) {
			el = form.elements[i];
			if (!el.name || el.name === 'csrf' || el.name === 'version' ||
			    el.type === 'submit' || el.type === 'button')
				continue;
			if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked)
				continue;
			out.push([el.name, el.value]);
		}
		return out;
	}

	/* Puts saved pairs back into the form's controls. */
	function restore(form, pairs) {
		var i, el, j, seen = {};

		for (i = 0; i < form.elements.length; i++) {
			el = form.elements[i];
			if (el.type === 'checkbox' || el.type === 'radio')
				el.checked = false;
		}
		for (j = 0; j < pairs.length; j++) {
			var name = pairs[j][0], value = pairs[j][1];
			var list = form.querySelectorAll('[name="' + name.replace(/"/g, '') + '"]');

			for (i = 0; i < list.length; i++) {
				el = list[i];
				if (el.type === 'checkbox' || el.type === 'radio') {
					if (el.value === value)
						el.checked = true;
				} else if (!seen[name]) {
					el.value = value;
				}
			}
			seen[name] = true;
		}
		form.dispatchEvent(new Event('input', { bubbles: true }));
	}

	function same(a, b) {
		return JSON.stringify(a) === JSON.stringify(b);
	}

	function setupDraft(form) {
		var key = 'reseauter:draft:' + form.getAttribute('data-draft');
		var version = form.getAttribute('data-version');
		var offer = document.querySelector('.draft-offer');
		var note = form.querySelector('.draft-note');
		var initial = fields(form), timer = null, draft = null, submitting = false;

		if (!store)
			return;
		try {
			draft = JSON.parse(store.getItem(key) || 'null');
		} catch (e) {
			draft = null;
		}
		if (draft && draft.fields && !same(draft.fields, initial) && offer) {
			offer.hidden = false;
			if (draft.version !== version)
				offer.querySelector('.draft-older').hidden = false;
			offer.querySelector('[data-draft="restore"]').addEventListener('click', function () {
				restore(form, draft.fields);
				offer.hidden = true;
			});
			offer.querySelector('[data-draft="discard"]').addEventListener('click', function () {
				store.removeItem(key);
				offer.hidden = true;
			});
		} else if (draft) {
			store.removeItem(key);
		}
		if (note)
			note.hidden = false;
		form.addEventListener('input', function () {
			clearTimeout(timer);
			timer = setTimeout(function () {
				var now = fields(form);

				try {
					if (same(now, initial))
						store.removeItem(key);
					else
						store.setItem(key, JSON.stringify({ version: version, fields: now }));
				} catch (e) { /* A full store only loses the draft. */ }
			}, 500);
		});
		/* Leaving the page before the pause still keeps the draft. */
		window.addEventListener('pagehide', function () {
			var now = fields(form);

			clearTimeout(timer);
			try {
				if (!submitting && !same(now, initial))
					store.setItem(key, JSON.stringify({ version: version, fields: now }));
			} catch (e) { /* A full store only loses the draft. */ }
		});
		form.addEventListener('submit', function () {
			submitting = true;
			clearTimeout(timer);
			store.removeItem(key);
		});
	}

	/* The control of the same item named by another field ("-platform"). */
	function sibling(area, field) {
		var name = area.name.replace(/-[a-z_]+$/, '-' + field);

		return name === area.name ? null : area.form.querySelector('[name="' + name + '"]');
	}

	/*
	 * The counts in a counter's text, grouped as the server groups them
	 * in the page's language ("2 200" in French, "2,200" in English), so
	 * that typing a key never changes how the numbers look.
	 */
	function fill(template, n, max) {
		var lang = document.documentElement.lang;
		var format = window.reseauterCount.formatInt || function (l, x) { return String(x); };

		return template.replace('{n}', format(lang, n)).replace('{max}', format(lang, max));
	}

	function setupCounter(area) {
		var out = document.getElementById('c-' + area.id);
		var platform = sibling(area, 'platform');
		var tags = sibling(area, 'hashtags');
		var max = parseInt(area.getAttribute('data-count-max') || '0', 10);

		if (!out || typeof window.reseauterCount !== 'function')
			return;
		function update() {
			var key = platform ? platform.value : '';
			var c = window.reseauterCount(key, area.value, tags ? tags.value : '');
			var limit = c.limit || (key ? 0 : max);
			var parts = [limit ? fill(out.getAttribute('data-t-of'), c.count, limit) :
			    fill(out.getAttribute('data-t-count'), c.count, 0)];
			var over = limit > 0 && c.count > limit;

			if (over)
				parts.push(out.getAttribute('data-t-over'));
			if (c.tooManyHashtags)
				parts.push(fill(out.getAttribute('data-t-tags'), 0, c.hashtagLimit));
			if (c.longText)
				parts.push(out.getAttribute('data-t-long'));
			out.textContent = parts.join(' \u00b7 ');
			out.classList.toggle('over', over);
		}
		area.addEventListener('input', update);
		if (platform)
			platform.addEventListener('change', update);
		if (tags)
			tags.addEventListener('input', update);
		update();
	}

	document.addEventListener('DOMContentLoaded', function () {
		var forms = document.querySelectorAll('form[data-draft]');
		var areas = document.querySelectorAll('textarea[data-count-max], textarea[data-count-platform]');
		var i;

		for (i = 0; i < forms.length; i++)
			setupDraft(forms[i]);
		for (i = 0; i < areas.length; i++)
			setupCounter(areas[i]);
	});
}());

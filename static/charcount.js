/*
 * charcount.js: counting a post's characters the way each platform does,
 * while the person types.
 *
 * This is a line-by-line port of lib/charcount.c, which says in its
 * opening comment exactly what is counted (URLs, emoji, grapheme
 * clusters, hashtags, lines).  The same tables and the same functions,
 * named in camelCase without the cc_ prefix (cc_url_bare is urlBare).
 * Positions here are UTF-16 indexes where the C code has byte offsets;
 * both only ever step over whole code points, and the ASCII tests give
 * the same answers on either.
 * tests/charcount/cases.txt is read by the C and the Node tests alike, so
 * the two cannot drift apart without a test failing; it also lists every
 * platform's limits, which must match PLATFORMS below and lib/platform.c.
 *
 * Exposes window.reseauterCount(platformKey, text, hashtags), which
 * returns { count, limit, over, hashtags, hashtagLimit, tooManyHashtags,
 * lines, longText }; in Node, module.exports is that same function, with
 * .platforms holding the table.  reseauterCount.formatInt(lang, n) writes
 * a count as lib/i18n.c's i18n_format_int() does, for the counters'
 * text.  Plain ES5, no dependency.
 */
(function (root) {
	'use strict';

	var URL_WEIGHT = 23;
	var NONE = -1;   /* "no code point": before the start */

	/*
	 * The platforms, as in lib/platform.c: how each counts, its limit of
	 * characters and of hashtags (0: none), and the lines past which a
	 * text is long (0: no advice).  Keys are the stable keys of plans.
	 */
	var PLATFORMS = {
		facebook:  { count: 'codepoints', limit: 63206, hashtagLimit: 0,  softLines: 2 },
		instagram: { count: 'codepoints', limit: 2200,  hashtagLimit: 5,  softLines: 0 },
		linkedin:  { count: 'codepoints', limit: 3000,  hashtagLimit: 0,  softLines: 0 },
		x:         { count: 'x',          limit: 280,   hashtagLimit: 0,  softLines: 0 },
		youtube:   { count: 'codepoints', limit: 5000,  hashtagLimit: 0,  softLines: 0 },
		tiktok:    { count: 'codepoints', limit: 4000,  hashtagLimit: 0,  softLines: 0 },
		pinterest: { count: 'codepoints', limit: 500,   hashtagLimit: 0,  softLines: 0 },
		snapchat:  { count: 'codepoints', limit: 250,   hashtagLimit: 0,  softLines: 0 },
		threads:   { count: 'codepoints', limit: 500,   hashtagLimit: 1,  softLines: 0 },
		bluesky:   { count: 'graphemes',  limit: 300,   hashtagLimit: 0,  softLines: 0 },
		mastodon:  { count: 'mastodon',   limit: 500,   hashtagLimit: 0,  softLines: 0 },
		flickr:    { count: 'codepoints', limit: 0,     hashtagLimit: 0,  softLines: 0 },
		reddit:    { count: 'codepoints', limit: 40000, hashtagLimit: 0,  softLines: 0 }
	};

	/* The tables of lib/charcount.c, as [lo, hi] pairs. */
	var X_LIGHT = [0x0000, 0x10FF, 0x2000, 0x200D, 0x2010, 0x201F,
		0x2032, 0x2037];
	var SPACE = [0x0009, 0x000D, 0x0020, 0x0020, 0x0085, 0x0085,
		0x00A0, 0x00A0, 0x1680, 0x1680, 0x2000, 0x200A,
		0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F,
		0x3000, 0x3000];
	var PICT = [0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C,
		0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139,
		0x2194, 0x21AA, 0x2300, 0x23FF, 0x24C2, 0x24C2,
		0x25A0, 0x25FF, 0x2600, 0x27BF, 0x2934, 0x2935,
		0x2B00, 0x2BFF, 0x3030, 0x3030, 0x303D, 0x303D,
		0x3297, 0x3297, 0x3299, 0x3299, 0x1F000, 0x1F1E5,
		0x1F200, 0x1F3FA, 0x1F400, 0x1FAFF];
	var EMOJI_MOD = [0x20E3, 0x20E3, 0xFE0E, 0xFE0F, 0x1F3FB, 0x1F3FF,
		0xE0020, 0xE007F];
	var EXTEND = [0x0300, 0x036F, 0x0483, 0x0489, 0x0591, 0x05BD,
		0x05BF, 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5,
		0x05C7, 0x05C7, 0x0610, 0x061A, 0x064B, 0x065F,
		0x0670, 0x0670, 0x06D6, 0x06DC, 0x06DF, 0x06E4,
		0x06E7, 0x06E8, 0x06EA, 0x06ED, 0x0900, 0x0903,
		0x093A, 0x093C, 0x093E, 0x094F, 0x0951, 0x0957,
		0x0962, 0x0963, 0x0E31, 0x0E31, 0x0E33, 0x0E3A,
		0x0E47, 0x0E4E, 0x1AB0, 0x1AFF, 0x1DC0, 0x1DFF,
		0x200C, 0x200C, 0x20D0, 0x20FF, 0x302A, 0x302F,
		0x3099, 0x309A, 0xFE00, 0xFE0F, 0xFE20, 0xFE2F,
		0x1F3FB, 0x1F3FF, 0xE0020, 0xE007F, 0xE0100, 0xE01EF];
	var NONWORD = [0x00D7, 0x00D7, 0x00F7, 0x00F7, 0x037E, 0x037E,
		0x0387, 0x0387, 0x055A, 0x055F, 0x0589, 0x058A,
		0x05BE, 0x05BE, 0x05C0, 0x05C0, 0x05C3, 0x05C3,
		0x05C6, 0x05C6, 0x05F3, 0x05F4, 0x0600, 0x060F,
		0x061B, 0x061F, 0x066A, 0x066D, 0x06D4, 0x06D4,
		0x0964, 0x0965, 0x0970, 0x0970, 0x0E3F, 0x0E3F,
		0x0E4F, 0x0E4F, 0x0E5A, 0x0E5B, 0x1680, 0x1680,
		0x2000, 0x2BFF, 0x2E00, 0x2E7F, 0x3000, 0x303F,
		0xD800, 0xF8FF, 0xFE00, 0xFE6F, 0xFEFF, 0xFEFF,
		0xFF00, 0xFF0F, 0xFF1A, 0xFF20, 0xFF3B, 0xFF40,
		0xFF5B, 0xFF65, 0xFFF0, 0xFFFF, 0x1F000, 0x1FAFF,
		0xE0000, 0xE007F];
	var TLDS = ['com', 'org', 'net', 'edu', 'gov', 'int', 'info', 'biz',
		'coop', 'ngo', 'ong', 'museum', 'news', 'media', 'art',
		'social', 'online', 'site', 'xyz', 'app', 'dev', 'io', 'co',
		'me', 'ly', 'tv', 'ai', 'quebec', 'ca', 'us', 'uk', 'fr',
		'be', 'ch', 'lu', 'eu', 'de', 'es', 'it', 'nl', 'pt', 'ie',
		'ht', 'ma', 'sn', 'tn', 'dz', 'ci', 'cm', 'mx', 'br', 'au',
		'nz', 'jp', 'cn', 'in'];
	var URL_TRAIL = '.,;:!?\'"*';

	/* Returns true when c lies in one of the [lo, hi] pairs of r. */
	function inRanges(c, r) {
		for (var i = 0; i < r.length; i += 2)
			if (c >= r[i] && c <= r[i + 1])
				return true;
		return false;
	}

	/*
	 * Returns [code point, next index] at index i < s.length.  A lone
	 * surrogate reads as U+FFFD, as invalid UTF-8 does in the C code.
	 */
	function get(s, i) {
		var c = s.charCodeAt(i), d;

		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
			d = s.charCodeAt(i + 1);
			if (d >= 0xDC00 && d <= 0xDFFF)
				return [(c - 0xD800) * 0x400 + (d - 0xDC00) + 0x10000, i + 2];
		}
		if (c >= 0xD800 && c <= 0xDFFF)
			return [0xFFFD, i + 1];
		return [c, i + 1];
	}

	/* Returns the code point at i, or NONE at the end. */
	function peek(s, i) {
		return i < s.length ? get(s, i)[0] : NONE;
	}

	/* Returns the code point that ends just before i, or NONE at 0. */
	function before(s, i) {
		var c, h;

		if (i === 0)
			return NONE;
		c = s.charCodeAt(i - 1);
		if (c >= 0xDC00 && c <= 0xDFFF && i >= 2) {
			h = s.charCodeAt(i - 2);
			if (h >= 0xD800 && h <= 0xDBFF)
				return (h - 0xD800) * 0x400 + (c - 0xDC00) + 0x10000;
		}
		return c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
	}

	/* The index where the code point that ends at i starts. */
	function backOne(s, i) {
		return before(s, i) > 0xFFFF ? i - 2 : i - 1;
	}

	/* White space, as cc_is_space(): where URLs end. */
	function isSpace(c) {
		return inRanges(c, SPACE);
	}

	/* An ASCII letter or digit. */
	function isAlnum(c) {
		return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) ||
		    (c >= 0x30 && c <= 0x39);
	}

	/* A word character, as cc_is_word() says. */
	function isWord(c) {
		if (c === NONE)
			return false;
		if (c < 0xC0)
			return isAlnum(c) || c === 0x5F;
		if (c > 0x10FFFF)
			return false;
		return !inRanges(c, NONWORD) && !isSpace(c);
	}

	/* A regional indicator: half a flag. */
	function isRI(c) {
		return c >= 0x1F1E6 && c <= 0x1F1FF;
	}

	/* X's weight of one code point: 1 in the light ranges, else 2. */
	function xWeight(c) {
		return inRanges(c, X_LIGHT) ? 1 : 2;
	}

	/* May a URL start right after code point c? */
	function urlMayFollow(c) {
		if (c === NONE)
			return true;
		if (isWord(c))
			return false;
		return c >= 0x80 || '@#$&./-_=~+%'.indexOf(String.fromCharCode(c)) < 0;
	}

	/* Is s[a..b) (ASCII) a top-level domain of TLDS, in any case? */
	function isTld(s, a, b) {
		if (b <= a || b - a >= 8)
			return false;
		return TLDS.indexOf(s.slice(a, b).toLowerCase()) >= 0;
	}

	/* How many times ch occurs in s[a..b). */
	function countChar(s, a, b, ch) {
		var n = 0;

		for (var i = a; i < b; i++)
			if (s.charAt(i) === ch)
				n++;
		return n;
	}

	/* Takes trailing punctuation off the URL s[start..end), not below keep. */
	function urlTrim(s, start, keep, end) {
		var c, j, ch;

		while (end > keep) {
			c = before(s, end);
			j = backOne(s, end);
			ch = c < 0x80 ? String.fromCharCode(c) : '';
			if ((ch !== '' && URL_TRAIL.indexOf(ch) >= 0) ||
			    c === 0x00BB || c === 0x2019 || c === 0x201D || c === 0x2026)
				end = j;
			else if (ch === ')' && countChar(s, start, end, '(') <
			    countChar(s, start, end, ')'))
				end = j;
			else if (ch === ']' && countChar(s, start, end, '[') <
			    countChar(s, start, end, ']'))
				end = j;
			else if (ch === '}' && countChar(s, start, end, '{') <
			    countChar(s, start, end, '}'))
				end = j;
			else
				break;
		}
		return end;
	}

	/* The index of the next white space from i, or the end. */
	function runEnd(s, i) {
		var g;

		while (i < s.length) {
			g = get(s, i);
			if (isSpace(g[0]))
				break;
			i = g[1];
		}
		return i;
	}

	/* The end of a URL with http:// or https:// at i, or i. */
	function urlScheme(s, i) {
		var k, end, head = s.slice(i, i + 8).toLowerCase();

		if (head === 'https://')
			k = i + 8;
		else if (head.slice(0, 7) === 'http://')
			k = i + 7;
		else
			return i;
		end = urlTrim(s, i, k, runEnd(s, k));
		return end > k ? end : i;
	}

	/* Is s[j] an ASCII letter, digit, "." or "-"? */
	function isDomainChar(s, j) {
		var c = s.charCodeAt(j);

		return isAlnum(c) || c === 0x2E || c === 0x2D;
	}

	/* The end of a bare domain URL at i ("example.org/x"), or i. */
	function urlBare(s, i) {
		var len = s.length, j, end, label, nlabels = 0, after;

		if (!isAlnum(s.charCodeAt(i)))
			return i;
		j = i;
		while (j < len && isDomainChar(s, j))
			j++;
		while (j > i && (s.charAt(j - 1) === '.' || s.charAt(j - 1) === '-'))
			j--;
		label = i;
		for (end = i; end <= j; end++) {
			if (end < j && s.charAt(end) !== '.')
				continue;
			if (end === label || s.charAt(label) === '-' ||
			    s.charAt(end - 1) === '-')
				return i;
			nlabels++;
			if (end < j)
				label = end + 1;
		}
		if (nlabels < 2 || !isTld(s, label, j))
			return i;
		after = peek(s, j);
		if (isWord(after) || after === 0x40)
			return i;
		end = j;
		if (end + 1 < len && s.charAt(end) === ':' &&
		    s.charAt(end + 1) >= '0' && s.charAt(end + 1) <= '9') {
			end++;
			while (end < len && s.charAt(end) >= '0' && s.charAt(end) <= '9')
				end++;
		}
		if (end < len && s.charAt(end) === '/')
			end = urlTrim(s, i, end + 1, runEnd(s, end));
		return end;
	}

	/* The end of the URL that starts at i, or i. */
	function url(s, i, bare, prev) {
		var end;

		if (!isAlnum(s.charCodeAt(i)) || !urlMayFollow(prev))
			return i;
		if ((end = urlScheme(s, i)) > i)
			return end;
		return bare ? urlBare(s, i) : i;
	}

	/* Is ch an ASCII letter, digit or "_"? */
	function isMentionChar(ch) {
		return isAlnum(ch.charCodeAt(0)) || ch === '_';
	}

	/* Mastodon's remote mention: [end of "@name", end of "@server"] or null. */
	function mention(s, i, prev) {
		var len = s.length, j, nameEnd, k, serverEnd;

		if (s.charAt(i) !== '@' || isWord(prev) || prev === 0x3D ||
		    prev === 0x2F)
			return null;
		j = i + 1;
		if (j >= len || !isMentionChar(s.charAt(j)))
			return null;
		while (j < len && (isMentionChar(s.charAt(j)) ||
		    s.charAt(j) === '.' || s.charAt(j) === '-'))
			j++;
		nameEnd = j;
		while (!isMentionChar(s.charAt(nameEnd - 1)))
			nameEnd--;
		if (nameEnd >= len || s.charAt(nameEnd) !== '@')
			return null;
		k = nameEnd + 1;
		while (k < len && (isMentionChar(s.charAt(k)) ||
		    s.charAt(k) === '.' || s.charAt(k) === '-'))
			k++;
		serverEnd = k;
		while (serverEnd > nameEnd + 1 &&
		    !isMentionChar(s.charAt(serverEnd - 1)))
			serverEnd--;
		if (serverEnd - (nameEnd + 1) < 2)
			return null;
		return [nameEnd, serverEnd];
	}

	/* The Hangul type of c: 'L', 'V', 'T', 'P' (LV), 'Q' (LVT) or ''. */
	function hangul(c) {
		if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
			return 'L';
		if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
			return 'V';
		if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
			return 'T';
		if (c >= 0xAC00 && c <= 0xD7A3)
			return (c - 0xAC00) % 28 === 0 ? 'P' : 'Q';
		return '';
	}

	/* May Hangul type b follow type a inside one syllable? */
	function hangulJoins(a, b) {
		switch (a) {
		case 'L':
			return b === 'L' || b === 'V' || b === 'P' || b === 'Q';
		case 'V':
		case 'P':
			return b === 'V' || b === 'T';
		case 'T':
		case 'Q':
			return b === 'T';
		default:
			return false;
		}
	}

	/* The end of the grapheme cluster that starts at i. */
	function grapheme(s, i) {
		var len = s.length, g, c, n, j, h, hn, pict;

		g = get(s, i);
		c = g[0];
		j = g[1];
		if (c === 0x0D)
			return peek(s, j) === 0x0A ? j + 1 : j;
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
			return j;
		if (isRI(c) && j < len && isRI(peek(s, j)))
			j = get(s, j)[1];
		h = hangul(c);
		while (h !== '' && j < len) {
			g = get(s, j);
			hn = hangul(g[0]);
			if (!hangulJoins(h, hn))
				break;
			h = hn;
			j = g[1];
		}
		pict = inRanges(c, PICT);
		while (j < len) {
			g = get(s, j);
			n = g[0];
			if (inRanges(n, EXTEND)) {
				j = g[1];
				continue;
			}
			if (n !== 0x200D)
				break;
			j = g[1];
			if (pict && j < len && inRanges(peek(s, j), PICT))
				j = get(s, j)[1];
		}
		return j;
	}

	/* The index after the emoji modifiers that follow j. */
	function skipMods(s, j) {
		var g;

		while (j < s.length) {
			g = get(s, j);
			if (!inRanges(g[0], EMOJI_MOD))
				break;
			j = g[1];
		}
		return j;
	}

	/* One unit of X's count at i: [end, weight]. */
	function xUnit(s, i) {
		var len = s.length, g, c, n, j, k, first;

		g = get(s, i);
		c = g[0];
		first = g[1];
		j = first;
		n = peek(s, j);
		if (c === 0x0D && n === 0x0A)
			return [j + 1, 1];
		if (isRI(c) && isRI(n)) {
			j = get(s, j)[1];
			return [skipMods(s, j), 2];
		}
		if ((c >= 0x30 && c <= 0x39) || c === 0x23 || c === 0x2A) {
			k = j;
			if (n === 0xFE0F)
				k = get(s, j)[1];
			if (peek(s, k) === 0x20E3)
				return [get(s, k)[1], 2];
		}
		if (inRanges(c, PICT)) {
			j = skipMods(s, j);
			while (j < len && peek(s, j) === 0x200D) {
				k = get(s, j)[1];
				if (k >= len || !inRanges(peek(s, k), PICT))
					break;
				k = get(s, k)[1];
				j = skipMods(s, k);
			}
			if (j > first)
				return [j, 2];
		}
		return [first, xWeight(c)];
	}

	/* Counts s in mode ('codepoints', 'x', 'mastodon', 'graphemes'). */
	function count(mode, s) {
		var len = s.length, i = 0, j, u, m, n = 0, prev = NONE, g;

		while (i < len) {
			if (mode === 'x' || mode === 'mastodon') {
				j = url(s, i, mode === 'x', prev);
				if (j > i) {
					n += URL_WEIGHT;
					prev = before(s, j);
					i = j;
					continue;
				}
			}
			if (mode === 'mastodon' && (m = mention(s, i, prev)) !== null) {
				n += m[0] - i;
				prev = before(s, m[1]);
				i = m[1];
				continue;
			}
			if (mode === 'x') {
				u = xUnit(s, i);
				j = u[0];
				n += u[1];
			} else if (mode === 'mastodon' || mode === 'graphemes') {
				j = grapheme(s, i);
				n++;
			} else {
				g = get(s, i);
				j = g[1];
				if (g[0] === 0x0D && peek(s, j) === 0x0A)
					j++;
				n++;
			}
			prev = before(s, j);
			i = j;
		}
		return n;
	}

	/* Counts the hashtags of s, outside URLs. */
	function hashtags(s) {
		var len = s.length, i = 0, j, n = 0, prev = NONE, g, w, letter;

		while (i < len) {
			if ((j = url(s, i, true, prev)) > i) {
				prev = before(s, j);
				i = j;
				continue;
			}
			g = get(s, i);
			j = g[1];
			if (g[0] === 0x23 && !isWord(prev) && prev !== 0x26) {
				letter = false;
				while (j < len && isWord(w = peek(s, j))) {
					if (w !== 0x5F && (w < 0x30 || w > 0x39))
						letter = true;
					j = get(s, j)[1];
				}
				if (letter)
					n++;
			}
			prev = before(s, j);
			i = j;
		}
		return n;
	}

	/* Counts the lines of s that hold more than white space. */
	function lines(s) {
		var i = 0, n = 0, filled = 0, g;

		while (i < s.length) {
			g = get(s, i);
			if (g[0] === 0x0A || g[0] === 0x0D) {
				n += filled;
				filled = 0;
			} else if (!isSpace(g[0])) {
				filled = 1;
			}
			i = g[1];
		}
		return n + filled;
	}

	/*
	 * Measures text for the platform whose key is platformKey; hashtags
	 * (the hashtags typed apart) may be absent.  An unknown platform
	 * counts code points with no limits.
	 */
	function reseauterCount(platformKey, text, tags) {
		var p = Object.prototype.hasOwnProperty.call(PLATFORMS, platformKey) ?
		    PLATFORMS[platformKey] : null;
		var mode = p ? p.count : 'codepoints';
		var limit = p ? p.limit : 0;
		var hashtagLimit = p ? p.hashtagLimit : 0;
		var soft = p ? p.softLines : 0;
		var r = {};

		text = text == null ? '' : String(text);
		r.count = count(mode, text);
		r.limit = limit;
		r.over = limit > 0 && r.count > limit;
		r.hashtags = hashtags(text) + (tags == null ? 0 : hashtags(String(tags)));
		r.hashtagLimit = hashtagLimit;
		r.tooManyHashtags = hashtagLimit > 0 && r.hashtags > hashtagLimit;
		r.lines = lines(text);
		r.longText = soft > 0 && r.lines > soft;
		return r;
	}

	/*
	 * Writes the integer n with its digits in groups of three, as
	 * i18n_format_int() of lib/i18n.c does, character for character:
	 * "63\u00a0206" (NO-BREAK SPACE) in French, "63,206" in English
	 * ("en", "en-CA", as lang_from_code() reads them), "1\u00a0000" too;
	 * any other language is French.
	 * Not Intl.NumberFormat: its separator for French depends on the
	 * browser's ICU (U+00A0 or U+202F) and the server's must not.
	 */
	function formatInt(lang, n) {
		var sep = /^en([-_]|$)/i.test(String(lang || '')) ? ',' : '\u00a0';
		var whole = Number(n) || 0;
		var digits, out = '', i;

		whole = whole < 0 ? Math.ceil(whole) : Math.floor(whole);
		digits = String(Math.abs(whole));
		if (!/^[0-9]+$/.test(digits))
			return String(n);   /* Infinity, or too large for digits */
		for (i = 0; i < digits.length; i++) {
			if (i > 0 && (digits.length - i) % 3 === 0)
				out += sep;
			out += digits.charAt(i);
		}
		return (whole < 0 ? '-' : '') + out;
	}

	reseauterCount.platforms = PLATFORMS;
	reseauterCount.formatInt = formatInt;
	if (typeof module !== 'undefined' && module.exports)
		module.exports = reseauterCount;
	if (root)
		root.reseauterCount = reseauterCount;
}(typeof window !== 'undefined' ? window : null));

// tests/browser/lib/results.mjs: a reporter for node --test that writes
// one line per top-level test, for tests/browser/run.sh to count:
//
//   PASS name
//   FAIL name
//        detail (indented by five spaces; the first lines of the error)
//   SKIP name
//
// The tests at nesting 0 count, and those of a suite (describe) at
// nesting 0 in its place: a test's own subtests are part of it.  A file
// that fails outside any test (it does not load, say) is a FAIL named after
// the file.
const DETAIL_LINES = 40;

// Returns the error of a failed test as a few readable lines: the message
// of the assertion (or of what was thrown), then its cause's, without the
// stack of node's own modules.
function describe(error) {
	const lines = [];
	let e = error;
	// The runner wraps what the test threw in an ERR_TEST_FAILURE.
	while (e && e.code === 'ERR_TEST_FAILURE' && e.cause)
		e = e.cause;
	if (e && typeof e === 'object') {
		const text = e.message || String(e);
		lines.push(...String(text).split('\n'));
		if (e.stack) {
			const own = String(e.stack).split('\n')
			    .filter((l) => /^\s+at /.test(l) && !/node:internal|node_modules/.test(l))
			    .slice(0, 3);
			lines.push(...own.map((l) => l.trim()));
		}
	} else {
		lines.push(String(e));
	}
	// Playwright colours its call logs: no escape codes in a log file.
	return lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))
	    .filter((l) => l.trim() !== '').slice(0, DETAIL_LINES);
}

// The line (or lines) of a finished test.
function line(event) {
	const d = event.data;
	if (event.type === 'test:pass')
		return `${d.skip || d.todo ? 'SKIP' : 'PASS'} ${d.name}\n`;
	const detail = describe(d.details && d.details.error);
	return `FAIL ${d.name}\n` + detail.map((l) => `     ${l}\n`).join('');
}

export default async function* results(source) {
	// The tests at nesting 1 finish before the test or suite that holds
	// them: kept until it is known which.
	let inner = [];
	for await (const event of source) {
		const d = event.data;
		if (!d || (event.type !== 'test:pass' && event.type !== 'test:fail'))
			continue;
		if (d.nesting === 1) {
			inner.push(event);
		} else if (d.nesting === 0) {
			const suite = d.details && d.details.type === 'suite';
			// A suite that fails with no test failing failed by itself.
			const own = suite && event.type === 'test:fail' && !inner.some((e) => e.type === 'test:fail');
			const lines = suite ? inner.map(line) : [line(event)];
			if (own)
				lines.push(line(event));
			inner = [];
			yield lines.join('');
		}
	}
}

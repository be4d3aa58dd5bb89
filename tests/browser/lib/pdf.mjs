// tests/browser/lib/pdf.mjs: what a journey checks of a PDF it downloaded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Whether bytes look like a PDF document: not empty, starting "%PDF-".
export function isPdf(bytes) {
	return bytes.length > 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

// Whether pdftotext is installed (poppler-utils, which make check-deps
// installs).
export function havePdfToText() {
	return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

// The text of the PDF document bytes as pdftotext reads it (UTF-8, in
// the order it is drawn: -raw keeps a value after its label where the
// page sets them in two columns), its runs of white space as one space;
// null without pdftotext.  Throws when pdftotext cannot read it.
export function pdfText(bytes) {
	if (!havePdfToText())
		return null;
	const dir = mkdtempSync(join(tmpdir(), 'reseauter-pdf-'));
	try {
		const file = join(dir, 'summary.pdf');
		writeFileSync(file, bytes);
		const out = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
		if (out.status !== 0)
			throw new Error(`pdftotext: ${out.stderr.trim() || `exit status ${out.status}`}`);
		return out.stdout.replace(/\s+/g, ' ').trim();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

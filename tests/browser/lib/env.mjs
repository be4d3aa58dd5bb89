// tests/browser/lib/env.mjs: where things are, from the environment that
// tests/browser/run.sh sets (with defaults for running a file by hand
// against `make run`).
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

// The repository's root (templates, po/).
export const ROOT = process.env.BROWSER_ROOT || resolve(here, '../../..');
// The site under test, without a trailing slash.
export const BASE_URL = (process.env.BROWSER_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
// Debian's chromium; never a browser that playwright downloads.
export const CHROMIUM = process.env.BROWSER_CHROMIUM || '/usr/bin/chromium';
// The build directory (the program, and reseauter-admin when built).
export const BUILD = process.env.BROWSER_BUILD || resolve(ROOT, 'build');
// The database of the program under test (run.sh exports it).
export const DATABASE = process.env.RESEAUTER_DB || resolve(ROOT, 'var/reseauter.db');
// Where screenshots go: build/screenshots by default.
export const SCREENSHOTS = process.env.BROWSER_SCREENSHOTS || resolve(ROOT, 'build/screenshots');
// Milliseconds an action or a navigation may take before it fails.
export const TIMEOUT = Number(process.env.BROWSER_TIMEOUT_MS || 15000);

// tests/browser/lib/totp.mjs: the authenticator app on a person's phone,
// as oathtool (the Debian package) computes its codes from the key the
// set-up page shows.
//
//   const app = new AuthenticatorApp('JBSW Y3DP ...');
//   app.code()        '123456', the code of a time step not used yet
//   app.codeAt(step)  the code of a given 30-second step
import { execFileSync } from 'node:child_process';

// The length of a time step, in seconds (RFC 6238, what reseauter uses).
export const STEP = 30;

// The time step of now.
export function currentStep() {
	return Math.floor(Date.now() / 1000 / STEP);
}

export class AuthenticatorApp {
	// key: the base32 key as the page shows it, spaces included or not.
	constructor(key) {
		this.key = key.replace(/\s+/g, '');
		// The newest step whose code was typed: the program takes each
		// step once, so the next code is of a later step.
		this.lastStep = -1;
	}

	// The 6-digit code of step, by oathtool --totp -b KEY --now @SECONDS.
	codeAt(step) {
		return execFileSync('oathtool', ['--totp', '-b', this.key, '--now', `@${step * STEP}`],
		    { encoding: 'utf8' }).trim();
	}

	// The code to type now: that of the current step, or of the step
	// after the last one used while that one is still current (the
	// program accepts a step either side of its own), marked used.
	code() {
		const step = Math.max(currentStep(), this.lastStep + 1);
		this.lastStep = step;
		return this.codeAt(step);
	}

	// A code that is surely wrong now: that of a step ten minutes away,
	// out of the window the program accepts.
	wrongCode() {
		return this.codeAt(currentStep() + 20);
	}
}

/**
 * How the browser tests and the benchmark launch Chromium: Debian's (HMAIL_CHROMIUM or /usr/bin/chromium) or,
 * when neither exists, Playwright's own browser; always with the same flags. Types: ./chromium.d.mts.
 */
import { existsSync } from 'node:fs';

/** Keep Chromium off the network on its own account: a zero-request test must see only the page's requests. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launch options for Playwright; executablePath undefined lets Playwright use its own browser. */
export function chromiumLaunchOptions() {
  const executablePath = process.env.HMAIL_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return { executablePath, args: CHROMIUM_ARGS };
}

#!/usr/bin/env node
// Make sure a Chromium the end-to-end tests can drive is installed. Playwright's own browser
// download is not used (no network beyond npm and Debian here): we use Debian's chromium.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

if (chromiumPath()) {
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'Chromium is needed for the end-to-end tests and was not found.\n' +
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
  process.exit(1);
}
console.log("Chromium not found: installing Debian's chromium package (apt-get)…");
execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', {
  stdio: 'inherit',
});
if (!existsSync('/usr/bin/chromium')) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}

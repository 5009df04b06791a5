// Where Debian's Chromium is and how every headless run here starts it (tests, bench, screenshot).
// The background-networking flags matter: this machine's closed network refuses Chromium's own calls.
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
].filter((p) => typeof p === 'string' && p !== '');

/** The Chromium binary to drive, or undefined when none is installed. */
export function chromiumPath() {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** Flags for a headless run; WebGPU is enabled (SwiftShader) so the backend tests and bench can use it. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];

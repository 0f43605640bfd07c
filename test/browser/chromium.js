'use strict';
// Which Chromium the browser tests drive, in this order: CHROMIUM_PATH; the system's Chromium or Chrome;
// then @sparticuz/chromium, a dev dependency that ships Chromium inside the npm package itself, so that
// `npm ci && npm test` needs nothing but Node. JIXIAO_IGNORE_SYSTEM_BROWSER=1 skips the system's browsers,
// to prove that path on a machine that has one.
const fs = require('node:fs');

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** { path, source } of the browser to launch; throws with what to do when there is none. */
async function findChromium(env = process.env, exists = fs.existsSync) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (!exists(chosen)) throw new Error(`CHROMIUM_PATH=${chosen} does not exist: unset it or point it at a Chromium or Chrome executable.`);
    return { path: chosen, source: 'CHROMIUM_PATH' };
  }
  const system = env.JIXIAO_IGNORE_SYSTEM_BROWSER === '1' ? undefined : SYSTEM_BROWSERS.find((candidate) => exists(candidate));
  if (system) return { path: system, source: 'system' };
  // Its Chromium reads only the fonts it brings (no CJK) unless told where the system's are: screenshots
  // then show Chinese with a system CJK font (.ci/run installs one), boxes without.
  if (!env.FONTCONFIG_PATH && exists('/etc/fonts/fonts.conf')) process.env.FONTCONFIG_PATH = '/etc/fonts';
  let packaged;
  try {
    // An ES module: import() loads it from CommonJS on every Node version.
    packaged = await import('@sparticuz/chromium');
  } catch (error) {
    throw new Error(`No Chromium found (CHROMIUM_PATH, ${SYSTEM_BROWSERS[0]}, …) and @sparticuz/chromium is not installed: run npm ci. (${error.message})`);
  }
  const chromium = packaged.default ?? packaged;
  return { path: await chromium.executablePath(), source: '@sparticuz/chromium' };
}

module.exports = { findChromium, SYSTEM_BROWSERS };

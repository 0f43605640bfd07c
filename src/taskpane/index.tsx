import { renderTaskpane } from './boot';

declare global {
  interface Window {
    /** Set once this bundle runs; legacy-guard.js shows its notice when it is missing after load. */
    __jixiaoBooted?: boolean;
    /** Set by legacy-guard.js in an IE11/EdgeHTML webview, where it already shows its notice. */
    __jixiaoLegacyHost?: boolean;
  }
}

window.__jixiaoBooted = true;

// @types/office-js declares HostType/PlatformType as numeric enums, but office.js hands over
// strings ("Excel", "PC"), and null when the page runs outside Office.
function enumName(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function start(info: { host: unknown; platform: unknown }): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('taskpane.html has no #root element');
  const displayLanguage = typeof Office === 'undefined' ? undefined : Office.context?.displayLanguage;
  renderTaskpane(root, { host: enumName(info.host), platform: enumName(info.platform) }, { displayLanguage });
}

// office.js comes from Microsoft's CDN (see taskpane.html). If the CDN is unreachable (e.g. a
// closed network), still show the page: it points to the standalone checker and shows diagnostics.
// In an IE11/EdgeHTML webview legacy-guard.js has already told the user what to do.
if (window.__jixiaoLegacyHost !== true) {
  if (typeof Office === 'undefined') start({ host: null, platform: null });
  else void Office.onReady(start);
}

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const root = resolve(__dirname, '..');
const xsdDir = join(root, 'test', 'fixtures', 'office-manifest-xsd');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
const BASE = 'https://localhost:3000';

function xsd(fileName: string): XMLFileInfo {
  return { fileName, contents: readFileSync(join(xsdDir, fileName), 'utf8') };
}

function validate(xml: string) {
  const imported = readdirSync(xsdDir).filter((f) => f.endsWith('.xsd') && f !== 'OfficeAppManifestV1_1.xsd');
  return validateXML({
    xml: { fileName: 'manifest.xml', contents: xml },
    schema: xsd('OfficeAppManifestV1_1.xsd'),
    preload: imported.map(xsd),
  });
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function urlToAsset(url: string): string {
  expect(url.startsWith(`${BASE}/assets/`)).toBe(true);
  return join(root, url.slice(BASE.length + 1));
}

function attribute(tag: string, name: string): string {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  if (!m?.[1]) throw new Error(`no ${name} in ${tag}`);
  return m[1];
}

describe('manifest.xml', () => {
  it('is valid against the Office add-in XSDs', async () => {
    const result = await validate(manifest);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is rejected by the same schemas when broken, so the check really bites', async () => {
    const broken = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join('\n')).toContain('Permissions');
  });

  it('validates through npm run validate:manifest (scripts/validate-manifest.js)', () => {
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'validate-manifest.js')], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('manifest is valid');
  });

  it('is an Excel task pane add-in requiring only ExcelApi 1.1', () => {
    expect(manifest).toContain('xsi:type="TaskPaneApp"');
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.1"\/>/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}/taskpane.html"/>`);
  });

  it('points every URL at https://localhost:3000', () => {
    const withoutNamespaces = manifest.replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
    const urls = withoutNamespaces.match(/\bhttps?:\/\/[^"<\s]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url === BASE || url.startsWith(`${BASE}/`)).toBe(true);
  });

  it('asks for ReadWriteDocument and nothing more: the pane reads and writes cells, formats, a sheet and settings', () => {
    expect(manifest.match(/<Permissions>([^<]*)<\/Permissions>/g)).toEqual(['<Permissions>ReadWriteDocument</Permissions>']);
    // Nothing that would widen its reach: extra trusted domains, a different host, a mailbox permission.
    expect(manifest).not.toMatch(/<AppDomains?>|ReadWriteMailbox|ReadItem|Restricted|<Host Name="(?!Workbook)/);
  });

  it('has every URL, in attributes and in text, on the add-in’s own origin over https', () => {
    const withoutNamespaces = manifest.replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
    const urls = [...withoutNamespaces.matchAll(/="([a-z][\w+.-]*:[^"]*)"|>([a-z][\w+.-]*:\/\/[^<]*)</gi)].map((m) => m[1] ?? m[2] ?? '');
    expect(urls.length).toBe(9);
    for (const url of urls) expect([url, new URL(url).origin]).toEqual([url, BASE]);
    expect(new URL(BASE).protocol).toBe('https:');
  });

  it('has icons in assets/ with the pixel size each reference promises', () => {
    const iconUrl = attribute(/<IconUrl [^>]*>/.exec(manifest)?.[0] ?? '', 'DefaultValue');
    const highRes = attribute(/<HighResolutionIconUrl [^>]*>/.exec(manifest)?.[0] ?? '', 'DefaultValue');
    expect(pngSize(urlToAsset(iconUrl))).toEqual({ width: 32, height: 32 });
    expect(pngSize(urlToAsset(highRes))).toEqual({ width: 64, height: 64 });

    // Ribbon icons: <bt:Image size=".." resid=".."/> refers to <bt:Image id=".." DefaultValue=".."/>.
    const resources = new Map(
      (manifest.match(/<bt:Image id="[^"]+" DefaultValue="[^"]+"\/>/g) ?? []).map((t) => [attribute(t, 'id'), attribute(t, 'DefaultValue')]),
    );
    const uses = manifest.match(/<bt:Image size="\d+" resid="[^"]+"\/>/g) ?? [];
    expect(uses.length).toBe(6);
    expect(new Set(uses.map((t) => attribute(t, 'size')))).toEqual(new Set(['16', '32', '80']));
    for (const use of uses) {
      const url = resources.get(attribute(use, 'resid'));
      if (url === undefined) throw new Error(`unresolved ${use}`);
      const size = Number(attribute(use, 'size'));
      expect(pngSize(urlToAsset(url))).toEqual({ width: size, height: size });
    }
  });

  it('resolves every resid to a resource', () => {
    const ids = new Set((manifest.match(/<bt:(?:Image|Url|String) id="[^"]+"/g) ?? []).map((t) => attribute(t, 'id')));
    const resids = (manifest.match(/resid="[^"]+"/g) ?? []).map((t) => attribute(t, 'resid'));
    expect(resids.length).toBeGreaterThan(0);
    for (const resid of resids) expect(ids).toContain(resid);
  });

  it('is zh-CN by default with en-US overrides for names and every string', () => {
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(manifest).toMatch(/<DisplayName DefaultValue="绩效目标表助手">\s*<Override Locale="en-US" Value="Performance Target Table Assistant"\/>/);
    expect(manifest).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
    expect(manifest).toMatch(/<bt:String id="CheckButton.Label" DefaultValue="绩效校验">\s*<bt:Override Locale="en-US" Value="Check targets"\/>/);
    const strings = manifest.match(/<bt:String id="[^"]+" DefaultValue="[^"]+">\s*(<bt:Override [^>]*>)?/g) ?? [];
    expect(strings.length).toBe(5);
    for (const s of strings) expect(s).toMatch(/<bt:Override Locale="en-US" Value="[^"]+"\/>$/);
  });
});

#!/usr/bin/env node
// Validates manifest.xml against the Office add-in XSDs kept in the repo.
// Offline on purpose: `office-addin-manifest validate` calls a web service.
// Usage: node scripts/validate-manifest.js [manifest.xml]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { validateXML } = require('xmllint-wasm');

const root = path.resolve(__dirname, '..');
const xsdDir = path.join(root, 'test', 'fixtures', 'office-manifest-xsd');
const mainXsd = 'OfficeAppManifestV1_1.xsd';

async function validateManifest(manifestPath) {
  const read = (file) => ({ fileName: path.basename(file), contents: fs.readFileSync(file, 'utf8') });
  // The main schema imports the others by relative name, so they go into the wasm file system too.
  const imported = fs.readdirSync(xsdDir).filter((f) => f.endsWith('.xsd') && f !== mainXsd).sort();
  return validateXML({
    xml: read(manifestPath),
    schema: read(path.join(xsdDir, mainXsd)),
    preload: imported.map((f) => read(path.join(xsdDir, f))),
  });
}

async function main() {
  const manifestPath = path.resolve(process.argv[2] ?? path.join(root, 'manifest.xml'));
  const result = await validateManifest(manifestPath);
  if (result.valid) {
    console.log(`${path.relative(process.cwd(), manifestPath) || manifestPath}: 清单有效 / manifest is valid`);
    return;
  }
  console.error(`${manifestPath}: 清单无效 / manifest is NOT valid`);
  for (const e of result.errors) console.error(`  ${e.rawMessage}`);
  process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
}

module.exports = { validateManifest };

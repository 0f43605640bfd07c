'use strict';
// Issue 18: no function in src/ over MAX_FUNCTION_LINES lines, every line counted (blank lines and comments too).
// Run by `npm run lint`; prints how many functions there are and the longest, and fails on any over the limit.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const MAX_FUNCTION_LINES = 120;
const root = path.resolve(__dirname, '..');

/** Every function-like node of one file with its length in lines and a name to find it by. */
function functionLengths(sourceText, fileName) {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      found.push({ file: fileName, line: first, lines: last - first + 1, name: nameOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function main() {
  const all = sourceFiles(path.join(root, 'src')).flatMap((file) => functionLengths(fs.readFileSync(file, 'utf8'), path.relative(root, file)));
  const longest = [...all].sort((a, b) => b.lines - a.lines);
  const over = longest.filter((f) => f.lines > MAX_FUNCTION_LINES);
  const where = (f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`;
  console.log(`function lengths: ${all.length} functions in src/, the longest ${where(longest[0])}; limit ${MAX_FUNCTION_LINES}`);
  for (const f of over) console.error(`  over ${MAX_FUNCTION_LINES} lines: ${where(f)}`);
  process.exitCode = over.length > 0 ? 1 : 0;
}

module.exports = { functionLengths, MAX_FUNCTION_LINES };

if (require.main === module) main();

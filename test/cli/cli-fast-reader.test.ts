import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../bench/generate';

jest.setTimeout(60_000);

type Main = typeof import('../../src/cli/main').main;

/** The CLI's output for one file: with the fast reader (ExcelJS's reader made to fail), or with ExcelJS alone. */
async function checkOutput(file: string, reader: 'fast' | 'exceljs', format: string): Promise<string> {
  let main: Main | undefined;
  jest.isolateModules(() => {
    if (reader === 'fast') {
      jest.doMock('../../src/workbook/xlsx-grid', () => ({ readXlsxFile: () => Promise.reject(new Error('ExcelJS must not be needed')) }));
    } else {
      jest.doMock('../../src/workbook/xlsx-fast/read', () => ({ readXlsxFast: () => null }));
    }
    ({ main } = jest.requireActual<typeof import('../../src/cli/main')>('../../src/cli/main'));
  });
  let out = '';
  const code = await (main as Main)(['check', file, '--format', format], { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += `stderr: ${t}`) } });
  jest.dontMock('../../src/workbook/xlsx-grid');
  jest.dontMock('../../src/workbook/xlsx-fast/read');
  return `${out}\nexit ${code}`;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const PLAIN = ['seed.xlsx', 'errors.xlsx', ...readdirSync(path.join(FIXTURES, 'real')).filter((n) => n.endsWith('.xlsx')).map((n) => `real/${n}`)];

describe('jixiao check reads .xlsx without ExcelJS, to the byte the same report', () => {
  test.each(PLAIN)('%s', async (name) => {
    const file = path.join(FIXTURES, name);
    for (const format of ['json', 'text']) {
      const fast = await checkOutput(file, 'fast', format);
      expect(fast).not.toContain('stderr:');
      expect(fast).toBe(await checkOutput(file, 'exceljs', format));
    }
  });

  test('a generated bench workbook of 1,000 projects', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-fast-'));
    try {
      const book = new ExcelJS.Workbook();
      for (const sheet of generateWorkbook(1000).sheets) {
        const ws = book.addWorksheet(sheet.name);
        for (const row of sheet.values) ws.addRow([...row]);
      }
      const file = path.join(dir, 'bench.xlsx');
      writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
      const fast = await checkOutput(file, 'fast', 'json');
      expect(fast).toContain('"projects"');
      expect(fast).toBe(await checkOutput(file, 'exceljs', 'json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkbook, RULES, type CellValue, type WorkbookGrid } from '../../src/core';
import { readCsvGrid } from '../../src/workbook/csv-grid';
import { readSpreadsheet } from '../../src/workbook/open-spreadsheet';
import { realFixture, REAL_FIXTURES, realGrid, setCell } from '../fixtures/real/load';

/**
 * A rule's `fixable` (the catalogue's 一键修正 column, docs/rules.md) says whether its findings carry a fix: true
 * exactly for the rules that returned one on the fixtures — the real tables, the seed, the sample files — and
 * on a few sums put wrong on purpose where no single cell explains them.
 */

const FIXTURES = join(__dirname, '../fixtures');

function seed(): WorkbookGrid {
  return readCsvGrid(new Uint8Array(readFileSync(join(FIXTURES, 'seed.csv'))), '项目支出绩效目标表');
}

/** The seed with cells (A1 addresses) added to. */
function seedWith(changes: readonly (readonly [string, number])[]): WorkbookGrid {
  const grid = seed();
  return {
    sheets: grid.sheets.map((sheet) => {
      const rows: CellValue[][] = sheet.values.map((r) => [...r]);
      for (const [address, delta] of changes) {
        const [, column = 'A', row = '1'] = /^([A-Z])(\d+)$/.exec(address) ?? [];
        setCell(rows, address, Number(rows[Number(row) - 1]?.[column.charCodeAt(0) - 65]) + delta);
      }
      return { ...sheet, values: rows };
    }),
  };
}

async function sampleFiles(): Promise<WorkbookGrid[]> {
  const grids: WorkbookGrid[] = [];
  for (const dir of [FIXTURES, join(FIXTURES, 'bad-input')]) {
    for (const name of readdirSync(dir).filter((n) => /\.(csv|xlsx)$/.test(n))) {
      const read = await readSpreadsheet(new Uint8Array(readFileSync(join(dir, name))), name);
      if (read.ok) grids.push(read.workbook);
    }
  }
  return grids;
}

function withSums(): WorkbookGrid[] {
  const funding = realGrid(realFixture('l3-anhui-jinzhai-kfq-2021'), (_sheet, rows) => setCell(rows, 'C5', 1126));
  return [
    // 合计 off by 0.001 万元: within the rounding tolerance.
    seedWith([['B4', 0.001]]),
    // The unit's 总计 and 财政拨款 and the 合计's 总计 each off: no one or two cells explain them all.
    seedWith([['B5', 5], ['C5', 5], ['B4', 7]]),
    // A form's 资金总额 against its sources.
    funding,
  ];
}

// Reading and checking some forty workbooks (one of 3,003 indicators) takes a few seconds on a loaded machine.
const LOAD_TIMEOUT_MS = 60_000;
const fixed = new Set<string>();
beforeAll(async () => {
  const grids = [seed(), ...REAL_FIXTURES.map((f) => realGrid(f)), ...(await sampleFiles()), ...withSums()];
  for (const grid of grids) for (const finding of checkWorkbook(grid).findings) if (finding.fix) fixed.add(finding.rule);
}, LOAD_TIMEOUT_MS);

test('a rule declares fixable exactly when its findings carry a fix', () => {
  const declared = RULES.filter((r) => r.fixable === true).map((r) => r.id);
  expect([...fixed].sort()).toEqual([...declared].sort());
});

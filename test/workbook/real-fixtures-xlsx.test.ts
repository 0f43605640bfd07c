import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellAt, checkWorkbook } from '../../src/core';
import { readSpreadsheet } from '../../src/workbook/open-spreadsheet';
import { REAL_FIXTURE_DIR, REAL_FIXTURES, realGrid } from '../fixtures/real/load';

// The .xlsx of each real fixture (built by scripts/make-real-fixtures.js) holds exactly the transcribed cells,
// and the checker finds in it what it finds in the transcription.
describe.each(REAL_FIXTURES.map((f) => [f.id, f] as const))('%s.xlsx', (id, fixture) => {
  test('reads back the transcribed cells, a merged area\'s value in its top-left cell, and checks the same', async () => {
    const read = await readSpreadsheet(readFileSync(join(REAL_FIXTURE_DIR, `${id}.xlsx`)), `${id}.xlsx`);
    if (!read.ok) throw new Error(read.problem);
    const [sheet] = read.workbook.sheets;
    const [source] = fixture.sheets;
    if (!sheet || !source) throw new Error('no sheet');
    expect(sheet.name).toBe(source.name);
    source.rows.forEach((row, r) => row.forEach((value, c) => expect([r, c, cellAt(sheet, r, c)]).toEqual([r, c, value])));
    const fromXlsx = checkWorkbook(read.workbook).findings.map((f) => f.key);
    expect(fromXlsx).toEqual(checkWorkbook(realGrid(fixture)).findings.map((f) => f.key));
  });
});

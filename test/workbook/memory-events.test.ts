import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { SEED_SHEET } from '../fixtures/seed-grid';

test('the in-memory workbook names the edited cell with its sheet', () => {
  const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
  const changed: string[] = [];
  wb.onCellsChanged((sheet, address) => changed.push(`${sheet}!${address}`));
  wb.setCell({ sheet: SEED_SHEET.name, cell: 'F6' }, '新目标');
  expect(changed).toEqual([`${SEED_SHEET.name}!F6`]);
});

// The page's grid lays a sheet out as its file does (issue 17 item 9): the file's column widths and merged cells.
import '@testing-library/jest-dom';
import { parseRange } from '../../src/core';
import { GridView, excelWidthToPixels } from '../../src/web/GridView';
import { webStrings } from '../../src/web/strings';
import { realFixture, realGrid } from '../fixtures/real/load';
import { renderFluent } from '../ui/render-fluent';

const SICHUAN = 'l2-sichuan-jianyan-mata-2023';
const SHEET = '部门预算项目绩效目标申报表';

/** The table as read from its file: its cells and merges, and the widths its .xlsx sets (test/workbook/xlsx-column-widths.test.ts). */
function renderSichuan() {
  const fixture = realFixture(SICHUAN);
  const merges = fixture.sheets[0]?.merges.flatMap((m) => parseRange(m) ?? []) ?? [];
  const [sheet] = realGrid(fixture).sheets;
  if (!sheet) throw new Error(SICHUAN);
  const file = { workbook: { sheets: [{ ...sheet, merges }] }, columnWidths: new Map([[SHEET, [24, 24, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16]]]) };
  const noop = () => undefined;
  const view = renderFluent(
    <GridView
      workbook={file.workbook}
      marks={new Map()}
      columnWidths={file.columnWidths.get(SHEET)}
      activeSheet={SHEET}
      selection={null}
      strings={webStrings('zh-CN')}
      onActivateSheet={noop}
      onSelect={noop}
      onEdit={noop}
    />,
  );
  return { file, view };
}

describe('the grid of a real .xlsx (四川 井研县)', () => {
  it('draws each column at the file’s width', () => {
    const { view } = renderSichuan();
    const cols = [...view.container.querySelectorAll('colgroup col')].slice(1, 4).map((c) => (c as HTMLElement).style.width);
    expect(cols).toEqual([`${excelWidthToPixels(24)}px`, `${excelWidthToPixels(24)}px`, `${excelWidthToPixels(16)}px`]);
  });

  it('draws a merged area as one cell spanning it, and not the cells it covers', () => {
    const { file, view } = renderSichuan();
    const a4 = file.workbook.sheets[0]?.merges?.find((m) => m.row === 3 && m.col === 0);
    expect(a4).toMatchObject({ rowCount: 8, colCount: 1 });
    const cell = (address: string) => view.container.querySelector(`[data-cell="${address}"]`);
    expect(cell('A4')).toHaveAttribute('rowspan', '8');
    expect(cell('A5')).toBeNull();
    expect(cell('A11')).toBeNull();
    expect(cell('A12')).not.toBeNull();
    expect(cell('B5')).toBeNull();
    expect(cell('G5')).not.toBeNull();
  });
});

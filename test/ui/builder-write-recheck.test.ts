/** @jest-environment node */
import { createChecker, locate, type Finding, type WorkbookGrid } from '../../src/core';
import { BUILTIN_TEMPLATES, searchTemplates, templateToBuilderRow } from '../../src/core/templates';
import { createBuilderSession, type BuilderSession, type BuilderState } from '../../src/ui/builder/builder-session';
import { createCheckSession, portReportingWrites, type CheckSession } from '../../src/ui/check-session';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/workbook/memory-workbook';
import { marksOf } from '../../src/workbook/port';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { realFixture, realGrid } from '../fixtures/real/load';

// What 指标编辑 writes (替换, a template inserted then written, its 撤销) is re-checked through the written cells, as
// a fix is, not by reading the whole sheet again (issue 17 item 1): one read per written run, the findings and marks
// of a full check. A block rewrite (rows inserted or deleted) still reads its sheet.

const canonical = (findings: readonly Finding[] | null) =>
  [...(findings ?? [])].map((f) => JSON.stringify([f.location.sheet, f.location.cell, f.rule, f.severity, f.key, f.table ?? null, f.fix ?? null])).sort();

function fullCheck(port: MemoryWorkbook) {
  const { findings } = createChecker().checkWorkbook(port.grid());
  return { findings: canonical(findings), marks: [...marksOf(findings)].sort() };
}

const checker = createChecker();

/** A checked pane and its builder on the same port, as App wires them; the reads counted from here on. */
async function paneWithBuilder(grid: WorkbookGrid) {
  const port = createMemoryWorkbook(grid);
  const session = createCheckSession(port, checker, 'zh-CN');
  session.start();
  await session.check();
  const builder = createBuilderSession(portReportingWrites(port, (result, rowsMoved) => session.wrote(result, rowsMoved)), checker, 'zh-CN');
  builder.start();
  return { port, session, builder };
}

function countReads(port: MemoryWorkbook) {
  return { workbook: jest.spyOn(port, 'readWorkbook'), sheet: jest.spyOn(port, 'readSheet'), area: jest.spyOn(port, 'readAreas') };
}

/** Lets timers and the port's promises run until `holds` (the re-check waits RECHECK_DELAY_MS after a write). */
async function until(holds: () => boolean): Promise<void> {
  for (let turn = 0; turn < 400 && !holds(); turn++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(holds()).toBe(true);
}

async function loaded(port: MemoryWorkbook, builder: BuilderSession, sheet: string, cell: string): Promise<BuilderState> {
  port.select({ sheet, cell });
  await until(() => builder.getState().loaded !== null && !builder.getState().reading);
  return builder.getState();
}

const errorCells = (session: CheckSession) => (session.getState().findings ?? []).filter((f) => f.severity === 'error').map((f) => f.location.cell);

afterEach(() => jest.restoreAllMocks());

describe('指标编辑 writes are re-checked through the written cells', () => {
  it('替换 with a 效益 template inserted: G12 read back alone, the error gone, findings and marks those of a full check', async () => {
    const { port, session, builder } = await paneWithBuilder({ sheets: [SEED_SHEET] });
    expect(errorCells(session)).toEqual(['G12']);
    await loaded(port, builder, SEED_SHEET.name, 'G12');
    const [template] = searchTemplates(BUILTIN_TEMPLATES, { keyword: '社会效益' });
    if (!template) throw new Error('the library has 社会效益 templates');
    builder.insertRows([templateToBuilderRow(template)]);
    const reads = countReads(port);
    await builder.write('replace');
    await until(() => errorCells(session).length === 0);
    expect(reads.workbook).not.toHaveBeenCalled();
    expect(reads.sheet).not.toHaveBeenCalled();
    expect(reads.area).toHaveBeenCalledTimes(1);
    expect(reads.area).toHaveBeenCalledWith(SEED_SHEET.name, ['G12'], { background: true });
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    expect([...port.marks()].sort()).toEqual(fullCheck(port).marks);

    // 撤销 in the builder puts the error back, re-checked the same way.
    await builder.undo();
    await until(() => errorCells(session).length === 1);
    expect(reads.workbook).not.toHaveBeenCalled();
    expect(reads.sheet).not.toHaveBeenCalled();
    expect(reads.area).toHaveBeenCalledTimes(2);
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    expect([...port.marks()].sort()).toEqual(fullCheck(port).marks);
    session.dispose();
    builder.dispose();
  });

  it('a write the builder makes on a port without the session (portReportingWrites alone) reads back only its cell', async () => {
    const port = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const session = createCheckSession(port, checker, 'zh-CN');
    session.start();
    await session.check();
    const reads = countReads(port);
    const builderPort = portReportingWrites(port, (result, rowsMoved) => session.wrote(result, rowsMoved));
    const raw = SEED_SHEET.values[11]?.[6] ?? null;
    const effect = '3、2-效益指标；22-社会效益；群众对信访工作的认同度；实施周期指标值:≥90%；年度指标值:≥90%。';
    await builderPort.writeCells([{ location: locate(SEED_SHEET.name, 11, 6), expected: raw, value: `${String(raw)}${effect}` }]);
    await until(() => errorCells(session).length === 0);
    expect(reads.sheet).not.toHaveBeenCalled();
    expect(reads.area).toHaveBeenCalledTimes(1);
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    session.dispose();
  });

  it('a block rewrite (a row inserted into a table with a row per indicator) reads its sheet again', async () => {
    const fixture = realFixture('l2-sichuan-jianyan-mata-2023');
    const { port, session, builder } = await paneWithBuilder(realGrid(fixture));
    const [sheet] = port.grid().sheets;
    if (!sheet) throw new Error('the fixture has a sheet');
    const state = await loaded(port, builder, sheet.name, 'G6');
    expect(state.loaded?.target.kind).toBe('block');
    const [template] = searchTemplates(BUILTIN_TEMPLATES, { keyword: '经济成本' });
    if (!template) throw new Error('the library has 经济成本 templates');
    builder.insertRows([templateToBuilderRow(template)]);
    const before = session.getState().findings;
    const reads = countReads(port);
    await builder.write('replace');
    expect(builder.getState().notice?.intent).toBe('success');
    await until(() => session.getState().findings !== before);
    expect(reads.sheet).toHaveBeenCalledTimes(1);
    expect(reads.workbook).not.toHaveBeenCalled();
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    session.dispose();
    builder.dispose();
  });
});

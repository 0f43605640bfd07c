// Request sizes measured with Office.js's own request builder (excel-web-16.00.debug.js under jsdom), not the
// double: Excel on the web refuses a request over 5 MB, and the adapter keeps each under MAX_PAYLOAD_BYTES.
import { createChecker, locate, type Finding, type WorkbookGrid } from '../../src/core';
import { BYTES_PER_MARK, createOfficeWorkbook, MAX_PAYLOAD_BYTES } from '../../src/workbook/office-workbook';
import { generateTable } from '../../bench/generate';
import { ExcelDouble } from './excel-double';
import { createRealOfficeJs } from './real-office-js';

const table = generateTable(10_000);

function realPort(values = table.values) {
  const real = createRealOfficeJs([{ name: table.name, id: '{S1}', values }]);
  return { real, port: createOfficeWorkbook({ excelRun: real.excelRun, office: real.office }) };
}

describe('at 10,000 projects, through the real request builder', () => {
  let grid: WorkbookGrid;
  let read: { requestBytes: number; responseBytes: number }[];

  beforeAll(async () => {
    const { real, port } = realPort();
    grid = await port.readWorkbook();
    read = [...real.requests];
  });

  test('reading sends every request and gets every response under 4 MB, and reads every row', () => {
    expect(grid.sheets[0]?.values).toHaveLength(table.values.length);
    expect(Math.max(...read.map((r) => r.requestBytes))).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(Math.max(...read.map((r) => r.responseBytes))).toBeLessThan(MAX_PAYLOAD_BYTES);
    // Two syncs for the sheets and their used ranges, then one per chunk of values.
    expect(read.length).toBeLessThanOrEqual(6);
  });

  test('marking all its findings sends no request over 4 MB', async () => {
    const findings = createChecker().checkWorkbook(grid).findings;
    expect(findings.length).toBeGreaterThan(15_000);
    const { real, port } = realPort();
    await port.markFindings(findings);
    const largest = Math.max(...real.requests.map((r) => r.requestBytes));
    expect(largest).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(largest).toBeGreaterThan(MAX_PAYLOAD_BYTES / 2);
  });
});

const rows = (n: number) => Array.from({ length: n }, (_, i) => [`项目${i}`, i, '完成']);
const spread = (n: number) => Array.from({ length: n }, (_, i) => locate(table.name, 2 * i + 1, 1));
const marks = (n: number): Finding[] => spread(n).map((location, i) => ({ key: `k${i}`, rule: 'goal.missing', severity: 'error', params: {}, location }));
const writes = (n: number) => spread(n).map((location) => ({ location, expected: location.row, value: 12345.5 }));

type Operation = (port: ReturnType<typeof createOfficeWorkbook>, n: number) => Promise<unknown>;
const marking: Operation = (port, n) => port.markFindings(marks(n));
const writing: Operation = (port, n) => port.writeCells(writes(n));

/** Bytes of the last request of `operation` on n cells, with the real builder and with the double. */
async function lastRequest(operation: Operation, n: number): Promise<{ real: number; double: number }> {
  const { real, port } = realPort(rows(2 * n + 4));
  await port.readWorkbook();
  await operation(port, n);
  const excel = new ExcelDouble();
  excel.addSheet(table.name, rows(2 * n + 4));
  const onDouble = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
  await onDouble.readWorkbook();
  await operation(onDouble, n);
  return { real: real.requests[real.requests.length - 1]?.requestBytes ?? 0, double: excel.syncs[excel.syncs.length - 1]?.requestBytes ?? 0 };
}

/** What one more cell adds to the request: the difference between 400 cells and 200. */
async function perCell(operation: Operation): Promise<{ real: number; double: number }> {
  const small = await lastRequest(operation, 200);
  const large = await lastRequest(operation, 400);
  return { real: (large.real - small.real) / 200, double: (large.double - small.double) / 200 };
}

test.each([
  ['a mark', marking],
  ['a value write', writing],
])("the double counts %s's request bytes within 10% of the real builder", async (_, operation) => {
  const bytes = await perCell(operation);
  expect(Math.abs(bytes.double - bytes.real) / bytes.real).toBeLessThan(0.1);
});

test("the adapter's budget per mark covers a mark as the real builder makes it, with headroom", async () => {
  const bytes = await perCell(marking);
  expect(bytes.real).toBeGreaterThan(1_400);
  expect(BYTES_PER_MARK).toBeGreaterThan(bytes.real * 1.2);
});

import { EXCEL_API_VERSIONS, excelApiSupport, officeSetSupportQuery } from '../../src/taskpane/requirements';

describe('excelApiSupport', () => {
  it('asks about ExcelApi 1.1 to 1.20 in order and keeps each answer', () => {
    const asked: string[] = [];
    const result = excelApiSupport((name, version) => {
      asked.push(`${name} ${version}`);
      return Number(version.split('.')[1]) <= 12;
    });
    expect(EXCEL_API_VERSIONS).toHaveLength(20);
    expect(asked[0]).toBe('ExcelApi 1.1');
    expect(asked[19]).toBe('ExcelApi 1.20');
    expect(result.filter((s) => s.supported).map((s) => s.version)).toEqual(EXCEL_API_VERSIONS.slice(0, 12));
    expect(result.find((s) => s.version === '1.13')?.supported).toBe(false);
  });
});

describe('officeSetSupportQuery', () => {
  const globals = globalThis as { Office?: unknown };
  afterEach(() => {
    delete globals.Office;
  });

  it('reports nothing supported outside Office', () => {
    expect(officeSetSupportQuery()('ExcelApi', '1.1')).toBe(false);
  });

  it('forwards to Office.context.requirements.isSetSupported inside Office', () => {
    const isSetSupported = jest.fn((_name: string, version?: string) => version === '1.1');
    globals.Office = { context: { requirements: { isSetSupported } } };
    const query = officeSetSupportQuery();
    expect(query('ExcelApi', '1.1')).toBe(true);
    expect(query('ExcelApi', '1.2')).toBe(false);
    expect(isSetSupported).toHaveBeenCalledWith('ExcelApi', '1.2');
  });
});

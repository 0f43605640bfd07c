import { readFileSync } from 'fs';
import path from 'path';
import iconv from 'iconv-lite';
import { decodeCsvBytes, parseCsv, readCsvGrid } from '../../src/workbook/csv-grid';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '..', 'fixtures', name));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('reads the seed in UTF-8, UTF-8 with BOM and GBK to the same text', () => {
    const plain = decodeCsvBytes(fixture('seed.csv'));
    const bom = decodeCsvBytes(fixture('seed-bom.csv'));
    const gbk = decodeCsvBytes(fixture('seed-gbk.csv'));
    expect([plain.encoding, bom.encoding, gbk.encoding]).toEqual(['utf-8', 'utf-8-bom', 'gbk']);
    expect(plain.text.startsWith('项目支出绩效目标表（含转移支付项目）')).toBe(true);
    expect(bom.text).toBe(plain.text);
    expect(gbk.text).toBe(plain.text);
  });

  it('decodes GBK punctuation the tables use', () => {
    const text = '实施周期指标值：≤5％，“六源治理”';
    expect(decodeCsvBytes(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gbk' });
  });

  it('decodes UTF-16 with a byte order mark, little and big endian', () => {
    const text = '项目名称,总计\r\n𠮷野家,1\r\n';
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeCsvBytes(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeCsvBytes(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('treats empty and ASCII-only input as UTF-8', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeCsvBytes(utf8('a,1'))).toEqual({ text: 'a,1', encoding: 'utf-8' });
  });
});

describe('parseCsv', () => {
  it('splits records on CRLF, LF and CR without a trailing empty record', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"1、产出,指标","他说""好""","第一行\r\n第二行"\n')).toEqual([
      ['1、产出,指标', '他说"好"', '第一行\r\n第二行'],
    ]);
  });

  it('keeps empty fields, blank lines in the middle and leading spaces', () => {
    expect(parseCsv(',,\n\n    物业管理费, x ')).toEqual([['', '', ''], [''], ['    物业管理费', ' x ']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('""')).toEqual([['']]);
  });
});

describe('readCsvGrid', () => {
  it('reads the seed as one sheet at A1 with plain numbers as numbers', () => {
    const { sheets } = readCsvGrid(fixture('seed.csv'), '项目支出绩效目标表-广州市信访局');
    expect(sheets).toHaveLength(1);
    const sheet = sheets[0]!;
    expect([sheet.name, sheet.originRow, sheet.originCol]).toEqual(['项目支出绩效目标表-广州市信访局', 0, 0]);
    expect(sheet.values).toHaveLength(14);
    expect(sheet.values[3]).toEqual(['合计', 700.36, 700.36, null, null, null, null]);
    expect(sheet.values[5]?.slice(0, 3)).toEqual(['    物业管理费', 99, 99]);
  });

  it('converts only plain decimal numbers, like Excel opening a CSV', () => {
    const { sheets } = readCsvGrid(utf8('-1.50,007,1e3,1,000,99.,+3,"12",  5\nx'), 's');
    expect(sheets[0]?.values).toEqual([
      [-1.5, 7, '1e3', 1, 0, '99.', '+3', 12, '  5'],
      ['x', null, null, null, null, null, null, null, null],
    ]);
  });

  it('pads rows to the widest one, unless that would make millions of cells', () => {
    expect(readCsvGrid(utf8('a\nb,c,d'), 's').sheets[0]?.values).toEqual([['a', null, null], ['b', 'c', 'd']]);
    const wide = `${','.repeat(16_383)}x\n${'y\n'.repeat(300)}`;
    const values = readCsvGrid(utf8(wide), 's').sheets[0]?.values ?? [];
    expect(values.map((row) => row.length)).toEqual([16_384, ...new Array<number>(300).fill(1)]);
  });

  it('gives the same grid for every encoding of the seed', () => {
    const plain = readCsvGrid(fixture('seed.csv'), 's');
    expect(readCsvGrid(fixture('seed-bom.csv'), 's')).toEqual(plain);
    expect(readCsvGrid(fixture('seed-gbk.csv'), 's')).toEqual(plain);
  });
});

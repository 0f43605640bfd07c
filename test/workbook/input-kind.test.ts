import { readFileSync } from 'fs';
import path from 'path';
import { sniffSpreadsheet } from '../../src/workbook/input-kind';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '..', 'fixtures', name));
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function cfbWith(streamName: string): Uint8Array {
  const name = Array.from(streamName).flatMap((ch) => [ch.charCodeAt(0), 0]);
  return Uint8Array.from([...CFB_MAGIC, ...new Array<number>(504).fill(0), ...name, 0, 0]);
}

describe('sniffSpreadsheet', () => {
  it('recognises the fixtures by content', () => {
    expect(sniffSpreadsheet(fixture('seed.xlsx'), 'seed.xlsx')).toBe('xlsx');
    expect(sniffSpreadsheet(fixture('errors.xlsx'), 'errors.xlsx')).toBe('xlsx');
    expect(sniffSpreadsheet(fixture('password.xlsx'), 'password.xlsx')).toBe('encrypted-ooxml');
    expect(sniffSpreadsheet(fixture('seed.csv'), 'seed.csv')).toBe('csv');
    expect(sniffSpreadsheet(fixture('seed-gbk.csv'), 'SEED-GBK.CSV')).toBe('csv');
    expect(sniffSpreadsheet(fixture('not-a-spreadsheet.xlsx'), 'not-a-spreadsheet.xlsx')).toBe('unknown');
  });

  it('calls a truncated archive xlsx (reading it is what fails)', () => {
    expect(sniffSpreadsheet(fixture('corrupt.xlsx'), 'corrupt.xlsx')).toBe('xlsx');
  });

  it('trusts content over the extension', () => {
    expect(sniffSpreadsheet(fixture('seed.xlsx'), 'renamed.csv')).toBe('xlsx');
    expect(sniffSpreadsheet(cfbWith('Workbook'), 'old.xlsx')).toBe('legacy-xls');
    expect(sniffSpreadsheet(cfbWith('EncryptionInfo'), 'locked.xls')).toBe('encrypted-ooxml');
  });

  it('does not mistake an ASCII "EncryptionInfo" or a short file for a CFB stream name', () => {
    const ascii = Uint8Array.from([...CFB_MAGIC, ...Array.from('EncryptionInfo', (ch) => ch.charCodeAt(0))]);
    expect(sniffSpreadsheet(ascii, 'x.xls')).toBe('legacy-xls');
    expect(sniffSpreadsheet(Uint8Array.from([0x50, 0x4b, 0x03]), 'x.xlsx')).toBe('unknown');
    expect(sniffSpreadsheet(new Uint8Array(), 'empty.csv')).toBe('csv');
    expect(sniffSpreadsheet(new Uint8Array(), 'empty.txt')).toBe('unknown');
  });
});

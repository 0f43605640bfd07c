import { inflateRawSync } from 'node:zlib';
import { FastXlsxUnsupported } from '../../src/workbook/xlsx-fast/unsupported';
import { readXlsxFast } from '../../src/workbook/xlsx-fast/read';
import { readZip } from '../../src/workbook/xlsx-fast/zip';
import { decodeXml } from '../../src/workbook/xlsx-fast/xml-scan';
import { readXlsxFile } from '../../src/workbook/xlsx-grid';
import { expectSameAsExcelJs } from './xlsx-fast-compare';
import { makeXlsx, makeZip, type TestSheet } from './xlsx-fast-zip';

/** The fast reader reads it itself (no refusal), exactly as ExcelJS does; its first sheet. */
async function readBoth(sheets: readonly TestSheet[], extra?: Parameters<typeof makeXlsx>[1]) {
  const bytes = makeXlsx(sheets, extra);
  expect(await expectSameAsExcelJs(bytes)).toBeNull();
  const read = readXlsxFast(bytes, inflateRawSync);
  if (!read) throw new Error('refused');
  return read;
}

const sheet = (body: string, name = 'Sheet1'): TestSheet => ({ name, body });
const data = (rows: string) => `<sheetData>${rows}</sheetData>`;

describe('zip reader', () => {
  test('reads stored and deflated entries, and entries with data descriptors', () => {
    const zip = readZip(
      makeZip([
        { name: 'a.txt', data: 'stored 中文', stored: true },
        { name: 'b.txt', data: 'deflated '.repeat(100) },
        { name: 'c.txt', data: 'described', descriptor: true },
      ]),
      inflateRawSync,
    );
    const text = (name: string) => new TextDecoder().decode(zip.bytes(zip.entries.get(name) as never));
    expect([text('a.txt'), text('b.txt'), text('c.txt')]).toEqual(['stored 中文', 'deflated '.repeat(100), 'described']);
  });

  test('a whole workbook with stored parts or data descriptors reads as ExcelJS reads it', async () => {
    for (const zip of [{ stored: true }, { descriptor: true }]) {
      const read = await readBoth([sheet(data('<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c></row>'))], { zip });
      expect(read.workbook.sheets[0]?.values).toEqual([['项目']]);
    }
  });

  test('refuses zip64, a truncated archive and an entry that does not inflate: ExcelJS decides', () => {
    expect(() => readZip(makeZip([{ name: 'a', data: 'x' }], { zip64Marker: true }), inflateRawSync)).toThrow(/zip64/);
    const whole = makeXlsx([sheet(data(''))]);
    expect(readXlsxFast(whole.subarray(0, whole.length - 10), inflateRawSync)).toBeNull();
    const broken = readZip(makeZip([{ name: 'a', data: 'some text' }]), () => {
      throw new Error('bad deflate');
    });
    expect(() => broken.bytes(broken.entries.get('a') as never)).toThrow(FastXlsxUnsupported);
  });
});

describe('XML text', () => {
  test('decodes the five entities and character references', () => {
    expect(decodeXml('a&amp;b &lt;&gt; &quot;&apos; &#x4E2D;&#25991; &#x1F600;')).toBe('a&b <> "\' 中文 😀');
  });

  test('an unknown entity, a bare & or a forbidden character reference is left to ExcelJS', () => {
    for (const text of ['&nbsp;', 'a & b', '&#0;', '&#xFFFE;']) expect(() => decodeXml(text)).toThrow(FastXlsxUnsupported);
  });

  test('entities in cells, sheet names and shared strings, and text kept as written (xml:space)', async () => {
    const read = await readBoth(
      [sheet(data('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><v>x&amp;amp;y</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">  a&lt;b  </t></is></c></row>'), 'R&amp;D')],
      { sharedStrings: '<si><t>收入&amp;支出</t></si>' },
    );
    // ExcelJS decodes "str" cells and sheet names a second time (utils.xmlDecode): so does the fast reader.
    expect(read.workbook.sheets[0]).toMatchObject({ name: 'R&D', values: [['收入&支出', 'x&y', '  a<b  ']] });
  });
});

describe('cells', () => {
  test('shared strings with rich text runs, phonetic runs and _x000D_ escapes', async () => {
    const read = await readBoth([sheet(data('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'))], {
      sharedStrings:
        '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>产出</t></r><r><t xml:space="preserve">指标 </t></r></si><si><t>一_x000D_二</t><rPh sb="0" eb="1"><t>いち</t></rPh><phoneticPr fontId="1"/></si><si><t></t></si><si/>',
    });
    expect(read.workbook.sheets[0]?.values).toEqual([['产出指标 ', '一\r二']]);
  });

  test('inline strings, plain and rich', async () => {
    const read = await readBoth([sheet(data('<row r="2"><c r="B2" t="inlineStr"><is><t>plain</t></is></c><c r="C2" t="inlineStr"><is><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r></is></c></row>'))]);
    expect(read.workbook.sheets[0]).toMatchObject({ originRow: 1, originCol: 1, values: [['plain', 'rich']] });
  });

  test('booleans, errors, numbers and formulas with cached values (a cached 0 reads empty, as in ExcelJS)', async () => {
    const read = await readBoth([
      sheet(
        data(
          '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1"><v>1.5E3</v></c><c r="E1"><v>-0.25</v></c></row>' +
            '<row r="2"><c r="A2"><f>D1*2</f><v>3000</v></c><c r="B2"><f>D1-D1</f><v>0</v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E2" t="b"><f>TRUE()</f><v>1</v></c></row>',
        ),
      ),
    ]);
    const grid = read.workbook.sheets[0];
    expect(grid?.values).toEqual([
      [true, false, '#N/A', 1500, -0.25],
      [3000, null, 'ab', '#DIV/0!', true],
    ]);
    expect([...(grid?.formulas ?? [])]).toEqual([['A2', '=D1*2'], ['B2', '=D1-D1'], ['C2', '="a"&"b"'], ['D2', '=1/0'], ['E2', '=TRUE()']]);
  });

  test('shared formulas are translated to each cell from their master, as ExcelJS does', async () => {
    const read = await readBoth([
      sheet(
        data(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A$1:A1)</f><v>4</v></c></row>' +
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>7</v></c></row>' +
            '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>13</v></c></row>',
        ),
      ),
    ]);
    expect([...(read.workbook.sheets[0]?.formulas ?? [])]).toEqual([
      ['B1', '=A1*2+$A$1+SUM(A$1:A1)'],
      ['B2', '=A2*2+$A$1+SUM(A$1:A2)'],
      ['B3', '=A3*2+$A$1+SUM(A$1:A3)'],
    ]);
  });

  test('dates in date formats (built-in and custom), percentages stay numbers, and the 1904 date system', async () => {
    const rows = data('<row r="1"><c r="A1" s="1"><v>45322</v></c><c r="B1" s="2"><v>45322.5</v></c><c r="C1" s="3"><v>0.35</v></c><c r="D1" s="2"><f>A1</f><v>45322</v></c></row>');
    const read = await readBoth([sheet(rows)]);
    expect(read.workbook.sheets[0]?.values).toEqual([['2024-01-31', '2024-01-31T12:00:00', 0.35, '2024-01-31']]);
    const read1904 = await readBoth([sheet(rows)], { workbookPr: '<workbookPr date1904="1"/>' });
    expect(read1904.workbook.sheets[0]?.values[0]?.[0]).toBe('2028-02-01');
  });

  test('merged areas: reported, and their other cells read empty', async () => {
    const read = await readBoth([sheet(`${data('<row r="1"><c r="A1" t="inlineStr"><is><t>合并</t></is></c><c r="B1" t="inlineStr"><is><t>hidden</t></is></c><c r="C1"><v>3</v></c></row>')}<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`)]);
    expect(read.workbook.sheets[0]).toMatchObject({ values: [['合并', null, 3]], merges: [{ row: 0, col: 0, rowCount: 2, colCount: 2 }] });
  });

  test('a link on a formula cell keeps its result and loses the formula, as in ExcelJS', async () => {
    const read = await readBoth([
      {
        name: 'Links',
        body: `${data('<row r="1"><c r="A1" t="str"><f>"x"</f><v>x</v></c><c r="B1"><f>1+1</f><v>2</v></c></row>')}<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>`,
        rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>',
      },
    ]);
    expect(read.workbook.sheets[0]?.values).toEqual([['x', 2]]);
    expect([...(read.workbook.sheets[0]?.formulas ?? [])]).toEqual([['B1', '=1+1']]);
  });
});

test('cells in shapes the quick pattern does not take (attribute order, whitespace, other attributes) read the same', async () => {
  const read = await readBoth(
    [sheet(data('\n  <row r="1" spans="1:3">\n    <c t="s" r="A1" s="2"> <v>0</v> </c>\n    <c r="B1" s=\'3\' cm="1"><v>0.5</v></c>\n    <c r="C1" s="1"/>\n    <c r="D1"><v>7</v></c>\n  </row>\n'))],
    { sharedStrings: '<si>\n<t>换行前后</t>\n</si>' },
  );
  expect(read.workbook.sheets[0]?.values).toEqual([['换行前后', 0.5, null, 7]]);
});

describe('sheets', () => {
  test('hidden and very hidden sheets are read like any other, the ignore list apart', async () => {
    const read = await readBoth([
      { name: '表一', body: data('<row r="1"><c r="A1"><v>1</v></c></row>') },
      { name: '隐藏', state: 'hidden', body: data('<row r="1"><c r="A1"><v>2</v></c></row>') },
      { name: 'jixiao.ignored', state: 'veryHidden', body: data('<row r="1"><c r="A1" t="inlineStr"><is><t>jixiao.ignored</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>[]</t></is></c></row>') },
    ]);
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(['表一', '隐藏']);
    expect(read.ignored).toEqual({ ok: true, setting: '[]' });
  });

  test('what it does not model is left to ExcelJS: comments, drawings, CDATA, unknown entities, overlapping merges', async () => {
    const cases: [TestSheet, RegExp][] = [
      [{ name: 'S', body: data(''), rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' }, /comments/],
      [sheet(`${data('')}<drawing r:id="rId1"/>`), /drawing/],
      [sheet(data('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>')), /CDATA/],
      [sheet(data('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>')), /entity/],
      [sheet(`${data('')}<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`), /overlapping/],
    ];
    for (const [testSheet, why] of cases) expect(await expectSameAsExcelJs(makeXlsx([testSheet]))).toMatch(why);
  });

  test('a damaged part it does not read but ExcelJS parses (docProps/core.xml) is left to ExcelJS, which refuses the file', async () => {
    const bytes = makeXlsx([sheet(data(''))], { extraParts: [{ name: 'docProps/core.xml', data: '<cp:coreProperties><dc:title>未闭合</cp:coreProperties>' }] });
    await expect(readXlsxFile(bytes)).rejects.toThrow();
    expect(await expectSameAsExcelJs(bytes)).toMatch(/mismatched/);
  });
});

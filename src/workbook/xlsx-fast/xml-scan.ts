import { unsupported } from './unsupported';

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const END = 4;
export type XmlToken = typeof OPEN | typeof CLOSE | typeof TEXT | typeof END;

// Characters XML 1.0 forbids (a strict parser such as ExcelJS's saxes stops on them), and carriage returns,
// which it would normalise to line feeds: both are left to ExcelJS.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\r\uFFFE\uFFFF]/;

/**
 * A pull scanner over one XML part, as strict as ExcelJS's parser where it matters: tags must nest, one root,
 * only the five named entities and character references; comments, CDATA, DOCTYPE and processing instructions
 * (other than the declaration), prefixes it does not expect and the like are Unsupported. A self-closing tag
 * comes as OPEN then CLOSE.
 */
export class XmlScanner {
  /** Name of the tag just read (OPEN or CLOSE). */
  name = '';
  private pos = 0;
  private textStart = 0;
  private textEnd = 0;
  private pendingClose = false;
  private rootSeen = false;
  private readonly stack: string[] = [];
  // Attributes as positions in the text: only those asked for become strings (a sheet has hundreds of thousands).
  private readonly attrs: number[] = [];
  private attrCount = 0;

  constructor(private readonly xml: string) {
    if (FORBIDDEN.test(xml)) unsupported('xml: forbidden character');
    if (xml.startsWith('<?xml')) {
      const end = xml.indexOf('?>');
      if (end < 0) unsupported('xml: declaration');
      this.pos = end + 2;
    }
  }

  get depth(): number {
    return this.stack.length;
  }

  next(): XmlToken {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.name = this.stack.pop() as string;
      return CLOSE;
    }
    const xml = this.xml;
    const pos = this.pos;
    if (pos >= xml.length) {
      if (this.stack.length > 0 || !this.rootSeen) unsupported('xml: unclosed');
      return END;
    }
    if (xml.charCodeAt(pos) !== 60) {
      let lt = xml.indexOf('<', pos);
      if (lt < 0) lt = xml.length;
      this.textStart = pos;
      this.textEnd = lt;
      this.pos = lt;
      if (this.stack.length === 0 && xml.slice(pos, lt).trim() !== '') unsupported('xml: text outside the root');
      return TEXT;
    }
    const second = xml.charCodeAt(pos + 1);
    if (second === 47) return this.closeTag(pos);
    if (second === 33 || second === 63) unsupported('xml: comment, CDATA or processing instruction');
    return this.openTag(pos);
  }

  private closeTag(pos: number): XmlToken {
    const xml = this.xml;
    const name = this.stack.pop();
    const end = pos + 2 + (name?.length ?? 0);
    if (name === undefined || !xml.startsWith(name, pos + 2)) unsupported('xml: mismatched close tag');
    let gt = end;
    while (isSpace(xml.charCodeAt(gt))) gt++;
    if (xml.charCodeAt(gt) !== 62) unsupported('xml: mismatched close tag');
    this.name = name;
    this.pos = gt + 1;
    return CLOSE;
  }

  private openTag(pos: number): XmlToken {
    const xml = this.xml;
    let at = pos + 1;
    while (at < xml.length && !isNameEnd(xml.charCodeAt(at))) at++;
    if (at === pos + 1) unsupported('xml: empty tag name');
    this.name = at === pos + 4 && xml.startsWith('row', pos + 1) ? 'row' : xml.slice(pos + 1, at);
    this.attrCount = 0;
    for (;;) {
      while (at < xml.length && isSpace(xml.charCodeAt(at))) at++;
      const c = xml.charCodeAt(at);
      if (c === 62) {
        at++;
        break;
      }
      if (c === 47 && xml.charCodeAt(at + 1) === 62) {
        at += 2;
        this.pendingClose = true;
        break;
      }
      at = this.attribute(at);
    }
    if (this.stack.length === 0) {
      if (this.rootSeen) unsupported('xml: two roots');
      this.rootSeen = true;
    }
    this.stack.push(this.name);
    this.pos = at;
    return OPEN;
  }

  private attribute(start: number): number {
    const xml = this.xml;
    let nameEnd = start;
    for (let c = xml.charCodeAt(nameEnd); nameEnd < xml.length && c !== 61 && !isSpace(c); c = xml.charCodeAt(++nameEnd)) {
      if (c === 60 || c === 62 || c === 47 || c === 34 || c === 39) unsupported('xml: attribute name');
    }
    let eq = nameEnd;
    while (isSpace(xml.charCodeAt(eq))) eq++;
    if (nameEnd === start || xml.charCodeAt(eq) !== 61) unsupported('xml: attribute without value');
    let q = eq + 1;
    while (isSpace(xml.charCodeAt(q))) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) unsupported('xml: unquoted attribute');
    let close = q + 1;
    for (let c = xml.charCodeAt(close); c !== quote; c = xml.charCodeAt(++close)) {
      // saxes rejects "<" in a value and would normalise tabs and line feeds to spaces.
      if (close >= xml.length || c === 60 || c === 9 || c === 10) unsupported('xml: attribute value');
    }
    const length = nameEnd - start;
    for (let i = 0; i < this.attrCount; i++) {
      const other = this.attrs[i * 4] as number;
      if ((this.attrs[i * 4 + 1] as number) - other === length && sameText(xml, other, start, length)) unsupported('xml: duplicate attribute');
    }
    const base = this.attrCount * 4;
    this.attrs[base] = start;
    this.attrs[base + 1] = nameEnd;
    this.attrs[base + 2] = q + 1;
    this.attrs[base + 3] = close;
    this.attrCount++;
    const after = xml.charCodeAt(close + 1);
    if (!isSpace(after) && after !== 62 && after !== 47) unsupported('xml: attributes not separated');
    return close + 1;
  }

  /** The current open tag's attribute, entities decoded; undefined when it has none. */
  attr(name: string): string | undefined {
    const xml = this.xml;
    for (let i = 0; i < this.attrCount; i++) {
      const start = this.attrs[i * 4] as number;
      if ((this.attrs[i * 4 + 1] as number) - start === name.length && xml.startsWith(name, start)) {
        return decodeXml(xml.slice(this.attrs[i * 4 + 2], this.attrs[i * 4 + 3]));
      }
    }
    return undefined;
  }

  /**
   * A whole element of the commonest shape matched here by a sticky pattern (the native regex engine is what makes
   * a large sheet fast to read in a fresh process), consumed when it matches; null (nothing consumed) otherwise.
   */
  matchHere(sticky: RegExp): RegExpExecArray | null {
    if (this.pendingClose || this.stack.length === 0) return null;
    sticky.lastIndex = this.pos;
    const match = sticky.exec(this.xml);
    if (match) this.pos = sticky.lastIndex;
    return match;
  }

  /** The current text, entities decoded. */
  text(): string {
    return decodeXml(this.xml.slice(this.textStart, this.textEnd));
  }

  /** After an OPEN: reads to its CLOSE; an element named in `forbidden` inside is Unsupported. */
  skip(forbidden?: ReadonlySet<string>): void {
    const depth = this.stack.length;
    for (;;) {
      const token = this.next();
      if (token === OPEN && forbidden?.has(this.name)) unsupported(`xml: ${this.name} inside a skipped element`);
      else if (token === TEXT) this.text();
      else if (token === CLOSE && this.stack.length < depth) return;
    }
  }

  /** After the root's OPEN: each child's OPEN goes to `onChild`, which must read through that child's CLOSE. */
  children(onChild: () => void): void {
    const depth = this.stack.length;
    for (;;) {
      const token = this.next();
      if (token === OPEN) {
        onChild();
        if (this.stack.length !== depth) unsupported('xml: child not read to its end');
      } else if (token === TEXT) {
        if (this.text().trim() !== '') unsupported('xml: unexpected text');
      } else if (token === CLOSE) return;
      else unsupported('xml: unexpected end');
    }
  }
}

/** Reads a part through, only to know that ExcelJS's parser would accept it too (Unsupported otherwise). */
export function checkWellFormed(xml: string): void {
  if (xml.charCodeAt(0) === 0xfeff) unsupported('xml: byte order mark');
  const scan = new XmlScanner(xml);
  for (let token = scan.next(); token !== END; token = scan.next()) if (token === TEXT) scan.text();
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const isNameEnd = (c: number) => isSpace(c) || c === 62 || c === 47;

function sameText(xml: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (xml.charCodeAt(a + i) !== xml.charCodeAt(b + i)) return false;
  return true;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entity and character references decoded as a strict XML parser does; anything else is Unsupported. */
export function decodeXml(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp);
    if (semi < 0) unsupported('xml: bare &');
    out += raw.slice(last, amp) + reference(raw.slice(amp + 1, semi));
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

function reference(ref: string): string {
  const named = Object.hasOwn(NAMED, ref) ? NAMED[ref] : undefined;
  if (named !== undefined) return named;
  const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : -1;
  const isXmlChar = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!isXmlChar) unsupported('xml: entity or character reference');
  return String.fromCodePoint(code);
}

/** ExcelJS's utils.xmlDecode, which it applies a second time to sheet names and "str" cells: kept as it is. */
export function excelJsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** Excel's "_x000D_" escapes, decoded as ExcelJS does for shared strings and rich text runs (upper-case hex only). */
export function decodeExcelEscapes(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

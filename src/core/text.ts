// Control, zero-width, bidi-control, soft-hyphen and BOM characters: invisible in Excel, pasted in from
// web pages and other systems.
export const INVISIBLE_CHARACTERS = '\\u0000-\\u001f\\u007f\\u00ad\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]+`, 'g');

/** The text without its invisible characters (the same string when it has none). */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '');
}

const MAX_QUOTED = 40;

/** Cell text quoted in a message: readable even when a whole pasted page sits in the cell. */
export function clipForMessage(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/** Something the fast reader does not understand: the caller reads the file with ExcelJS instead. */
export class FastXlsxUnsupported extends Error {
  constructor(readonly why: string) {
    super(`fast xlsx reader: ${why}`);
    this.name = 'FastXlsxUnsupported';
  }
}

export function unsupported(why: string): never {
  throw new FastXlsxUnsupported(why);
}

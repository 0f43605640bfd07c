import type { Finding, Severity } from '../core';
import { marksOf, type MarkOptions } from './port';

/** The memory workbook's marks: "Sheet!A1" → worst severity of the findings there. */
export function createMemoryMarks() {
  let markMap = new Map<string, Severity>();

  return {
    mark(findings: readonly Finding[], options: MarkOptions): void {
      const only = options.sheets;
      if (only) {
        const within = new Set(only);
        const sheetOf = (key: string) => key.slice(0, key.lastIndexOf('!'));
        const others = [...markMap].filter(([key]) => !within.has(sheetOf(key)));
        markMap = new Map([...others, ...marksOf(findings.filter((f) => within.has(f.location.sheet)))]);
        return;
      }
      markMap = marksOf(findings);
    },

    clear(): void {
      markMap.clear();
    },

    marks: (): ReadonlyMap<string, Severity> => new Map(markMap),
  };
}

import type { Profile } from './profile';
import { GUANGZHOU_PROFILE, NATIONAL_PROFILE } from './profile';
import type { PerformanceTable } from './table-model';

/**
 * The profile a workbook's own tables call for, when the user has not chosen one: Guangzhou's when its
 * one-cell tables write their indicators in Guangzhou's coded string (1、1-产出指标；12-质量指标；…),
 * else the national one. Profiles chosen this way read tables alike (same taxonomy), so the tables read
 * to decide are the tables checked.
 */

// An item's start in the coded string: its number, a coded first level, then a coded second level.
const CODED_ITEM = /^\s*\d+\s*[、.．]\s*\d\s*-\s*[^；;]{1,20}[；;]\s*\d{2}\s*-/;
// Enough projects to tell a table's habit; a check of 100,000 projects looks at no more.
const SAMPLE = 50;

/** Why a profile applies: chosen by the user, recognised from the tables, or national for want of either. */
export type ProfileReason = 'chosen' | 'coded-string' | 'national';

export interface ProfileUse {
  readonly profile: Profile;
  readonly reason: ProfileReason;
}

export function detectProfile(tables: readonly PerformanceTable[]): ProfileUse {
  let looked = 0;
  let coded = 0;
  for (const table of tables) {
    if (table.layout !== 'one-cell') continue;
    for (const row of table.rows) {
      if (row.kind !== 'project' || !row.indicators || row.indicators.text.trim() === '') continue;
      looked++;
      if (CODED_ITEM.test(row.indicators.text)) coded++;
      if (looked >= SAMPLE) break;
    }
    if (looked >= SAMPLE) break;
  }
  return looked > 0 && coded * 2 >= looked ? { profile: GUANGZHOU_PROFILE, reason: 'coded-string' } : { profile: NATIONAL_PROFILE, reason: 'national' };
}

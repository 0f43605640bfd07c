import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArrowSwap20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { CATALOGS, type LayoutKind, type Locale, type TableSummary } from '../core';
import type { TargetLayout } from '../core/writers/convert';
import type { UiStrings } from './i18n';
import { ActionDialog } from './ActionDialog';

/** The layouts a project table can be written as (the same list as `jixiao convert --to`). */
const TARGETS: readonly TargetLayout[] = ['one-cell', 'row-per-indicator'];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  targets: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalS },
});

export interface TablesReadProps {
  readonly tables: readonly TableSummary[];
  readonly strings: UiStrings;
  readonly locale: Locale;
  readonly busy: boolean;
  readonly onConvert: (table: TableSummary, to: TargetLayout) => void;
}

/** How each table was read (its place, layout and projects), each project table with 转换格式. */
export function TablesRead({ tables, strings, locale, busy, onConvert }: TablesReadProps) {
  const styles = useStyles();
  const [converting, setConverting] = useState<TableSummary | null>(null);
  const restoreFocus = useRestoreFocusTarget();
  const layoutName = (layout: LayoutKind) => CATALOGS[locale].layout[layout];
  const where = (t: TableSummary) => `${t.sheet}!${t.cell}`;
  return (
    <section className={styles.section} aria-label={strings.tablesRead(tables.length)}>
      <Caption1>{strings.tablesRead(tables.length)}</Caption1>
      <ul className={styles.list}>
        {tables.map((t) => (
          <li key={where(t)} className={styles.line}>
            <Caption1>{strings.tableRead(where(t), layoutName(t.layout), t.projects)}</Caption1>
            {t.layout !== 'department' && (
              <Button size="small" appearance="subtle" icon={<ArrowSwap20Regular />} disabled={busy} aria-label={`${strings.convertTo} ${where(t)}`} onClick={() => setConverting(t)} {...restoreFocus}>
                {strings.convertTo}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ActionDialog
        open={converting !== null}
        title={converting && strings.convertTitle(where(converting))}
        closeLabel={strings.cancel}
        onClose={() => setConverting(null)}
        contentClassName={styles.content}
      >
        {converting && <Body1>{strings.convertExplain(layoutName(converting.layout))}</Body1>}
        <div className={styles.targets}>
          {converting &&
            TARGETS.filter((to) => to !== converting.layout).map((to) => (
              <Button
                key={to}
                appearance="primary"
                onClick={() => {
                  setConverting(null);
                  onConvert(converting, to);
                }}
              >
                {strings.convertToLayout(layoutName(to))}
              </Button>
            ))}
        </div>
      </ActionDialog>
    </section>
  );
}

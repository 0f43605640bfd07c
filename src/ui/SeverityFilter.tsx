import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';
import { SEVERITIES, type Severity } from '../core';
import type { SeverityCounts } from './finding-view';
import type { UiStrings } from './i18n';

/** What the list shows: every severity, or one alone. */
export type SeverityView = 'all' | Severity;

const VIEWS: readonly SeverityView[] = ['all', ...SEVERITIES];

const useStyles = makeStyles({
  // One segmented control: the chosen option filled, the others outlined, so on and off never look alike.
  group: { display: 'inline-flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export interface SeverityFilterProps {
  readonly view: SeverityView;
  readonly counts: SeverityCounts;
  readonly strings: UiStrings;
  onChange(view: SeverityView): void;
}

export function showsSeverity(view: SeverityView, severity: Severity): boolean {
  return view === 'all' || view === severity;
}

/**
 * A radio group that reads as a filter: 全部 21 · 只看错误 1 · 只看警告 10 · 只看提示 10. Choosing an option shows
 * exactly what it names; nothing the user did not ask to hide is hidden. Arrow keys move between options.
 */
export function SeverityFilter({ view, counts, strings, onChange }: SeverityFilterProps) {
  const styles = useStyles();
  const buttons = useRef<(HTMLElement | null)[]>([]);
  const total = counts.error + counts.warning + counts.info;
  const label = (option: SeverityView) => (option === 'all' ? `${strings.filterAll} ${total}` : `${strings.severityOnly[option]} ${counts[option]}`);

  function onKeyDown(event: KeyboardEvent<HTMLElement>, index: number) {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + VIEWS.length) % VIEWS.length;
    const option = VIEWS[next];
    if (option === undefined) return;
    onChange(option);
    buttons.current[next]?.focus();
  }

  return (
    <div className={styles.group} role="radiogroup" aria-label={strings.severityFilter}>
      {VIEWS.map((option, index) => {
        const checked = option === view;
        return (
          <Button
            key={option}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            size="small"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            appearance={checked ? 'primary' : 'outline'}
            onClick={() => onChange(option)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {label(option)}
          </Button>
        );
      })}
    </div>
  );
}

import {
  Button,
  Caption1Strong,
  Combobox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, Copy20Regular, Delete20Regular } from '@fluentui/react-icons';
import { memo, useId } from 'react';
import { COMPARATORS, type Comparator, type Severity, type Taxonomy, type ValueSlots } from '../../core';
import type { BuilderField, BuilderMessage, BuilderRow, BuilderValue } from '../../core/builder';
import { QUALITATIVE_OPTIONS, UNIT_OPTIONS, type BuilderStrings } from './strings';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  levels: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
  value: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  valueParts: { display: 'grid', gridTemplateColumns: 'minmax(84px, 1fr) minmax(72px, 1fr) minmax(96px, 1.2fr)', gap: tokens.spacingHorizontalXS },
  qualitativeParts: { display: 'grid', gridTemplateColumns: 'minmax(84px, 1fr) minmax(150px, 2.2fr)', gap: tokens.spacingHorizontalXS },
  control: { minWidth: 0, width: '100%' },
});

type ComparatorKey = 'none' | Comparator | 'qualitative';
const COMPARATOR_KEYS: readonly ComparatorKey[] = ['none', ...COMPARATORS, 'qualitative'];

function comparatorKeyOf(value: BuilderValue): ComparatorKey {
  if (value.kind === 'qualitative') return 'qualitative';
  return value.comparator ?? 'none';
}

/** Fluent Field props for the messages of one field: the worst severity decides the state. */
export function validationProps(messages: readonly BuilderMessage[]): { validationState: 'error' | 'warning' | 'none'; validationMessage?: string } {
  if (messages.length === 0) return { validationState: 'none' };
  const worst: Severity = messages.some((m) => m.severity === 'error') ? 'error' : messages.some((m) => m.severity === 'warning') ? 'warning' : 'info';
  return { validationState: worst === 'info' ? 'none' : worst, validationMessage: messages.map((m) => m.message).join(' ') };
}

export interface BuilderRowEditorProps {
  readonly row: BuilderRow;
  readonly index: number;
  readonly count: number;
  readonly taxonomy: Taxonomy;
  readonly strings: BuilderStrings;
  /** This row's messages (all fields). */
  readonly messages: readonly BuilderMessage[];
  /** The values the table asks of an indicator (default both). */
  readonly slots?: ValueSlots;
  readonly onChange: (row: BuilderRow) => void;
  readonly onMove: (id: string, delta: -1 | 1) => void;
  readonly onDuplicate: (id: string) => void;
  readonly onDelete: (id: string) => void;
}

const messageKey = (messages: readonly BuilderMessage[]) => messages.map((m) => `${m.field}|${m.severity}|${m.message}`).join('\n');

/** One indicator: its two levels, name and the two values, with the row's actions. Re-renders only when its own props change. */
export const BuilderRowEditor = memo(RowEditor, (a, b) =>
  a.row === b.row && a.index === b.index && a.count === b.count && a.taxonomy === b.taxonomy && a.strings === b.strings && a.slots === b.slots &&
  a.onChange === b.onChange && a.onMove === b.onMove && a.onDuplicate === b.onDuplicate && a.onDelete === b.onDelete &&
  messageKey(a.messages) === messageKey(b.messages));

function RowEditor({ row, index, count, taxonomy, strings, messages, slots = 'both', onChange, onMove, onDuplicate, onDelete }: BuilderRowEditorProps) {
  const styles = useStyles();
  const n = index + 1;
  const messagesOf = (field: BuilderField) => messages.filter((m) => m.field === field);
  const titleId = useId();
  const level1 = taxonomy.level1ByCode(row.level1);
  const level2 = taxonomy.level2ByCode(row.level2);
  const level2Options = row.level1 === '' ? taxonomy.level2 : taxonomy.level2Under(row.level1);
  const labelOf = (code: string, entry: { readonly label: string } | undefined) => (code === '' ? '' : (entry?.label ?? code));

  const setLevel1 = (code: string) => {
    const keep = taxonomy.level2ByCode(row.level2)?.parent === code;
    onChange({ ...row, level1: code, level2: keep ? row.level2 : '' });
  };
  const setLevel2 = (code: string) => {
    const parent = taxonomy.level2ByCode(code)?.parent ?? row.level1;
    onChange({ ...row, level1: parent, level2: code });
  };

  return (
    <section className={styles.row} role="group" aria-labelledby={titleId}>
      <div className={styles.header}>
        <Caption1Strong id={titleId} className={styles.grow}>
          {strings.rowTitle(n)}
        </Caption1Strong>
        <Tooltip content={strings.moveUp(n)} relationship="inaccessible">
          <Button aria-label={strings.moveUp(n)} appearance="subtle" size="small" icon={<ArrowUp20Regular />} disabled={index === 0} onClick={() => onMove(row.id, -1)} />
        </Tooltip>
        <Tooltip content={strings.moveDown(n)} relationship="inaccessible">
          <Button aria-label={strings.moveDown(n)} appearance="subtle" size="small" icon={<ArrowDown20Regular />} disabled={index === count - 1} onClick={() => onMove(row.id, 1)} />
        </Tooltip>
        <Tooltip content={strings.duplicateRow(n)} relationship="inaccessible">
          <Button aria-label={strings.duplicateRow(n)} appearance="subtle" size="small" icon={<Copy20Regular />} onClick={() => onDuplicate(row.id)} />
        </Tooltip>
        <Tooltip content={strings.deleteRow(n)} relationship="inaccessible">
          <Button aria-label={strings.deleteRow(n)} appearance="subtle" size="small" icon={<Delete20Regular />} onClick={() => onDelete(row.id)} />
        </Tooltip>
      </div>
      <div className={styles.levels}>
        <Field label={strings.level1} {...validationProps(messagesOf('level1'))}>
          <Dropdown
            className={styles.control}
            placeholder={strings.chooseLevel1}
            value={labelOf(row.level1, level1)}
            selectedOptions={row.level1 === '' ? [] : [row.level1]}
            onOptionSelect={(_, data) => data.optionValue !== undefined && setLevel1(data.optionValue)}
          >
            {taxonomy.level1.map((e) => (
              <Option key={e.code} value={e.code}>{e.label}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={strings.level2} {...validationProps(messagesOf('level2'))}>
          <Dropdown
            className={styles.control}
            placeholder={strings.chooseLevel2}
            value={labelOf(row.level2, level2)}
            selectedOptions={row.level2 === '' ? [] : [row.level2]}
            onOptionSelect={(_, data) => data.optionValue !== undefined && setLevel2(data.optionValue)}
          >
            {level2Options.map((e) => (
              <Option key={e.code} value={e.code}>{e.label}</Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label={strings.name} {...validationProps(messagesOf('name'))}>
        <Input value={row.name} onChange={(_, data) => onChange({ ...row, name: data.value })} />
      </Field>
      {/* Only the values the table has a place for: a table of the year alone has no 实施周期 value. */}
      {slots !== 'annual' && (
        <ValueEditor label={strings.period} value={row.period} strings={strings} messages={messagesOf('period')} onChange={(period) => onChange({ ...row, period })} />
      )}
      {slots !== 'period' && (
        <ValueEditor label={strings.annual} value={row.annual} strings={strings} messages={messagesOf('annual')} onChange={(annual) => onChange({ ...row, annual })} />
      )}
      {slots === 'both' && (
        <div>
          <Button size="small" aria-label={strings.copyPeriodToAnnualLabel(n)} onClick={() => onChange({ ...row, annual: row.period })}>
            {strings.copyPeriodToAnnual}
          </Button>
        </div>
      )}
    </section>
  );
}

interface ValueEditorProps {
  readonly label: string;
  readonly value: BuilderValue;
  readonly strings: BuilderStrings;
  readonly messages: readonly BuilderMessage[];
  readonly onChange: (value: BuilderValue) => void;
}

/** A value: comparator (or 定性), then number + unit, or the qualitative text. */
function ValueEditor({ label, value, strings, messages, onChange }: ValueEditorProps) {
  const styles = useStyles();
  const labelId = useId();
  const key = comparatorKeyOf(value);
  const keyLabel = (k: ComparatorKey) => (k === 'none' ? strings.noComparator : k === 'qualitative' ? strings.qualitative : k);

  const setKey = (next: ComparatorKey) => {
    if (next === 'qualitative') {
      if (value.kind !== 'qualitative') onChange({ kind: 'qualitative', text: '' });
      return;
    }
    const comparator = next === 'none' ? null : next;
    onChange(value.kind === 'quantity' ? { ...value, comparator } : { kind: 'quantity', comparator, number: '', unit: '' });
  };

  const comparatorField = (
    <Field label={strings.comparator}>
      <Dropdown
        className={styles.control}
        value={keyLabel(key)}
        selectedOptions={[key]}
        onOptionSelect={(_, data) => {
          const next = COMPARATOR_KEYS.find((k) => k === data.optionValue);
          if (next) setKey(next);
        }}
      >
        {COMPARATOR_KEYS.map((k) => (
          <Option key={k} value={k}>{keyLabel(k)}</Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <div className={styles.value} role="group" aria-labelledby={labelId}>
      <Caption1Strong id={labelId}>{label}</Caption1Strong>
      {value.kind === 'qualitative' ? (
        <div className={styles.qualitativeParts}>
          {comparatorField}
          <Field label={strings.qualitativeText} {...validationProps(messages)}>
            <Combobox
              className={styles.control}
              freeform
              value={value.text}
              selectedOptions={QUALITATIVE_OPTIONS.includes(value.text) ? [value.text] : []}
              onChange={(event) => onChange({ kind: 'qualitative', text: event.target.value })}
              onOptionSelect={(_, data) => data.optionValue !== undefined && onChange({ kind: 'qualitative', text: data.optionValue })}
            >
              {QUALITATIVE_OPTIONS.map((o) => (
                <Option key={o} value={o}>{o}</Option>
              ))}
            </Combobox>
          </Field>
        </div>
      ) : (
        <div className={styles.valueParts}>
          {comparatorField}
          <Field label={strings.number} {...validationProps(messages)}>
            <Input className={styles.control} inputMode="decimal" value={value.number} onChange={(_, data) => onChange({ ...value, number: data.value })} />
          </Field>
          <Field label={strings.unit}>
            <Combobox
              className={styles.control}
              freeform
              value={value.unit}
              selectedOptions={UNIT_OPTIONS.includes(value.unit) ? [value.unit] : []}
              onChange={(event) => onChange({ ...value, unit: event.target.value })}
              onOptionSelect={(_, data) => data.optionValue !== undefined && onChange({ ...value, unit: data.optionValue })}
            >
              {UNIT_OPTIONS.map((o) => (
                <Option key={o} value={o}>{o}</Option>
              ))}
            </Combobox>
          </Field>
        </div>
      )}
    </div>
  );
}

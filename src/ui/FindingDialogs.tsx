import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { cellText, type Finding, type Fix, type Locale } from '../core';
import { ActionDialog } from './ActionDialog';
import { findingMessage, fixPreview } from './finding-view';
import type { UiStrings } from './i18n';

const useStyles = makeStyles({
  surface: { maxWidth: 'calc(100vw - 16px)', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, overflowWrap: 'anywhere' },
  previews: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    // Previews scrolled out of view are not laid out: 全部修正格式 on a big workbook lists hundreds, and the dialog is
    // laid out again as it closes (its theme goes before it does).
    contentVisibility: 'auto',
    containIntrinsicSize: 'auto 160px',
  },
  text: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  before: { backgroundColor: tokens.colorPaletteRedBackground1 },
  after: { backgroundColor: tokens.colorPaletteGreenBackground1 },
});

interface IgnoreDialogProps {
  /** The finding to ignore; null keeps the dialog closed. */
  readonly finding: Finding | null;
  readonly strings: UiStrings;
  readonly locale: Locale;
  /** Resolves to null when saved, else to the error to show. */
  readonly onConfirm: (finding: Finding, reason: string) => Promise<string | null>;
  readonly onClose: () => void;
}

/** Asks for the reason, which is required; on a failed save the dialog stays open with the reason as typed. */
export function IgnoreDialog({ finding, strings, locale, onConfirm, onClose }: IgnoreDialogProps) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };

  const confirm = async () => {
    if (!finding || reason.trim() === '') return;
    setSaving(true);
    const failure = await onConfirm(finding, reason);
    setSaving(false);
    if (failure === null) close();
    else setError(failure);
  };

  return (
    <Dialog open={finding !== null} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          <DialogBody>
            <DialogTitle>{strings.ignoreTitle}</DialogTitle>
            <DialogContent className={styles.content}>
              {finding && <Body1>{findingMessage(finding, locale)}</Body1>}
              {error && (
                <MessageBar intent="error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={strings.ignoreReason} hint={strings.ignoreReasonHint} required>
                <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={reason.trim() === '' || saving}>
                {strings.confirmIgnore}
              </Button>
              <Button onClick={close}>{strings.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

interface FixDialogProps {
  readonly title: string;
  /** The fixes to preview; null keeps the dialog closed. */
  readonly fixes: readonly Fix[] | null;
  readonly strings: UiStrings;
  /** The formulas known in the workbook, "Sheet!A1" → formula: a fix on such a cell says it replaces it. */
  readonly formulas: ReadonlyMap<string, string>;
  /** `replacing`: the formulas the preview showed, which the user agrees to replace by confirming. */
  readonly onConfirm: (fixes: readonly Fix[], replacing: ReadonlyMap<string, string>) => void;
  readonly onClose: () => void;
}

/** Shows each cell's text now and after the fix, in full, and any formula it would replace, before anything is written. */
export function FixDialog({ title, fixes, strings, formulas, onConfirm, onClose }: FixDialogProps) {
  const styles = useStyles();
  const replacing = new Map<string, string>();
  for (const fix of fixes ?? []) {
    const key = `${fix.location.sheet}!${fix.location.cell}`;
    const formula = formulas.get(key);
    if (formula !== undefined) replacing.set(key, formula);
  }
  return (
    <ActionDialog
      open={fixes !== null}
      title={title}
      action={{ label: replacing.size > 0 ? strings.confirmReplaceFormula : strings.confirmFix, onClick: () => fixes && onConfirm(fixes, replacing) }}
      closeLabel={strings.cancel}
      onClose={onClose}
      contentClassName={styles.content}
      surfaceClassName={styles.surface}
    >
      <ul className={styles.previews}>
        {(fixes ?? []).map((fix) => {
          const shown = fixPreview(fix, strings);
          return (
            <li key={`${fix.location.sheet}!${fix.location.cell}`} className={styles.preview}>
              <Body1>{fix.location.cell}</Body1>
              {replacing.has(`${fix.location.sheet}!${fix.location.cell}`) && (
                <MessageBar intent="warning">
                  <MessageBarBody>
                    {strings.replacesFormula} <code>{replacing.get(`${fix.location.sheet}!${fix.location.cell}`)}</code>
                  </MessageBarBody>
                </MessageBar>
              )}
              <Caption1>{strings.fixBefore}</Caption1>
              <pre className={mergeClasses(styles.text, styles.before)}>{shown.before}</pre>
              <Caption1>{strings.fixAfter}</Caption1>
              <pre className={mergeClasses(styles.text, styles.after)}>{fix.formula !== undefined ? strings.fixFormulaResult(fix.formula, cellText(fix.value)) : shown.after}</pre>
            </li>
          );
        })}
      </ul>
    </ActionDialog>
  );
}

import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { SelectedCell } from '../../workbook/port';
import { ActionDialog } from '../ActionDialog';
import type { BuilderState } from './builder-session';
import { blockRows, type ColumnNormalisation } from './builder-target';
import type { BuilderStrings } from './strings';

const useStyles = makeStyles({
  change: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  changes: { maxHeight: '50vh', overflowY: 'auto', listStyleType: 'none', margin: 0, padding: 0 },
});

interface ConfirmReplaceDialogProps {
  readonly strings: BuilderStrings;
  readonly open: boolean;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Asks before 替换 overwrites a cell whose text the builder could not read in full. */
export function ConfirmReplaceDialog({ strings, open, onConfirm, onClose }: ConfirmReplaceDialogProps) {
  return (
    <ActionDialog open={open} title={strings.confirmReplaceTitle} action={{ label: strings.confirmReplace, onClick: onConfirm }} closeLabel={strings.cancel} onClose={onClose}>
      {strings.confirmReplaceBody}
    </ActionDialog>
  );
}

interface NormaliseDialogProps {
  readonly strings: BuilderStrings;
  /** The preview; the dialog is open while it is set. */
  readonly normalisation: ColumnNormalisation | null;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** 规范整列: every cell of the column that would change, before → after. */
export function NormaliseDialog({ strings, normalisation, onConfirm, onClose }: NormaliseDialogProps) {
  const styles = useStyles();
  return (
    <ActionDialog
      open={normalisation !== null}
      title={normalisation && normalisation.changes.length > 0 ? strings.normaliseTitle(normalisation.changes.length) : strings.normaliseColumn}
      action={normalisation && normalisation.changes.length > 0 ? { label: strings.normaliseConfirm, onClick: onConfirm } : null}
      closeLabel={strings.cancel}
      onClose={onClose}
    >
      {normalisation && normalisation.changes.length === 0 && <Body1>{strings.normaliseNothing}</Body1>}
      {normalisation && normalisation.skipped > 0 && <Body1>{strings.normaliseSkipped(normalisation.skipped)}</Body1>}
      {normalisation && normalisation.changes.length > 0 && (
        <ul className={styles.changes}>
          {normalisation.changes.map((c) => (
            <li key={c.location.cell} className={styles.change} aria-label={`${c.location.cell} ${c.project}`}>
              <Caption1>{`${c.location.cell} ${c.project}`}</Caption1>
              <Field label={strings.normaliseBefore}>
                <Textarea readOnly value={c.before} />
              </Field>
              <Field label={strings.normaliseAfter}>
                <Textarea readOnly value={c.after} />
              </Field>
            </li>
          ))}
        </ul>
      )}
    </ActionDialog>
  );
}

interface BuilderStatusProps {
  readonly strings: BuilderStrings;
  readonly state: BuilderState;
  readonly onDismiss: () => void;
  readonly onFollow: (cell: SelectedCell) => void;
}

/** What the builder is on: the last notice, a selection waiting behind unsaved edits, the target, text it could not read. */
export function BuilderStatus({ strings, state, onDismiss, onFollow }: BuilderStatusProps) {
  const { notice, pending, reading, loaded } = state;
  return (
    <>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={onDismiss} />}
          />
        </MessageBar>
      )}

      {pending && (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.selectionMoved(pending.location.cell)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onFollow(pending)}>
              {strings.switchToSelection}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {reading ? (
        <Body1>{strings.reading}</Body1>
      ) : loaded === null ? (
        <Body1>{strings.selectIndicatorCell}</Body1>
      ) : (
        <Body1>
          {loaded.target.kind === 'block'
            ? strings.editingBlock(loaded.target.projectName, blockRows(loaded.target).first, blockRows(loaded.target).last)
            : strings.editing(loaded.target.projectName, loaded.target.location.cell)}
        </Body1>
      )}

      {loaded?.unparsed != null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.unparsedTitle}</MessageBarTitle>
            {loaded.problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
            <div>{strings.unparsedHint}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {loaded?.unparsed != null && (
        <Field label={strings.unparsedTextLabel}>
          <Textarea readOnly resize="vertical" value={loaded.unparsed} />
        </Field>
      )}
    </>
  );
}

import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

export interface DialogAction {
  readonly label: string;
  readonly onClick: () => void;
}

export interface ActionDialogProps {
  readonly open: boolean;
  readonly title: ReactNode;
  readonly children: ReactNode;
  /** The primary button; none where there is nothing to confirm. */
  readonly action?: DialogAction | null;
  /** The button that closes without acting (取消 or 关闭); Escape and a click outside do the same. */
  readonly closeLabel: string;
  readonly onClose: () => void;
  readonly surfaceClassName?: string;
  readonly contentClassName?: string;
}

/** The shell the pane's and the page's dialogs share: a title, the content, one primary action and a close button. */
export function ActionDialog({ open, title, children, action, closeLabel, onClose, surfaceClassName, contentClassName }: ActionDialogProps) {
  // Confirmed, the dialog goes at once (no closing animation over the result the user asked for); 取消 and Escape animate.
  const [acted, setActed] = useState(false);
  if (open && acted) setActed(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()} surfaceMotion={acted && !open ? null : undefined}>
      <DialogSurface className={surfaceClassName}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={contentClassName}>{children}</DialogContent>
          <DialogActions>
            {action && (
              <Button
                appearance="primary"
                onClick={() => {
                  setActed(true);
                  action.onClick();
                }}
              >
                {action.label}
              </Button>
            )}
            <Button onClick={onClose}>{closeLabel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

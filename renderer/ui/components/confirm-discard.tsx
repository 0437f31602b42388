import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

/** What to do with unsaved changes. */
export type DiscardChoice = 'save' | 'discard' | 'cancel';

/** Asks before unsaved changes would be lost: a decision, so a dialog. */
export function ConfirmDiscard({ name, onChoose }: { name: string; onChoose: (choice: DiscardChoice) => void }) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onChoose('cancel')}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Save changes to {name}?</DialogTitle>
          <DialogContent>
            Your changes are kept in the recovery copy until you decide, but they are not saved in the deployment file.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onChoose('save')}>
              Save
            </Button>
            <Button onClick={() => onChoose('discard')}>Don&apos;t save</Button>
            <Button onClick={() => onChoose('cancel')}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

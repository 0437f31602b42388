import { useSelector } from '@xstate/react';
import { createContext, useContext, type ReactNode } from 'react';
import { documentView, sameView, type DocumentActor, type DocumentView } from './document.machine';

const ShellContext = createContext<DocumentActor | null>(null);

/** Gives the screens the running document shell. */
export function ShellProvider({ shell, children }: { shell: DocumentActor; children: ReactNode }) {
  return <ShellContext.Provider value={shell}>{children}</ShellContext.Provider>;
}

/** The running document shell. */
export function useShell(): DocumentActor {
  const shell = useContext(ShellContext);
  if (shell === null) throw new Error('useShell is used outside ShellProvider');
  return shell;
}

/** The open document as the shell sees it: name, where it is saved, unsaved changes, the recovery copy. */
export function useDocumentView(): DocumentView | null {
  return useSelector(useShell(), documentView, sameView);
}

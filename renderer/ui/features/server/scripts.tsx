import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { buildScripts, type ScriptOptions, type ScriptRequest } from '../../../core/powershell';
import type { Host } from '../../../host/host';
import { ScriptBlock } from '../../components/script-block';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * The scripts for one request on one server, built from the deployment's real values. Copying one
 * puts it on the clipboard and records it in the timeline (with its text, for the runbook).
 */
export function Scripts({
  workspace,
  host,
  server,
  request,
  options,
}: {
  workspace: Workspace;
  host: Host;
  server: string;
  request: ScriptRequest;
  options?: ScriptOptions;
}) {
  const styles = useStyles();
  const deployment = useSession(workspace, (v) => v.snapshot.context.deployment);
  const oauth = useSession(workspace, (v) => v.snapshot.context.oauth);
  const result = useMemo(
    () =>
      deployment === null
        ? null
        : buildScripts({ deployment, oauth, ...(options ? { options } : {}) }, server, request),
    // The request and options are small objects made per render; compare them by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deployment, oauth, server, JSON.stringify(request), JSON.stringify(options ?? null)],
  );
  const copyText = useCallback((text: string) => host.copyText(text), [host]);
  // A copy that could not be recorded must say so here, whoever else is told.
  const [refusal, setRefusal] = useState<string | null>(null);
  if (result === null) return null;
  if (!result.ok) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>No script: a value is not valid</MessageBarTitle>
          <ul className={styles.errors}>
            {result.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.list}>
      {refusal && (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Copied, but not recorded in the runbook</MessageBarTitle>
            {refusal}
          </MessageBarBody>
        </MessageBar>
      )}
      {result.scripts.map((script) => (
        <ScriptBlock
          key={`${script.server}:${script.id}`}
          title={script.title}
          where={`On ${script.server}, in the ${script.shell} (Run as administrator)`}
          text={script.text}
          success={script.success}
          copyText={copyText}
          onCopy={(text) => {
            const recorded = workspace.record({
              type: 'script.copied',
              server: script.target,
              ...(script.server !== script.target ? { runOn: script.server } : {}),
              scriptId: script.id,
              title: script.title,
              text,
              request,
              ...(options ? { options } : {}),
            });
            setRefusal(recorded.ok ? null : recorded.message);
          }}
        />
      ))}
    </div>
  );
}

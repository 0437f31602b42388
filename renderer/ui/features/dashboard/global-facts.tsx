import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ArrowRightRegular, CertificateRegular, DatabaseRegular } from '@fluentui/react-icons';
import { shortName } from '../../../core/model/fqdn';
import { cmsNotStartedText } from '../../../core/machines/pool-start';
import type { Host } from '../../../host/host';
import { TimeText } from '../../components/time-text';
import { useSession } from '../../hooks';
import type { Workspace } from '../../workspace/workspace';
import { RecordThumbprint, ViewLoading } from '../views';
import { useNextAction } from './use-next-action';

const useStyles = makeStyles({
  strip: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  fact: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  icon: { flexShrink: 0, marginTop: '2px', fontSize: '16px' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  next: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  nextLabel: { fontWeight: tokens.fontWeightSemibold },
  blocked: { color: tokens.colorPaletteRedForeground1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorStatusWarningForeground2 },
});

/** "0123…4567": a thumbprint short enough for the strip, whole in its title and in exports. */
export function shortThumbprint(thumbprint: string): string {
  return thumbprint.length > 12 ? `${thumbprint.slice(0, 4)}…${thumbprint.slice(-4)}` : thumbprint;
}

/** Always visible: the OAuth assignment, the CMS pool's state, and the single most useful next action. */
export function GlobalFacts({
  workspace,
  host,
  onOpenServer,
}: {
  workspace: Workspace;
  host: Host;
  onOpenServer: (fqdn: string) => void;
}) {
  const styles = useStyles();
  const oauth = useSession(workspace, (v) => v.snapshot.context.oauth);
  const cms = useSession(workspace, (v) => v.snapshot.context.cms);
  const next = useNextAction(workspace);
  const timeZone = host.timeZone();

  return (
    <section className={styles.strip} aria-label="Deployment facts">
      <div className={styles.fact}>
        <CertificateRegular className={styles.icon} aria-hidden />
        {oauth === null ? (
          <Text>
            <strong>OAuthTokenIssuer:</strong> <span className={styles.warn}>not assigned yet.</span> Assign it with
            Step 3 on the first Front End of the CMS pool before running Step 1 anywhere else.
          </Text>
        ) : (
          <Text>
            <strong>OAuthTokenIssuer:</strong> assigned on <span className={styles.mono}>{oauth.server}</span>{' '}
            <TimeText iso={oauth.at} timeZone={timeZone} />
            {oauth.thumbprint ? (
              <>
                {' '}
                (thumbprint{' '}
                <span className={styles.mono} title={oauth.thumbprint}>
                  {shortThumbprint(oauth.thumbprint)}
                </span>
                )
              </>
            ) : (
              <>
                {' '}
                <span className={styles.warn}>
                  (thumbprint not recorded: a certificate listing cannot be checked against it)
                </span>{' '}
                <ViewLoading label="the thumbprint form">
                  <RecordThumbprint workspace={workspace} server={oauth.server} />
                </ViewLoading>
              </>
            )}
          </Text>
        )}
      </div>
      <div className={styles.fact}>
        <DatabaseRegular className={styles.icon} aria-hidden />
        <Text>
          <strong>CMS pool</strong> <span className={styles.mono}>{cms.pool ?? 'not chosen'}</span>:{' '}
          {cms.startedAt !== null ? (
            <span className={styles.good}>
              started <TimeText iso={cms.startedAt} timeZone={timeZone} /> — its replication services can reach the
              other servers
            </span>
          ) : (
            <span className={styles.warn}>{cmsNotStartedText(cms)}</span>
          )}
        </Text>
      </div>
      {next && (
        <div className={styles.next}>
          <Text className={mergeClasses(styles.nextLabel, next.urgency === 'blocked' && styles.blocked)}>Next:</Text>
          <Text>{next.text}</Text>
          {next.server && (
            <Button
              size="small"
              appearance="primary"
              icon={<ArrowRightRegular />}
              iconPosition="after"
              onClick={() => onOpenServer(next.server!)}
            >
              Go to {shortName(next.server)}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  Subtitle1,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowLeftRegular,
  DocumentArrowUpRegular,
  FolderOpenRegular,
  PlayRegular,
} from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Deployment } from '../../../core/model/deployment';
import type { DocumentHandle, Host, RecentDocument } from '../../../host/host';
import { formatTime } from '../../format';
import { TopologyImport } from '../setup/topology-import';

const useStyles = makeStyles({
  page: {
    maxWidth: '960px',
    width: '100%',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    boxSizing: 'border-box',
  },
  lead: {
    display: 'block',
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXL,
    color: tokens.colorNeutralForeground2,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  recent: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground2 },
  sectionTitle: { marginBottom: tokens.spacingVerticalS },
});

/** The start screen: recent deployments, New, Open, the bundled sample and topology import. */
export function StartScreen(props: {
  host: Host;
  onNew: () => void;
  onOpen: () => void;
  onOpenSample: () => void;
  onOpenRecent: (handle: DocumentHandle) => void;
  onImported: (draft: Deployment) => void;
  /** Opens with the topology import shown (File › Import a Topology…). */
  importing?: boolean;
  /** The deployment still open behind this screen, and the way back to it (null when none is open). */
  back?: { name: string; onBack: () => void } | null;
}) {
  const styles = useStyles();
  const [recent, setRecent] = useState<readonly RecentDocument[] | null>(null);
  const [importing, setImporting] = useState(props.importing === true);
  const { host } = props;
  useEffect(() => {
    let cancelled = false;
    void host
      .listRecent()
      .then((list) => !cancelled && setRecent(list))
      .catch(() => !cancelled && setRecent([]));
    return () => {
      cancelled = true;
    };
  }, [host]);
  const timeZone = host.timeZone();

  return (
    <main className={styles.page} aria-labelledby="start-title">
      <Title2 as="h1" id="start-title">
        lync-runbook
      </Title2>
      <Body1 className={styles.lead}>
        Walk every Lync Server 2013 or Skype for Business Server through the Deployment Wizard, and never run Step 3 on
        a server whose local configuration store is older than the OAuthTokenIssuer certificate.
      </Body1>
      {props.back && (
        <div>
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={props.back.onBack}>
            {`Back to ${props.back.name}`}
          </Button>
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<AddRegular />} onClick={props.onNew}>
          New deployment
        </Button>
        <Button icon={<FolderOpenRegular />} onClick={props.onOpen}>
          Open…
        </Button>
        <Button icon={<DocumentArrowUpRegular />} onClick={() => setImporting(true)} aria-expanded={importing}>
          Import a topology
        </Button>
        <Button icon={<PlayRegular />} onClick={props.onOpenSample}>
          Open the sample deployment
        </Button>
      </div>
      {importing && <TopologyImport onCancel={() => setImporting(false)} onReady={props.onImported} />}
      <div className={styles.columns}>
        <section aria-labelledby="recent-title">
          <Subtitle1 as="h2" id="recent-title" block className={styles.sectionTitle}>
            Recent deployments
          </Subtitle1>
          {recent === null ? (
            <Text className={styles.muted}>Looking…</Text>
          ) : recent.length === 0 ? (
            <Text className={styles.muted}>
              None yet. Start a new deployment, import a topology, or open the sample.
            </Text>
          ) : (
            <ul className={styles.list}>
              {recent.map((r) => (
                <li key={r.handle} className={styles.recent}>
                  <Link onClick={() => props.onOpenRecent(r.handle)}>{r.name}</Link>
                  <Caption1 className={styles.muted}>
                    {r.location} · {formatTime(r.at, timeZone)}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="how-title">
          <Card appearance="subtle">
            <CardHeader
              header={
                <Subtitle1 as="h2" id="how-title">
                  How it keeps you safe
                </Subtitle1>
              }
            />
            <Body1>
              Each server is tracked through Steps 1–4. When the OAuthTokenIssuer certificate is assigned, every server
              that took its local store earlier is blocked at Step 3 until you bring its store up to date — by
              export/import, by replication or by running Step 1 again — and prove it with pasted evidence.
            </Body1>
          </Card>
        </section>
      </div>
    </main>
  );
}

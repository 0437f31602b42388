import {
  Button,
  Card,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { Deployment } from '../../../core/model/deployment';
import type { ProductVersion } from '../../../core/model/product';
import { ProductSelect } from '../../components/product-select';
import { topologyExportHelp } from '../../../core/topology/export-help';
import { importTopology, type TopologyImport as ImportResult } from '../../../core/topology/import-topology';
import { MAX_TOPOLOGY_BYTES, topologySizeProblem } from '../../../core/topology/xml-tree';
import { ScriptBlock } from '../../components/script-block';
import { refuseOversizeInsert } from '../../oversize-paste';

const useStyles = makeStyles({
  card: {
    marginBottom: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  hidden: { display: 'none' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  note: { color: tokens.colorNeutralForeground2 },
});

/** Start a deployment from Topology Builder's knowledge: a published topology or a .tbxml. */
export function TopologyImport({ onCancel, onReady }: { onCancel: () => void; onReady: (draft: Deployment) => void }) {
  const styles = useStyles();
  const [product, setProduct] = useState<ProductVersion>('lync2013');
  const [xml, setXml] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [cmsPool, setCmsPool] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const help = topologyExportHelp(product);

  const run = (text: string, cms = cmsPool) => {
    setResult(importTopology(text, { product, ...(cms ? { cmsPool: cms } : {}) }));
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // Refused by its size before it is read: reading 32 MB, then putting it in the box below, froze the
    // page for about 20 seconds only to be refused by the same limit (issue 15, bug 8).
    const tooLarge = topologySizeProblem(file.size, { file: file.name });
    if (tooLarge !== null) {
      setResult({ ok: false, problems: [tooLarge] });
      return;
    }
    const text = await file.text();
    setFileName(file.name);
    setXml(text);
    run(text);
  };

  // A paste over the limit is refused as it arrives: the box keeps the XML it held.
  const refuseOversize = (event: ClipboardEvent | DragEvent) => {
    const bytes = refuseOversizeInsert(event, MAX_TOPOLOGY_BYTES);
    const tooLarge = bytes === null ? null : topologySizeProblem(bytes, 'paste');
    if (tooLarge !== null) setResult({ ok: false, problems: [tooLarge] });
  };

  const needsCms = result?.ok === true && result.cms.from === 'needed';

  return (
    <Card className={styles.card} aria-labelledby="import-title">
      <Subtitle1 as="h2" id="import-title">
        Import a topology
      </Subtitle1>
      <Text>
        Let Topology Builder's knowledge fill in the pools and servers. Run this, then choose the file it writes or
        paste its content.
      </Text>
      <ScriptBlock title="Produce the topology XML" where={help.where} text={help.script} heading="h3" />
      <div className={styles.row}>
        <Field label="Product version">
          <ProductSelect value={product} onChange={setProduct} />
        </Field>
        <Button onClick={() => fileInput.current?.click()}>Choose a topology file…</Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".xml,.tbxml,text/xml,application/xml"
          aria-label="Topology file"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        {fileName && <Text>{fileName}</Text>}
      </div>
      <Field label="…or paste the XML">
        <Textarea
          value={xml}
          resize="vertical"
          rows={4}
          textarea={{ className: styles.mono }}
          onChange={(_, d) => setXml(d.value)}
          onPaste={refuseOversize}
          onDrop={refuseOversize}
        />
      </Field>
      <Text className={styles.note}>{help.tbxmlNote}</Text>
      <div className={styles.row}>
        <Button onClick={() => run(xml)} disabled={xml.trim() === ''}>
          Read the topology
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          Close
        </Button>
      </div>
      {result && !result.ok && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This topology cannot be imported</MessageBarTitle>
            <ul className={styles.list}>
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <>
          <MessageBar intent={needsCms ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                Read {result.deployment.pools.length} pools and {result.deployment.servers.length} servers (
                {result.shape === 'tbxml' ? 'Topology Builder document' : 'published topology'})
              </MessageBarTitle>
              {result.skipped.length > 0 && (
                <>
                  Skipped, because they run no Deployment Wizard:
                  <ul className={styles.list}>
                    {/* One line per reason, naming every cluster it applies to: a reason is said once. */}
                    {byReason(result.skipped).map(([reason, names]) => (
                      <li key={reason}>
                        {names.join(', ')}: {reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {result.warnings.length > 0 && (
                <ul className={styles.list}>
                  {result.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
          {needsCms && (
            <Field
              label="Which pool hosts (or will host) the Central Management Store?"
              hint="This topology was never published, so it does not say."
              required
            >
              <Select
                value={cmsPool}
                onChange={(_, d) => {
                  setCmsPool(d.value);
                  if (d.value) run(xml, d.value);
                }}
              >
                <option value="">Choose the CMS pool…</option>
                {result.cms.candidates.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={needsCms} onClick={() => onReady(result.deployment)}>
              Continue to the deployment setup
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}

/** The skipped clusters grouped by their reason, in the order the reasons first appear. */
function byReason(skipped: readonly { fqdn: string; reason: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const s of skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.fqdn]);
  return [...groups];
}

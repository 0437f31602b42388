import { Button, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { memo, useMemo, useState } from 'react';
import { highlightPowerShell } from './highlight';

const useStyles = makeStyles({
  block: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  where: { color: tokens.colorNeutralForeground2 },
  pre: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    overflowX: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    maxHeight: '28rem',
  },
  comment: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  string: { color: tokens.colorPaletteGreenForeground1 },
  keyword: { color: tokens.colorPaletteBerryForeground1, fontWeight: tokens.fontWeightSemibold },
  function: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  variable: { color: tokens.colorPaletteMarigoldForeground2 },
  operator: { color: tokens.colorPaletteRedForeground1 },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  success: {
    display: 'block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    color: tokens.colorNeutralForeground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

/**
 * A script as the admin runs it: where to run it (above the code, never only on hover), the
 * highlighted code, and a copy button that says "Copied" and reports the copy.
 */
export const ScriptBlock = memo(function ScriptBlock(props: {
  title: string;
  where: string;
  text: string;
  success?: string;
  onCopy?: (text: string) => Promise<void> | void;
  copyText?: (text: string) => Promise<void>;
  /** Its title's heading level under the section it sits in (h4 in a server's checklist). */
  heading?: 'h3' | 'h4';
}) {
  const styles = useStyles();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const pieces = useMemo(() => highlightPowerShell(props.text), [props.text]);
  const copy = async () => {
    try {
      await (props.copyText ?? ((t: string) => navigator.clipboard.writeText(t)))(props.text);
      await props.onCopy?.(props.text);
      setState('copied');
      setTimeout(() => setState('idle'), 2500);
    } catch {
      setState('failed');
    }
  };
  const classFor = (type: string) =>
    type === 'comment'
      ? styles.comment
      : type === 'string'
        ? styles.string
        : type === 'keyword' || type === 'boolean'
          ? styles.keyword
          : type === 'function'
            ? styles.function
            : type === 'variable'
              ? styles.variable
              : type === 'operator'
                ? styles.operator
                : undefined;
  return (
    <section className={styles.block} aria-label={props.title}>
      <div className={styles.head}>
        <div className={styles.titles}>
          <Subtitle2 as={props.heading ?? 'h4'}>{props.title}</Subtitle2>
          <Caption1 className={styles.where}>{props.where}</Caption1>
        </div>
        <Button
          icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => void copy()}
          aria-label={`Copy script: ${props.title}`}
        >
          <span aria-live="polite" className={mergeClasses(state === 'copied' && styles.copied)}>
            {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select and press Ctrl+C' : 'Copy'}
          </span>
        </Button>
      </div>
      <pre className={styles.pre} tabIndex={0} aria-label={`${props.title} (PowerShell)`}>
        <code>
          {pieces.map((p, i) => (
            <span key={i} className={classFor(p.type)}>
              {p.text}
            </span>
          ))}
        </code>
      </pre>
      {props.success && <Caption1 className={styles.success}>Success looks like: {props.success}</Caption1>}
    </section>
  );
});

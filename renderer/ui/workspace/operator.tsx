import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Host } from '../../host/host';

interface OperatorContextValue {
  readonly operator: string;
  setOperator(name: string): void;
}

const OperatorContext = createContext<OperatorContextValue>({ operator: '', setOperator: () => undefined });

const KEY = 'operator';

/** Holds the operator's name: remembered, defaulting to the signed-in user where the host knows it. */
export function OperatorProvider({ host, children }: { host: Host; children: ReactNode }) {
  const [operator, setOperatorState] = useState(() => host.preferences.get(KEY) ?? '');
  useEffect(() => {
    if (host.preferences.get(KEY) !== null) return;
    let cancelled = false;
    void host.defaultOperator().then((name) => {
      if (!cancelled && name) setOperatorState(name);
    });
    return () => {
      cancelled = true;
    };
  }, [host]);
  const value = useMemo(
    () => ({
      operator,
      setOperator(name: string) {
        setOperatorState(name);
        host.preferences.set(KEY, name);
      },
    }),
    [host, operator],
  );
  return <OperatorContext.Provider value={value}>{children}</OperatorContext.Provider>;
}

/** The operator's name and its setter. */
export function useOperator(): OperatorContextValue {
  return useContext(OperatorContext);
}

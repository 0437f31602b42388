// The verification script's one line of output (schemaVersion 2), built from the facts a test wants it
// to show. Shared by the core tests and the end-to-end tests (which import nothing of the app).

/** What the verification script's output shows about a server. */
export interface VerifiedFacts {
  /** OAuthTokenIssuer thumbprints in the server's own view (its local store). */
  readonly thumbprints?: readonly string[];
  readonly upToDate?: boolean;
  /** LastUpdateCreation, UTC. */
  readonly lastUpdate?: string;
  readonly event3038?: string;
  /** When the script ran (UTC); the last update, else a fixed time. */
  readonly ranAt?: string;
  /** NotAfter of each certificate in the machine store (UTC). */
  readonly notAfter?: string;
}

/** The JSON line the verification script prints on `server`. */
export function verificationReport(server: string, facts: VerifiedFacts): string {
  const thumbprints = facts.thumbprints ?? [];
  return JSON.stringify({
    schema: 'lync-runbook.verify',
    schemaVersion: 2,
    expected: server,
    server,
    time: facts.ranAt ?? facts.lastUpdate ?? '2013-03-14T12:00:00.000Z',
    replication:
      facts.upToDate === undefined && facts.lastUpdate === undefined
        ? null
        : {
            upToDate: facts.upToDate ?? true,
            lastUpdateCreation: facts.lastUpdate ?? null,
            lastUpdateCreationKind: 'Utc',
            utcOffsetMinutes: 0,
            lastStatusReport: facts.lastUpdate ?? null,
          },
    oauthThumbprints: thumbprints,
    certificates: thumbprints.map((thumbprint) => ({
      thumbprint,
      inStore: true,
      hasPrivateKey: true,
      keySize: 2048,
      notAfter: facts.notAfter ?? '2030-01-01T00:00:00.0000000Z',
    })),
    replicaService: 'Running',
    event3038: facts.event3038 ?? null,
  });
}

import { z } from 'zod';
import { POOL_KINDS, SERVER_ROLES, type Deployment } from '../model/deployment';
import { PRODUCT_VERSIONS } from '../model/product';
import { CHECKLIST_ITEM_IDS, checklistItem, REMEDIATION_PATHS } from '../model/remediation';
import { sameFqdn } from '../model/fqdn';
import { isIsoTime } from '../model/time';

/**
 * The event history is the source of truth of a deployment (DESIGN §5): every change is one of
 * these events, with its time and operator. Their shapes are the file format, so they change only
 * with a migration.
 */

const isoTime = z
  .string()
  .refine(isIsoTime, { message: 'must be an ISO 8601 UTC time such as 2013-03-14T10:00:00.000Z' });
const name = z.string().min(1).max(200);
const fqdn = z.string().min(1).max(253);
/** A SHA-256 digest as document/fingerprint.ts writes it. */
const sha256Digest = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits (SHA-256)');
const thumbprint = z.string().regex(/^[0-9A-F]{40}$/, 'must be 40 upper-case hexadecimal digits');

/** Schema of a deployment (shape only; the domain rules live in model/validate). */
export const deploymentSchema: z.ZodType<Deployment> = z.object({
  name: z.string().max(200),
  product: z.enum(PRODUCT_VERSIONS),
  sipDomain: z.string().max(253),
  pools: z.array(z.object({ fqdn, kind: z.enum(POOL_KINDS) })).max(2000),
  cmsPool: fqdn.nullable(),
  servers: z.array(z.object({ fqdn, pool: fqdn, role: z.enum(SERVER_ROLES) })).max(5000),
});

/** One certificate a server holds for one use (Default, WebServicesInternal, OAuthTokenIssuer, …). */
export const certificateUseSchema = z.object({
  use: z.string().min(1).max(60),
  thumbprint,
  /** When it expires (its NotAfter), when the listing showed it. */
  notAfter: isoTime.nullable(),
  subject: z.string().max(400).nullable(),
});
/** One of them. */
export type CertificateUse = z.infer<typeof certificateUseSchema>;

/** What pasted evidence was, so the runbook can say what was read. */
/** How a Step 1 re-run was done: the Deployment Wizard, or the PowerShell equivalent the app generates. */
export const STEP1_WAYS = ['wizard', 'powershell'] as const;
/** One of them. */
export type Step1Way = (typeof STEP1_WAYS)[number];

export const EVIDENCE_KINDS = ['replication-status', 'certificate', 'event-log', 'verification-json'] as const;
/** One kind of evidence. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * What accepted evidence proved about one server: its replication status, the OAuthTokenIssuer
 * thumbprint(s) seen on it, or the time of its newest event 3038.
 */
export const proofSchema = z.object({
  server: fqdn,
  upToDate: z.boolean().optional(),
  lastUpdate: isoTime.optional(),
  thumbprints: z.array(thumbprint).max(16).optional(),
  event3038At: isoTime.optional(),
});
/** What accepted evidence proved. */
export type EvidenceProof = z.infer<typeof proofSchema>;

/** The pasted text and how it was read, kept with the verdict for the runbook. */
export const evidenceInputSchema = z.object({
  /** What the paste was read as; 'unrecognised' when nothing in it could be read (recorded as a rejection). */
  kind: z.enum([...EVIDENCE_KINDS, 'unrecognised']),
  text: z.string().max(1_000_000),
  locale: z.string().max(40),
  timeZone: z.string().max(80),
  /** One line per fact read, as shown to the admin before judging. */
  read: z.array(z.string().max(2000)).max(500),
  /**
   * Every server one paste was judged for, when it covered more than one (a replication status of
   * the whole deployment): each of them has its own verdict, and each verdict carries the paste.
   */
  judgedFor: z.array(fqdn).min(2).max(5000).optional(),
});
/** A paste judged for several servers names the server of each verdict among them. */
function judgedForItsServer(e: { server: string; input?: { judgedFor?: readonly string[] } }): boolean {
  return e.input?.judgedFor === undefined || e.input.judgedFor.some((s) => sameFqdn(s, e.server));
}
const JUDGED_FOR_ITS_SERVER = { path: ['input', 'judgedFor'], message: 'does not name the server of this verdict' };

/** The pasted evidence as recorded. */
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

/**
 * Every event's two times and who: `at` is when it happened (typed by the admin, or now), and
 * `recordedAt` when it was recorded, stamped by the session from the real clock and never typed.
 */
const base = {
  at: isoTime,
  recordedAt: isoTime,
  operator: name,
  /**
   * Set only by the migration from file version 5 on an entry dated before what allowed it (a Step 3
   * before the evidence or override that opened its gate, say), which that version did not check: it
   * is kept as it was recorded, the rule is not applied to it, and the runbook shows it as a
   * contradiction. A new command never carries it.
   */
  unchecked: z.literal('time-order').optional(),
  /**
   * The entry's link in the history's hash chain (document/fingerprint.ts), stamped by the session
   * when it is recorded, never typed. Optional here only so that older versions' entries parse while
   * they are migrated; opening a document counts an entry without it as changed.
   */
  hash: sha256Digest.optional(),
};

/** Which script a copy was built for (powershell/scripts.ts ScriptRequest), so it can be built again and compared. */
const scriptRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('step'), step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }),
  z.strictObject({ kind: z.literal('remediation'), path: z.enum(REMEDIATION_PATHS), item: z.enum(CHECKLIST_ITEM_IDS) }),
  z.strictObject({ kind: z.literal('verify') }),
  z.strictObject({ kind: z.literal('pool-start'), servers: z.array(fqdn).max(16).readonly().optional() }),
]);

/** The admin's script choices a copy was built with (powershell/script.ts ScriptOptions). */
const scriptOptionsSchema = z.strictObject({
  route: z.enum(['bytes', 'file']).optional(),
  exportPath: z.string().max(260).optional(),
  importPath: z.string().max(260).optional(),
  copyTo: z.string().max(260).optional(),
  sourceServer: fqdn.optional(),
  waitMinutes: z.number().int().min(1).max(120).optional(),
});

/** The change the deployment is carried out under, as a change-advisory board records it. */
export const changeRecordSchema = z.strictObject({
  /** The change or ticket ID, e.g. CHG-9999. */
  id: z.string().trim().min(1).max(100),
  windowStart: isoTime,
  windowEnd: isoTime,
  implementers: z.array(name).min(1).max(20),
  approver: name,
  /** How the change is backed out if it goes wrong. */
  rollback: z.string().trim().min(1).max(4000),
});
/** A change record. */
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

/** Every event a deployment's history may hold. */
export const domainEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deployment.created'), deployment: deploymentSchema, ...base }),
  z.object({ type: z.literal('topology.updated'), deployment: deploymentSchema, ...base }),
  z
    .object({
      type: z.literal('step.completed'),
      server: fqdn,
      step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      /** For a Step 3 that assigns the OAuthTokenIssuer certificate: its thumbprint, when known. */
      thumbprint: thumbprint.optional(),
      /**
       * For a Step 1 run again: how it was done (replication-and-pools D7), the wizard (Run Again, Retrieve
       * directly from the Central Management store) or the PowerShell equivalent the app offers.
       */
      via: z.enum(STEP1_WAYS).optional(),
      /**
       * For Step 3: the certificates the server holds, one per use, as its Get-CsCertificate output
       * listed them when Step 3 was done (issue 15, item 17).
       */
      certificates: z.array(certificateUseSchema).min(1).max(32).optional(),
      ...base,
    })
    .refine((e) => e.certificates === undefined || e.step === 3, {
      path: ['certificates'],
      message: 'lists the certificates Step 3 assigned, so it goes with Step 3 only',
    })
    .refine((e) => e.via === undefined || e.step === 1, {
      path: ['via'],
      message: 'says how Step 1 was run, so it goes with Step 1 only',
    }),
  z.object({ type: z.literal('oauth.assigned'), server: fqdn, thumbprint: thumbprint.optional(), ...base }),
  /** The thumbprint of an assignment recorded without one, added later on the server that assigned it. */
  z.object({ type: z.literal('oauth.thumbprint.recorded'), server: fqdn, thumbprint, ...base }),
  /**
   * The first start of an Enterprise Edition Front End pool: the Front Ends it started together, each of
   * which records Step 4 (model/pool-start.ts).
   */
  z.object({
    type: z.literal('pool.started'),
    pool: fqdn,
    servers: z.array(fqdn).min(1).max(16),
    /**
     * Set by the migration from file version 2, which knew no pool starts: the first Step 4 recorded on one
     * member. The first-start rule is not applied to it (what happened is recorded as it was).
     */
    recordedAs: z.literal('server-step-4').optional(),
    ...base,
  }),
  z.object({ type: z.literal('remediation.chosen'), server: fqdn, path: z.enum(REMEDIATION_PATHS), ...base }),
  z
    .object({
      type: z.literal('remediation.item.completed'),
      server: fqdn,
      path: z.enum(REMEDIATION_PATHS),
      item: z.enum(CHECKLIST_ITEM_IDS),
      /** Pasted command output that shows the item done, as read (path B's replication services). */
      output: z.object({ text: z.string().max(100_000), read: z.array(z.string().max(2000)).max(50) }).optional(),
      ...base,
    })
    .refine((e) => checklistItem(e.path, e.item) !== undefined, {
      path: ['item'],
      message: 'is not an item of that remediation path',
    }),
  z
    .object({
      type: z.literal('evidence.accepted'),
      server: fqdn,
      proof: proofSchema,
      input: evidenceInputSchema.optional(),
      ...base,
    })
    .refine(judgedForItsServer, JUDGED_FOR_ITS_SERVER),
  z
    .object({
      type: z.literal('evidence.rejected'),
      server: fqdn,
      input: evidenceInputSchema,
      reason: z.string().min(1).max(2000),
      ...base,
    })
    .refine(judgedForItsServer, JUDGED_FOR_ITS_SERVER),
  z.object({
    type: z.literal('override.recorded'),
    server: fqdn,
    /** What was checked, in the admin's words: why Step 3 may go ahead on a store the app believes stale. */
    reason: z.string().max(4000),
    /**
     * The change or ticket it was approved under. Overrides of files before version 7, which did not
     * ask, carry OVERRIDE_CHANGE_NOT_ASKED (model/override.ts), set by the migration only.
     */
    change: z.string().min(1).max(200),
    ...base,
  }),
  /** The change record set or corrected (the latest one stands; every version stays in the history). */
  z.object({ type: z.literal('change.recorded'), change: changeRecordSchema, ...base }),
  /**
   * A sign-off: who signed, and what: the fingerprint (document/fingerprint.ts) of the history's first
   * `events` events, those before it. Stamped by the session, never typed.
   */
  z.object({
    type: z.literal('change.signed'),
    by: name,
    /** What they sign as (implementer, approver, reviewer…), in their words. */
    as: z.string().trim().min(1).max(100),
    events: z.number().int().min(1),
    fingerprint: sha256Digest,
    ...base,
  }),
  /** An override not yet used by a Step 3, withdrawn: the gate is closed again (the override stays in the history). */
  z.object({ type: z.literal('override.withdrawn'), server: fqdn, reason: z.string().max(4000), ...base }),
  z.object({
    type: z.literal('script.copied'),
    /** The server the script is about. */
    server: fqdn.optional(),
    /** Where it runs, when that is another server (an Edge Server's export runs on an internal server). */
    runOn: fqdn.optional(),
    scriptId: z.string().min(1).max(120),
    title: z.string().max(300),
    text: z.string().max(200_000),
    /** What it was built for and with: the runbook builds it again and prints it only if the text is the same. */
    request: scriptRequestSchema.optional(),
    options: scriptOptionsSchema.optional(),
    ...base,
  }),
]);

/** One event of a deployment's history. */
export type DomainEvent = z.infer<typeof domainEventSchema>;
/** The `type` of a domain event. */
export type DomainEventType = DomainEvent['type'];
/** The event of a given type. */
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/**
 * What the operator asks for: an event whose time and operator the session fills in unless given,
 * and whose recording time it always stamps.
 */
export type Command = DomainEvent extends infer E
  ? E extends DomainEvent
    ? Omit<E, 'at' | 'recordedAt' | 'operator' | 'unchecked' | 'recordedAs' | 'events' | 'fingerprint' | 'hash'> & {
        at?: string;
        operator?: string;
      }
    : never
  : never;

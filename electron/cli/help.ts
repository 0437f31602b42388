/** The --help text of the program and of each command. */

const COMMON = `Common options:
  --operator NAME   who is recorded as doing it (default: the user running the command)
  --at TIME         when it happened, ISO 8601 with a zone, e.g. 2013-03-14T10:00:00Z
                    (default: now)
  -h, --help        show this help`;

/** The commands, each with its one-line purpose, in the order of a deployment. */
export const COMMANDS = {
  new: 'create a deployment file from pools and servers you name',
  'import-topology': 'create a deployment file from a topology (Get-CsTopology -AsXml or a .tbxml)',
  record: 'record one thing done on a server (a wizard step, a remediation, an override)',
  check: "print each server's step and gate status; exit 1 when one is blocked",
  script: 'print the PowerShell for a server: a remediation path, verification or a step',
  evidence: 'judge pasted command output as evidence for a server, and record the verdict',
  export: 'write the runbook as Markdown, HTML or JSON',
  change: 'record the change the deployment is under (ID, window, approver…), or sign it off',
} as const;

/** A command name. */
export type CommandName = keyof typeof COMMANDS;

const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));

/** The top-level help. */
export const MAIN_HELP = `lync-runbook: the deployment runbook of Lync Server 2013 and Skype for Business Server
2015/2019 on the command line. It works on the same .lyncrunbook files as the app, through
the same rules: Step 3 is refused on a server whose local configuration store predates the
OAuthTokenIssuer certificate until evidence or a written override says otherwise.

Usage: lync-runbook <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, what]) => `  ${name.padEnd(width)}  ${what}`)
  .join('\n')}

Run "lync-runbook <command> --help" for a command's options.

Options:
  -h, --help     show this help
  --version      show the version

Exit codes: 0 done; 1 refused by the deployment (gate closed, evidence rejected, a server
blocked); 2 bad input (missing file, unknown server or option, invalid value); 70 an unexpected
internal error (please report it).
Files are written atomically; the version replaced is kept as FILE.bak.`;

/** Help per command. */
export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  new: `Usage: lync-runbook new --name NAME --product PRODUCT --sip-domain DOMAIN
                        --pool FQDN:KIND... [--server FQDN:POOL...] [--cms-pool FQDN]
                        --out FILE [--force]

Creates a deployment file. A deployment is only valid with its pools and the pool that hosts
the Central Management Store, so name them here (or use import-topology to read them from the
topology). Each server's role follows from the kind of its pool.

Options:
  --name NAME          the deployment's name, e.g. "Contoso HQ"
  --product PRODUCT    lync2013, sfb2015 or sfb2019
  --sip-domain DOMAIN  the default SIP domain, e.g. contoso.com
  --pool FQDN:KIND     a pool (repeat for each); KIND is one of enterprise-front-end,
                       standard-edition, director, edge, mediation, other
  --server FQDN:POOL   a server of one of the pools (repeat for each)
  --cms-pool FQDN      the pool that hosts the Central Management Store; may be left out when
                       only one pool can host it
  --out FILE           the .lyncrunbook file to create
  --force              replace FILE if it exists (the old one is kept as FILE.bak)

${COMMON}

Example:
  lync-runbook new --name "Contoso HQ" --product lync2013 --sip-domain contoso.com \\
    --pool fepool.contoso.local:enterprise-front-end --server fe01.contoso.local:fepool.contoso.local \\
    --server fe02.contoso.local:fepool.contoso.local --out contoso.lyncrunbook`,

  'import-topology': `Usage: lync-runbook import-topology XML --product PRODUCT [--cms-pool FQDN] [--name NAME]
                                    --out FILE [--force]

Creates a deployment file from a published topology (on a Front End, in the Management Shell:
Get-CsTopology -AsXml | Out-File -FilePath C:\\topology.xml -Encoding UTF8) or from a Topology
Builder .tbxml file. A topology that was never published does not say which pool hosts the
Central Management Store: the command then stops (exit 2) and names the pools to choose from
with --cms-pool.

Options:
  --product PRODUCT  lync2013, sfb2015 or sfb2019
  --cms-pool FQDN    the pool that hosts the Central Management Store
  --name NAME        the deployment's name (default: the topology's first central site)
  --out FILE         the .lyncrunbook file to create
  --force            replace FILE if it exists (the old one is kept as FILE.bak)

${COMMON}`,

  record: `Usage: lync-runbook record FILE --server FQDN --event EVENT [options]

Records one thing done on a server, if the deployment accepts it. A refused event (for example
Step 3 on a server whose local store is stale) is not recorded: the reason is printed and the
exit code is 1.

Events:
  step1, step2, step3, step4  the Deployment Wizard step was completed on the server
                              (step3 on the first server assigns the OAuthTokenIssuer
                              certificate: give its --thumbprint; in an Enterprise pool
                              that has not started, Step 4 is pool-start)
  pool-start                  the first start of the server's Enterprise pool: records Step 4
                              on each member started (--servers, default: every member with
                              Step 3 done; at least the pool's first-start number)
  oauth-assigned              the OAuthTokenIssuer certificate was assigned on this server
                              outside the wizard (--thumbprint when known)
  oauth-thumbprint            the thumbprint of an assignment recorded without one, on the
                              server that assigned it (--thumbprint; once)
  remediation                 a remediation path was chosen for a blocked server (--path)
  item                        a checklist item of the chosen path was done (--path, --item)
  override                    go past the gate, not proving it: what was checked (--reason)
                              and the change or ticket it is approved under (--change);
                              shown everywhere as an override, never as proof
  withdraw-override           withdraw an override no Step 3 has used yet (--reason); the
                              gate closes again, and both stay in the record

Options:
  --server FQDN        the server
  --event EVENT        one of the events above
  --thumbprint HEX     40 hexadecimal digits (spaces and colons are ignored)
  --path PATH          A or export-import, B or replication, C or rerun-step1
  --item ID            path A: export, import, start-agent; path B: replication-services,
                       start-agent, event-3038; path C: cms-holds-assignment (the other items
                       are done by Step 1 again, by the CMS pool's start, or by evidence)
  --servers LIST       pool-start: the members started, comma-separated
  --output PATH        item replication-services: the output of Get-CsManagementStoreReplicationStatus
                       -CentralManagementStoreStatus (a file, or - for standard input), judged
                       against the CMS pool and recorded with the item
  --via HOW            step1 run again: wizard (Run Again, Retrieve directly from the Central
                       Management store) or powershell (the equivalent script this app prints)
  --reason TEXT        override: what was checked (at least 20 characters);
                       withdraw-override: why (at least 10)
  --change ID          override: the change or ticket, e.g. CHG-9999

${COMMON}

Example:
  lync-runbook record contoso.lyncrunbook --server fe01.contoso.local --event step3 \\
    --thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 --at 2013-03-14T10:00:00Z`,

  check: `Usage: lync-runbook check FILE [--json]

Prints one line per server: its FQDN, the highest Deployment Wizard step done, and its gate
status with the reason: "ready" (the next step may go ahead), "blocked: stale replica",
"waiting for" (remediation path B waits for the CMS pool to start) or "done".
Exit code 0 when no server is blocked, 1 when one is, or when the file was changed after it
was recorded: an event that does not match the hash recorded with it (every command that opens
such a file says which on standard error, records nothing in it, and exports it with the warning).

Options:
  --json      print the same as a JSON array
  -h, --help  show this help`,

  script: `Usage: lync-runbook script FILE --server FQDN --path PATH [--route bytes|file] [--record]

Prints the PowerShell for a server, built from the deployment's own values: every script of
the path, in checklist order, each with a header saying where and in which shell to run it.
Run each script on its own, on the server its header names.

Paths:
  export-import (A)  export the CMS configuration and import it into the local store
  replication (B)    start the Replica Replicator Agent and wait for replication
  rerun-step1 (C)    check the CMS holds the assignment, then run Step 1 again
  verify             the verification script, whose one line of output is the best evidence
  step1 ... step4    the Deployment Wizard step

Options:
  --server FQDN   the server the scripts are for
  --path PATH     one of the paths above
  --route ROUTE   path A on a domain-joined server: bytes (one step, the default) or file
                  (export to a .zip, copy, import); an Edge Server always uses a file
  --record        also record each script as copied, so the runbook shows it
  --operator NAME, --at TIME  as for record (with --record)
  -h, --help      show this help`,

  evidence: `Usage: lync-runbook evidence FILE --server FQDN --input PATH|- [--locale LOCALE]
                             [--time-zone ZONE]

Reads pasted command output (from a file, or standard input with -), says what it read, and
judges whether it proves the server's local store holds the OAuthTokenIssuer certificate.
Accepted: recorded as evidence.accepted, exit 0 (Step 3 can then be recorded). Rejected:
recorded as evidence.rejected with the reason, exit 1.

Accepted input: the verification script's output (lync-runbook script --path verify),
Get-CsManagementStoreReplicationStatus, Get-CsCertificate -Type OAuthTokenIssuer, or event
3038 from the Lync Server event log (Get-WinEvent, Get-EventLog, Event Viewer's copied text).

Get-CsManagementStoreReplicationStatus run without -ReplicaFqdn lists every replica: it is
judged for each other server waiting for evidence that it lists as well, and each verdict is
recorded on its own server (the exit code is that of --server's verdict).

Options:
  --server FQDN      the server the evidence is about
  --input PATH|-     the file holding the output (UTF-8 or UTF-16), or - for standard input
  --locale LOCALE    the console's culture, which decides how dates read, e.g. en-US, en-GB,
                     de-DE (default en-US; a date that reads two ways is then refused)
  --time-zone ZONE   the IANA time zone the console's times are in, e.g. America/Los_Angeles
                     (default: this computer's; a time within 26 hours of the assignment is
                     then refused, since the server's zone decides which came first)

${COMMON}`,

  export: `Usage: lync-runbook export FILE --format md|html|json [--out PATH [--force]] [--at TIME]

Writes the runbook: Markdown, self-contained printable HTML, or JSON (the deployment document
itself, which opens again in the app). Without --out it goes to standard output.

Options:
  --format FORMAT  md, html or json
  --out PATH       the file to write (atomically; an existing file is kept as PATH.bak). Never
                   the deployment file itself, nor another deployment (for --format json,
                   --force replaces one)
  --force          with --format json: replace the deployment named by --out
  --at TIME        the export time printed in the runbook (default: now; not before the newest entry
                   was recorded)
  -h, --help       show this help`,

  change: `Usage: lync-runbook change FILE --id ID --window-start TIME --window-end TIME
                            --implementers NAMES --approver NAME --rollback TEXT
       lync-runbook change FILE --sign-off --by NAME --as ROLE

Records the change the deployment is carried out under, as the change-advisory board approved it
(again to correct it: the latest stands, every version stays in the history). Every runbook shows it
in its header.

With --sign-off, records a sign-off: who signs, as what, and the chain head (SHA-256) of the whole
history before it, worked out here. An entry edited before it was signed makes the file refuse to
open, naming the sign-off; entries recorded after it are shown as not signed.

Options:
  --id ID              the change or ticket, e.g. CHG-9999
  --window-start TIME  when the change window opens (ISO 8601, e.g. 2013-03-13T08:00:00Z)
  --window-end TIME    when it closes (after it opens)
  --implementers NAMES who carries it out, comma-separated
  --approver NAME      who approved it
  --rollback TEXT      how it is backed out if it goes wrong
  --sign-off           sign off the history so far, with --by NAME and --as ROLE (e.g. approver)

${COMMON}`,
};

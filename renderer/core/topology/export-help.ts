import { PRODUCTS, type ProductVersion } from '../model/product';

/** How the admin produces a file importTopology reads: where to run the command, the command, and the .tbxml alternative. */
export interface TopologyExportHelp {
  /** Where to run the script, said before it as for every script the app shows. */
  readonly where: string;
  /** The script itself: fixed text, no user values. */
  readonly script: string;
  /** What to do with the file afterwards. */
  readonly then: string;
  /** The other way: a Topology Builder document, for a topology not yet published. */
  readonly tbxmlNote: string;
}

/** The export script (Get-CsTopology -AsXml; -Encoding UTF8 because Windows PowerShell's Out-File writes UTF-16 otherwise). */
export const TOPOLOGY_EXPORT_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  "Get-CsTopology -AsXml | Out-File -FilePath 'C:\\topology.xml' -Encoding UTF8",
].join('\n');

/** What the import screen shows for producing the topology file, in words that fit every product version. */
export const TOPOLOGY_EXPORT_HELP: TopologyExportHelp = {
  where:
    'On a Front End Server (or any computer with the administrative tools and access to the Central Management Store), in the Lync Server or Skype for Business Server Management Shell, as a member of RTCUniversalServerAdmins or RTCUniversalUserAdmins:',
  script: TOPOLOGY_EXPORT_SCRIPT,
  then: 'Copy C:\\topology.xml to this computer and import it here.',
  tbxmlNote:
    'A topology that is not published yet has no Central Management Store to read from: in Topology Builder, use Save a copy of the topology (or the .tbxml file you saved it in) and import that .tbxml file instead. You will then be asked which pool hosts the Central Management Store.',
};

/** The same help with the shell named as the chosen product names it. */
export function topologyExportHelp(product: ProductVersion): TopologyExportHelp {
  return {
    ...TOPOLOGY_EXPORT_HELP,
    where: `On a Front End Server (or any computer with the administrative tools and access to the Central Management Store), in the ${PRODUCTS[product].shell}, as a member of RTCUniversalServerAdmins or RTCUniversalUserAdmins:`,
  };
}

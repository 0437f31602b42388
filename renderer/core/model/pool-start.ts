/**
 * The first start of an Enterprise Edition Front End pool (replication-and-pools D1, D2). The pool runs
 * on Windows Fabric: the first time it starts, about 85% of its Front Ends must be running together or
 * "the services might be stuck in the starting state and the pool might not start". Microsoft gives the
 * number per pool size in one table, the same for Lync Server 2013 and Skype for Business Server, with
 * one more row (16 → 12) for Skype for Business Server 2019, whose pools hold up to 16 Front Ends.
 *
 * Sources: "Front End Pool high availability and management" (Skype for Business Server),
 * https://learn.microsoft.com/skypeforbusiness/plan-your-deployment/high-availability-and-disaster-recovery/high-availability ;
 * "Topologies and components for Front End Servers, instant messaging, and presence in Lync Server 2013",
 * https://learn.microsoft.com/previous-versions/office/lync-server-2013/lync-server-2013-topologies-and-components-for-front-end-servers-instant-messaging-and-presence
 */
import type { PoolKind } from './deployment';
import type { ProductVersion } from './product';

/** Microsoft's table: Front Ends in the pool → how many must run for its first start. */
const FIRST_START_TABLE: Readonly<Record<number, number>> = {
  2: 1,
  3: 3,
  4: 3,
  5: 4,
  6: 5,
  7: 5,
  8: 6,
  9: 7,
  10: 8,
  11: 9,
  12: 10,
};

/** The row only Skype for Business Server 2019 has. */
const SFB2019_ROW = { members: 16, needed: 12 } as const;

/** The most Front Ends an Enterprise Edition pool holds in each product (the table's last row). */
export const MAX_POOL_FRONT_ENDS: Readonly<Record<ProductVersion, number>> = {
  lync2013: 12,
  sfb2015: 12,
  sfb2019: 16,
};

/** How many Front Ends a pool's first start needs, and whether Microsoft's table gives that number. */
export interface FirstStartNeed {
  readonly needed: number;
  /**
   * False when the table has no row for this size (a pool of one; 13–15 Front Ends in Skype for
   * Business Server 2019, where the app takes the next row's 12 to be safe). The UI says so.
   */
  readonly documented: boolean;
}

/** The first-start need of an Enterprise Edition Front End pool of `members` Front Ends. */
export function firstStartNeed(product: ProductVersion, members: number): FirstStartNeed {
  const row = FIRST_START_TABLE[members];
  if (row !== undefined) return { needed: row, documented: true };
  if (members <= 1) return { needed: Math.max(members, 1), documented: false };
  if (product === 'sfb2019' && members <= SFB2019_ROW.members) {
    return { needed: SFB2019_ROW.needed, documented: members === SFB2019_ROW.members };
  }
  // Larger than the product allows (validation refuses it): all of them, to be safe.
  return { needed: members, documented: false };
}

/** True when the pool's Step 4 is one start of the whole pool (an Enterprise Edition Front End pool). */
export function startsAsPool(kind: PoolKind): boolean {
  return kind === 'enterprise-front-end';
}

/** Why a pool of this size cannot be deployed in this product, or null (validation says it at setup). */
export function poolSizeProblem(product: ProductVersion, pool: string, members: number): string | null {
  if (product === 'sfb2019' && members === 2) {
    return `Pool ${pool} has two Front End Servers: Skype for Business Server 2019 does not support Enterprise Edition Front End pools with two Front End Servers, and will not allow the topology to be published. Add a third Front End, or deploy them as Standard Edition servers.`;
  }
  const max = MAX_POOL_FRONT_ENDS[product];
  if (members > max) {
    return `Pool ${pool} has ${members} Front End Servers; an Enterprise Edition Front End pool holds at most ${max} in this product. Split it into two pools.`;
  }
  return null;
}

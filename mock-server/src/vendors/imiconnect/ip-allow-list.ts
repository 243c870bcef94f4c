import { BlockList, isIPv6 } from 'node:net';

/**
 * A tenant's IP allow-list ("Source ip is not white listed", seed 001):
 * addresses and CIDR ranges, matched with Node's own BlockList. An empty
 * list lets every caller through, as a tenant without one does.
 */
export class IpAllowList {
  readonly #list = new BlockList();
  readonly #empty: boolean;

  constructor(entries: readonly string[]) {
    this.#empty = entries.length === 0;
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const family = isIPv6(address) ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.#list.addAddress(address, family);
      else this.#list.addSubnet(address, Number(prefix), family);
    }
  }

  allows(ip: string): boolean {
    if (this.#empty) return true;
    if (ip === '') return false;
    return this.#list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
  }
}

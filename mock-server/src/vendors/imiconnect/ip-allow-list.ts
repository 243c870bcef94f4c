import { BlockList } from 'node:net';

// Only IPv6 addresses have a colon; net.isIPv6 would compile its large pattern on every start (~5 ms).
const familyOf = (address: string): 'ipv4' | 'ipv6' => (address.includes(':') ? 'ipv6' : 'ipv4');

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
      const family = familyOf(address);
      if (prefix === undefined) this.#list.addAddress(address, family);
      else this.#list.addSubnet(address, Number(prefix), family);
    }
  }

  allows(ip: string): boolean {
    if (this.#empty) return true;
    if (ip === '') return false;
    return this.#list.check(ip, familyOf(ip));
  }
}

import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent. Unless the deployment allows private targets, only globally routable unicast
 * addresses: never this host (loopback), the service's own network (RFC 1918, unique local, carrier-grade NAT),
 * link-local (cloud metadata at 169.254.169.254), multicast, or reserved ranges. Otherwise an agency's endpoint
 * could make the service post into the network it runs in and read, from the delivery status, what answered.
 */
export class WebhookTargets {
  constructor(private readonly allowPrivate: boolean) {}

  /**
   * Whether the URL names a user or password: `https://hooks.example.org@10.0.0.5/` reads as a host to a person
   * and as credentials to the client, so a target is written without them (in every setting).
   */
  carriesCredentials(url: string): boolean {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  }

  /** Why the URL may not be registered, or undefined: catches literal addresses and `localhost` at once. */
  refusalOf(url: string): string | undefined {
    if (this.allowPrivate) return undefined;
    const parsed = new URL(url);
    // WHATWG parsing has already turned hex, octal, decimal and short IPv4 forms (0x7f000001, 0177.0.0.1,
    // 2130706433, 127.1) into dotted quads; a trailing dot (localhost.) is the same name.
    const host = parsed.hostname
      .replace(/^\[|\]$/g, '')
      .replace(/\.+$/, '')
      .toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is this host`;
    if (isIP(host) !== 0 && isPrivate(host)) return `${host} is a private, loopback or reserved address`;
    return undefined;
  }

  /**
   * A DNS lookup for the HTTP client that refuses a name resolving to an address webhooks may not reach, checked on
   * every connection (the name may resolve elsewhere by the time of delivery than at registration).
   */
  readonly lookup = (
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = this.allowPrivate ? undefined : addresses.find((a) => isPrivate(a.address));
      if (refused) {
        return callback(new Error(`${hostname} resolves to ${refused.address}, which webhooks may not reach`), '');
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** True for any address that is not global unicast; an IPv4 address written as IPv6 is judged as IPv4. */
export function isPrivate(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) parsed = parsed.toIPv4Address();
  return parsed.range() !== 'unicast';
}

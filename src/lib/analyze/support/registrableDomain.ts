/**
 * The organisation part of a host or mail domain by the Public Suffix List, which tldts bundles (no network):
 * "mail.example.co.uk" → "example.co.uk", "alice.github.io" → "alice.github.io".
 *
 * The list's private section counts by default: a name under github.io, herokuapp.com or a dynamic-DNS
 * suffix belongs to whoever took it there, not to the platform, so two tenants are two senders. Pass
 * `{ icannOnly: true }` for the operator of the network a host sits on instead (every
 * *.compute.amazonaws.com host → amazonaws.com).
 */
import { getDomain } from 'tldts';

/** Top-level domains are never all digits (RFC 3696 §2), so such a last label ends an IPv4 address, not a name. */
const NUMERIC_LABEL = /^\d+$/;

export function registrableDomain(domain: string, options: { icannOnly?: boolean } = {}): string {
  const name = domain.toLowerCase().split('.').filter((l) => l.length > 0).join('.');
  // An address literal ("[192.0.2.1]", "2001:db8::1", "192.0.2.1") is its own organisation.
  if (/[:[\]]/.test(name) || NUMERIC_LABEL.test(name.slice(name.lastIndexOf('.') + 1))) return name;
  // Evidence names are not always valid host names ("mail_gw.example.com"): they still have an owner.
  const registrable = getDomain(name, { allowPrivateDomains: !options.icannOnly, extractHostname: false, validateHostname: false, detectIp: false });
  // A public suffix itself (github.io, co.uk), a bare word or an empty name is taken as written.
  return registrable ?? name;
}

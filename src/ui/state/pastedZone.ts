/**
 * DNS records pasted by the examiner, as the zone file the analysis reads (pasted-records.zone). The
 * evidence classifier recognises a zone by a $TTL/$ORIGIN line or a record with class IN; pasted records
 * often omit the class, so a $TTL line is put first when neither is there.
 */

export const PASTED_RECORDS_PATH = 'pasted-records.zone';

/** The form the hint shows: owner name with the selector, class, type, quoted value. */
export const RECORD_EXAMPLE = 'sel._domainkey.example.com. IN TXT "v=DKIM1; k=rsa; p=MIGfMA0…"';

/** The TTL given to records that carry none; offline analysis never expires them. */
const DEFAULT_TTL = 3600;

const DIRECTIVE = /^\$(ORIGIN|TTL)\s/m;
const RECORD_WITH_CLASS = /^\S*\s+(\d+\s+)?IN\s+(\d+\s+)?(SOA|NS|MX|TXT|A|AAAA|CNAME|PTR|SRV|CAA)\s/m;
const RECORD_LINE = /^[^\s;$]\S*\s+(?:\d+\s+)?(?:IN\s+)?(?:\d+\s+)?(?:TXT|MX|A|AAAA|CNAME|NS|PTR|SRV|CAA|SOA)\s/i;

export function pastedZone(text: string): string {
  const body = text.replace(/\r\n?/g, '\n').trim() + '\n';
  return DIRECTIVE.test(body) || RECORD_WITH_CLASS.test(body) ? body : `$TTL ${DEFAULT_TTL}\n${body}`;
}

/** Lines that start a resource record (owner, optional TTL and class, type); a record over several lines counts once. */
export function countRecords(text: string): number {
  return text.split(/\r\n?|\n/).filter((line) => RECORD_LINE.test(line)).length;
}

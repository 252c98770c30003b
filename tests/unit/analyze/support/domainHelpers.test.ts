import { describe, expect, it } from 'vitest';
import { confusableSkeleton } from '../../../../src/lib/analyze/support/confusableSkeleton.ts';
import { decodePunycode } from '../../../../src/lib/analyze/support/decodePunycode.ts';
import { domainOf } from '../../../../src/lib/analyze/support/domainOf.ts';
import { editDistance } from '../../../../src/lib/analyze/support/editDistance.ts';
import { isPrivateIp } from '../../../../src/lib/ip/isPrivateIp.ts';
import { registrableDomain } from '../../../../src/lib/analyze/support/registrableDomain.ts';

describe('domain helpers', () => {
  it.each([
    ['mail.example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['co.uk', 'co.uk'],
    ['pages.parliament.uk', 'parliament.uk'],
    ['a.b.c.school.pvt.k12.ma.us', 'school.pvt.k12.ma.us'],
    ['Mail.Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['mail.example.com..', 'example.com'],
    ['alice.github.io', 'alice.github.io'],
    ['www.alice.github.io', 'alice.github.io'],
    ['mallory.github.io', 'mallory.github.io'],
    ['github.io', 'github.io'],
    ['ec2-192-0-2-1.compute-1.amazonaws.com', 'ec2-192-0-2-1.compute-1.amazonaws.com'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['mail.xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['mail.münchen.de', 'münchen.de'],
    ['MAIL.MÜNCHEN.DE', 'münchen.de'],
    ['mail.xn--e1afmkfd.xn--90ae', 'xn--e1afmkfd.xn--90ae'],
    ['mail.пример.бг', 'пример.бг'],
    ['[192.0.2.1]', '[192.0.2.1]'],
    ['192.0.2.1', '192.0.2.1'],
    ['999.1.1.1', '999.1.1.1'],
    ['[IPv6:2001:db8::1]', '[ipv6:2001:db8::1]'],
    ['2001:db8::1', '2001:db8::1'],
    ['a.b.contoso.example', 'contoso.example'],
    ['srv.corp.local', 'corp.local'],
    ['mx.unknowntld', 'mx.unknowntld'],
    ['mail_gw.example.com', 'example.com'],
    ['localhost', 'localhost'],
    ['', ''],
  ])('registrableDomain(%s) = %s', (input, expected) => expect(registrableDomain(input)).toBe(expected));

  it.each([
    ['alice.github.io', 'github.io'],
    ['ec2-192-0-2-1.compute-1.amazonaws.com', 'amazonaws.com'],
    ['ip-1.eu-west-1.compute.amazonaws.com', 'amazonaws.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['[192.0.2.1]', '[192.0.2.1]'],
  ])('registrableDomain(%s, ICANN only) = %s', (input, expected) => expect(registrableDomain(input, { icannOnly: true })).toBe(expected));

  it.each([
    ['<Bob@Example.COM>', 'example.com'],
    ['a@b@c.example', 'c.example'],
    ['', null],
    ['no-at-sign', null],
    ['trailing@', null],
  ])('domainOf(%s) = %s', (input, expected) => expect(domainOf(input)).toBe(expected));

  it.each([
    ['10.1.2.3', true], ['172.31.0.1', true], ['172.32.0.1', false], ['192.168.0.1', true], ['127.0.0.1', true], ['100.64.0.1', true],
    ['192.0.2.10', false], ['203.0.113.9', false], ['::1', true], ['fe80::1', true], ['fd00::1', true], ['2001:db8::1', false],
    ['::ffff:10.0.0.1', true], ['[192.168.1.1]', true], ['not-an-ip', false],
  ])('isPrivateIp(%s) = %s', (ip, expected) => expect(isPrivateIp(ip)).toBe(expected));

  it.each([
    ['paypal', 'paypal', 0], ['paypa1', 'paypal', 1], ['gogole', 'google', 1], ['kitten', 'sitting', 3], ['', 'abc', 3],
  ])('editDistance(%s, %s) = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it.each([
    ['paypa1', 'paypal'], ['PAYPAL', 'paypal'], ['p\u0430yp\u0430l', 'paypal'], ['rnicrosoft', 'microsoft'], ['g00gle', 'google'], ['linkedln', 'linkedin'],
  ])('confusableSkeleton(%s) collides with %s', (a, b) => expect(confusableSkeleton(a)).toBe(confusableSkeleton(b)));

  it('keeps different names apart', () => {
    expect(confusableSkeleton('contoso')).not.toBe(confusableSkeleton('coinbase'));
  });

  it('decodes punycode and survives invalid labels', () => {
    expect(decodePunycode('xn--pypal-4ve.com')).toBe('p\u0430ypal.com');
    expect(decodePunycode('xn--zz-!!.com')).toBe('xn--zz-!!.com');
  });
});

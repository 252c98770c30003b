import { describe, expect, it } from 'vitest';
import { parseReceived } from '../../../src/lib/mail/receivedChain.ts';

describe('parseReceived', () => {
  it('reads the hop hMailServer 5.6 writes', () => {
    const hop = parseReceived(
      'from mail.fabrikam.example (mail.fabrikam.example [198.51.100.20])\tby mail.northwind.example with ESMTP\t; Wed, 08 May 2024 11:00:00 +0200',
    );
    expect(hop).toMatchObject({
      from: 'mail.fabrikam.example',
      fromPtr: 'mail.fabrikam.example',
      ip: '198.51.100.20',
      by: 'mail.northwind.example',
      with: 'ESMTP',
      id: null,
      for: null,
      time: '2024-05-08T09:00:00.000Z',
      offsetMinutes: 120,
    });
  });

  it('reads a Postfix hop with TLS comment, id and for', () => {
    const hop = parseReceived(
      'from smtp.out.example (smtp.out.example [203.0.113.7]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) (No client certificate requested) by mx.in.example (Postfix) with ESMTPS id 4VZ1x2Y3zz for <alice@in.example>; Sun, 12 May 2024 23:59:59 -0700 (PDT)',
    );
    expect(hop).toMatchObject({
      from: 'smtp.out.example', fromPtr: 'smtp.out.example', ip: '203.0.113.7', by: 'mx.in.example', with: 'ESMTPS',
      id: '4VZ1x2Y3zz', for: 'alice@in.example', time: '2024-05-13T06:59:59.000Z', offsetMinutes: -420,
    });
  });

  it('reads IPv6 literals and an unknown PTR', () => {
    const hop = parseReceived('from helo.example (Unknown [IPv6:2001:db8::25]) by mail.northwind.example with ESMTPSA; Thu, 9 May 2024 10:00:00 +0000');
    expect(hop.ip).toBe('2001:db8::25');
    expect(hop.fromPtr).toBeNull();
    expect(hop.with).toBe('ESMTPSA');
  });

  it('reads a literal HELO with repeated brackets (hMailServer without PTR)', () => {
    const hop = parseReceived('from [203.0.113.50] ([203.0.113.50] [203.0.113.50])\tby mail.northwind.example with ESMTP\t; Wed, 08 May 2024 14:00:00 +0200');
    expect(hop).toMatchObject({ from: '[203.0.113.50]', fromPtr: null, ip: '203.0.113.50', by: 'mail.northwind.example' });
  });

  it('reads Exchange style bare IP comment and Exim helo=', () => {
    expect(parseReceived('from EXCH01.corp.example (10.1.2.3) by EXCH02.corp.example (10.1.2.4) with Microsoft SMTP Server id 15.1.2507.6; Mon, 6 May 2024 08:15:02 +0000').ip).toBe('10.1.2.3');
    const exim = parseReceived('from [192.0.2.44] (helo=laptop.local) by mx.example with esmtpsa (TLS1.3) (Exim 4.96) (envelope-from <x@example.org>) id 1s5abc-000123-4X; Tue, 07 May 2024 12:00:00 +0100');
    expect(exim).toMatchObject({ ip: '192.0.2.44', fromPtr: null, by: 'mx.example', with: 'esmtpsa', id: '1s5abc-000123-4X' });
  });

  it('keeps malformed hops with nulls', () => {
    const noDate = parseReceived('by localhost with LMTP');
    expect(noDate).toMatchObject({ from: null, ip: null, by: 'localhost', with: 'LMTP', time: null, offsetMinutes: null });
    const badDate = parseReceived('from a.example (a.example [192.0.2.1]) by b.example; yesterday at noon');
    expect(badDate.time).toBeNull();
    expect(badDate.ip).toBe('192.0.2.1');
    const garbage = parseReceived('\u0000\u0001 ((( ;;;');
    expect(garbage).toMatchObject({ from: null, by: null, time: null });
    expect(garbage.raw).toBe('\u0000\u0001 ((( ;;;');
  });

  it('takes the date after the last semicolon', () => {
    const hop = parseReceived('from x.example (x.example [192.0.2.9]) by y.example with SMTP id abc; for <a@b.example>; Fri, 10 May 2024 11:00:00 +0200');
    expect(hop.time).toBe('2024-05-10T09:00:00.000Z');
  });
});

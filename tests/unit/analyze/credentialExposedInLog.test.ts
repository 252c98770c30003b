/** credential-exposed-in-log: an unmasked AUTH PLAIN password in a log; the finding carries a masked hint only. */
import { describe, expect, it } from 'vitest';
import { credentialExposedInLog } from '../../../src/lib/analyze/credentialExposedInLog.ts';
import { crlf, LOG, parseLogs, protocolLine as p } from '../logs/logText.ts';
import { buildCase, OPTIONS } from './caseBuilder.ts';

const IP = '192.0.2.77';
const BLOB = 'AGRhdmVAZmFicmlrYW0uZXhhbXBsZQBTM2N1cmUhUGFzc3BocmFzZSMyMDI0';

async function run(files: Record<string, string[]>) {
  const logs = await parseLogs(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, crlf(v)])));
  return credentialExposedInLog.run(buildCase({ logs }), OPTIONS);
}

describe('credentialExposedInLog', () => {
  it('reports the account and file of a one-line AUTH PLAIN, with a masked hint and never the password', async () => {
    const findings = await run({
      [LOG]: [
        p('SMTPD', 416, '2024-05-12 13:14:00.000', IP, `RECEIVED: AUTH PLAIN ${BLOB}`),
        p('SMTPD', 416, '2024-05-12 13:14:00.000', IP, 'SENT: 235 authenticated.'),
        p('SMTPD', 417, '2024-05-12 14:00:00.000', IP, `RECEIVED: AUTH PLAIN ${BLOB}`),
        p('SMTPD', 417, '2024-05-12 14:00:00.000', IP, 'SENT: 235 authenticated.'),
      ],
    });
    expect(findings).toEqual([
      {
        type: 'credential-exposed-in-log',
        severity: 'high',
        ref: { account: 'dave@fabrikam.example', file: LOG },
        summary: `The password of dave@fabrikam.example can be read in ${LOG} (line 1): its AUTH PLAIN logon from ${IP} at 2024-05-12 13:14:00.000 (server time) was logged unmasked and the server accepted it; treat the password as disclosed.`,
        details: {
          lineNo: 1,
          lines: [1, 3],
          occurrences: 2,
          mechanism: 'AUTH PLAIN',
          maskedSecret: 'S3*******',
          distinctSecrets: 1,
          ips: [IP],
          localTime: '2024-05-12 13:14:00.000',
          utc: '2024-05-12T11:14:00.000Z',
          serverZone: 'UTC+02:00',
          logonResult: 'ok',
        },
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain('S3cure');
  });

  it('gives one finding per account and file', async () => {
    const other = 'hMailServer/Logs/hmailserver_2024-05-13.log';
    const findings = await run({ [LOG]: [p('SMTPD', 1, '2024-05-12 13:14:00.000', IP, `RECEIVED: AUTH PLAIN ${BLOB}`)], [other]: [p('SMTPD', 1, '2024-05-13 13:14:00.000', IP, `RECEIVED: AUTH PLAIN ${BLOB}`)] });
    expect(findings.map((f) => f.ref)).toEqual([{ account: 'dave@fabrikam.example', file: LOG }, { account: 'dave@fabrikam.example', file: other }]);
    expect(findings[0].details.logonResult).toBeNull();
  });

  it('reports nothing for masked logons (AUTH LOGIN, AUTH PLAIN *** and master\'s <user> ***)', async () => {
    expect(
      await run({
        [LOG]: [
          p('SMTPD', 1, '2024-05-12 13:14:00.000', IP, 'RECEIVED: AUTH PLAIN ***'),
          p('SMTPD', 2, '2024-05-12 13:14:00.000', IP, 'RECEIVED: AUTH PLAIN ZGF2ZUBmYWJyaWthbS5leGFtcGxl ***'),
          p('SMTPD', 3, '2024-05-12 13:14:00.000', IP, 'RECEIVED: AUTH LOGIN'),
          p('SMTPD', 3, '2024-05-12 13:14:00.000', IP, 'SENT: 334 VXNlcm5hbWU6'),
          p('SMTPD', 3, '2024-05-12 13:14:00.000', IP, 'RECEIVED: ZGF2ZUBmYWJyaWthbS5leGFtcGxl'),
          p('SMTPD', 3, '2024-05-12 13:14:00.000', IP, 'SENT: 334 UGFzc3dvcmQ6'),
          p('SMTPD', 3, '2024-05-12 13:14:00.000', IP, 'RECEIVED: ***'),
          p('POP3D', 4, '2024-05-12 13:14:00.000', IP, 'RECEIVED: PASS ***'),
          p('IMAPD', 5, '2024-05-12 13:14:00.000', IP, 'RECEIVED: a1 LOGIN dave@fabrikam.example ***'),
        ],
      }),
    ).toEqual([]);
  });
});

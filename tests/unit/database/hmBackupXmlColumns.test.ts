/**
 * How hMailServerBackup.xml attributes (written by hMailServer's XMLStore methods) become hm_* columns: the
 * attribute each column comes from, the defaults for one a backup leaves out, and UseSSL of older backups.
 */
import { describe, expect, it } from 'vitest';
import {
  accountColumns,
  actionColumns,
  connectionSecurity,
  criteriaColumns,
  domainColumns,
  fetchAccountColumns,
  messageColumns,
  routeColumns,
} from '../../../src/lib/database/hmBackupXmlColumns.ts';

describe('connectionSecurity', () => {
  it('reads UseSSL="1" of a backup from before ConnectionSecurity as 1 (SSL/TLS)', () => {
    expect(connectionSecurity({ UseSSL: '1' })).toBe(1);
    expect(connectionSecurity({ UseSSL: '1', ConnectionSecurity: '2' })).toBe(1);
  });

  it('otherwise takes ConnectionSecurity as written, 0 (none) when absent', () => {
    expect(connectionSecurity({ UseSSL: '0', ConnectionSecurity: '2' })).toBe('2');
    expect(connectionSecurity({})).toBe(0);
  });
});

describe('domainColumns', () => {
  it('maps the attributes whose names differ from the columns', () => {
    const c = domainColumns({ Name: 'example.com', ADDomainName: 'CORP', MaxNoOfLists: '5', AddSignaturesToLocalMail: '1', DKIMSelector: 'mail' });
    expect(c.domainname).toBe('example.com');
    expect(c.domainaddomain).toBe('CORP');
    expect(c.domainmaxnoofdistributionlists).toBe('5');
    expect(c.domainaddsignaturestolocalemail).toBe('1');
    expect(c.domaindkimselector).toBe('mail');
  });

  it('gives an empty domain its defaults: 0 for numbers, empty for text', () => {
    const c = domainColumns({});
    expect(c.domainactive).toBe(0);
    expect(c.domainname).toBe('');
    expect(c.domainplusaddressingchar).toBe('');
    expect(Object.keys(c)).toHaveLength(22);
  });
});

describe('accountColumns', () => {
  it('maps an account, keeping the password hash and its scheme as written', () => {
    const c = accountColumns({
      Name: 'alice@example.com', Password: '3ef2…', PasswordEncryption: '3', ADActive: '1', ADUsername: 'alice',
      MaxAccountSize: '100', LastLogonTime: '2024-05-06 10:11:12', ForwardEnabled: '1', ForwardAddress: 'x@evil.example',
    });
    expect(c).toMatchObject({
      accountaddress: 'alice@example.com', accountpassword: '3ef2…', accountpwencryption: '3', accountisad: '1',
      accountadusername: 'alice', accountmaxsize: '100', accountlastlogontime: '2024-05-06 10:11:12',
      accountforwardenabled: '1', accountforwardaddress: 'x@evil.example',
    });
  });

  it('leaves a missing logon time and vacation expiry date NULL rather than a made-up time', () => {
    const c = accountColumns({ Name: 'a@example.com' });
    expect(c.accountlastlogontime).toBeNull();
    expect(c.accountvacationexpiredate).toBeNull();
    expect(c.accountadminlevel).toBe(0);
  });
});

describe('fetchAccountColumns', () => {
  it('maps a fetch account; the next try and the lock are not in a backup', () => {
    const c = fetchAccountColumns({ Name: 'pop', ServerAddress: 'pop.example.net', Port: '995', UseSSL: '1', Password: 'enc', MIMERecipientHeaders: 'To,CC' });
    expect(c).toMatchObject({
      faaccountname: 'pop', faserveraddress: 'pop.example.net', faserverport: '995', faconnectionsecurity: 1,
      fapassword: 'enc', famimerecipientheaders: 'To,CC', fanexttry: null, falocked: 0,
    });
    expect(fetchAccountColumns({}).famimerecipientheaders).toBeNull();
  });
});

describe('rule criteria and actions', () => {
  it('maps RuleCriteria: FieldType is the predefined field, HeaderField the header name', () => {
    expect(criteriaColumns({ UsePredefinedField: '1', FieldType: '2', HeaderField: 'X-Spam', MatchType: '3', MatchString: 'viagra' })).toEqual({
      criteriausepredefined: '1', criteriapredefinedfield: '2', criteriaheadername: 'X-Spam', criteriamatchtype: '3', criteriamatchvalue: 'viagra',
    });
  });

  it('maps RuleAction: a forward keeps its address in To and the route in RouteID', () => {
    const c = actionColumns({ Type: '3', To: 'out@evil.example', RouteID: '4', SortOrder: '2' });
    expect(c).toMatchObject({ actiontype: '3', actionto: 'out@evil.example', actionrouteid: '4', actionsortorder: '2', actionimapfolder: '' });
  });
});

describe('routeColumns', () => {
  it('maps TreatRecipientAsLocalDomain to routetreatsecurityaslocal and the target host and port', () => {
    const c = routeColumns({ Name: 'partner.example', TargetHost: 'mx.partner.example', TargetPort: '25', TreatRecipientAsLocalDomain: '1', TreatSenderAsLocalDomain: '0', ConnectionSecurity: '3' });
    expect(c).toMatchObject({
      routedomainname: 'partner.example', routetargetsmthost: 'mx.partner.example', routetargetsmtport: '25',
      routetreatsecurityaslocal: '1', routetreatsenderaslocaldomain: '0', routeconnectionsecurity: '3',
    });
  });
});

describe('messageColumns', () => {
  it('maps a message: State is the message type, 2 (delivered to an account) when absent', () => {
    const c = messageColumns({ Filename: '{ABC}.eml', State: '1', FromAddress: 'a@example.com', Size: '1234', UID: '17', CreateTime: '2024-05-06 10:00:00' });
    expect(c).toMatchObject({ messagefilename: '{ABC}.eml', messagetype: '1', messagefrom: 'a@example.com', messagesize: '1234', messageuid: '17', messagecreatetime: '2024-05-06 10:00:00' });
    expect(messageColumns({}).messagetype).toBe(2);
    expect(messageColumns({}).messagecreatetime).toBeNull();
    expect(messageColumns({}).messagelocked).toBe(0);
  });
});

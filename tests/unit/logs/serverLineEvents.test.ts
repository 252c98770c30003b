/** Events from lines outside protocol sessions (hmailserver.md §4.3): TCPIP, DEBUG, ERROR, APPLICATION and AWStats. */
import { describe, expect, it } from 'vitest';
import { serverLineEvents } from '../../../src/lib/logs/serverLineEvents.ts';
import type { LogLineType } from '../../../src/lib/model/logEvent.ts';
import { line, recordingSink } from './lineKit.ts';

function eventsOf(type: LogLineType, text: string) {
  const sink = recordingSink();
  serverLineEvents(line(type, text, { session: null, ip: null }), sink);
  return sink;
}

describe('serverLineEvents', () => {
  it('reads a TCP connection with the client address (the reference line)', () => {
    expect(eventsOf('TCPIP', 'TCP - 10.10.14.78 connected to 10.129.232.39:25.').events).toEqual([
      { kind: 'connection', account: null, detail: 'connection from 10.10.14.78 to 10.129.232.39:25', ip: '10.10.14.78' },
    ]);
    expect(eventsOf('TCPIP', 'DNS MX lookup: example.net').events).toEqual([]);
  });

  it('reads a refused connection of a banned client from DEBUG', () => {
    const text = 'Client connection from 203.0.113.9 was not accepted. Blocked either by IP range or by connection limit.';
    expect(eventsOf('DEBUG', text).events).toEqual([{ kind: 'ip-blocked', account: null, detail: text, ip: '203.0.113.9' }]);
    expect(eventsOf('DEBUG', 'Creating session 154').events).toEqual([]);
  });

  it('reports every ERROR line as it is', () => {
    const text = 'Severity: 3 (Medium), Code: HM5026, Source: PersistentMessage::EnsureFileExistance, Description: Message retrieval failed';
    expect(eventsOf('ERROR', text).events).toEqual([{ kind: 'error', account: null, detail: text }]);
  });

  it('hands a "Delivering message" line on as a pending delivery with each recipient (the reference line)', () => {
    const sink = eventsOf(
      'APPLICATION',
      'SMTPDeliverer - Message 172672: Delivering message from HelenJackson@Giacobeville.com to RoyTenneman@Giacobeville.com, DouglasAdams@Giacobeville.com. File: C:\\Program Files (x86)\\hMailServer\\Data\\{3DB2BEC5-D7E7-43DF-98FF-4DDBC0E9ED64}.eml',
    );
    expect(sink.events).toEqual([]);
    expect(sink.deliveries.map(({ line: _line, ...d }) => d)).toEqual([
      {
        messageId: '172672',
        sender: 'HelenJackson@Giacobeville.com',
        recipients: ['RoyTenneman@Giacobeville.com', 'DouglasAdams@Giacobeville.com'],
        messageFile: 'C:\\Program Files (x86)\\hMailServer\\Data\\{3DB2BEC5-D7E7-43DF-98FF-4DDBC0E9ED64}.eml',
      },
    ]);
  });

  it('drops the empty recipient an odd separator leaves', () => {
    const sink = eventsOf('APPLICATION', 'SMTPDeliverer - Message 5: Delivering message from <Empty> to bob@mydomain.tld, ,. File: C:\\Data\\{B}.eml');
    expect(sink.deliveries.map((d) => [d.sender, d.recipients])).toEqual([['<Empty>', ['bob@mydomain.tld']]]);
  });

  it('reads the delivery failures SMTPDeliverer logs and nothing else of APPLICATION', () => {
    expect(eventsOf('APPLICATION', 'SMTPDeliverer - Message 12: Message could not be delivered. Scheduling it for later delivery in 60 minutes.').events).toEqual([
      { kind: 'delivery-failed', account: null, detail: 'message 12: Message could not be delivered. Scheduling it for later delivery in 60 minutes.' },
    ]);
    expect(eventsOf('APPLICATION', 'SMTPDeliverer - Message 13: No mail servers could be found for the address x@nowhere.example.').events[0].detail).toBe(
      'message 13: No mail servers could be found for the address x@nowhere.example.',
    );
    expect(eventsOf('APPLICATION', 'SMTPDeliverer - Message 14: Message delivery thread completed.').events).toEqual([]);
    expect(eventsOf('APPLICATION', 'Servers started.').events).toEqual([]);
  });

  it('reads AWStats lines: local delivery (127.0.0.1), remote delivery (host name), 530 as relay denied, other codes as failures', () => {
    expect(eventsOf('AWSTATS', 'a@ext.example\tbob@mydomain.tld\t198.51.100.7\t127.0.0.1\tSMTP\t?\t250\t1234').events).toEqual([
      { kind: 'delivery-local', account: 'bob@mydomain.tld', detail: 'delivered a@ext.example to bob@mydomain.tld (AWStats, 1234 bytes)' },
    ]);
    expect(eventsOf('AWSTATS', 'alice@mydomain.tld\tx@ext.example\t192.168.1.20\tmx.ext.example\tSMTP\t?\t250\t99\r').events).toEqual([
      { kind: 'delivery-remote', account: 'alice@mydomain.tld', detail: 'delivered alice@mydomain.tld to x@ext.example (AWStats, 99 bytes) via mx.ext.example' },
    ]);
    expect(eventsOf('AWSTATS', '\tvictim@ext.example\t203.0.113.9\t127.0.0.1\tSMTP\t?\t530\t0').events).toEqual([
      { kind: 'relay-denied', account: null, detail: 'refused <> to victim@ext.example (AWStats, 0 bytes): 530 SMTP authentication is required' },
    ]);
    expect(eventsOf('AWSTATS', 'a@b.example\tnobody@mydomain.tld\t203.0.113.9\t127.0.0.1\tSMTP\t?\t550\t0').events).toEqual([
      { kind: 'delivery-failed', account: null, detail: 'refused a@b.example to nobody@mydomain.tld (AWStats, 0 bytes): code 550' },
    ]);
  });
});

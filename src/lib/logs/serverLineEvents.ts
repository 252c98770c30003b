/**
 * Events from the lines outside protocol sessions (hmailserver.md §4.3): TCP connections, blocked clients,
 * deliveries and their failures (APPLICATION and AWStats), and ERROR lines. Server starts are the stream's.
 */
import type { LogLine } from '../model/logEvent.ts';
import type { LogSink } from './logSink.ts';

const CONNECTED = /^TCP - (\S+) connected to (\S+?)\.?$/;
const NOT_ACCEPTED = /^Client connection from (\S+) was not accepted/;
const DELIVERING = /^SMTPDeliverer - Message (\d+): Delivering message from (.*?) to (.*?)\. File: (.*)$/;
const DELIVERY_FAILED =
  /^SMTPDeliverer - Message (\d+): (Message could not be delivered\..*|No mail servers could be found .*|The message was not delivered to .*|Message will be deleted.*)$/;
const LOCAL_HOST = '127.0.0.1';

function applicationLine(line: LogLine, sink: LogSink): void {
  const delivering = DELIVERING.exec(line.text);
  if (delivering) {
    const [, messageId, sender, recipients, messageFile] = delivering;
    const list = recipients.split(',').map((r) => r.trim()).filter((r) => r !== '');
    sink.delivery({ line, messageId, sender, recipients: list, messageFile });
    return;
  }
  const failed = DELIVERY_FAILED.exec(line.text);
  if (failed) sink.event(line, 'delivery-failed', null, `message ${failed[1]}: ${failed[2]}`);
}

/** AWStats: a delivery success (local when the recipient host is 127.0.0.1) or a refused recipient (code ≠ 250). */
function awstatsLine(line: LogLine, sink: LogSink): void {
  const [sender, recipient, , host, , , code, bytes] = line.text.split('\t');
  const what = `${sender || '<>'} to ${recipient} (AWStats, ${bytes.trim()} bytes)`;
  if (code === '250') {
    if (host === LOCAL_HOST) sink.event(line, 'delivery-local', recipient, `delivered ${what}`);
    else sink.event(line, 'delivery-remote', sender || null, `delivered ${what} via ${host}`);
  } else if (code === '530') {
    sink.event(line, 'relay-denied', null, `refused ${what}: ${code} SMTP authentication is required`);
  } else {
    sink.event(line, 'delivery-failed', null, `refused ${what}: code ${code}`);
  }
}

export function serverLineEvents(line: LogLine, sink: LogSink): void {
  switch (line.type) {
    case 'TCPIP': {
      const m = CONNECTED.exec(line.text);
      if (m) sink.event(line, 'connection', null, `connection from ${m[1]} to ${m[2]}`, m[1]);
      return;
    }
    case 'DEBUG': {
      const m = NOT_ACCEPTED.exec(line.text);
      if (m) sink.event(line, 'ip-blocked', null, line.text, m[1]);
      return;
    }
    case 'ERROR':
      sink.event(line, 'error', null, line.text);
      return;
    case 'APPLICATION':
      applicationLine(line, sink);
      return;
    case 'AWSTATS':
      awstatsLine(line, sink);
      return;
    default:
  }
}

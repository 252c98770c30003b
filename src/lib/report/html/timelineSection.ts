/** The incident's timeline: events per day as a chart, the key events (the story's timed steps) as a table, and the times left out. */
import type { StoryChain } from '../story/storyChain.ts';
import { escapeHtml } from './escapeHtml.ts';
import { htmlTable } from './htmlTable.ts';
import type { ReportInput } from './reportModel.ts';
import { compareStrings } from '../../model/compareStrings.ts';

/** Days shown as bars; a longer span is summed into weeks, so bars stay visible at page width. */
const MAX_BARS = 120;

function chart(days: { day: string; count: number }[]): string {
  if (days.length === 0) return '<p>No timed events.</p>';
  const width = 680;
  const height = 150;
  const max = days.reduce((m, d) => (d.count > m ? d.count : m), 0);
  const bar = width / days.length;
  const bars = days
    .map((d, i) => {
      const h = Math.max(1, Math.round((d.count / max) * (height - 24)));
      return `<rect x="${(i * bar).toFixed(1)}" y="${height - h}" width="${Math.max(0.5, bar - 1).toFixed(1)}" height="${h}" fill="#0969da"><title>${escapeHtml(d.day)}: ${d.count}</title></rect>`;
    })
    .join('');
  const label = `<text x="0" y="12" font-size="11">${escapeHtml(days[0].day)} … ${escapeHtml(days[days.length - 1].day)} (busiest: ${max} events)</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Events per day">${label}${bars}</svg>`;
}

/** Days bucketed into groups of `size` consecutive days (as listed), labelled by their first day. */
function bucketed(days: { day: string; count: number }[]): { day: string; count: number }[] {
  if (days.length <= MAX_BARS) return days;
  const size = Math.ceil(days.length / MAX_BARS);
  const out: { day: string; count: number }[] = [];
  for (let i = 0; i < days.length; i += size) out.push({ day: days[i].day, count: days.slice(i, i + size).reduce((n, d) => n + d.count, 0) });
  return out;
}

function keyEvents(story: StoryChain[]): { utc: string; server: string; text: string; confidence: string; chain: string }[] {
  const seen = new Set<string>();
  return story
    .flatMap((c) => c.steps.filter((s) => s.time).map((s) => ({ utc: s.time!.utc, server: `${s.time!.server} (${s.time!.zone})`, text: s.text, confidence: s.confidence, chain: c.title })))
    .filter((e) => (seen.has(e.utc + e.text) ? false : (seen.add(e.utc + e.text), true)))
    .sort((a, b) => compareStrings(a.utc, b.utc));
}

export function timelineSection(input: ReportInput): string {
  const events = keyEvents(input.story);
  const total = input.timeline.reduce((n, d) => n + d.count, 0);
  const left = input.timesLeftOut;
  return `<p>Times are given in UTC and on the server's clock. The server's local times (logs, database) were read in <strong>${escapeHtml(input.timeZone.id)}</strong>: ${escapeHtml(input.timeZone.basis.replace(/\.$/, ''))}.</p>
<h3>Events per day</h3><p>${total.toLocaleString('en-US')} timed events over ${input.timeline.length} days (messages, log events, logons, file times); the timeline CSV lists each one.</p>${chart(bucketed(input.timeline))}
<h3>Key events</h3>${
    events.length
      ? htmlTable(['UTC', 'Server time', 'Event', 'Confidence'], events.map((e) => [e.utc.slice(0, 19).replace('T', ' '), e.server, e.text, e.confidence]), { widths: ['17%', '21%', '50%', '12%'] })
      : '<p>No timed step in the executive summary.</p>'
  }
<h3>Times left out</h3>${
    left.total === 0
      ? '<p>None: every time in the evidence is a real instant.</p>'
      : `<p>${left.total} times are not on the timeline and not in the Timesketch export (placeholders such as hMailServer's "never", or times whose zone nobody recorded); the timeline CSV lists each one.</p>
${htmlTable(['Why', 'Type', 'Times', 'Earliest as written', 'Latest as written'], left.rows.map((r) => [r.note.replace(/^left out: /, ''), r.type, r.count, r.first, r.last]))}`
  }`;
}

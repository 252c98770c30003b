/**
 * A V8 CPU profile (the DevTools protocol's Profiler.Profile) told in a few lines: busy time (every sample
 * but idle), then the functions with the most time of their own and with the most time including what
 * they call, a function counted once per sample however deep it recurses.
 */

const label = (frame) => `${frame.functionName || '(anonymous)'}${frame.lineNumber >= 0 ? `:${frame.lineNumber + 1}` : ''}`;

/** @param {{ nodes: { id: number, callFrame: object, children?: number[] }[], samples: number[], timeDeltas: number[] }} profile */
export function summariseProfile(profile, top, title) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const own = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const name = label(byId.get(id).callFrame);
    if (name.startsWith('(idle)')) idle += us;
    own.set(name, (own.get(name) ?? 0) + us);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = label(byId.get(at).callFrame);
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + us);
    }
  });
  const ranked = (m) =>
    [...m]
      .filter(([name]) => !['(idle)', '(root)', '(program)'].some((skip) => name.startsWith(skip)))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `    ${(us / 1e6).toFixed(2).padStart(7)} s  ${name}`);
  return [
    `${title}: busy ${((total - idle) / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s`,
    '  self:',
    ...ranked(own),
    '  including callees:',
    ...ranked(inclusive),
  ].join('\n');
}

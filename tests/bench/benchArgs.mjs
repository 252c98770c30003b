/**
 * The flags of `npm run bench -- …`:
 *   --count 20000[,100000…]   generated data-folder zips of these many messages (default 20000, or HMAIL_BENCH_COUNT)
 *   --zip path                any evidence zip instead (repeatable; with --count, both are run)
 *   --timeout minutes         how long one side may run before it is given up (default 60)
 */
const DEFAULT_COUNT = 20_000;
const DEFAULT_TIMEOUT_MINUTES = 60;

export const USAGE = 'usage: npm run bench -- [--count N[,N…]] [--zip evidence.zip]… [--timeout minutes]';

/** @returns {{ help: boolean, counts: number[], zips: string[], timeoutMs: number }} */
export function parseBenchArgs(argv) {
  const counts = [];
  const zips = [];
  let timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') return { help: true, counts, zips, timeoutMs: 0 };
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--count') {
      for (const part of value.split(',')) {
        const count = Number(part.replaceAll('_', ''));
        if (!Number.isInteger(count) || count < 1) throw new Error(`--count: "${part}" is not a positive integer`);
        counts.push(count);
      }
    } else if (flag === '--zip') {
      zips.push(value);
    } else if (flag === '--timeout') {
      timeoutMinutes = Number(value);
      if (!(timeoutMinutes > 0)) throw new Error(`--timeout: "${value}" is not a positive number of minutes`);
    } else {
      throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  if (counts.length === 0 && zips.length === 0) counts.push(Number(process.env.HMAIL_BENCH_COUNT ?? DEFAULT_COUNT));
  return { help: false, counts, zips, timeoutMs: timeoutMinutes * 60_000 };
}

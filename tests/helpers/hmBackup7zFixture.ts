/**
 * The HMBackup .7z made by Debian's 7-Zip (tests/generate/hmBackup7z.sh). Vitest's global set-up makes it when
 * 7zz is installed; without 7zz the test that reads it is skipped and says why in its name and on stderr.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');
export const HM_BACKUP_7Z = join(REPO, 'tests', '.generated', 'database', 'HMBackup 2024-05-20 094107.7z');
export const HM_BACKUP_7Z_SKIP_REASON =
  "SKIPPED: Debian's 7-Zip (7zz) is not installed, so tests/generate/hmBackup7z.sh could not make the fixture; run `apt-get install -y 7zip`";

function has7zz(): boolean {
  try {
    execFileSync('7zz', ['i'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs the generator unless the fixture exists; returns whether it exists afterwards. */
export function makeHmBackup7z(): boolean {
  if (!existsSync(HM_BACKUP_7Z) && has7zz()) execFileSync('bash', [join(REPO, 'tests', 'generate', 'hmBackup7z.sh')], { stdio: 'ignore' });
  return existsSync(HM_BACKUP_7Z);
}

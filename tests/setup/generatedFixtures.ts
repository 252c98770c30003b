/** Vitest global set-up: makes the generated fixtures that need a real tool before any test file runs. */
import { HM_BACKUP_7Z_SKIP_REASON, makeHmBackup7z } from '../helpers/hmBackup7zFixture.ts';

export default function setup(): void {
  if (!makeHmBackup7z()) console.warn(`\n[skip] ${HM_BACKUP_7Z_SKIP_REASON}\n`);
}

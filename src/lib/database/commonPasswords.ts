/**
 * The bundled common-password list: zxcvbn-ts's "passwords-common" (49,233 entries, most frequent first,
 * MIT licence), shipped inside the build by a plain import so weak-password checks work offline.
 */
import { dictionary } from '@zxcvbn-ts/language-common';

export const COMMON_PASSWORDS: readonly string[] = dictionary['passwords-common'];

import { mergeConfig } from 'vite';
import base from '../../vite.config.ts';
export default mergeConfig(base, { test: { include: ['tests/ui-state/**/*.test.ts'] } }, false);

/** Owns the sql.js case database; the page and the triage worker (through a MessagePort) call it. */
import { expose } from 'comlink';
import { createCaseDbService, type CaseDbService } from '../src/lib/store/caseDbService.ts';
import { sqlRuntime } from './sqlRuntime.ts';
import { version } from '../package.json';

const service: Promise<CaseDbService> = sqlRuntime().then((SQL) => createCaseDbService(SQL, version));

type Async<T> = { [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<Awaited<R>> : never };

const api = new Proxy({} as Async<CaseDbService> & { connect(port: MessagePort): void }, {
  get(_target, name: string) {
    if (name === 'connect') return (port: MessagePort) => expose(api, port);
    // Not a thenable: anything that awaits the api object itself must not hang.
    if (name === 'then') return undefined;
    return async (...args: unknown[]) => {
      const s = (await service) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return s[name](...args);
    };
  },
});

export type CaseDbWorkerApi = typeof api;
expose(api);

/**
 * The caseDb worker's api lists the service's methods by name, with no Proxy: a method added to the service
 * but not to the worker (or left in the worker after it left the service) fails here, not in the browser.
 */
import initSqlJs from 'sql.js';
import type { Endpoint } from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { createCaseDbService } from '../../src/lib/store/caseDbService.ts';

const captured = vi.hoisted(() => ({ apis: [] as object[] }));

vi.mock('comlink', async (importOriginal) => {
  const real = await importOriginal<typeof import('comlink')>();
  return { ...real, expose: (obj: object, ep?: Endpoint) => (ep ? real.expose(obj, ep) : void captured.apis.push(obj)) };
});

describe('caseDb worker api', () => {
  it('has exactly the methods of createCaseDbService, plus connect', async () => {
    await import('../../workers/caseDb.worker.ts');
    expect(captured.apis).toHaveLength(1);
    const api = captured.apis[0] as Record<string, unknown>;
    const service = createCaseDbService(await initSqlJs(), 'test');
    expect(Object.keys(api).sort()).toEqual([...Object.keys(service), 'connect'].sort());
    for (const name of Object.keys(api)) expect(typeof api[name]).toBe('function');
  });

  it('is a plain object that is not a thenable', () => {
    const api = captured.apis[0];
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect('then' in api).toBe(false);
  });

  it('forwards a call to the service', async () => {
    const api = captured.apis[0] as { consoleQuery(sql: string): Promise<{ rows: unknown[][] }> };
    expect((await api.consoleQuery('SELECT 40 + 2')).rows).toEqual([[42]]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildKeylessApi } from '../../../shared/ipc/api';
import { operationNames } from '../../../shared/ipc/contract';
import { invokeChannel } from '../../../shared/ipc/channels';

describe('preload API built from the contract', () => {
  it('has exactly one function per contract operation, grouped by namespace', async () => {
    const calls: [string, unknown][] = [];
    const api = buildKeylessApi(
      (op, request) => {
        calls.push([op, request]);
        return Promise.resolve({ ok: true, value: null });
      },
      () => () => undefined,
    ) as unknown as Record<string, Record<string, (request?: unknown) => Promise<unknown>>>;
    for (const op of operationNames) {
      const [ns, verb] = op.split('.') as [string, string];
      expect(typeof api[ns]?.[verb]).toBe('function');
      await api[ns]![verb]!();
    }
    expect(calls.map(([op]) => op)).toEqual(operationNames);
    expect(calls.every(([, request]) => JSON.stringify(request) === '{}')).toBe(true);
    const exposed = Object.entries(api).flatMap(([ns, group]) => (typeof group === 'function' ? [] : Object.keys(group).map((v) => `${ns}.${v}`)));
    expect(exposed.sort()).toEqual([...operationNames].sort());
  });

  it('is frozen so page scripts cannot swap an operation', () => {
    const api = buildKeylessApi(() => Promise.resolve({ ok: true, value: null }), () => () => undefined);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.app)).toBe(true);
  });

  it('forms every channel from the operation name', () => {
    expect(invokeChannel('app.info')).toBe('keyless:invoke:app.info');
  });
});

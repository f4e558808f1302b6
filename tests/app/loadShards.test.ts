/**
 * startShardLoad on the main thread (jsdom has no Worker, so dataFiles validates there, with
 * the module it loads on demand; loaded once up front here): shards meeting the window are
 * asked for first, never more than the cap at once, a new focus moves the waiting ones,
 * and a failed shard can be asked for again.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startShardLoad, type ShardArrival } from '../../src/app/data/loadShards';
import { SCHEMA_VERSION, type ShardRef } from '../../src/model/schema';

const refs: ShardRef[] = ['2024-01', '2024-04', '2024-07', '2024-10'].map((month, i) => ({
  file: `data/events/000${i + 1}.json`,
  count: 1,
  start: `${month}-01`,
  end: `${month}-28`,
}));

/** Answers each shard fetch when `answer` is called for it; records the files asked for. */
function holdFetches() {
  const asked: string[] = [];
  const answers = new Map<string, (response: Response) => void>();
  vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    asked.push(url);
    return new Promise((resolve) => answers.set(url, resolve));
  });
  const answer = (file: string, status = 200) =>
    answers.get(file)?.(
      new Response(JSON.stringify({ schemaVersion: SCHEMA_VERSION, events: [] }), {
        status,
        statusText: status === 200 ? 'OK' : 'Not Found',
      }),
    );
  return { asked, answer };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(() => import('../../src/app/data/validateData'));
afterEach(() => vi.restoreAllMocks());

describe('startShardLoad', () => {
  it('asks first for the shards meeting the window, two at a time, then outward', async () => {
    const { asked, answer } = holdFetches();
    const arrivals: ShardArrival[] = [];
    startShardLoad(refs, { start: '2024-07-10', end: '2024-07-12' }, (arrival) => arrivals.push(arrival));
    await settle();
    expect(asked).toEqual(['data/events/0003.json', 'data/events/0002.json']);
    answer('data/events/0003.json');
    await settle();
    expect(arrivals.map((arrival) => arrival.at)).toEqual([2]);
    expect(asked).toEqual(['data/events/0003.json', 'data/events/0002.json', 'data/events/0004.json']);
  });

  it('moves the shards of a new focus to the front of those not yet asked for', async () => {
    const { asked, answer } = holdFetches();
    const load = startShardLoad(refs, { start: '2024-01-10', end: '2024-01-12' }, () => {});
    await settle();
    expect(asked).toEqual(['data/events/0001.json', 'data/events/0002.json']);
    load.focus({ start: '2024-10-10', end: '2024-10-12' });
    answer('data/events/0001.json');
    await settle();
    expect(asked.at(-1)).toBe('data/events/0004.json');
    answer('data/events/0002.json');
    await settle();
    expect(asked.at(-1)).toBe('data/events/0003.json');
  });

  it('hands over a failure naming the file, asks for it again on retry, and stops when told', async () => {
    const { asked, answer } = holdFetches();
    const arrivals: ShardArrival[] = [];
    const load = startShardLoad(refs.slice(0, 1), null, (arrival) => arrivals.push(arrival));
    await settle();
    answer('data/events/0001.json', 404);
    await settle();
    expect(arrivals).toEqual([
      { at: 0, result: { ok: false, error: 'data/events/0001.json: expected the file, got HTTP 404 Not Found' } },
    ]);
    load.retry([0]);
    await settle();
    expect(asked).toEqual(['data/events/0001.json', 'data/events/0001.json']);
    load.stop();
    answer('data/events/0001.json');
    await settle();
    expect(arrivals).toHaveLength(1);
  });
});

/**
 * Bounded concurrency for file work: an archive has tens of thousands of files, and
 * opening them all at once would hit the open-file limit (EMFILE).
 */

/**
 * Like `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in input
 * order. After a failure no new call starts, and it rejects with the first failure only
 * once every running call has settled, so a caller's clean-up never races a call.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const at = next++;
      try {
        results[at] = await fn(items[at] as T, at);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

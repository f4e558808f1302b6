/**
 * Validating a data file of each kind against its schema: what the data worker does for
 * every request, and the main thread where no worker runs (jsdom, a browser that refuses
 * it, a worker script that fails). The page loads this module only then, so zod and the
 * schemas stay out of its main bundle.
 */
// First: zod must be configured before any schema module is evaluated.
import '../jitless';
import type { z } from 'zod';
import { ArticleTextSchema, EventShardSchema, TimelineSchema } from '../../model/schema';
import type { DataKind, DataKinds, DataSource } from './dataFiles';
import { fetchDataFile } from './fetchDataFile';
import { parseDataFile, type Parsed } from './parseTimeline';

const SCHEMAS: { [K in DataKind]: z.ZodType<DataKinds[K]> } = {
  timeline: TimelineSchema,
  shard: EventShardSchema,
  article: ArticleTextSchema,
};

/** `file` validated as `kind`: its given text, or what its URL answers; never rejects unless `signal` aborts. */
export function validateData<K extends DataKind>(
  kind: K,
  file: string,
  source: DataSource,
  signal: AbortSignal,
): Promise<Parsed<DataKinds[K]>> {
  const schema: z.ZodType<DataKinds[K]> = SCHEMAS[kind];
  if ('text' in source) return Promise.resolve(parseDataFile(file, source.text, schema));
  return fetchDataFile(file, schema, signal, source.url);
}

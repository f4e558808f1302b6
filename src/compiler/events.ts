/**
 * Stage `events`: sentences and their resolved times → candidate events, one per
 * clause with a resolvable time and one per mention of a named event. (Placeholder
 * until the events stage lands: extracts nothing.)
 */
import type { Status } from '../model/schema';
import type { Span } from '../model/quote';
import type { Segmentation } from './segment';
import type { TimeExpression } from './time/resolveTimes';

export type CandidateEvent = {
  /** Index into `Segmentation.sentences`. */
  sentence: number;
  /** The passage that states the event: a sentence or clause, offsets into the cleaned text. */
  passage: Span;
  /** Short headline: who did what. */
  title: string;
  edtf: string;
  status: Status;
  place?: string;
  /** Words that gave the date and the rule, from the time stage. */
  dateText?: string;
  dateRule?: string;
  /** Normalised name of a named event ("57th security consultative meeting"), for merging. */
  name?: string;
};

/** Extracts candidate events from one article. */
export function extractEvents(_text: string, _segmentation: Segmentation, _times: readonly TimeExpression[]): CandidateEvent[] {
  return [];
}

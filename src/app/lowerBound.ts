/**
 * Binary search over positions: the first in [0, length] for which `isBelow` is false,
 * given that it is true up to some position and false from there on.
 */
export function lowerBound(length: number, isBelow: (at: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBelow(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

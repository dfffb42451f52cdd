/** Entries of a history list as they stood at `asOf` (all of them when there is no moment). */
export function until<Entry extends { createdAt: Date }>(asOf: Date | undefined, entries: Entry[]): Entry[] {
  return asOf ? entries.filter((entry) => entry.createdAt <= asOf) : entries;
}

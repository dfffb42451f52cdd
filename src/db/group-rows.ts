/**
 * Groups rows by key in the order of `keys`, as a DataLoader batch function must answer:
 * one list per key, empty when a key has no rows. Rows keep their SQL order within a group.
 */
export function groupRows<Row, Key>(keys: readonly Key[], rows: readonly Row[], keyOf: (row: Row) => Key): Row[][] {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** The list envelope of every OpenAI list route. */
export interface ListPage<T> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export function toListPage<E extends { id: string }, T>(
  rows: E[],
  hasMore: boolean,
  toObject: (row: E) => T,
): ListPage<T> {
  return {
    object: 'list',
    data: rows.map(toObject),
    first_id: rows[0]?.id ?? null,
    last_id: rows.at(-1)?.id ?? null,
    has_more: hasMore,
  };
}

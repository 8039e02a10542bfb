/**
 * Every page of a paged list query, read batch by batch as the consumer pulls, for the list
 * exports: the registry and the problem list reuse their own list functions (same WHERE, same
 * order, same scope), so an export never holds more than one batch in memory.
 */
export const EXPORT_BATCH = 500;

export interface Batched<T> {
  /** How many rows the export will have (the list's count under the same WHERE clause). */
  total: number;
  rows: AsyncIterable<T>;
}

interface Paged {
  page: number;
  pageSize: number;
}

/**
 * The first batch is read before returning (its count is the total); the rest as the consumer
 * pulls. Ids already written are skipped: an edit between two batches that moves a row across
 * the boundary must not write it twice.
 */
export async function allPages<P extends Paged, T extends { id: number }>(
  list: (params: P) => Promise<{ rows: T[]; total: number }>,
  params: P,
  batchSize = EXPORT_BATCH,
): Promise<Batched<T>> {
  const first = await list({ ...params, page: 1, pageSize: batchSize });
  async function* rows(): AsyncGenerator<T> {
    const seen = new Set<number>();
    let batch = first.rows;
    for (let page = 1; ;) {
      for (const r of batch) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        yield r;
      }
      if (batch.length < batchSize) return;
      page += 1;
      batch = (await list({ ...params, page, pageSize: batchSize })).rows;
    }
  }
  return { total: first.total, rows: rows() };
}

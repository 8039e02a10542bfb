import type { Sql } from 'postgres';

/**
 * Makes every parameterized statement that drizzle sends through postgres.js a named prepared
 * statement.
 *
 * drizzle's postgres-js driver runs each query with `sql.unsafe(text, params, { prepare: false })`
 * unless the query was built with `.prepare(name)`, so PostgreSQL parses and plans every
 * statement on every call: on the project page that was about as much server CPU as running the
 * queries (a 7-table join takes ~2 ms to plan and well under 1 ms to run). With `prepare: true`
 * postgres.js keeps one prepared statement per distinct text on each pooled connection and
 * binds the parameters to it, and PostgreSQL reuses the parse and, once its plan cache decides
 * a generic plan is as good, the plan (docs/benchmarks.md, "Prepared statements").
 *
 * Statements without parameters keep postgres.js's simple protocol (they may hold several
 * statements, as the migrations do). Transactions and savepoints hand drizzle a new postgres.js
 * handle; it is wrapped the same way. postgres.js itself re-prepares a statement that a schema
 * change invalidated ("cached plan must not change result type").
 */
export function preparing<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (text: string, args?: unknown[], options?: Record<string, unknown>) =>
          args && args.length > 0
            ? target.unsafe(text, args as never, { ...options, prepare: true })
            : target.unsafe(text, (args ?? []) as never, options);
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const original = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown;
        return (...a: unknown[]) => {
          const i = a.findIndex((x) => typeof x === 'function');
          if (i >= 0) {
            const fn = a[i] as (inner: Sql) => unknown;
            a[i] = (inner: Sql) => fn(preparing(inner));
          }
          return original.apply(target, a);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

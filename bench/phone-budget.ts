/**
 * The slow phone the weight budgets are measured on (bench/phone.ts), and how a page's figures
 * are judged against them.
 */

/** 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, 4× CPU slowdown (the field reports' phone). */
export const PHONE = { latencyMs: 150, downBytesPerS: 1_600_000 / 8, upBytesPerS: 750_000 / 8, cpuSlowdown: 4 } as const;

export interface PageBudget {
  id: string;
  label: string;
  /** Compressed JavaScript the page may send, in KB (1024 bytes). */
  jsBudgetKb?: number;
  /** Seconds within which every chart must be drawn. */
  chartsBudgetS?: number;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** "✓ …" when every budget the page has is met, "✗ …" naming each one missed, "—" without one. */
export function budgetVerdict(r: PageBudget & { jsKb: number; chartsS: number | null }): string {
  const checks: { ok: boolean; text: string }[] = [];
  if (r.jsBudgetKb !== undefined) checks.push({ ok: r.jsKb <= r.jsBudgetKb, text: `JS ≤ ${r.jsBudgetKb} KB` });
  if (r.chartsBudgetS !== undefined) {
    checks.push({ ok: r.chartsS !== null && r.chartsS <= r.chartsBudgetS, text: `charts ≤ ${r.chartsBudgetS} s` });
  }
  if (!checks.length) return '—';
  const missed = checks.filter((c) => !c.ok);
  return missed.length ? `✗ ${missed.map((c) => c.text).join(', ')}` : `✓ ${checks.map((c) => c.text).join(', ')}`;
}

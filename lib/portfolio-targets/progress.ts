/**
 * How far a portfolio target has come: for a count, the figure reached over the target (12 of
 * 20 家 = 60 %); for a growth, the growth reached over the growth asked (8.5 % of 10 % = 85 %).
 * Exact decimals in, a per-cent figure out by lib/money's one rounding; met when the figure is
 * at least the target (the report's 以上). Nothing reported yet: no share, not met, not failed.
 */
import { compareMoney, percentOf } from '@/lib/money';

export interface TargetFigures {
  target: string;
  actual: string | null;
}

export interface TargetProgress {
  /** Per cent of the target reached (one decimal), null until a figure is reported or when it is below zero. */
  percent: number | null;
  met: boolean | null;
}

export function targetProgress({ target, actual }: TargetFigures): TargetProgress {
  if (actual === null) return { percent: null, met: null };
  const met = compareMoney(actual, target) >= 0;
  return { percent: actual.startsWith('-') ? null : percentOf(actual, target), met };
}

'use client';

import type { Light } from '@/db/schema/enums';
import { LightChip } from './light-chip';

/** One period's light as the table shows it: every text already translated and formatted by the server. */
export interface LightHistoryRow {
  periodId: number;
  period: string;
  light: Light;
  lightLabel: string;
  override: { light: Light; label: string; reason: string } | null;
  reasons: string[];
  ruleSet: string;
}

export interface LightHistoryLabels {
  period: string;
  computed: string;
  override: string;
  reasons: string;
  ruleSet: string;
}

/**
 * The light per period on the project page. A client component for the server's sake, like the
 * milestone table: the rows travel in the RSC payload as data and become markup once, in the
 * HTML render (light-panel.tsx prepares them).
 */
export function LightHistoryTable({ rows, labels }: { rows: LightHistoryRow[]; labels: LightHistoryLabels }) {
  const none = <span className="text-slate-400">—</span>;
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="light-history">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {labels.period}
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {labels.computed}
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {labels.override}
            </th>
            <th scope="col" className="py-1.5 pr-3 font-medium">
              {labels.reasons}
            </th>
            <th scope="col" className="py-1.5 font-medium">
              {labels.ruleSet}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.periodId} className="border-b border-slate-100 align-top">
              <td className="whitespace-nowrap py-1.5 pr-3 text-slate-700">{h.period}</td>
              <td className="py-1.5 pr-3">
                <LightChip light={h.light} label={h.lightLabel} />
              </td>
              <td className="py-1.5 pr-3">
                {h.override ? (
                  <span title={h.override.reason}>
                    <LightChip light={h.override.light} label={h.override.label} />
                  </span>
                ) : (
                  none
                )}
              </td>
              <td className="py-1.5 pr-3 text-slate-700">{h.reasons.length ? h.reasons.map((r, i) => <div key={i}>{r}</div>) : none}</td>
              <td className="whitespace-nowrap py-1.5 text-xs text-slate-500">{h.ruleSet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

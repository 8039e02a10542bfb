/**
 * The red list (lib/dashboard/red-list.ts) as the words a reader sees, for the dashboard's
 * section and the 大屏's rotating list: the period's name, each row's reason (the lights page's
 * sentence, lib/lights/light-text.ts on renderReason), status, the note when the status and the
 * light disagree, the leader and the open problems. Pure; rendered on the server, so the
 * screen's client component receives plain strings.
 */
import type { RedList } from '@/lib/dashboard/red-list';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { lightReasonText, statusLightNote } from '@/lib/lights/light-text';
import { periodLabel } from '../../reports/_components/report-format';

export interface RedListViewRow {
  projectId: number;
  code: string;
  name: string;
  light: 'red' | 'yellow';
  lightLabel: string;
  reason: string;
  status: RedList['rows'][number]['status'];
  statusLabel: string;
  /** Set when the status pill reads 正常推进 under a red or yellow light (statusLightNote says when). */
  statusNote: string | null;
  leader: string;
  openProblems: number;
  openProblemsLabel: string;
  href: string;
  problemsHref: string;
}

export interface RedListView {
  /** "2026年10月" / "October 2026"; null before any light is computed. */
  period: string | null;
  counts: RedList['counts'];
  countsLabel: string;
  rows: RedListViewRow[];
  /** Rows not carried (the lights page has them all). */
  more: number;
  lightsHref: RedList['lightsHref'];
}

export function redListView(list: RedList, locale: Locale): RedListView {
  const t = translator(locale);
  const rows = list.rows.map((r): RedListViewRow => {
    const facts = { light: r.light, reasons: r.reasons, override: r.override };
    return {
      projectId: r.projectId,
      code: r.code,
      name: locale === 'en' ? (r.nameEn ?? r.name) : r.name,
      light: r.light,
      lightLabel: t(`lights.light.${r.light}`),
      reason: lightReasonText(t, facts, locale) ?? '',
      status: r.status,
      statusLabel: t(`enums.status.${r.status}`),
      statusNote: statusLightNote(t, r.status, facts, locale)
        ? t('dashboard.redList.statusDisagrees', { status: t(`enums.status.${r.status}`) })
        : null,
      leader: r.leaderName ? t('dashboard.redList.leader', { name: r.leaderName }) : t('dashboard.redList.noLeader'),
      openProblems: r.openProblems,
      openProblemsLabel: t('dashboard.redList.openProblems', { count: r.openProblems }),
      href: r.href,
      problemsHref: r.problemsHref,
    };
  });
  return {
    period: list.period ? periodLabel(t, list.period, locale) : null,
    counts: list.counts,
    countsLabel: t('dashboard.redList.counts', list.counts),
    rows,
    more: list.counts.red + list.counts.yellow - rows.length,
    lightsHref: list.lightsHref,
  };
}

import type { Light } from '@/db/schema/enums';
import type { BreakdownRow, Dashboard, ProblemBreakdown } from '@/lib/dashboard/types';
import { getTranslations } from '@/lib/i18n/server-translations';
import { formatWan } from '@/lib/money';
import { Chart } from './chart';
import { ChartCard } from './chart-card';
import {
  LIGHT_ORDER,
  barsHeight,
  colon,
  breakdownInvestmentOption,
  breakdownLightsOption,
  investmentTrendOption,
  monthLabel,
  moneyUnit,
  rowLabel,
} from './chart-options';
import type { ChartTable, ChartTheme } from './chart-types';
import { chartContext, moneyUnits } from './chart-context';
import { figureBarOption } from './figure-bar-option';

// Drawn on the server (chart.tsx). The widths are about each chart's box on a desktop (page.tsx's
// grid), the screen's four columns at 1920 px; phones get their own drawing.
const SCREEN_WIDTH = 440;
const TREND_WIDTH = 680;
/** By category the two charts share the full width; by county, seven twelfths of it. */
const BREAKDOWN_WIDTH = { category: 580, county: 340 };
const PROBLEM_WIDTH = 300;

// ——— Cumulative investment by month ———

export async function InvestmentTrendChart({
  months,
  investment,
  theme = 'light',
  height = 300,
  className,
}: {
  months: Dashboard['investmentByMonth'];
  investment: Dashboard['headline']['investment'];
  theme?: ChartTheme;
  height?: number;
  className?: string;
}) {
  const [t, ctx, unit] = await Promise.all([getTranslations('dashboard.chart'), chartContext(theme), moneyUnits()]);
  const option = investmentTrendOption(months, investment, ctx, {
    planned: t('planned'),
    completed: t('completed'),
    timeElapsed: t('timeElapsed'),
    unit,
  });
  const table: ChartTable = {
    caption: t('investmentTrend'),
    head: [t('month'), t('planned'), t('completed')],
    rows: months.map((m) => ({
      key: String(m.month),
      cells: [monthLabel(m.month, ctx.locale), formatWan(m.plannedCumulative, ctx.locale), formatWan(m.completedCumulative, ctx.locale)],
      href: investment.href,
    })),
  };
  return (
    <ChartCard
      title={t('investmentTrend')}
      subtitle={theme === 'dark' ? undefined : t('investmentTrendSub')}
      tables={[table]}
      theme={theme}
      className={className}
      testId="chart-investment-trend"
    >
      <Chart
        option={option}
        width={theme === 'dark' ? SCREEN_WIDTH : TREND_WIDTH}
        height={height}
        phone={theme !== 'dark'}
        label={t('label.investmentTrend', { year: investment.year })}
        testId="echart-investment-trend"
      />
    </ChartCard>
  );
}

// ——— By category / by county ———

export async function BreakdownCharts({
  rows,
  dimension,
  theme = 'light',
  show = 'both',
  testId,
  className,
  height: fixedHeight,
  crossCounty = 0,
}: {
  rows: BreakdownRow[];
  dimension: 'category' | 'county';
  /** By county: how many of the projects cross counties (they count in each county; the note says so). */
  crossCounty?: number;
  theme?: ChartTheme;
  /** The screen shows one of the two charts per panel. */
  show?: 'both' | 'investment' | 'lights';
  testId?: string;
  className?: string;
  /** A fixed height (the screen); by default it grows with the rows. */
  height?: number;
}) {
  const [t, ctx, unit] = await Promise.all([getTranslations('dashboard'), chartContext(theme), moneyUnits()]);
  const lightLabels = Object.fromEntries(LIGHT_ORDER.map((l) => [l, t(`light.${l}`)])) as Record<Light | 'none', string>;
  const investment = breakdownInvestmentOption(rows, ctx, { planned: t('chart.plannedShort'), completed: t('chart.completedShort'), unit });
  const lights = breakdownLightsOption(rows, ctx, lightLabels);
  const width = theme === 'dark' ? SCREEN_WIDTH : BREAKDOWN_WIDTH[dimension];
  const title = dimension === 'category' ? t('chart.byCategory') : t('chart.byCounty');
  const dimName = title;
  const height = fixedHeight ?? barsHeight(rows.length, ctx);
  const tables: ChartTable[] = [];
  if (show !== 'lights') {
    tables.push({
      caption: `${title}${colon(ctx.locale)}${t('chart.investmentSub')}`,
      head: [title, t('chart.projects'), t('chart.plannedShort'), t('chart.completedShort')],
      rows: rows.map((r) => ({
        key: r.key || 'none',
        cells: [rowLabel(r, ctx.locale), String(r.projects), formatWan(r.planned, ctx.locale), formatWan(r.completed, ctx.locale)],
        href: r.href,
      })),
    });
  }
  if (show !== 'investment') {
    tables.push({
      caption: `${title}${colon(ctx.locale)}${t('chart.lightsSub')}`,
      head: [title, ...LIGHT_ORDER.map((l) => lightLabels[l])],
      rows: rows.map((r) => ({
        key: r.key || 'none',
        cells: [rowLabel(r, ctx.locale), ...LIGHT_ORDER.map((l) => String(r.lights[l] ?? 0))],
        href: r.href,
      })),
    });
  }
  const part = show === 'investment' ? t('chart.investmentSub') : show === 'lights' ? t('chart.lightsSub') : undefined;
  // By county a project crossing counties counts in each (the rows do not add up): the card says so, in chart and table alike.
  const sub =
    dimension === 'county' && crossCounty > 0 ? (
      <>
        {part ? <span className="block">{part}</span> : null}
        <span className="block" data-testid="cross-county-note">
          {t('chart.sharedNote', { count: crossCounty })}
        </span>
      </>
    ) : (
      part
    );
  return (
    <ChartCard title={title} subtitle={sub} tables={tables} theme={theme} className={className} testId={testId}>
      {rows.length === 0 ? (
        <p className="py-10 text-center text-sm text-slate-500">{t('chart.noData')}</p>
      ) : (
        <div className={show === 'both' ? 'grid grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-4 lg:grid-cols-2' : ''}>
          {show !== 'lights' ? (
            <div>
              {show === 'both' ? (
                <h3 className="mb-1 text-xs font-medium text-slate-500">
                  {t('chart.investmentSubUnit', {
                    unit: unit[
                      moneyUnit(
                        rows.flatMap((r) => [r.planned, r.completed]),
                        ctx.locale,
                      )
                    ],
                  })}
                </h3>
              ) : null}
              <Chart
                option={investment}
                width={width}
                height={height}
                phone={theme !== 'dark'}
                label={t('chart.label.investment', { dimension: dimName })}
                testId={testId ? `${testId}-investment` : undefined}
              />
            </div>
          ) : null}
          {show !== 'investment' ? (
            <div>
              {show === 'both' ? <h3 className="mb-1 text-xs font-medium text-slate-500">{t('chart.lightsSub')}</h3> : null}
              <Chart
                option={lights}
                width={width}
                height={height}
                phone={theme !== 'dark'}
                label={t('chart.label.lights', { dimension: dimName })}
                testId={testId ? `${testId}-lights` : undefined}
              />
            </div>
          ) : null}
        </div>
      )}
    </ChartCard>
  );
}

// ——— New-energy capacity ———

// ——— Problems ———

const TYPE_COLORS = ['#d97706'];
const AGE_COLORS = ['#fcd34d', '#f59e0b', '#ea580c', '#dc2626'];

export async function ProblemCharts({
  problems,
  theme = 'light',
  height = 220,
  className,
}: {
  problems: ProblemBreakdown;
  theme?: ChartTheme;
  height?: number;
  className?: string;
}) {
  const [t, ctx] = await Promise.all([getTranslations(), chartContext(theme)]);
  const typeLabel = (x: ProblemBreakdown['byType'][number]) => t(`enums.problemType.${x.type}`);
  const ageLabel = (x: ProblemBreakdown['byAge'][number]) => t(`dashboard.chart.ageBucket.${x.bucket}`);
  const byType = figureBarOption(problems.byType, typeLabel, ctx, { name: t('dashboard.chart.count'), colors: TYPE_COLORS });
  const byAge = figureBarOption(problems.byAge, ageLabel, ctx, { name: t('dashboard.chart.count'), colors: AGE_COLORS });
  const width = theme === 'dark' ? SCREEN_WIDTH : PROBLEM_WIDTH;
  const tables: ChartTable[] = [
    {
      caption: t('dashboard.chart.problemsByType'),
      head: [t('dashboard.chart.problemType'), t('dashboard.chart.count')],
      rows: problems.byType.map((x) => ({ key: x.type, cells: [typeLabel(x), String(x.count)], href: x.href })),
    },
    {
      caption: t('dashboard.chart.problemsByAge'),
      head: [t('dashboard.chart.age'), t('dashboard.chart.count')],
      rows: problems.byAge.map((x) => ({ key: x.bucket, cells: [ageLabel(x), String(x.count)], href: x.href })),
    },
  ];
  const dark = theme === 'dark';
  const none = problems.byType.every((x) => x.count === 0) && problems.byAge.every((x) => x.count === 0);
  return (
    <ChartCard
      title={t('dashboard.chart.problems')}
      subtitle={dark ? undefined : t('dashboard.chart.problemsSub')}
      tables={tables}
      theme={theme}
      className={className}
      testId="chart-problems"
    >
      {none ? (
        <p className={`py-10 text-center ${dark ? 'text-lg text-slate-400' : 'text-sm text-slate-500'}`}>
          {t('dashboard.chart.noProblems')}
        </p>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-4 sm:grid-cols-2">
          <div>
            <h3 className={`mb-1 font-medium ${dark ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>
              {t('dashboard.chart.problemsByType')}
            </h3>
            <Chart
              option={byType}
              width={width}
              height={height}
              phone={theme !== 'dark'}
              label={t('dashboard.chart.label.problemsByType')}
              testId="echart-problems-type"
            />
          </div>
          <div>
            <h3 className={`mb-1 font-medium ${dark ? 'text-base text-slate-400' : 'text-xs text-slate-500'}`}>
              {t('dashboard.chart.problemsByAge')}
            </h3>
            <Chart
              option={byAge}
              width={width}
              height={height}
              phone={theme !== 'dark'}
              label={t('dashboard.chart.label.problemsByAge')}
              testId="echart-problems-age"
            />
          </div>
        </div>
      )}
    </ChartCard>
  );
}

/**
 * Public holidays and worked weekend days (放假调休) as the State Council's notices set them: the
 * working-day calendar's facts for the years the seed covers. The office keeps later years itself.
 */
export interface HolidayFact {
  name: string;
  /** First and last day off, inclusive. */
  from: string;
  to: string;
  /** Weekend days worked instead (调休上班). */
  worked: readonly string[];
}

export interface CalendarYearFact {
  year: number;
  source: string;
  holidays: readonly HolidayFact[];
}

export const CALENDAR_FACTS: readonly CalendarYearFact[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01', worked: [] },
      { name: '春节', from: '2025-01-28', to: '2025-02-04', worked: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06', worked: [] },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05', worked: ['2025-04-27'] },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02', worked: [] },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', worked: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', worked: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', worked: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', worked: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', worked: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', worked: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', worked: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', worked: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

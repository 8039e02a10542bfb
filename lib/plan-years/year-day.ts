/** The day a plan year's figures are taken at: `day` (today) for the current or a later year, the year's last day for a past one. */
export function yearDay(year: number, day: string): string {
  return Number(day.slice(0, 4)) > year ? `${year}-12-31` : day;
}

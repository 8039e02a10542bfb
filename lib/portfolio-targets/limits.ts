/** Text limits of the portfolio-target form (plain, so the browser form shares them without zod). */
export const PORTFOLIO_SOURCE_MAX = 200;

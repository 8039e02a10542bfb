/**
 * The national investment project code (全国投资项目在线审批监管平台 项目代码), as the platform
 * assigns it: YYYY-XXXXXX-XX-XX-XXXXXX — the year the code was given, the six-digit
 * administrative division code of the place that registered the project, the two-digit
 * industry code, the two-digit approval type (审批 / 核准 / 备案 …), a six-digit serial.
 *
 * People paste it from the platform, from a Word document or type it with a Chinese IME, so the
 * parser takes full-width digits, the dashes those produce (－ — – ‐) and spaces around the
 * parts, and gives back the canonical form. This module is plain (no zod): the form uses it too.
 */

const CODE_RE = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;
/** Province-level division codes run from 11 (北京) to 82 (澳门); anything else is not a division. */
const PROVINCE_MIN = 11;
const PROVINCE_MAX = 82;
const YEAR_MIN = 2000;
const YEAR_MAX = 2100;

/** The canonical form of a code as typed, or null when it is not one. */
export function parseNationalCode(raw: string): string | null {
  const s = raw
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .trim();
  const m = CODE_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const province = Number(m[2]!.slice(0, 2));
  if (year < YEAR_MIN || year > YEAR_MAX || province < PROVINCE_MIN || province > PROVINCE_MAX) return null;
  return s;
}

/** The shape shown to the user beside the field and in the error. */
export const NATIONAL_CODE_PATTERN = 'YYYY-XXXXXX-XX-XX-XXXXXX';

import { coordinatesText, type PhotoLocation } from '@/lib/reports/photo-location';

/**
 * The stamp (水印) a project lead may choose to print on a site photo before it is sent: in the
 * lower left corner, a semi-transparent dark band with white text giving the project name, the
 * time taken (else the time of the upload) and, when recorded, the position. Drawn on the resized
 * canvas in the browser, before the JPEG is encoded, so it is part of the picture.
 */

/** CJK first: the project names are Chinese. */
export const STAMP_FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
/** The longest project name printed (a longer one is cut with an ellipsis). */
export const STAMP_NAME_MAX = 40;

type T = (key: string, values?: Record<string, string | number>) => string;

/** What the stamp says, line by line. `t` is the `reports.photo` translator, `formatTime` the app's date-time display. */
export function stampLines(
  t: T,
  facts: { projectName: string; takenAt: Date | null; now: Date; location: PhotoLocation | null },
  formatTime: (date: Date) => string,
): string[] {
  const name = Array.from(facts.projectName.replace(/\s+/g, ' ').trim());
  const lines = [name.length > STAMP_NAME_MAX ? `${name.slice(0, STAMP_NAME_MAX - 1).join('')}…` : name.join('')];
  lines.push(facts.takenAt ? t('takenAt', { time: formatTime(facts.takenAt) }) : t('uploadedAt', { time: formatTime(facts.now) }));
  if (facts.location) lines.push(coordinatesText(t, facts.location.latitude, facts.location.longitude));
  return lines.filter((line) => line.length > 0);
}

export interface StampLayout {
  fontSize: number;
  lineHeight: number;
  padding: number;
  /** The band's top edge, from the image's top. */
  top: number;
  bandHeight: number;
}

/** The size of the text follows the picture's (its long edge / 45, at least 12 px), so a stamp reads alike at any resolution. */
export function stampLayout(width: number, height: number, lines: number): StampLayout {
  const fontSize = Math.max(12, Math.round(Math.max(width, height) / 45));
  const lineHeight = Math.round(fontSize * 1.35);
  const padding = Math.round(fontSize * 0.6);
  const bandHeight = Math.min(height, lines * lineHeight + 2 * padding);
  return { fontSize, lineHeight, padding, top: height - bandHeight, bandHeight };
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Draws the stamp onto a canvas already holding the picture. */
export function drawStamp(ctx: Context2D, lines: string[], width: number, height: number): void {
  if (lines.length === 0) return;
  const { fontSize, lineHeight, padding, top, bandHeight } = stampLayout(width, height, lines.length);
  ctx.save();
  ctx.font = `${fontSize}px ${STAMP_FONT_FAMILY}`;
  ctx.textBaseline = 'top';
  const textWidth = Math.max(...lines.map((line) => ctx.measureText(line).width));
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.fillRect(0, top, Math.min(width, Math.ceil(textWidth) + 2 * padding), bandHeight);
  ctx.fillStyle = '#ffffff';
  lines.forEach((line, i) => {
    // A line wider than the picture is cut by the canvas edge, not squeezed.
    ctx.fillText(line, padding, top + padding + i * lineHeight + (lineHeight - fontSize) / 2);
  });
  ctx.restore();
}

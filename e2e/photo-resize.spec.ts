import { expect, type Browser, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { storageState } from './users';

// A 12 MP phone photo on a slow uplink: the browser resizes and re-encodes it before it is
// sent (long edge 2048 px, JPEG), so what goes over the network is under 1 MB, and the time it
// was taken (EXIF DateTimeOriginal, gone from the re-encoded JPEG) travels with it and is shown.

test.use({ storageState: storageState('lead') });

/** 4000 × 3000 with noise (it does not compress away), taken 18 June 2025 09:30:15 +08:00. */
async function twelveMegapixelPhoto(): Promise<Buffer> {
  return sharp({
    create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 15 } },
  })
    .jpeg({ quality: 92 })
    .withExif({ IFD2: { DateTimeOriginal: '2025:06:18 09:30:15', OffsetTimeOriginal: '+08:00' } })
    .toBuffer();
}

interface SentForm {
  file: { name: string; type: string; size: number };
  takenAt: string | null;
}

/** In the page: keeps the file and taken-at of every multipart form sent by XHR or fetch. */
function recordSentForms() {
  const sent: SentForm[] = [];
  (window as unknown as { __sentForms: SentForm[] }).__sentForms = sent;
  const keep = (body: unknown) => {
    if (!(body instanceof FormData)) return;
    const file = body.get('file');
    if (file instanceof File)
      sent.push({ file: { name: file.name, type: file.type, size: file.size }, takenAt: (body.get('takenAt') as string | null) ?? null });
  };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    keep(body);
    return send.call(this, body as Parameters<typeof send>[0]);
  };
  const fetchBefore = window.fetch;
  window.fetch = (input, init) => {
    keep(init?.body);
    return fetchBefore(input, init);
  };
}

async function editableReport(page: Page): Promise<string | null> {
  await page.goto('/reports');
  const links = await page
    .locator('a[href^="/reports/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!).filter((h) => /^\/reports\/\d+$/.test(h)))]);
  for (const href of links) {
    await page.goto(href);
    if (await page.getByTestId('photo-input').count()) return href;
  }
  return null;
}

/** The dispatch office opens the next period (the one its form proposes): every project gets a draft. */
async function openNextPeriod(browser: Browser): Promise<void> {
  const ctx = await browser.newContext({ storageState: storageState('dispatch') });
  const office = await ctx.newPage();
  await office.goto('/reports');
  await office.getByTestId('open-period-submit').click();
  await office.getByTestId('open-period-confirm-yes').click();
  await expect(office.getByTestId('open-period-confirm')).toHaveCount(0);
  await ctx.close();
}

test('a 12 MP photo is sent as a resized JPEG under 1 MB, with the time it was taken', async ({ page, browser }) => {
  await page.addInitScript(recordSentForms);
  const photo = await twelveMegapixelPhoto();
  expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);

  let report = await editableReport(page);
  if (!report) {
    await openNextPeriod(browser);
    report = await editableReport(page);
  }
  expect(report, 'a report of the lead that opens as the form').not.toBeNull();
  await page.goto(report!);

  const before = await page.getByTestId('photo-thumb').count();
  const upload = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/reports\/\d+\/photos$/.test(new URL(r.url()).pathname));
  await page.getByTestId('photo-input').setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: photo });
  const sent = await upload;

  // What went over the network: a JPEG under 1 MB named .jpg, and the taken-at beside it (the
  // body is a Blob, which Playwright does not expose: the page records what the form sent).
  const answer = await sent.response();
  expect(answer?.status()).toBe(201);
  const { data } = (await answer!.json()) as { data: { url: string } };
  const [form] = await page.evaluate(() => (window as unknown as { __sentForms: SentForm[] }).__sentForms);
  expect(form!.file.type).toBe('image/jpeg');
  expect(form!.file.name).toBe('IMG_0001.jpg');
  expect(form!.file.size).toBeGreaterThan(50 * 1024);
  expect(form!.file.size).toBeLessThan(1024 * 1024);
  expect(form!.takenAt).toBe('2025-06-18T01:30:15.000Z');

  // Stored and shown: the new thumbnail's caption says when it was taken (Beijing time).
  await expect(page.getByTestId('photo-thumb')).toHaveCount(before + 1, { timeout: 30_000 });
  const caption = page.getByTestId('photo-caption').last();
  await expect(caption).toContainText('拍摄于');
  await expect(caption).toContainText('2025');
  await expect(caption).toContainText('09:30');

  // The stored photo is the resized one: 2048 px on its long edge.
  const served = await page.request.get(data.url);
  expect(served.status()).toBe(200);
  const meta = await sharp(await served.body()).metadata();
  expect(Math.max(meta.width!, meta.height!)).toBe(2048);
  expect(meta.format).toBe('jpeg');
});

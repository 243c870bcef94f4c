import { existsSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { createSandbox, type RunningSandbox } from '../../mock-server/src/index.js';
import { OCAMBA } from '../helpers/identities.js';

/**
 * The dashboard (decision 0610) in Debian's Chromium, driven by
 * playwright-core: one browser for the file, one page going through the
 * views as a person would. Requests "from outside" go through node:http,
 * never the page. A screenshot of each view lands in test-artifacts/dashboard/.
 */
// Functions passed to evaluate() run in the browser; this file compiles without the DOM library, so its globals are declared here.
declare const document: any;
declare function getComputedStyle(element: unknown): { backgroundColor: string; borderTopWidth: string; fontWeight: string };

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
// A test needing chromium skips only when it is absent and CI is unset; under CI a missing chromium fails (.ci/run installs it).
const missing = !present && !process.env['CI'];
if (missing) console.warn('test/e2e/dashboard.test.ts skipped: chromium is not installed (apt-get install chromium); under CI=true this fails');

const ARTIFACTS = join(PROJECT_ROOT, 'test-artifacts/dashboard');
const TOKEN = 'e2e-dashboard-token';
const CONTACT = `/v1/hood/partners/${OCAMBA.partner}/contacts/${OCAMBA.emailContact}`;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** A vendor request from a plain HTTP client (not the browser). */
function send(url: string, session: string, method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${OCAMBA.keyA}`, 'X-Sandbox-Session': session };
    if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) });
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.skipIf(missing)('the dashboard in a real browser', () => {
  let running: RunningSandbox;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  const open = async (view: string) => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('view-title');
    await expect.poll(() => page.locator('#view-title').textContent()).toBe(view);
  };
  const useSession = async (id: string) => {
    const picker = page.locator('header').getByLabel('Session', { exact: true });
    await picker.fill(id);
    await picker.press('Enter');
  };

  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is not installed, and CI is set: .ci/run installs it (apt-get install -y chromium)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    running = await createSandbox({ seed: 1, clock: '2026-03-02T10:00:00.000Z', adminAccess: { token: TOKEN } }).listen(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, colorScheme: 'light', reducedMotion: 'reduce' });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/401 \(Unauthorized\)/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    // Everything the page loads comes from the sandbox itself.
    page.on('request', (req) => {
      if (!req.url().startsWith(running.url) && !req.url().startsWith('data:')) problems.push(`request elsewhere: ${req.url()}`);
    });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('asks for the admin token, then shows a request sent by a plain HTTP client within a second', async () => {
    await page.goto(`${running.url}/__admin/ui`);
    await page.getByLabel('Admin token', { exact: true }).fill(TOKEN);
    await shot('token');
    await page.getByRole('button', { name: 'Use this token' }).click();
    await expect.poll(() => page.locator('.live-state').textContent(), { timeout: 5000 }).toContain('live');
    const answer = await send(running.url, 'e2e-journal', 'PATCH', CONTACT, '{"value":"dashboard@example.com"}');
    expect(answer.status).toBe(204);
    const answered = Date.now();
    await page.locator('tr[data-session="e2e-journal"]').waitFor({ timeout: 1000 });
    expect(Date.now() - answered).toBeLessThan(1000);
    await shot('journal');
  });

  it('takes the token from the address fragment once, in a tab of its own, and removes it from the address bar', async () => {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${running.url}/__admin/ui#token=${TOKEN}`);
      await expect.poll(() => tab.locator('.live-state').textContent(), { timeout: 5000 }).toContain('live');
      expect(tab.url()).toBe(`${running.url}/__admin/ui`);
      expect(await tab.locator('form.token').count()).toBe(0);
      expect(await tab.evaluate(() => (globalThis as any).sessionStorage.getItem('contact-sandbox.admin-token'))).toBe(TOKEN);
    } finally {
      await tab.close();
    }
  });

  it("opens a request to its body, headers, timing and the response's headers", async () => {
    await page.locator('tr[data-session="e2e-journal"]').getByRole('button').click();
    const detail = page.locator('#request-detail');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('detail-title');
    await expect.poll(() => detail.getByRole('figure').filter({ hasText: 'Request body' }).textContent()).toContain('"value": "dashboard@example.com"');
    const requestHeaders = detail.getByRole('table', { name: 'Request headers' });
    expect(await requestHeaders.getByRole('row').filter({ hasText: 'x-sandbox-session' }).textContent()).toContain('e2e-journal');
    expect(await requestHeaders.getByRole('row').filter({ hasText: 'content-type' }).textContent()).toContain('application/json');
    const responseHeaders = detail.getByRole('table', { name: 'Response headers' });
    expect(await responseHeaders.getByRole('row').filter({ hasText: 'X-RateLimit-Limit' }).textContent()).toContain('10');
    expect(await detail.textContent()).toMatch(/Took[\d.]+ ms/);
    expect(await detail.textContent()).toContain('ocamba · updatePartnerContact');
    await shot('journal-detail');
  });

  it('filters the journal by status', async () => {
    await send(running.url, 'e2e-journal', 'GET', '/v1/hood/partners/999999');
    await page.locator('tr[data-session="e2e-journal"] .status-client').waitFor({ timeout: 1000 });
    await page.getByLabel('Status', { exact: true }).fill('4xx');
    await expect.poll(() => page.locator('tbody tr[data-session]').count()).toBe(1);
    expect(await page.locator('tbody tr[data-session] .status').textContent()).toMatch(/^4\d\d$/);
    await page.getByLabel('Status', { exact: true }).fill('');
  });

  it("activates a scenario for a session from the page, and the next vendor answer is the scenario's", async () => {
    const session = 'e2e-scenario';
    expect((await send(running.url, session, 'GET', CONTACT)).status).toBe(200);
    await useSession(session);
    await open('Scenarios');
    await page.getByLabel('Search').fill('ocamba/bad-gateway');
    await page.getByRole('button', { name: `Activate scenario ocamba/bad-gateway in session ${session}` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is in force' }).count()).toBe(1);
    await expect.poll(() => page.locator('table.in-force tr[data-vendor="ocamba"]').textContent()).toContain('ocamba/bad-gateway');
    expect((await send(running.url, session, 'GET', CONTACT)).status).toBe(502);
    await page.getByLabel('Search').fill('');
    await shot('scenarios');
  });

  it("advances the session's clock from the page, and Ocamba's rate-limit window moves with it", async () => {
    const session = 'e2e-clock';
    for (let i = 0; i < 10; i++) expect((await send(running.url, session, 'PATCH', CONTACT, '{"value":"a@b.co"}')).status).toBe(204);
    const throttled = await send(running.url, session, 'PATCH', CONTACT, '{"value":"a@b.co"}');
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    await useSession(session);
    await open('Clock');
    await expect.poll(() => page.locator('#clock-now').textContent()).toBe('2026-03-02T10:00:00.000Z');
    await page.getByRole('button', { name: 'Advance the clock by 1 s' }).click();
    await expect.poll(() => page.locator('#clock-now').textContent()).toBe('2026-03-02T10:00:01.000Z');
    const next = await send(running.url, session, 'PATCH', CONTACT, '{"value":"a@b.co"}');
    expect(next.status).toBe(204);
    expect(next.headers['x-ratelimit-remaining']).toBe('9');
    await shot('clock');
  });

  it('lists the sessions with their last use and request counts, and resets one', async () => {
    await open('Sessions');
    const row = page.locator('tr[data-session="e2e-scenario"]');
    await row.waitFor();
    expect(await row.locator('td.num').first().textContent()).toBe('2');
    // Read when the view opens: the clock test's twelve requests and its advanced clock.
    const clocked = page.locator('tr[data-session="e2e-clock"]');
    await expect.poll(() => clocked.locator('td.num').first().textContent()).toBe('12');
    expect(await clocked.textContent()).toContain('2026-03-02T10:00:01.000Z');
    await expect.poll(() => row.locator('time').first().textContent()).toMatch(/s ago$/);
    await shot('sessions');
    await row.getByRole('button', { name: 'Reset session e2e-scenario' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'back on the start-up scenario' }).count()).toBe(1);
    expect((await send(running.url, 'e2e-scenario', 'GET', CONTACT)).status).toBe(200);
  });

  it("shows each vendor's base paths and sandbox identities, and renders its contract from the sandbox's own files", async () => {
    await open('Vendors');
    const card = page.locator('article[data-vendor="ocamba"]');
    expect(await card.textContent()).toContain('/v1/hood');
    expect(await card.getByRole('table', { name: 'Ocamba Hood sandbox identities' }).textContent()).toContain(OCAMBA.keyA);
    await card.getByRole('link', { name: 'Show the Ocamba Hood contract' }).click();
    const rendered = page.locator('.contract-render .swagger-ui');
    await rendered.locator('.opblock').first().waitFor({ timeout: 10_000 });
    expect(await rendered.textContent()).toContain('/v1/hood/partners/{id}/contacts/{contact_id}');
    // Browsing only: nothing to send from here.
    expect(await rendered.getByRole('button', { name: 'Try it out' }).count()).toBe(0);
    await page.locator('.contract').scrollIntoViewIfNeeded();
    await shot('vendors-contract');
  });

  it('shows coverage as operations × outcomes, with an outcome no request reached standing out', async () => {
    await useSession('e2e-clock');
    await open('Coverage');
    const operation = page.locator('section[data-vendor="ocamba"] tr[data-operation="updatePartnerContact"]');
    await operation.waitFor();
    const reached = operation.locator('li[data-outcome="204"]');
    const unreached = operation.locator('li[data-outcome="404"]');
    expect(await reached.getAttribute('class')).toBe('outcome reached');
    expect(await reached.textContent()).toContain('×11');
    expect(await operation.locator('li[data-outcome="429"]').getAttribute('data-reached')).toBe('true');
    expect(await unreached.getAttribute('class')).toBe('outcome unreached');
    expect(await unreached.textContent()).toContain('not reached');
    const look = (el: unknown) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, border: style.borderTopWidth, weight: style.fontWeight };
    };
    const [plain, gap] = [await reached.evaluate(look), await unreached.evaluate(look)];
    expect(gap.background).not.toBe(plain.background);
    expect(Number(gap.weight)).toBeGreaterThan(Number(plain.weight));
    expect(parseFloat(gap.border)).toBeGreaterThan(parseFloat(plain.border));
    await unreached.scrollIntoViewIfNeeded();
    await shot('coverage');
  });

  it('labels every control and reads in dark mode too', async () => {
    for (const view of ['Journal', 'Sessions', 'Scenarios', 'Clock', 'Vendors', 'Coverage']) {
      await open(view);
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea, button')]
          .filter((el: any) => !el.closest('.contract-render'))
          .filter((el: any) => {
            const named = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim();
            const labels = el.labels;
            return named === '' && (labels === null || labels === undefined || labels.length === 0);
          })
          .map((el: any) => el.outerHTML.slice(0, 80)),
      );
      expect(unlabelled, view).toEqual([]);
    }
    // By keyboard: a view's link, Enter, and the focus is on the view's heading; Tab goes on to its first control.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Clock', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('view-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    // The overview (docs/images/dashboard.png is one of these): every session's requests, a refused one opened.
    await open('Journal');
    await page.locator('tr[data-session="e2e-clock"]').filter({ hasText: '429' }).getByRole('button').click();
    await expect.poll(() => page.locator('#request-detail .explanations').textContent()).toContain('rate-limit');
    await shot('overview');
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    await shot('journal-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(problems).toEqual([]);
  });
});

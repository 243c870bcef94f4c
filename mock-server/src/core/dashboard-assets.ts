import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpOutcome } from './http-outcome.js';
import { PROJECT_ROOT } from './paths.js';

/** Where the dashboard is served (decision 0610). */
export const DASHBOARD_PATH = '/__admin/ui';

/** Where the build puts the dashboard (build/bundle-dashboard.ts). */
export const DEFAULT_DASHBOARD_DIR = join(PROJECT_ROOT, 'mock-server/dist/ui');

/** `manifest.json` beside the files: the page, and every file it may load (content-hashed names) with its content type. */
export interface DashboardManifest {
  readonly page: string;
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Only what the page needs: its own scripts and styles and the contract
 * renderer's, nothing from elsewhere (no CDN), no inline script, no frames.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Swagger UI sets style attributes from its scripts.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as const;

/**
 * The dashboard's built files of one sandbox, read on first request (serving
 * vendors never reads them) and kept. A name outside the manifest is never
 * read: the manifest is the allow-list.
 */
export class DashboardAssets {
  #manifest: DashboardManifest | undefined;
  readonly #files = new Map<string, string>();

  constructor(readonly dir: string = DEFAULT_DASHBOARD_DIR) {}

  /** The page, or undefined when the build has not made the dashboard. */
  page(): HttpOutcome | undefined {
    const manifest = this.#load();
    if (manifest === undefined) return undefined;
    return {
      status: 200,
      headers: { ...COMMON_HEADERS, 'Cache-Control': 'no-cache', 'Content-Security-Policy': PAGE_POLICY, 'X-Frame-Options': 'DENY' },
      text: { contentType: 'text/html; charset=utf-8', content: this.#read(manifest.page) },
    };
  }

  /** One of the page's files; undefined when the manifest does not list it. */
  file(name: string): HttpOutcome | undefined {
    const manifest = this.#load();
    const contentType = manifest === undefined || !Object.hasOwn(manifest.files, name) ? undefined : manifest.files[name];
    if (contentType === undefined) return undefined;
    // Names carry a hash of their content: a browser may keep them for good.
    return { status: 200, headers: { ...COMMON_HEADERS, 'Cache-Control': 'public, max-age=31536000, immutable' }, text: { contentType, content: this.#read(name) } };
  }

  get built(): boolean {
    return this.#load() !== undefined;
  }

  #load(): DashboardManifest | undefined {
    if (this.#manifest === undefined) {
      const file = join(this.dir, 'manifest.json');
      // Not kept when missing: a build made while the sandbox runs is picked up.
      if (!existsSync(file)) return undefined;
      this.#manifest = JSON.parse(readFileSync(file, 'utf8')) as DashboardManifest;
    }
    return this.#manifest;
  }

  #read(name: string): string {
    let content = this.#files.get(name);
    if (content === undefined) {
      content = readFileSync(join(this.dir, name), 'utf8');
      this.#files.set(name, content);
    }
    return content;
  }
}

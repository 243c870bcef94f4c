import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_DIRS, PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { listFiles } from '../../mock-server/src/core/scenario-catalogue.js';
import { parseYamlText, yamlCacheOf } from '../../mock-server/src/core/yaml-text.js';

const scenarioTexts = listFiles(DEFAULT_DIRS.scenarios)
  .filter((file) => !file.endsWith('.json'))
  .map((file) => readFileSync(file, 'utf8'));

describe("the build's YAML cache (start-up without the YAML parser)", () => {
  it('holds every built-in scenario, parsed exactly as the YAML parser reads it', () => {
    // `npm test` builds first (pretest), so the built server's cache is there.
    const built = join(PROJECT_ROOT, 'mock-server/dist/compiled/yaml-cache.json');
    expect(existsSync(built)).toBe(true);
    const cache = JSON.parse(readFileSync(built, 'utf8')) as Record<string, string>;
    expect(Object.keys(cache)).toHaveLength(new Set(scenarioTexts).size);
    expect(
      Object.values(cache)
        .map((json) => JSON.parse(json) as unknown)
        .sort(byJson),
    ).toEqual(scenarioTexts.map((text) => parse(text) as unknown).sort(byJson));
    expect(readFileSync(built, 'utf8')).toBe(yamlCacheOf(scenarioTexts));
  });

  it('parses a text it has not seen, and gives fresh objects each time', () => {
    const text = 'description: not in any cache\nvendors: { ocamba: { settings: { rateLimit: { perSecond: 3 } } } }\n';
    const first = parseYamlText(text);
    expect(first).toEqual({ description: 'not in any cache', vendors: { ocamba: { settings: { rateLimit: { perSecond: 3 } } } } });
    expect(parseYamlText(text)).not.toBe(first);
  });
});

function byJson(a: unknown, b: unknown): number {
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

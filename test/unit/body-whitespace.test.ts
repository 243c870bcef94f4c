import { describe, expect, it } from 'vitest';
import { parseBody, spacesOutsideStrings, type BodyPolicy } from '../../mock-server/src/core/body.js';

const strict: BodyPolicy = { json: ['application/json'], otherTypes: 'reject', missingType: 'reject' };
const dotnet: BodyPolicy = { ...strict, whitespace: 'unicode' };
const nbsp = (s: string) => Buffer.from(s.replaceAll('_', '\u00a0'), 'utf8');

describe('Unicode whitespace between JSON tokens', () => {
  it('is refused under the default (RFC 8259) policy', () => {
    expect(parseBody(nbsp('{_"a":_1}'), 'application/json', strict).kind).toBe('malformed');
  });

  it('is read as whitespace under the .NET policy, keeping spaces inside strings', () => {
    expect(parseBody(nbsp('{_"a\\"_b":_"x_y",\u2003"c":[1,\u30002]}'), 'application/json', dotnet)).toEqual({
      kind: 'ok',
      format: 'json',
      body: { 'a"\u00a0b': 'x\u00a0y', c: [1, 2] },
    });
  });

  it('still reports a body that is malformed for another reason', () => {
    expect(parseBody(nbsp('{_"a":_1,}'), 'application/json', dotnet).kind).toBe('malformed');
  });

  it('leaves text without such spaces unchanged', () => {
    const text = '{"a": "b\\\\", "c": "\u00a0"}';
    expect(spacesOutsideStrings(text)).toBe(text);
  });
});

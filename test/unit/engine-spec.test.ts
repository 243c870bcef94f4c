import { describe, expect, it } from 'vitest';
import { contractLocation, engineSpec } from '../../mock-server/src/pact-check/engine-spec.js';

// The contract as check-pact hands it to swagger-mock-validator: the same meaning, in forms the engine reads (docs/decisions/0518).
const refused = { description: 'refused', content: { 'application/json': { schema: { type: 'object' } } } };
const document = () => ({
  openapi: '3.1.0',
  paths: {
    '/items': {
      get: { responses: { '200': { description: 'ok' }, '404': { description: 'none' }, '4XX': refused } },
      post: { responses: { '201': { description: 'made' } } },
    },
  },
  components: {
    schemas: {
      Suits: { description: 'value suits type', allOf: [{ if: { required: ['a'] }, then: { required: ['b'] } }, { $ref: '#/components/schemas/Deeper' }] },
      Deeper: { allOf: [{ if: { required: ['c'] }, then: { required: ['d'] } }] },
      Named: { type: 'object', properties: { a: { type: 'string' } } },
      Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }] },
      Update: {
        type: 'object',
        properties: { a: { type: 'string' } },
        allOf: [{ $ref: '#/components/schemas/Suits' }, { $ref: '#/components/schemas/Named' }, { required: ['a'] }],
      },
    },
  },
});

describe('engineSpec', () => {
  it('writes a range out as each status the pact uses that the operation does not declare, and maps findings back to the range', () => {
    const input = document();
    const { document: spec, rangeOf } = engineSpec(input, new Set([200, 401, 404, 418, 500]));
    const responses = (spec as ReturnType<typeof document>).paths['/items'].get.responses as Record<string, unknown>;
    expect(Object.keys(responses).sort()).toEqual(['200', '401', '404', '418', '4XX']);
    expect(responses['401']).toEqual(refused);
    expect(responses['404']).toEqual({ description: 'none' });
    expect(Object.keys((spec as ReturnType<typeof document>).paths['/items'].post.responses)).toEqual(['201']);
    expect(input.paths['/items'].get.responses).not.toHaveProperty('401');
    expect(contractLocation('[root].paths./items.get.responses.401.content.application/json.schema.type', rangeOf)).toBe(
      '[root].paths./items.get.responses.4XX.content.application/json.schema.type',
    );
    expect(contractLocation('[root].paths./items.get.responses.404', rangeOf)).toBe('[root].paths./items.get.responses.404');
    expect(contractLocation('[root].paths./items.get.responses.4010', rangeOf)).toBe('[root].paths./items.get.responses.4010');
  });

  it('replaces an allOf member that is only an allOf (inline or by $ref, at any depth) by its members, and leaves every other member', () => {
    const input = document();
    const schemas = (engineSpec(input, new Set()).document as ReturnType<typeof document>).components.schemas;
    expect(schemas.Update.allOf).toEqual([
      { if: { required: ['a'] }, then: { required: ['b'] } },
      { if: { required: ['c'] }, then: { required: ['d'] } },
      { $ref: '#/components/schemas/Named' },
      { required: ['a'] },
    ]);
    expect(schemas.Suits.allOf).toEqual([
      { if: { required: ['a'] }, then: { required: ['b'] } },
      { if: { required: ['c'] }, then: { required: ['d'] } },
    ]);
    // A schema that is its own member stays as it is, rather than unfolding for ever.
    expect(schemas.Loop.allOf).toEqual([{ $ref: '#/components/schemas/Loop' }]);
    expect(input.components.schemas.Update.allOf).toHaveLength(3);
  });
});

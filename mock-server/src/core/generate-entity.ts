import { createRequire } from 'node:module';
import type { Faker } from '@faker-js/faker';
import { generateSync, type JsonSchema } from 'json-schema-faker';
import type { Contract } from './contract.js';
import { deriveSeed } from './random.js';

// faker (~22 ms to load) is only needed when a scenario generates entities, so it is
// loaded on first use rather than on every start (require(esm), Node >= 20.19).
const require = createRequire(import.meta.url);
let englishFaker: Faker | undefined;

/** A private faker instance (never the shared global one, which parallel work would disturb). */
export function seededFaker(seed: number): Faker {
  // The English-only entry point loads in ~17 ms where the full package takes ~115 ms (measured);
  // it exports only an instance, so its class is reached through the instance.
  englishFaker ??= (require('@faker-js/faker/locale/en') as { faker: Faker }).faker;
  const FakerClass = englishFaker.constructor as new (options: { locale: Faker['rawDefinitions'][] }) => Faker;
  const faker = new FakerClass({ locale: [englishFaker.rawDefinitions] });
  faker.seed(seed);
  return faker;
}

/**
 * Generates one entity from a contract schema, with faker for realistic values
 * (`x-faker` hints in the contract). The result depends only on the seed, the
 * entity's kind and its id, never on what was generated before it.
 */
export function generateEntity(contract: Contract, schemaName: string, seed: number, id: string): Record<string, unknown> {
  const entitySeed = deriveSeed(seed, contract.id, schemaName, id);
  const faker = seededFaker(entitySeed);
  const schema = withFakerKeyword(contract.dereferenced(`#/components/schemas/${schemaName}`)) as JsonSchema;
  const value = generateSync(schema, { seed: entitySeed, extensions: { faker }, alwaysFakeOptionals: true });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${schemaName} did not generate an object`);
  return value as Record<string, unknown>;
}

/** json-schema-faker reads `faker`; the contract says `x-faker` so that it stays a valid OpenAPI document. */
function withFakerKeyword(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withFakerKeyword);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key === 'x-faker' ? 'faker' : key, withFakerKeyword(child)]));
}

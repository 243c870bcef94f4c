import { generateSync, type JsonSchema } from 'json-schema-faker';
import { escapePointer, isObject, type Contract, type ContractOperation } from '../../mock-server/src/core/contract.js';

/** One parameter as the fuzzer uses it: where it goes and a few values its schema admits. */
export interface FuzzParam {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly samples: readonly string[];
}

/** An operation with what the generators draw from: parameters and a pool of valid bodies per media type. */
export interface FuzzOperation {
  readonly vendor: string;
  readonly op: ContractOperation;
  readonly params: readonly FuzzParam[];
  /** Media type → bodies the contract admits (its examples first, then json-schema-faker's). */
  readonly bodies: ReadonlyMap<string, readonly unknown[]>;
}

const POOL = 5;

/** Every operation of a contract, with sample values generated once (json-schema-faker is slow per call). */
export function fuzzOperations(contract: Contract): FuzzOperation[] {
  return [...contract.operations.values()].map((op) => {
    const pointer = `#/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}`;
    const operation = contract.dereferenced(pointer) as Record<string, unknown>;
    const shared = (contract.dereferenced(`#/paths/${escapePointer(op.path)}`) as Record<string, unknown>)['parameters'];
    const all = [...(Array.isArray(shared) ? shared : []), ...(Array.isArray(operation['parameters']) ? operation['parameters'] : [])].filter(isObject);
    const params = all
      .filter((p) => p['in'] === 'path' || p['in'] === 'query' || p['in'] === 'header')
      .map((p): FuzzParam => ({ name: String(p['name']), in: p['in'] as FuzzParam['in'], required: p['required'] === true, samples: samplesOf(p) }));
    const bodies = new Map<string, unknown[]>();
    const content = isObject(operation['requestBody']) && isObject(operation['requestBody']['content']) ? operation['requestBody']['content'] : {};
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      const pool = [...examplesOf(media), ...Array.from({ length: POOL }, (_, i) => fake(media['schema'], i + 1))].filter((b) => b !== undefined);
      bodies.set(mediaType, pool);
    }
    return { vendor: contract.id, op, params, bodies };
  });
}

function examplesOf(holder: Record<string, unknown>): unknown[] {
  const found: unknown[] = [];
  if ('example' in holder) found.push(holder['example']);
  if (isObject(holder['examples'])) for (const example of Object.values(holder['examples'])) if (isObject(example) && 'value' in example) found.push(example['value']);
  return found;
}

function samplesOf(param: Record<string, unknown>): string[] {
  const schema = isObject(param['schema']) ? param['schema'] : {};
  const values = [
    ...examplesOf(param),
    ...examplesOf(schema),
    ...(Array.isArray(schema['enum']) ? schema['enum'] : []),
    ...Array.from({ length: 3 }, (_, i) => fake(schema, i + 1)),
  ];
  return [...new Set(values.filter((v) => v !== undefined && v !== null).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))))];
}

/** json-schema-faker with a fixed seed (its default seed is fixed too, but say so); undefined where it cannot generate. */
function fake(schema: unknown, seed: number): unknown {
  try {
    return generateSync(withoutFakerHints(schema) as JsonSchema, { seed, alwaysFakeOptionals: seed % 2 === 0 });
  } catch {
    return undefined;
  }
}

/** `x-faker` hints need the faker extension; without it json-schema-faker would emit junk for them, so plain schemas are used. */
function withoutFakerHints(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFakerHints);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'x-faker' && key !== 'faker')
      .map(([key, child]) => [key, withoutFakerHints(child)]),
  );
}

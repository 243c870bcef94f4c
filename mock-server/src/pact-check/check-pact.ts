import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ValidationResult } from '@pactflow/swagger-mock-validator';
import { pino } from 'pino';
import { isObject } from '../core/contract.js';
import type { PreparedVendor, VendorModule } from '../core/vendor-module.js';
import { pactFilesIn, vendorOfProvider, VerifyUsageError } from '../verify.js';
import { contractLocation, engineSpec } from './engine-spec.js';

/** A pact check-pact cannot check (unreadable, not a pact, an unknown provider, no engine): exit 2, nothing compared. */
export class CheckPactUsageError extends Error {
  override name = 'CheckPactUsageError';
}

/** One finding of the comparison, on one interaction of the pact. */
export interface Finding {
  readonly level: 'error' | 'warning';
  /** The engine's code (`response.status.unknown`, `request.body.incompatible`, …). */
  readonly code: string;
  readonly interaction: string;
  /** Where in the pact: `[root].interactions[3].response.body.items.0`. */
  readonly location: string;
  /** Where in the vendor's contract, when the engine names a place. */
  readonly contractLocation: string | undefined;
  readonly message: string;
}

export interface PactCheck {
  readonly file: string;
  readonly provider: string;
  readonly vendor: string;
  /** The contract compared with, as the repository names it (`contracts/instantpay/openapi.yaml`). */
  readonly contract: string;
  readonly compatible: boolean;
  readonly findings: readonly Finding[];
}

export interface CheckPactOptions {
  readonly vendors: readonly VendorModule[];
  readonly contractsDir: string;
  readonly fixturesDir: string;
  /** Contract files are named relative to this in the report. */
  readonly projectRoot: string;
}

interface RawPact {
  readonly file: string;
  readonly provider: string;
  readonly interactions: readonly RawInteraction[];
}

interface RawInteraction {
  readonly description?: string;
  readonly type?: string;
  readonly response?: { readonly status?: number; readonly body?: unknown };
}

/**
 * What the engine leaves unchecked when the expected answer is an HTTP 4xx/5xx
 * (a consumer's negative test may send a request the contract refuses). A
 * vendor that refuses with HTTP 200 gets the same allowance for a pact that
 * expects one of its refusal codes (docs/decisions/0518).
 */
const NOT_CHECKED_FOR_REFUSALS = new Set([
  'request.body.incompatible',
  'request.body.unknown',
  'request.header.incompatible',
  'request.header.unknown',
  'request.query.incompatible',
  'request.query.unknown',
  'request.authorization.missing',
]);

/**
 * Checks consumer pacts against the OpenAPI contract of the vendor each one's
 * provider names, locally, with PactFlow's open-source comparison engine
 * (@pactflow/swagger-mock-validator, the bi-directional contract check): no
 * broker, nothing sent anywhere. Every file is read and matched to a vendor
 * before any is compared.
 */
export async function checkPacts(paths: readonly string[], options: CheckPactOptions): Promise<PactCheck[]> {
  if (paths.length === 0) throw new CheckPactUsageError('give --pact <file|dir>');
  const pacts = paths.flatMap(pactFiles).map(readPact);
  const vendors = pacts.map((pact) => {
    const vendor = vendorOfProvider(options.vendors, pact.provider);
    if (!vendor) {
      const known = options.vendors.map((v) => `${v.pactProvider} (or ${v.id})`).join(', ');
      throw new CheckPactUsageError(`${pact.file}: provider "${pact.provider}" is not a vendor the sandbox emulates (providers: ${known})`);
    }
    return vendor;
  });
  const engine = await loadEngine();
  const prepared = new Map<string, PreparedVendor>();
  const scratch = mkdtempSync(join(tmpdir(), 'contact-sandbox-check-pact-'));
  try {
    const checks: PactCheck[] = [];
    for (const [i, pact] of pacts.entries()) {
      const vendor = vendors[i]!;
      let ready = prepared.get(vendor.id);
      if (!ready) {
        ready = vendor.prepare({ contractsDir: options.contractsDir, fixturesDir: options.fixturesDir, log: pino({ level: 'silent' }) });
        prepared.set(vendor.id, ready);
      }
      const statuses = new Set(pact.interactions.flatMap((x) => (typeof x.response?.status === 'number' ? [x.response.status] : [])));
      const spec = engineSpec(ready.contract.document, statuses);
      const specFile = join(scratch, `${vendor.id}-${i}.json`);
      writeFileSync(specFile, JSON.stringify(spec.document));
      let outcome;
      try {
        outcome = await engine.create().validate({ specPathOrUrl: specFile, mockPathOrUrl: pact.file });
      } catch (error) {
        throw new CheckPactUsageError(`${pact.file}: the comparison engine could not read it: ${error instanceof Error ? error.message : String(error)}`);
      }
      const refusals = refusalsOf(pact, ready, vendor);
      const findings = [...outcome.errors, ...outcome.warnings].map((result) => findingOf(result, pact, refusals, spec.rangeOf));
      checks.push({
        file: pact.file,
        provider: pact.provider,
        vendor: vendor.id,
        contract: relative(options.projectRoot, ready.contract.file),
        compatible: findings.every((f) => f.level !== 'error'),
        findings,
      });
    }
    return checks;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The engine, an optional dependency: loaded only here, so the rest of the CLI runs without it. */
async function loadEngine(): Promise<(typeof import('@pactflow/swagger-mock-validator'))['SwaggerMockValidatorFactory']> {
  try {
    return (await import('@pactflow/swagger-mock-validator')).SwaggerMockValidatorFactory;
  } catch {
    throw new CheckPactUsageError(
      'check-pact needs @pactflow/swagger-mock-validator (an optional dependency that is not installed here): npm install @pactflow/swagger-mock-validator' +
        ' (under CI=true its postinstall patches its own ajv and fails when that ajv is shared: add "overrides": {"@pactflow/swagger-mock-validator": {"ajv": "8.17.1"}} to package.json first)',
    );
  }
}

function findingOf(result: ValidationResult, pact: RawPact, refusals: ReadonlyMap<number, string>, rangeOf: ReadonlyMap<string, string>): Finding {
  const location = result.mockDetails?.location ?? '[root]';
  const index = /^\[root\]\.interactions\[(\d+)\]/.exec(location)?.[1];
  const refusal = index === undefined ? undefined : refusals.get(Number(index));
  const allowed = result.type === 'error' && refusal !== undefined && NOT_CHECKED_FOR_REFUSALS.has(result.code) && location.includes('.request');
  return {
    level: allowed ? 'warning' : result.type,
    code: result.code,
    interaction: result.mockDetails?.interactionDescription ?? (index === undefined ? '' : (pact.interactions[Number(index)]?.description ?? '')),
    location,
    contractLocation: result.specDetails?.location === undefined ? undefined : contractLocation(result.specDetails.location, rangeOf),
    message: allowed ? `${result.message} (${refusal})` : result.message,
  };
}

/**
 * Interactions whose expected answer is one of the vendor's refusals under an
 * HTTP status below 400 (Instantpay's `RPI` with HTTP 200), by index, with why
 * the request need not satisfy the contract.
 */
function refusalsOf(pact: RawPact, prepared: PreparedVendor, vendor: VendorModule): Map<number, string> {
  const refusals = new Map<number, string>();
  const read = prepared.outcomes.read;
  if (!read) return refusals;
  for (const [i, interaction] of pact.interactions.entries()) {
    const status = interaction.response?.status;
    if (status === undefined || status >= 400) continue;
    const code = read({ status, body: bodyOf(interaction.response?.body) });
    if (code !== undefined && vendor.errorCodes.includes(code)) {
      refusals.set(
        i,
        `a negative test: the pact expects ${vendor.title}'s refusal ${code} with HTTP ${status}; the engine leaves a refusal's request unchecked when it comes with HTTP 4xx/5xx, and ${vendor.title} refuses with HTTP ${status}`,
      );
    }
  }
  return refusals;
}

/** A V4 body is `{ content, contentType, encoded }`; older pacts hold the body itself. */
function bodyOf(body: unknown): unknown {
  return isObject(body) && 'content' in body && ('contentType' in body || 'encoded' in body) ? body['content'] : body;
}

function pactFiles(path: string): string[] {
  try {
    return pactFilesIn(path);
  } catch (error) {
    throw error instanceof VerifyUsageError ? new CheckPactUsageError(error.message) : error;
  }
}

function readPact(file: string): RawPact {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CheckPactUsageError(`${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const pact = doc as { provider?: { name?: unknown }; interactions?: unknown; messages?: unknown };
  if (!isObject(doc) || typeof pact.provider?.name !== 'string' || !Array.isArray(pact.interactions)) {
    throw new CheckPactUsageError(
      `${file} is not a pact file (no provider name or interactions)${isObject(doc) && Array.isArray(pact.messages) ? ': a message pact; check-pact compares HTTP interactions' : ''}`,
    );
  }
  const interactions = pact.interactions as RawInteraction[];
  const other = interactions.filter((x) => x.type !== undefined && x.type !== 'Synchronous/HTTP');
  if (other.length > 0) {
    throw new CheckPactUsageError(`${file}: interaction "${other[0]!.description ?? ''}" is ${other[0]!.type}; check-pact compares Synchronous/HTTP interactions only`);
  }
  const inside = relative(process.cwd(), file);
  return { file: inside.startsWith('..') ? file : inside, provider: pact.provider.name, interactions };
}

import type { Contract } from './contract.js';

/** An answer as coverage sees it: its HTTP status and its JSON body (undefined when empty or not JSON). */
export interface CoverageAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * How a vendor whose answers carry a result code of their own (IMIconnect's
 * `1001`/`7014`, Instantpay's `TXN`/`RPI`) tells coverage which outcome an
 * answer is: where the code sits in the answer, and which codes each
 * operation documents under each response of its contract
 * (docs/decisions/0090-coverage-outcomes.md). A vendor without one is covered
 * by the HTTP statuses its contract declares.
 */
export interface ResultCodes<Ops = Record<string, unknown>> {
  /** The result code an answer carries, or undefined when it carries none. */
  read(answer: CoverageAnswer): string | undefined;
  /**
   * Per operation, per response key of the contract (`'200'`, `'4XX'`): the
   * codes documented there. Every response key of the operation must be
   * listed (start-up checks it against the contract).
   */
  readonly documented: { readonly [K in keyof Ops]: Readonly<Record<string, readonly string[]>> };
}

/** One documented outcome of one operation. */
export interface OutcomeSpec {
  /** What the outcome is called: the result code, or the response key for a vendor without codes. */
  readonly outcome: string;
  readonly code: string | null;
  /** The contract's response keys this outcome is documented under. */
  readonly statuses: readonly string[];
}

export interface OperationSpec {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly outcomes: readonly OutcomeSpec[];
  /** Index of this operation's first outcome in the vendor's flat tally. */
  readonly offset: number;
  readonly byCode: ReadonlyMap<string, number>;
  /** Response key (`'404'`, `'4XX'`) → outcome index, for outcomes without a code. */
  readonly byStatus: ReadonlyMap<string, number>;
}

/** Every documented outcome of one vendor, laid out flat so a request's count is one array increment. */
export interface VendorOutcomes {
  readonly vendor: string;
  readonly title: string;
  /** Whether outcomes are result codes (true) or HTTP statuses (false). */
  readonly resultCodes: boolean;
  readonly operations: readonly OperationSpec[];
  readonly byOperation: ReadonlyMap<string, OperationSpec>;
  /** Outcomes of all operations together. */
  readonly size: number;
  readonly read: ((answer: CoverageAnswer) => string | undefined) | undefined;
}

/**
 * The outcome table of one vendor, built once at start-up from its contract
 * (operations and their responses, in contract order) and, where it has
 * them, its result codes.
 * @throws when the vendor's declared codes name an operation or a response
 * the contract does not have, or leave one of its responses out.
 */
export function vendorOutcomes(vendor: string, title: string, contract: Contract, resultCodes: ResultCodes | undefined): VendorOutcomes {
  const operations: OperationSpec[] = [];
  let offset = 0;
  const declared = resultCodes?.documented as Readonly<Record<string, Readonly<Record<string, readonly string[]>> | undefined>> | undefined;
  if (declared) {
    const unknown = Object.keys(declared).filter((id) => !contract.operations.has(id));
    if (unknown.length > 0) throw new Error(`${vendor}: result codes declared for operations the contract does not have: ${unknown.join(', ')}`);
  }
  for (const op of contract.operations.values()) {
    const outcomes = declared ? codeOutcomes(vendor, op.operationId, op.responseStatuses, declared[op.operationId]) : statusOutcomes(op.responseStatuses);
    const byCode = new Map<string, number>();
    const byStatus = new Map<string, number>();
    outcomes.forEach((o, i) => {
      if (o.code !== null) byCode.set(o.code, offset + i);
      else for (const status of o.statuses) byStatus.set(status, offset + i);
    });
    operations.push({ operationId: op.operationId, method: op.method, path: op.path, outcomes, offset, byCode, byStatus });
    offset += outcomes.length;
  }
  return {
    vendor,
    title,
    resultCodes: declared !== undefined,
    operations,
    byOperation: new Map(operations.map((o) => [o.operationId, o])),
    size: offset,
    read: resultCodes ? (answer) => resultCodes.read(answer) : undefined,
  };
}

function statusOutcomes(statuses: readonly string[]): OutcomeSpec[] {
  return statuses.filter((s) => s !== 'default').map((status) => ({ outcome: status, code: null, statuses: [status] }));
}

/** One outcome per code, in the order the declaration first names them, each with every response key it is documented under. */
function codeOutcomes(vendor: string, operationId: string, statuses: readonly string[], declared: Readonly<Record<string, readonly string[]>> | undefined): OutcomeSpec[] {
  if (declared === undefined) throw new Error(`${vendor}: no result codes declared for ${operationId}`);
  const missing = statuses.filter((s) => s !== 'default' && !(s in declared));
  const extra = Object.keys(declared).filter((s) => !statuses.includes(s));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `${vendor}: ${operationId}'s result codes and its contract responses disagree; not declared: [${missing.join(', ')}], not in the contract: [${extra.join(', ')}]`,
    );
  }
  const byCode = new Map<string, string[]>();
  for (const status of statuses) {
    for (const code of declared[status] ?? []) {
      const under = byCode.get(code);
      if (under) under.push(status);
      else byCode.set(code, [status]);
    }
  }
  return [...byCode].map(([code, under]) => ({ outcome: code, code, statuses: under }));
}

/** The response key an HTTP status falls under among `keys` (`404`, else `4XX`), or undefined. */
export function responseKey(status: number, has: (key: string) => boolean): string | undefined {
  const exact = String(status);
  if (has(exact)) return exact;
  const range = `${exact[0]}XX`;
  return has(range) ? range : undefined;
}

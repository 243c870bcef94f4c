import { isAnswer, type Aspect, type Difference, type Exchange } from './exchange.js';

/** A difference seen in one or more exchanges of an operation. */
export interface ReportedDifference extends Difference {
  /** Exchanges it was seen in. */
  readonly count: number;
  /** The first exchange it was seen in (its `seq`). */
  readonly firstSeq: number;
}

export interface OperationReport {
  readonly operation: string;
  readonly exchanges: number;
  readonly agree: number;
  readonly differ: number;
  /** Exchanges one side of which gave no answer (the real vendor unreachable, say). */
  readonly failed: number;
  readonly differences: readonly ReportedDifference[];
}

export interface DriftReport {
  readonly exchanges: number;
  readonly agree: number;
  readonly differ: number;
  readonly failed: number;
  readonly vendors: readonly { readonly vendor: string; readonly operations: readonly OperationReport[] }[];
}

/** Requests that matched no contract operation are reported under this name, with their method and path in the difference list. */
export const NO_OPERATION = '(no operation)';

const ASPECT_ORDER: readonly Aspect[] = ['status', 'result-code', 'contract', 'body-shape', 'header'];

interface Tally {
  exchanges: number;
  agree: number;
  differ: number;
  failed: number;
  differences: Map<string, { difference: Difference; count: number; firstSeq: number }>;
}

/** Agreement and differences per vendor and operation, counted as exchanges arrive (the proxy's `GET /__admin/drift`) or from a recording. */
export class DriftTally {
  readonly #byVendor = new Map<string, Map<string, Tally>>();

  add(exchange: Exchange): void {
    let operations = this.#byVendor.get(exchange.vendor);
    if (!operations) this.#byVendor.set(exchange.vendor, (operations = new Map<string, Tally>()));
    const name = exchange.operation ?? NO_OPERATION;
    let tally = operations.get(name);
    if (!tally)
      operations.set(name, (tally = { exchanges: 0, agree: 0, differ: 0, failed: 0, differences: new Map<string, { difference: Difference; count: number; firstSeq: number }>() }));
    tally.exchanges++;
    if (!isAnswer(exchange.real) || !isAnswer(exchange.sandbox)) tally.failed++;
    else if (exchange.differences.length === 0) tally.agree++;
    else tally.differ++;
    // One exchange counts once per difference, however often the difference shows in it.
    const seen = new Set<string>();
    for (const difference of exchange.differences) {
      const key = [difference.aspect, difference.side ?? '', difference.at, difference.contractPath, difference.aspect === 'contract' ? difference.message : ''].join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      const known = tally.differences.get(key);
      if (known) known.count++;
      else tally.differences.set(key, { difference, count: 1, firstSeq: exchange.seq });
    }
  }

  report(): DriftReport {
    const vendors = [...this.#byVendor]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([vendor, operations]) => ({
        vendor,
        operations: [...operations]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([operation, t]) => ({
            operation,
            exchanges: t.exchanges,
            agree: t.agree,
            differ: t.differ,
            failed: t.failed,
            differences: [...t.differences.values()]
              .map(({ difference, count, firstSeq }) => ({ ...difference, count, firstSeq }))
              .sort((a, b) => ASPECT_ORDER.indexOf(a.aspect) - ASPECT_ORDER.indexOf(b.aspect) || a.firstSeq - b.firstSeq),
          })),
      }));
    const sum = (key: 'exchanges' | 'agree' | 'differ' | 'failed') => vendors.reduce((n, v) => n + v.operations.reduce((m, o) => m + o[key], 0), 0);
    return { exchanges: sum('exchanges'), agree: sum('agree'), differ: sum('differ'), failed: sum('failed'), vendors };
  }
}

export function reportOf(exchanges: Iterable<Exchange>): DriftReport {
  const tally = new DriftTally();
  for (const exchange of exchanges) tally.add(exchange);
  return tally.report();
}

/** Exit status of `drift` and `replay` (docs/decisions/0605): 0 all agree, 1 some differ or failed. */
export const driftExitCode = (report: DriftReport): number => (report.differ > 0 || report.failed > 0 ? 1 : 0);

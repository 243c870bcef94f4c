import { join } from 'node:path';
import fc from 'fast-check';
import { Contract } from '../../mock-server/src/core/contract.js';
import { PROJECT_ROOT } from '../../mock-server/src/core/paths.js';
import { ISERVICE } from '../helpers/identities.js';
import { describeRequest, FuzzClient, type FuzzResponse } from './http-client.js';
import { answerProblems, prototypeSnapshot } from './oracle.js';
import { fuzzOperations } from './operations.js';
import { caseArbitrary, POLLUTION_MARK, type FuzzCase } from './request-arbitraries.js';
import { TARGETS, type FuzzTarget } from './targets.js';

/**
 * The sandbox the properties expect: the test clock, and Ocamba's rate limits raised (with a frozen clock
 * its per-second window never ends, and every request after the first few would answer 429).
 */
export const FUZZ_SANDBOX = { seed: 1, clock: '2026-03-02T10:00:00.000Z', scenario: 'bench/ocamba-unlimited' } as const;

export interface RobustnessOptions {
  /** The sandbox under test, listening in this process (prototype pollution is checked here). */
  readonly url: string;
  /** fast-check runs; each sends one request to every vendor. */
  readonly runs: number;
  readonly seed: number;
  /** A fresh session per vendor after this many runs, so that stores stay small and dumps cheap. */
  readonly sessionEvery?: number;
}

export interface RobustnessCounts {
  requests: number;
  stateChecks: number;
  refused: number;
  readonly byVendor: Record<string, number>;
  readonly byStatus: Record<string, number>;
  readonly byLabel: Record<string, number>;
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** One vendor's session during a run: its id, iService's login cookie, and the state dump after the last request. */
class Lane {
  session = '';
  cookie: string | undefined;
  state: string | undefined;
  #generation = 0;

  constructor(
    readonly target: FuzzTarget,
    readonly contract: Contract,
    readonly client: FuzzClient,
    readonly runId: string,
  ) {}

  async renew(): Promise<void> {
    if (this.session !== '') await this.client.send({ method: 'DELETE', path: `/__admin/sessions/${this.session}`, headers: {} });
    this.session = `fuzz-${this.runId}-${this.target.vendor}-${this.#generation++}`;
    this.cookie = undefined;
    this.state = undefined;
  }

  async dump(): Promise<string> {
    const res = await this.client.send({ method: 'GET', path: `/__admin/state/${this.target.vendor}`, headers: { 'X-Sandbox-Session': this.session }, raw: true });
    if (res.status !== 200) throw new Error(`state dump of ${this.target.vendor} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return res.text;
  }

  /** iService needs a logged-in session for its customer-info form: the agent logs in when the cookie is gone. */
  async login(): Promise<void> {
    const res = await this.client.send({
      method: 'POST',
      path: '/f/webapp-api-login?api=login',
      headers: { 'X-Sandbox-Session': this.session, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ emailAddress: ISERVICE.agent.emailAddress, Password: ISERVICE.agent.Password }).toString(),
    });
    const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('SessionID='));
    if (!cookie) throw new Error(`iService login failed: ${res.status} ${res.text}`);
    this.cookie = cookie.split(';')[0];
    this.state = undefined;
  }

  async run(fuzzCase: FuzzCase, counts: RobustnessCounts): Promise<void> {
    const iservice = this.target.vendor === 'iservice';
    if (iservice && this.cookie === undefined) await this.login();
    this.state ??= await this.dump();
    const headers: Record<string, string> = { ...fuzzCase.request.headers, 'X-Sandbox-Session': this.session };
    if (iservice && fuzzCase.labels.includes('auth:valid')) headers['Cookie'] = this.cookie!;
    const request = { ...fuzzCase.request, headers };
    let res: FuzzResponse;
    try {
      res = await this.client.send(request);
    } catch (error) {
      throw new Error(`no answer (${(error as Error).message}) to\n${describeRequest(request)}`);
    }
    counts.requests++;
    bump(counts.byVendor, this.target.vendor);
    bump(counts.byStatus, String(res.status));
    for (const label of fuzzCase.labels) bump(counts.byLabel, label);
    const fail = (problem: string) => new Error(`${problem}\n--- request\n${describeRequest(request)}\n--- answer ${res.status}\n${res.text.slice(0, 800)}`);

    const problems = answerProblems(this.contract, this.target, fuzzCase, res);
    if (problems.length > 0) throw fail(`${this.target.vendor} ${fuzzCase.operation.op.operationId}: ${problems.join('; ')}`);
    if ((Object.prototype as Record<string, unknown>)[POLLUTION_MARK] !== undefined) throw fail('Object.prototype was polluted');

    // Reads change nothing but IMIconnect's queue (a read lets it drain), so only they skip the dump: a read
    // that did change state would still fail the next refused write's comparison.
    const reads = request.method === 'GET' || request.method === 'HEAD';
    if (reads && this.target.vendor !== 'imiconnect') return this.#afterLogin(request.path);
    const after = await this.dump();
    counts.stateChecks++;
    if (this.target.refused(res.status, res.body)) {
      counts.refused++;
      if (after !== this.state) throw fail(`a refused request changed ${this.target.vendor}'s state\n--- before\n${firstDifference(this.state, after)}`);
    }
    this.state = after;
    this.#afterLogin(request.path);
  }

  /** Any request to the login form may have logged the agent out (api=logout, another login). */
  #afterLogin(path: string): void {
    if (this.target.vendor === 'iservice' && path.startsWith('/f/webapp-api-login')) this.cookie = undefined;
  }
}

/** The two dumps from where they first differ (they are long; the start is shared). */
function firstDifference(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  const from = Math.max(0, i - 120);
  return `${before.slice(from, i + 200)}\n--- after\n${after.slice(from, i + 200)}`;
}

let loaded: { target: FuzzTarget; contract: Contract; arbitrary: fc.Arbitrary<FuzzCase> }[] | undefined;

/** The contracts and their generators, built once per process. */
function vendors() {
  loaded ??= TARGETS.map((target) => {
    const contract = Contract.load(target.vendor, join(PROJECT_ROOT, `contracts/${target.vendor}/openapi.yaml`));
    return { target, contract, arbitrary: caseArbitrary(target, fuzzOperations(contract)) };
  });
  return loaded;
}

/**
 * The robustness properties over every operation of every vendor: no 5xx,
 * every answer declared by the vendor's contract, no prototype pollution, and
 * a refused request leaves the vendor's state as it was. Throws fast-check's
 * report (seed, path and the failing request) when a property fails.
 */
export async function runRobustness(options: RobustnessOptions): Promise<RobustnessCounts> {
  const counts: RobustnessCounts = { requests: 0, stateChecks: 0, refused: 0, byVendor: {}, byStatus: {}, byLabel: {} };
  const client = new FuzzClient(options.url);
  const all = vendors();
  const lanes = all.map(({ target, contract }) => new Lane(target, contract, client, String(options.seed)));
  const sessionEvery = options.sessionEvery ?? 250;
  const prototypes = prototypeSnapshot();
  let run = 0;
  try {
    const result = await fc.check(
      fc.asyncProperty(fc.tuple(...all.map((v) => v.arbitrary)), async (cases) => {
        if (run++ % sessionEvery === 0) await Promise.all(lanes.map((lane) => lane.renew()));
        await Promise.all(lanes.map((lane, i) => lane.run(cases[i]!, counts)));
      }),
      // State carries over between runs, so a shrunk case may not replay: report the first failure as found.
      { numRuns: options.runs, seed: options.seed, endOnFailure: true },
    );
    if (result.failed) {
      const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(`robustness property failed at run ${result.numRuns} (seed ${result.seed}, ${counts.requests} requests sent):\n${cause}`);
    }
  } finally {
    client.close();
  }
  if (prototypeSnapshot() !== prototypes) throw new Error('the built-in prototypes gained or lost properties during the run');
  return counts;
}

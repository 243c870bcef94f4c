import type { Contract, ValidationIssue } from '../../core/contract.js';
import { isMissing, type Issue } from './validation-messages.js';

/**
 * What Laravel's validator would report first for a request, read from the
 * contract: each operation's mandatory body fields in the order the contract's
 * `required` lists them (the vendor's field tables), checked field by field.
 */
export class BodyRules {
  readonly #contract: Contract;
  readonly #mandatory = new Map<string, readonly string[]>();

  constructor(contract: Contract) {
    this.#contract = contract;
  }

  /** The mandatory body fields of an operation, in the vendor's order (what an empty body lacks). */
  mandatoryFields(operationId: string): readonly string[] {
    let fields = this.#mandatory.get(operationId);
    if (fields === undefined) {
      const issues = this.#contract.validateRequest(operationId, { params: {}, query: {}, headers: {}, body: {} });
      fields = issues.filter((i) => i.location === 'body' && i.keyword === 'required').map((i) => String(i.path[0]));
      this.#mandatory.set(operationId, fields);
    }
    return fields;
  }

  /**
   * The problem Laravel would name: a body that is not a JSON object is no
   * input at all (so its first mandatory field is missing); otherwise fields
   * are checked in order, a missing value before a wrong one.
   */
  firstIssue(operationId: string, issues: readonly ValidationIssue[]): Issue | undefined {
    const body = issues.filter((i) => i.location === 'body');
    if (body.length === 0) return undefined;
    const fields = this.mandatoryFields(operationId);
    if (body.some((i) => i.path.length === 0)) {
      const first = fields[0];
      return first === undefined ? undefined : { path: [first], keyword: 'required', params: {} };
    }
    const rank = (issue: Issue) => {
      const field = fields.indexOf(String(issue.path[0]));
      return (field === -1 ? fields.length : field) * 2 + (isMissing(issue) ? 0 : 1);
    };
    return [...body].sort((a, b) => rank(a) - rank(b))[0];
  }
}

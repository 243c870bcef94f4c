import type { ValidationIssue } from '../../core/contract.js';

export type Issue = Pick<ValidationIssue, 'path' | 'keyword' | 'params'>;

/**
 * Laravel's name for a field in its messages: `str_replace('_', ' ',
 * Str::snake($attribute))`, so `contactId` reads "contact id" and
 * `tagDetails.0.tagId` reads "tag details.0.tag id".
 */
export function laravelAttribute(path: readonly (string | number)[]): string {
  return path
    .map(String)
    .join('.')
    .replace(/(.)(?=[A-Z])/g, '$1_')
    .toLowerCase()
    .replace(/_/g, ' ');
}

/** Rules whose failure Laravel reports as a missing field: it turns "" into null, and `required` refuses an empty array. */
export function isMissing(issue: Issue): boolean {
  return issue.keyword === 'required' || ((issue.keyword === 'minLength' || issue.keyword === 'minItems') && issue.params['limit'] === 1);
}

/** The field a rule belongs to: the last property name on the path. */
function fieldOf(path: readonly (string | number)[]): string | undefined {
  return [...path].reverse().find((part): part is string => typeof part === 'string');
}

/**
 * One validation problem as Laravel's default English messages word it. The
 * third-party recording "The selected type is invalid." is the model (docs/vendors/instantpay.md
 * §1.5); docs/decisions/0102 lists the mapping.
 */
export function validationMessage(issue: Issue): string {
  const attribute = laravelAttribute(issue.path);
  if (isMissing(issue)) return `The ${attribute} field is required.`;
  switch (issue.keyword) {
    case 'type':
      if (issue.params['type'] === 'string') return `The ${attribute} must be a string.`;
      if (issue.params['type'] === 'array') return `The ${attribute} must be an array.`;
      return `The selected ${attribute} is invalid.`;
    case 'pattern': {
      const field = fieldOf(issue.path);
      if (field === 'email') return `The ${attribute} must be a valid email address.`;
      if (field === 'mobile') return `The ${attribute} must be 10 digits.`;
      return `The ${attribute} format is invalid.`;
    }
    case 'maxLength':
      return `The ${attribute} must not be greater than ${String(issue.params['limit'])} characters.`;
    default:
      return `The selected ${attribute} is invalid.`;
  }
}

/** A step's verdict: go on with a value, or answer now. */
export type Step<Value, Answer> = { readonly kind: 'continue'; readonly value: Value } | { readonly kind: 'answer'; readonly answer: Answer };

export const proceed = <Value>(value: Value): { readonly kind: 'continue'; readonly value: Value } => ({ kind: 'continue', value });
export const answerNow = <Answer>(answer: Answer): { readonly kind: 'answer'; readonly answer: Answer } => ({ kind: 'answer', answer });

export interface Pipeline<Parsed, Answer> {
  /** Reads what the request carries (and anything else that may answer first, such as admission). */
  readonly parse: () => Step<Parsed, Answer> | Promise<Step<Parsed, Answer>>;
  /** Checks the parsed request against its contract: an answer when it breaks it, `undefined` when it holds. */
  readonly validate: (parsed: Parsed) => Answer | undefined;
  readonly handle: (parsed: Parsed) => Answer | Promise<Answer>;
  /** Turns anything a step threw into an answer (a thrown catalogue error, or the generic 500). */
  readonly fail: (error: unknown) => Answer;
}

/**
 * The one way through a request, shared by the admin API and every vendor:
 * parse → validate → handle, and whatever throws on the way → fail.
 */
export async function runPipeline<Parsed, Answer>(steps: Pipeline<Parsed, Answer>): Promise<Answer> {
  try {
    const step = steps.parse();
    const parsed = step instanceof Promise ? await step : step;
    if (parsed.kind === 'answer') return parsed.answer;
    const invalid = steps.validate(parsed.value);
    if (invalid !== undefined) return invalid;
    const handled = steps.handle(parsed.value);
    // Most handlers answer synchronously; awaiting only promises saves a microtask turn per request.
    return handled instanceof Promise ? await handled : handled;
  } catch (error) {
    return steps.fail(error);
  }
}

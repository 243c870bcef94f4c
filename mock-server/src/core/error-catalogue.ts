import type { HttpOutcome } from './http-outcome.js';
import type { ErrorCatalogue, RenderContext } from './vendor-module.js';

/**
 * A vendor's forceable errors as a catalogue: `codes` is what scenarios may
 * name (checked when they load), `render` gets only those codes. An unknown
 * code reaching `render` is a bug in the sandbox, not in a request.
 */
export function errorCatalogue<Code extends string, State, Settings>(
  vendor: string,
  codes: readonly Code[],
  render: (code: Code, ctx: RenderContext<State, Settings>) => HttpOutcome,
): ErrorCatalogue<State, Settings> {
  const known: ReadonlySet<string> = new Set(codes);
  const isCode = (code: string): code is Code => known.has(code);
  return {
    codes,
    render: (code, ctx) => {
      if (!isCode(code)) throw new Error(`${vendor}: no error ${code}`);
      return render(code, ctx);
    },
  };
}

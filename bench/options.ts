/** How long and how hard the bench runs (`--quick` for a short check that every section works). */
export interface BenchOptions {
  readonly quick: boolean;
  readonly rounds: number;
  readonly seconds: number;
  readonly warmup: number;
  readonly connections: number;
  readonly output: string;
}

export function benchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--output');
  return {
    quick,
    rounds: quick ? 1 : 2,
    seconds: quick ? 2 : 3,
    warmup: 1,
    connections: 8,
    output: at >= 0 && argv[at + 1] ? argv[at + 1]! : 'bench/results.json',
  };
}

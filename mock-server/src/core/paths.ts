import { fileURLToPath } from 'node:url';

/**
 * The project root. `src/core` and `dist/core` sit at the same depth, so this
 * resolves the same whether the server runs from TypeScript (tests) or from the
 * compiled JavaScript (CLI, Docker).
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const DEFAULT_DIRS = {
  contracts: `${PROJECT_ROOT}contracts`,
  fixtures: `${PROJECT_ROOT}fixtures`,
  scenarios: `${PROJECT_ROOT}scenarios`,
} as const;

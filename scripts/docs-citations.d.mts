// Types for scripts/docs-citations.mjs (plain Node, so it runs without a build step).
export declare const FOLDERS: readonly string[];
export declare const RULES: readonly { name: string; pattern: RegExp }[];
export declare function rewrite(text: string): { text: string; counts: Record<string, number> };
export declare function citingFiles(root: string): string[];

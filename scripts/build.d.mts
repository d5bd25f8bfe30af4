/** Types of scripts/build.mjs (plain JavaScript, so that it runs before anything is compiled). */
/** The repository root. */
export declare const root: string;
/** Where the compiled JavaScript goes (git-ignored). */
export declare const distDir: string;
/** True when dist/ is missing or older than any source: running it would run old code. */
export declare function isStale(): boolean;
/** Rebuilds dist/ from the sources of src/, commands/ and scripts/. */
export declare function build(): Promise<{ files: number; ms: number }>;

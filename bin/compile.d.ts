// Types for bin/compile.js, which is plain JavaScript so that it runs before anything is compiled.
export declare const ROOT: string;
/** The name, size and modification time of every input of the compile, a line each. */
export declare function fingerprint(root?: string): string;
/** Whether dist/ was compiled from the sources as they are now. */
export declare function isFresh(): boolean;
/** Compiles when dist/ is missing or older than the sources. */
export declare function ensureCompiled(options?: { log?: (line: string) => void }): Promise<"fresh" | "compiled">;
/** Compiles src/ into dist/ now. */
export declare function compile(options?: { log?: (line: string) => void; reason?: string }): Promise<"fresh" | "compiled">;
export declare class CompileError extends Error {}

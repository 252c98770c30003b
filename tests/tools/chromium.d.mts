/** Types of ./chromium.mjs for the TypeScript side (the Playwright config). */
export declare const CHROMIUM_ARGS: string[];
export declare function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] };

/** Types of ./chromium.mjs for the TypeScript side (the Playwright config). */
export declare function chromiumLaunchOptions(): { executablePath: string | undefined; args: string[] };

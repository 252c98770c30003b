/** Types of ./plantedEvidence.mjs for the TypeScript side (unit and browser tests). */
export declare function plantedEvidence(fillerCount: number): Promise<{ zip: Uint8Array; plantedPaths: string[] }>;

// Types of the generated validators (scripts/generate-compose-validator.mjs).
export declare const root: unknown;
export declare const service: unknown;

/**
 * The part of @pactflow/swagger-mock-validator's API that check-pact uses
 * (the package names a declaration file it does not ship).
 */
declare module '@pactflow/swagger-mock-validator' {
  /** One finding of the comparison. */
  export interface ValidationResult {
    readonly code: string;
    readonly message: string;
    readonly type: 'error' | 'warning';
    readonly source: string;
    readonly mockDetails?: {
      readonly interactionDescription?: string | null;
      readonly interactionState?: string | null;
      /** `[root].interactions[3].request.body`. */
      readonly location: string;
      readonly mockFile: string;
      readonly value: unknown;
    };
    readonly specDetails?: {
      /** `[root].paths./v1/items.get.responses.200`. */
      readonly location: string;
      readonly pathMethod?: string | null;
      readonly pathName?: string | null;
      readonly specFile: string;
      readonly value: unknown;
    };
  }

  export interface ValidationOutcome {
    readonly success: boolean;
    readonly failureReason?: string;
    readonly errors: readonly ValidationResult[];
    readonly warnings: readonly ValidationResult[];
  }

  export interface ValidateOptions {
    /** A file path or URL of the OpenAPI document (JSON or YAML). */
    readonly specPathOrUrl: string;
    /** A file path or URL of the pact. */
    readonly mockPathOrUrl: string;
    readonly additionalPropertiesInResponse?: 'true' | 'false';
    readonly requiredPropertiesInResponse?: 'true' | 'false';
  }

  export const SwaggerMockValidatorFactory: {
    create(auth?: string): { validate(options: ValidateOptions): Promise<ValidationOutcome> };
  };
}

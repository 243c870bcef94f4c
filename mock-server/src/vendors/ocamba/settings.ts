/** What a scenario may change (schema: contracts/ocamba/settings.schema.json). */
export interface OcambaSettings {
  readonly rateLimit: {
    readonly enabled: boolean;
    readonly perSecond: number;
    readonly perMinute: number;
    readonly concurrency: number;
  };
  readonly generatedPartners: number;
  readonly defaultPageSize: number;
}

/**
 * Tier C, the tier the seed lists for this endpoint (10/s, 150/min). The
 * parallel cap of 10 comes from Ocamba's older Reports API docs; Hood does not
 * document one (docs/vendors/ocamba.md §4.3).
 */
export const DEFAULT_SETTINGS: OcambaSettings = {
  rateLimit: { enabled: true, perSecond: 10, perMinute: 150, concurrency: 10 },
  generatedPartners: 0,
  defaultPageSize: 20,
};

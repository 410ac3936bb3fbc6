// Names of the CSV presets and vCard versions, dependency-free so settings can validate them without the writers.

/** CSV layouts: all fields, one per CRM or address book importer, or the user's own column choice. */
export const CSV_PRESET_IDS = ['default', 'hubspot', 'pipedrive', 'salesforce', 'google', 'outlook', 'custom'] as const;
export type CsvPresetId = (typeof CSV_PRESET_IDS)[number];

/** vCard versions the export writes. */
export const VCARD_VERSIONS = ['3.0', '4.0'] as const;
export type VCardVersion = (typeof VCARD_VERSIONS)[number];

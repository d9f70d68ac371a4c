/** The JSON Schema dialect of the contract's schemas (draft-07: what every validator reads). */
export const schemaDialect = 'http://json-schema.org/draft-07/schema#';

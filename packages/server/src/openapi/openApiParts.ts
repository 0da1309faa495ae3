import * as z from 'zod/mini';

/** A JSON object of the document. */
export type JsonObject = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema object. */
export function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
  }) as JsonObject;
  return rest;
}

/** A reference to a schema of the document's components. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** JSON content of `schema`. */
export const json = (schema: JsonObject) => ({ 'application/json': { schema } });
/** An error response: the shared error body. */
export const error = (description: string, headers?: JsonObject) => ({
  description,
  content: json(ref('Error')),
  ...(headers ? { headers } : {}),
});
/** A reference to a response of the document's components. */
export const use = (name: string) => ({ $ref: `#/components/responses/${name}` });

/** The header a browser call may carry its public key in. */
export const siteKeyHeader = {
  name: 'X-Vouch-Site',
  in: 'header',
  required: false,
  description: 'The public site key (pk_…), unless the body or path carries it.',
  schema: { type: 'string' },
};

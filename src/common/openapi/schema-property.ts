import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, SchemaObject } from '@nestjs/swagger';

/**
 * Documents a property with a hand-written OpenAPI schema, for OpenAI's union-typed fields
 * that the Swagger plugin cannot infer from TypeScript.
 */
export function SchemaProperty(schema: SchemaObject, { required = false } = {}): PropertyDecorator {
  const options = schema as ApiPropertyOptions;
  return required ? ApiProperty(options) : ApiPropertyOptional(options);
}

export const METADATA_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: 512 },
  maxProperties: 16,
  nullable: true,
  description: 'Up to 16 string pairs; keys ≤ 64 characters, values ≤ 512.',
};

import { SchemaObject } from '@nestjs/swagger';

/** OpenAPI schemas of the union-typed fields, which the Swagger plugin cannot infer. */
export const TOOLS_SCHEMA: SchemaObject = {
  type: 'array',
  items: {
    oneOf: [
      { type: 'object', properties: { type: { type: 'string', enum: ['code_interpreter'] } }, required: ['type'] },
      {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['file_search'] },
          file_search: {
            type: 'object',
            properties: {
              max_num_results: { type: 'integer', minimum: 1, maximum: 50 },
              ranking_options: {
                type: 'object',
                properties: { score_threshold: { type: 'number' }, ranker: { type: 'string' } },
              },
            },
          },
        },
        required: ['type'],
      },
      {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['function'] },
          function: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              description: { type: 'string' },
              parameters: { type: 'object', additionalProperties: true },
              strict: { type: 'boolean', nullable: true },
            },
            required: ['name'],
          },
        },
        required: ['type', 'function'],
      },
    ],
  },
};

export const TOOL_RESOURCES_SCHEMA: SchemaObject = {
  nullable: true,
  type: 'object',
  properties: {
    code_interpreter: { type: 'object', properties: { file_ids: { type: 'array', items: { type: 'string' } } } },
    file_search: {
      type: 'object',
      properties: { vector_store_ids: { type: 'array', items: { type: 'string' }, maxItems: 1 } },
    },
  },
};

export const RESPONSE_FORMAT_SCHEMA: SchemaObject = {
  nullable: true,
  oneOf: [
    { type: 'string', enum: ['auto'] },
    {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['text', 'json_object', 'json_schema'] },
        json_schema: { type: 'object', additionalProperties: true },
      },
      required: ['type'],
    },
  ],
};

import { SchemaObject } from '@nestjs/swagger';

export const TOOL_CHOICE_SCHEMA: SchemaObject = {
  nullable: true,
  oneOf: [
    { type: 'string', enum: ['none', 'auto', 'required'] },
    {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['function', 'file_search'] },
        function: { type: 'object', properties: { name: { type: 'string' } } },
      },
      required: ['type'],
    },
  ],
};

export const TRUNCATION_SCHEMA: SchemaObject = {
  type: 'object',
  nullable: true,
  properties: {
    type: { type: 'string', enum: ['auto', 'last_messages'] },
    last_messages: { type: 'integer', minimum: 1, nullable: true },
  },
  required: ['type'],
};

export const TOOL_OUTPUTS_SCHEMA: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    properties: { tool_call_id: { type: 'string' }, output: { type: 'string' } },
    required: ['tool_call_id'],
  },
};

import { SchemaObject } from '@nestjs/swagger';

const DETAIL: SchemaObject = { type: 'string', enum: ['auto', 'low', 'high'] };

export const CONTENT_INPUT_SCHEMA: SchemaObject = {
  oneOf: [
    { type: 'string' },
    {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            properties: { type: { type: 'string', enum: ['text'] }, text: { type: 'string' } },
            required: ['type', 'text'],
          },
          {
            type: 'object',
            properties: {
              type: { type: 'string', enum: ['image_url'] },
              image_url: { type: 'object', properties: { url: { type: 'string' }, detail: DETAIL }, required: ['url'] },
            },
            required: ['type', 'image_url'],
          },
          {
            type: 'object',
            properties: {
              type: { type: 'string', enum: ['image_file'] },
              image_file: {
                type: 'object',
                properties: { file_id: { type: 'string' }, detail: DETAIL },
                required: ['file_id'],
              },
            },
            required: ['type', 'image_file'],
          },
        ],
      },
    },
  ],
};

export const ATTACHMENTS_SCHEMA: SchemaObject = {
  nullable: true,
  type: 'array',
  items: {
    type: 'object',
    properties: {
      file_id: { type: 'string' },
      tools: {
        type: 'array',
        items: {
          type: 'object',
          properties: { type: { type: 'string', enum: ['code_interpreter', 'file_search'] } },
          required: ['type'],
        },
      },
    },
    required: ['file_id'],
  },
};

/** Stored content parts, as returned on messages. */
export const CONTENT_OUTPUT_SCHEMA: SchemaObject = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      type: { type: 'string', enum: ['text', 'image_url', 'image_file'] },
      text: {
        type: 'object',
        properties: { value: { type: 'string' }, annotations: { type: 'array', items: { type: 'object' } } },
      },
      image_url: { type: 'object', properties: { url: { type: 'string' }, detail: DETAIL } },
      image_file: { type: 'object', properties: { file_id: { type: 'string' }, detail: DETAIL } },
    },
    required: ['type'],
  },
};

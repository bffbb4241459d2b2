import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, TestApp } from './support/test-app';

type Operation = {
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

/** The 29 routes of SPEC §3, runs/wait, and the files routes. */
const ROUTES: Array<[string, string]> = [
  ['post', '/api/ai/assistants'],
  ['get', '/api/ai/assistants'],
  ['get', '/api/ai/assistants/{assistant_id}'],
  ['post', '/api/ai/assistants/{assistant_id}'],
  ['delete', '/api/ai/assistants/{assistant_id}'],
  ['post', '/api/ai/threads'],
  ['get', '/api/ai/threads'],
  ['get', '/api/ai/threads/{thread_id}'],
  ['post', '/api/ai/threads/{thread_id}'],
  ['delete', '/api/ai/threads/{thread_id}'],
  ['post', '/api/ai/threads/{thread_id}/messages'],
  ['get', '/api/ai/threads/{thread_id}/messages'],
  ['get', '/api/ai/threads/{thread_id}/messages/{message_id}'],
  ['post', '/api/ai/threads/{thread_id}/messages/{message_id}'],
  ['delete', '/api/ai/threads/{thread_id}/messages/{message_id}'],
  ['post', '/api/ai/threads/{thread_id}/runs'],
  ['get', '/api/ai/threads/{thread_id}/runs'],
  ['get', '/api/ai/threads/{thread_id}/runs/{run_id}'],
  ['post', '/api/ai/threads/{thread_id}/runs/{run_id}'],
  ['post', '/api/ai/threads/{thread_id}/runs/{run_id}/cancel'],
  ['post', '/api/ai/threads/{thread_id}/runs/{run_id}/submit_tool_outputs'],
  ['post', '/api/ai/threads/runs'],
  ['get', '/api/ai/threads/{thread_id}/runs/{run_id}/steps'],
  ['get', '/api/ai/threads/{thread_id}/runs/{run_id}/steps/{step_id}'],
  ['post', '/api/ai/threads/{thread_id}/runs/wait'],
  ['post', '/api/ai/vector_stores'],
  ['get', '/api/ai/vector_stores'],
  ['get', '/api/ai/vector_stores/{vector_store_id}'],
  ['post', '/api/ai/vector_stores/{vector_store_id}'],
  ['delete', '/api/ai/vector_stores/{vector_store_id}'],
  ['post', '/api/ai/files'],
  ['get', '/api/ai/files'],
  ['get', '/api/ai/files/{file_id}'],
  ['delete', '/api/ai/files/{file_id}'],
  ['get', '/api/ai/files/{file_id}/content'],
];

describe('Swagger (e2e)', () => {
  let app: TestApp;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    app = await startTestApp();
    document = (await app.http().get('/api/docs-json')).body;
  });
  afterAll(() => app.close());

  it('should serve a document that validates as OpenAPI', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('should declare the Basic security scheme', () => {
    expect(document.components.securitySchemes.basic).toEqual({ type: 'http', scheme: 'basic' });
  });

  it.each(ROUTES)('should document %s %s with Basic security and a response schema', (method, path) => {
    const operation = document.paths[path]?.[method];
    expect(operation).toBeDefined();
    expect(operation.security).toEqual([{ basic: [] }]);
    const success = operation.responses['200'];
    expect(success).toBeDefined();
    expect(success.content && Object.values(success.content)[0].schema).toBeTruthy();
    expect(operation.responses['401']).toBeDefined();
  });

  it('should describe request bodies field by field', () => {
    const schemas = (
      document as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }
    ).components.schemas;
    expect(Object.keys(schemas.CreateAssistantDto.properties)).toEqual(
      expect.arrayContaining([
        'model',
        'name',
        'instructions',
        'tools',
        'tool_resources',
        'metadata',
        'temperature',
        'top_p',
        'response_format',
      ]),
    );
    expect(Object.keys(schemas.CreateMessageDto.properties)).toEqual(
      expect.arrayContaining(['role', 'content', 'attachments', 'metadata']),
    );
    expect(schemas.AssistantResponse.properties.id).toBeDefined();
  });

  it('should serve Swagger UI at /api/docs', async () => {
    const response = await app.http().get('/api/docs/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger-ui');
  });
});

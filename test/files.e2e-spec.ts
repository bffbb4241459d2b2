import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI, { toFile } from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

describe('Files (e2e)', () => {
  let app: TestApp;
  let alice: OpenAI;
  let bob: OpenAI;

  beforeAll(async () => {
    app = await startTestApp({ FILE_MAX_BYTES: String(64 * 1024) });
    alice = app.sdk('alice');
    bob = app.sdk('bob');
  });
  afterAll(() => app.close());

  const storedFiles = () => readdirSync(join(app.dataDir, 'files')).filter((name) => name !== 'incoming');
  const incomingFiles = () => readdirSync(join(app.dataDir, 'files', 'incoming'));

  it('should upload, list, retrieve, download and delete a file through the SDK', async () => {
    const bytes = Buffer.from('# FAQ\n\nReturns are free within 30 days.\n');
    const file = await alice.files.create({ file: await toFile(bytes, 'faq.md'), purpose: 'assistants' });
    expect(file).toMatchObject({
      object: 'file',
      bytes: bytes.length,
      filename: 'faq.md',
      purpose: 'assistants',
      status: 'processed',
    });
    expect(file.id).toMatch(/^file-/);
    expect(existsSync(join(app.dataDir, 'files', file.id))).toBe(true);

    await expect(alice.files.retrieve(file.id)).resolves.toEqual(file);
    const listed = await alice.files.list();
    expect(listed.data.map((item) => item.id)).toContain(file.id);
    const byPurpose = await alice.files.list({ purpose: 'vision' });
    expect(byPurpose.data.map((item) => item.id)).not.toContain(file.id);

    const content = await alice.files.content(file.id);
    expect(Buffer.from(await content.arrayBuffer())).toEqual(bytes);

    await expect(alice.files.delete(file.id)).resolves.toEqual({ id: file.id, object: 'file', deleted: true });
    await expect(alice.files.retrieve(file.id)).rejects.toMatchObject({ status: 404 });
    expect(existsSync(join(app.dataDir, 'files', file.id))).toBe(false);
  });

  it('should answer 413 for a file over FILE_MAX_BYTES and keep nothing of it', async () => {
    const rowsBefore = await app.sql('SELECT id FROM files');
    const storedBefore = storedFiles();
    const response = await app
      .http()
      .post('/api/ai/files')
      .set('Authorization', basicAuth('alice'))
      .field('purpose', 'assistants')
      .attach('file', Buffer.alloc(65 * 1024, 'x'), 'big.txt');
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'payload_too_large' });
    await expect(app.sql('SELECT id FROM files')).resolves.toEqual(rowsBefore);
    expect(storedFiles()).toEqual(storedBefore);
    expect(incomingFiles()).toEqual([]);
  });

  it('should reject an upload without a file or with a bad purpose, naming the param', async () => {
    const noFile = await app
      .http()
      .post('/api/ai/files')
      .set('Authorization', basicAuth('alice'))
      .field('purpose', 'assistants');
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.param).toBe('file');

    const badPurpose = await app
      .http()
      .post('/api/ai/files')
      .set('Authorization', basicAuth('alice'))
      .field('purpose', 'memes')
      .attach('file', Buffer.from('x'), 'x.txt');
    expect(badPurpose.status).toBe(400);
    expect(badPurpose.body.error.param).toBe('purpose');
    expect(incomingFiles()).toEqual([]);
  });

  it('should detach a deleted file from the assistants and threads that referenced it', async () => {
    const keep = await alice.files.create({
      file: await toFile(Buffer.from('keep'), 'keep.csv'),
      purpose: 'assistants',
    });
    const gone = await alice.files.create({
      file: await toFile(Buffer.from('gone'), 'gone.csv'),
      purpose: 'assistants',
    });
    const resources = { code_interpreter: { file_ids: [keep.id, gone.id] } };
    const assistant = await alice.beta.assistants.create({
      model: 'gpt-4o',
      tools: [{ type: 'code_interpreter' }],
      tool_resources: resources,
    });
    const thread = await alice.beta.threads.create({ tool_resources: resources });

    await alice.files.delete(gone.id);

    await expect(alice.beta.assistants.retrieve(assistant.id)).resolves.toMatchObject({
      tool_resources: { code_interpreter: { file_ids: [keep.id] } },
    });
    await expect(alice.beta.threads.retrieve(thread.id)).resolves.toMatchObject({
      tool_resources: { code_interpreter: { file_ids: [keep.id] } },
    });
  });

  it("should hide one tenant's files from another", async () => {
    const file = await alice.files.create({
      file: await toFile(Buffer.from('mine'), 'mine.txt'),
      purpose: 'assistants',
    });
    await expect(bob.files.retrieve(file.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.files.content(file.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.files.delete(file.id)).rejects.toMatchObject({ status: 404 });
    const bobs = await bob.files.list();
    expect(bobs.data.map((item) => item.id)).not.toContain(file.id);
    await expect(alice.files.retrieve(file.id)).resolves.toMatchObject({ id: file.id });
  });
});

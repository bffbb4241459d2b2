import { checkResponseFormat, checkToolResources, checkTools } from './assistant-shapes';

describe(checkTools.name, () => {
  it('should accept the three tool types of the SDK', () => {
    expect(
      checkTools([
        { type: 'code_interpreter' },
        {
          type: 'file_search',
          file_search: { max_num_results: 5, ranking_options: { score_threshold: 0.5, ranker: 'auto' } },
        },
        {
          type: 'function',
          function: { name: 'get_weather', description: 'd', parameters: { type: 'object' }, strict: true },
        },
      ]),
    ).toBeNull();
  });

  it.each([
    [[{ type: 'retrieval' }], '[0].type'],
    [[{ type: 'code_interpreter', extra: 1 }], '[0].extra'],
    [[{ type: 'function', function: { name: 'has space' } }], '[0].function.name'],
    [[{ type: 'function', function: { name: 'f', parameters: 'schema' } }], '[0].function.parameters'],
    [
      [{ type: 'file_search', file_search: { ranking_options: { score_threshold: 2 } } }],
      '[0].file_search.ranking_options.score_threshold',
    ],
    [
      [{ type: 'file_search', file_search: { ranking_options: { score_threshold: 0.1, ranker: 'bm25' } } }],
      '[0].file_search.ranking_options.ranker',
    ],
  ])('should reject %j at %s', (tools, path) => {
    expect(checkTools(tools)?.path).toBe(path);
  });

  it('should reject more than 128 tools', () => {
    const tools = Array.from({ length: 129 }, (_, i) => ({ type: 'function', function: { name: `f${i}` } }));
    expect(checkTools(tools)).toMatchObject({ path: '', message: expect.stringContaining('128') });
  });
});

describe(checkToolResources.name, () => {
  it('should accept file ids and one vector store id', () => {
    expect(
      checkToolResources({ code_interpreter: { file_ids: ['file-a'] }, file_search: { vector_store_ids: ['vs_a'] } }),
    ).toBeNull();
    expect(checkToolResources(null)).toBeNull();
  });

  it('should point at the offending entry', () => {
    expect(checkToolResources({ code_interpreter: { file_ids: ['ok', ''] } })?.path).toBe(
      'code_interpreter.file_ids[1]',
    );
    expect(checkToolResources({ file_search: { vector_stores: [{}, {}] } })?.path).toBe('file_search.vector_stores');
    expect(
      checkToolResources({ file_search: { vector_store_ids: ['vs_a'], vector_stores: [{ file_ids: ['file-a'] }] } })
        ?.path,
    ).toBe('file_search.vector_stores');
    expect(
      checkToolResources({
        file_search: {
          vector_stores: [{ chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 5 } } }],
        },
      })?.path,
    ).toBe('file_search.vector_stores[0].chunking_strategy.static.max_chunk_size_tokens');
    expect(
      checkToolResources({ file_search: { vector_stores: [{ file_ids: ['file-a'], metadata: { a: 1 } }] } })?.path,
    ).toBe('file_search.vector_stores[0].metadata');
  });

  it('should accept one vector store created inline', () => {
    expect(
      checkToolResources({
        file_search: { vector_stores: [{ file_ids: ['file-a'], chunking_strategy: { type: 'auto' } }] },
      }),
    ).toBeNull();
  });
});

describe(checkResponseFormat.name, () => {
  it.each([
    ['auto'],
    [{ type: 'text' }],
    [{ type: 'json_object' }],
    [{ type: 'json_schema', json_schema: { name: 'reply', schema: { type: 'object' }, strict: true } }],
  ])('should accept %j', (format) => {
    expect(checkResponseFormat(format)).toBeNull();
  });

  it('should reject json_schema without a valid name', () => {
    expect(checkResponseFormat({ type: 'json_schema', json_schema: { schema: {} } })?.path).toBe('json_schema.name');
  });
});

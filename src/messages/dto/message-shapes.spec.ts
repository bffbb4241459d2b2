import { checkAttachments, checkMessageContent, referencedFiles, toMessageContent } from './message-shapes';

describe(checkMessageContent.name, () => {
  it('should accept a string or text and image parts', () => {
    expect(checkMessageContent('hello')).toBeNull();
    expect(
      checkMessageContent([
        { type: 'text', text: 'hi' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'high' } },
        { type: 'image_file', image_file: { file_id: 'file-1' } },
      ]),
    ).toBeNull();
  });

  it.each([
    ['', ''],
    [[], ''],
    [[{ type: 'text', text: '' }], '[0].text'],
    [
      [
        { type: 'text', text: 'ok' },
        { type: 'image_url', image_url: { url: 'ftp://x' } },
      ],
      '[1].image_url.url',
    ],
    [[{ type: 'image_file', image_file: {} }], '[0].image_file.file_id'],
  ])('should reject %j at %s', (content, path) => {
    expect(checkMessageContent(content)?.path).toBe(path);
  });
});

describe(checkAttachments.name, () => {
  it('should point at the offending attachment', () => {
    expect(checkAttachments([{ file_id: 'f', tools: [{ type: 'file_search' }] }])).toBeNull();
    expect(checkAttachments([{ file_id: 'f' }, { tools: [] }])?.path).toBe('[1].file_id');
  });
});

describe(toMessageContent.name, () => {
  it('should turn request content into stored parts with annotations and image detail', () => {
    expect(toMessageContent('hi')).toEqual([{ type: 'text', text: { value: 'hi', annotations: [] } }]);
    expect(toMessageContent([{ type: 'image_file', image_file: { file_id: 'file-1' } }])).toEqual([
      { type: 'image_file', image_file: { file_id: 'file-1', detail: 'auto' } },
    ]);
  });
});

describe(referencedFiles.name, () => {
  it('should list every referenced file with the param that names it', () => {
    expect(
      referencedFiles(
        [
          { type: 'text', text: 'x' },
          { type: 'image_file', image_file: { file_id: 'file-a' } },
        ],
        [{ file_id: 'file-b' }],
      ),
    ).toEqual([
      { fileId: 'file-a', param: 'content[1].image_file.file_id' },
      { fileId: 'file-b', param: 'attachments[0].file_id' },
    ]);
  });
});

import { buildPrompt, HistoryMessage, PromptInput } from './prompt-builder';

const text = (role: 'user' | 'assistant', value: string): HistoryMessage => ({
  role,
  content: [{ type: 'text', text: { value, annotations: [] } }],
});

const input = (overrides: Partial<PromptInput> = {}): PromptInput => ({
  instructions: 'Be helpful.',
  history: [text('user', 'one'), text('assistant', 'two'), text('user', 'three')],
  transcript: [],
  truncation: { type: 'auto' },
  promptBudget: null,
  imageUrlOf: () => undefined,
  ...overrides,
});

describe(buildPrompt.name, () => {
  it('should put instructions first, then the thread in order', () => {
    const prompt = buildPrompt(input());
    expect('messages' in prompt && prompt.messages).toEqual([
      { role: 'system', content: 'Be helpful.' },
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'two' },
      { role: 'user', content: 'three' },
    ]);
  });

  it('should answer tool calls with tool messages paired by tool_call_id, after the thread', () => {
    const prompt = buildPrompt(
      input({
        transcript: [
          { kind: 'tool_calls', calls: [{ id: 'call_1', name: 'f', arguments: '{"a":1}', output: 'out' }] },
          { kind: 'message', text: 'done' },
        ],
      }),
    );
    expect('messages' in prompt && prompt.messages.slice(-3)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'out' },
      { role: 'assistant', content: 'done' },
    ]);
  });

  it('should keep the last N thread messages with last_messages', () => {
    const prompt = buildPrompt(input({ truncation: { type: 'last_messages', last_messages: 1 } }));
    expect('messages' in prompt && prompt.messages.map((message) => message.content)).toEqual(['Be helpful.', 'three']);
  });

  it('should drop the oldest messages to fit the budget, and report a prompt that cannot fit', () => {
    const long = 'lorem ipsum '.repeat(100);
    const history = [text('user', long), text('user', 'short')];
    const fits = buildPrompt(input({ history, promptBudget: 40 }));
    expect('messages' in fits && fits.messages.map((message) => message.content)).toEqual(['Be helpful.', 'short']);
    expect(buildPrompt(input({ history: [text('user', long)], promptBudget: 40 }))).toMatchObject({ overBudget: true });
  });

  it('should send image parts, resolving image files to data URLs and leaving out unreadable ones', () => {
    const history: HistoryMessage[] = [
      {
        role: 'user',
        content: [
          { type: 'text', text: { value: 'look', annotations: [] } },
          { type: 'image_url', image_url: { url: 'https://x/cat.png', detail: 'low' } },
          { type: 'image_file', image_file: { file_id: 'file-ok', detail: 'auto' } },
          { type: 'image_file', image_file: { file_id: 'file-gone', detail: 'auto' } },
        ],
      },
    ];
    const prompt = buildPrompt(
      input({ history, imageUrlOf: (id) => (id === 'file-ok' ? 'data:image/png;base64,AA' : undefined) }),
    );
    expect('messages' in prompt && prompt.messages[1]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'look' },
        { type: 'image_url', image_url: { url: 'https://x/cat.png', detail: 'low' } },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AA', detail: 'auto' } },
      ],
    });
  });
});

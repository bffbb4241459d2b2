import { checkToolChoice, checkToolOutputs, checkTruncationStrategy } from './run-shapes';

describe(checkToolChoice.name, () => {
  it.each([
    ['auto'],
    ['none'],
    ['required'],
    [{ type: 'function', function: { name: 'f' } }],
    [{ type: 'file_search' }],
  ])('should accept %j', (choice) => expect(checkToolChoice(choice)).toBeNull());

  it.each([
    ['sometimes', ''],
    [{ type: 'browser' }, 'type'],
    [{ type: 'function' }, 'function.name'],
  ])('should reject %j at %j', (choice, path) => expect(checkToolChoice(choice)?.path).toBe(path));
});

describe(checkTruncationStrategy.name, () => {
  it('should accept auto and last_messages with a count', () => {
    expect(checkTruncationStrategy({ type: 'auto' })).toBeNull();
    expect(checkTruncationStrategy({ type: 'last_messages', last_messages: 3 })).toBeNull();
  });

  it('should require a positive count with last_messages only', () => {
    expect(checkTruncationStrategy({ type: 'last_messages', last_messages: 0 })?.path).toBe('last_messages');
    expect(checkTruncationStrategy({ type: 'auto', last_messages: 2 })?.path).toBe('last_messages');
  });
});

describe(checkToolOutputs.name, () => {
  it('should point at the first bad output', () => {
    expect(checkToolOutputs([{ tool_call_id: 'a', output: 'x' }])).toBeNull();
    expect(checkToolOutputs([{ tool_call_id: 'a' }, { tool_call_id: 'b', output: 3 }])?.path).toBe('[1].output');
  });
});

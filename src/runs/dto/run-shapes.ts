import { shape, Violation } from '../../common/validation/shape-validator';

export function checkToolChoice(value: unknown): Violation | null {
  if (value === null || value === undefined || ['none', 'auto', 'required'].includes(value as string)) {
    return null;
  }
  if (!shape.isObject(value)) {
    return shape.fail('', "must be 'none', 'auto', 'required' or an object naming a tool");
  }
  if (value.type === 'file_search') {
    return shape.unknownKey(value, ['type'], '');
  }
  if (value.type !== 'function') {
    return shape.fail('type', "must be 'function' or 'file_search'");
  }
  const fn = value.function;
  return shape.isObject(fn) && typeof fn.name === 'string' && fn.name.length > 0
    ? null
    : shape.fail('function.name', 'must name the function to call');
}

export function checkTruncationStrategy(value: unknown): Violation | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (!shape.isObject(value)) {
    return shape.fail('', 'must be an object');
  }
  if (value.type !== 'auto' && value.type !== 'last_messages') {
    return shape.fail('type', "must be 'auto' or 'last_messages'");
  }
  const last = value.last_messages;
  if (value.type === 'last_messages' && (!Number.isInteger(last) || (last as number) < 1)) {
    return shape.fail('last_messages', "must be an integer of at least 1 with type 'last_messages'");
  }
  if (value.type === 'auto' && last !== undefined && last !== null) {
    return shape.fail('last_messages', "is only allowed with type 'last_messages'");
  }
  return shape.unknownKey(value, ['type', 'last_messages'], '');
}

export function checkToolOutputs(value: unknown): Violation | null {
  if (!Array.isArray(value) || value.length === 0) {
    return shape.fail('', 'must be a non-empty array of {tool_call_id, output}');
  }
  for (const [index, item] of value.entries()) {
    const path = `[${index}]`;
    if (!shape.isObject(item)) {
      return shape.fail(path, 'must be an object');
    }
    if (typeof item.tool_call_id !== 'string' || item.tool_call_id === '') {
      return shape.fail(`${path}.tool_call_id`, 'must be a tool call id');
    }
    if (item.output !== undefined && typeof item.output !== 'string') {
      return shape.fail(`${path}.output`, 'must be a string');
    }
    const extra = shape.unknownKey(item, ['tool_call_id', 'output'], path);
    if (extra) {
      return extra;
    }
  }
  return null;
}

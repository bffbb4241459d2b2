import { shape, Violation } from '../../common/validation/shape-validator';

/** Stored (and returned) content parts, in the shape of the `openai` package's `MessageContent`. */
export type MessageContent =
  | { type: 'text'; text: { value: string; annotations: Array<Record<string, unknown>> } }
  | { type: 'image_url'; image_url: { url: string; detail: ImageDetail } }
  | { type: 'image_file'; image_file: { file_id: string; detail: ImageDetail } };

type ImageDetail = 'auto' | 'low' | 'high';

/** What a request may send: a string, or `text` / `image_url` / `image_file` parts. */
export type MessageContentInput =
  | string
  | Array<
      | { type: 'text'; text: string }
      | { type: 'image_url'; image_url: { url: string; detail?: ImageDetail } }
      | { type: 'image_file'; image_file: { file_id: string; detail?: ImageDetail } }
    >;

export interface MessageAttachment {
  file_id: string;
  tools: Array<{ type: 'code_interpreter' } | { type: 'file_search' }>;
}

const DETAILS = ['auto', 'low', 'high'];
const MAX_TEXT = 256_000;
const MAX_PARTS = 100;
const MAX_ATTACHMENTS = 20;

export function checkMessageContent(value: unknown): Violation | null {
  if (typeof value === 'string') {
    return checkText(value, '');
  }
  if (!Array.isArray(value) || value.length === 0) {
    return shape.fail('', 'must be a non-empty string or a non-empty array of content parts');
  }
  if (value.length > MAX_PARTS) {
    return shape.fail('', `must have at most ${MAX_PARTS} parts`);
  }
  for (const [index, part] of value.entries()) {
    const violation = checkPart(part, `[${index}]`);
    if (violation) {
      return violation;
    }
  }
  return null;
}

function checkText(text: unknown, path: string): Violation | null {
  if (typeof text !== 'string' || text.length === 0) {
    return shape.fail(path, 'must be a non-empty string');
  }
  return text.length > MAX_TEXT ? shape.fail(path, `must be at most ${MAX_TEXT} characters long`) : null;
}

function checkPart(part: unknown, path: string): Violation | null {
  if (!shape.isObject(part)) {
    return shape.fail(path, 'must be a content part object');
  }
  switch (part.type) {
    case 'text':
      return shape.unknownKey(part, ['type', 'text'], path) ?? checkText(part.text, `${path}.text`);
    case 'image_url':
      return shape.unknownKey(part, ['type', 'image_url'], path) ?? checkImageUrl(part.image_url, `${path}.image_url`);
    case 'image_file':
      return (
        shape.unknownKey(part, ['type', 'image_file'], path) ?? checkImageFile(part.image_file, `${path}.image_file`)
      );
    default:
      return shape.fail(`${path}.type`, "must be one of 'text', 'image_url', 'image_file'");
  }
}

function checkImageUrl(image: unknown, path: string): Violation | null {
  if (!shape.isObject(image)) {
    return shape.fail(path, 'must be an object');
  }
  return shape.firstOf(
    () => shape.unknownKey(image, ['url', 'detail'], path),
    () =>
      typeof image.url !== 'string' || !/^(https?:\/\/|data:image\/)/.test(image.url)
        ? shape.fail(`${path}.url`, 'must be an http(s) URL or an image data URL')
        : null,
    () => checkDetail(image.detail, `${path}.detail`),
  );
}

function checkImageFile(image: unknown, path: string): Violation | null {
  if (!shape.isObject(image)) {
    return shape.fail(path, 'must be an object');
  }
  return shape.firstOf(
    () => shape.unknownKey(image, ['file_id', 'detail'], path),
    () =>
      typeof image.file_id !== 'string' || image.file_id === ''
        ? shape.fail(`${path}.file_id`, 'must be a file id')
        : null,
    () => checkDetail(image.detail, `${path}.detail`),
  );
}

function checkDetail(detail: unknown, path: string): Violation | null {
  return detail === undefined || DETAILS.includes(detail as string)
    ? null
    : shape.fail(path, "must be one of 'auto', 'low', 'high'");
}

export function checkAttachments(value: unknown): Violation | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (!Array.isArray(value)) {
    return shape.fail('', 'must be an array of attachments');
  }
  if (value.length > MAX_ATTACHMENTS) {
    return shape.fail('', `must have at most ${MAX_ATTACHMENTS} attachments`);
  }
  for (const [index, attachment] of value.entries()) {
    const path = `[${index}]`;
    if (!shape.isObject(attachment)) {
      return shape.fail(path, 'must be an attachment object');
    }
    const violation = shape.firstOf(
      () => shape.unknownKey(attachment, ['file_id', 'tools'], path),
      () =>
        typeof attachment.file_id !== 'string' || attachment.file_id === ''
          ? shape.fail(`${path}.file_id`, 'must be a file id')
          : null,
      () => checkAttachmentTools(attachment.tools, `${path}.tools`),
    );
    if (violation) {
      return violation;
    }
  }
  return null;
}

function checkAttachmentTools(tools: unknown, path: string): Violation | null {
  if (tools === undefined) {
    return null;
  }
  if (!Array.isArray(tools)) {
    return shape.fail(path, 'must be an array of tools');
  }
  const bad = tools.findIndex(
    (tool) => !shape.isObject(tool) || !['code_interpreter', 'file_search'].includes(tool.type as string),
  );
  return bad === -1 ? null : shape.fail(`${path}[${bad}].type`, "must be 'code_interpreter' or 'file_search'");
}

/** Request content → stored content parts. */
export function toMessageContent(input: MessageContentInput): MessageContent[] {
  if (typeof input === 'string') {
    return [{ type: 'text', text: { value: input, annotations: [] } }];
  }
  return input.map((part): MessageContent => {
    switch (part.type) {
      case 'text':
        return { type: 'text', text: { value: part.text, annotations: [] } };
      case 'image_url':
        return { type: 'image_url', image_url: { url: part.image_url.url, detail: part.image_url.detail ?? 'auto' } };
      case 'image_file':
        return {
          type: 'image_file',
          image_file: { file_id: part.image_file.file_id, detail: part.image_file.detail ?? 'auto' },
        };
    }
  });
}

/** Every file a message references, with the param that names it (for reference errors). */
export function referencedFiles(
  content: MessageContentInput,
  attachments: Array<{ file_id: string }> | null | undefined,
): Array<{ fileId: string; param: string }> {
  const fromContent =
    typeof content === 'string'
      ? []
      : content.flatMap((part, index) =>
          part.type === 'image_file'
            ? [{ fileId: part.image_file.file_id, param: `content[${index}].image_file.file_id` }]
            : [],
        );
  const fromAttachments = (attachments ?? []).map((attachment, index) => ({
    fileId: attachment.file_id,
    param: `attachments[${index}].file_id`,
  }));
  return [...fromContent, ...fromAttachments];
}

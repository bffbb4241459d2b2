/** The error envelope every OpenAI endpoint answered with, and the SDKs parse. */
export interface OpenAIErrorBody {
  error: {
    message: string;
    type: OpenAIErrorType;
    param: string | null;
    code: string | null;
  };
}

export type OpenAIErrorType = 'invalid_request_error' | 'authentication_error' | 'requests' | 'server_error';

export function errorBody(
  message: string,
  type: OpenAIErrorType,
  param: string | null = null,
  code: string | null = null,
): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

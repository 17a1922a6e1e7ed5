/**
 * Errors that reach a client. Each has a stable machine code (for programs) and a Chinese
 * message (for people); the HTTP layer turns them into `{code, message}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'authentication_required', message);
export const forbidden = (message = '您没有权限执行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (what = '资源') => new AppError(404, 'not_found', `${what}不存在`);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

/** Maps framework and library errors to our `{status, code, message}` shape; 500 only for real faults. */
export function describeError(error: unknown): { status: number; code: string; message: string; details?: unknown } {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  const e = error as { statusCode?: number; code?: string; validation?: Array<{ instancePath?: string; message?: string; params?: unknown }>; validationContext?: string; message?: string };
  if (e?.validation) {
    const parts = e.validation.map((v) => {
      const field = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      return field ? `${field}：${v.message}` : `${v.message}`;
    });
    const where = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' }[e.validationContext ?? ''] ?? '请求';
    return { status: 400, code: 'validation_failed', message: `${where}不符合要求：${parts.join('；')}` };
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_json', message: '请求内容不是有效的 JSON' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: '不支持的请求内容类型' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body_too_large', message: '请求内容过大' };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'file_too_large', message: '上传的文件过大' };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: '请以 multipart/form-data 上传文件' };
  }
  if (e?.statusCode === 429) return { status: 429, code: 'rate_limited', message: '操作过于频繁，请稍后再试' };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'bad_request', message: '请求无法处理' };
  }
  return { status: 500, code: 'internal_error', message: '服务器内部错误，请稍后再试' };
}

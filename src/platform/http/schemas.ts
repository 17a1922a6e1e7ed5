import { z } from 'zod';

z.config(z.locales.zhCN());

/** Body of every error response. */
export const ErrorDto = z.object({
  code: z.string().describe('稳定的机器可读错误码'),
  message: z.string().describe('中文错误说明'),
});

/** Error responses to list in OpenAPI for routes that need a session. */
export const authErrors = { 400: ErrorDto, 401: ErrorDto, 403: ErrorDto, 404: ErrorDto, 409: ErrorDto } as const;

export const IdParams = z.object({ id: z.coerce.number().int().positive() });

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Trimmed text; an empty string becomes null so optional fields can be cleared. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { ErrorDto } from '../../platform/http/schemas.js';
import { CheckBody, CheckResult } from './dto.js';
import { checkReport } from './rules.js';

const tags = ['政府信息公开年度报告'];
/** Public checks per address per minute. */
export const CHECK_LIMIT = { max: 60, timeWindow: '1 minute' };

export function registerAnnualReportRoutes(fastify: FastifyInstance, _ctx: AppContext) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/annual-report-check', {
    config: { rateLimit: CHECK_LIMIT },
    schema: {
      tags, summary: '年度报告勾稽关系检查（公开）',
      description: '检查任一年度报告的表三、表四：R1 + R2 = R24 + R25，R24 等于各办理结果之和，总计等于六类申请人之和，本年上年结转等于上年结转下年度，表四各总计等于其四项之和。无需登录。',
      body: CheckBody, response: { 200: CheckResult, 400: ErrorDto, 429: ErrorDto },
    },
  }, async (req) => {
    const violations = checkReport(req.body);
    return { consistent: violations.length === 0, violations };
  });
}

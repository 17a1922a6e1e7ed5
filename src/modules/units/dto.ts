import { z } from 'zod';
import { UNIT_KINDS, UNIT_LEVELS } from './unit-enums.js';

/** Response shapes of the units API; the admin app imports these types too. */
export const OfficeDto = z.object({
  name: z.string().nullable().describe('政府信息公开工作机构名称'),
  address: z.string().nullable().describe('办公地址'),
  hours: z.string().nullable().describe('办公时间'),
  phone: z.string().nullable().describe('联系电话'),
  fax: z.string().nullable().describe('传真'),
  email: z.string().nullable().describe('电子邮箱'),
  postcode: z.string().nullable().describe('邮政编码'),
});

export const UnitDto = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(UNIT_KINDS).describe('government=人民政府/街道办事处/村（居）委会，department=部门'),
  level: z.enum(UNIT_LEVELS).describe('city=市级，county=县级，township=乡级，village=村级'),
  divisionCode: z.string().nullable().describe('行政区划代码'),
  creditCode: z.string().nullable().describe('统一社会信用代码'),
  sortOrder: z.number(),
  office: OfficeDto,
  updatedAt: z.string(),
});

export type OfficeDto = z.infer<typeof OfficeDto>;
export type UnitDto = z.infer<typeof UnitDto>;

import { z } from 'zod';

/** One audit entry as the API returns it; the admin app imports this type too. */
export const AuditDto = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

export type AuditDto = z.infer<typeof AuditDto>;

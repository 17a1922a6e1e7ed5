import { z } from 'zod';
import { ACTIONS, ROLES } from './policy.js';

/** Request and response shapes of the accounts API; the admin app imports these types too. */
export const RoleEnum = z.enum(ROLES);

export const UserDto = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  roles: z.array(RoleEnum),
  disabled: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const MeDto = z.object({
  user: UserDto,
  permissions: z.array(z.enum(ACTIONS)).describe('当前用户在某处拥有的权限'),
  assignableRoles: z.array(RoleEnum),
  roleLabels: z.record(z.string(), z.string()),
});

export type UserDto = z.infer<typeof UserDto>;
export type MeDto = z.infer<typeof MeDto>;

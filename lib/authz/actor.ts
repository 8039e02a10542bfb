import type { Role } from '@/db/schema';

/** The signed-in user as every query and action sees them. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** null = prefecture-wide; otherwise the one county this user may see. */
  countyId: number | null;
  unitId: number | null;
}

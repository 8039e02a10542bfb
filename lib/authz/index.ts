export type { Actor } from './actor';
export { can, hasPermission, inScope, ROLE_PERMISSIONS, PERMISSIONS, type Permission, type ProjectRef } from './permissions';
export { projectScope } from './scope';

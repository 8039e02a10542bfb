export type { Actor } from './actor';
export {
  ANY,
  can,
  grantOf,
  hasPermission,
  inScope,
  mayEver,
  PERMISSIONS,
  RELATIONS,
  relationsTo,
  ROLE_PERMISSIONS,
  type Grant,
  type Permission,
  type Relation,
  type Subject,
} from './permissions';
export { idArray, projectCountyIdsSql, projectScope, projectTouchesAnyCounty, projectTouchesCounty } from './scope';

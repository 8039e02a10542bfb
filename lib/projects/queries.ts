import 'server-only';

// Reads of the projects domain. Every function takes the actor and scopes its SQL.
export { listProjects, registryWhere, type RegistryRow } from './list-projects';

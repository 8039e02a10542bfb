import 'server-only';

// Reads of the projects domain. Every function takes the actor and scopes its SQL.
export { countProjects, listProjects, registryWhere, type RegistryRow } from './list-projects';
export {
  getMilestoneForEdit,
  getProject,
  getProjectHistory,
  getProjectMilestones,
  type HistoryEntry,
  type MilestoneRow,
  type ProjectDetail,
} from './get-project';

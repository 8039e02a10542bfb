import { patchMilestoneRoute } from '@/lib/milestones/http';

/** PATCH /api/milestones/:id — the milestone update as JSON. The API and its tests: lib/milestones/http.ts. */
export const dynamic = 'force-dynamic';

export const PATCH = patchMilestoneRoute;

import { withMessages } from '@/app/_components/client-messages';

// The messages this segment's client components use (app/_components/client-messages.tsx):
// the registry (projects, its export menu), the project and milestone forms (project), the
// light override form and the plan form (their parts of lights).
export default withMessages(['projects', 'project', 'exports.menu', 'lights.light', 'lights.reason', 'lights.overrideForm', 'lights.plan']);

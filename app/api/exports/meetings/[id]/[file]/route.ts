import { exportMeetingRoute } from '@/lib/exports/http';

/**
 * GET /api/exports/meetings/:id/status-table.xlsx|csv (the meeting's status table, from its
 * frozen snapshot) and /api/exports/meetings/:id/minutes.docx. A meeting the user may not see
 * is 404. The logic and its tests: lib/exports/http.ts.
 */
export const dynamic = 'force-dynamic';

export const GET = exportMeetingRoute;

import { withMessages } from '@/app/_components/client-messages';

// The message namespaces this segment's client components use (app/_components/client-messages.tsx):
// the targets form (targets) beside the dashboard's.
export default withMessages(['dashboard', 'targets']);

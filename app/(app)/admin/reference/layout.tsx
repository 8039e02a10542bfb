import { withMessages } from '@/app/_components/client-messages';

// The message namespaces this segment's client components use (app/_components/client-messages.tsx).
export default withMessages(['reference']);

import { withMessages } from '@/app/_components/client-messages';

// The procedure plan's client components: the step forms and the office's plan tools.
export default withMessages(['procedures']);

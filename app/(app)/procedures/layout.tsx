import { withMessages } from '@/app/_components/client-messages';

// The queue's client components: the agency's step forms.
export default withMessages(['procedures']);

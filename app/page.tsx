import { redirect } from 'next/navigation';

/** Leadership opens the dashboard first. */
export default function Home() {
  redirect('/dashboard');
}

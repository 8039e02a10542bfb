import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};
const inBrowser = () => true;
const onServer = () => false;

/**
 * False in the server render and while hydrating, true from then on (and at once in a component
 * that mounts later on the client). For markers such as data-ready that tests wait for, and for
 * parts drawn in the browser only; without the extra render a mount effect would cost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, inBrowser, onServer);
}

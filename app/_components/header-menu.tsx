'use client';

import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * The header's navigation and user menu. From `lg` up it is laid out in the header row as it
 * always was; below, the header keeps one row (the name and a menu button) and the same links
 * open under it. The button says whether the menu is open (aria-expanded); Escape closes it and
 * gives the focus back to the button, and so does a click outside it; a navigation closes it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useTranslations('common.nav');
  const id = useId();
  const pathname = usePathname();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  // A navigation closes the menu: the path it was opened on is state that follows the path
  // (React's pattern for state that follows a prop), so no effect is needed.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    if (open) setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (panel.current?.contains(target) || button.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        data-testid="nav-menu-button"
        onClick={() => setOpen((o) => !o)}
        className="ml-auto inline-flex shrink-0 items-center gap-1.5 rounded-md border border-white/30 px-2.5 py-1 text-sm text-white hover:bg-white/10 lg:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5.5h14M3 10h14M3 14.5h14" />}
        </svg>
        {t('menu')}
      </button>
      <div
        ref={panel}
        id={id}
        data-open={open ? 'true' : 'false'}
        className={`${open ? 'flex' : 'hidden'} absolute inset-x-0 top-full max-h-[calc(100dvh-3.5rem)] flex-col gap-3 overflow-y-auto border-b border-brand-800 bg-brand-700 px-4 pb-4 pt-2 shadow-lg lg:static lg:flex lg:max-h-none lg:min-w-0 lg:flex-1 lg:flex-row lg:flex-wrap lg:items-center lg:gap-x-6 lg:gap-y-2 lg:overflow-visible lg:border-0 lg:p-0 lg:shadow-none`}
      >
        {children}
      </div>
    </>
  );
}

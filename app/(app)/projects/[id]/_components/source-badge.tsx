import type { FactSource } from '@/db/schema';

export interface SourceLabels {
  report: string;
  interpretation: string;
  demo: string;
  user: string;
  section: string;
  quote: string;
  reportHint: string;
  interpretationHint: string;
  basis: string;
  note: string;
  demoHint: string;
  userHint: string;
}

const STYLE: Record<FactSource['kind'], string> = {
  report: 'bg-brand-50 text-brand-800 ring-brand-600/25',
  interpretation: 'bg-violet-50 text-violet-800 ring-violet-500/30',
  demo: 'bg-amber-50 text-amber-900 ring-amber-500/40 [background-image:repeating-linear-gradient(135deg,transparent_0_6px,rgb(251_191_36/0.18)_6px_12px)]',
  user: 'bg-slate-100 text-slate-700 ring-slate-500/20',
};

/**
 * Where a registry value came from. A <details> element, so the quote opens with a tap on a
 * phone as well as a click on a desktop, and is read by screen readers without hovering.
 */
export function SourceBadge({ source, labels, en }: { source: FactSource; labels: SourceLabels; en: boolean }) {
  const label = labels[source.kind];
  return (
    <details className="group mt-1 text-xs" data-testid={`source-${source.kind}`}>
      <summary
        className={`inline-flex cursor-pointer list-none items-center gap-1 rounded-full px-2 py-0.5 font-medium ring-1 ring-inset [&::-webkit-details-marker]:hidden ${STYLE[source.kind]}`}
      >
        {label}
        <span aria-hidden className="text-[10px] opacity-70 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="mt-1.5 max-w-prose rounded-md border border-slate-200 bg-slate-50 p-2.5 leading-relaxed text-slate-700">
        {source.kind === 'report' ? (
          <>
            <p className="text-slate-500">{labels.reportHint}</p>
            <p className="mt-1 flex flex-wrap gap-x-2">
              <span className="font-medium text-slate-600">{labels.section}</span>
              <span lang="zh-CN">{source.section}</span>
            </p>
            <blockquote lang="zh-CN" aria-label={labels.quote} className="mt-1 border-l-2 border-brand-600/40 pl-2 text-slate-800">
              “{source.quote}”
            </blockquote>
          </>
        ) : source.kind === 'interpretation' ? (
          <>
            <p className="text-slate-500">{labels.interpretationHint}</p>
            <p className="mt-1 flex flex-wrap gap-x-2">
              <span className="font-medium text-slate-600">{labels.note}</span>
              <span lang={en ? 'en' : 'zh-CN'}>{en ? source.noteEn : source.note}</span>
            </p>
            <p className="mt-1 flex flex-wrap gap-x-2">
              <span className="font-medium text-slate-600">{labels.basis}</span>
              <span lang="zh-CN">{source.section}</span>
            </p>
            <blockquote lang="zh-CN" aria-label={labels.basis} className="mt-1 border-l-2 border-violet-500/40 pl-2 text-slate-800">
              “{source.quote}”
            </blockquote>
          </>
        ) : (
          <p>{source.kind === 'demo' ? labels.demoHint : labels.userHint}</p>
        )}
      </div>
    </details>
  );
}

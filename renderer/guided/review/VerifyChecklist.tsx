import type { ChainReportShape } from '../../../shared/ipc/engine-contract';

const MARK = { ok: '✓', broken: '✗', unknown: '?' } as const;

/** The chain after apply, link by link, each with its reason and, when broken, the fix. */
export function VerifyChecklist({ report }: { readonly report: ChainReportShape }) {
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Verify</h2>
      <p className="hint">{report.subject}</p>
      <ul className="verify-links" aria-label="Verify checklist">
        {report.links.map((link) => (
          <li key={link.id} className={`verify-link link-${link.status}`} data-status={link.status}>
            <span className="verify-mark" aria-label={link.status}>
              {MARK[link.status]}
            </span>{' '}
            <strong>{link.title}</strong>
            <div className="hint">{link.reason}</div>
            {link.fix !== undefined && link.status !== 'ok' ? (
              <div className="verify-fix">
                Fix: {link.fix.summary}
                {link.fix.command === undefined ? null : <pre className="policy-json">{link.fix.command}</pre>}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

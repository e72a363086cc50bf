import { firstBrokenLink, overallStatus } from '../../shared/plan/chain-report';
import type { ChainReport, ChainReportLink, LinkStatus } from '../../shared/plan/chain-report';
import { CopyableCommand } from './CopyableCommand';

const MARK: Readonly<Record<LinkStatus, { readonly symbol: string; readonly label: string }>> = {
  ok: { symbol: '✓', label: 'ok' },
  broken: { symbol: '✗', label: 'broken' },
  unknown: { symbol: '?', label: 'could not be checked' },
};

function verdict(report: ChainReport): string {
  const broken = firstBrokenLink(report);
  if (broken !== undefined) return `First broken link: ${broken.title}.`;
  return overallStatus(report) === 'ok' ? 'Every link is ok.' : 'Nothing is broken, but some links could not be checked (marked ?).';
}

/**
 * One link of the chain. The fix is shown for the first broken link only: the links after it
 * depend on it, so their own fixes may be moot once it is mended. An unknown link says what would
 * let it be checked.
 */
function Link({ link, isFirstBroken }: { readonly link: ChainReportLink; readonly isFirstBroken: boolean }) {
  const mark = MARK[link.status];
  return (
    <li className={`chain-link chain-${link.status}${isFirstBroken ? ' chain-first-broken' : ''}`} data-link-id={link.id} data-status={link.status}>
      <span className="chain-mark" role="img" aria-label={mark.label}>
        {mark.symbol}
      </span>
      <div className="chain-body">
        <strong className="chain-title">{link.title}</strong>
        <p className="chain-reason">{link.reason}</p>
        {isFirstBroken && link.fix !== undefined ? (
          <section className="chain-fix" aria-label="Fix">
            <h3>Fix</h3>
            <p>{link.fix.summary}</p>
            {link.fix.command === undefined ? null : <CopyableCommand command={link.fix.command} />}
          </section>
        ) : null}
        {link.status === 'unknown' && link.fix !== undefined ? <p className="hint">To check it: {link.fix.summary}</p> : null}
      </div>
    </li>
  );
}

/** The doctor's report as an ordered checklist, from the connection (or instance) down to the bucket. */
export function ChainChecklist({ report }: { readonly report: ChainReport }) {
  const broken = firstBrokenLink(report);
  return (
    <div className="chain">
      <p className="chain-subject">{report.subject}</p>
      <p className={`chain-verdict chain-${overallStatus(report)}`}>{verdict(report)}</p>
      <ol className="chain-links" aria-label="Chain of the setup">
        {report.links.map((link) => (
          <Link key={link.id} link={link} isFirstBroken={link === broken} />
        ))}
      </ol>
    </div>
  );
}

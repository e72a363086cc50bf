/**
 * The report of `keyless verify` and `keyless doctor` (DESIGN §1 job 3): the chain a Secure Agent
 * relies on — connection → runtime environment → agent → EC2 instance → instance profile → role →
 * [assumed role] → policies → bucket/folder — as a list of links, each ok, broken or unknown
 * (could not be checked, e.g. the operator may not read it), with the reason and, for a broken
 * link, the concrete fix. Plain JSON, so the UI, the CLI and `--json` render the same data.
 */

export type LinkStatus = 'ok' | 'broken' | 'unknown';

/** A concrete action: what to do in words and, where one exists, the command that does it. */
export interface LinkFix {
  readonly summary: string;
  /** A complete command line (usually the AWS CLI) the operator can run as is. */
  readonly command?: string;
}

export interface ChainReportLink {
  /** Stable id of the link (`instance`, `association`, `trust`, `s3:ListBucket`...), for tests and the UI. */
  readonly id: string;
  /** What the link is, in the user's terms: "Role trusts the EC2 service". */
  readonly title: string;
  readonly status: LinkStatus;
  /** One or two sentences naming the concrete resources. */
  readonly reason: string;
  /** Present on broken links (and on unknown ones when there is something to try). */
  readonly fix?: LinkFix;
}

export interface ChainReport {
  /** What was checked: "EC2 instance i-0abc… for s3://bucket/folder (read)". */
  readonly subject: string;
  readonly links: readonly ChainReportLink[];
}

export function okLink(id: string, title: string, reason: string): ChainReportLink {
  return { id, title, status: 'ok', reason };
}

export function brokenLink(id: string, title: string, reason: string, fix: LinkFix): ChainReportLink {
  return { id, title, status: 'broken', reason, fix };
}

export function unknownLink(id: string, title: string, reason: string, fix?: LinkFix): ChainReportLink {
  return fix === undefined ? { id, title, status: 'unknown', reason } : { id, title, status: 'unknown', reason, fix };
}

/** The first broken link: the one to fix first, since the links after it depend on it. */
export function firstBrokenLink(report: ChainReport): ChainReportLink | undefined {
  return report.links.find((link) => link.status === 'broken');
}

/** broken if any link is broken; else unknown if any link could not be checked; else ok. An empty report is unknown. */
export function overallStatus(report: ChainReport): LinkStatus {
  if (report.links.some((link) => link.status === 'broken')) return 'broken';
  if (report.links.length === 0 || report.links.some((link) => link.status === 'unknown')) return 'unknown';
  return 'ok';
}

const MARKS: Readonly<Record<LinkStatus, string>> = { ok: '✓', broken: '✗', unknown: '?' };

/** The checklist the CLI prints: one line per link, with the reason and fix indented below. */
export function chainReportLines(report: ChainReport): string[] {
  const lines = [report.subject];
  for (const link of report.links) {
    lines.push(`${MARKS[link.status]} ${link.title}`);
    lines.push(`    ${link.reason}`);
    if (link.fix !== undefined && link.status !== 'ok') {
      lines.push(`    fix: ${link.fix.summary}`);
      if (link.fix.command !== undefined) lines.push(`         ${link.fix.command}`);
    }
  }
  const broken = firstBrokenLink(report);
  const status = overallStatus(report);
  if (broken !== undefined) lines.push('', `First broken link: ${broken.title}.`);
  else if (status === 'unknown') lines.push('', 'Nothing is broken, but some links could not be checked (marked ?).');
  else lines.push('', 'Every link is ok.');
  return lines;
}

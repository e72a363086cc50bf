import { describe, expect, it } from 'vitest';
import { brokenLink, chainReportLines, firstBrokenLink, okLink, overallStatus, unknownLink } from '../../../shared/plan/chain-report';
import type { ChainReport } from '../../../shared/plan/chain-report';

const report = (links: ChainReport['links']): ChainReport => ({ subject: 'Doctor: i-0abc', links });

describe('chain report', () => {
  const ok = okLink('instance', 'EC2 instance i-0abc is running', 'i-0abc is running.');
  const unknown = unknownLink('imds', 'Instance metadata service hands credentials to the agent', 'Hop limit 1.', { summary: 'Raise the hop limit.', command: 'aws ec2 modify-instance-metadata-options --instance-id i-0abc --http-put-response-hop-limit 2' });
  const broken = brokenLink('association', 'Instance i-0abc has an IAM instance profile', 'No instance profile is associated.', { summary: 'Associate one.', command: 'aws ec2 associate-iam-instance-profile --instance-id i-0abc --iam-instance-profile Name=x' });
  const later = brokenLink('s3:ListBucket', 'List s3://b/f/', 'Denied.', { summary: 'Grant it.' });

  it('names the first broken link and rolls up the status', () => {
    expect(firstBrokenLink(report([ok, unknown, broken, later]))).toBe(broken);
    expect(overallStatus(report([ok, unknown, broken]))).toBe('broken');
    expect(overallStatus(report([ok, unknown]))).toBe('unknown');
    expect(overallStatus(report([ok]))).toBe('ok');
    expect(overallStatus(report([]))).toBe('unknown');
    expect(firstBrokenLink(report([ok, unknown]))).toBeUndefined();
  });

  it('prints a checklist with marks, reasons, and fixes only where something is wrong', () => {
    const lines = chainReportLines(report([ok, unknown, broken]));
    expect(lines[0]).toBe('Doctor: i-0abc');
    expect(lines).toContain('✓ EC2 instance i-0abc is running');
    expect(lines).toContain('? Instance metadata service hands credentials to the agent');
    expect(lines).toContain('✗ Instance i-0abc has an IAM instance profile');
    expect(lines).toContain('    fix: Associate one.');
    expect(lines).toContain('         aws ec2 associate-iam-instance-profile --instance-id i-0abc --iam-instance-profile Name=x');
    expect(lines.at(-1)).toBe('First broken link: Instance i-0abc has an IAM instance profile.');
    expect(chainReportLines(report([ok])).at(-1)).toBe('Every link is ok.');
    expect(chainReportLines(report([ok, unknown])).at(-1)).toMatch(/could not be checked/);
    expect(chainReportLines(report([okLink('a', 'A', 'fine')])).some((line) => line.includes('fix:'))).toBe(false);
  });

  it('keeps links plain JSON', () => {
    const value = report([ok, unknown, broken]);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });
});

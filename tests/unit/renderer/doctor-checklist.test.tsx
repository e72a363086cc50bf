// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ChainChecklist } from '../../../renderer/doctor/ChainChecklist';
import { brokenLink, okLink, unknownLink } from '../../../shared/plan/chain-report';
import type { ChainReport } from '../../../shared/plan/chain-report';

afterEach(cleanup);

const associate = "aws ec2 associate-iam-instance-profile --region 'us-east-1' --instance-id 'i-0123456789abcdef0' --iam-instance-profile Name='keyless-agent-profile'";

const report: ChainReport = {
  subject: 'Doctor: i-0123456789abcdef0 → s3://staging/inbound (read)',
  links: [
    okLink('instance', 'EC2 instance i-0123456789abcdef0 is running', 'It is running in us-east-1.'),
    unknownLink('imds', 'IMDS reachable from the agent', 'Hop limit 1 with IMDSv2 required: fine on the host, broken in a container.', { summary: 'Say where the agent runs.' }),
    brokenLink('association', 'Instance i-0123456789abcdef0 has an IAM instance profile', 'No instance profile is associated.', { summary: 'Create a role and instance profile for the agent, then associate it:', command: associate }),
    brokenLink('s3:ListBucket', 'Role may list the folder', 'Denied: no statement allows it.', { summary: 'Add the S3 policy to the role.', command: 'aws iam put-role-policy --role-name x' }),
  ],
};

const item = (id: string): HTMLElement => {
  const found = screen.getAllByRole('listitem').find((li) => li.dataset.linkId === id);
  if (found === undefined) throw new Error(`no link ${id}`);
  return found;
};

describe('doctor checklist', () => {
  it('lists every link in order with its mark, title and reason', () => {
    render(<ChainChecklist report={report} />);
    const list = screen.getByRole('list', { name: 'Chain of the setup' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.linkId)).toEqual(['instance', 'imds', 'association', 's3:ListBucket']);
    expect(within(item('instance')).getByRole('img', { name: 'ok' }).textContent).toBe('✓');
    expect(within(item('imds')).getByRole('img', { name: 'could not be checked' }).textContent).toBe('?');
    expect(within(item('association')).getByRole('img', { name: 'broken' }).textContent).toBe('✗');
    expect(item('association').textContent).toContain('No instance profile is associated.');
    expect(screen.getByText('First broken link: Instance i-0123456789abcdef0 has an IAM instance profile.')).toBeTruthy();
  });

  it('shows the fix, with its command in a code block, for the first broken link only', () => {
    render(<ChainChecklist report={report} />);
    const fixes = screen.getAllByRole('region', { name: 'Fix' });
    expect(fixes).toHaveLength(1);
    expect(item('association').contains(fixes[0]!)).toBe(true);
    expect(item('association').querySelector('pre code')?.textContent).toBe(associate);
    expect(within(item('association')).getByRole('button', { name: 'Copy command' })).toBeTruthy();
    expect(item('s3:ListBucket').textContent).not.toContain('Add the S3 policy');
    expect(item('s3:ListBucket').querySelector('code')).toBeNull();
    // an unknown link says what would let it be checked, but carries no fix block
    expect(item('imds').textContent).toContain('To check it: Say where the agent runs.');
    expect(item('imds').querySelector('code')).toBeNull();
  });

  it('says every link is ok when none is broken or unknown, with no fix at all', () => {
    render(<ChainChecklist report={{ subject: 's', links: [okLink('instance', 'Instance runs', 'ok.'), okLink('role', 'Role exists', 'ok.')] }} />);
    expect(screen.getByText('Every link is ok.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Fix' })).toBeNull();
    expect(screen.getAllByRole('img', { name: 'ok' })).toHaveLength(2);
  });

  it('says some links could not be checked when nothing is broken but one is unknown', () => {
    render(<ChainChecklist report={{ subject: 's', links: [okLink('instance', 'Instance runs', 'ok.'), unknownLink('policies', 'Policies can be read', 'Not read.')] }} />);
    expect(screen.getByText(/Nothing is broken, but some links could not be checked/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Fix' })).toBeNull();
  });
});

import type { ChainLink, ProfileKind } from '../types';
import { classifyProfile, hasStaticKeys } from './classify-profile';
import type { SharedProfile } from './shared-config';

export type ChainProblem =
  | { readonly kind: 'missingProfile'; readonly profile: string; readonly referencedBy: string }
  | { readonly kind: 'cycle'; readonly profiles: readonly string[] }
  | { readonly kind: 'unsupportedCredentialSource'; readonly profile: string; readonly credentialSource: string };

export interface SourceChain {
  /** The profile first, then each source_profile, ending where credentials come from. */
  readonly links: readonly ChainLink[];
  readonly problem?: ChainProblem;
  /** Each `mfa_serial` in the chain: each hop asks for its own code. */
  readonly mfaSerials: readonly string[];
}

const CREDENTIAL_SOURCES: Readonly<Record<string, ProfileKind>> = {
  Environment: 'environment',
  Ec2InstanceMetadata: 'instanceRole',
  EcsContainer: 'instanceRole',
};

function credentialSourceLink(profile: string, credentialSource: string): ChainLink | ChainProblem {
  const kind = CREDENTIAL_SOURCES[credentialSource];
  return kind === undefined ? { kind: 'unsupportedCredentialSource', profile, credentialSource } : { profile, kind, credentialSource };
}

const isProblem = (value: ChainLink | ChainProblem): value is ChainProblem =>
  value.kind === 'missingProfile' || value.kind === 'cycle' || value.kind === 'unsupportedCredentialSource';

/** The walk up to the first profile seen twice: `a → b → a`, not the SDK's longer detection path. */
function loopOf(path: readonly string[]): string[] {
  const repeat = path.findIndex((profile, index) => path.indexOf(profile) < index);
  return repeat === -1 ? [...path] : path.slice(0, repeat + 1);
}

/**
 * Follows `source_profile` the way the SDK's `fromIni` does, so a chain it reports as broken is
 * one the SDK would refuse: a source with static keys ends the chain even if it also has a
 * `role_arn`; a source with only `credential_source` hands over those credentials; revisiting a
 * source profile is a cycle (a profile may name itself once, to use its own keys).
 */
export function followSourceChain(start: string, profiles: ReadonlyMap<string, SharedProfile>): SourceChain {
  const links: ChainLink[] = [];
  const mfaSerials: string[] = [];
  const visited: string[] = [];
  let current = start;
  let referencedBy = start;
  for (;;) {
    const profile = profiles.get(current);
    if (profile === undefined) return { links, mfaSerials, problem: { kind: 'missingProfile', profile: current, referencedBy } };
    const section = profile.settings;
    const isSource = links.length > 0;
    if (isSource && hasStaticKeys(section)) {
      links.push({ profile: current, kind: 'static' });
      return { links, mfaSerials };
    }
    const roleArn = section.role_arn;
    const credentialSource = section.credential_source;
    if (isSource && (roleArn === undefined || roleArn === '') && credentialSource !== undefined) {
      const end = credentialSourceLink(current, credentialSource);
      if (isProblem(end)) return { links, mfaSerials, problem: end };
      links.push(end);
      return { links, mfaSerials };
    }
    const kind = classifyProfile(section);
    if (kind !== 'assumeRole') {
      links.push({ profile: current, kind });
      return { links, mfaSerials };
    }
    const mfaSerial = section.mfa_serial === undefined || section.mfa_serial === '' ? undefined : section.mfa_serial;
    if (mfaSerial !== undefined) mfaSerials.push(mfaSerial);
    links.push({ profile: current, kind, ...(roleArn === undefined ? {} : { roleArn }), ...(mfaSerial === undefined ? {} : { mfaSerial }) });
    if (credentialSource !== undefined) {
      const end = credentialSourceLink(current, credentialSource);
      if (isProblem(end)) return { links, mfaSerials, problem: end };
      links.push(end);
      return { links, mfaSerials };
    }
    const source = section.source_profile ?? '';
    if (visited.includes(source)) return { links, mfaSerials, problem: { kind: 'cycle', profiles: loopOf([...links.map((link) => link.profile), source]) } };
    visited.push(source);
    referencedBy = current;
    current = source;
  }
}

/** The kind of the link credentials really come from. */
export function rootKind(chain: SourceChain): ProfileKind | undefined {
  return chain.links.at(-1)?.kind;
}

export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'missingProfile':
      return `profile "${problem.referencedBy}" names source_profile "${problem.profile}", which is in neither the config nor the credentials file`;
    case 'cycle':
      return `the source_profile chain loops: ${problem.profiles.join(' → ')}`;
    case 'unsupportedCredentialSource':
      return `profile "${problem.profile}" has credential_source = ${problem.credentialSource}; only Environment, Ec2InstanceMetadata and EcsContainer exist`;
  }
}

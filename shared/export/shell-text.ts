/** A POSIX shell word that stands for exactly `text`: single quotes, with `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Retries a call while IAM changes reach the consuming service (aws.md §1.5): capped backoff, about 2 minutes. */
export const RETRY_PROPAGATION_FUNCTION = `# Retries a call while a new IAM resource propagates: EC2 answers "Invalid IAM Instance Profile"
# and IAM "Invalid principal" for a little while after creation (about 2 minutes at most).
retry_propagation() {
  local attempt=1 delay=2 output
  while true; do
    if output="$("$@" 2>&1)"; then
      if [ -n "$output" ]; then printf '%s\\n' "$output"; fi
      return 0
    fi
    case "$output" in
      *"Invalid IAM Instance Profile"* | *"Invalid principal"*) ;;
      *) printf '%s\\n' "$output" >&2; return 1 ;;
    esac
    if [ "$attempt" -ge 8 ]; then
      printf '%s\\n' "$output" >&2
      return 1
    fi
    echo "Waiting \${delay}s for IAM changes to propagate (attempt \${attempt} of 8)..." >&2
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2 > 30 ? 30 : delay * 2))
  done
}`;

/** The AWS CLI call that attaches an instance profile to an instance, quoted for a shell. */
export function associateCommand(instanceId: string | undefined, profileName: string, region: string | undefined): string {
  const instance = instanceId === undefined ? '<instance-id>' : shellQuote(instanceId);
  const regionArgument = region === undefined ? '' : ` --region ${shellQuote(region)}`;
  return `aws ec2 associate-iam-instance-profile${regionArgument} --instance-id ${instance} --iam-instance-profile ${shellQuote(JSON.stringify({ Name: profileName }))}`;
}

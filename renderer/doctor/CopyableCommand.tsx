import { useState } from 'react';

/** A command to run as is, in a code block with a button that copies it exactly. */
export function CopyableCommand({ command }: { readonly command: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    navigator.clipboard.writeText(command).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="copyable">
      <pre>
        <code>{command}</code>
      </pre>
      <button type="button" onClick={copy}>
        {copied === 'yes' ? 'Copied' : 'Copy command'}
      </button>
      {copied === 'failed' ? <span className="hint">Could not reach the clipboard; select the command and copy it.</span> : null}
    </div>
  );
}

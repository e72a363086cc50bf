import { useState } from 'react';
import { EXPORT_FORMATS } from '../../shared/export/export-input';
import type { ExportFormat, ExportInput } from '../../shared/export/export-input';
import { renderExport } from '../../shared/export/render-export';
import { keylessApi } from '../keyless-api';

const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = {
  json: 'JSON documents',
  terraform: 'Terraform',
  cloudformation: 'CloudFormation',
  'aws-cli': 'AWS CLI script',
};

type SaveState = { readonly kind: 'idle' } | { readonly kind: 'saving'; readonly format: ExportFormat } | { readonly kind: 'saved'; readonly folder: string; readonly files: readonly string[] } | { readonly kind: 'failed'; readonly message: string };

/** Export buttons: files are rendered here from the shared model and saved by main through a native dialog. */
export function ExportBar({ input, blockingErrors }: { readonly input: ExportInput; readonly blockingErrors: number }) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  async function save(format: ExportFormat) {
    const api = keylessApi();
    if (api === undefined) return;
    setState({ kind: 'saving', format });
    const files = renderExport(format, input).map((file) => ({ name: file.name, content: file.content }));
    const result = await api.export.save({ format, suggestedFolderName: `keyless-${format}`, files });
    if (!result.ok) setState({ kind: 'failed', message: `${result.error.message} ${result.error.nextStep}` });
    else if (result.value.saved) setState({ kind: 'saved', folder: result.value.folder, files: result.value.files });
    else setState({ kind: 'idle' });
  }

  return (
    <section className="export-bar" aria-label="Export">
      <h3>Export for your cloud team</h3>
      {blockingErrors > 0 ? (
        <p className="status-warning">
          The documents have {blockingErrors} error-level finding{blockingErrors === 1 ? '' : 's'}; AWS would reject them. Fix those before exporting.
        </p>
      ) : null}
      <div className="export-buttons">
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" disabled={blockingErrors > 0 || state.kind === 'saving'} onClick={() => void save(format)}>
            {FORMAT_LABEL[format]}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {state.kind === 'saving' ? <p>Saving {FORMAT_LABEL[state.format]}…</p> : null}
        {state.kind === 'saved' ? (
          <p role="status">
            Saved {state.files.length} file{state.files.length === 1 ? '' : 's'} in {state.folder}
          </p>
        ) : null}
        {state.kind === 'failed' ? (
          <p role="alert" className="status-error">
            {state.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}

import { useWizard } from '../state/wizard-store';

/** Said plainly in the UI: a screen that does not exist yet is not disguised as one that does. */
export function NotBuiltYet({ title, arrives }: { readonly title: string; readonly arrives: string }) {
  const goHome = useWizard((store) => store.goHome);
  return (
    <section className="not-built" aria-labelledby="not-built-title">
      <h1 id="not-built-title">{title}</h1>
      <p role="status">
        This screen is not built yet. It arrives with {arrives}.
      </p>
      <button type="button" onClick={goHome}>
        Back to start
      </button>
    </section>
  );
}

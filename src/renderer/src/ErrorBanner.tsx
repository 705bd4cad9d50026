import { useLibrary } from './store/library-store.ts';

/** Errors in words, never a blank window. */
export function ErrorBanner() {
  const error = useLibrary((s) => s.error);
  const dismiss = useLibrary((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <p>{error}</p>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

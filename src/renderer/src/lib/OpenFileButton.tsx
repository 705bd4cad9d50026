import { useRef } from 'react';

/**
 * A button that opens the system's file picker and hands over the chosen file. The
 * hidden input keeps its own label, so tests (and assistive tools) can reach it.
 */
export function OpenFileButton({
  label,
  inputLabel,
  accept,
  onFile,
}: {
  label: string;
  inputLabel: string;
  accept: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={inputLabel}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Cleared, so choosing the same file again still counts.
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

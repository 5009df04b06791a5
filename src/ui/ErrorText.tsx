import type { ErrorField } from '../state/store';
import { useStore } from '../state/store';

/** A user-facing error shown next to the control that caused it. */
export function ErrorText({ field, id }: { field: ErrorField; id?: string }) {
  const msg = useStore((s) => s.errors[field]);
  if (!msg) return null;
  return (
    <p className="error" role="alert" id={id} data-testid={`error-${field}`}>
      {msg}
    </p>
  );
}

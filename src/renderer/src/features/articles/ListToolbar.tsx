import { useLibrary } from '../../store/library-store.ts';

/** Sort order, "mark all as read", and the undo that follows it. */
export function ListToolbar({ title }: { title: string }) {
  const order = useLibrary((s) => s.order);
  const setOrder = useLibrary((s) => s.setOrder);
  const markAllRead = useLibrary((s) => s.markAllRead);
  const undo = useLibrary((s) => s.undo);
  const undoMarkRead = useLibrary((s) => s.undoMarkRead);
  return (
    <div className="list-toolbar">
      <label>
        Order
        <select value={order} onChange={(e) => void setOrder(e.currentTarget.value as 'newest' | 'oldest')}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </label>
      <button type="button" onClick={() => void markAllRead(title)}>
        Mark all as read
      </button>
      {undo && (
        <p className="undo" role="status">
          Marked {undo.ids.length} in {undo.label} as read.{' '}
          <button type="button" onClick={() => void undoMarkRead()}>
            Undo
          </button>
        </p>
      )}
    </div>
  );
}

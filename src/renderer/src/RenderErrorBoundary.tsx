import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** If drawing the window ever fails, say so in words and offer a way back — never a blank window. */
export class RenderErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="welcome" aria-labelledby="render-error-title">
        <h2 id="render-error-title">Broadsheet could not draw this view</h2>
        <p>Your library is safe: nothing was changed. The problem was: {this.state.error.message}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload the window
        </button>
      </main>
    );
  }
}

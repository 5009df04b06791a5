import { Component, type ReactNode } from 'react';

/** Keeps one panel's rendering bug from blanking the page: the panel shows the error and a retry. */
export class ErrorBoundary extends Component<{ name: string; children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <section className="panel" role="alert">
          <h2>{this.props.name}</h2>
          <p className="error">This panel hit a problem and could not be shown: {this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </section>
      );
    }
    return this.props.children;
  }
}

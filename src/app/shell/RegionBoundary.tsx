/**
 * An error boundary around one region, so a failure in (say) the source reader leaves
 * the timeline, list and filters usable. Shows what failed and offers to try again.
 */
import { Component, type ReactNode } from 'react';

type Props = { name: string; children: ReactNode };
type State = { error: Error | null };

/** Catches render errors in `children` and shows a message naming the region. */
export class RegionBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="region load-error">
        <p>
          The {this.props.name} could not be shown: {error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegionBoundary } from '../../src/app/shell/RegionBoundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('events[3].sources: expected an array, got null');
  return <p>Recovered</p>;
}

describe('RegionBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows what failed in one region, keeps its neighbours, and tries again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <RegionBoundary name="source reader">
          <Fragile />
        </RegionBoundary>
        <p>Timeline still here</p>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The source reader could not be shown: events[3].sources: expected an array, got null',
    );
    expect(screen.getByText('Timeline still here')).toBeInTheDocument();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Recovered')).toBeInTheDocument();
  });
});

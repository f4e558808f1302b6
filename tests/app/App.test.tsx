import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';

function serve(body: string, status = 200) {
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, { status }));
}

const timeline = {
  schemaVersion: 1,
  generator: { name: 'dateline', version: 'test' },
  articles: [
    { id: 'a1', title: 'Defense chiefs meet', publisher: 'Yonhap', published: '2025-11-04', text: 'data/articles/a1.json' },
  ],
  actors: [],
  events: [],
};

describe('App', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists the articles of a valid timeline', async () => {
    serve(JSON.stringify(timeline));
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(await screen.findByRole('list', { name: 'Articles' })).toHaveTextContent('Defense chiefs meet');
  });

  it('names the file and the field that failed', async () => {
    serve(JSON.stringify({ ...timeline, articles: [{ ...timeline.articles[0], published: 42 }] }));
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('data/timeline.json: articles[0].published');
  });

  it('explains a missing file and retries on request', async () => {
    const fetch = serve('not found', 404);
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('data/timeline.json: expected the file, got HTTP 404');
    fetch.mockResolvedValue(new Response(JSON.stringify(timeline)));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Articles' })).toBeInTheDocument();
  });
});

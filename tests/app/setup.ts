import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The first render of a test file also loads the lazy timeline chunk; on a busy machine
// that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());

/**
 * Imported first by main.tsx: takes over the data worker the built page's head script
 * started, or starts it before React's modules are evaluated (in dev, or when the head
 * script has not run), so the worker's own start-up (its script, zod and the schemas)
 * overlaps the page's.
 */
import { startDataWorker } from './dataFiles';

startDataWorker();

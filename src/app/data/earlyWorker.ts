/**
 * Imported first by main.tsx: starts the data worker before React's modules are evaluated,
 * so the worker's own start-up (its script, zod and the schemas) overlaps the page's.
 */
import { startDataWorker } from './dataFiles';

startDataWorker();

/**
 * Turns zod's JIT off before any schema is built. The built app's Content-Security-Policy
 * forbids eval, and zod probes `new Function` while constructing object schemas; the
 * browser reports that probe as a violation even though zod catches the error. Import
 * this module first in main.tsx so it runs before the modules that define schemas.
 */
import { z } from 'zod';

z.config({ jitless: true });

/**
 * A reading page opened from a search result: its query's terms marked in
 * the passage (landing.ts). src/scripts/reading.ts loads this module only
 * then; it runs on load, so it offers nothing (see lazy.ts).
 */
import { applyLanding } from './landing.ts';

applyLanding();

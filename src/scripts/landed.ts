/**
 * A reading page opened from a search result: its query's terms marked in
 * the passage (landing.ts). ReadingView.astro loads this module only then.
 */
import { applyLanding } from './landing.ts';

applyLanding();

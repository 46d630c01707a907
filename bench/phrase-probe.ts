/**
 * One search in the site's own UI on a built site, for probing a query's
 * cost by hand: `node bench/phrase-probe.ts <dist> <query> [<query> …]`
 * prints, for each query on a fresh page load of /search/, the bytes search
 * downloaded, the time to the first result, and the passages shown.
 */
import { launchChromium } from '../tests/helpers/chromium.ts';
import { serve } from '../tests/helpers/serve.ts';
import { searchCost } from './measure.ts';

const [dist, ...queries] = process.argv.slice(2);
if (!dist || !queries.length) throw new Error('usage: node bench/phrase-probe.ts <dist> <query> …');
const browser = await launchChromium();
const server = await serve(dist, { host: true });
try {
  for (const q of queries) {
    const { first } = await searchCost(browser, server, 'page', '/', q, 'zzzz');
    console.log(`${q}\t${(first.bytes / 1024).toFixed(1)} KB\t${first.ms.toFixed(0)} ms\t${first.results} passages`);
  }
} finally {
  await server.close();
  await browser.close();
}

/**
 * The one script every page loads, from Base.astro: the theme toggle, the
 * header's search, on the search page its search, and on a reading page its
 * tools (reading.ts) with the notes' margin. One file, so a reading page runs
 * one small request on load (under 2 KB gzip; each file of its own would add
 * its own compression overhead) and every page after it finds the file
 * cached. All else loads on use.
 */
import './theme-toggle.ts';
import { startPageSearch } from './site-search.ts';
import { startReading } from './reading.ts';

const searchPage = document.querySelector('search-ui[data-mode="page"]');
if (searchPage) startPageSearch(searchPage);
if (document.getElementById('reader-status')) startReading();

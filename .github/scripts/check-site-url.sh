#!/usr/bin/env bash
# Refuse to build a site for publishing without its real address: the deploy workflows (pages.yml,
# build-sharded.yml) run this before building. A local or missing SITE_URL would put that address in every
# canonical link, card, citation, the sitemap and the feed. Prints a GitHub Actions error and exits 1 then.
case "${SITE_URL:-}" in
  http://localhost* | https://localhost* | http://127.* | https://127.* | http://\[::1\]* | https://\[::1\]*)
    echo "::error::SITE_URL is $SITE_URL, a local address. Set the repository variable SITE_URL to the site's public address."
    exit 1
    ;;
  https://?* | http://?*) echo "Building for $SITE_URL" ;;
  '')
    echo "::error::SITE_URL is not set. Set the repository variable SITE_URL to the site's public address (https://…)."
    exit 1
    ;;
  *)
    echo "::error::SITE_URL is $SITE_URL, not an http(s) address. Set the repository variable SITE_URL to the site's public address (https://…)."
    exit 1
    ;;
esac

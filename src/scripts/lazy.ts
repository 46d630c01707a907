/**
 * Modules a page loads on use. Each is imported as `…?worker&url`: Vite
 * bundles it as an ES module of its own and gives its address, and a plain
 * `import()` loads it (Vite's own dynamic import would bring its preload
 * helper, about 1 KB gzip, into every page that might load one). Such a
 * bundle keeps no exports, so a module hands over what it offers with
 * {@link offer}, under its own address, and {@link loadModule} resolves to it.
 */
const registry = ((globalThis as { readerModules?: Map<string, unknown> }).readerModules ??= new Map<string, unknown>());

/** Offer `api` as what the module at `url` (its `import.meta.url`) gives whoever loads it. */
export function offer(url: string, api: unknown): void {
  registry.set(url, api);
}

/** Load the module at `url` (a `?worker&url` address) and resolve to what it offers. */
export async function loadModule<T>(url: string): Promise<T> {
  const href = new URL(url, location.href).href;
  await import(/* @vite-ignore */ href);
  return registry.get(href) as T;
}

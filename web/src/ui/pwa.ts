/**
 * Makes the console and the dialer installable (manifest + this service worker) and routes
 * notifications through the worker, so they work in an installed app (where `new Notification` is
 * not allowed on Android) and bring the dialer back when clicked. Not in a frame: a CRM's page owns
 * its own origin's workers, and a framed dialer cannot show notifications anyway.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || window.parent !== window) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // Without a worker the apps still run in a tab; only installing and background notifications are lost.
  });
}

/** A notification through the service worker when it runs, else the page's own. */
export async function showNotification(
  title: string,
  options: { body?: string; tag: string },
): Promise<void> {
  const registration =
    'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration('/') : undefined;
  const worker = registration?.active;
  if (worker) {
    worker.postMessage({ type: 'parley.notify', title, body: options.body ?? '', tag: options.tag });
    return;
  }
  new Notification(title, options);
}

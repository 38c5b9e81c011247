// Parley's service worker: makes the dialer and the console installable, and shows the dialer's
// call notifications (they stay visible while the app is in the background) and brings the dialer
// back when one is clicked. It caches nothing: Parley is useless offline, and a stale dialer worse.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'parley.notify' || typeof data.title !== 'string') return;
  event.waitUntil(
    self.registration.showNotification(data.title, {
      body: typeof data.body === 'string' ? data.body : '',
      tag: typeof data.tag === 'string' ? data.tag : 'parley',
      icon: '/icons/parley-192.png',
      requireInteraction: true,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const dialer = windows.find((client) => new URL(client.url).pathname.startsWith('/dialer'));
      return dialer ? dialer.focus() : self.clients.openWindow('/dialer');
    }),
  );
});

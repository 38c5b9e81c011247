/**
 * Where this Parley runs (https, as in PUBLIC_URL). The same origin must be listed in
 * `permittedUrls.fetch` of app-hsmeta.json: HubSpot lets a card fetch nothing else.
 */
export const PARLEY_URL = 'https://parley.example.com';

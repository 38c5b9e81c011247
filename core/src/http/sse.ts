import type { Request, Response } from 'express';
import type { Bus, Unsubscribe } from '../bus/bus.ts';

const KEEPALIVE_MS = 25_000;

/**
 * Streams bus messages as server-sent events until the client goes away. Each message's
 * `type` becomes the SSE event name; a comment line every 25 s keeps proxies from closing
 * an idle stream.
 */
export async function streamChannels(
  req: Request,
  res: Response,
  bus: Bus,
  channels: string[],
): Promise<void> {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const send = (message: unknown) => {
    const type =
      typeof message === 'object' && message !== null && 'type' in message ? String(message.type) : 'message';
    res.write(`event: ${type}\ndata: ${JSON.stringify(message)}\n\n`);
  };
  const unsubscribes: Unsubscribe[] = await Promise.all(channels.map((c) => bus.subscribe(c, send)));
  res.write(`event: ready\ndata: ${JSON.stringify({ channels: channels.length })}\n\n`);
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  req.on('close', () => {
    clearInterval(keepalive);
    for (const unsubscribe of unsubscribes) unsubscribe().catch(() => undefined);
  });
}

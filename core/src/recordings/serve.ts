import type { Request, Response } from 'express';
import { parseRange } from './range.ts';

/**
 * Sends audio with byte ranges (206), as `<audio>` seeking and HubSpot's player need. Private:
 * no shared cache may keep a recording.
 */
export function sendAudio(
  req: Request,
  res: Response,
  audio: { bytes: Uint8Array; contentType: string },
  fileName: string,
): void {
  const size = audio.bytes.length;
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', audio.contentType);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Disposition', `inline; filename="${fileName}"`);
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.status(416).setHeader('Content-Range', `bytes */${size}`);
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  if (range) res.status(206).setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  else res.status(200);
  res.setHeader('Content-Length', String(end - start + 1));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.end(Buffer.from(audio.bytes.buffer, audio.bytes.byteOffset + start, end - start + 1));
}

/** The file name a recording downloads as. */
export function audioFileName(callId: string, contentType: string): string {
  return `call-${callId}.${contentType === 'audio/mpeg' ? 'mp3' : 'wav'}`;
}
